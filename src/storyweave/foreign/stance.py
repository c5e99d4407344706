"""How a sentence of another language puts what it says: asserted, denied, hedged or
conditional (issue 20). A denial ("niegan que ...", "a démenti", "wies ... zurück"), an opening
condition ("si ...", "que si ...", "wenn ..."), a modal or the reported conditional ("podría",
"habría muerto", "aurait tué", "avrebbe ucciso") and a negation ("no murieron") are read from the
language's word lists; the first that applies wins, in the order denial, condition, hedge,
negation. A bound ("не менее 12", "không quá 12") is no negation.

DOCS: docs/stages/languages.md
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from typing import Literal

from .lexicon import ABOUT, AT_LEAST, AT_MOST, CONDITION, DENIAL, DENIAL_SPLIT, HEDGES, NEGATION

Stance = Literal["asserted", "denied", "hedged", "conditional", "negated"]
_COMPLEMENTISERS = frozenset({"que", "qu'", "qu’", "dass", "che", "dat", "что", "rằng"})


def lower(text: str) -> str:
    """``text`` in lower case, one character for one ("ß" stays "ß", unlike ``casefold``), so
    that an offset found in it is an offset in ``text``."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def has_phrase(text: str, phrases: Iterable[str]) -> bool:
    """Whether ``text`` holds one of ``phrases`` as whole words (case folded)."""
    low = lower(text)
    return any(_find(low, p) is not None for p in phrases)


def find_phrase(text: str, phrase: str, start: int = 0) -> re.Match[str] | None:
    """The first whole-word occurrence of ``phrase`` in ``text`` (any case) from ``start``; its
    offsets are ``text``'s."""
    return _find(lower(text), phrase, start)


def find_in(low: str, phrase: str, start: int = 0) -> re.Match[str] | None:
    """:func:`find_phrase` in a text already lowered by :func:`lower`."""
    return _find(low, phrase, start)


def _find(low: str, phrase: str, start: int = 0) -> re.Match[str] | None:
    edge = r"(?<![\w'’])" if phrase[0].isalnum() else ""
    tail = r"(?![\w'’])" if phrase[-1].isalnum() else ""
    return re.compile(edge + re.escape(phrase) + tail).search(low, start)


def stance(text: str, language: str) -> Stance:
    """How ``text`` (one sentence or clause) in ``language`` puts what it says."""
    lang = language.split("-")[0].lower()
    if has_phrase(text, DENIAL.get(lang, ())) or _split_denial(text, lang):
        return "denied"
    if _opens_condition(text, CONDITION.get(lang, frozenset())):
        return "conditional"
    if has_phrase(text, HEDGES.get(lang, ())):
        return "hedged"
    if has_phrase(_without_bounds(text, lang), NEGATION.get(lang, ())):
        return "negated"
    return "asserted"


def _split_denial(text: str, lang: str) -> bool:
    """A separable denial verb with its particle later in the text ("wies ... zurück")."""
    low = lower(text)
    for verb, particle in DENIAL_SPLIT.get(lang, ()):
        m = _find(low, verb)
        if m is not None and _find(low, particle, m.end()) is not None:
            return True
    return False


def _without_bounds(text: str, lang: str) -> str:
    """``text`` without its bound and approximation phrases ("не менее", "không quá")."""
    low = lower(text)
    for table in (AT_LEAST, AT_MOST, ABOUT):
        for phrase in sorted(table.get(lang, ()), key=len, reverse=True):
            low = re.sub(r"(?<![\w'’])" + re.escape(phrase) + r"(?![\w'’])", " ", low)
    return low


def _opens_condition(text: str, words: frozenset[str]) -> bool:
    """A condition word at the start of the text or of a clause (after a comma, a colon or a
    complementiser: "que si ...", "dass wenn ...")."""
    for clause in re.split(r"[,;:]", text):
        tokens = lower(clause).split()
        if tokens and tokens[0] in words:
            return True
        for a, b in itertools.pairwise(tokens):
            if a in _COMPLEMENTISERS and b in words:
                return True
    return False
