"""One article's dated events: one entry per event predicate that has a date of its own.

Dates, in the order they are tried (see docs/stages/timeline.md):

- a time expression attached to the predicate (:func:`.predicates.attached_predicate`):
  ``stated`` when its value needs no anchor, ``derived`` when the resolver placed it from
  the publication date or an earlier date of the article ("on Monday", "a day earlier"),
  ``published`` when that places it on the publication day itself ("today");
- a time expression inside an event noun's phrase dates the noun instead ("the 1990
  invasion", :mod:`.nominal`), with the clause that holds it as its text;
- a conjunct that comes next ("and then began talks") takes the first one's date: derived;
- a relation to an event dated in the article or the story ("during the talks", "the day
  after the vote", a "when" clause; :mod:`.relations`): derived;
- a main-clause present perfect among the first PUBLISHED_LEAD_SENTENCES sentences of the
  body ("have met") reports the news itself: the publication date, ``published``.

An event whose clause has a pronoun subject that the article's mentions do not link to an
entity gives no entry; a linked one is written with the entity's name (cited as evidence).

DOCS: docs/stages/timeline.md
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from ..model import AnnotatedArticle, Mention, Sentence, Span, Timex
from ..nlp.sentences import span_doc
from .compress import (
    METADATA,
    borrowed_subject,
    compress_clause,
    date_phrase_ids,
    phrase_root,
    range_end,
)
from .dates import EventDate, event_date
from .entry import DateSource, TimelineEntry
from .nominal import dated_noun, event_key, word_start
from .parsing import Cite
from .predicates import (
    ANNOUNCING,
    BOUND_PREPS,
    attached_predicate,
    is_predicate,
    participle_phrase,
    planned,
    present_perfect,
    sequence_parent,
    subject_of,
    text_head,
)
from .relations import Anchor, anchors_of, nearest, related_date

EVENT_TYPES: Final = frozenset({"DATE", "TIME"})
CONTENT_POS: Final = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
NAMED_DATE: Final = re.compile(
    r"\d|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", re.IGNORECASE
)
"""An expression that names its month or day: a stated date, whatever anchored its year."""
PUBLISHED_LEAD_SENTENCES: Final = 1
"""A present perfect without a date is dated to the publication day only in the body's first
PUBLISHED_LEAD_SENTENCES sentences, where a news report states its news. Fixed on TimeBank
(train; evals/timeline_tempeval.py: events a TLINK places in the creation time): figures in
docs/stages/timeline.md."""

NOMINAL_EVENTS: Final = True
"""A time expression that modifies an event noun dates that noun ("the 1990 invasion"), not
the clause's verb (:func:`.nominal.dated_noun`). Measured on TimeBank (train)."""

PUBLISHED_PRESENT: Final[str] = "off"
"""A main-clause simple present dated to the publication day: "off", "report" (a reporting
verb: "officials say") or "any". Measured on TimeBank (train): docs/stages/timeline.md."""
RELATIONS: Final = True
"""An undated predicate takes a date through a relation to a dated event (:mod:`.relations`)."""


@dataclass(frozen=True, slots=True)
class Dating:
    """A predicate's date and where it comes from."""

    date: EventDate
    source: DateSource
    mod: str | None = None
    timex: tuple[int, int] | None = None  # sentence-relative span of its own expression


def article_entries(
    item: AnnotatedArticle, index: int, story: Sequence[Anchor] = ()
) -> list[tuple[EventDate, TimelineEntry]]:
    """Every dated event of one article's body, in text order; ``story`` holds the dated
    events of the story's articles (:func:`article_anchors`) that a relation may point to."""
    article = item.article
    published = article.published.isoformat() if article.published else "9999"
    out: list[tuple[EventDate, TimelineEntry]] = []
    seen: set[tuple[str, str]] = set()
    direct = _direct(item)
    anchors = [a for a in story if a.article != article.id] + _anchors(item, direct)
    for sent, doc, found in direct:
        if RELATIONS:
            _relate(item, sent, doc, found, anchors)
        for pred, dating in (found[i] for i in sorted(found)):
            entry = _entry(item, sent, doc, pred, dating, (published, index))
            if entry is None or (entry.date, entry.text) in seen:
                continue
            seen.add((entry.date, entry.text))
            out.append((dating.date, entry))
    return out


def article_anchors(item: AnnotatedArticle) -> list[Anchor]:
    """The article's events dated by their own cues, as anchors for related events."""
    return _anchors(item, _direct(item))


Found = dict[int, tuple[Any, Dating]]


def _direct(item: AnnotatedArticle) -> list[tuple[Sentence, Any, Found]]:
    """Each body sentence with its parse and its predicates dated by their own cues."""
    article = item.article
    body = [s for s in item.sentences if s.span.start < len(article.body)]
    out: list[tuple[Sentence, Any, Found]] = []
    for k, sent in enumerate(body):
        text = sent.span.text_in(article.text)
        if METADATA.match(text):
            continue
        doc = span_doc(item.doc, sent.span.start, sent.span.end, text)
        out.append((sent, doc, _datings(item, sent, doc, lead=k < PUBLISHED_LEAD_SENTENCES)))
    return out


def _anchors(item: AnnotatedArticle, direct: list[tuple[Sentence, Any, Found]]) -> list[Anchor]:
    return [
        a for sent, _, found in direct for a in anchors_of(found, item.article.id, sent.span.start)
    ]


def _relate(
    item: AnnotatedArticle, sent: Sentence, doc: Any, found: Found, anchors: list[Anchor]
) -> None:
    """Date the sentence's undated predicates through a relation to a dated event."""
    base = sent.span.start

    def lookup(tok: Any, firm: bool) -> EventDate | None:
        key, at = event_key(tok), base + tok.idx
        return nearest(anchors, key, item.article.id, at, firm=firm, noun=tok)

    for tok in doc:
        if tok.i in found or not is_predicate(tok):
            continue
        date = related_date(tok, lookup, found)
        if date is not None:
            found[tok.i] = (tok, Dating(date, "derived"))


def sentence_timexes(item: AnnotatedArticle, sent: Sentence) -> list[Timex]:
    return [
        x for x in item.timexes if sent.span.start <= x.span.start and x.span.end <= sent.span.end
    ]


def _dated(item: AnnotatedArticle, sent: Sentence) -> list[tuple[Timex, EventDate]]:
    return [
        (x, d)
        for x in sentence_timexes(item, sent)
        if x.type in EVENT_TYPES and x.anchored and (d := event_date(x.value)) is not None
    ]


def _source(timex: Timex, published: str, text: str) -> DateSource:
    """``stated`` for a value the expression names (a year-less "September 13" too),
    ``published`` for a deictic one on the publication day ("today"), else ``derived``."""
    if timex.anchor is None or NAMED_DATE.search(timex.span.text_in(text)):
        return "stated"
    if timex.anchor == "published" and timex.value[:10] == published and len(timex.value) >= 10:
        return "published"
    return "derived"


def _datings(item: AnnotatedArticle, sent: Sentence, doc: Any, *, lead: bool) -> Found:
    base = sent.span.start
    published = item.article.published.isoformat() if item.article.published else ""
    spans = [(x.span.start - base, x.span.end - base) for x, _ in _dated(item, sent)]
    found: dict[int, tuple[Any, Dating]] = {}
    for (timex, date), span in zip(_dated(item, sent), spans, strict=True):
        others = [s for s in spans if s != span]
        root = phrase_root(doc, span)
        if root is None or range_end(doc, span, others):
            continue
        noun = dated_noun(root, BOUND_PREPS) if NOMINAL_EVENTS else None
        attached = (noun, False) if noun is not None else attached_predicate(root)
        if attached is None:
            continue
        pred, _ = attached
        known = found.get(pred.i)
        if known is not None and known[1].date.rank >= date.rank:
            continue  # the finer of two expressions on one predicate
        source = _source(timex, published, item.article.text)
        found[pred.i] = (pred, Dating(date, source, timex.mod, span))
    for tok in doc:
        if tok.i in found or not is_predicate(tok):
            continue
        first = sequence_parent(tok)
        if first is not None and first.i in found:
            found[tok.i] = (tok, Dating(found[first.i][1].date, "derived"))
        elif published and ((lead and present_perfect(tok)) or _present_cue(tok)):
            day = event_date(published)
            if day is not None:
                found[tok.i] = (tok, Dating(day, "published"))
    return found


def _present_cue(tok: Any) -> bool:
    """A main-clause present tense that PUBLISHED_PRESENT dates to the publication day."""
    if PUBLISHED_PRESENT == "off" or tok.tag_ not in {"VBZ", "VBP"} or tok.dep_ != "ROOT":
        return False
    if any(c.dep_ in {"aux", "neg"} for c in tok.children):
        return False
    return PUBLISHED_PRESENT == "any" or tok.lemma_.lower() in ANNOUNCING


def _entry(
    item: AnnotatedArticle,
    sent: Sentence,
    doc: Any,
    pred: Any,
    dating: Dating,
    order: tuple[str, int],
) -> TimelineEntry | None:
    if participle_phrase(pred):
        return None
    base = sent.span.start
    spans = [(x.span.start - base, x.span.end - base) for x in sentence_timexes(item, sent)]
    others = [s for s in spans if s != dating.timex]
    drop = date_phrase_ids(doc, dating.timex, others) if dating.timex else set()
    head = text_head(pred)
    path = {pred.i} | {a.i for a in pred.ancestors}
    named = _subject_name(item, doc, head, base)
    if named is None:
        return None
    names, name_cites = named
    clause = compress_clause(
        doc, head, drop=drop, others=others, path=path, names=names, apart=True
    )
    if clause is None:
        return None
    span = Span(base + clause.start, base + clause.end)
    article = item.article.id
    entities = {m.entity_id for m in item.mentions if m.entity_id and _within(m.span, span)}
    lemmas = {
        doc[i].lemma_.lower()
        for i in clause.tokens
        if doc[i].pos_ in CONTENT_POS and not doc[i].is_stop and doc[i].is_alpha
    }
    first = word_start(pred) if pred.pos_ == "NOUN" else pred
    pred_span = Span(base + first.idx, base + pred.idx + len(pred.text))
    return TimelineEntry(
        date=dating.date.value,
        text=clause.text,
        evidence=(Cite(article, span), *name_cites),
        precision=dating.date.precision,
        mod=dating.mod,
        keys=frozenset(entities | lemmas),
        order=(*order, pred_span.start),
        date_source=dating.source,
        planned=planned(pred),
        heads=(Cite(article, pred_span),),
    )


def _within(span: Span, outer: Span) -> bool:
    return outer.start <= span.start and span.end <= outer.end


def _subject_name(
    item: AnnotatedArticle, doc: Any, head: Any, base: int
) -> tuple[dict[int, str], tuple[Cite, ...]] | None:
    """A personal-pronoun subject's entity name (and the mention that names it): {} when the
    subject is no pronoun, None when the pronoun is not linked to a named entity."""
    subject = subject_of(head)
    if subject is None:
        borrowed = borrowed_subject(head)
        subject = doc[borrowed[-1]] if borrowed else None
    if subject is None or subject.tag_ != "PRP":
        return {}, ()
    start = base + subject.idx
    linked = next(
        (m for m in item.mentions if m.span.start == start and m.entity_id is not None), None
    )
    name = _name_of(item.mentions, linked, item.article.text) if linked else None
    if name is None:
        return None
    return {subject.i: name.span.text_in(item.article.text)}, (Cite(item.article.id, name.span),)


def _name_of(mentions: Sequence[Mention], linked: Mention, text: str) -> Mention | None:
    """The longest mention of the linked entity that is a name, not another pronoun."""
    named = [
        m
        for m in mentions
        if m.entity_id == linked.entity_id
        and m is not linked
        and m.span.text_in(text)[:1].isupper()
        and m.span.text_in(text).lower() not in {"he", "she", "it", "they", "we", "i", "you"}
    ]
    return max(named, key=lambda m: m.span.end - m.span.start, default=None)
