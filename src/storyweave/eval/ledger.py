"""Scoring the claim ledger on hand-made stories (the ``claims_dev`` suite).

One case is one closed story: a few articles and gold *targets*, each a fact with the
spans that state it, its expected status and, for conflicts and updates, two sides.
The rules are the suite's README ("Scoring rules"); in short:

1. A predicted claim *matches* a gold span when one of its evidence spans lies in the
   same article and shares at least :data:`MIN_OVERLAP` characters with it. Gold offsets
   are mapped onto the stored text when it differs (:class:`OffsetMap`).
2. A conflict link (``conflicts_with`` or a ``disagreements`` entry) is right when one
   claim matches side A of a gold conflict and the other side B; links touching a target
   whose ``accept`` allows a conflict without expecting one are left out; every other
   link is a false alarm (stories are closed).
3. An update is right when the earlier claim is ``superseded_by`` the later one.
4. One-sided status, 5. false corroborations, 6. independent origins, 7. support
   precision and trap hits, 8. hedges and denials kept in the brief: see the functions.

Everything here is pure: :func:`score_case` takes a case from ``cases.json`` and a
:class:`Prediction` (built from a report by :func:`prediction_from_report`).
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .._types import JSON
from .prf import PRF

MIN_OVERLAP = 3
"""Characters a predicted evidence span must share with a gold span to match it."""

SIDES = ("A", "B")
TWO_SIDED = frozenset({"conflicting", "update"})
UPDATE_STATUSES = frozenset({"update", "updated"})
REPORT_SLOTS: Mapping[str, frozenset[str]] = {
    "how many": frozenset({"number"}),
    "when": frozenset({"date"}),
    "where": frozenset({"place"}),
    "who": frozenset({"participant", "agent"}),
    "polarity": frozenset({"polarity", "outcome"}),
}
"""Which gold slots each slot name of the report stands for."""

NO_SLOT = "(none)"
_WHY_SLOT = re.compile(r"\((how many|when|where|who|polarity)\)")
_DERIVED = re.compile(r"\b(cop(y|ies|ied)|deriv\w*|rewrit\w*|rewrote)\b", re.IGNORECASE)


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


# --- matching ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Match:
    """A claim that matches a target: which of its gold spans, and its support."""

    claim: PredClaim
    spans: tuple[int, ...]
    sides: frozenset[str]
    origins: frozenset[str]
    side: str
    """The side it speaks for (the one it matches most)."""
    supported: int
    """Evidence spans that overlap a gold span of that side."""
    traps: int
    """Evidence spans that overlap a ``non_support`` span."""

    @property
    def touches_non_support(self) -> bool:
        """Some of its evidence lies in a ``non_support`` span."""
        return self.traps > 0


def match_claim(target: Target, claim: PredClaim) -> Match | None:
    """How ``claim`` matches ``target``, or None when no evidence span matches a gold span."""
    hit = tuple(
        i for i, g in enumerate(target.spans) if any(e.matches(g.span) for e in claim.evidence)
    )
    if not hit:
        return None
    sides = [target.spans[i].side for i in hit]
    support = {side: _supported(target, claim, side) for side in set(sides)}
    side = max(sorted(support), key=lambda s: (sides.count(s), support[s]))
    traps = sum(any(e.matches(n) for n in target.non_support) for e in claim.evidence)
    return Match(
        claim=claim,
        spans=hit,
        sides=frozenset(sides),
        origins=frozenset(target.spans[i].origin for i in hit),
        side=side,
        supported=support[side],
        traps=traps,
    )


def _supported(target: Target, claim: PredClaim, side: str) -> int:
    gold = [g.span for g in target.spans if g.side == side]
    return sum(any(e.matches(g) for g in gold) for e in claim.evidence)


def matches_of(target: Target, claims: Sequence[PredClaim]) -> list[Match]:
    """Every claim that matches ``target``, in the claims' order."""
    return [m for c in claims if (m := match_claim(target, c)) is not None]


# --- conflict links ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Link:
    """A predicted conflict between two claims and the slots it names."""

    a: PredClaim
    b: PredClaim
    slots: frozenset[str]


def conflict_links(claims: Sequence[PredClaim]) -> list[Link]:
    """Every conflict link once (from ``conflicts_with`` and ``disagreements``, either way);
    links to claims that are not in ``claims`` are dropped."""
    by_id = {c.id: c for c in claims}
    pairs: dict[tuple[str, str], set[str]] = {}
    for c in claims:
        for other in (*c.conflicts_with, *(d for d, _ in c.disagreements)):
            if other in by_id and other != c.id:
                pairs.setdefault((min(c.id, other), max(c.id, other)), set())
    for (x, y), slots in pairs.items():
        slots |= _link_slots(by_id[x], by_id[y])
    return [Link(by_id[x], by_id[y], frozenset(s)) for (x, y), s in pairs.items()]


def _link_slots(a: PredClaim, b: PredClaim) -> set[str]:
    """The slots named for the pair: its ``disagreements``, else the ``why`` parts that name
    the other claim, else every slot either ``why`` names."""
    named = {s for d, s in a.disagreements if d == b.id} | {
        s for d, s in b.disagreements if d == a.id
    }
    if named:
        return named
    parts = [p for p in a.why.split(";") if b.id in p] + [p for p in b.why.split(";") if a.id in p]
    found = {m for p in parts for m in _WHY_SLOT.findall(p)}
    return found or set(_WHY_SLOT.findall(a.why)) | set(_WHY_SLOT.findall(b.why))


def slot_fits(report_slot: str, gold_slot: str | None) -> bool:
    """Whether a slot name of the report stands for the gold slot."""
    return gold_slot is not None and gold_slot in REPORT_SLOTS.get(report_slot, frozenset())


def links_for(link: Link, target: Target) -> bool:
    """Whether ``link`` joins a claim on side A of ``target`` to one on side B."""
    ma, mb = match_claim(target, link.a), match_claim(target, link.b)
    if ma is None or mb is None:
        return False
    return ("A" in ma.sides and "B" in mb.sides) or ("B" in ma.sides and "A" in mb.sides)


def touches(link: Link, target: Target) -> bool:
    """Whether either claim of ``link`` matches ``target``."""
    return match_claim(target, link.a) is not None or match_claim(target, link.b) is not None


@dataclass(frozen=True, slots=True)
class LinkResult:
    """One predicted conflict link and its verdict: ``right``, ``false`` or ``excluded``."""

    case: str
    case_kind: str
    claims: tuple[str, str]
    texts: tuple[str, str]
    slots: frozenset[str]
    verdict: str
    right_for: tuple[str, ...]
    """The gold conflicts whose two sides it joins."""
    joins: tuple[str, ...]
    """Every two-sided target (conflict or update) whose two sides it joins."""
    touched: tuple[str, ...]
    """Every target one of its claims matches."""
    slot_right: bool
    """It names the gold slot of a conflict it is right for."""
    gold_slots: tuple[str, ...] = ()
    """The gold slots of the conflicts it is right for."""

    def to_json(self) -> JSON:
        """Details for the JSON output."""
        return {
            "case": self.case,
            "claims": list(self.claims),
            "texts": list(self.texts),
            "slots": sorted(self.slots),
            "verdict": self.verdict,
            "right_for": list(self.right_for),
            "joins": list(self.joins),
            "touched": list(self.touched),
            "slot_right": self.slot_right,
        }


def judge_link(link: Link, targets: Sequence[Target], case: str = "", kind: str = "") -> LinkResult:
    """Right when it joins the two sides of a gold conflict; else left out when it touches
    a target that allows a conflict; else a false alarm (the story is closed)."""
    joins = [t for t in targets if t.two_sided and links_for(link, t)]
    right = [t for t in joins if t.conflict]
    touched = [t for t in targets if touches(link, t)]
    if right:
        verdict = "right"
    elif any(t.conflict_allowed for t in touched):
        verdict = "excluded"
    else:
        verdict = "false"
    return LinkResult(
        case=case,
        case_kind=kind,
        claims=(link.a.id, link.b.id),
        texts=(link.a.text, link.b.text),
        slots=link.slots,
        verdict=verdict,
        right_for=tuple(t.id for t in right),
        joins=tuple(t.id for t in joins),
        touched=tuple(t.id for t in touched),
        slot_right=any(slot_fits(s, t.slot) for s in link.slots for t in right),
        gold_slots=tuple(str(t.slot) for t in right),
    )


# --- per-target results --------------------------------------------------------------------


@dataclass
class TargetResult:
    """Everything scored for one target."""

    target: Target
    matches: list[Match]
    status: str
    """The status the prediction amounts to (``missed`` when nothing matches)."""
    status_right: bool
    found: bool = False
    """Gold conflicts: a right link joins its sides."""
    slot_right: bool = False
    false_corroboration: bool = False
    origins_predicted: int | None = None
    origins_right: bool | None = None
    """None where origins are not scored (conflicts and updates)."""
    brief_cited: int = 0
    brief_lost: int = 0
    brief_details: list[JSON] = field(default_factory=list)

    @property
    def support(self) -> tuple[int, int]:
        """(evidence spans on the side they speak for, all evidence spans) over its matches."""
        return (
            sum(m.supported for m in self.matches),
            sum(len(m.claim.evidence) for m in self.matches),
        )

    @property
    def traps(self) -> int:
        """Evidence spans of matching claims inside ``non_support`` spans."""
        return sum(m.traps for m in self.matches)

    def to_json(self) -> JSON:
        """Details for the JSON output and ``-v``."""
        t = self.target
        good, total = self.support
        return {
            "case": t.case,
            "target": t.id,
            "kind": t.kind,
            "sub": t.sub,
            "fact": t.fact,
            "expect": t.expect,
            "accept": sorted(t.accept),
            "slot": t.slot,
            "status": self.status,
            "status_right": self.status_right,
            "found": self.found,
            "slot_right": self.slot_right,
            "false_corroboration": self.false_corroboration,
            "origins": t.origins,
            "origins_predicted": self.origins_predicted,
            "origins_right": self.origins_right,
            "support": [good, total],
            "traps": self.traps,
            "brief": self.brief_details,
            "unmapped_spans": sum(g.span is None for g in t.spans),
            "matches": [_match_json(m) for m in self.matches],
        }


def _match_json(m: Match) -> JSON:
    c = m.claim
    return {
        "claim": c.id,
        "text": c.text,
        "status": c.status,
        "why": c.why,
        "independent_sources": c.independent_sources,
        "sides": sorted(m.sides),
        "origins": sorted(m.origins),
        "side": m.side,
        "support": [m.supported, len(c.evidence)],
        "traps": m.traps,
        "conflicts_with": list(c.conflicts_with),
        "superseded_by": list(c.superseded_by),
    }


def _on(matches: Sequence[Match], side: str) -> list[Match]:
    return [m for m in matches if side in m.sides]


def _superseded(matches: Sequence[Match]) -> bool:
    """An earlier claim (side A) is superseded by a later one (side B), or a status says update."""
    later = {m.claim.id for m in _on(matches, "B")}
    return any(later & set(m.claim.superseded_by) for m in _on(matches, "A")) or any(
        m.claim.status in UPDATE_STATUSES for m in matches
    )


def _both_sides_corroborated(matches: Sequence[Match]) -> bool:
    return any(m.claim.status == "corroborated" and m.sides >= set(SIDES) for m in matches)


def two_sided_status(matches: Sequence[Match], linked: bool, target: Target) -> tuple[str, bool]:
    """Conflicts and updates: the status shown and whether ``accept`` takes it (rule 3).
    Corroborating both figures is always wrong."""
    if not matches:
        return "missed", False
    if _both_sides_corroborated(matches):
        return "corroborated", False
    got = {s for s, ok in (("update", _superseded(matches)), ("conflicting", linked)) if ok}
    right = bool(got & target.accept)
    if got:
        return ("update" if "update" in got else "conflicting"), right
    sides = "".join(s for s in SIDES if _on(matches, s))
    return f"unlinked (side {sides} only)" if len(sides) == 1 else "unlinked", False


def one_sided_status(matches: Sequence[Match], target: Target) -> tuple[str, bool]:
    """Corroborated and single-source targets (rule 4): the status shown and whether it is
    right. A matching claim marked conflicting is wrong unless ``accept`` allows it."""
    if not matches:
        return "missed", False
    corroborated = [m for m in matches if m.claim.status == "corroborated"]
    got: set[str] = set()
    if any(len(m.origins) >= 2 for m in corroborated):
        got.add("corroborated")
    if not corroborated:
        got.add("single_source")
    conflicting = any(m.claim.status == "conflicting" for m in matches)
    if conflicting:
        got.add("conflicting")
    right = bool(got & target.accept) and (not conflicting or "conflicting" in target.accept)
    if conflicting:
        return "conflicting", right
    if corroborated and "corroborated" not in got:
        return "corroborated (1 gold origin)", right
    return ("corroborated" if corroborated else "single_source"), right


def false_corroboration(matches: Sequence[Match], target: Target) -> bool:
    """Rule 5: single_source with any corroborated match; a conflict or update with a
    corroborated claim on both sides, on two spans of one origin, or on a gold span plus a
    ``non_support`` span."""
    corroborated = [m for m in matches if m.claim.status == "corroborated"]
    if target.expect == "single_source":
        return bool(corroborated)
    if not target.two_sided:
        return False
    return any(
        m.sides >= set(SIDES)
        or (len(m.spans) >= 2 and len(m.origins) == 1)
        or m.touches_non_support
        for m in corroborated
    )


def best_match(matches: Sequence[Match]) -> Match | None:
    """The match covering most gold origins (then most gold spans, then the first)."""
    if not matches:
        return None
    return max(reversed(matches), key=lambda m: (len(m.origins), len(m.spans)))


def origins_verdict(
    matches: Sequence[Match], target: Target, duplicates: frozenset[frozenset[str]]
) -> tuple[int | None, bool]:
    """Rule 6: ``independent_sources`` of the best match against the gold origins; with
    ``derived_ok``, 1, or 2 when the report flags the pair as derived."""
    best = best_match(matches)
    if best is None:
        return None, False
    got = best.claim.independent_sources
    if got == target.origins:
        return got, True
    if target.derived_ok and got == 1:
        return got, True
    flagged = bool(_DERIVED.search(best.claim.why)) or _duplicate_pair(target, duplicates)
    return got, bool(target.derived_ok and got == 2 and flagged)


def _duplicate_pair(target: Target, duplicates: frozenset[frozenset[str]]) -> bool:
    articles = sorted({g.span.article for g in target.spans if g.span is not None})
    return any(frozenset((a, b)) in duplicates for a in articles for b in articles if a < b)


def has_cue(text: str, cues: Iterable[str]) -> bool:
    """Whether ``text`` holds one of ``cues`` (case-folded, starting at a word boundary:
    "plan" is in "plans", "aim" is not in "claimed")."""
    folded = text.casefold()
    return any(re.search(r"(?<!\w)" + re.escape(c.casefold()), folded) for c in cues)


def brief_verdicts(target: Target, brief: Sequence[BriefLine]) -> list[JSON]:
    """Rule 8: for each ``brief_keep`` span, the brief sentences that cite it and those of
    them that lost the hedge or denial (contain none of its cues)."""
    out: list[JSON] = []
    for keep in target.brief_keep:
        citing = [b for b in brief if any(e.matches(keep.span) for e in b.evidence)]
        lost = [b.text for b in citing if not has_cue(b.text, keep.cues)]
        out.append({"span": keep.text, "citing": len(citing), "lost": lost})
    return out


def score_target(target: Target, pred: Prediction, links: Sequence[LinkResult]) -> TargetResult:
    """Every figure of one target, given the case's judged links."""
    matches = matches_of(target, pred.claims)
    right_links = [r for r in links if target.id in r.right_for]
    pair_linked = any(target.id in r.joins for r in links)
    if target.two_sided:
        status, ok = two_sided_status(matches, pair_linked, target)
    else:
        status, ok = one_sided_status(matches, target)
    result = TargetResult(target, matches, status, ok)
    result.found = target.conflict and bool(right_links)
    result.slot_right = result.found and any(r.slot_right for r in right_links)
    result.false_corroboration = false_corroboration(matches, target)
    if not target.two_sided:
        result.origins_predicted, result.origins_right = origins_verdict(
            matches, target, pred.duplicates
        )
    result.brief_details = brief_verdicts(target, pred.brief)
    result.brief_cited = sum(d["citing"] > 0 for d in result.brief_details)
    result.brief_lost = sum(bool(d["lost"]) for d in result.brief_details)
    return result


@dataclass
class CaseResult:
    """One case scored: its targets and its predicted conflict links."""

    case: str
    kind: str
    targets: list[TargetResult]
    links: list[LinkResult]

    def to_json(self) -> JSON:
        """Details for the JSON output."""
        return {
            "case": self.case,
            "kind": self.kind,
            "targets": [t.to_json() for t in self.targets],
            "links": [link.to_json() for link in self.links],
        }


def score_case(case: JSON, pred: Prediction) -> CaseResult:
    """Score one case of ``cases.json`` against what its ``analyze`` run produced."""
    name, kind = str(case["id"]), str(case.get("kind", ""))
    targets = load_targets(case, pred)
    links = [judge_link(link, targets, name, kind) for link in conflict_links(pred.claims)]
    results = [score_target(t, pred, links) for t in targets]
    return CaseResult(name, kind, results, links)


# --- aggregates ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ConflictScore:
    """Conflict figures over many cases (rule 2)."""

    gold: int
    found: int
    links: int
    right: int
    excluded: int

    @property
    def prf(self) -> PRF:
        """Precision = right links / counted links; recall = gold conflicts found / gold."""
        p = self.right / self.links if self.links else 0.0
        r = self.found / self.gold if self.gold else 0.0
        return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def conflict_score(cases: Sequence[CaseResult]) -> ConflictScore:
    """Conflict recall over gold conflict targets, precision over the links not left out."""
    conflicts = [t for c in cases for t in c.targets if t.target.conflict]
    links = [r for c in cases for r in c.links if r.verdict != "excluded"]
    return ConflictScore(
        gold=len(conflicts),
        found=sum(t.found for t in conflicts),
        links=len(links),
        right=sum(r.verdict == "right" for r in links),
        excluded=sum(r.verdict == "excluded" for c in cases for r in c.links),
    )


@dataclass(frozen=True, slots=True)
class GoldSlotRow:
    """Recall for the gold conflicts of one slot, and how often the link named it."""

    slot: str
    targets: int
    found: int
    slot_right: int


@dataclass(frozen=True, slots=True)
class PredSlotRow:
    """Precision of the links that name one slot of the report."""

    slot: str
    links: int
    right: int
    slot_right: int


def gold_slot_rows(cases: Sequence[CaseResult]) -> list[GoldSlotRow]:
    """One row per gold slot of the conflict targets, in order of first appearance."""
    conflicts = [t for c in cases for t in c.targets if t.target.conflict]
    slots = list(dict.fromkeys(str(t.target.slot) for t in conflicts))
    return [
        GoldSlotRow(
            slot,
            sum(str(t.target.slot) == slot for t in conflicts),
            sum(t.found for t in conflicts if str(t.target.slot) == slot),
            sum(t.slot_right for t in conflicts if str(t.target.slot) == slot),
        )
        for slot in slots
    ]


def pred_slot_rows(cases: Sequence[CaseResult]) -> list[PredSlotRow]:
    """One row per slot name the counted links carry (a link naming two counts under both)."""
    rows: dict[str, list[int]] = {s: [0, 0, 0] for s in (*REPORT_SLOTS, NO_SLOT)}
    for r in (r for c in cases for r in c.links if r.verdict != "excluded"):
        for slot in r.slots or {NO_SLOT}:
            row = rows.setdefault(slot, [0, 0, 0])
            row[0] += 1
            row[1] += r.verdict == "right"
            row[2] += any(slot_fits(slot, g) for g in r.gold_slots)
    return [PredSlotRow(s, *v) for s, v in rows.items() if v[0] or s in REPORT_SLOTS]


@dataclass(frozen=True, slots=True)
class KindRow:
    """Figures for the targets of one kind (and the false links in stories of that kind)."""

    kind: str
    targets: int
    status_right: int
    false_corroborations: int
    origins_right: int
    origins_scored: int
    support: tuple[int, int]
    trap_hits: int
    false_links: int
    brief_lost: int

    @property
    def support_precision(self) -> float:
        """Share of the matching claims' evidence spans that support their side."""
        return self.support[0] / self.support[1] if self.support[1] else 0.0


def kind_row(kind: str, targets: Sequence[TargetResult], links: Sequence[LinkResult]) -> KindRow:
    """The row for these targets and links."""
    scored = [t for t in targets if t.origins_right is not None]
    return KindRow(
        kind=kind,
        targets=len(targets),
        status_right=sum(t.status_right for t in targets),
        false_corroborations=sum(t.false_corroboration for t in targets),
        origins_right=sum(bool(t.origins_right) for t in scored),
        origins_scored=len(scored),
        support=(sum(t.support[0] for t in targets), sum(t.support[1] for t in targets)),
        trap_hits=sum(t.traps for t in targets),
        false_links=sum(r.verdict == "false" for r in links),
        brief_lost=sum(t.brief_lost for t in targets),
    )


def kind_rows(cases: Sequence[CaseResult], order: Sequence[str] = ()) -> list[KindRow]:
    """One row per kind (target kinds; false links by the kind of their story), then ``all``."""
    targets = [t for c in cases for t in c.targets]
    links = [r for c in cases for r in c.links]
    kinds = list(
        dict.fromkeys([*order, *(t.target.kind for t in targets), *(c.kind for c in cases)])
    )
    rows = [
        kind_row(
            k,
            [t for t in targets if t.target.kind == k],
            [r for r in links if r.case_kind == k],
        )
        for k in kinds
    ]
    rows = [r for r in rows if r.targets or r.false_links]
    return [*rows, kind_row("all", targets, links)]


def summary_line(cases: Sequence[CaseResult]) -> str:
    """The one-line summary: conflict P/R/F1 first (the bar), then the other figures."""
    c = conflict_score(cases)
    total = kind_rows(cases)[-1]
    brief = sum(t.brief_cited for case in cases for t in case.targets)
    p = c.prf
    return (
        f"conflict P {p.precision:.3f} R {p.recall:.3f} F1 {p.f1:.3f} "
        f"({c.right}/{c.links} links right, {c.found}/{c.gold} conflicts found) | "
        f"status {total.status_right}/{total.targets} | "
        f"false corroborations {total.false_corroborations} | "
        f"origins {total.origins_right}/{total.origins_scored} | "
        f"support {total.support_precision:.3f} | traps {total.trap_hits} | "
        f"false links {total.false_links} | brief cues lost {total.brief_lost}/{brief} cited"
    )
