"""The spaCy parse of an article body: the pipeline's ``doc`` layer, or a fresh parse.

Stored articles come back without their ``doc`` (it is never persisted), so the
claims step parses the body again when it has to, with the same model as the
``ner`` stage so that offsets and tokens agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storyweave.model import AnnotatedArticle


def docs_for(items: Sequence[AnnotatedArticle]) -> list[Any]:
    """One spaCy ``Doc`` of ``article.body`` per item, reusing the pipeline's where present."""
    missing = [i for i, item in enumerate(items) if item.doc is None]
    out: list[Any] = [item.doc for item in items]
    if missing:
        from storyweave.pipeline.ner import load_nlp

        texts = [items[i].article.body for i in missing]
        for i, doc in zip(missing, load_nlp().pipe(texts, batch_size=32), strict=True):
            out[i] = doc
    return out
