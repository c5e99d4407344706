"""Stored spaCy parses: an article body's ``Doc`` as bytes, tagged with the model that made it.

A parse is kept as a one-document spaCy ``DocBin`` (token attributes as arrays, zlib-compressed;
no tensor, no user data): about 6 KB for a 230-word article, read back in about 1 ms where
parsing takes 50 to 80 ms (docs/decisions/stored-parses.md). It is only valid for the model
that made it, so every one carries :func:`.models.parse_model`'s tag. The store writes and
reads these bytes as they are; encoding and decoding happen here, beside the model.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .._types import ArticleId
from ..errors import StorageError


@dataclass(frozen=True, slots=True)
class StoredParse:
    """One stored parse: the tag of the model that made it and the encoded ``Doc``."""

    model: str
    data: bytes


def encode_parse(doc: Any) -> bytes:
    """``doc`` as the bytes of a one-document ``DocBin``."""
    from spacy.tokens import DocBin

    packed = DocBin(store_user_data=False)
    packed.add(doc)
    return bytes(packed.to_bytes())


def decode_parse(aid: ArticleId, data: bytes, vocab: Any) -> Any:
    """The ``Doc`` that :func:`encode_parse` wrote, on ``vocab``; :class:`StorageError` (E306)
    when the bytes are not one readable document."""
    from spacy.tokens import DocBin

    try:
        docs = list(DocBin().from_bytes(data).get_docs(vocab))
    except Exception as e:  # zlib, msgpack and numpy each raise their own kind
        raise StorageError("E306", article=aid, detail=f"{type(e).__name__}: {e}") from e
    if len(docs) != 1:
        raise StorageError("E306", article=aid, detail=f"{len(docs)} documents, expected 1")
    return docs[0]


def stored_parse(doc: Any) -> StoredParse | None:
    """What the store keeps of ``doc``: its bytes with the current model's tag; None without a
    doc, or for a doc another pipeline made (a test's blank model), which the tag would misname."""
    if doc is None:
        return None
    from . import models

    if doc.vocab is not models.load_nlp().vocab:
        return None
    return StoredParse(models.parse_model(), encode_parse(doc))
