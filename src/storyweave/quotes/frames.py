"""What a cue verb takes as its attributed content: a clause, an infinitive, an
object, a prepositional object, or (for "seem"-like verbs) the whole clause.

Reporting verbs ("say", "tell") take a clause; verbs of intent take an
infinitive ("vowed to fight"); verbs of stance and description take their object
with its complement ("called Trump “a liar”", "accused Clinton of lying",
"described it as a mistake"); verbs of talk take a prepositional object ("talked
about jobs", "pointed to the polls"). PolNeAR annotates all of these as
attributions; the verb lists were grown from its *train* part, keeping verbs whose
predictions were mostly right there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .syntax import CharSpan, trim

if TYPE_CHECKING:
    from spacy.tokens import Token


__all__ = ["FRAMES", "PREP_FRAMES", "frame_content", "object_span"]

# fmt: off
_CLAUSE = (
    "know", "show", "find", "learn", "recognize", "remember", "feel", "worry",
    "realize", "understand", "hear", "notice", "decide", "determine", "prove",
    "demonstrate", "imply", "assume", "bet", "figure", "wish", "sense", "acknowledge",
    "emphasize", "emphasise", "stress",
)
_INFINITIVE = (
    "want", "seek", "plan", "hope", "hop", "expect", "aim", "decide", "vote", "offer",
    "agree", "refuse", "decline", "intend", "prefer",
    "hesitate", "push", "continue",
)
_OBJECT = (
    "show", "support", "endorse", "back", "criticize", "criticise", "oppose",
    "describe", "discuss", "mention", "attack", "praise", "defend", "blame", "offer",
    "cite", "question", "release", "propose", "reject", "denounce", "mock",
    "tout", "issue", "share", "list", "blast", "slam",
    "challenge", "address", "promote", "advocate", "embrace", "echo", "consider",
    "identify", "thank", "want", "seek", "expect", "predict", "recall",
    "repeat", "like", "love", "hate", "prefer", "accuse", "applaud", "condemn",
    "welcome", "dismiss", "deny", "confirm", "acknowledge", "announce", "unveil",
    "outline", "tweet", "post", "publish", "request", "demand", "allege", "emphasize",
    "emphasise", "stress", "highlight", "underscore", "characterize", "portray",
    "depict", "label", "dub", "brand", "term", "deem", "view", "regard", "call",
    "name", "describe", "hail", "lambaste", "decry", "rebuke", "scold", "ridicule",
    "express", "voice", "note", "say",
    "read", "write", "answer", "explain", "reiterate", "concede", "admit",
    "reference", "chant", "laud", "proclaim", "recount", "quote", "invoke",
)
_WHOLE = ("seem", "appear")
# fmt: on

FRAMES: dict[str, frozenset[str]] = {}
"""Lemma -> the complement kinds it takes: "clause", "inf", "obj", "whole"."""
for _kind, _words in (
    ("clause", _CLAUSE),
    ("inf", _INFINITIVE),
    ("obj", _OBJECT),
    ("whole", _WHOLE),
):
    for _word in _words:
        FRAMES[_word] = FRAMES.get(_word, frozenset()) | {_kind}

PREP_FRAMES: dict[str, frozenset[str]] = {
    "talk": frozenset({"about", "of"}),
    "speak": frozenset({"about", "of"}),
    "point": frozenset({"to"}),
    "refer": frozenset({"to"}),
    "focus": frozenset({"on"}),
    "vote": frozenset({"for", "against"}),
    "push": frozenset({"for"}),
    "call": frozenset({"for"}),
    "advocate": frozenset({"for"}),
    "argue": frozenset({"for", "against"}),
    "complain": frozenset({"about", "of"}),
    "worry": frozenset({"about"}),
    "warn": frozenset({"of", "about", "against"}),
    "comment": frozenset({"on"}),
    "testify": frozenset({"about", "on"}),
    "insist": frozenset({"on"}),
    "rail": frozenset({"against"}),
    "joke": frozenset({"about"}),
    "boast": frozenset({"about", "of"}),
    "brag": frozenset({"about"}),
    "write": frozenset({"about", "of"}),
    "ask": frozenset({"about", "for"}),
    "campaign": frozenset({"for", "on", "against"}),
    "agree": frozenset({"with", "on"}),
    "disagree": frozenset({"with"}),
    "weigh": frozenset({"on"}),
    "touch": frozenset({"on"}),
    "lash": frozenset({"at"}),
    "hit": frozenset({"at"}),
    "apologize": frozenset({"for"}),
    "object": frozenset({"to"}),
    "respond": frozenset({"to"}),
}
"""Lemma -> the prepositions whose object is the content ("talked about jobs")."""

_COMPLEMENT_DEPS = frozenset({"dobj", "oprd", "xcomp", "ccomp", "attr", "acomp", "dative"})
_OBJECT_PREPS = frozenset({"as", "of", "for"})


def _edge_span(first: Token, last: Token) -> CharSpan | None:
    doc = first.doc
    start = doc[first.left_edge.i].idx
    end_tok = doc[last.right_edge.i]
    return trim(doc.text, start, end_tok.idx + len(end_tok.text))


def object_span(verb: Token) -> CharSpan | None:
    """The object with what completes it: "Trump “a liar”", "Clinton of lying"."""
    objs = [c for c in verb.rights if c.dep_ == "dobj"]
    if not objs:
        return None
    obj = objs[0]
    last = obj
    for child in verb.rights:
        if child.i <= obj.i:
            continue
        if child.dep_ in _COMPLEMENT_DEPS or (
            child.dep_ == "prep" and child.lower_ in _OBJECT_PREPS
        ):
            last = child
    return _edge_span(obj, last)


def _infinitive_span(verb: Token) -> CharSpan | None:
    for child in verb.rights:
        if child.dep_ == "xcomp" and child.left_edge.lower_ == "to":
            return _edge_span(child, child)
    return None


def _clause_span(verb: Token) -> CharSpan | None:
    for child in verb.rights:
        if child.dep_ == "ccomp":
            return _edge_span(child, child)
    return None


def _prep_span(verb: Token, preps: frozenset[str]) -> CharSpan | None:
    for child in verb.rights:
        if child.dep_ == "prt":
            continue
        if child.dep_ == "prep" and child.lower_ in preps:
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            return _edge_span(objs[0], objs[0]) if objs else None
    return None


def _whole_span(verb: Token) -> CharSpan | None:
    """ "The court seemed to send a signal": the clause from its subject on."""
    subj = [c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    rest = [c for c in verb.rights if c.dep_ in ("xcomp", "acomp", "attr", "ccomp")]
    if not subj or not rest:
        return None
    return _edge_span(subj[0], rest[-1])


def frame_content(verb: Token) -> CharSpan | None:
    """The content ``verb`` attributes by its frame, or None."""
    lemma = verb.lemma_.lower()
    kinds = FRAMES.get(lemma, frozenset())
    for kind, finder in (
        ("clause", _clause_span),
        ("inf", _infinitive_span),
        ("obj", object_span),
        ("whole", _whole_span),
    ):
        if kind in kinds and (span := finder(verb)) is not None:
            return span
    preps = PREP_FRAMES.get(lemma)
    if preps is not None:
        return _prep_span(verb, preps)
    return None
