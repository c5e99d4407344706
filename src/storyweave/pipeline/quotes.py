"""The ``attributions`` stage: quotes, reported speech and attribution chains.

Wraps :func:`storyweave.quotes.find_attributions` over the spaCy Doc that the
``ner`` stage leaves on the article; an article in a language read in part
gets :func:`storyweave.foreign.find_foreign_attributions` (no parse). The
article's credit line is not put into the chains here; the report prepends it
(see docs/stages/quotes.md).
"""

from __future__ import annotations

from typing import Any

from storyweave.errors import ValidationError
from storyweave.foreign import find_foreign_attributions
from storyweave.model import AnnotatedArticle
from storyweave.nlp import languages
from storyweave.pipeline.registry import stage
from storyweave.quotes import find_attributions


@stage(
    "attributions",
    requires={"sentences", "doc", "mentions"},
    produces={"attributions"},
    version="5",
)
def attributions(item: AnnotatedArticle) -> dict[str, Any]:
    """Find who said what, and through whom, in the article body: by the English parse, or by
    the quotation marks and verbs of saying of a language read in part."""
    if not languages.analysed(item.language):
        if not languages.read_in_part(item.language):
            return {"attributions": ()}
        spans = [s.span for s in item.sentences]
        found = find_foreign_attributions(
            item.article.body, spans, item.language or "", start=item.article.own_start
        )
        return {"attributions": tuple(found)}
    doc = item.doc
    if doc is None or doc.text != item.article.body:
        raise ValidationError(
            "E402",
            field="doc layer",
            detail="the spaCy Doc is missing or is not of the article body; run 'ner' first",
        )
    return {"attributions": tuple(find_attributions(doc))}
