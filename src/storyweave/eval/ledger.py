"""Scoring the claim ledger on hand-made stories (the ``claims_dev`` suite).

One case is one closed story: a few articles and gold *targets*, each a fact with the
spans that state it, its expected status and, for conflicts and updates, two sides.
The rules are the suite's README ("Scoring rules"); in short:

1. A predicted claim *matches* a gold span when one of its evidence spans lies in the
   same article and shares at least :data:`~.ledger_cases.MIN_OVERLAP` characters with it.
   Gold offsets are mapped onto the stored text when it differs
   (:class:`~.ledger_cases.OffsetMap`).
2. A conflict link (``conflicts_with`` or a ``disagreements`` entry) is right when one
   claim matches side A of a gold conflict and the other side B; links touching a target
   whose ``accept`` allows a conflict without expecting one are left out; every other
   link is a false alarm (stories are closed).
3. An update is right when the earlier claim is ``superseded_by`` the later one.
4. One-sided status, 5. false corroborations, 6. independent origins, 7. support
   precision and trap hits, 8. hedges and denials kept in the brief: see the functions.

Everything here is pure: :func:`score_case` takes a case from ``cases.json`` and a
:class:`~.ledger_cases.Prediction` (built from a report by
:func:`~.ledger_cases.prediction_from_report`); the figures over many cases are in
:mod:`.ledger_tables`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .._types import JSON
from .ledger_cases import (
    BriefLine,
    PredClaim,
    Prediction,
    Target,
    load_targets,
)

SIDES = ("A", "B")

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
