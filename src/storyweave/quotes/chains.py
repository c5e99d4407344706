"""Attribution chains: who relayed a statement to this article, outermost first.

"Citing Kremlin spokesman Dmitry Peskov, TASS news agency reported that ..."
is Peskov's claim carried by TASS: the chain is (TASS, Peskov) and the
attribution's source becomes Peskov. "According to RIA Novosti, the Kremlin
leader said ..." puts RIA Novosti outside the speaker: (RIA Novosti, the Kremlin
leader). Phrases nest: "According to X, Y, citing Z, said ..." gives (X, Y, Z).

The citing phrase is found by commas rather than the parse, because the small
English model often tags a sentence-initial "Citing" as a proper noun.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cues import CITING_WORDS
from .syntax import (
    Candidate,
    CharSpan,
    is_cue_verb,
    quoted_as_saying,
    relaying_agent,
    source_span,
    trim,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


__all__ = ["apply_chains", "find_citing"]


def _cue_after(doc: Doc, word: Token) -> Token | None:
    for tok in doc[word.i + 1 : word.sent.end]:
        if is_cue_verb(tok, quote=True) and tok.lower_ not in CITING_WORDS:
            return tok
    return None


def _cue_before(doc: Doc, word: Token) -> Token | None:
    for tok in reversed(doc[word.sent.start : word.i]):
        if is_cue_verb(tok, quote=True):
            return tok
    return None


def _initial(word: Token) -> bool:
    sent = word.sent
    return all(t.is_punct or t.is_space for t in sent.doc[sent.start : word.i])


def find_citing(doc: Doc) -> dict[int, tuple[CharSpan, CharSpan | None]]:
    """Citing/quoting phrases, by the cue token they feed.

    Returns:
        ``{cue token index: (cited phrase span, relaying subject span or None)}``.
        The subject span is given for a sentence-initial phrase, where the
        relaying subject is the stretch between the phrase's last comma and the cue.
    """
    out: dict[int, tuple[CharSpan, CharSpan | None]] = {}
    text = doc.text
    for word in doc:
        if word.lower_ not in CITING_WORDS:
            continue
        if _initial(word):
            verb = _cue_after(doc, word)
            if verb is None:
                continue
            commas = [t for t in doc[word.i + 1 : verb.i] if t.text == ","]
            commas = [c for c in commas if _has_noun(doc[c.i + 1 : verb.i])]
            if not commas:
                continue
            last = commas[-1]
            cited = trim(text, word.idx + len(word.text), last.idx)
            subject = trim(text, last.idx + 1, verb.idx)
        else:
            stop = word.i + 1
            while stop < word.sent.end and doc[stop].text not in (",", ".", ";"):
                if is_cue_verb(doc[stop]) and stop > word.i + 1:
                    break
                stop += 1
            end = doc[stop - 1].idx + len(doc[stop - 1].text)
            cited = trim(text, word.idx + len(word.text), end)
            after = _cue_after(doc, doc[stop - 1]) if stop < word.sent.end else None
            verb = after if after is not None else _cue_before(doc, word)
            subject = None
        if verb is not None and cited is not None:
            out[verb.i] = (cited, subject)
    for verb in doc:  # "TASS quoted Peskov as saying ...": the relaying verb feeds itself
        relayed = quoted_as_saying(verb)
        span = source_span(relayed[0]) if relayed is not None else None
        if relayed is None or span is None:
            continue
        # passive: "Peskov was quoted by TASS as saying" names the relaying outlet after "by"
        agent = relaying_agent(verb, relayed[1]) if relayed[0].dep_ == "nsubjpass" else None
        out[verb.i] = (span, source_span(agent) if agent is not None else None)
    return out


def _has_noun(tokens: Span) -> bool:
    return any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in tokens)


def apply_chains(
    candidates: list[Candidate],
    outer: dict[int, CharSpan],
    citing: dict[int, tuple[CharSpan, CharSpan | None]],
) -> None:
    """Fill each candidate's ``links`` (outermost first) and move its source to the innermost.

    Args:
        candidates: attributions found so far; changed in place.
        outer: "according to" phrases by the cue token they govern.
        citing: citing phrases by cue token (see :func:`find_citing`).
    """
    for cand in candidates:
        links: list[CharSpan] = []
        if cand.cue_token in outer:
            links.append(outer[cand.cue_token])
        subject = cand.source
        inner: CharSpan | None = None
        if cand.cue_token is not None and cand.cue_token in citing:
            inner, relay = citing[cand.cue_token]
            if relay is not None:
                subject = relay  # the parse of a sentence-initial "Citing" is unreliable
        if subject is not None and (inner is None or not _inside(subject, inner)):
            links.append(subject)
        if inner is not None:
            links.append(inner)
        cand.links = links
        if links:
            cand.source = links[-1]


def _inside(a: CharSpan, b: CharSpan) -> bool:
    return b[0] <= a[0] and a[1] <= b[1]
