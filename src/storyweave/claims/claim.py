"""The claim: one proposition of a story, every span that reports it, and its status.

DOCS: docs/stages/claims.md
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from storyweave._types import JSON, ArticleId
from storyweave.model import Span

from .conflict import SlotName
from .origins import Origin
from .slots import Slots

ClaimStatus = Literal["corroborated", "single_source", "conflicting", "updated"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """One span of one article that reports the claim, with the chain that credits it."""

    article: ArticleId
    span: Span
    text: str
    chain: tuple[str, ...] = ()
    speaker: str | None = None
    states: tuple[str, ...] = ()
    """The slots this span itself states ("predicate", "how many", "when", "where", "who")."""
    modality: str = "asserted"
    """How the span puts it: "asserted", "hedged", "denied" or "conditional"."""


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Another claim this one disagrees with, on one slot."""

    claim: str
    slot: SlotName
    mine: str
    theirs: str
    my_origins: tuple[str, ...] = ()
    their_origins: tuple[str, ...] = ()
    """The independent origins on each side, as labels ("AP", "Minister Sirin, relayed by ...")."""


@dataclass(frozen=True, slots=True)
class Claim:
    """One proposition as reported by one or more articles of a story.

    ``id`` hashes the evidence spans, so the same evidence always gives the same id.
    ``conflicts_with`` lists the claims it disagrees with (``disagreements`` says on
    which slot); ``superseded_by`` the claims that report a later figure for it.
    """

    id: str
    text: str
    status: ClaimStatus
    evidence: tuple[Evidence, ...]
    independent_sources: int
    origins: tuple[Origin, ...]
    why: str
    slots: Slots
    conflicts_with: tuple[str, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    superseded_by: tuple[str, ...] = ()
    same_event: tuple[str, ...] = ()
    """Claims that report the same event without stating the same slots (one names the place,
    the figure or a party the other leaves out): related, but never counted as support."""

    def to_json(self) -> JSON:
        """The claim as the report shows it (``docs/report-format.md``, stories[].claims)."""
        return {
            "id": self.id,
            "text": self.text,
            "status": self.status,
            "evidence": [
                {
                    "article": e.article,
                    "start": e.span.start,
                    "end": e.span.end,
                    "text": e.text,
                    "states": list(e.states),
                    "modality": e.modality,
                    "speaker": e.speaker,
                    "chain": list(e.chain),
                }
                for e in self.evidence
            ],
            "modality": self.slots.modality,
            "independent_sources": self.independent_sources,
            "origins": [o.label for o in self.origins],
            "conflicts_with": list(self.conflicts_with),
            "disagreements": [
                {
                    "claim": d.claim,
                    "slot": d.slot,
                    "mine": d.mine,
                    "theirs": d.theirs,
                    "my_origins": list(d.my_origins),
                    "their_origins": list(d.their_origins),
                }
                for d in self.disagreements
            ],
            "superseded_by": list(self.superseded_by),
            "same_event": list(self.same_event),
            "why": self.why,
            "slots": slots_json(self.slots),
        }


def stated_slots(s: Slots) -> tuple[str, ...]:
    """The slots a unit states itself: what an evidence row can vouch for."""
    out = ["predicate"]
    if s.quantities:
        out.append("how many")
    if s.when:
        out.append("when")
    if s.where:
        out.append("where")
    if s.agent or s.who:
        out.append("who")
    return tuple(out)


def slots_json(s: Slots) -> JSON:
    """The slots in plain values: names as written, dates, figures."""
    return {
        "who": sorted(s.name_of(k) for k in s.who),
        "predicate": ("not " if s.negated else "") + s.predicate,
        "whom": sorted(s.name_of(k) for k in s.whom),
        "where": [p.name for p in s.where],
        "when": list(s.when),
        "how_many": [{"value": q.value, "unit": q.unit, "hedge": q.hedge} for q in s.quantities],
    }
