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

from .lexicon import ABOUT, AT_LEAST, AT_MOST, SCALES, UNITS

Hedge = Literal["about", "at_least", "at_most"]
_DIGITS = re.compile(r"^\d[\d,]*(?:\.\d+)?$")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure: ``value`` in ``unit`` (canonical, "km" for miles too), with its hedge."""

    value: float
    unit: str
    hedge: Hedge | None
    text: str
    span: Span


def _is_number_word(tok: Any) -> bool:
    if tok.lower_ in SCALES:
        return True
    if tok.pos_ != "NUM" and not tok.like_num:
        return False
    if tok.ent_type_ in {"ORDINAL", "DATE", "TIME"}:
        return False
    return not tok.lower_.endswith(("st", "nd", "rd", "th")) or tok.lower_ in {"thousandth"}


def _value(words: list[str]) -> float | None:
    scale = 1.0
    while words and words[-1].lower() in SCALES:
        scale *= SCALES[words[-1].lower()]
        words = words[:-1]
    if not words:
        return scale if scale > 1.0 else None
    text = " ".join(words).replace(",", "")
    if _DIGITS.match(text.replace(" ", "")):
        return float(text.replace(" ", "")) * scale
    try:
        value = parse_quantity(text)
    except ValueError:
        return None
    return None if value is None else value * scale


def _hedge(doc: Any, first: int, run: set[int]) -> Hedge | None:
    words = {t.lower_ for t in doc[first].head.children if t.dep_ in {"quantmod", "advmod"}}
    words |= {doc[i].lower_ for i in range(max(0, first - 2), first)}
    for i in run:
        words |= {c.lower_ for c in doc[i].children if c.dep_ in {"quantmod", "advmod"}}
    if words & ABOUT:
        return "about"
    if words & AT_LEAST and not words & {"up"}:
        return "at_least"
    if words & AT_MOST:
        return "at_most"
    return None


def _unit(doc: Any, run: list[int]) -> tuple[str, float]:
    last = doc[run[-1]]
    head = last.head if last.dep_ in {"nummod", "quantmod", "compound", "npadvmod"} else None
    if head is None or head.i in run:
        nxt = doc[run[-1] + 1] if run[-1] + 1 < len(doc) else None
        head = nxt if nxt is not None and nxt.pos_ in {"NOUN", "PROPN", "SYM"} else None
    if head is None:
        return "", 1.0
    lemma = head.lemma_.casefold()
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
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    out: list[Quantity] = []
    for run in runs:
        value = _value([doc[i].text for i in run])
        if value is None:
            continue
        unit, factor = _unit(doc, run)
        start, end = doc[run[0]].idx, doc[run[-1]].idx + len(doc[run[-1]])
        out.append(
            Quantity(
                value=value * factor,
                unit=unit,
                hedge=_hedge(doc, run[0], set(run)),
                text=" ".join(doc[i].text for i in run) + (" " + unit if unit else ""),
                span=Span(start, end),
            )
        )
    return out
