"""The inputs of the ledger scorer: a case's gold targets and a report's predicted claims, with
gold offsets mapped onto the stored text. Scoring is in :mod:`.ledger`, the tables in
:mod:`.ledger_tables`.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .._types import JSON

MIN_OVERLAP = 3
"""Characters a predicted evidence span must share with a gold span to match it."""

TWO_SIDED = frozenset({"conflicting", "update"})


# --- spans and offsets -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` of one stored article."""

    article: str
    start: int
    end: int

    def overlap(self, other: Span) -> int:
        """Characters shared with ``other`` (0 in another article)."""
        if self.article != other.article:
            return 0
        return max(0, min(self.end, other.end) - max(self.start, other.start))

    def matches(self, other: Span | None) -> bool:
        """Whether the two share at least :data:`MIN_OVERLAP` characters."""
        return other is not None and self.overlap(other) >= MIN_OVERLAP


class OffsetMap:
    """Maps offsets into the gold text of an article onto its stored text.

    Identity when the texts are equal; a shift when the gold text lies inside the stored
    one; otherwise the alignment ``difflib`` finds (a changed stretch maps to the whole
    stretch that replaced it).
    """

    def __init__(self, gold: str, stored: str) -> None:
        self._shift: int | None = None
        self._blocks: list[tuple[int, int, int, int, bool]] = []
        self._len = len(gold)
        self._stored_len = len(stored)
        if gold == stored:
            self._shift = 0
        elif (at := stored.find(gold)) >= 0:
            self._shift = at
        else:
            ops = difflib.SequenceMatcher(None, gold, stored, autojunk=False).get_opcodes()
            self._blocks = [(i1, i2, j1, j2, tag == "equal") for tag, i1, i2, j1, j2 in ops]
            self._blocks = [b for b in self._blocks if b[1] > b[0]]
        self._starts = [b[0] for b in self._blocks]
        self._ends = [b[1] for b in self._blocks]

    def start(self, pos: int) -> int:
        """Where a span starting at ``pos`` of the gold text starts in the stored text."""
        if self._shift is not None:
            return pos + self._shift
        if pos >= self._len:
            return self._stored_len
        i1, _, j1, _, equal = self._blocks[bisect.bisect_right(self._starts, pos) - 1]
        return j1 + (pos - i1) if equal else j1

    def end(self, pos: int) -> int:
        """Where a span ending at ``pos`` of the gold text ends in the stored text."""
        if self._shift is not None:
            return pos + self._shift
        if pos <= 0:
            return 0
        i1, _, j1, j2, equal = self._blocks[bisect.bisect_left(self._ends, pos)]
        return j1 + (pos - i1) if equal else j2

    def span(self, article: str, start: int, end: int) -> Span | None:
        """The gold ``[start, end)`` as a stored span (None if it maps to nothing)."""
        s, e = self.start(start), self.end(end)
        return Span(article, s, e) if e > s else None


# --- the prediction ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PredClaim:
    """One ``stories[].claims`` row, reduced to what is scored."""

    id: str
    text: str
    status: str
    evidence: tuple[Span, ...]
    independent_sources: int
    conflicts_with: tuple[str, ...] = ()
    disagreements: tuple[tuple[str, str], ...] = ()
    superseded_by: tuple[str, ...] = ()
    why: str = ""
    story: str = ""

    @classmethod
    def from_json(cls, row: Mapping[str, Any], story: str = "") -> PredClaim:
        """The claim of a report row."""
        return cls(
            id=str(row["id"]),
            text=str(row.get("text", "")),
            status=str(row.get("status", "")),
            evidence=_spans(row.get("evidence", ())),
            independent_sources=int(row.get("independent_sources", 0)),
            conflicts_with=tuple(str(c) for c in row.get("conflicts_with", ())),
            disagreements=tuple(
                (str(d["claim"]), str(d.get("slot", ""))) for d in row.get("disagreements", ())
            ),
            superseded_by=tuple(str(c) for c in row.get("superseded_by", ())),
            why=str(row.get("why", "")),
            story=story,
        )


@dataclass(frozen=True, slots=True)
class BriefLine:
    """One brief sentence and the spans it cites."""

    text: str
    evidence: tuple[Span, ...]
    story: str = ""


@dataclass(frozen=True, slots=True)
class Prediction:
    """What one ``analyze`` run of a case produced."""

    claims: tuple[PredClaim, ...]
    articles: Mapping[str, tuple[str, str]]
    """Input ref (the JSONL ``id``) -> (stored article id, stored text)."""
    duplicates: frozenset[frozenset[str]] = frozenset()
    """Pairs of stored article ids recorded as duplicates."""
    brief: tuple[BriefLine, ...] = ()


def _spans(rows: Iterable[Mapping[str, Any]]) -> tuple[Span, ...]:
    return tuple(Span(str(r["article"]), int(r["start"]), int(r["end"])) for r in rows)


def make_prediction(
    claims: Iterable[Mapping[str, Any]],
    articles: Iterable[Mapping[str, Any]],
    duplicates: Iterable[Mapping[str, Any]] = (),
    brief: Iterable[Mapping[str, Any]] = (),
) -> Prediction:
    """A prediction from report rows: claims, ``articles[]`` (``id``, ``ref``, ``text``),
    ``duplicates[]`` and brief sentences."""
    return Prediction(
        claims=tuple(PredClaim.from_json(c, str(c.get("story", ""))) for c in claims),
        articles={str(a.get("ref") or a["id"]): (str(a["id"]), str(a["text"])) for a in articles},
        duplicates=frozenset(
            frozenset((str(d["article"]), str(d["original"]))) for d in duplicates
        ),
        brief=tuple(
            BriefLine(str(b["text"]), _spans(b.get("evidence", ())), str(b.get("story", "")))
            for b in brief
        ),
    )


def prediction_from_report(report: JSON) -> Prediction:
    """The prediction a report carries: the claims and brief sentences of all its stories."""
    stories = report.get("stories", [])
    return make_prediction(
        claims=[{**c, "story": s["id"]} for s in stories for c in s.get("claims", [])],
        articles=report.get("articles", []),
        duplicates=report.get("duplicates", []),
        brief=[
            {**b, "story": s["id"]}
            for s in stories
            for b in (s.get("brief") or {}).get("sentences", [])
        ],
    )


# --- the gold ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldSpan:
    """A gold span mapped onto the stored article (``span`` None when it is not there)."""

    span: Span | None
    side: str
    origin: str
    text: str


@dataclass(frozen=True, slots=True)
class KeepSpan:
    """A ``brief_keep`` span and the cues a brief sentence citing it must contain."""

    span: Span | None
    cues: tuple[str, ...]
    text: str


@dataclass(frozen=True, slots=True)
class Target:
    """One gold target of a case, its spans mapped onto the stored articles."""

    case: str
    case_kind: str
    id: str
    kind: str
    sub: str
    fact: str
    expect: str
    accept: frozenset[str]
    slot: str | None
    origins: int | dict[str, int]
    spans: tuple[GoldSpan, ...]
    non_support: tuple[Span | None, ...] = ()
    brief_keep: tuple[KeepSpan, ...] = ()
    derived_ok: bool = False

    @property
    def two_sided(self) -> bool:
        """A conflict or an update: the fact has an A and a B side."""
        return self.expect in TWO_SIDED

    @property
    def conflict(self) -> bool:
        """A gold conflict (counted in conflict recall)."""
        return self.expect == "conflicting"

    @property
    def conflict_allowed(self) -> bool:
        """A conflict is accepted but not expected: links touching it are left out."""
        return "conflicting" in self.accept and not self.conflict


class _Mapper:
    """Maps a case's gold spans (article ids of the case) onto the stored articles."""

    def __init__(self, case: JSON, pred: Prediction) -> None:
        self._maps: dict[str, tuple[str, OffsetMap]] = {}
        for a in case["articles"]:
            stored = pred.articles.get(str(a["id"]))
            if stored is not None:
                self._maps[str(a["id"])] = (stored[0], OffsetMap(str(a["text"]), stored[1]))

    def __call__(self, row: Mapping[str, Any]) -> Span | None:
        found = self._maps.get(str(row["article"]))
        if found is None:
            return None
        article, offsets = found
        return offsets.span(article, int(row["start"]), int(row["end"]))


def load_targets(case: JSON, pred: Prediction) -> list[Target]:
    """The case's targets with their spans mapped onto ``pred``'s stored articles."""
    mapper = _Mapper(case, pred)
    return [_target(case, t, mapper) for t in case["targets"]]


def _target(case: JSON, t: JSON, mapper: _Mapper) -> Target:
    return Target(
        case=str(case["id"]),
        case_kind=str(case.get("kind", "")),
        id=str(t["id"]),
        kind=str(t.get("kind", case.get("kind", ""))),
        sub=str(t.get("sub") or ""),
        fact=str(t.get("fact") or ""),
        expect=str(t["expect"]),
        accept=frozenset(t.get("accept") or [t["expect"]]),
        slot=t.get("slot"),
        origins=t.get("origins", 1),
        spans=tuple(
            GoldSpan(
                mapper(s), str(s.get("side", "A")), str(s.get("origin", s["article"])), s["text"]
            )
            for s in t["spans"]
        ),
        non_support=tuple(mapper(s) for s in t.get("non_support", ())),
        brief_keep=tuple(
            KeepSpan(mapper(s), tuple(s.get("cues", ())), str(s.get("text", "")))
            for s in t.get("brief_keep", ())
        ),
        derived_ok=bool(t.get("derived_ok", False)),
    )
