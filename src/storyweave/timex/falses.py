"""Candidates that look like time expressions but are not, told apart with the parse.

The extraction rules reject what their own context shows ("a second group", "52 years
old"); this filter sees the parse too:

- a year-like number right after a verb, counting a plural noun ("sold 2010 tickets"), is
  a count ("the 1992 protests", "fiscal 1989 sales" stay years);
- "now" opening a sentence before a comma ("Now, the board must decide") is a discourse
  marker, not a time;
- "current" / "recent" before a person or role ("the current owner", "a recent
  graduate") qualify who, not when.
"""

from __future__ import annotations

import re
from typing import Any, Final, Protocol

from .reading import Reading


class _Candidate(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def rule(self) -> str: ...
    @property
    def reading(self) -> Reading: ...


_ROLE: Final = re.compile(
    r"\s+[a-z]*(?:er|or|ist|ian|dent|ant|man|woman|men|women|chief|head)s?\b(?!\s+of\s+(?!the\b))"
)
"""A person or role after "current" / "recent": -er, -or, -ist, -ian, -dent, -ant, -man."""


def is_false(cand: _Candidate, doc: Any, text: str | None = None) -> bool:
    """Is the candidate not a time expression after all?"""
    full = text if text is not None else (doc.text if doc is not None else None)
    if cand.rule == "current" and full is not None and _ROLE.match(full, cand.end):
        return True
    if cand.rule == "now" and full is not None:
        before = full[max(0, cand.start - 3) : cand.start].strip(" \"'`“‘")
        if (not before or before[-1] in ".!?\n") and full[cand.end : cand.end + 1] == ",":
            return True
    if cand.rule == "year" and doc is not None:
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is not None:
            tok = span.root
            prev = doc[tok.i - 1] if tok.i > 0 else None
            counted = prev is not None and prev.pos_ in ("VERB", "AUX")
            next_noun = tok.head.i == tok.i + 1 and tok.head.tag_ == "NNS"
            if counted and tok.dep_ == "nummod" and next_noun:
                return True
    return False
