"""How a sentence of another language puts what it says: asserted, denied, hedged or
conditional (issue 20). A denial ("negó que ...", "a démenti"), a negation ("no murieron"), a
modal or the reported conditional ("aurait tué", "avrebbe ucciso") and an opening condition
("si ...", "wenn ...") are read from the language's word lists; the first that applies wins,
in the order denial, condition, hedge, negation.

DOCS: docs/stages/languages.md
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from .lexicon import CONDITION, DENIAL, HEDGES, NEGATION

Stance = Literal["asserted", "denied", "hedged", "conditional", "negated"]


def has_phrase(text: str, phrases: Iterable[str]) -> bool:
    """Whether ``text`` holds one of ``phrases`` as whole words (case folded)."""
    folded = text.casefold()
    return any(_find(folded, p) is not None for p in phrases)


def find_phrase(text: str, phrase: str, start: int = 0) -> re.Match[str] | None:
    """The first whole-word occurrence of ``phrase`` in ``text`` (case folded) from ``start``."""
    return _find(text.casefold(), phrase, start)


def _find(folded: str, phrase: str, start: int = 0) -> re.Match[str] | None:
    edge = r"(?<![\w'’])" if phrase[0].isalnum() else ""
    tail = r"(?![\w'’])" if phrase[-1].isalnum() else ""
    return re.compile(edge + re.escape(phrase) + tail).search(folded, start)


def stance(text: str, language: str) -> Stance:
    """How ``text`` (one sentence or clause) in ``language`` puts what it says."""
    lang = language.split("-")[0].lower()
    if has_phrase(text, DENIAL.get(lang, ())):
        return "denied"
    if _opens_condition(text, CONDITION.get(lang, frozenset())):
        return "conditional"
    if has_phrase(text, HEDGES.get(lang, ())):
        return "hedged"
    if has_phrase(text, NEGATION.get(lang, ())):
        return "negated"
    return "asserted"


def _opens_condition(text: str, words: frozenset[str]) -> bool:
    """A condition word at the start of the text or of a clause (after a comma or a colon)."""
    for clause in re.split(r"[,;:]", text):
        first = clause.strip().split(" ", 1)[0].casefold()
        if first in words:
            return True
    return False
