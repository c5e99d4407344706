"""Small dependency-tree readings shared by the direct and indirect finders.

Everything here takes spaCy tokens and returns character spans ``(start, end)``
into the Doc's text, so the spans index the article text directly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .cues import MANNER_VERBS, QUOTE_ONLY_VERBS, SPEECH_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


CharSpan = tuple[int, int]

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_TRIM_CHARS = " \t\n\r\xa0,;:—–-"
"""Characters trimmed from both ends of a content or source span."""


@dataclass(slots=True)
class Candidate:
    """One attribution before speaker resolution.

    ``parts`` are the content pieces (several for a quote split around "he said");
    ``links`` are the source phrases that carried the statement, outermost first,
    ending with the speaker's own phrase (which is ``source``).
    """

    kind: str
    parts: list[CharSpan]
    cue: CharSpan | None
    source: CharSpan | None
    cue_token: int | None = None
    links: list[CharSpan] = field(default_factory=list)
    region_end: int = 0
    nests: bool = True
    """Whether an attribution whose cue lies inside this one's content is dropped as nested
    (false for a transcript's labelled answer, whose reported speech PolNeAR keeps)."""

    @property
    def start(self) -> int:
        return self.parts[0][0]


def is_cue_verb(tok: Token, *, quote: bool = False) -> bool:
    """Whether ``tok`` is a reporting verb (with ``quote``, also "call", "describe", ...)."""
    if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB"):
        return False
    lemma = tok.lemma_.lower()
    return lemma in SPEECH_VERBS or (quote and (lemma in QUOTE_ONLY_VERBS or lemma in MANNER_VERBS))


_RELAY_VERBS = frozenset({"quote", "cite"})


def quoted_as_saying(verb: Token) -> tuple[Token, Token] | None:
    """For "TASS quoted Peskov as saying that ..." (or "Peskov was quoted by TASS as saying"):
    the one quoted (Peskov) and the verb of saying, whose content is the statement; None for
    any other verb."""
    if verb.lemma_.lower() not in _RELAY_VERBS:
        return None
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "as" or not objs:
            continue
        for said in prep.children:
            if said.dep_ in ("pcomp", "pobj") and is_cue_verb(said):
                return objs[0], said
    return None


def relaying_agent(verb: Token, said: Token) -> Token | None:
    """Who relayed the words in a passive "Peskov was quoted by TASS as saying" (TASS)."""
    for head in (verb, said):
        for child in head.children:
            if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
    return None


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of ``verb``, inherited through coordination and participles.

    "X said A and added B": "added" takes "X"; "X said A, adding B": "adding" takes "X".
    """
    seen = 0
    cur: Token | None = verb
    while cur is not None and seen < 4:
        for child in cur.children:
            if child.dep_ in _SUBJECT_DEPS:
                return child
        if cur.dep_ in ("conj", "advcl", "xcomp") and cur.head is not cur:
            cur = cur.head
            seen += 1
            continue
        break
    for child in verb.rights:  # "..., said Smith" parsed with the name as an object
        if child.dep_ in ("dobj", "attr", "npadvmod") and child.pos_ in ("PROPN", "NOUN"):
            return child
    return None


def cue_span(verb: Token) -> CharSpan:
    """The cue: the verb plus a particle ("pointed out")."""
    end = verb.idx + len(verb.text)
    for child in verb.rights:
        if child.dep_ == "prt" and child.i == verb.i + 1:
            end = child.idx + len(child.text)
    return (verb.idx, end)


def trim(text: str, start: int, end: int) -> CharSpan | None:
    """Strip spaces and joining punctuation from both ends; None when nothing remains."""
    while start < end and text[start] in _TRIM_CHARS:
        start += 1
    while end > start and text[end - 1] in _TRIM_CHARS:
        end -= 1
    return (start, end) if end > start else None


def trim_final_stop(text: str, span: CharSpan) -> CharSpan:
    """Drop a sentence-final full stop outside any quote ("... symbolic." -> "... symbolic")."""
    start, end = span
    while end > start and text[end - 1] in ".!?" and text[end - 2 : end - 1] not in ".!?":
        if text[end - 1] != ".":
            break  # keep ! and ?: PolNeAR keeps them inside the content
        end -= 1
    return (start, end)


def tokens_span(tokens: Iterable[Token]) -> CharSpan | None:
    toks = list(tokens)
    if not toks:
        return None
    first = min(toks, key=_token_index)
    last = max(toks, key=_token_index)
    return (first.idx, last.idx + len(last.text))


def _token_index(tok: Token) -> int:
    return tok.i


def subtree_span(tok: Token, *, within: CharSpan | None = None) -> CharSpan | None:
    """The character span of ``tok``'s subtree, clipped to ``within``; trimmed."""
    doc = tok.doc
    left, right = tok.left_edge.i, tok.right_edge.i
    start = doc[left].idx
    end = doc[right].idx + len(doc[right].text)
    if within is not None:
        start, end = max(start, within[0]), min(end, within[1])
        if start >= end:
            return None
    return trim(doc.text, start, end)


def source_span(subj: Token, *, within: CharSpan | None = None) -> CharSpan | None:
    """The speaker phrase headed by ``subj``: its subtree without a trailing relative clause."""
    doc = subj.doc
    right = subj.right_edge.i
    for child in subj.rights:
        if child.dep_ in ("relcl", "acl") and child.left_edge.i > subj.i:
            right = min(right, child.left_edge.i - 1)
    start = doc[subj.left_edge.i].idx
    end = doc[right].idx + len(doc[right].text)
    if within is not None:
        start, end = max(start, within[0]), min(end, within[1])
        if start >= end:
            return None
    return trim(doc.text, start, end)


def sentence_bounds(doc: Doc, pos: int) -> CharSpan:
    """The character bounds of the spaCy sentence containing ``pos``."""
    tok = token_at(doc, pos)
    sent = tok.sent
    return (sent.start_char, sent.end_char)


def token_at(doc: Doc, pos: int) -> Token:
    """The token covering character ``pos`` (or the next one after whitespace)."""
    span = doc.char_span(pos, min(pos + 1, len(doc.text)), alignment_mode="expand")
    if span is not None and len(span):
        return span[0]
    for tok in doc:
        if tok.idx >= pos:
            return tok
    return doc[len(doc) - 1]


_CLOSING_MARKS = "”’\"'»"
_OPENING_MARKS = "“‘\"'«"


def ends_sentence(text: str, i: int) -> bool:
    """Whether the character at ``i`` ends a sentence: . ! ? (or a closing mark after one)."""
    stop = i
    while stop > 0 and text[stop] in _CLOSING_MARKS:
        stop -= 1
    return text[stop] in ".!?" and not _abbreviation(text, stop, _next_char(text, i + 1))


def _next_char(text: str, i: int) -> str:
    """The first character from ``i`` on after closing marks and white space ("" at the end)."""
    while i < len(text) and text[i] in _CLOSING_MARKS:
        i += 1
    while i < len(text) and text[i].isspace():
        i += 1
    return text[i : i + 1]


def _abbreviation(text: str, i: int, following: str) -> bool:
    """A full stop that ends an abbreviation ("Mr.", "U.S.") rather than a sentence.

    ``following`` is the first character after the stop, closing marks and white space.
    A title or other word that stands before a name ("Sen.", "Dr.", "Gov.") never ends
    a sentence. A suffix that stands after a name ("Inc.", "Co.", "Jr.") ends one when
    a capitalised word, an opening quotation mark or the end of the text follows:
    "... of Goldman Sachs & Co. Obama's adviser ..." and "Joseph R. Biden Jr.¶What ..."
    are two sentences, at the cost of splitting "Apple Inc. Chief Executive Tim Cook".
    """
    if text[i] != ".":
        return False
    start = i
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:i].lower()
    if "." in word or word in _NEVER_FINAL:
        return True
    if word in _AFTER_NAMES:
        return not (following == "" or following.isupper() or following in _OPENING_MARKS)
    return False


_NEVER_FINAL = frozenset({
    "mr", "mrs", "ms", "dr", "st", "sen", "rep", "reps", "gov", "lt", "col", "gen", "capt",
    "sgt", "prof", "rev", "pres", "supt", "adm", "cmdr", "maj", "messrs", "hon", "atty",
    "no", "vs", "ft", "mt", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov",
    "dec", "dist", "ave", "blvd", "rd",
})  # fmt: skip
"""Short words whose full stop never ends a sentence: titles before a name ("Sen.",
"Dr."), words before a number ("No. 2", "Feb. 8") and words inside a name ("Main St.",
"Pennsylvania Ave."). An acronym such as "PAC." or "CNN." at a sentence end is not one
of them."""

_AFTER_NAMES = frozenset({"inc", "co", "corp", "ltd", "jr", "sr"})
"""Suffixes that stand after a name ("Acme Inc.", "Martin Luther King Jr.") and so may
close a sentence."""


def count_stops(text: str, start: int, end: int) -> int:
    """How many sentence ends (. ! ? before a space, not an abbreviation) lie in the range."""
    count = 0
    for i in range(start, end):
        if text[i] in ".!?" and (i + 1 >= end or text[i + 1].isspace()):
            count += ends_sentence(text, i)
    return count
