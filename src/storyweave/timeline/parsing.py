"""Evidence spans into articles.

The ``Doc`` of a sentence comes from :mod:`storyweave.nlp.sentences` (cut from the article's
stored parse, or parsed on its own when there is none).
"""

from __future__ import annotations

from dataclasses import dataclass

from .._types import JSON, ArticleId
from ..model import Span


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
