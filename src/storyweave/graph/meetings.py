"""Who met whom: meeting verbs and nouns with two named participants, read from the parse.

Three shapes are read, each from one sentence parsed by itself:

- a meeting verb whose subject is a coordination: "Kim and Putin met", "Putin and Kim
  discussed ...", "Kim and Putin had a brief conversation" (a light verb with a meeting
  noun as its object);
- a meeting verb with a subject and a person as object or after "with": "Kozlov welcomed
  Kim", "Putin met with Kim", "Peskov visited Xi" (a visit counts only to a person);
- a meeting noun with "between" or "with": "the meeting between Kim and Putin".

DOCS: docs/stages/brief.md (Entity graph)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Final

MEET_VERBS: Final = frozenset(
    {"meet", "welcome", "host", "receive", "greet", "hug", "visit", "talk", "confer"}
)
JOINT_VERBS: Final = frozenset({"discuss", "negotiate", "sign", "agree"})
"""Verbs that imply a meeting only when their subject is two parties acting together."""
LIGHT_VERBS: Final = frozenset({"have", "hold", "begin", "start", "conduct", "attend"})
MEETING_NOUNS: Final = frozenset(
    {"meeting", "talk", "talks", "conversation", "summit", "discussion", "negotiation", "visit"}
)
PERSON_ONLY_VERBS: Final = frozenset({"visit"})
SUBJECT_DEPS: Final = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS: Final = frozenset({"dobj", "obj"})

EntityAt = Callable[[int, int], "tuple[str, str] | None"]
"""Maps a sentence-relative character range to the (entity id, type) named there."""


def _conjuncts(tok: Any) -> list[Any]:
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj":
            out += _conjuncts(child)
    return out


def _party(tok: Any, entity_at: EntityAt) -> tuple[str, str] | None:
    """The entity a participant token names: the name over its own words (not its conjuncts)."""
    conj_start = min([c.left_edge.i for c in tok.children if c.dep_ in {"conj", "cc"}] or [10**9])
    words = [t for t in tok.doc[tok.left_edge.i : tok.i + 1] if t.i < conj_start]
    for t in [tok, *reversed(words)]:
        found = entity_at(t.idx, t.idx + len(t.text))
        if found:
            return found
    return None


def _parties(tokens: list[Any], entity_at: EntityAt) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for tok in tokens:
        for conj in _conjuncts(tok):
            found = _party(conj, entity_at)
            if found and found not in out:
                out.append(found)
    return out


def _with_objects(head: Any) -> list[Any]:
    return [
        g for c in head.children if c.dep_ == "prep" and c.lower_ in {"with", "between"}
        for g in c.children if g.dep_ == "pobj"
    ]  # fmt: skip


def _pairs(left: list[tuple[str, str]], right: list[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    for a, _ in left:
        for b, _ in right:
            if a != b:
                yield a, b


def meetings(doc: Any, entity_at: EntityAt) -> list[tuple[str, str]]:
    """Pairs of entity ids that the sentence ``doc`` says met (each pair once, in order)."""
    found: list[tuple[str, str]] = []
    for tok in doc:
        for pair in _meetings_at(tok, entity_at):
            if pair not in found and pair[::-1] not in found:
                found.append(pair)
    return found


def _meetings_at(tok: Any, entity_at: EntityAt) -> Iterator[tuple[str, str]]:
    lemma = tok.lemma_.lower()
    if tok.pos_ in {"NOUN", "PROPN"} and lemma in MEETING_NOUNS:
        for obj in _with_objects(tok):
            parties = _parties([obj], entity_at)
            yield from _pairs(parties[:1], parties[1:])
        return
    if tok.pos_ not in {"VERB", "AUX"}:
        return
    light = lemma in LIGHT_VERBS and any(
        c.dep_ in OBJECT_DEPS and c.lemma_.lower() in MEETING_NOUNS for c in tok.children
    )
    if not (light or lemma in MEET_VERBS or lemma in JOINT_VERBS):
        return
    subjects = _parties([c for c in tok.children if c.dep_ in SUBJECT_DEPS], entity_at)
    yield from _pairs(subjects[:1], subjects[1:])  # "Kim and Putin met / held talks"
    if lemma in JOINT_VERBS:
        return
    targets = _with_objects(tok)
    if light:
        targets += [g for c in tok.children if c.dep_ in OBJECT_DEPS for g in _with_objects(c)]
    elif lemma in MEET_VERBS:
        targets += [c for c in tok.children if c.dep_ in OBJECT_DEPS]
    others = _parties(targets, entity_at)
    if lemma in PERSON_ONLY_VERBS:
        others = [o for o in others if o[1] == "PERSON"]
    yield from _pairs(subjects, others)
