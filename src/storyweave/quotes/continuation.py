"""Quotes that continue an attribution in the next sentence.

News goes on quoting a speaker after the sentence that names them, without
repeating the cue::

    She said they had made progress. “I really believe the president has done well.”
    According to Zakharova, channels have been restored. Dialogue is “developing positively.”

A quoted passage that no finder attributed, standing in the sentence right
after an attribution's sentence (same paragraph), takes that attribution's cue
and source. A quote that is a whole sentence is the content; a sentence with
no cue of its own that holds a quoted fragment after an "according to", or is
mostly quoted words after a direct quote, is the content as a whole.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cues import STATEMENT_CUES
from .direct import looks_like_title
from .marks import Quoted
from .syntax import Candidate, CharSpan, count_stops, ends_sentence, is_cue_verb, trim

if TYPE_CHECKING:
    from spacy.tokens import Doc


__all__ = ["find_continuations"]

_BLANK = " \t\r\xa0"


def _sentence_around(text: str, q: Quoted) -> CharSpan:
    """The sentence that holds ``q``, by punctuation: from the previous stop or line
    break to the next stop after the quote or line break."""
    start = q.start
    while start > 0 and text[start - 1] != "\n":
        j = start - 1
        if text[j].isspace() and ends_sentence(text, j - 1):
            break
        start -= 1
    end = q.end
    if not ends_sentence(text, q.end - 1):
        while end < len(text) and text[end] != "\n":
            end += 1
            if ends_sentence(text, end - 1) and (end >= len(text) or text[end].isspace()):
                break
    return start, end


def _follows(text: str, cand: Candidate, start: int) -> bool:
    """Whether the sentence starting at ``start`` comes right after ``cand``'s sentence."""
    last = cand.parts[-1][1]
    if last > start:
        return False
    gap = text[last:start]
    if "\n" in gap:
        return False
    j = start - 1
    while j > last and text[j] in _BLANK:
        j -= 1
    if j < last:
        return True  # the attribution's content ran to its sentence end
    return count_stops(text, last, j + 1) == 1 and ends_sentence(text, j)


def _next_paragraph(doc: Doc, cand: Candidate, q: Quoted) -> bool:
    """Whether ``q`` is the whole of the paragraph after the one that ``cand``, a statement
    in reported speech, ends: "Carter said that the U.S. would stay.¶“That's because this
    region matters.”" goes on with Carter's words."""
    text = doc.text
    if cand.kind != "indirect" or cand.cue is None or not _states(doc, cand.cue):
        return False
    last = cand.parts[-1][1]
    gap = text[last : q.start]
    if gap.count("\n") < 1 or gap.strip(" \t\r\xa0\n.!?”’\"'"):
        return False  # the reported speech must end its paragraph
    after = text.find("\n", q.end)
    return not text[q.end : after if after != -1 else len(text)].strip()


def _states(doc: Doc, cue: CharSpan) -> bool:
    words = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    return words is not None and any(t.lemma_.lower() in STATEMENT_CUES for t in words)


def _has_cue(doc: Doc, span: CharSpan) -> bool:
    words = doc.char_span(span[0], span[1], alignment_mode="contract")
    return words is not None and any(is_cue_verb(t, quote=True) for t in words)


def find_continuations(doc: Doc, quoted: list[Quoted], cands: list[Candidate]) -> list[Candidate]:
    """Continuations of the attributions ``cands`` by quotes no finder attributed.

    Args:
        doc: the parsed article body.
        quoted: its top-level quoted passages.
        cands: the attributions found so far, each with a cue.

    Returns:
        New candidates, one per continuing quote or sentence, sharing cue and source
        with the attribution they continue.
    """
    text = doc.text
    taken = [p for c in cands for p in c.parts if not _cue_quoted(c, quoted)]
    ordered = sorted((c for c in cands if c.cue is not None), key=_last_end)
    out: list[Candidate] = []
    for q in quoted:
        if any(s < q.end and q.start < e for s, e in taken) or looks_like_title(text, q):
            continue
        start, end = _sentence_around(text, q)
        before = [c for c in ordered if c.parts[-1][1] <= start]
        if not before:
            continue
        if not _follows(text, before[-1], start) and not _next_paragraph(doc, before[-1], q):
            continue
        if any(start <= s < end for s, _ in taken):
            continue
        whole = text[start : q.start].strip(_BLANK) == "" and text[q.end : end].strip() == ""
        prev = before[-1]
        carried = prev.kind == "according_to" or (
            prev.kind == "direct" and _mostly_quoted(quoted, start, end)
        )
        if not whole and (not carried or _has_cue(doc, (start, end))):
            continue  # a scare quote after reported speech is the writer's own sentence
        content = (q.start, q.end) if whole else trim(text, start, end)
        if content is None:
            continue
        out.append(
            Candidate(
                kind="direct" if whole else prev.kind,  # a fragment stays paraphrase
                parts=[content],
                cue=prev.cue,
                source=prev.source,
                cue_token=prev.cue_token,
                region_end=end,
            )
        )
        taken.append(content)
        ordered = sorted([*ordered, out[-1]], key=_last_end)
    return out


_MOSTLY = 0.6


def _mostly_quoted(quoted: list[Quoted], start: int, end: int) -> bool:
    """Whether quotations fill most of the sentence ``[start, end)``: after a direct
    quote, "''This was an example of Obama'' and his team ''just quietly deciding ...''"
    goes on with the same speaker's words."""
    inside = sum(
        min(q.end, end) - max(q.start, start) for q in quoted if q.start < end and start < q.end
    )
    return inside >= _MOSTLY * (end - start)


def _cue_quoted(cand: Candidate, quoted: list[Quoted]) -> bool:
    """Speech reported inside quoted words: it yields to the quote's own speaker."""
    return cand.cue is not None and any(q.contains(cand.cue[0]) for q in quoted)


def _last_end(cand: Candidate) -> int:
    return cand.parts[-1][1]
