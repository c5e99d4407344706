"""The spaCy parse of an article body: the pipeline's ``doc`` layer, a stored parse, or a fresh
parse.

Stored articles come back without their ``doc``; the store keeps the parse beside them
(:meth:`storyweave.storage.SQLStore.parses`), and :func:`attach_parses` puts it back when
it is still good: made by the model loaded now, readable, and of the article's body as it
is. The claims step parses whatever is left with the same model as the ``ner`` stage, so
offsets and tokens agree either way.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping, Sequence
from typing import Any

from storyweave._types import ArticleId
from storyweave.errors import StorageError
from storyweave.model import AnnotatedArticle
from storyweave.storage.parses import StoredParse, decode_parse

log = logging.getLogger(__name__)


def attach_parses(
    items: Sequence[AnnotatedArticle], stored: Mapping[ArticleId, StoredParse]
) -> list[AnnotatedArticle]:
    """``items``, each without a ``doc`` given its stored parse where that parse is usable
    (see :func:`usable_parse`); the others unchanged."""
    wanted = [i.article.id for i in items if i.doc is None and i.article.id in stored]
    if not wanted:
        return list(items)
    from storyweave.pipeline.ner import load_nlp, parse_model

    model, vocab = parse_model(), load_nlp().vocab
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


def docs_for(
    items: Sequence[AnnotatedArticle], stored: Mapping[ArticleId, StoredParse] | None = None
) -> list[Any]:
    """One spaCy ``Doc`` of ``article.body`` per item: the pipeline's where present, else the
    usable one in ``stored``, else a fresh parse."""
    if stored:
        items = attach_parses(items, stored)
    missing = [i for i, item in enumerate(items) if item.doc is None]
    out: list[Any] = [item.doc for item in items]
    if missing:
        from storyweave.pipeline.ner import load_nlp

        texts = [items[i].article.body for i in missing]
        for i, doc in zip(missing, load_nlp().pipe(texts, batch_size=32), strict=True):
            out[i] = doc
    return out
