"""An article's parse after ingest: its stored parse put back, or (failing that) a fresh one.

Stored articles come back without their ``doc``; the store keeps the parse beside them
(:meth:`storyweave.storage.SQLStore.parses`), and :func:`attach_parses` puts it back when
it is still good: made by the model loaded now, readable, and of the article's body as it
is. :func:`with_docs` then parses whatever is left, with the same model as the ``ner``
stage, so offsets and tokens agree either way, and every reader of the items (claims,
timeline, brief) shares the one ``Doc`` of each article.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping, Sequence
from typing import Any

from .._types import ArticleId
from ..errors import StorageError
from ..model import AnnotatedArticle
from . import models
from .stored import StoredParse, decode_parse

log = logging.getLogger(__name__)

PARSE_BATCH = 32


def attach_parses(
    items: Sequence[AnnotatedArticle], stored: Mapping[ArticleId, StoredParse]
) -> list[AnnotatedArticle]:
    """``items``, each without a ``doc`` given its stored parse where that parse is usable
    (see :func:`usable_parse`); the others unchanged."""
    wanted = [i.article.id for i in items if i.doc is None and i.article.id in stored]
    if not wanted:
        return list(items)
    model, vocab = models.parse_model(), models.load_nlp().vocab
    out: list[AnnotatedArticle] = []
    for item in items:
        parse = stored.get(item.article.id) if item.doc is None else None
        doc = usable_parse(item, parse, model=model, vocab=vocab) if parse else None
        out.append(dataclasses.replace(item, doc=doc) if doc is not None else item)
    return out


def usable_parse(item: AnnotatedArticle, parse: StoredParse, *, model: str, vocab: Any) -> Any:
    """The ``Doc`` of ``parse`` if it is one of ``item``'s body by ``model``, else None (a stale
    model, unreadable bytes, or another text: the body is parsed again)."""
    aid = item.article.id
    if parse.model != model:
        log.info("stored parse of %s is by %s, not %s: parsing again", aid, parse.model, model)
        return None
    try:
        doc = decode_parse(aid, parse.data, vocab)
    except StorageError as e:
        log.warning("%s", e)
        return None
    if doc.text != item.article.body:
        log.warning("stored parse of %s is of another text: parsing again", aid)
        return None
    return doc


def with_docs(
    items: Sequence[AnnotatedArticle], stored: Mapping[ArticleId, StoredParse] | None = None
) -> list[AnnotatedArticle]:
    """``items``, each with the ``Doc`` of its body: the pipeline's where present, else the
    usable one in ``stored``, else a fresh parse (all the missing bodies in one ``nlp.pipe``)."""
    out = attach_parses(items, stored) if stored else list(items)
    missing = [n for n, item in enumerate(out) if item.doc is None]
    if missing:
        texts = [out[n].article.body for n in missing]
        languages = [out[n].article_language for n in missing]
        docs = models.parse_bodies(texts, languages, batch_size=PARSE_BATCH)
        for n, doc in zip(missing, docs, strict=True):
            out[n] = dataclasses.replace(out[n], doc=doc)
    return out


def docs_for(
    items: Sequence[AnnotatedArticle], stored: Mapping[ArticleId, StoredParse] | None = None
) -> list[Any]:
    """One spaCy ``Doc`` of ``article.body`` per item (see :func:`with_docs`)."""
    return [item.doc for item in with_docs(items, stored)]
