"""The slots of a claim unit: who, did what, to whom, where, when, how many.

Read from the spaCy parse, the linked entities and the timexes. Participants are
entity ids, except that a capital or a seat of government stands for its country
("Moscow will help", "the Kremlin said" -> Russia), as news writing uses them.

DOCS: docs/stages/claims.md
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from storyweave.entities.gazetteer import gazetteer
from storyweave.model import AnnotatedArticle, Mention, Span, Timex

from .lexicon import (
    NEGATIVE_IMPLICATIVES,
    NEGATORS,
    STOP_LEMMAS,
    UPDATE_VERBS,
    predicate_key,
    stem,
)
from .numbers import Quantity, find_quantities
from .units import Unit

EntityOf = Callable[[str, Mention], str | None]
"""(article id, mention) -> entity id, or None when the mention is not linked."""

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_LOCATIVE = frozenset({"at", "in", "near", "inside", "outside", "within", "on", "across"})
_DIRECTIONAL = frozenset({"to", "from", "toward", "towards", "into", "onto"})
_LIGHT_VERBS = frozenset({"be", "have", "take", "hold", "make", "give"})
_REPORTING = frozenset(
    {"express", "announce", "emphasize", "stress", "voice", "declare", "pledge", "offer"}
)
_CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "PROPN"})
_CONCRETE_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass(frozen=True, slots=True)
class Place:
    """A place in a ``where`` slot: its entity id (or folded name), name and country."""

    key: str
    name: str
    country: str | None


@dataclass(frozen=True, slots=True)
class Slots:
    """What a unit states, slot by slot (empty when the unit does not say)."""

    who: frozenset[str]
    whom: frozenset[str]
    persons: frozenset[str]
    predicate: str
    negated: bool
    where: tuple[Place, ...]
    when: tuple[str, ...]
    quantities: tuple[Quantity, ...]
    entities: frozenset[str]
    stems: frozenset[str]
    update: bool = False
    names: tuple[tuple[str, str], ...] = ()
    """(participant key, name as written) for the participants, to explain a clash."""

    def name_of(self, key: str) -> str:
        """How the unit writes the participant ``key``."""
        return dict(self.names).get(key, key)


@functools.lru_cache(maxsize=4096)
def _participant(name: str, entity: str | None) -> str:
    gaz = gazetteer()
    place = gaz.lookup(name)
    if place is not None and place.kind in {"country", "capital", "seat"}:
        country = place.name if place.kind == "country" else place.country
        return f"place:{country}"
    country = gaz.country_of(name)
    if entity is None and country is not None:
        return f"place:{country}"
    return entity or f"name:{name.casefold()}"


@dataclass(frozen=True, slots=True)
class LinkedMention:
    """A mention with its tokens in the parse, its name as written and its entity."""

    mention: Mention
    tokens: frozenset[int]
    name: str
    entity: str | None


def linked_mentions(item: AnnotatedArticle, doc: Any, entity_of: EntityOf) -> list[LinkedMention]:
    """The article's mentions, located in the parse once for all its units."""
    out = []
    for m in item.mentions:
        span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        out.append(
            LinkedMention(
                mention=m,
                tokens=frozenset(range(span.start, span.end)),
                name=m.span.text_in(item.article.text),
                entity=entity_of(item.article.id, m),
            )
        )
    return out


def read_slots(
    item: AnnotatedArticle, doc: Any, unit: Unit, mentions: Sequence[LinkedMention]
) -> Slots:
    """The slots of ``unit``; ``mentions`` come from :func:`linked_mentions`."""
    words = set(unit.tokens) | set(unit.subject)
    head = doc[unit.head]
    subject = set(unit.subject) | _subject_tokens(head, words)
    keys: dict[int, str] = {}
    names: dict[str, str] = {}
    persons: set[str] = set()
    places: list[Place] = []
    for lm in mentions:
        if not lm.tokens <= words:
            continue
        name, label = lm.name, lm.mention.label
        key = _participant(name, lm.entity)
        for i in lm.tokens:
            keys[i] = key
        names.setdefault(key, name)
        if label == "PERSON":
            persons.add(key)
        if label in _PLACE_LABELS and _is_locative(doc, min(lm.tokens), unit.head, words):
            country = gazetteer().country_of(name)
            places.append(Place(key=lm.entity or name.casefold(), name=name, country=country))
    who = frozenset(k for i, k in keys.items() if i in subject)
    whom = frozenset(k for i, k in keys.items() if i not in subject)
    predicate, negated = _predicate(head)
    stems = frozenset(
        predicate_key(stem(doc[i].lemma_))
        for i in words
        if doc[i].pos_ in _CONTENT_POS
        and i not in keys
        and doc[i].is_alpha
        and not doc[i].is_stop
        and doc[i].lemma_.casefold() not in STOP_LEMMAS
    )
    return Slots(
        who=who,
        whom=whom - who,
        persons=frozenset(persons),
        predicate=predicate,
        negated=negated,
        where=tuple(places),
        when=_dates(doc, item.timexes, unit.span),
        quantities=tuple(find_quantities(doc, words, skip=[t.span for t in item.timexes])),
        entities=frozenset(keys.values()),
        stems=stems,
        update=any(doc[i].lemma_ in UPDATE_VERBS for i in words),
        names=tuple(sorted(names.items())),
    )


def _subject_tokens(head: Any, words: set[int]) -> set[int]:
    out: set[int] = set()
    for child in head.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            out |= {t.i for t in child.subtree if t.i in words}
    return out


def _is_locative(doc: Any, i: int, head: int, words: set[int]) -> bool:
    """True when the mention at token ``i`` hangs from "at/in/near ..." (not "to/from ...")."""
    cur = doc[i]
    nearest: str | None = None
    while cur.i != head and cur.head.i != cur.i and cur.head.i in words:
        cur = cur.head
        if cur.dep_ == "prep" or cur.pos_ == "ADP":
            word = cur.lower_
            if nearest is None:
                nearest = word
                if word in _DIRECTIONAL:
                    return False
            if word in _LOCATIVE:
                return True
    return False


def _predicate(head: Any) -> tuple[str, bool]:
    """The stem of what the unit says happened, and whether it is denied."""
    negated = any(c.dep_ == "neg" or c.lower_ in NEGATORS for c in head.children)
    tok = head
    if tok.lemma_ in NEGATIVE_IMPLICATIVES:
        comp = [c for c in tok.children if c.dep_ == "xcomp"]
        if comp:
            tok = comp[0]
            negated = not negated
    if tok.lemma_ in _LIGHT_VERBS or tok.lemma_ in _REPORTING:
        objs = [c for c in tok.children if c.dep_ in {"attr", "acomp", "dobj"}]
        if objs:
            tok = objs[0]
            comp = [c for c in tok.children if c.dep_ in {"acl", "xcomp", "relcl"}]
            if comp and comp[0].pos_ == "VERB":
                tok = comp[0]
    if tok.lemma_ == "place" and head.lemma_ == "take":
        subj = [c for c in head.children if c.dep_ == "nsubj"]
        tok = subj[0] if subj else tok
    return predicate_key(stem(tok.lemma_)), negated


def _dates(doc: Any, timexes: Sequence[Timex], span: Span) -> tuple[str, ...]:
    """The concrete dates in ``span`` that tell when its events happened."""
    out = []
    for t in timexes:
        if not (
            t.type == "DATE"
            and span.start <= t.span.start
            and t.span.end <= span.end
            and _CONCRETE_DATE.match(t.value)
        ):
            continue
        words = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
        if words is not None and len(words) and _dates_an_event(words.root):
            out.append(t.value)
    return tuple(out)


def _dates_an_event(tok: Any) -> bool:
    """Whether a date hangs from a verb, directly ("checked in late Thursday") or through a
    preposition ("on May 2", "in 2012"), rather than from a noun ("a 2012 car crash case",
    "the conviction in 2012"): only the first says when something in the claim happened."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    return head is tok or head.pos_ in ("VERB", "AUX")
