"""One timeline entry: a dated event with its evidence, and its report JSON.

DOCS: docs/stages/timeline.md
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from .._types import JSON, ArticleId
from .parsing import Cite

DateSource = Literal["stated", "derived", "published"]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated event. ``date`` is the TIMEX3 value as precise as the text ("2023-07").

    ``date_source`` says where the date comes from: ``stated`` (a time expression on the
    event's own predicate), ``derived`` (a relative expression resolved against the
    publication date or an earlier date of the article, or a related dated event) or
    ``published`` (a same-day cue: the publication date). ``planned`` marks an event still
    to come when it was reported. ``heads`` are the events' predicates (one per report),
    ``evidence`` the clauses (and the name a pronoun subject was resolved to); ``claim`` and
    ``status`` name the story claim whose evidence overlaps the entry's, when claims are given.
    """

    date: str
    text: str
    evidence: tuple[Cite, ...]
    precision: str
    mod: str | None = None
    keys: frozenset[str] = field(default_factory=frozenset)
    order: tuple[Any, ...] = ()
    date_source: DateSource = "stated"
    planned: bool = False
    heads: tuple[Cite, ...] = ()
    claim: str | None = None
    status: str | None = None

    @property
    def articles(self) -> tuple[ArticleId, ...]:
        return tuple(dict.fromkeys(c.article for c in self.evidence))

    def to_json(self, texts: Mapping[ArticleId, str]) -> JSON:
        """The report's timeline entry (``texts`` maps article ids to their texts)."""
        out: JSON = {
            "date": self.date,
            "text": self.text,
            "evidence": [c.to_json(texts[c.article]) for c in self.evidence],
            "precision": self.precision,
            "date_source": self.date_source,
        }
        if self.mod:
            out["mod"] = self.mod
        if self.planned:
            out["planned"] = True
        if self.claim is not None:
            out["claim"] = self.claim
            out["status"] = self.status
        return out
