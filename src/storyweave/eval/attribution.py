"""Scoring attribution extraction (PolNeAR-style): content spans and speakers.

An item is one attribution reduced to what is scored: its content (one or more
character spans: a quote split around "he said" is one item of two parts), its
source spans, and whether it is a direct quote. Exact match needs identical
parts; overlap match pairs gold and predicted items one to one, best first,
when the shared characters cover at least half of the longer content. Speaker
accuracy counts overlap-matched pairs whose gold has a source and whose
predicted source touches it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .prf import prf

Parts = tuple[tuple[int, int], ...]
OVERLAP_MIN = 0.5


@dataclass(frozen=True)
class Item:
    parts: Parts
    source: Parts
    direct: bool

    @property
    def chars(self) -> frozenset[int]:
        return frozenset(i for s, e in self.parts for i in range(s, e))


@dataclass
class Tally:
    """Running counts over a corpus."""

    gold: int = 0
    pred: int = 0
    exact: int = 0
    overlap: int = 0
    speaker_total: int = 0
    speaker_ok: int = 0
    misses: list[tuple[str, Item]] = field(default_factory=list)
    false: list[tuple[str, Item]] = field(default_factory=list)

    def prf(self, hits: int) -> tuple[float, float, float]:
        """Precision, recall and F1 for ``hits`` matches (``exact`` or ``overlap``)."""
        got = prf(hits, predicted=self.pred, gold=self.gold)
        return got.precision, got.recall, got.f1

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_ok / self.speaker_total if self.speaker_total else 0.0


def overlap(a: Item, b: Item) -> float:
    """Shared characters over the longer content."""
    ca, cb = a.chars, b.chars
    return len(ca & cb) / max(len(ca), len(cb), 1)


def spans_touch(a: Parts, b: Parts) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def score(
    article: str, gold: list[Item], pred: list[Item], tally: Tally, *, speakers: bool = True
) -> None:
    """Add one article's matches to ``tally``."""
    tally.gold += len(gold)
    tally.pred += len(pred)
    used: set[int] = set()
    for p in pred:
        for k, g in enumerate(gold):
            if k not in used and g.parts == p.parts:
                used.add(k)
                tally.exact += 1
                break
    pairs = sorted(
        ((overlap(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)),
        reverse=True,
    )
    taken_g: set[int] = set()
    taken_p: set[int] = set()
    for ov, gi, pi in pairs:
        if ov < OVERLAP_MIN:
            break
        if gi in taken_g or pi in taken_p:
            continue
        taken_g.add(gi)
        taken_p.add(pi)
        tally.overlap += 1
        if speakers and gold[gi].source:
            tally.speaker_total += 1
            tally.speaker_ok += spans_touch(gold[gi].source, pred[pi].source)
    tally.misses += [(article, g) for gi, g in enumerate(gold) if gi not in taken_g]
    tally.false += [(article, p) for pi, p in enumerate(pred) if pi not in taken_p]
