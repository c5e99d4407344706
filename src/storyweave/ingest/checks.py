"""Checks on a draft before it becomes an article: text that is not a news report, and
characters no store can hold.

The degenerate-text rule (measured; see docs/user-guide.md, "Input errors"). On the text with
whitespace removed, a text is refused when

* it is one character repeated (``aaaa…``, ``----``): E121;
* it has no word: no run of two or more letters, and no letter of a script written without
  spaces (Chinese, Japanese, Thai, …), which counts as a word on its own: E122;
* fewer than :data:`MIN_LETTER_SHARE` of its characters are letters (digits, punctuation and
  symbols with a few letters among them): E123;
* it is long (at least :data:`LONG_TEXT_WORDS` words) and has fewer distinct words than the
  square root of its word count (one phrase pasted over and over: "the quick brown fox" 1,000
  times has 4 distinct words, where 63 are needed): E124.

A word is a run of two or more letters (case folded). Measured (``text_shape``) on 6,708 real
texts: every text of the project's examples and seeds, the ECB+, TempEval-3, PolNeAR (texts and
titles), MEANTIME (en, es, it, nl) and claims_dev articles and the 3,183 UCI headlines, none is
refused: the lowest letter share is 0.37 (the UCI headline "March 11, 2014, 8:57 pm"; the
next is 0.55), the fewest words 2 ("'Chef' Review", "IN BRIEF"), and among the 2,302 texts of
40 words or more the fewest distinct words is 4.3 times the square root of the word count
(vocabulary grows faster than that root with length, so long real articles stay clear).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..errors import ParseError
from .decode import printable_name
from .draft import Draft

# Below this share of letters among the non-space characters, a text is not prose.
MIN_LETTER_SHARE = 0.25
# A text of at least this many words needs at least sqrt(words) distinct words.
LONG_TEXT_WORDS = 40

# Scripts written without spaces between words: each letter counts as a word.
_NO_SPACE = (
    "\u0e00-\u0eff"  # Thai, Lao
    "\u1000-\u109f"  # Myanmar
    "\u1780-\u17ff"  # Khmer
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # CJK ideographs
    "\U00020000-\U0002fa1f"
)
_WORD = re.compile(rf"[{_NO_SPACE}]|(?:(?![{_NO_SPACE}])[^\W\d_]){{2,}}")
_SPACE = re.compile(r"\s+")
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class TextShape:
    """What the degenerate-text rule looks at."""

    chars: int
    """Characters that are not whitespace."""
    distinct_chars: int
    letters: int
    words: int
    distinct_words: int

    @property
    def letter_share(self) -> float:
        return self.letters / self.chars if self.chars else 0.0

    @property
    def distinct_needed(self) -> int:
        """Distinct words a text of this many words needs (0 below LONG_TEXT_WORDS)."""
        return math.ceil(math.sqrt(self.words)) if self.words >= LONG_TEXT_WORDS else 0


def text_shape(text: str) -> TextShape:
    flat = _SPACE.sub("", text)
    words = [w.casefold() for w in _WORD.findall(text)]
    return TextShape(
        chars=len(flat),
        distinct_chars=len(set(flat)),
        letters=sum(c.isalpha() for c in flat),
        words=len(words),
        distinct_words=len(set(words)),
    )


def degenerate_reason(text: str) -> tuple[str, dict[str, object]] | None:
    """The code and fields of the rule ``text`` breaks, or None for text that reads as prose."""
    shape = text_shape(text)
    if not shape.chars:
        return None  # empty text has its own message (E102, E113)
    if shape.distinct_chars == 1:
        return "E121", {"char": text.strip()[0], "count": shape.chars}
    if shape.words == 0:
        return "E122", {}
    if shape.letter_share < MIN_LETTER_SHARE:
        return "E123", {
            "share": f"{shape.letter_share:.0%}",
            "minimum": f"{MIN_LETTER_SHARE:.0%}",
        }
    if shape.distinct_words < shape.distinct_needed:
        return "E124", {
            "distinct": shape.distinct_words,
            "words": shape.words,
            "minimum": shape.distinct_needed,
        }
    return None


def check_text(text: str, *, ref: str) -> None:
    """Refuse degenerate text (see the module's rule) with a message naming ``ref``."""
    found = degenerate_reason(text)
    if found is not None:
        code, fields = found
        raise ParseError(code, path=ref, **fields)


def bad_character(value: str) -> str | None:
    """A description of the first character of ``value`` that cannot be stored (a NUL, or a
    lone UTF-16 surrogate, which has no UTF-8 form), or None."""
    found = _UNSTORABLE.search(value)
    if found is None:
        return None
    c, i = found.group(), found.start()
    if c == "\x00":
        return f"a NUL character at position {i}"
    return f"a lone surrogate U+{ord(c):04X} at position {i}"


def check_draft(draft: Draft, *, where: str | None = None) -> None:
    """Refuse a draft whose fields hold characters no store can hold (E116) or whose text is
    degenerate (E121–E124); ``where`` (default: the draft's ref) names it in the message."""
    where = where or draft.ref
    fields: list[tuple[str, str | None]] = [
        ("the text", draft.text),
        ("the id", draft.ref),
        ("the title", draft.title),
        ("the URL", draft.url),
        ("the outlet", draft.outlet),
        ("the language", draft.language),
        ("the author", draft.author),
        ("the based-on URL", draft.based_on),
        *(("a credit", c) for c in draft.credits),
    ]
    for field, value in fields:
        what = bad_character(value) if isinstance(value, str) else None
        if what is not None:
            raise ParseError("E116", path=printable_name(where), field=field, what=what)
    check_text(draft.text, ref=where)
