"""Dates through a relation to a dated event: "during the summit", "hours after the quake",
"the day after the vote", "when the dam broke".

A predicate without a date of its own takes one from an event it is related to:

- a temporal preposition whose object is an event that the story dates elsewhere (the
  noun's event key, :func:`.nominal.event_key`, matches a dated event's: "the talks" and
  "talked on Monday", "the vote" and "Tuesday's vote"): ``during``, ``at``, ``amid`` give
  the same date; ``after``/``following``/``before`` only with a small offset ("hours
  after", "shortly after": the same day; "the day after", "two days before": that many
  days from a day-precise date); a bare "after the talks" is a bound and gives no date;
- a clause introduced by ``when`` shares its main clause's date, either way round.

The date source is ``derived``. The anchor is the nearest dated event of that key in the
same article (before the predicate if there is one, else after), else the one date the
story's other articles give it.

DOCS: docs/stages/timeline.md
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from .dates import PRECISION_RANK, EventDate, event_date
from .nominal import event_key, eventive
from .predicates import text_head

SAME_PREPS: Final = frozenset({"during", "at", "amid", "amidst", "throughout"})
"""Prepositions that put the event inside the one they govern: its date."""
LOOSE_PREPS: Final = frozenset({"at"})
"""A preposition whose object need not be an event ("at the 1987 level"): the object must be
a derived noun ("at the hearing"), matched to a verb's or a derived noun's event."""
AFTER_PREPS: Final = frozenset({"after", "following"})
BEFORE_PREPS: Final = frozenset({"before", "preceding", "ahead"})
SAME_DAY_UNITS: Final = frozenset({"second", "minute", "hour", "moment"})
"""An offset in these ("hours after the quake") stays on the anchor's day."""
DAY_UNITS: Final = {"day": 1, "week": 7}
SAME_DAY_ADVERBS: Final = frozenset(
    {"shortly", "soon", "immediately", "just", "right", "minutes", "hours", "moments"}
)  # fmt: skip
"""An adverb that keeps an "after" or "before" on the anchor's day ("shortly after")."""
NUMBERS: Final = {
    "a": 1, "an": 1, "the": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
}  # fmt: skip
MAX_OFFSET_DAYS: Final = 7
"""A day offset from a coarser anchor ("a day after the 1990 invasion") keeps the anchor's
month or year when it is at most this many days; a larger one gives no date."""
BARE_COARSE: Final = False
"""Whether a bare "after X" takes X's date when X is dated at month precision or coarser
(the event then most often falls in the same month or year). Measured on TimeBank (train):
docs/stages/timeline.md."""
BARE: Final = 10**6  # the offset of a bare "after" or "before"
DAY_RANK: Final = PRECISION_RANK["day"]
BOUND_WORDS: Final = frozenset({"until", "till", "since", "by"})
"""A bound just before the offset ("until shortly after"): the relation bounds the event."""
WHEN_MARKS: Final = frozenset({"when"})
"""Subordinators of a clause that happens at the time of its main clause."""


@dataclass(frozen=True, slots=True)
class Anchor:
    """A dated event that others may be related to."""

    key: str
    article: str
    position: int
    date: EventDate
    firm: bool = True  # a verb or a derived noun, not a convertible one ("the 1987 level")
    words: frozenset[str] = frozenset()  # the lower-cased words of its clause


def anchors_of(found: dict[int, tuple[Any, Any]], article: str, base: int) -> list[Anchor]:
    """The anchors of one sentence's dated predicates (``found``: token index -> (token,
    dating with a ``date``))."""
    return [
        Anchor(event_key(tok), article, base + tok.idx, dating.date, firm_event(tok), _words(tok))
        for tok, dating in found.values()
    ]


def _words(tok: Any) -> frozenset[str]:
    return frozenset(t.lower_ for t in text_head(tok).subtree)


def possessor(noun: Any) -> Any | None:
    """The noun's possessor ("Kim's visit": Kim; "his visit": his), or None."""
    return next((c for c in noun.children if c.dep_ == "poss"), None)


def agrees(noun: Any, anchor: Anchor) -> bool:
    """A definite or bare event noun ("the meeting") refers back to any event of its key; a
    possessed one only to an event whose clause names its possessor ("Kim's visit" not to
    "Shoigu visited"); a pronoun possessor ("his visit") names no one we can check."""
    owner = possessor(noun)
    if owner is None:
        return True
    return owner.pos_ == "PROPN" and owner.lower_ in anchor.words


def firm_event(tok: Any) -> bool:
    """A verb or a derived noun: an event whatever its context."""
    return bool(tok.pos_ in {"VERB", "AUX"} or eventive(tok))


def nearest(
    anchors: Sequence[Anchor],
    key: str,
    article: str,
    position: int,
    *,
    firm: bool = False,
    noun: Any = None,
) -> EventDate | None:
    """The date of the ``key`` event nearest before ``position`` in the same article, else
    nearest after it, else the one date other articles agree on; ``firm``: only anchors that
    are events whatever their context (for a noun that is no event by itself: "the level");
    ``noun``: the relation's event noun, which the anchor must agree with (:func:`agrees`)."""
    anchors = [a for a in anchors if (a.firm or not firm) and (noun is None or agrees(noun, a))]
    same = [a for a in anchors if a.key == key and a.article == article]
    before = [a for a in same if a.position < position]
    if before:
        return max(before, key=lambda a: a.position).date
    if same:
        return min(same, key=lambda a: a.position).date
    others = {a.date for a in anchors if a.key == key and a.article != article}
    return next(iter(others)) if len(others) == 1 else None


def related_date(pred: Any, lookup: Any, found: dict[int, tuple[Any, Any]]) -> EventDate | None:
    """The date ``pred`` takes from a related event (None when it has no such relation).

    ``lookup(tok, firm)`` gives the story's date of the event a noun names (``firm``: only
    from a verb or a derived noun); ``found`` holds the
    sentence's dated predicates (token index -> (token, dating))."""
    for obj, offset, loose in _relations(pred):
        if loose and not eventive(obj):
            continue
        own = _sentence_date(obj, found)
        anchor = own if own is not None else lookup(obj, loose)
        if anchor is not None and offset == BARE and anchor.rank >= DAY_RANK:
            continue  # a bare "after" a day-precise event is a bound
        if anchor is not None:
            date = shifted(anchor, None if offset == BARE else offset)
            if date is not None:
                return date
    return _when_date(pred, found)


def _sentence_date(tok: Any, found: dict[int, tuple[Any, Any]]) -> EventDate | None:
    got = found.get(tok.i)
    return got[1].date if got is not None else None


def _relations(pred: Any) -> list[tuple[Any, int | None, bool]]:
    """(event noun, day offset, whether the preposition is loose: its object need not be an
    event, "at" and not "during") for each temporal relation of the predicate;
    the offset is 0 for the same day, None for the same date at any precision, and None
    relations that only bound the event are left out."""
    out: list[tuple[Any, int | None, bool]] = []
    for prep, unit in _preps(pred):
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is None or obj.pos_ != "NOUN":
            continue
        word = prep.lower_
        if word in SAME_PREPS and unit is None:
            out.append((obj, None, word in LOOSE_PREPS))
            continue
        sign = 1 if word in AFTER_PREPS else -1 if word in BEFORE_PREPS else 0
        if sign == 0:
            continue
        days = _offset(prep, unit, pred)
        if days is not None:
            out.append((obj, sign * days, False))
        elif BARE_COARSE:
            out.append((obj, BARE, False))
    return out


def _preps(pred: Any) -> list[tuple[Any, Any | None]]:
    """The predicate's prepositions, each with the unit noun it hangs from when that noun
    modifies the predicate ("the day after the vote": day)."""
    out: list[tuple[Any, Any | None]] = []
    for child in pred.children:
        if child.dep_ == "prep":
            out.append((child, None))
        elif child.dep_ in {"npadvmod", "advmod"} and child.lemma_.lower() in DAY_UNITS:
            out += [(c, child) for c in child.children if c.dep_ == "prep"]
    return out


def _offset(prep: Any, unit: Any | None, pred: Any) -> int | None:
    """Days from the anchor: 0 for "hours after", "shortly after", "immediately after";
    n for "n days after", "the day after"; None for a bare "after" (a bound)."""
    if unit is not None:
        return _unit_days(unit)
    if any(t.lower_ in BOUND_WORDS for t in prep.doc[max(0, prep.i - 3) : prep.i]):
        return None  # "until shortly after the vote" ends the event there: a bound
    for child in prep.children:
        lemma = child.lemma_.lower()
        if child.dep_ == "npadvmod" and (lemma in SAME_DAY_UNITS or lemma in DAY_UNITS):
            return _unit_days(child)
        if child.dep_ == "advmod" and child.lower_ in SAME_DAY_ADVERBS:
            return 0
    before = prep.doc[prep.i - 1] if prep.i > 0 else None
    if before is None or before.head.i != pred.i:
        return None
    if before.dep_ == "advmod":
        return 0 if before.lower_ in SAME_DAY_ADVERBS else None
    lemma = before.lemma_.lower()
    if before.dep_ == "npadvmod" and (lemma in SAME_DAY_UNITS or lemma in DAY_UNITS):
        return _unit_days(before)  # "resigned the day after the vote"
    return None


def _unit_days(unit: Any) -> int | None:
    lemma = unit.lemma_.lower()
    if lemma in SAME_DAY_UNITS:
        return 0
    count = next((c for c in unit.children if c.dep_ in {"nummod", "det"}), None)
    number = NUMBERS.get(count.lower_) if count is not None else None
    if number is None and count is not None and count.like_num and count.text.isdigit():
        number = int(count.text)
    if number is None:
        return None
    return number * DAY_UNITS.get(lemma, 0)


def shifted(anchor: EventDate, days: int | None) -> EventDate | None:
    """The anchor's date moved by ``days`` (None: the anchor's date as it is). A day-precise
    anchor moves; a coarser one keeps its value for a small offset; a time of day becomes
    its day when moved."""
    if days is None:
        return anchor
    if anchor.precision in {"day", "time"}:
        if days == 0:
            return anchor
        return event_date((anchor.start + dt.timedelta(days=days)).isoformat())
    if anchor.precision == "week" or abs(days) > MAX_OFFSET_DAYS:
        return None
    return anchor


def _when_date(pred: Any, found: dict[int, tuple[Any, Any]]) -> EventDate | None:
    """A "when" clause and its main clause share one date, whichever of them has it."""
    if pred.dep_ == "advcl" and any(c.lower_ in WHEN_MARKS for c in pred.children):
        return _sentence_date(pred.head, found)
    for child in pred.children:
        if child.dep_ == "advcl" and any(c.lower_ in WHEN_MARKS for c in child.children):
            got = _sentence_date(child, found)
            if got is not None:
                return got
    return None
