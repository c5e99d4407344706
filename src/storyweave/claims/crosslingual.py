"""Claims across languages: what an article in a language read in part states, aligned with
the English claims of its story (issue 20).

No parse reads the foreign text, so its claims are its sentences that state a figure
(:func:`storyweave.foreign.find_figures`), each one unit, with the attribution the quotes stage
found for it and the stance its words give (:func:`storyweave.foreign.stance`). A multilingual
embedder (:mod:`storyweave.nlp.multilingual`) scores each against the English units of the
story, and the figures decide:

- **support**: the English claim is at least :data:`~.calibration.CROSS_ALIGN` alike and the
  foreign sentence states every figure the claim states, agreeing (rounding and bounds as in
  English) and asserted, and the two do not name different outcomes (the dead, the injured,
  ...: :mod:`storyweave.foreign.frames`): it joins the claim, as one more report;
- **disagreement**: the most alike claim is at least :data:`~.calibration.CROSS_CONFLICT`
  alike, each side states one figure of one kind, they differ, and no other alike claim
  agrees: a conflict on "how many", or an update when the two reports are of other days;
- otherwise the sentence is a claim of its own. A denied, negated, hedged or conditional
  sentence never supports and never disputes.

A foreign article that is a translation of an English one of the story (its lead's sentences
each have an English counterpart at :data:`~.calibration.TRANSLATED_SENTENCE`) is no
independent origin: it shares the English article's.

DOCS: docs/stages/claims.md ("Other languages")
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from storyweave._types import ArticleId
from storyweave.foreign import Figure, find_figures, stance
from storyweave.foreign.frames import compatible, count_frames
from storyweave.foreign.numbers import figure_clauses
from storyweave.model import AnnotatedArticle, Attribution, Span
from storyweave.nlp import languages

from .calibration import (
    CLAUSE_MARGIN,
    CROSS_ALIGN,
    CROSS_CLAUSE,
    CROSS_CONFLICT,
    DISPUTE_RATIO,
    TRANSLATED_LEAD,
    TRANSLATED_SENTENCE,
    TRANSLATED_SHARE,
)
from .conflict import SlotClash, figures_agree
from .numbers import Quantity
from .slots import Slots
from .units import Unit

Embed = Callable[[Sequence[str]], np.ndarray]
_MODALITY = {"denied": "denied", "hedged": "hedged", "conditional": "conditional"}


@dataclass(frozen=True, slots=True)
class Match:
    """Where a foreign unit goes: into the English unit's claim (``support``), against it
    (``clash``), or nowhere (a claim of its own)."""

    unit: int
    english: int | None = None
    clash: SlotClash | None = None


def foreign_units(item: AnnotatedArticle) -> list[tuple[Unit, Slots]]:
    """The units of an article read in part: each sentence of its own words that states a
    figure, with its attribution and stance."""
    lang = item.article_language or ""
    if not languages.read_in_part(lang):
        return []
    text = item.article.text
    out = []
    for sent, span in own_sentences(item):
        put = stance(text[span.start : span.end], lang)  # a denial or a modal anywhere in it
        for clause in figure_clauses(text, lang, span.start, span.end):
            figures = find_figures(text, lang, start=clause.start, end=clause.end)
            if figures:
                quantities = [_quantity(f) for f in figures]
                out.append(
                    (
                        foreign_unit(item, sent, clause, span),
                        foreign_slots(put, quantities=quantities),
                    )
                )
    return out


def own_sentences(item: AnnotatedArticle) -> list[tuple[int, Span]]:
    """(sentence index, span) of the sentences of the article's own words, cut to its body."""
    body_end = len(item.article.body)
    out = []
    for sent in item.sentences:
        start, end = max(sent.span.start, item.article.own_start), min(sent.span.end, body_end)
        if start < end:
            out.append((sent.index, Span(start, end)))
    return out


def foreign_unit(item: AnnotatedArticle, sentence: int, span: Span, whole: Span) -> Unit:
    """A unit of a foreign article over ``span`` (in the sentence ``whole``), with the
    attribution that covers most of the sentence."""
    att = _attribution(item.attributions, whole)
    name = att.speaker_name if att is not None and att.source_type == "name" else None
    return Unit(
        article=item.article.id,
        sentence=sentence,
        span=span,
        text=item.article.text[span.start : span.end],
        tokens=(),
        head=-1,
        chain=att.chain if att is not None else (),
        speaker=att.speaker_name if att is not None else None,
        kind=att.kind if att is not None else None,
        speaker_type=("person" if name else "unnamed") if att is not None else None,
    )


def _attribution(atts: Sequence[Attribution], span: Span) -> Attribution | None:
    """The attribution whose content covers most of the sentence, if any."""
    best, most = None, 0
    for a in atts:
        overlap = min(a.content.end, span.end) - max(a.content.start, span.start)
        if overlap > most:
            best, most = a, overlap
    return best


def foreign_slots(
    put: str, *, quantities: Sequence[Quantity] = (), when: Sequence[str] = ()
) -> Slots:
    """The slots of a foreign unit: no parse reads its participants, only its figures, its
    days and how it puts them (``put``, a :func:`storyweave.foreign.stance`)."""
    return Slots(
        who=frozenset(),
        whom=frozenset(),
        persons=frozenset(),
        predicate="",
        negated=put == "negated",
        where=(),
        when=tuple(when),
        quantities=tuple(quantities),
        entities=frozenset(),
        stems=frozenset(),
        modality=_MODALITY.get(put, "asserted"),
    )


def _quantity(f: Figure) -> Quantity:
    return Quantity(
        value=f.value,
        unit="percent" if f.percent else f"foreign:{f.unit}",
        hedge=f.hedge,
        text=f.text,
        span=f.span,
        noun=f.unit,
    )


def _percent(q: Quantity) -> bool:
    return q.unit == "percent"


def _states_all(english: Slots, foreign: Slots) -> bool:
    """Whether the foreign unit states every figure the English one states, agreeing."""
    return bool(english.quantities) and all(
        any(_percent(x) == _percent(y) and figures_agree(x, y) for y in foreign.quantities)
        for x in english.quantities
    )


def _one_figure_each(english: Slots, foreign: Slots) -> tuple[Quantity, Quantity] | None:
    """The one figure each side states, when they can be compared for a dispute: of one kind
    (a share or a count), the English one written in digits as the article gives it (not
    converted to another unit), and within :data:`DISPUTE_RATIO` of each other (a figure a
    hundred times another counts something else: "2 aircraft" / "209")."""
    if len(english.quantities) != 1 or len(foreign.quantities) != 1:
        return None
    x, y = english.quantities[0], foreign.quantities[0]
    if _percent(x) != _percent(y) or x.converted or not any(c.isdigit() for c in x.text):
        return None
    low, high = sorted((abs(x.value), abs(y.value)))
    if low == 0 or high / low > DISPUTE_RATIO:
        return None
    return x, y


def match_foreign(
    english: Sequence[tuple[Unit, Slots]],
    foreign: Sequence[tuple[Unit, Slots]],
    embed: Embed,
    published: Mapping[ArticleId, object],
    sentences: Mapping[tuple[ArticleId, int], str],
    languages_of: Mapping[ArticleId, str] | None = None,
) -> list[Match]:
    """Where each foreign unit goes (one :class:`Match` per unit, in order). ``sentences``
    gives the text of each (article, sentence index): sentences are compared to find the
    statement, the units' own clauses to find which of its figures a clause gives."""

    def lang_of(u: Unit) -> str:
        return (languages_of or {}).get(u.article, "")

    counted = [n for n, (_, s) in enumerate(english) if s.quantities and s.modality == "asserted"
               and not s.negated]  # fmt: skip
    if not counted or not foreign:
        return [Match(n) for n in range(len(foreign))]
    frames = [count_frames(english[n][0].text, "en") for n in counted]
    scores = similarities([english[n][0] for n in counted], [u for u, _ in foreign], embed,
                           sentences)  # fmt: skip
    texts: dict[ArticleId, list[str]] = {}  # each article's text, by its sentences
    for (aid, _), sentence in sentences.items():
        texts.setdefault(aid, []).append(sentence)
    out = []
    for f, (unit, slots) in enumerate(foreign):
        if slots.modality != "asserted" or slots.negated:
            out.append(Match(f))
            continue
        mine = count_frames(unit.text, lang_of(unit))
        alike = [
            k
            for k in range(len(counted))
            if scores.sentence[f, k] >= CROSS_ALIGN and compatible(frames[k], mine)
        ]
        alike.sort(key=lambda k: -float(scores.clause[f, k]))
        agreeing = [k for k in alike if _states_all(english[counted[k]][1], slots)]
        if agreeing:
            out.append(Match(f, english=counted[agreeing[0]]))
            continue
        clash = _clash(english, counted, alike, scores, f, unit, slots, published, texts)
        out.append(clash if clash is not None else Match(f))
    return out


@dataclass(frozen=True, slots=True)
class Scores:
    sentence: np.ndarray
    """foreign unit x English unit: cosine of their sentences."""
    clause: np.ndarray
    """foreign unit x English unit: cosine of the foreign clause and the English unit."""


_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SCALES = (1.0, 1e3, 1e6, 1e9)


def _written_in(value: float, english: str) -> bool:
    """Whether the English text writes ``value`` as a number ("12-hour", "23 billion")."""
    for m in _DIGITS.finditer(english):
        try:
            n = float(m.group().replace(",", ""))
        except ValueError:
            continue
        if any(abs(n * k - value) < 1e-6 * max(1.0, value) for k in _SCALES):
            return True
    return False


def similarities(
    english: Sequence[Unit],
    foreign: Sequence[Unit],
    embed: Embed,
    sentences: Mapping[tuple[ArticleId, int], str],
) -> Scores:
    def sentence_of(u: Unit) -> str:
        return sentences.get((u.article, u.sentence), u.text)

    texts = list(dict.fromkeys(
        [sentence_of(u) for u in (*english, *foreign)] + [u.text for u in (*english, *foreign)]
    ))  # fmt: skip
    row = {t: n for n, t in enumerate(texts)}
    vectors = np.asarray(embed(texts), dtype=np.float32)

    def matrix(a: Sequence[str], b: Sequence[str]) -> np.ndarray:
        va = vectors[[row[t] for t in a]]
        vb = vectors[[row[t] for t in b]]
        return np.asarray(va @ vb.T, dtype=np.float32)

    return Scores(
        sentence=matrix([sentence_of(u) for u in foreign], [sentence_of(u) for u in english]),
        clause=matrix([u.text for u in foreign], [u.text for u in english]),
    )


def _clash(
    english: Sequence[tuple[Unit, Slots]],
    counted: Sequence[int],
    alike: Sequence[int],
    scores: Scores,
    f: int,
    unit: Unit,
    slots: Slots,
    published: Mapping[ArticleId, object],
    texts: Mapping[ArticleId, Sequence[str]],
) -> Match | None:
    """A disagreement with the English unit whose clause is most alike, when its sentence is the
    same statement (:data:`CROSS_CONFLICT`), each states one figure of one kind, they differ, and
    that unit's clause is plainly the closest of its sentence (:data:`CLAUSE_MARGIN`)."""
    if not alike:
        return None
    top = alike[0]
    if scores.sentence[f, top] < CROSS_CONFLICT or scores.clause[f, top] < CROSS_CLAUSE:
        return None
    e_unit, e_slots = english[counted[top]]
    pair = _one_figure_each(e_slots, slots)
    if pair is None or figures_agree(*pair):
        return None
    if _written_in(slots.quantities[0].value, " ".join(texts.get(e_unit.article, ()))):
        return None  # the English article gives this figure too, where its parse did not count it
    rivals = [k for k in alike[1:] if english[counted[k]][0].sentence == e_unit.sentence
              and english[counted[k]][0].article == e_unit.article]  # fmt: skip
    if rivals and scores.clause[f, top] - scores.clause[f, rivals[0]] < CLAUSE_MARGIN:
        return None  # which of the sentence's figures this clause gives is not plain
    days = {published.get(e_unit.article), published.get(unit.article)}
    later = None not in days and len(days) == 2
    x, y = pair
    return Match(f, english=counted[top], clash=SlotClash("how many", x.text, y.text,
                                                          superseded=later))  # fmt: skip


def translated_pairs(
    items: Sequence[AnnotatedArticle], embed: Embed
) -> list[tuple[ArticleId, ArticleId, float]]:
    """(foreign article, English article it translates, share of its lead aligned) for each
    foreign article read in part whose lead is a translation of an English one: its sentences
    follow the English sentences one for one, in order (each at
    :data:`~.calibration.TRANSLATED_SENTENCE`, at most one place away), for
    :data:`~.calibration.TRANSLATED_SHARE` of them, and every figure it writes is written in
    the English lead too. Similarity alone cannot tell a translation from an independent report
    of the same event (both score 0.84-0.91 with e5); the order and the figures can."""
    foreign = [i for i in items if languages.read_in_part(i.article_language)]
    english = [i for i in items if languages.analysed(i.article_language)]
    if not foreign or not english:
        return []
    leads = {i.article.id: _lead(i) for i in (*foreign, *english)}
    texts = [t for i in (*foreign, *english) for t in leads[i.article.id]]
    if not texts:
        return []
    vectors = np.asarray(embed(texts), dtype=np.float32)
    rows: dict[ArticleId, np.ndarray] = {}
    at = 0
    for i in (*foreign, *english):
        n = len(leads[i.article.id])
        rows[i.article.id] = vectors[at : at + n]
        at += n
    out = []
    for f in foreign:
        fv = rows[f.article.id]
        if not len(fv):
            continue
        lang = f.article_language or ""
        figures = [x.value for t in leads[f.article.id] for x in find_figures(t, lang)]
        best: tuple[float, ArticleId] | None = None
        for e in english:
            ev = rows[e.article.id]
            if not len(ev):
                continue
            english_lead = " ".join(leads[e.article.id])
            if not all(_written_in(v, english_lead) for v in figures):
                continue
            share = _in_order(fv @ ev.T)
            if best is None or share > best[0]:
                best = (share, e.article.id)
        if best is not None and best[0] >= TRANSLATED_SHARE:
            out.append((f.article.id, best[1], best[0]))
    return out


def _in_order(sims: np.ndarray) -> float:
    """Share of the foreign sentences (rows) whose English counterpart (their most alike
    column, at :data:`TRANSLATED_SENTENCE`) stands within one place of theirs and after the
    previous one's; 0 when fewer than two do (one sentence alike is no translation yet)."""
    kept, last = 0, -1
    for i, row in enumerate(sims):
        j = int(np.argmax(row))
        if float(row[j]) >= TRANSLATED_SENTENCE and abs(i - j) <= 1 and j >= last:
            kept += 1
            last = j
    return kept / len(sims) if kept >= 2 else 0.0


def _lead(item: AnnotatedArticle) -> list[str]:
    """The first :data:`TRANSLATED_LEAD` sentences of the article's own words."""
    text = item.article.text
    own = item.article.own_start
    out = []
    for s in item.sentences:
        if s.span.end <= own:
            continue
        piece = text[max(own, s.span.start) : s.span.end].strip()
        if len(piece.split()) >= 4:
            out.append(piece)
        if len(out) == TRANSLATED_LEAD:
            break
    return out
