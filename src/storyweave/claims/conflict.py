"""Slot comparison: do two aligned units disagree, and on which slot?

No NLI model ships offline, so a conflict is a slot that both units fill with
values that cannot both hold: figures beyond rounding, dates that differ at the
granularity both state, places neither of which contains the other, different
people doing the same thing, or one unit denying what the other asserts. Saying
less is not disagreeing: a slot only one unit fills is never a conflict, nor is a
spelling variant ("Vostochny" / "Vostochnyy"), a hedged or round figure within
:data:`~.lexicon.ROUND_TOLERANCE`, or a coarser date that contains the finer one.
A figure that differs between articles published on different days, or that a
unit reports as having risen, is an update: ``superseded``, not a conflict.

DOCS: docs/stages/claims.md
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from typing import Literal

from .lexicon import ROUND_TOLERANCE, antonyms, predicate_key
from .numbers import Quantity
from .slots import Place, Slots

SlotName = Literal["how many", "when", "where", "who", "polarity"]
SPELLING_SIMILARITY = 0.8
"""Two place names this alike (difflib ratio) are one place spelled two ways; calibrated on
the planted spelling fixtures ("Vostochny" / "Vostochnyy" = 0.95, "Moscow" / "Minsk" = 0.36)."""


@dataclass(frozen=True, slots=True)
class SlotClash:
    """How two units disagree: the slot, and the value each one gives."""

    slot: SlotName
    mine: str
    theirs: str
    superseded: bool = False


def related_predicates(a: Slots, b: Slots) -> bool:
    """True when the two units state the same kind of thing (or its opposite)."""
    return (
        predicate_key(a.predicate) == predicate_key(b.predicate)
        or a.predicate in b.stems
        or b.predicate in a.stems
        or antonyms(a.predicate, b.predicate)
    )


def shared_participants(a: Slots, b: Slots) -> bool:
    """False when both units name who acts and nobody is common to the two."""
    if not a.who or not b.who:
        return True
    return bool(a.who & b.who or a.who & b.whom or b.who & a.whom)


def compare(
    a: Slots, b: Slots, *, a_published: dt.date | None = None, b_published: dt.date | None = None
) -> SlotClash | None:
    """The first slot on which ``a`` and ``b`` disagree, or None when they are compatible."""
    if not related_predicates(a, b):
        return None
    clash = _people(a, b)
    if clash is None and shared_participants(a, b):
        clash = _polarity(a, b) or _figures(a, b) or _dates(a, b) or _places(a, b)
    if clash is None or clash.slot != "how many":
        return clash
    updated = a.update or b.update or (a_published and b_published and a_published != b_published)
    if updated:
        return SlotClash(clash.slot, clash.mine, clash.theirs, superseded=True)
    return clash


def _polarity(a: Slots, b: Slots) -> SlotClash | None:
    if a.negated != b.negated:
        return SlotClash("polarity", _says(a), _says(b))
    if antonyms(a.predicate, b.predicate) and a.negated == b.negated:
        return SlotClash("polarity", a.predicate, b.predicate)
    return None


def _says(s: Slots) -> str:
    return f"not {s.predicate}" if s.negated else s.predicate


def _units_match(x: Quantity, y: Quantity, a: Slots, b: Slots) -> bool:
    if x.unit == y.unit:
        return True
    if not x.unit or not y.unit:
        return False
    if predicate_key(x.unit) == predicate_key(y.unit):
        return True
    # "three attempts to launch" / "two satellite launches": each names what the other counts
    return predicate_key(x.unit) in b.stems and predicate_key(y.unit) in a.stems


def figures_agree(x: Quantity, y: Quantity) -> bool:
    """True when the two figures can both be right (rounding, hedges, bounds)."""
    if x.value == y.value:
        return True
    for low, other in ((x, y), (y, x)):
        if low.hedge == "at_least" and other.value >= low.value:
            return True
        if low.hedge == "at_most" and other.value <= low.value:
            return True
    loose = x.hedge is not None or y.hedge is not None or _is_round(x.value) or _is_round(y.value)
    if not loose:
        return False
    return abs(x.value - y.value) <= ROUND_TOLERANCE * max(abs(x.value), abs(y.value))


def _is_round(value: float) -> bool:
    return value >= 100 and value % 100 == 0


def _figures(a: Slots, b: Slots) -> SlotClash | None:
    for y in b.quantities:
        comparable = [x for x in a.quantities if _units_match(x, y, a, b)]
        if comparable and not any(figures_agree(x, y) for x in comparable):
            return SlotClash("how many", comparable[0].text, y.text)
    return None


def _dates(a: Slots, b: Slots) -> SlotClash | None:
    if not a.when or not b.when:
        return None
    for x in a.when:
        for y in b.when:
            n = min(len(x), len(y))
            if x[:n] == y[:n]:
                return None
    return SlotClash("when", a.when[0], b.when[0])


def _same_place(p: Place, q: Place) -> bool:
    if p.key == q.key:
        return True
    ratio = difflib.SequenceMatcher(None, p.name.casefold(), q.name.casefold()).ratio()
    return ratio >= SPELLING_SIMILARITY


def _contains(outer: Place, inner: Place) -> bool:
    return inner.country is not None and inner.country.casefold() == outer.name.casefold()


def _compatible(p: Place, places: tuple[Place, ...]) -> bool:
    return any(_same_place(p, q) or _contains(p, q) or _contains(q, p) for q in places)


def _places(a: Slots, b: Slots) -> SlotClash | None:
    if not a.where or not b.where:
        return None
    head_a, head_b = a.where[0], b.where[0]
    if _compatible(head_a, b.where) or _compatible(head_b, a.where):
        return None
    return SlotClash("where", head_a.name, head_b.name)


def _people(a: Slots, b: Slots) -> SlotClash | None:
    """Different people in the same role of the same act: "Kim met Putin" / "Kim met Xi"."""
    if predicate_key(a.predicate) != predicate_key(b.predicate):
        return None
    who_a, who_b = a.who & a.persons, b.who & b.persons
    whom_a, whom_b = a.whom & a.persons, b.whom & b.persons
    if who_a and who_b and not who_a & who_b and not who_a & whom_b and a.whom & b.whom:
        return SlotClash("who", _names(who_a, a), _names(who_b, b))
    if whom_a and whom_b and not whom_a & whom_b and a.who & b.who and not whom_a & b.who:
        return SlotClash("who", _names(whom_a, a), _names(whom_b, b))
    return None


def _names(keys: frozenset[str], s: Slots) -> str:
    return ", ".join(sorted(s.name_of(k) for k in keys))
