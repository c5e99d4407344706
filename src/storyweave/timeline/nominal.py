"""Nominal events: nouns that name an event ("the invasion", "the talks", "a vote").

A noun is eventive when it is derived from a verb: a nominalising suffix whose stem is a
verb of the WordNet verb index that the spaCy model's lemmatizer ships
(``lemma_index["verb"]``): "invasion" (invade), "announcement" (announce), "arrival"
(arrive), "closure" (close), "meeting" (meet). A noun that is itself
a verb ("attack", "vote", "talks") is only *convertible*: that alone does not make an event
of it ("a house", "the budget" are verbs too), but it matches a verb's event by lemma (an
anchor: "after the vote" and "voted on Monday").

:func:`event_key` gives the verb lemma a noun or verb event is filed under, so that "the
meeting" and "met" share one key.

DOCS: docs/stages/timeline.md
"""

from __future__ import annotations

import functools
from typing import Any, Final

SUFFIXES: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("ization", ("ize",)),
    ("isation", ("ise", "ize")),
    ("ication", ("y",)),
    ("ation", ("ate", "e", "")),
    ("ition", ("ite", "")),
    ("ption", ("be", "ve")),
    ("ssion", ("t", "d", "ss")),
    ("sion", ("de", "d", "se", "")),
    ("tion", ("te", "t", "")),
    ("ion", ("e", "")),
    ("ment", ("",)),
    ("ance", ("", "e")),
    ("ence", ("", "e")),
    ("ure", ("", "e")),
    ("ial", ("y",)),
    ("al", ("", "e")),
    ("ing", ("", "e")),
)
"""Nominalising suffixes of English and the verb endings they replace (grammar, not tuned):
"invasion" = "inva" + "de", "arrival" = "arriv" + "e", "trial" = "tr" + "y"."""
MIN_STEM: Final = 3
"""A stem shorter than this is no verb ("ring" is not "r" + "ing")."""
NOT_EVENTS: Final = frozenset(
    {"building", "thing", "morning", "evening", "ceiling", "clothing", "housing", "earnings",
     "government", "department", "apartment", "equipment", "instrument", "document",
     "material", "official", "animal", "capital", "general", "individual", "editorial",
     "evidence", "audience", "science", "finance", "insurance", "nature", "future",
     "century", "country", "industry", "company", "party", "city", "family", "story",
     "history", "army", "ministry", "economy", "policy", "energy", "territory"}
)  # fmt: skip
"""Nouns whose suffix is no nominalisation of the event sense (a place, a thing, a body, a
span of time): grammar and general English, not drawn from any evaluation case."""


@functools.lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    """The WordNet verb lemmas the English model's lemmatizer carries (empty without one)."""
    try:
        from ..nlp.models import load_nlp

        table = load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
        return frozenset(str(v) for v in table["verb"])
    except (KeyError, OSError, ValueError, ImportError):  # pragma: no cover - model absent
        return frozenset()


def is_verb(lemma: str) -> bool:
    return lemma in _verbs()


@functools.lru_cache(maxsize=8192)
def deverbal(lemma: str) -> str | None:
    """The verb a noun is derived from by a nominalising suffix ("invasion" -> "invade"),
    or None ("village", "ceremony")."""
    word = lemma.lower()
    if word in NOT_EVENTS or not word.isalpha():
        return None
    for suffix, endings in SUFFIXES:
        if not word.endswith(suffix) or len(word) - len(suffix) < MIN_STEM:
            continue
        stem = word[: -len(suffix)]
        for ending in endings:
            for base in _stems(stem + ending):
                if base != word and is_verb(base):
                    return base
    return None


def _stems(word: str) -> tuple[str, ...]:
    """The word and, for a doubled final consonant, the word without it ("cancell")."""
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        return word, word[:-1]
    if len(word) > 3 and word.endswith("ll"):
        return word, word[:-1]
    return (word,)


def eventive(tok: Any) -> bool:
    """A common noun derived from a verb ("the invasion", "a meeting")."""
    if tok.pos_ != "NOUN":
        return False
    return deverbal(tok.lemma_.lower()) is not None or _hyphen_event(tok)


def _hyphen_event(tok: Any) -> bool:
    """A hyphenated noun whose first part is a verb ("cease-fire", "walk-out")."""
    text = tok.lower_
    if "-" not in text:
        return False
    first = text.split("-")[0]
    return is_verb(first) and len(first) >= MIN_STEM


def event_key(tok: Any) -> str:
    """The verb lemma an event is filed under: a verb's own lemma, a derived noun's verb
    ("meeting" -> "meet"), else the noun's lemma ("talks" -> "talk")."""
    lemma = str(tok.lemma_).lower()
    if tok.pos_ in {"VERB", "AUX"}:
        return lemma
    return deverbal(lemma) or lemma


NOUN_DATE_DEPS: Final = frozenset({"compound", "poss", "amod", "nmod", "npadvmod", "nummod"})
"""A time expression inside a noun's own phrase: "the 1990 invasion", "Tuesday's vote"."""
CONVERTIBLE_IN_PHRASE: Final = True
"""A convertible noun ("vote", "crash") is an event when the date is inside its own phrase
("Tuesday's vote", "the 1987 crash"), not through a prepositional phrase ("a vote in May"
may date the verb). Fixed on TimeBank (train): docs/stages/timeline.md."""


def dated_noun(root: Any, bound: frozenset[str]) -> Any | None:
    """The event noun a time expression whose phrase root is ``root`` modifies directly, or
    None: a derived noun the expression sits in ("the August 1988 cease-fire", "his capture
    on March 26") or a convertible one with the date in its own phrase ("Tuesday's vote").
    A preposition in ``bound`` ("after the 1990 invasion": after) gives no noun."""
    head = root.head
    if root.dep_ in NOUN_DATE_DEPS and head.i != root.i:
        inside = True
    elif root.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ not in bound:
        head, inside = head.head, False
    else:
        return None
    if head.pos_ != "NOUN" or head.i == root.i:
        return None
    if eventive(head):
        return head
    if inside and CONVERTIBLE_IN_PHRASE and is_verb(head.lemma_.lower()):
        return head
    return None


def word_start(tok: Any) -> Any:
    """The first token of a hyphenated word the token ends ("cease-fire": cease)."""
    doc, i = tok.doc, tok.i
    while (
        i >= 2
        and doc[i - 1].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
        and doc[i - 2].is_alpha
    ):
        i -= 2
    return doc[i]
