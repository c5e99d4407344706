"""Sentences parsed on their own with spaCy, and evidence spans into articles.

The timeline and the entity graph read the syntax of a few sentences (those that hold
a dated event, or two entities and a meeting word). Each is parsed by itself, whether
or not the pipeline's transient ``doc`` is still there, so that the result is the same
when a report is rebuilt from the store (which never keeps a ``doc``). A token's
offset in the article is ``sentence start + token.idx``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from .._types import JSON, ArticleId
from ..model import Span

PARSE_CACHE_SIZE = 4096


@functools.lru_cache(maxsize=PARSE_CACHE_SIZE)
def parse_sentence(text: str) -> Any:
    """The spaCy ``Doc`` of one sentence (parser, lemmas and entities), cached by text."""
    from ..pipeline.ner import load_nlp

    return load_nlp()(text)


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
