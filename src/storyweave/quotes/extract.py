"""``find_attributions``: every finder in turn, then chains and speakers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyweave.model import Attribution, AttributionKind, Span

from .chains import apply_chains, find_citing
from .continuation import find_continuations
from .cues import STATEMENT_CUES
from .direct import find_direct
from .indirect import find_according, find_indirect
from .labels import find_labelled
from .marks import find_quoted
from .speakers import Speaker, SpeakerIndex
from .syntax import Candidate, CharSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc


__all__ = ["find_attributions", "states"]

_KINDS: dict[str, AttributionKind] = {
    "direct": "direct",
    "indirect": "indirect",
    "according_to": "according_to",
}


def _position(cand: Candidate) -> int:
    return cand.cue[0] if cand.cue is not None else cand.start


def _inside(cand: Candidate, other: Candidate) -> bool:
    pos = cand.cue[0] if cand.cue is not None else None
    return pos is not None and other.nests and any(s <= pos < e for s, e in other.parts)


def _outermost(cands: list[Candidate]) -> list[Candidate]:
    """Drop attributions whose cue lies inside another one's content: what someone
    reports is one statement ("He said his critics “seem to think ...”" is his), and
    speech inside quoted words is the quoted speaker's ("“I think we won,” he said").
    When two contain each other's cue (a parse error), a direct quote wins, then the
    earlier one."""
    out = []
    for n, cand in enumerate(cands):
        dropped = False
        for m, other in enumerate(cands):
            if m == n or not _inside(cand, other):
                continue
            if not _inside(other, cand) or _wins(other, m, cand, n):
                dropped = True
                break
        if not dropped:
            out.append(cand)
    return out


def _wins(a: Candidate, a_pos: int, b: Candidate, b_pos: int) -> bool:
    if (a.kind == "direct") != (b.kind == "direct"):
        return a.kind == "direct"
    return a_pos < b_pos


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    seen: set[tuple[CharSpan, ...]] = set()
    out: list[Candidate] = []
    for cand in cands:
        key = tuple(cand.parts)
        if key in seen:
            continue
        seen.add(key)
        out.append(cand)
    return out


def find_attributions(doc: Doc, *, credit: str | None = None) -> list[Attribution]:
    """Direct quotes, reported speech and "according to" attributions in ``doc``.

    Args:
        doc: a spaCy Doc with tagger, parser, lemmatizer and NER run; every span
            returned indexes ``doc.text``.
        credit: the article's credited outlet; when given it is put first in every
            chain (the pipeline stage leaves this to report time).

    Returns:
        One :class:`Attribution` per content piece, in text order. A quote split
        around "he said" gives one attribution per piece, sharing cue and source.

    DOCS: docs/stages/quotes.md
    """
    text = doc.text
    quoted = find_quoted(text)
    direct = find_direct(doc, quoted)
    used = {c.cue_token for c in direct if c.cue_token is not None}
    kept = _outermost(direct + find_indirect(doc, quoted, used))
    indirect = [c for c in kept if c.kind != "direct" or c not in direct]
    direct = [c for c in kept if c.kind == "direct" and c in direct]
    taken = {c.cue_token: c for c in direct + indirect if c.cue_token is not None}
    according, outer = find_according(doc, quoted, taken)
    cands = _dedupe(sorted(direct + indirect + according, key=_position))
    cands += find_labelled(doc, quoted, [p for c in cands for p in c.parts])
    cands.sort(key=_position)
    cands = sorted(cands + find_continuations(doc, quoted, cands), key=_position)
    cands = _outermost(cands)
    apply_chains(cands, outer, find_citing(doc))
    index = SpeakerIndex(doc)
    out: list[Attribution] = []
    for cand in cands:
        chain = [_link_name(index, text, link) for link in cand.links]
        speaker = index.classify(cand.source) if cand.source is not None else None
        if speaker is not None:
            index.remember(cand.source[0] if cand.source else 0, speaker)
            if chain and speaker.name:
                chain[-1] = speaker.name
        if credit and (not chain or chain[0] != credit):
            chain.insert(0, credit)
        for start, end in cand.parts:
            out.append(
                Attribution(
                    kind=_KINDS[cand.kind],
                    content=Span(start, end),
                    cue=Span(*cand.cue) if cand.cue is not None else None,
                    source=Span(*cand.source) if cand.source is not None else None,
                    chain=tuple(chain),
                    source_type=speaker.type if speaker is not None else None,
                    speaker_name=speaker.name if speaker is not None else None,
                    statement=states(
                        doc, cand.kind, cand.cue, speaker.type if speaker is not None else None
                    ),
                )
            )
    return sorted(out, key=_content_start)


def states(doc: Doc, kind: str, cue: CharSpan | None, source_type: str | None) -> bool:
    """Whether an attribution reports a statement (``Attribution.statement``): quotes and
    "according to" do, reported speech does when its cue is a verb or noun of saying, and
    nothing else does whose source is not a speaker ("the trip, showing that ..."). A source
    the speaker tables do not know still states what it says or tells ("a senior police officer
    said", "a doctor told El Watan")."""
    if kind == "indirect" and cue is not None:
        words = doc.char_span(*cue, alignment_mode="expand")
        return words is not None and any(t.lemma_.lower() in STATEMENT_CUES for t in words)
    return source_type != "other"


def _content_start(att: Attribution) -> int:
    return att.content.start


def _link_name(index: SpeakerIndex, text: str, link: CharSpan) -> str:
    found: Speaker = index.classify(link)
    return found.name if found.name else text[link[0] : link[1]]
