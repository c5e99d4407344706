"""Claims for the JSON report: one story's stored articles in, ``stories[].claims`` rows out.

DOCS: docs/stages/claims.md
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storyweave._types import JSON
from storyweave.model import AnnotatedArticle, Duplicate
from storyweave.nlp import languages
from storyweave.nlp.multilingual import MultilingualEmbed, default_multilingual

from .align import Embed
from .crosslingual import translated_pairs
from .find import find_claims


def story_claims(
    items: Sequence[AnnotatedArticle],
    *,
    duplicates: Sequence[Duplicate] = (),
    embed: Embed | None = None,
    translations: Sequence[JSON] | None = None,
) -> list[JSON]:
    """The report rows of one story's claims.

    Stored mentions carry their entity ids, so no linking is needed; when none does
    (articles straight from the pipeline), the articles are linked here. A story with an
    article in a language read in part aligns its figures with the multilingual embedder;
    ``translations`` are the story's (:func:`story_translations`), found here when not given.
    """
    if not items:
        return []
    multilingual = _multilingual_for(items)
    translated = None
    if translations is not None:
        translated = [(t["article"], t["original"], t["share"]) for t in translations]
    linked = any(m.entity_id for item in items for m in item.mentions)
    if linked:
        links: Any = {}
    else:
        from storyweave.entities import link_entities

        links = link_entities(items)
    claims = find_claims(
        items,
        entities=links,
        duplicates=duplicates,
        embed=embed,
        multilingual=multilingual,
        translated=translated,
    )
    return [c.to_json() for c in claims]


def story_translations(items: Sequence[AnnotatedArticle]) -> list[JSON]:
    """The story's foreign articles that translate one of its English articles, as
    ``{"article", "original", "share"}`` rows (:func:`.crosslingual.translated_pairs`); none
    without an article read in part or without the multilingual model."""
    multilingual = _multilingual_for(items)
    if multilingual is None:
        return []
    return [
        {"article": foreign, "original": english, "share": round(share, 3)}
        for foreign, english, share in translated_pairs(items, multilingual)
    ]


def _multilingual_for(items: Sequence[AnnotatedArticle]) -> MultilingualEmbed | None:
    """The multilingual embedder when the story holds an article read in part (and the model
    is installed), else None."""
    if not any(languages.read_in_part(i.article_language) for i in items):
        return None
    return default_multilingual()
