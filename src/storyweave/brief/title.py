"""A story title from its headline fact, for stories whose articles carry no headline.

The brief's headline states the best-corroborated fact an article asserts in its own voice;
its claim's clause, cut at a phrase boundary to :data:`TITLE_MAX_CHARS`, titles the story
("North Korean leader Kim Jong Un and Russian President Vladimir Putin have met at the
Vostochny Cosmodrome"). A story with no such fact keeps the label from its main entities.

DOCS: docs/stages/brief.md ("Story titles")
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Final

TITLE_MAX_CHARS: Final = 110
"""Longest title kept whole; a longer clause is cut at the last phrase boundary before it
(a reading length for lists, not tuned)."""
MIN_TITLE_WORDS: Final = 4
_BOUNDARY: Final = frozenset(
    {"in", "on", "at", "after", "before", "during", "near", "for", "from", "with", "as",
     "while", "when", "since", "amid", "despite", "following", "over", "under"}
)  # fmt: skip
"""Words that open a phrase a title can end before (prepositions and conjunctions)."""
_TRAILING: Final = re.compile(r"[\s,;:.–—-]+$")
_FRAME: Final = re.compile(r"^(?P<first>[A-Za-z]+)(?:\s+[\w'’-]+){0,5},\s+(?=\S)")
_FRAME_OPENERS: Final = _BOUNDARY | {
    "meanwhile", "earlier", "later", "separately", "however", "also", "today", "yesterday",
    "overnight", "elsewhere", "now", "then", "last", "this", "according", "officially",
}  # fmt: skip
"""A framing phrase before the clause, opened by a preposition or a sentence adverb ("In a
significant development, ...", "On Monday, ...", "Meanwhile, ..."), is no part of a title."""


def fact_title(brief: Mapping[str, Any], claims: Sequence[Mapping[str, Any]]) -> str | None:
    """The title from the brief's headline claim (or, with no headline, the claim with the
    most independent origins that is corroborated); None when the story has neither."""
    by_id = {str(c.get("id")): c for c in claims}
    chosen = None
    for sentence in brief.get("sentences") or ():
        if sentence.get("section") == "headline":
            ids = [str(i) for i in sentence.get("claims") or () if str(i) in by_id]
            chosen = by_id[ids[0]] if ids else None
            break
    if chosen is None:
        ranked = [c for c in claims if c.get("status") == "corroborated"]
        ranked.sort(key=lambda c: (-int(c.get("independent_sources") or 0), str(c.get("id"))))
        chosen = ranked[0] if ranked else None
    if chosen is None:
        return None
    return shorten(str(chosen.get("text") or "")) or None


def shorten(text: str, limit: int = TITLE_MAX_CHARS) -> str:
    """``text`` as a title: one line, first letter capitalised, no final stop, and when longer
    than ``limit`` cut before the last phrase that starts within it (else at a word, with an
    ellipsis)."""
    text = " ".join(text.split())
    framed = _FRAME.match(text)
    opener = framed.group("first").lower() if framed else ""
    if framed and opener in _FRAME_OPENERS and len(text[framed.end() :].split()) >= MIN_TITLE_WORDS:
        text = text[framed.end() :]
    words = text.split()
    title = text
    if len(title) > limit:
        cut = None
        for n in range(MIN_TITLE_WORDS, len(words)):
            if words[n].lower().strip(",") in _BOUNDARY and len(" ".join(words[:n])) <= limit:
                cut = n
        whole = " ".join(words[:cut]) if cut is not None else None
        title = whole or title[:limit].rsplit(" ", 1)[0] + "…"
    title = _TRAILING.sub("", title)
    return title[:1].upper() + title[1:]
