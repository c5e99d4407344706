"""Figures in a claim: a number, the unit it counts, and how it is hedged.

"about 1,000 kilometers" -> 1000 km (hedge "about"); "two attempts" -> 2 attempt;
"more than 1.5 million people" -> 1,500,000 person (hedge "at_least"). Ordinals
("the second attempt") and numbers inside time expressions ("September 13", "2016")
are not figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from storyweave.model import Span
from storyweave.timex.quantity import parse_quantity

from .lexicon import (
    ABOUT,
    AT_LEAST,
    AT_MOST,
    CURRENCY_SIGNS,
    MEASURE_NOUNS,
    PERSON_NOUNS,
    SCALES,
    SIGN_SCALES,
    UNITS,
)

Hedge = Literal["about", "at_least", "at_most", "range"]
_DIGITS = re.compile(r"^\d[\d,]*(?:\.\d+)?$")
_COMPACT = re.compile(r"^(\d[\d,]*(?:\.\d+)?)(bn|mn|m|k)$")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure: ``value`` in ``unit`` (canonical, "km" for miles too, "person" for any noun
    that counts people), with its hedge; a range ("between 2,000 and 3,000") runs from
    ``value`` to ``high``."""

    value: float
    unit: str
    hedge: Hedge | None
    text: str
    span: Span
    high: float | None = None
    noun: str = ""
    """The counted noun's lemma as written ("soldier" when ``unit`` is "person")."""
    converted: bool = False
    """True when the figure was written in another unit ("10 miles" -> 16.09 km): a converted
    figure is a rounded one."""


def _is_number_word(tok: Any) -> bool:
    if tok.ent_type_ == "ORDINAL":
        return False
    if tok.ent_type_ in {"DATE", "TIME"} and not _counts_a_thing(tok):
        return False  # "about 2 million years old" is a time expression to the parser
    if tok.lower_ in SCALES or _COMPACT.match(tok.lower_):
        return True
    if tok.pos_ != "NUM" and not tok.like_num:
        return False
    return not tok.lower_.endswith(("st", "nd", "rd", "th")) or tok.lower_ in {"thousandth"}


_TIME_NOUNS = frozenset(
    {
        "year",
        "month",
        "week",
        "day",
        "hour",
        "minute",
        "second",
        "decade",
        "century",
        "night",
        "age",
        "aged",
        "old",
    }
)


def _counts_a_thing(tok: Any) -> bool:
    """Whether a number the parser tagged as a date counts something else: "Between 10 and 20
    people" is a DATE entity to the small model."""
    noun = tok.head if tok.head.pos_ in {"NOUN", "PROPN"} else None
    if noun is None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ == "NOUN":
        noun = tok.doc[tok.i + 1]
    if noun is None:
        for right in tok.doc[tok.i + 1 : tok.i + 4]:
            if right.pos_ == "NOUN":
                noun = right
                break
    return noun is not None and noun.lemma_.casefold() not in _TIME_NOUNS


def _value(words: list[str]) -> float | None:
    scale = 1.0
    while words and words[-1].lower() in SCALES:
        scale *= SCALES[words[-1].lower()]
        words = words[:-1]
    if not words:
        return scale if scale > 1.0 else None
    compact = _COMPACT.match(words[-1].lower()) if len(words) == 1 else None
    if compact:  # "2bn", "35m"
        return float(compact.group(1).replace(",", "")) * SIGN_SCALES[compact.group(2)] * scale
    text = " ".join(words).replace(",", "")
    if _DIGITS.match(text.replace(" ", "")):
        return float(text.replace(" ", "")) * scale
    try:
        value = parse_quantity(text)
    except ValueError:
        return None
    return None if value is None else value * scale


def _hedge(doc: Any, first: int, run: set[int]) -> Hedge | None:
    """The bound the words before a figure put on it: "about", "at least", "more than", "up to",
    "fewer than", "no more than"."""
    before = [doc[i].lower_ for i in range(max(0, first - 3), first)]
    words = set(before[-2:])
    for i in run:
        words |= {c.lower_ for c in doc[i].children if c.dep_ in {"quantmod", "advmod"}}
    if words & ABOUT:
        return "about"
    if before[-2:] == ["up", "to"] or before[-3:-1] == ["no", "more"] or words & AT_MOST:
        return "at_most"  # "up to 20", "no more than 10", "fewer than 10"
    if words & AT_LEAST:
        return "at_least"
    return None


def _unit(doc: Any, run: list[int]) -> tuple[str, float, str, str]:
    last = doc[run[-1]]
    head = last.head if last.dep_ in {"nummod", "quantmod", "compound", "npadvmod"} else None
    if head is None or head.i in run:
        nxt = doc[run[-1] + 1] if run[-1] + 1 < len(doc) else None
        head = nxt if nxt is not None and nxt.pos_ in {"NOUN", "PROPN", "SYM"} else None
    if head is None:
        return "", 1.0, "", ""
    unit, factor = counted(head)
    return unit, factor, head.text, head.lemma_.casefold()


def counted(noun: Any) -> tuple[str, float]:
    """What a noun counts, canonical, and the factor to its unit: "fans" -> person, "miles" ->
    km x 1.609; a running figure's noun gives what it tallies ("the death toll" -> person, "the
    number of homes" -> home)."""
    lemma = noun.lemma_.casefold()
    if lemma in MEASURE_NOUNS:
        inner = [c for c in noun.children if c.dep_ == "compound"]
        inner += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"]  # fmt: skip
        if inner:
            return counted(inner[0])
        named = MEASURE_NOUNS[lemma]
        lemma = named if named is not None else lemma
    if lemma in PERSON_NOUNS or noun.ent_type_ == "NORP":  # "1.7 million Muslims"
        return "person", 1.0
    return UNITS.get(lemma, (lemma, 1.0))


def find_quantities(
    doc: Any, tokens: Iterable[int], *, skip: Iterable[Span] = ()
) -> list[Quantity]:
    """The figures among ``tokens``, leaving out the characters inside ``skip`` (timexes)."""
    blocked = list(skip)
    runs: list[list[int]] = []
    for i in sorted(tokens):
        tok = doc[i]
        if any(s.start <= tok.idx < s.end for s in blocked) or not _is_number_word(tok):
            continue
        if i > 0 and doc[i - 1].lower_ in _RANK_WORDS:
            continue  # "the number one priority", "No. 2": a rank, not a figure
        if runs and (runs[-1][-1] == i - 1 or _hyphenated(doc, runs[-1][-1], i)):
            runs[-1].append(i)
        else:
            runs.append([i])
    out: list[Quantity] = []
    for run in runs:
        value = _value([doc[i].text for i in run])
        if value is None:
            continue
        unit, factor, noun, lemma = _unit(doc, run)
        sign = CURRENCY_SIGNS.get(doc[run[0] - 1].text) if run[0] > 0 else None
        if sign is not None:  # "£2.9 million", "€35m"
            after = doc[run[-1] + 1] if run[-1] + 1 < len(doc) else None
            short = after.lower_.rstrip(".") if after is not None else ""
            if short in SIGN_SCALES and not doc[run[-1]].whitespace_:
                value *= SIGN_SCALES[short]
            unit, factor, noun, lemma = sign, 1.0, "", ""
        elif unit == "kg" and noun.casefold().startswith("pound") and _scaled(doc, run):
            unit, factor = "GBP", 1.0  # "1.9 million pounds" is money, "1,000 pounds of" weight
        start, end = doc[run[0]].idx, doc[run[-1]].idx + len(doc[run[-1]])
        if sign is not None:
            start = doc[run[0] - 1].idx
        hedge = _hedge(doc, run[0], set(run))
        q = Quantity(
            value=value * factor,
            unit=unit,
            hedge=hedge,
            text=_HEDGE_WORDS.get(hedge, "") + doc.text[start:end] + (" " + noun if noun else ""),
            span=Span(start, end),
            noun=lemma,
            converted=factor != 1.0,
        )
        if out and _range_end(doc, out[-1], run):
            low = out.pop()
            if q.value <= low.value and doc[run[0] - 1].text != "and":
                continue  # "3-1", "24-17": a score, not a figure
            q = Quantity(
                value=low.value * factor if not low.unit else low.value,
                unit=unit,
                hedge="range",
                text=doc.text[low.span.start : end] + (" " + noun if noun else ""),
                span=Span(low.span.start, end),
                high=q.value,
            )
        out.append(q)
    return out


_HEDGE_WORDS: dict[Hedge | None, str] = {
    "about": "about ",
    "at_least": "at least ",
    "at_most": "up to ",
}
"""How a figure's hedge is shown in a ``why`` ("at least 35 fans" / "at least 60 people")."""


def _scaled(doc: Any, run: list[int]) -> bool:
    return any(doc[i].lower_ in SCALES for i in run)


def _hyphenated(doc: Any, last: int, i: int) -> bool:
    """ "Twenty - eight": two number words joined by a hyphen are one number."""
    joined = i == last + 2 and doc[last + 1].text in {"-", "\u2010", "\u2011"}
    return joined and doc[last].is_alpha and doc[i].is_alpha  # not a score ("3-1")


_RANK_WORDS = frozenset({"number", "no.", "no", "#"})
_RANGE_WORDS = frozenset({"and", "to", "-", "\u2013", "or"})


def _range_end(doc: Any, low: Quantity, run: list[int]) -> bool:
    """Whether ``run`` closes a range opened by ``low``: "between 2,000 and 3,000", "2,000 to
    3,000", "20-30"."""
    first = doc[run[0]]
    if first.i == 0:
        return False
    joiner = doc[first.i - 1]
    if joiner.lower_ not in _RANGE_WORDS or joiner.idx < low.span.end:
        return False
    if joiner.idx - low.span.end > 1:
        return False
    opener = doc[first.i - 2]
    before = doc[opener.i - 1] if opener.i > 0 else None
    between = before is not None and before.lower_ in {"between", "from"}
    return (
        joiner.lower_ in {"to", "-", "\u2013"}
        or between
        or any(c.lower_ in {"between", "from"} for c in doc[first.i].head.subtree if c.i < first.i)
    )


def written_noun(q: Quantity) -> str | None:
    """The counted noun as the article writes it ("homes" for the unit "home"), when the
    figure's text ends with it."""
    words = [w for w in q.text.split() if w.isalpha()]
    if q.unit and words and words[-1].casefold()[:3] == q.unit.casefold()[:3]:
        return words[-1].casefold()
    return None
