"""The fail-closed check: a brief sentence is emitted only when its evidence supports it.

Supported means: every evidence span lies inside its article and says what it claims to
say, and every content word of the sentence (lower-cased words and numbers that are not
stop words) occurs in the evidence. Wording drawn from the articles passes; an invented
word does not.

DOCS: docs/stages/brief.md
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Final

from .._types import JSON, ArticleId

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# negations ("not", "no", "nor") are content: a sentence may not drop or add one
# fmt: off
STOP_WORDS: Final = frozenset({
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for",
    "from", "by", "with", "as", "into", "onto", "over", "under", "about", "after", "before",
    "than", "then", "that", "this", "these", "those", "it", "its", "is", "are", "was", "were",
    "be", "been", "being", "has", "have", "had", "do", "does", "did", "so", "such", "which",
    "who", "whom", "whose", "what", "when", "where", "while", "both", "either", "also", "there",
    "their", "they", "them", "he", "him", "his", "she", "her", "we", "our", "you", "your", "i",
    "me", "my", "s", "t",
})
# fmt: on


def content_words(text: str) -> set[str]:
    """The words of ``text`` that carry content: lower-cased, without stop words."""
    words = {w.lower() for w in _WORD.findall(text.replace("’", "'"))}
    return words - STOP_WORDS


def unsupported_words(text: str, evidence: Iterable[str]) -> set[str]:
    """Content words of ``text`` that no evidence text contains (empty when supported)."""
    have: set[str] = set()
    for ev in evidence:
        have |= content_words(ev)
    return content_words(text) - have


def evidence_ok(evidence: Iterable[JSON], texts: Mapping[ArticleId, str]) -> bool:
    """Every span names a known article, lies inside its text, is not empty, and its
    ``text`` (when given) is exactly the article's text at those offsets."""
    rows = list(evidence)
    if not rows:
        return False
    for ev in rows:
        text = texts.get(str(ev.get("article")))
        start, end = ev.get("start"), ev.get("end")
        if text is None or not isinstance(start, int) or not isinstance(end, int):
            return False
        if not 0 <= start < end <= len(text):
            return False
        if "text" in ev and ev["text"] != text[start:end]:
            return False
    return True


def supported(
    text: str,
    evidence: Iterable[JSON],
    texts: Mapping[ArticleId, str],
    *,
    allowed: frozenset[str] = frozenset(),
) -> bool:
    """The sentence may be emitted: valid evidence that holds every content word of it but
    the ``allowed`` ones (a template's words and the source label it names)."""
    rows = list(evidence)
    if not text.strip() or not evidence_ok(rows, texts):
        return False
    spans = [texts[str(ev["article"])][ev["start"] : ev["end"]] for ev in rows]
    return not unsupported_words(text, spans) - allowed
