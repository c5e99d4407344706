"""Speakers: what kind of source a phrase names, and whom it names.

* a name ("President Putin") -> the fullest form of that name in the article
  ("Vladimir Putin");
* a pronoun ("he", "she", "they", "it") -> the nearest compatible earlier
  speaker or subject;
* a role description ("the Kremlin leader") -> the person whose title in the
  article has the same role class and country ("Russian President Vladimir Putin");
* an unnamed source ("analysts", "a source familiar with the matter") -> typed
  ``unnamed`` with no name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .cues import (
    CITING_WORDS,
    COUNTRY_WORDS,
    DOCUMENT_NOUNS,
    ORG_NOUNS,
    OUTLET_SUFFIXES,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    ROLE_CLASSES,
    SELF_PRONOUNS,
    THING_PRONOUNS,
    UNNAMED_SOURCES,
)
from .syntax import CharSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


__all__ = ["Speaker", "SpeakerIndex"]

_ORG_LABELS = ("ORG", "GPE", "NORP")
_PLACE_OR_BODY = frozenset({"GPE", "ORG", "FAC", "LOC", "NORP"})
_TITLE_POS = frozenset({"PROPN", "NOUN", "ADJ"})


@dataclass(frozen=True, slots=True)
class Speaker:
    """A classified source phrase: ``type`` and, when known, the name it stands for."""

    type: str
    name: str | None


@dataclass(frozen=True, slots=True)
class _Person:
    start: int
    name: str
    role: str | None
    countries: frozenset[str]
    subject: bool


def _clean_name(ent: Span) -> str:
    words = [t for t in ent if not t.is_punct or t.text in ("-", ".")]
    while words and words[0].lower_ in CITING_WORDS | {"according", "the"}:
        words = words[1:]
    if words and words[-1].lower_ in ("'s", "’s"):
        words = words[:-1]
    if not words:
        return ent.text
    return ent.doc.text[words[0].idx : words[-1].idx + len(words[-1].text)]


def _countries(text: str) -> frozenset[str]:
    low = f" {text.lower()} "
    return frozenset(code for word, code in COUNTRY_WORDS.items() if f" {word} " in low)


def _title_tokens(ent: Span) -> list[Token]:
    """The title words written with a name: "Russian President" Vladimir Putin, or an
    apposition ("An Chan-il, a researcher ...")."""
    doc = ent.doc
    out: list[Token] = []
    i = ent.start - 1
    while i >= ent.sent.start and doc[i].pos_ in _TITLE_POS and doc[i].ent_type_ != "PERSON":
        out.append(doc[i])
        i -= 1
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos":
            out += [t for t in child.subtree if t.pos_ in _TITLE_POS][:6]
    if root.dep_ == "appos":
        out += [t for t in root.head.subtree if t.pos_ in _TITLE_POS and t.i < ent.start][:6]
    return out


def _role_of(tokens: list[Token]) -> str | None:
    role = None
    for tok in tokens:
        cls = ROLE_CLASSES.get(tok.lemma_.lower())
        if cls is not None:
            role = role or cls
    return role


class SpeakerIndex:
    """Per-document tables used to classify and resolve source phrases."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.persons: list[_Person] = []
        self.orgs: list[tuple[int, str]] = []
        names = [_clean_name(e) for e in doc.ents if e.label_ == "PERSON"]
        self._full = sorted(set(names), key=len, reverse=True)
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                titles = _title_tokens(ent)
                words = " ".join(t.text for t in titles)
                self.persons.append(
                    _Person(
                        start=ent.start_char,
                        name=self.canonical(_clean_name(ent)),
                        role=_role_of(titles),
                        countries=_countries(words),
                        subject=ent.root.dep_ in ("nsubj", "nsubjpass"),
                    )
                )
            elif ent.label_ == "ORG":
                self.orgs.append((ent.start_char, _outlet_name(_clean_name(ent))))
        self.spoken: list[tuple[int, Speaker]] = []

    def canonical(self, name: str) -> str:
        """The fullest form of a person's name in the article ("Putin" -> "Vladimir Putin")."""
        words = name.split()
        for full in self._full:
            parts = full.split()
            if len(parts) > len(words) and (
                parts[-len(words) :] == words or parts[: len(words)] == words
            ):
                return full
        return name

    def classify(self, span: CharSpan) -> Speaker:
        """Classify the source phrase ``span`` and resolve whom it names."""
        doc = self.doc
        phrase = doc.char_span(span[0], span[1], alignment_mode="expand")
        if phrase is None or not len(phrase):
            return Speaker("other", None)
        words = [t for t in phrase if not t.is_punct]
        if len(words) == 1 and words[0].pos_ == "PRON":
            return self._pronoun(words[0])
        ents = [e for e in doc.ents if e.start < phrase.end and e.end > phrase.start]
        head = phrase.root
        persons = [e for e in ents if e.label_ == "PERSON" and not _possessor(e, phrase)]
        if persons:
            return Speaker("person", self.canonical(_clean_name(persons[-1])))
        lemma = head.lemma_.lower()
        det = next((t for t in phrase if t.dep_ in ("det", "poss")), None)
        definite = det is not None and det.lower_ in ("the", "this", "that")
        if lemma in ROLE_CLASSES and definite:
            name = self._role(phrase, ROLE_CLASSES[lemma])
            return Speaker("role", name or (_bare_phrase(phrase) if _specific(phrase) else None))
        orgs = sorted(
            (e for e in ents if e.label_ in _ORG_LABELS),
            key=_org_rank,
        )
        orgs = [e for e in orgs if e.label_ == "ORG" or e.start <= head.i < e.end]
        if orgs and lemma not in UNNAMED_SOURCES:
            return Speaker("org", _outlet_name(_clean_name(orgs[0])))
        if lemma in UNNAMED_SOURCES:
            if definite and _specific(phrase) and lemma not in DOCUMENT_NOUNS:
                # "the Pottawatomie County emergency manager" (not "the Gallup poll")
                return Speaker("role", _bare_phrase(phrase))
            return Speaker("unnamed", None)
        if lemma in ORG_NOUNS:
            return Speaker("org", _bare_phrase(phrase))
        return Speaker("other", None)

    def remember(self, pos: int, speaker: Speaker) -> None:
        """Record a resolved speaker so later pronouns can refer back to it."""
        self.spoken.append((pos, speaker))

    def _pronoun(self, tok: Token) -> Speaker:
        low = tok.lower_
        pos = tok.idx
        if low in SELF_PRONOUNS:
            return Speaker("pronoun", None)
        if low in PERSON_PRONOUNS:
            said = [
                (p, s.name)
                for p, s in self.spoken
                if p < pos and s.type in ("person", "role") and s.name
            ]
            subjects = [(p.start, p.name) for p in self.persons if p.start < pos and p.subject]
            anyone = [(p.start, p.name) for p in self.persons if p.start < pos]
            for pool in (said + subjects, anyone):
                if pool:
                    return Speaker("pronoun", max(pool)[1])
            return Speaker("pronoun", None)
        if low in PLURAL_PRONOUNS or low in THING_PRONOUNS:
            groups = [(p, s.name) for p, s in self.spoken if p < pos and s.type == "org" and s.name]
            groups += [o for o in self.orgs if o[0] < pos]
            if groups:
                return Speaker("pronoun", max(groups)[1])
        return Speaker("pronoun", None)

    def _role(self, phrase: Span, role: str) -> str | None:
        countries = _countries(phrase.text)
        fits = [
            p for p in self.persons if p.role == role and (not countries or countries & p.countries)
        ]
        before = [p for p in fits if p.start < phrase.start_char]
        if before:
            return max(before, key=_person_start).name
        return fits[0].name if fits else None


def _specific(phrase: Span) -> bool:
    """Whether a definite description names one office: a singular head qualified by a proper
    name ("the Pottawatomie County emergency manager", "the Lyon prefecture spokesman"), not a
    plural or a bare description ("the officials", "the spokesman")."""
    head = phrase.root
    if head.tag_ != "NN":
        return False
    return any(
        t.pos_ == "PROPN" and t.i < head.i and t.dep_ != "poss" and t.ent_type_ in _PLACE_OR_BODY
        for t in phrase
    )


def _possessor(ent: Span, phrase: Span) -> bool:
    """Whether ``ent`` only owns the phrase's head ("Reid's rep", "Trump's campaign"): the
    speaker is then the rep, not Reid."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    owns = ent.root.dep_ == "poss" or (after is not None and after.tag_ == "POS")
    return owns and not (ent.start <= phrase.root.i < ent.end)


def _person_start(p: _Person) -> int:
    return p.start


def _org_rank(ent: Span) -> tuple[int, int]:
    return (_ORG_LABELS.index(ent.label_), -len(ent.text))


def _outlet_name(name: str) -> str:
    low = name.lower()
    for suffix in OUTLET_SUFFIXES:
        if low.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)].strip()
    return name


def _bare_phrase(phrase: Span) -> str:
    """An organisation named by description: the phrase without its article."""
    words = list(phrase)
    if words and words[0].dep_ == "det":
        words = words[1:]
    if not words:
        return phrase.text
    return phrase.doc.text[words[0].idx : words[-1].idx + len(words[-1].text)]
