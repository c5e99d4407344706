"""The ledger scorer's figures over many cases: conflict P/R/F1, per-slot and per-kind tables,
the summary line (rules 2-9 of the suite's README, summed)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .ledger import (
    NO_SLOT,
    REPORT_SLOTS,
    CaseResult,
    LinkResult,
    TargetResult,
    slot_fits,
)
from .prf import PRF

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
