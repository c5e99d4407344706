"""Statements across languages: a foreign sentence that states what an English claim states,
by its participants, places and date (issue 20).

A sentence of an article read in part that states no figure but names someone or somewhere is
one unit (:func:`statement_units`). It **supports** the English unit whose sentence is at least
:data:`~.calibration.CROSS_STATEMENT` alike (multilingual e5), whose every named participant
and place it names too (as written, by surname, transliterated or with another case ending:
"Путин" = "Putin", "в Новосибирске" = "Novosibirsk"), whose clause is plainly the closest of
its sentence, and whose day it does not contradict. When both give a day and the days differ,
and the sentences are :data:`~.calibration.CROSS_CONFLICT` alike, it **disputes** the date
("when"). A denied, hedged, conditional or negated sentence does neither; without a match the
sentence is a claim of its own.

DOCS: docs/stages/languages.md ("Claims across languages")
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from storyweave._types import ArticleId
from storyweave.entities.names import fold, inflected, name_runs, romanize
from storyweave.foreign import find_figures, stance
from storyweave.foreign.frames import compatible, count_frames
from storyweave.model import AnnotatedArticle
from storyweave.nlp import languages

from .calibration import CLAUSE_MARGIN, CROSS_CONFLICT, CROSS_STATEMENT
from .conflict import SlotClash
from .crosslingual import Embed, Match, foreign_slots, foreign_unit, own_sentences, similarities
from .slots import Slots
from .units import Unit

MIN_WORDS = 6
"""A sentence this short (a dateline, a caption) states nothing a claim rests on."""
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def statement_units(item: AnnotatedArticle) -> list[tuple[Unit, Slots]]:
    """The sentences of an article read in part that state no figure and name someone or
    somewhere, each one unit, with the days its dates give."""
    lang = item.article_language or ""
    if not languages.read_in_part(lang):
        return []
    text = item.article.text
    starts = [s.span.start for s in item.sentences]
    out = []
    for index, span in own_sentences(item):
        piece = text[span.start : span.end]
        if len(piece.split()) < MIN_WORDS or find_figures(
            text, lang, start=span.start, end=span.end
        ):
            continue
        if not any(span.start <= run[0][0] < span.end for run in name_runs(text, starts)):
            continue
        days = tuple(
            x.value
            for x in item.timexes
            if span.start <= x.span.start < span.end and x.anchored and _DAY.match(x.value)
        )
        slots = foreign_slots(stance(piece, lang), when=days)
        out.append((foreign_unit(item, index, span, span), slots))
    return out


def _names(s: Slots) -> list[str]:
    """The participants and places an English unit names, as written."""
    return [name for _, name in s.names] + [p.name for p in s.where if not p.vicinity]


def names_in(names: Sequence[str], foreign: str) -> bool:
    """Whether the foreign text names each of ``names``: the name's last word (a person by
    surname, "Vostochny Cosmodrome" by its last word too), folded and transliterated, as a word
    of the text or with another case ending of up to three letters."""
    words = {fold(romanize(w)) for w in _WORD.findall(foreign)}
    for name in names:
        parts = [w for w in fold(romanize(name)).split() if len(w) >= 3]
        if not parts:
            return False
        if not any(_meets(p, words) for p in parts):
            return False
    return True


def _meets(word: str, words: set[str]) -> bool:
    return word in words or any(inflected(word, w) for w in words)


def match_statements(
    english: Sequence[tuple[Unit, Slots]],
    foreign: Sequence[tuple[Unit, Slots]],
    embed: Embed,
    sentences: Mapping[tuple[ArticleId, int], str],
    languages_of: Mapping[ArticleId, str],
) -> list[Match]:
    """Where each foreign statement unit goes (one :class:`Match` per unit, in order)."""
    named = [
        n
        for n, (_, s) in enumerate(english)
        if s.modality == "asserted" and not s.negated and _names(s) and not s.quantities
    ]
    if not named or not foreign:
        return [Match(n) for n in range(len(foreign))]
    scores = similarities([english[n][0] for n in named], [u for u, _ in foreign], embed, sentences)
    frames = [count_frames(english[n][0].text, "en") for n in named]
    out = []
    for f, (unit, slots) in enumerate(foreign):
        if slots.modality != "asserted" or slots.negated:
            out.append(Match(f))
            continue
        mine = count_frames(unit.text, languages_of.get(unit.article, ""))
        alike = [
            k
            for k in range(len(named))
            if scores.sentence[f, k] >= CROSS_STATEMENT
            and compatible(frames[k], mine)
            and names_in(_names(english[named[k]][1]), unit.text)
        ]
        alike.sort(key=lambda k: -float(scores.clause[f, k]))
        if not alike:
            out.append(Match(f))
            continue
        top = alike[0]
        e_unit, e_slots = english[named[top]]
        rivals = [k for k in alike[1:] if english[named[k]][0].sentence == e_unit.sentence
                  and english[named[k]][0].article == e_unit.article]  # fmt: skip
        if rivals and scores.clause[f, top] - scores.clause[f, rivals[0]] < CLAUSE_MARGIN:
            out.append(Match(f))  # which clause of the English sentence it states is not plain
            continue
        theirs = {d for d in e_slots.when if _DAY.match(d)}
        ours = set(slots.when)
        if theirs and ours and not theirs & ours:
            if scores.sentence[f, top] >= CROSS_CONFLICT:
                clash = SlotClash("when", sorted(theirs)[0], sorted(ours)[0])
                out.append(Match(f, english=named[top], clash=clash))
            else:
                out.append(Match(f))
            continue
        out.append(Match(f, english=named[top]))
    return out
