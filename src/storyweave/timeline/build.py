"""A story's timeline in event time: dated events from its articles, merged and ordered.

Each event predicate with a date of its own gives an entry (:mod:`.events`): its clause,
lightly compressed (:mod:`.compress`), with that clause as evidence. Entries from
different articles with the same value that share names or words are one event reported
twice: they merge, and the merged entry cites every article. A vaguer date of an event
that the timeline also dates more finely ("2023" beside "2023-05") is dropped by the same
rule. Entries are ordered by :class:`.dates.EventDate`; given the story's claims, each
entry names the claim whose evidence overlaps it.

DOCS: docs/stages/timeline.md
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any, Final

from .._types import JSON
from ..model import AnnotatedArticle, Span
from ..nlp.sentences import cut_span, parse_sentences
from .dates import EventDate, contains
from .entry import TimelineEntry
from .events import CONTENT_POS, EVENT_TYPES, article_anchors, article_entries
from .parsing import Cite

__all__ = ["CONTENT_POS", "EVENT_TYPES", "TimelineEntry", "build_timeline", "overlap", "same_event"]

MERGE_MIN_SHARED: Final = 2
MERGE_MIN_OVERLAP: Final = 0.1
"""Two same-date entries merge when they share at least MERGE_MIN_SHARED entities or
content lemmas and these make at least MERGE_MIN_OVERLAP of the smaller entry's keys
(overlap coefficient). Calibrated on ECB+ train (evals/brief.py: sentence pairs across
documents of one subtopic, gold = a shared cross-document event chain; best F0.5 with at
least two shared keys): P 0.81 R 0.76 on train; dev in docs/stages/brief.md (Timeline)."""


def build_timeline(
    items: Sequence[AnnotatedArticle], *, claims: Sequence[JSON] | None = None
) -> list[TimelineEntry]:
    """The timeline of a story made of ``items`` (their sentences, timexes and mentions).

    Args:
        items: the story's annotated articles; each needs the "sentences" and "timexes"
            layers, and linked mentions (``entity_id``) help merging and name pronouns.
        claims: the story's claims (report JSON: ``id``, ``status``, ``evidence``); each
            entry then names the claim whose evidence overlaps its own most.
    Returns:
        Entries ordered by event time, coarse before fine at the same start.
    """
    parse_sentences(  # one batched parse of the body sentences not cut from a stored parse
        [
            sent.span.text_in(item.article.text)
            for item in items
            for sent in item.sentences
            if sent.span.start < len(item.article.body)
            and cut_span(item.doc, sent.span.start, sent.span.end) is None
        ]
    )
    story = [a for item in items for a in article_anchors(item)] if len(items) > 1 else []
    found: list[tuple[EventDate, TimelineEntry]] = []
    for index, item in enumerate(items):
        found += article_entries(item, index, story)
    merged = _drop_vaguer(_merge(found))
    merged.sort(key=_entry_order)
    entries = [e for _, e in merged]
    return [_with_claim(e, claims) for e in entries] if claims else entries


def _entry_order(pair: tuple[EventDate, TimelineEntry]) -> tuple[Any, ...]:
    return (pair[0], pair[1].order)


def overlap(a: frozenset[str], b: frozenset[str]) -> tuple[int, float]:
    """Shared keys and the overlap coefficient |a ∩ b| / min(|a|, |b|)."""
    shared = len(a & b)
    return shared, shared / max(1, min(len(a), len(b)))


def same_event(a: TimelineEntry, b: TimelineEntry) -> bool:
    """Same date value, different articles, and enough shared names and words."""
    if a.date != b.date or set(a.articles) & set(b.articles):
        return False
    return _shares(a, b)


def _shares(a: TimelineEntry, b: TimelineEntry) -> bool:
    """Both planned or both not, and enough shared keys by the merge rule."""
    shared, coeff = overlap(a.keys, b.keys)
    return a.planned == b.planned and shared >= MERGE_MIN_SHARED and coeff >= MERGE_MIN_OVERLAP


def _merge(
    found: Iterable[tuple[EventDate, TimelineEntry]],
) -> list[tuple[EventDate, TimelineEntry]]:
    out: list[tuple[EventDate, TimelineEntry]] = []
    for date, entry in sorted(found, key=_entry_order):
        for k, (_, kept) in enumerate(out):
            if same_event(kept, entry):
                out[k] = (date, _combined(kept, entry))
                break
        else:
            out.append((date, entry))
    return out


def _combined(kept: TimelineEntry, extra: TimelineEntry) -> TimelineEntry:
    """The first report's wording, every report's evidence."""
    return replace(
        kept,
        evidence=kept.evidence + tuple(c for c in extra.evidence if c not in kept.evidence),
        mod=kept.mod or extra.mod,
        keys=kept.keys | extra.keys,
        heads=kept.heads + extra.heads,
    )


def same_event_coarser(coarse: TimelineEntry, fine: TimelineEntry) -> bool:
    """``fine`` dates the event ``coarse`` reports at a coarser precision: its date lies
    inside the coarser one, and they share names and words by the merge rule (one article
    or several: a report often gives the year first, then the month)."""
    return _shares(coarse, fine)


def _drop_vaguer(
    found: list[tuple[EventDate, TimelineEntry]],
) -> list[tuple[EventDate, TimelineEntry]]:
    """Leave out an entry when a finer-dated entry of the same event is in the timeline."""
    return [
        (date, entry)
        for date, entry in found
        if not any(
            other.rank > date.rank and contains(date, other) and same_event_coarser(entry, e)
            for other, e in found
        )
    ]


def _with_claim(entry: TimelineEntry, claims: Sequence[JSON]) -> TimelineEntry:
    """The entry with the id and status of the claim whose evidence overlaps it most."""
    best: tuple[int, JSON] | None = None
    for claim in claims:
        shared = sum(
            _overlap_chars(cite, row)
            for cite in entry.evidence
            for row in claim.get("evidence", ())
        )
        if shared > 0 and (best is None or shared > best[0]):
            best = (shared, claim)
    if best is None:
        return entry
    return replace(entry, claim=str(best[1]["id"]), status=str(best[1].get("status")))


def _overlap_chars(cite: Cite, row: Mapping[str, Any]) -> int:
    if str(row.get("article")) != cite.article:
        return 0
    span = Span(int(row["start"]), int(row["end"]))
    return max(0, min(cite.span.end, span.end) - max(cite.span.start, span.start))
