"""Status of a claim and the plain-language ``why`` that explains it.

- **conflicting**: an aligned claim disagrees on a slot (it names the slot);
- **corroborated**: at least :data:`CORROBORATION` independent origins report it;
- **updated**: a later report gives a new figure for it (``superseded_by``), and nothing
  contemporaneous disagrees: the latest figure is current;
- **single_source**: otherwise (it says why several reports still count once).

DOCS: docs/stages/claims.md
"""

from __future__ import annotations

from collections.abc import Sequence

from .calibration import CORROBORATION
from .claim import ClaimStatus, Disagreement
from .origins import Origin

_SLOT_WORDS = {
    "how many": "the figure (how many)",
    "when": "the date (when)",
    "where": "the place (where)",
    "who": "the participants (who)",
    "polarity": "whether it happened (polarity)",
}


def decide(
    origins: Sequence[Origin],
    reports: int,
    disagreements: Sequence[Disagreement],
    *,
    superseded: Sequence[str] = (),
    revisions: Sequence[str] = (),
) -> tuple[ClaimStatus, str]:
    """The status and its ``why`` for a claim with these origins and disagreements;
    ``revisions`` says each later figure ("three people (AP, 2024-01-22) -> eight (Reuters,
    2024-01-23)")."""
    changes = f": {'; '.join(revisions)}" if revisions else ""
    later = (
        f" A later report updates its figure (claim {', '.join(superseded)}){changes}."
        if superseded
        else ""
    )
    if disagreements:
        parts = [
            f"{_SLOT_WORDS[d.slot]}: this claim says {d.mine!r}{_by(d.my_origins)}, claim"
            f" {d.claim} says {d.theirs!r}{_by(d.their_origins)}"
            for d in disagreements
        ]
        return "conflicting", "Sources disagree on " + "; on ".join(parts) + "." + later
    names = "; ".join(o.label for o in origins)
    if superseded:
        return (
            "updated",
            f"A later report updates its figure (claim {', '.join(superseded)}){changes}; this"
            f" figure is no longer current. Reported by {len(origins)} independent source(s):"
            f" {names}.",
        )
    if len(origins) >= CORROBORATION:
        return (
            "corroborated",
            f"Reported by {len(origins)} independent sources: {names}.{later}",
        )
    if reports > 1 and origins:
        shared = "; ".join(_shared_reason(o) for o in origins)
        return (
            "single_source",
            f"Reported {reports} times, but all from one origin: {shared}.{later}",
        )
    return "single_source", f"Only one source reports it: {names}.{later}"


def _by(labels: Sequence[str]) -> str:
    return f" ({'; '.join(labels)})" if labels else ""


def _shared_reason(o: Origin) -> str:
    if len(o.articles) > 1 and o.cites:
        return f"{o.label}, the same copy or agency"
    if o.speakers:
        return f"{o.label}, one source"
    if len(o.articles) > 1:
        return f"{o.label}, copies of one report"
    return o.label
