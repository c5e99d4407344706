"""Quotation-mark pairing: where the quoted passages of a text begin and end.

Handles curly “ ”, straight ", low „ “ (German style), guillemets « », PTB
`` '' tokens and the doubled apostrophe '' used as a quote mark by some
outlets, plus single quotes ‘ ’ and ' at the top level. A quotation that runs
over several paragraphs follows the press convention: the paragraph ends
without a closing mark and the next paragraph opens again.

Only top-level passages are returned; a single-quoted passage nested in a
double-quoted one belongs to the outer passage.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Quoted", "find_quoted"]

_OPEN_ONLY = {"“": "”", "„": "“", "«": "»"}
_CLOSERS = {"”", "»"}
_MAX_SINGLE_LEN = 400
"""A single-quoted passage longer than this is an apostrophe mismatch, not a quote."""


@dataclass(frozen=True, slots=True)
class Quoted:
    """A quoted passage ``[start, end)``, marks included; ``inner`` excludes them."""

    start: int
    end: int
    inner_start: int
    inner_end: int

    def contains(self, pos: int) -> bool:
        return self.start <= pos < self.end


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _opening_ok(text: str, i: int, width: int) -> bool:
    """An ambiguous mark at ``i`` opens when it follows a boundary and precedes a word."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    return not _is_word(before) and not after.isspace()


def _closing_ok(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    return not before.isspace()


class _Scanner:
    """One pass over the text for double marks; single marks are paired afterwards."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: list[Quoted] = []
        self.open_at: int | None = None
        self.open_width = 0
        self.expect: str | None = None  # the closer a typographic opener waits for

    def _open(self, i: int, width: int, expect: str | None) -> None:
        self.open_at, self.open_width, self.expect = i, width, expect

    def _close(self, i: int, width: int) -> None:
        assert self.open_at is not None
        start = self.open_at
        self.found.append(Quoted(start, i + width, start + self.open_width, i))
        self.open_at, self.expect = None, None

    def _paragraph_break(self, i: int) -> int:
        """At a newline inside an open quote: continue into the next paragraph or drop it."""
        j = i
        while j < len(self.text) and self.text[j].isspace():
            j += 1
        nxt = self.text[j : j + 2]
        if nxt[:1] in ("“", '"', "„", "«") or nxt == "``" or nxt == "''":
            return j + (2 if nxt in ("``", "''") else 1)  # the continuation mark, skipped
        end = self._lost_closer_end(i)
        if end is not None and self.open_at is not None:
            self.found.append(Quoted(self.open_at, end, self.open_at + self.open_width, end))
        self.open_at, self.expect = None, None
        return i + 1

    def _lost_closer_end(self, i: int) -> int | None:
        """Where a passage ends that opens a sentence and runs to the end of its
        paragraph (the newline at ``i``), ending in a full stop: it lost its closing
        mark (“His candidacy ... depth.¶). None for any other open passage."""
        assert self.open_at is not None
        text = self.text
        k = i - 1
        while k > self.open_at and text[k].isspace():
            k -= 1
        if text[k] not in ".?!" or "\n" in text[self.open_at : k]:
            return None
        j = self.open_at - 1
        while j >= 0 and text[j] in " \t\xa0":
            j -= 1
        return k + 1 if j < 0 or text[j] in ".?!:\n" else None

    def run(self) -> list[Quoted]:
        text = self.text
        i = 0
        while i < len(text):
            ch = text[i]
            two = text[i : i + 2]
            if ch == "\n":
                i = self._paragraph_break(i) if self.open_at is not None else i + 1
                continue
            if two in ("``", "''"):
                i = self._pair_mark(i, 2, two)
                continue
            if ch in _OPEN_ONLY and self.expect != ch:
                self._open(i, 1, _OPEN_ONLY[ch])  # a stray opener restarts the passage
            elif ch in _CLOSERS or (ch == "“" and self.expect == "“"):
                if self.open_at is not None:
                    self._close(i, 1)
            elif ch == '"':
                i = self._pair_mark(i, 1, ch)
                continue
            i += 1
        return self.found

    def _pair_mark(self, i: int, width: int, mark: str) -> int:
        """A symmetric mark (" or '') or the PTB opener ``."""
        if mark == "``":
            self._open(i, width, None)
        elif self.open_at is not None:
            if _closing_ok(self.text, i) or mark == "''":
                self._close(i, width)
        elif mark == '"' or _opening_ok(self.text, i, width):
            self._open(i, width, None)
        return i + width


def _single_quoted(text: str, taken: list[Quoted]) -> list[Quoted]:
    """Top-level ‘…’ and '…' passages, outside every double-quoted passage."""
    out: list[Quoted] = []
    inside = [False] * (len(text) + 1)
    for q in taken:
        for k in range(q.start, q.end):
            inside[k] = True
    open_at: int | None = None
    for i, ch in enumerate(text):
        if inside[i] or ch == "\n":
            open_at = None
            continue
        if ch not in ("‘", "’", "'"):
            continue
        if text[i : i + 2] == "''" or (i > 0 and text[i - 1 : i + 1] == "''"):
            continue
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        closes = open_at is not None and ch != "‘" and not _is_word(after) and not before.isspace()
        if closes and open_at is not None:
            if i + 1 - open_at <= _MAX_SINGLE_LEN:
                out.append(Quoted(open_at, i + 1, open_at + 1, i))
            open_at = None
        elif ch != "’" and not _is_word(before) and _is_word(after):
            open_at = i
    return out


def find_quoted(text: str) -> list[Quoted]:
    """Every top-level quoted passage in ``text``, in order of position.

    Args:
        text: the article text (or any string).

    Returns:
        Passages with their marks; an unmatched mark yields no passage.
    """
    double = _Scanner(text).run()
    single = _single_quoted(text, double)
    return sorted(double + single, key=_start_of)


def _start_of(q: Quoted) -> int:
    return q.start
