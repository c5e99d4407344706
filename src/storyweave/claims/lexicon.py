"""Word lists the claim slots rely on: stems, predicate synonyms and antonyms, hedges, units.

Small, hand-written tables: they name what a news sentence uses to state a fact
("help" = "assist"), to deny one ("refused to"), or to hedge a figure ("about").
"""

from __future__ import annotations

from importlib import resources
from typing import Final

# Suffixes stripped from a lemma so that "failure" meets "fail" and "priority" meets
# "prioritize"; the longest that leaves a stem of four letters or more wins.
_SUFFIXES: Final = (
    "ization",
    "isation",
    "ation",
    "ition",
    "ities",
    "ness",
    "ment",
    "ance",
    "ence",
    "ity",
    "ize",
    "ise",
    "ure",
    "ing",
    "ion",
    "ies",
    "ial",
    "al",
    "ed",
    "er",
    "es",
    "y",
    "s",
    "e",
)

STOP_LEMMAS: Final = frozenset(
    {
        "be",
        "have",
        "do",
        "say",
        "tell",
        "also",
        "other",
        "such",
        "more",
        "most",
        "many",
        "much",
        "some",
        "any",
        "all",
        "both",
        "each",
        "which",
        "who",
        "whom",
        "whose",
        "that",
        "this",
        "these",
        "those",
        "there",
        "here",
        "it",
        "its",
        "they",
        "them",
        "their",
        "he",
        "him",
        "his",
        "she",
        "her",
        "we",
        "our",
        "you",
        "your",
        "i",
        "me",
        "my",
        "one",
        "thing",
        "way",
        "time",
        "year",
        "day",
        "week",
        "month",
        "new",
        "own",
        "make",
        "take",
        "get",
        "give",
        "go",
        "come",
        "include",
        "including",
        "well",
        "just",
        "even",
        "still",
        "very",
        "so",
    }
)

# Verbs that state their complement as false: "refused to help" = not "help".
NEGATIVE_IMPLICATIVES: Final = frozenset(
    {"refuse", "decline", "fail", "deny", "reject", "cancel", "abandon", "halt", "stop"}
)

PREVENTIVES: Final = frozenset({"escape", "avoid", "prevent", "avert", "spare", "dodge", "evade"})
"""Verbs whose object names what did not happen: "escaped damage" = was not damaged."""

PERCEPTION: Final = frozenset(
    {"see", "watch", "witness", "observe", "notice", "spot", "hear", "film", "photograph"}
)
"""Verbs of perception: "Our reporter saw farmers burn tyres" reports what was seen, a claim of
the clause it takes ("farmers burn tyres"), made by the article that reports it (English
grammar, not fitted)."""

LANDMARK_WORDS: Final = frozenset(
    {
        "square", "place", "plaza", "piazza", "platz", "plein", "plac", "rue", "street",
        "avenue", "boulevard", "road", "bridge", "quay", "gate", "park", "garden", "gardens",
        "station", "terminal", "airport", "port", "harbour", "harbor", "pier", "market",
        "parliament", "palace", "hall", "house", "tower", "building", "headquarters",
        "ministry", "embassy", "consulate", "court", "courthouse", "cathedral", "church",
        "mosque", "temple", "synagogue", "museum", "stadium", "arena", "university",
        "hospital", "school", "monument", "memorial", "castle", "fort", "mall", "centre",
        "center", "theatre", "theater", "library", "prison", "barracks", "base",
    }
)  # fmt: skip
"""Words that make a name a landmark one can stand near ("Place du Luxembourg", "the European
Parliament", "Union Station"), not a town (a general list of street and building words in the
languages news names them in; not fitted)."""

NEGATORS: Final = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})


def _lines(name: str) -> list[list[str]]:
    """The rows of a word list in ``storyweave/data`` (``#`` starts a comment line)."""
    text = resources.files("storyweave").joinpath(f"data/{name}").read_text("utf-8")
    rows = (line.split() for line in text.splitlines() if not line.startswith("#"))
    return [row for row in rows if row]


# Predicates that state the same thing, grouped; the first is the group's key
# (data/claims_synonyms.txt).
_SYNONYMS: Final = tuple(tuple(row) for row in _lines("claims_synonyms.txt"))

# Predicates that deny each other when everything else is the same (data/claims_antonyms.txt).
ANTONYMS: Final = tuple((row[0], row[1]) for row in _lines("claims_antonyms.txt"))

PERSON_NOUNS: Final = frozenset(row[0] for row in _lines("claims_person_nouns.txt"))
PEOPLE_CONTRASTS: Final = frozenset(
    frozenset((a, b)) for row in _lines("claims_people_contrasts.txt") for a in row for b in row
    if a != b
)  # fmt: skip
"""Pairs of people nouns that count different people ("soldier" / "civilian"): figures of them
are never compared (data/claims_people_contrasts.txt)."""
"""Nouns that count people (data/claims_person_nouns.txt): "35 fans" and "60 people" count the
same thing."""

MODALITY: Final = {
    row[1]: "hedged" if row[0] == "desire" else row[0] for row in _lines("claims_modality.txt")
}
"""Lemma -> the modality it gives a claim: "hedged", "denied" or "conditional"
(data/claims_modality.txt)."""
DESIRES: Final = frozenset(row[1] for row in _lines("claims_modality.txt") if row[0] == "desire")
"""Verbs that hedge their object as well as their clause: "seeks help", "plans a vote"."""

MEASURE_NOUNS: Final = {
    row[0]: (row[1] if row[1] != "-" else None) for row in _lines("claims_measure_nouns.txt")
}
"""Nouns that hold a running figure ("the death toll rose to 15"), with what the figure counts
when the noun names it (data/claims_measure_nouns.txt)."""

# Hedges before a figure and the tolerance they imply.
ABOUT: Final = frozenset(
    {"about", "around", "roughly", "approximately", "some", "estimated", "nearly", "almost"}
)
AT_LEAST: Final = frozenset({"least", "over", "more", "above", "beyond", "upward", "upwards"})
AT_MOST: Final = frozenset({"most", "under", "less", "fewer", "below"})
"""Words of a bound before a figure. "than" and "up" take their direction from the word they go
with: "more than" / "fewer than", "no more than", "up to" (not "picked up 12")."""

# Units of measure: alias -> (canonical unit, factor to it).
UNITS: Final[dict[str, tuple[str, float]]] = {
    "km": ("km", 1.0),
    "kilometer": ("km", 1.0),
    "kilometre": ("km", 1.0),
    "mile": ("km", 1.609344),
    "m": ("km", 0.001),
    "meter": ("km", 0.001),
    "metre": ("km", 0.001),
    "kg": ("kg", 1.0),
    "kilogram": ("kg", 1.0),
    "ton": ("kg", 1000.0),
    "tonne": ("kg", 1000.0),
    "pound": ("kg", 0.45359237),
    "euro": ("EUR", 1.0),
    "dollar": ("USD", 1.0),
    "sterling": ("GBP", 1.0),
    "yen": ("JPY", 1.0),
    "percent": ("%", 1.0),
    "%": ("%", 1.0),
    "per cent": ("%", 1.0),
    "people": ("person", 1.0),
}

CURRENCY_SIGNS: Final = {"£": "GBP", "$": "USD", "€": "EUR", "¥": "JPY", "US$": "USD"}
"""Signs written before a sum ("£2.9 million", "€35m")."""
SIGN_SCALES: Final = {"m": 1e6, "mn": 1e6, "bn": 1e9, "k": 1e3, "b": 1e9}
"""Short scales after a signed sum: "€35m", "$2bn"."""

MEASURES: Final = frozenset([*(unit for unit, _ in UNITS.values()), *CURRENCY_SIGNS.values()]) - {
    "person"
}
"""Canonical units of measures and sums ("km", "kg", "%", "EUR" ...): a figure in one is a
measure, not a count."""

SCALES: Final[dict[str, float]] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "mln": 1e6,
    "bn": 1e9,
}

# Verbs that announce a new value of a running figure: "the toll rose to 25".
UPDATE_VERBS: Final = frozenset({"rise", "climb", "increase", "grow", "jump", "reach", "update"})


def stem(lemma: str) -> str:
    """A crude stem of a lowercase lemma: "failure" -> "fail", "launching" -> "launch"."""
    word = lemma.casefold()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _synonym_index() -> dict[str, str]:
    out: dict[str, str] = {}
    for group in _SYNONYMS:
        for word in group:
            out.setdefault(stem(word), stem(group[0]))
    return out


_SYNONYM_OF: Final = _synonym_index()
_ANTONYM_PAIRS: Final = frozenset(frozenset((stem(a), stem(b))) for a, b in ANTONYMS) | frozenset(
    frozenset((stem(b), stem(a))) for a, b in ANTONYMS
)


def _antonym_keys() -> frozenset[frozenset[str]]:
    return frozenset(
        frozenset((predicate_key(stem(a)), predicate_key(stem(b)))) for a, b in ANTONYMS
    )


def predicate_key(word_stem: str) -> str:
    """The synonym group a predicate stem belongs to (itself when it has none)."""
    return _SYNONYM_OF.get(word_stem, word_stem)


_ANTONYM_KEYS: Final = _antonym_keys()


def antonyms(a: str, b: str) -> bool:
    """True when the two predicate stems (or their synonym groups) deny each other ("win" /
    "lose", "beat" / "lose")."""
    pair = frozenset((a, b))
    return pair in _ANTONYM_PAIRS or frozenset(map(predicate_key, pair)) in _ANTONYM_KEYS
