"""A story's timeline in event time: dated events from its articles, merged and ordered.

Each anchored calendar value (DATE or TIME) gives an entry: the clause it dates, lightly
compressed (:mod:`.compress`), with that clause as evidence. Vague values (PAST_REF),
unanchored ones, durations and sets give none. Entries from different articles with the
same value that share names or words are one event reported twice: they merge, and the
merged entry cites every article. Entries are ordered by :class:`.dates.EventDate`.

DOCS: docs/stages/brief.md (Timeline)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from .._types import JSON, ArticleId
from ..model import AnnotatedArticle, Sentence, Span, Timex
from ..nlp.sentences import cut_span, parse_sentences, span_doc
from .compress import compress_dated
from .dates import EventDate, event_date
from .parsing import Cite

EVENT_TYPES: Final = frozenset({"DATE", "TIME"})
CONTENT_POS: Final = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
MERGE_MIN_SHARED: Final = 2
MERGE_MIN_OVERLAP: Final = 0.1
"""Two same-date entries merge when they share at least MERGE_MIN_SHARED entities or
content lemmas and these make at least MERGE_MIN_OVERLAP of the smaller entry's keys
(overlap coefficient). Calibrated on ECB+ train (evals/brief.py: sentence pairs across
documents of one subtopic, gold = a shared cross-document event chain; best F0.5 with at
least two shared keys): P 0.81 R 0.76 on train; dev in docs/stages/brief.md (Timeline)."""


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated event. ``date`` is the TIMEX3 value as precise as the text ("2023-07")."""

    date: str
    text: str
    evidence: tuple[Cite, ...]
    precision: str
    mod: str | None = None
    keys: frozenset[str] = field(default_factory=frozenset)
    order: tuple[Any, ...] = ()

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
        }
        if self.mod:
            out["mod"] = self.mod
        return out


def build_timeline(items: Sequence[AnnotatedArticle]) -> list[TimelineEntry]:
    """The timeline of a story made of ``items`` (their sentences, timexes and mentions).

    Args:
        items: the story's annotated articles; each needs the "sentences" and "timexes"
            layers, and linked mentions (``entity_id``) help merging.
    Returns:
        Entries ordered by event time, coarse before fine at the same start.
    """
    parse_sentences(  # one batched parse of the dated sentences not cut from a stored parse
        [
            sent.span.text_in(item.article.text)
            for item in items
            for sent in item.sentences
            if any(_within(x.span, sent.span) and x.type in EVENT_TYPES for x in item.timexes)
            and cut_span(item.doc, sent.span.start, sent.span.end) is None
        ]
    )
    found: list[tuple[EventDate, TimelineEntry]] = []
    for index, item in enumerate(items):
        found += _entries_of(item, index)
    merged = _merge(found)
    merged.sort(key=_entry_order)
    return [e for _, e in merged]


def _entry_order(pair: tuple[EventDate, TimelineEntry]) -> tuple[Any, ...]:
    return (pair[0], pair[1].order)


def _entries_of(item: AnnotatedArticle, index: int) -> list[tuple[EventDate, TimelineEntry]]:
    article = item.article
    body_end = len(article.body)
    published = article.published.isoformat() if article.published else "9999"
    out: list[tuple[EventDate, TimelineEntry]] = []
    seen: set[tuple[str, Span]] = set()
    for sent in item.sentences:
        if sent.span.start >= body_end:
            continue
        dated = [
            (x, d)
            for x in item.timexes
            if sent.span.start <= x.span.start and x.span.end <= sent.span.end
            and x.type in EVENT_TYPES and x.anchored
            and (d := event_date(x.value)) is not None
        ]  # fmt: skip
        if not dated:
            continue
        inside = [x for x in item.timexes if _within(x.span, sent.span)]
        for timex, date in dated:
            entry = _entry(item, sent, timex, date, inside, (published, index))
            if entry is None or (entry.date, entry.evidence[0].span) in seen:
                continue
            seen.add((entry.date, entry.evidence[0].span))
            out.append((date, entry))
    return out


def _within(span: Span, outer: Span) -> bool:
    return outer.start <= span.start and span.end <= outer.end


def _entry(
    item: AnnotatedArticle,
    sent: Sentence,
    timex: Timex,
    date: EventDate,
    inside: Sequence[Timex],
    order: tuple[str, int],
) -> TimelineEntry | None:
    base = sent.span.start
    doc = span_doc(item.doc, sent.span.start, sent.span.end, sent.span.text_in(item.article.text))
    others = [
        (x.span.start - base, x.span.end - base)
        for x in inside
        if x is not timex and x.value != timex.value
    ]
    clause = compress_dated(doc, (timex.span.start - base, timex.span.end - base), others)
    if clause is None:
        return None
    span = Span(base + clause.start, base + clause.end)
    entities = {
        m.entity_id for m in item.mentions if m.entity_id and _within(m.span, span)
    }  # fmt: skip
    lemmas = {
        doc[i].lemma_.lower()
        for i in clause.tokens
        if doc[i].pos_ in CONTENT_POS and not doc[i].is_stop and doc[i].is_alpha
    }
    return TimelineEntry(
        date=timex.value,
        text=clause.text,
        evidence=(Cite(item.article.id, span),),
        precision=date.precision,
        mod=timex.mod,
        keys=frozenset(entities | lemmas),
        order=(*order, span.start),
    )


def overlap(a: frozenset[str], b: frozenset[str]) -> tuple[int, float]:
    """Shared keys and the overlap coefficient |a ∩ b| / min(|a|, |b|)."""
    shared = len(a & b)
    return shared, shared / max(1, min(len(a), len(b)))


def same_event(a: TimelineEntry, b: TimelineEntry) -> bool:
    """Same date value, different articles, and enough shared names and words."""
    if a.date != b.date or set(a.articles) & set(b.articles):
        return False
    shared, coeff = overlap(a.keys, b.keys)
    return shared >= MERGE_MIN_SHARED and coeff >= MERGE_MIN_OVERLAP


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
    return TimelineEntry(
        date=kept.date,
        text=kept.text,
        evidence=kept.evidence + extra.evidence,
        precision=kept.precision,
        mod=kept.mod or extra.mod,
        keys=kept.keys | extra.keys,
        order=kept.order,
    )
