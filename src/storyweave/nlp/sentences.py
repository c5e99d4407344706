"""The ``Doc`` of one sentence or span of an article: cut from the article's parse, or parsed
on its own.

The timeline, the brief and the entity graph read the syntax of a few sentences (those that
hold a dated event, a claim's evidence, two entities and a meeting word). Each reader gets a
``Doc`` of just that text, whose token offsets count from the text's start (an offset in the
article is ``span start + token.idx``). When the article's parse is there (:mod:`.attach`),
the ``Doc`` is cut from it (:func:`cut_span`); only a text that is not a whole-token span of
a parsed body is parsed by itself (:func:`parse_sentences`, cached by text).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from . import models

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
    """The spaCy ``Doc`` of each text parsed on its own (tagger, parser, lemmas; no NER), in
    batches with ``nlp.pipe`` (about twice as fast as one by one) and cached by text."""
    missing = [t for t in dict.fromkeys(texts) if _CACHE.get(t) is None]
    if missing:
        nlp = models.load_nlp()
        docs = nlp.pipe(missing, batch_size=PARSE_BATCH, disable=list(_UNUSED_PIPES))
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
    """The spaCy ``Doc`` of one text parsed on its own (see :func:`parse_sentences`)."""
    return parse_sentences([text])[0]


def cut_span(doc: Any, start: Any, end: Any) -> Any | None:
    """A ``Doc`` of ``doc.text[start:end]`` with ``doc``'s annotations (tags, lemmas, heads and
    dependencies inside the span, entities, sentence starts), or None when there is no ``doc``
    or the range does not start and end on its token boundaries."""
    if doc is None or not isinstance(start, int) or not isinstance(end, int):
        return None
    if not 0 <= start < end <= len(doc.text):
        return None
    span = doc.char_span(start, end)
    if span is None or not len(span) or span.text != doc.text[start:end]:
        return None
    sub = span.as_doc()
    if not sub[-1].whitespace_:
        return sub
    # Span.as_doc keeps the last token's trailing space: the cut must read as the span does
    from spacy.attrs import SPACY
    from spacy.tokens import Doc

    attrs = [a for a in sub._get_array_attrs() if a != SPACY]
    spaces = [bool(t.whitespace_) for t in sub]
    spaces[-1] = False
    out = Doc(sub.vocab, words=[t.text for t in sub], spaces=spaces)
    out.from_array(attrs, sub.to_array(attrs))
    return out


def span_docs(requests: Sequence[tuple[Any, Any, Any, str]]) -> list[Any]:
    """For each ``(doc, start, end, text)``, the ``Doc`` of ``text``, which is
    ``article.text[start:end]`` and ``doc`` the parse of that article's body (or None): cut
    from ``doc`` where it can be, else parsed on its own (all of those in one batch)."""
    out = [_cut_of(doc, start, end, text) for doc, start, end, text in requests]
    missing = [n for n, d in enumerate(out) if d is None]
    if missing:
        parsed = parse_sentences([requests[n][3] for n in missing])
        for n, d in zip(missing, parsed, strict=True):
            out[n] = d
    return out


def _cut_of(doc: Any, start: Any, end: Any, text: str) -> Any | None:
    cut = cut_span(doc, start, end)
    return cut if cut is not None and cut.text == text else None


def span_doc(doc: Any, start: Any, end: Any, text: str) -> Any:
    """The ``Doc`` of one span (see :func:`span_docs`)."""
    return span_docs([(doc, start, end, text)])[0]
