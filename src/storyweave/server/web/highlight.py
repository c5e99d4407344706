"""Cut an article's text into pieces for highlighting, however the spans overlap.

Every layer (entities, time expressions, quotes, claim evidence, brief
citations) marks half-open spans of the same text, and spans of different
layers overlap freely. :func:`pieces` splits the text at every span boundary;
each piece carries the classes, titles and reference tokens of all the marks
that cover it, so a template prints it as one ``<span>`` of plain (escaped) text.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mark:
    """A highlighted span: CSS classes, a tooltip, and a token the page's links refer to."""

    start: int
    end: int
    css: str
    title: str = ""
    ref: str = ""


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text covered by the same marks (none for plain text)."""

    text: str
    css: str = ""
    title: str = ""
    refs: str = ""


def pieces(text: str, marks: list[Mark]) -> list[Piece]:
    """``text`` cut at every mark boundary; empty and out-of-range marks are ignored."""
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for i, m in enumerate(valid):
        starts.setdefault(m.start, []).append(i)
        ends.setdefault(m.end, []).append(i)
    bounds = sorted({0, len(text), *starts, *ends})
    active: dict[int, Mark] = {}
    out: list[Piece] = []
    for a, b in itertools.pairwise(bounds):
        for i in ends.get(a, ()):
            active.pop(i, None)
        for i in starts.get(a, ()):
            active[i] = valid[i]
        out.append(_piece(text[a:b], [active[i] for i in sorted(active)]))
    return out


def _piece(text: str, covering: list[Mark]) -> Piece:
    if not covering:
        return Piece(text)
    css = " ".join(dict.fromkeys(c for m in covering for c in m.css.split()))
    title = "; ".join(dict.fromkeys(m.title for m in covering if m.title))
    refs = " ".join(dict.fromkeys(m.ref for m in covering if m.ref))
    return Piece(text, css, title, refs)
