"""Claims for the JSON report: one story's stored articles in, ``stories[].claims`` rows out.

DOCS: docs/stages/claims.md
"""

from __future__ import annotations

from collections.abc import Sequence

from storyweave._types import JSON
from storyweave.model import AnnotatedArticle, Duplicate
from storyweave.nlp import languages
from storyweave.nlp.multilingual import default_multilingual

from .align import Embed
from .crosslingual import translated_pairs
from .find import find_claims


def story_claims(
    items: Sequence[AnnotatedArticle],
    *,
    duplicates: Sequence[Duplicate] = (),
    embed: Embed | None = None,
) -> list[JSON]:
    """The report rows of one story's claims.

    Stored mentions carry their entity ids, so no linking is needed; when none does
    (articles straight from the pipeline), the articles are linked here. A story with an
    article in a language read in part aligns its figures with the multilingual embedder.
    """
    if not items:
        return []
    foreign = any(languages.read_in_part(i.article_language) for i in items)
    multilingual = default_multilingual() if foreign else None
    linked = any(m.entity_id for item in items for m in item.mentions)
    if linked:
        found = find_claims(
            items, entities={}, duplicates=duplicates, embed=embed, multilingual=multilingual
        )
        return [c.to_json() for c in found]
    from storyweave.entities import link_entities

    links = link_entities(items)
    claims = find_claims(
        items, entities=links, duplicates=duplicates, embed=embed, multilingual=multilingual
    )
    return [c.to_json() for c in claims]


def story_translations(items: Sequence[AnnotatedArticle]) -> list[JSON]:
    """The story's foreign articles that translate one of its English articles, as
    ``{"article", "original", "share"}`` rows (:func:`.crosslingual.translated_pairs`); none
    without an article read in part or without the multilingual model."""
    if not any(languages.read_in_part(i.article_language) for i in items):
        return []
    multilingual = default_multilingual()
    if multilingual is None:
        return []
    return [
        {"article": foreign, "original": english, "share": round(share, 3)}
        for foreign, english, share in translated_pairs(items, multilingual)
    ]
