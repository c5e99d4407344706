"""Sentences parsed on their own with spaCy, and evidence spans into articles.

The timeline and the entity graph read the syntax of a few sentences (those that hold
a dated event, or two entities and a meeting word). Each is parsed by itself, whether
or not the pipeline's transient ``doc`` is still there, so that the result is the same
when a report is rebuilt from the store (which may have no parse of an article). A token's
offset in the article is ``sentence start + token.idx``.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .._types import JSON, ArticleId
from ..model import Span

PARSE_CACHE_SIZE = 4096
PARSE_BATCH = 64
_UNUSED_PIPES = ("ner",)  # names come from the linked mentions, not from this parse


class _DocCache:
    """The last PARSE_CACHE_SIZE sentence parses, by text."""

    def __init__(self) -> None:
        self.docs: OrderedDict[str, Any] = OrderedDict()

    def get(self, text: str) -> Any | None:
        doc = self.docs.get(text)
        if doc is not None:
            self.docs.move_to_end(text)
        return doc

    def put(self, text: str, doc: Any) -> None:
        self.docs[text] = doc
        while len(self.docs) > PARSE_CACHE_SIZE:
            self.docs.popitem(last=False)


_CACHE = _DocCache()


def parse_sentences(texts: Sequence[str]) -> list[Any]:
    """The spaCy ``Doc`` of each sentence (tagger, parser, lemmas; no NER), parsed in batches
    with ``nlp.pipe`` (about twice as fast as one by one) and cached by text."""
    from ..pipeline.ner import load_nlp

    missing = [t for t in dict.fromkeys(texts) if _CACHE.get(t) is None]
    if missing:
        docs = load_nlp().pipe(missing, batch_size=PARSE_BATCH, disable=list(_UNUSED_PIPES))
        for text, doc in zip(missing, docs, strict=True):
            _CACHE.put(text, doc)
    out: list[Any] = []
    for t in texts:
        doc = _CACHE.get(t)
        if doc is None:  # evicted by a batch larger than the cache
            doc = parse_sentences([t])[0]
        out.append(doc)
    return out


def parse_sentence(text: str) -> Any:
    """The spaCy ``Doc`` of one sentence (see :func:`parse_sentences`)."""
    return parse_sentences([text])[0]


@dataclass(frozen=True, slots=True, order=True)
class Cite:
    """One evidence span: ``span`` into the text of article ``article``."""

    article: ArticleId
    span: Span

    def to_json(self, text: str) -> JSON:
        """The report's evidence shape: ``{"article", "start", "end", "text"}``."""
        return {
            "article": self.article,
            "start": self.span.start,
            "end": self.span.end,
            "text": self.span.text_in(text),
        }


def cite_of(row: JSON) -> Cite:
    """A :class:`Cite` from a report evidence dict."""
    return Cite(str(row["article"]), Span(int(row["start"]), int(row["end"])))
