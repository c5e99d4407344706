"""Repeats of a name that spaCy found once but not everywhere in the article.

spaCy tags a name by its context, so the same name is found in one sentence and missed
in the next ("AT&T" found in the headline, missed in the body). Every other occurrence of
a one-word mention's exact surface string becomes a mention with the same label, unless it
overlaps a mention, is part of a longer capitalised name ("Apple" in "Apple Corps") or is
a word the article also uses in lower case ("Rehab" at a sentence start, "rehab" later).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from storyweave.model import Mention, Span

_CAPITALISED_BEFORE = re.compile(r"(?:[A-Z][\w&.'’-]*|[a-z]+[A-Z][\w-]*) $")
_CAPITALISED_AFTER = re.compile(r" (?:[A-Z][\w&-]*|[a-z]+[A-Z][\w-]*)")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\"”’)]\s*|\n\s*)$")


def repeat_names(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` and the repeats of their names (see the module docstring), sorted."""
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        surface = m.span.text_in(text)
        if _repeatable(surface):
            labels[surface][m.label] += 1
    taken = sorted((m.span.start, m.span.end) for m in mentions)
    out = list(mentions)
    for surface in sorted(labels, key=len, reverse=True):
        label = labels[surface].most_common(1)[0][0]
        pattern = re.compile(rf"(?<![\w&-]){re.escape(surface)}(?![\w&-]|['’][a-z]{{2,}})")
        for found in pattern.finditer(text):
            start, end = found.span()
            if any(s < end and start < e for s, e in taken):
                continue
            if _inside_longer_name(text, start, end) or _lower_case_word(text, surface):
                continue
            out.append(Mention(Span(start, end), label))
            taken.append((start, end))
    return sorted(out, key=lambda m: (m.span.start, m.span.end))


def _repeatable(surface: str) -> bool:
    """One-word names only: the linker links repeats of multi-word names itself
    (:mod:`.propagate`), without turning them into mentions."""
    return (
        len(surface) > 1
        and " " not in surface
        and surface[:1].isalpha()
        and surface != surface.lower()
    )


def _inside_longer_name(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 30) : start]
    word_before = _CAPITALISED_BEFORE.search(before)
    if word_before is not None and not _SENTENCE_END.search(before[: word_before.start()]):
        return True
    return _CAPITALISED_AFTER.match(text, end) is not None


def _lower_case_word(text: str, surface: str) -> bool:
    if " " in surface or not surface[1:].islower():
        return False
    return re.search(rf"(?<![\w-]){re.escape(surface.lower())}(?![\w-])", text) is not None
