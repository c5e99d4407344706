"""Precision, recall and F1 from counts: one definition for every scorer."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float


def prf(hits: int, *, predicted: int, gold: int) -> PRF:
    """P = hits / predicted, R = hits / gold, F1 their harmonic mean (0 where undefined)."""
    p = hits / predicted if predicted else 0.0
    r = hits / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return PRF(p, r, f)
