"""The slots of a claim unit: who, did what, to whom, where, when, how many.

Read from the spaCy parse, the linked entities and the timexes. Participants are
entity ids, except that a capital or a seat of government stands for its country
("Moscow will help", "the Kremlin said" -> Russia), as news writing uses them.

DOCS: docs/stages/claims.md
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from storyweave.entities.gazetteer import gazetteer
from storyweave.model import AnnotatedArticle, Mention

from .dates import unit_dates
from .lexicon import (
    DESIRES,
    LANDMARK_WORDS,
    MEASURE_NOUNS,
    MODALITY,
    NEGATIVE_IMPLICATIVES,
    NEGATORS,
    PERCEPTION,
    PREVENTIVES,
    STOP_LEMMAS,
    UPDATE_VERBS,
    predicate_key,
    stem,
)
from .numbers import Quantity, counted, find_quantities
from .units import Unit

EntityOf = Callable[[str, Mention], str | None]
"""(article id, mention) -> entity id, or None when the mention is not linked."""

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_LOCATIVE = frozenset(
    {"at", "in", "near", "inside", "outside", "within", "on", "across", "off", "above", "over"}
)
_DIRECTIONAL = frozenset({"to", "from", "toward", "towards", "into", "onto"})
_LANDMARK_LABELS = frozenset({"FAC", "ORG"})
_NEAR = frozenset({"near", "outside", "around", "beside", "behind", "opposite", "nearby"})
_NEAR_PHRASES = frozenset({"front", "close", "next", "vicinity", "outskirts"})
"""Words of approximate location: "near X", "outside X", "in front of X", "close to X", "next
to X", "in the vicinity of X" (English prepositions, not fitted)."""
_LIGHT_VERBS = frozenset(
    {"be", "have", "take", "hold", "make", "give", "carry", "conduct", "remain", "stay", "become"}
)
_IDIOMS: Final = {
    ("set", "fire"): "burn",
    ("catch", "fire"): "burn",
    ("set", "ablaze"): "burn",
    ("set", "alight"): "burn",
    ("set", "light"): "burn",
    ("open", "fire"): "shoot",
    ("reduce", "rubble"): "destroy",
    ("reduce", "ruin"): "destroy",
    ("reduce", "ash"): "destroy",
    ("reduce", "ashes"): "destroy",
    ("burn", "ground"): "destroy",
    ("raze", "ground"): "destroy",
}
"""Verb and object, complement or prepositional object that together name another event: "set
fire to the tyres" is to burn them, "opened fire" to shoot, "reduced to rubble" and "burned to
the ground" to destroy (English idioms, not fitted)."""
_COUNTED_IN_STATE = frozenset({"count", "tally", "find", "record", *PERCEPTION})
"""Verbs that report things found in a state ("counted 30 houses reduced to rubble", "found
two cars burned out", "saw shops looted"): what happened is the participle's act."""
_ASPECT_VERBS = frozenset({"keep", "continue", "begin", "start", "go", "succeed", "manage"})
"""Verbs whose complement says what happened ("kept falling", "succeeded in refloating");
"succeed" keeps its own outcome when it has no complement."""
_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBN"})
_LOST_OBJECT = frozenset({"npadvmod", "nmod", "attr", "oprd"})
_PARTY_LABELS = frozenset({"PERSON", "ORG"})
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj"})
_COUNTERPARTY = frozenset({"with", "against"})
_EVENT_NOUN_ENDINGS = ("ion", "ment", "ing", "al", "ure", "sis")
_REPORTING = frozenset(
    {"express", "announce", "emphasize", "stress", "voice", "declare", "pledge", "offer"}
)
_CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "PROPN"})


@dataclass(frozen=True, slots=True)
class Place:
    """A place in a ``where`` slot: its entity id (or folded name), name and country."""

    key: str
    name: str
    country: str | None
    vicinity: bool = False
    """A landmark the act happened near ("near Place du Luxembourg", "in front of the European
    Parliament"): an approximate place, which neither conflicts with another approximate one
    nor has to be named the same way to support."""


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
    agent: frozenset[str] = frozenset()
    """Participants who did it: the active subject, or the passive's "by" phrase."""
    patient: frozenset[str] = frozenset()
    """Participants it was done to: the object, or the passive subject."""
    theme: frozenset[str] = frozenset()
    """Head lemmas of the subject and object noun phrases, named or not ("airspace", "plan")."""
    patient_names: frozenset[str] = frozenset()
    """Stems of the proper names heading the object or passive subject, linked or not ("albion")."""
    parties: frozenset[str] = frozenset()
    """The people and organisations it names (not places)."""
    verbs: frozenset[str] = frozenset()
    """Stems of every verb in the unit, to catch opposite outcomes a misparse hides."""
    span_figures: tuple[Quantity, ...] = ()
    """Every figure written inside the unit's span, its holes included (a clause cut out of the
    middle still lies under the span a reader is shown)."""
    tally: str | None = None
    """The event a running count in the unit tallies ("the death toll rose" -> kill)."""
    scene: tuple[Place, ...] = ()
    """Places the unit's sentence puts its acts in ("An avalanche struck Sankt Leon, destroying
    50 cabins": the cabins' scene is Sankt Leon), to tell whether another unit's place is one
    this unit's report stands in; never compared for a conflict."""
    modality: str = "asserted"
    """"asserted", "hedged" (reportedly, expected to, plans to), "denied" (its speaker denies
    it) or "conditional"."""

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
    """The article's mentions, located in the parse once for all its units. A "name" made of
    common nouns only ("Farmers" capitalised at a sentence's start, tagged an organisation) is
    no participant: it is read as the words it is."""
    out = []
    for m in item.mentions:
        span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        if m.label in _PARTY_LABELS and all(t.tag_ in {"NN", "NNS"} for t in span):
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
    verb = _verb_head(doc, head, words)
    observer = _observer(verb)
    subject = (set(unit.subject) | _subject_tokens(head, words)) - observer
    keys: dict[int, str] = {}
    names: dict[str, str] = {}
    persons: set[str] = set()
    parties: set[str] = set()
    places: list[Place] = []
    for lm in mentions:
        if not lm.tokens <= words:
            continue
        name, label = lm.name, lm.mention.label
        key = _participant(name, lm.entity)
        for i in lm.tokens:
            keys[i] = key
        names.setdefault(key, name)
        if lm.tokens <= observer:
            continue  # "Our crew in Shawnee counted ...": who looked is no party to the act
        if label == "PERSON":
            persons.add(key)
        if label in _PARTY_LABELS and not key.startswith("place:"):
            parties.add(key)
        near = (
            label in _LANDMARK_LABELS
            and bool(LANDMARK_WORDS & set(name.casefold().split()))
            and _near(doc, min(lm.tokens), unit.head, words)
        )
        if near or (label in _PLACE_LABELS and _is_locative(doc, min(lm.tokens), unit.head, words)):
            country = gazetteer().country_of(name)
            key = lm.entity or name.casefold()
            places.append(Place(key=key, name=name, country=country, vicinity=near))
    who = frozenset(k for i, k in keys.items() if i in subject)
    whom = frozenset(k for i, k in keys.items() if i not in subject and i not in observer)
    predicate, negated = _predicate(verb)
    agent_tokens, patient_tokens = _roles(head, words)
    agent_tokens -= observer
    modality = _modality(head, unit)
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
        scene=_scene(doc, item, unit, mentions),
        who=who,
        whom=whom - who,
        persons=frozenset(persons),
        parties=frozenset(parties),
        predicate=predicate,
        negated=negated,
        where=tuple(places),
        when=unit_dates(doc, item.timexes, unit.span),
        quantities=_tallied(head, find_quantities(doc, words, skip=[t.span for t in item.timexes])),
        entities=frozenset(k for i, k in keys.items() if i not in observer),
        stems=stems,
        update=any(doc[i].lemma_ in UPDATE_VERBS and doc[i].pos_ == "VERB" for i in words),
        names=tuple(sorted(names.items())),
        agent=frozenset(k for i, k in keys.items() if i in agent_tokens),
        patient=frozenset(k for i, k in keys.items() if i in patient_tokens),
        theme=_theme(doc, head, words),
        patient_names=frozenset(
            stem(doc[i].lemma_.casefold())
            for i in patient_tokens
            if doc[i].pos_ == "PROPN" and doc[i].dep_ in {"dobj", "nsubjpass", *_LOST_OBJECT}
        ),
        verbs=frozenset(stem(doc[i].lemma_.casefold()) for i in words if doc[i].pos_ == "VERB"),
        modality=modality,
        tally=_tally(head),
        span_figures=tuple(
            find_quantities(
                doc,
                range(unit.tokens[0], unit.tokens[-1] + 1),
                skip=[t.span for t in item.timexes],
            )
        ),
    )


def _running_noun(head: Any) -> Any | None:
    """The subject of ``head`` when it is a running count ("the death toll", "the number")."""
    subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects or subjects[0].lemma_.casefold() not in MEASURE_NOUNS:
        return None
    return subjects[0]


def _tally(head: Any) -> str | None:
    """The event a running count tallies ("the death toll" -> kill), as a predicate key."""
    noun = _running_noun(head)
    if noun is None:
        return None
    inner = [c for c in noun.children if c.dep_ == "compound"]
    word = inner[0].lemma_.casefold() if inner else MEASURE_NOUNS[noun.lemma_.casefold()]
    return predicate_key(stem(word)) if word else None


def _tallied(head: Any, found: list[Quantity]) -> tuple[Quantity, ...]:
    """A bare figure of a running count takes what the count tallies: "the death toll climbed to
    eight" counts persons, "the number of homes ... has risen to 310,000" homes."""
    noun = _running_noun(head)
    if noun is None:
        return tuple(found)
    unit, factor = counted(noun)
    return tuple(
        dataclasses.replace(q, unit=unit, value=q.value * factor) if not q.unit else q
        for q in found
    )


def _verb_head(doc: Any, head: Any, words: set[int]) -> Any:
    """The unit's verb: its head, or where the parser made the head a noun ("Montenegro
    extradited businessman Goran Petrusic ..." parsed as a noun phrase), its first finite or
    past verb form."""
    if head.pos_ in {"VERB", "AUX"}:
        return head
    for i in sorted(words):
        if doc[i].tag_ in _VERB_TAGS and doc[i].pos_ == "VERB":
            return doc[i]
    return head


def _roles(head: Any, words: set[int]) -> tuple[set[int], set[int]]:
    """The tokens of who did it and of whom it was done to, the passive read as the active
    ("SkyIberica was fined by the ministry": agent the ministry, patient SkyIberica)."""
    agent: set[int] = set()
    patient: set[int] = set()
    for child in head.children:
        sub = {t.i for t in child.subtree if t.i in words}
        if child.dep_ == "nsubj":
            agent |= sub
        elif child.dep_ in {"nsubjpass", "dobj"} and child.pos_ != "NUM":
            patient |= sub
        elif child.dep_ == "agent":
            agent |= sub
        elif child.dep_ == "prep" and child.lower_ in _COUNTERPARTY:
            patient |= sub  # "held talks with X", "won against Y"
        if child.dep_ == "dobj" and head.lemma_ in _LIGHT_VERBS:
            for prep in child.children:  # "held talks with X": the light verb's object's "with"
                if prep.dep_ == "prep" and prep.lower_ in _COUNTERPARTY:
                    patient |= {t.i for t in prep.subtree if t.i in words}
    if not patient:  # the parser lost the object: the name right after the verb ("beat Albion 3-1")
        after = [c for c in head.rights if c.pos_ == "PROPN" and c.dep_ in _LOST_OBJECT]
        if after and after[0].i == head.i + 1:
            patient |= {t.i for t in after[0].subtree if t.i in words}
    return agent, patient


def _theme(doc: Any, head: Any, words: set[int]) -> frozenset[str]:
    """Stems of the nouns the act is about: its subject, object and prepositional objects."""
    out = set()
    for child in head.children:
        named = child.pos_ in {"NOUN", "PROPN"}
        if child.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"} and child.i in words and named:
            out.add(stem(child.lemma_.casefold()))
        if child.dep_ == "prep" and child.i in words:
            for g in child.children:
                if g.dep_ == "pobj" and g.pos_ in {"NOUN", "PROPN"}:
                    out.add(stem(g.lemma_.casefold()))
    return frozenset(out)


def _modality(head: Any, unit: Unit) -> str:
    """How the unit puts its claim: denied by its speaker, hedged, conditional, or asserted."""
    if unit.cue is not None and MODALITY.get(unit.cue) == "denied":
        return "denied"
    denials = [c for c in head.children if c.dep_ == "ccomp"]
    if MODALITY.get(head.lemma_) == "denied" and denials:
        return "denied"
    wants = any(c.dep_ == "xcomp" for c in head.children)  # "plans to build"
    wants = wants or (head.lemma_ in DESIRES and any(c.dep_ == "dobj" for c in head.children))
    governors = [head] if wants else []
    if head.dep_ == "xcomp":  # "is expected to cut", "plans to build"
        governors.append(head.head)
    kinds = {MODALITY.get(t.lemma_.casefold()) for t in governors}
    kinds |= {MODALITY.get(t.lower_) for t in head.children if t.dep_ in {"advmod", "aux", "mark"}}
    if unit.cue is not None and MODALITY.get(unit.cue) == "hedged":
        kinds.add("hedged")
    for kind in ("conditional", "hedged"):
        if kind in kinds:
            return kind
    return "asserted"


def _subject_tokens(head: Any, words: set[int]) -> set[int]:
    out: set[int] = set()
    for child in head.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            out |= {t.i for t in child.subtree if t.i in words}
    return out


def _is_locative(doc: Any, i: int, head: int, words: set[int]) -> bool:
    """True when the mention at token ``i`` hangs from "at/in/near ..." (not "to/from ...") of
    the unit's own verb, not of a clause inside it ("a meteorite that lit up the sky over
    Scandinavia was found near Kiruna": Kiruna only)."""
    cur = doc[i]
    nearest: str | None = None
    while cur.i != head and cur.head.i != cur.i and cur.head.i in words:
        if cur.dep_ in _CLAUSE_DEPS:
            return False
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


def _near(doc: Any, i: int, head: int, words: set[int]) -> bool:
    """True when the landmark at token ``i`` is where the unit's own verb happened near: it hangs
    from "near/outside/in front of/close to ..." of the verb, not of a clause inside it."""
    cur = doc[i]
    while cur.i != head and cur.head.i != cur.i and cur.head.i in words:
        if cur.dep_ in _CLAUSE_DEPS:
            return False
        cur = cur.head
        if cur.dep_ == "agent":
            return False  # "approved by the European Parliament": the doer, not a place
        if cur.lower_ in _NEAR or cur.lower_ in _NEAR_PHRASES:
            return True
        if cur.pos_ in {"VERB", "AUX"}:
            return False
    return False


def _predicate(head: Any) -> tuple[str, bool]:
    """The stem of what the unit says happened, and whether it is denied."""
    negated = any(c.dep_ == "neg" or c.lower_ in NEGATORS for c in head.children)
    tok = head
    if MODALITY.get(tok.lemma_) == "denied":  # "denied that X had been fired": the claim is X
        comp = [c for c in tok.children if c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}]
        tok = comp[0] if comp else tok
        negated = any(c.dep_ == "neg" or c.lower_ in NEGATORS for c in tok.children)
    for _ in range(3):  # "is expected to keep falling": through modal, aspect and implicative
        comp = [c for c in tok.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}]
        comp += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
                 for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"]  # fmt: skip
        if not comp:
            break
        if tok.lemma_ in NEGATIVE_IMPLICATIVES:
            negated = not negated
        elif tok.lemma_ not in _ASPECT_VERBS and MODALITY.get(tok.lemma_) != "hedged":
            break
        tok = comp[0]
    if tok.lemma_ in NEGATIVE_IMPLICATIVES and tok is head:
        implied = _implied_after(tok)
        if implied is not None:  # "refused on Tuesday to extradite" misparsed without xcomp
            return predicate_key(stem(implied.lemma_)), not negated
    if tok.lemma_ in PREVENTIVES:  # "escaped damage" = not damaged
        objs = [c for c in tok.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
        if objs:
            return predicate_key(stem(objs[0].lemma_)), not negated
    tok = _state_found(tok)
    for c in tok.children:
        idiom = _IDIOMS.get((tok.lemma_, c.lemma_.lower()))
        if idiom and c.dep_ in {"dobj", "acomp", "advmod", "oprd", "xcomp", "npadvmod"}:
            return predicate_key(stem(idiom)), negated
        if c.dep_ == "prep" and c.lower_ == "to":
            for g in c.children:
                idiom = _IDIOMS.get((tok.lemma_, g.lemma_.lower()))
                if idiom and g.dep_ == "pobj":
                    return predicate_key(stem(idiom)), negated
    hedging = tok.lemma_ in DESIRES  # "is seeking help" -> help, hedged
    if tok.lemma_ in _LIGHT_VERBS or tok.lemma_ in _REPORTING or hedging:
        objs = [c for c in tok.children if c.dep_ in {"attr", "acomp", "dobj"}]
        if objs and (tok.lemma_ != "take" or _is_event_noun(objs[0])):
            tok = objs[0]
            comp = [c for c in tok.children if c.dep_ in {"acl", "xcomp", "relcl"}]
            comp += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"]  # fmt: skip
            if comp and comp[0].pos_ == "VERB":
                tok = comp[0]  # "willingness to assist", "the importance of prioritizing"
    if tok.lemma_ == "place" and head.lemma_ == "take":
        subj = [c for c in head.children if c.dep_ == "nsubj"]
        tok = subj[0] if subj else tok
    return predicate_key(stem(tok.lemma_)), negated


def _state_found(verb: Any) -> Any:
    """For "counted [30 houses] reduced to rubble" and "found [two cars] burned out", the
    participle ("reduced", "burned"); else ``verb``."""
    if verb.lemma_ not in _COUNTED_IN_STATE:
        return verb
    for c in verb.children:
        if c.dep_ in {"ccomp", "xcomp", "oprd"} and c.tag_ == "VBN":
            return c
        if c.dep_ != "dobj":
            continue
        for g in c.children:  # a past form read as a finite verb ("cabins flattened": VBD)
            if g.dep_ == "acl" and g.tag_ in {"VBN", "VBD"}:
                return g
    return verb


def _scene(
    doc: Any, item: AnnotatedArticle, unit: Unit, mentions: Sequence[LinkedMention]
) -> tuple[Place, ...]:
    """The places named in the unit's sentence after "in/at/near ..." or "of" ("the mayor of
    Paris"), not "to/from ..."."""
    sentences = [s.span for s in item.sentences if s.index == unit.sentence]
    if not sentences:
        return ()
    lo, hi = sentences[0].start, sentences[0].end
    out = []
    for lm in mentions:
        m = lm.mention
        if m.label not in _PLACE_LABELS or not (lo <= m.span.start and m.span.end <= hi):
            continue
        prep = doc[min(lm.tokens)].head
        while prep.dep_ == "compound" or prep.i in lm.tokens:
            if prep.head.i == prep.i:
                break
            prep = prep.head
        if prep.lower_ in _LOCATIVE or prep.lower_ == "of":
            key = lm.entity or lm.name.casefold()
            out.append(Place(key=key, name=lm.name, country=gazetteer().country_of(lm.name)))
    return tuple(out)


def _observer(verb: Any) -> set[int]:
    """The tokens of who found or saw things in a state ("[Our crew in Shawnee] counted 30
    houses reduced to rubble"), when the unit's act is the participle's; else none."""
    if _state_found(verb) is verb:
        return set()
    return {t.i for c in verb.children if c.dep_ == "nsubj" for t in c.subtree}


def _implied_after(verb: Any) -> Any | None:
    """The verb after "to" within a few words of a negative implicative ("refused on Tuesday to
    extradite"), found by a token pattern when the parse does not link them."""
    doc = verb.doc
    for m_id, start, end in _implicative_matcher(doc.vocab)(doc[verb.i : verb.i + 7]):
        del m_id
        if start == 0:
            return doc[verb.i + end - 1]
    return None


@functools.lru_cache(maxsize=1)
def _implicative_matcher(vocab: Any) -> Any:
    from spacy.matcher import Matcher

    matcher = Matcher(vocab)
    gap: list[dict[str, Any]] = []
    for _ in range(4):
        matcher.add(
            "implied",
            [[{"LEMMA": {"IN": sorted(NEGATIVE_IMPLICATIVES)}}, *gap, {"LOWER": "to"},
              {"POS": {"IN": ["VERB", "ADJ", "NOUN"]}, "TAG": {"IN": ["VB", "JJ", "NN"]}}]],
        )  # fmt: skip
        gap = [
            *gap,
            {"POS": {"IN": ["ADP", "PROPN", "ADV", "DET", "PART"]}, "LOWER": {"NOT_IN": ["to"]}},
        ]
    return matcher


def _is_event_noun(tok: Any) -> bool:
    """A noun that names an event ("took control", "took place", "took action" are not "took
    a portrait")."""
    return tok.lemma_.casefold().endswith(_EVENT_NOUN_ENDINGS) or tok.lemma_ in {"place", "part"}
