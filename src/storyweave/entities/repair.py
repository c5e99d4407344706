"""Span and type repair for spaCy's entity mentions.

spaCy's small model makes a few kinds of mistake again and again in news text:

- a span swallows a neighbour word: "Quoting An Chan-il", "Citing Kremlin", "the
  Vostochny Cosmodrome", "AFP news agency", "North Korea's";
- a portfolio is tagged as an organisation: "Defense" in "Defense Minister Sergei Shoigu";
- a type is wrong: "Vladivostok" and "Amur" as PERSON, "Yury Gagarin" as FAC, a bare
  "Kim" as ORG next to "Kim Jong Un" as PERSON.

:func:`repair_mentions` trims the spans, drops the portfolios and repairs the labels
with the built-in gazetteer, the news-source list and a vote across all mentions
of the same name in the article.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from importlib import resources
from typing import Any

from storyweave.model import Mention, Span

from .gazetteer import gazetteer
from .names import fold, joined, name_head, org_key_tokens, person_key_tokens, words
from .sources import is_news_source

# Words that spaCy glues to the front of a name: reporting verbs, "the", prepositions.
LEADING_WORDS = frozenset(
    {
        "the",
        "quoting",
        "citing",
        "according",
        "to",
        "said",
        "says",
        "told",
        "asked",
        "thanked",
        "welcomed",
        "met",
        "meanwhile",
        "however",
        "but",
        "and",
        "as",
        "when",
        "after",
        "before",
        "while",
        "under",
        "at",
        "in",
        "on",
        "by",
        "with",
        "from",
        "for",
        "dear",
        "mr",
        "mrs",
        "ms",
        "yesterday",
        "today",
        "also",
        "then",
        "since",
        "if",
    }
)
_TRAILING_DESCRIPTOR = re.compile(
    r"\s+(?:news\s+agency|agency|newspaper|news\s+service|wire\s+service)$"
)
# A descriptor before an outlet's name: "the Russian news agency TASS" -> "TASS".
_LEADING_DESCRIPTOR = re.compile(
    r"(?:[Tt]he\s+)?(?:[A-Z][\w-]*\s+)*(?:state\s+|official\s+)?"
    r"(?:news\s+agency|agency|newspaper|daily|broadcaster|news\s+service|wire\s+service)\s+"
    r"(?=[A-Z])"
)
_TRAILING_JUNK = re.compile(r"(?:\s*(?:['’]s|['’])|[\s\-–—,:;\"“”‘]+)$")
_PORTFOLIO_AFTER = re.compile(r"^\s+(?:Minister|Secretary|minister|secretary)\b")
_ORG_OR_FAC_WORDS = frozenset(
    {
        "airport",
        "cosmodrome",
        "center",
        "centre",
        "institute",
        "university",
        "college",
        "school",
        "hospital",
        "street",
        "avenue",
        "road",
        "bridge",
        "station",
        "square",
        "park",
        "stadium",
        "arena",
        "hall",
        "tower",
        "building",
        "palace",
        "museum",
        "church",
        "cathedral",
        "mosque",
        "temple",
        "company",
        "corporation",
        "inc",
        "corp",
        "ltd",
        "bank",
        "ministry",
        "agency",
        "council",
        "committee",
        "party",
        "army",
        "forces",
        "department",
        "office",
        "court",
        "union",
        "association",
        "foundation",
        "club",
        "team",
        "hotel",
        "port",
        "base",
        "prison",
        "river",
        "lake",
        "mountain",
        "island",
        "sea",
    }
)
# Head words that make a name an institution or a building, never a person
# ("Betty Ford Center" as PERSON); surnames such as Hall, Park or Church are left out.
_INSTITUTION_HEADS = frozenset(
    {
        "airport",
        "cosmodrome",
        "center",
        "centre",
        "clinic",
        "institute",
        "university",
        "college",
        "school",
        "hospital",
        "station",
        "stadium",
        "arena",
        "museum",
        "cathedral",
        "mosque",
        "ministry",
        "agency",
        "council",
        "committee",
        "department",
        "office",
        "court",
        "association",
        "foundation",
        "hotel",
        "prison",
        "company",
        "corporation",
        "inc",
        "corp",
        "ltd",
    }
)
_COARSE = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
_PLACE_REPAIRABLE = frozenset({"PERSON", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "NORP"})
_PERSON_REPAIRABLE = frozenset({"FAC", "GPE", "LOC", "ORG", "PRODUCT", "WORK_OF_ART", "NORP"})


@functools.lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The built-in list of common given names (folded)."""
    text = resources.files("storyweave").joinpath("data/given_names.txt").read_text("utf-8")
    return frozenset(
        fold(line.strip()) for line in text.splitlines() if line.strip() and line[0] != "#"
    )


def _token_start(doc: Any, char: int) -> Any:
    if doc is None:
        return None
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return None if span is None or len(span) == 0 else span[0]


def trim_span(text: str, start: int, end: int, *, doc: Any = None) -> tuple[int, int]:
    """Trim a mention span ``[start, end)`` of ``text`` (see the module docstring).

    Returns the trimmed span; it is empty (start == end) when nothing is left.
    """
    descriptor = _LEADING_DESCRIPTOR.match(text, start, end)
    if descriptor is not None and descriptor.end() < end:
        start = descriptor.end()
    surface = text[start:end]
    if gazetteer().lookup(surface) is not None or is_news_source(surface):
        keep_the = surface.split(" ", 1)[0] in {"The", "the"} and len(surface.split()) > 1
        if keep_the and gazetteer().lookup(surface.split(" ", 1)[1]) is None:
            return start, end
    while True:
        match = re.match(r"(\S+)\s+", text[start:end])
        if match is None:
            break
        word = match.group(1)
        token = _token_start(doc, start)
        gerund = token is not None and token.tag_ == "VBG" and word[:1].isupper()
        if fold(word).rstrip(".,") not in LEADING_WORDS and not gerund:
            break
        start += match.end()
    while end > start:
        tail = text[start:end]
        match = _TRAILING_JUNK.search(tail) or _TRAILING_DESCRIPTOR.search(tail)
        if match is None or match.start() == 0:
            break
        end = start + match.start()
    return start, end


def _is_portfolio(text: str, mention: Mention) -> bool:
    return mention.label == "ORG" and bool(_PORTFOLIO_AFTER.match(text[mention.span.end :]))


def _looks_personal(surface: str) -> bool:
    parts = words(surface)
    if not 2 <= len(parts) <= 3 or not all(p[:1].isupper() for p in parts):
        return False
    if any(fold(p) in _ORG_OR_FAC_WORDS for p in parts):
        return False
    return fold(parts[0]) in given_names()


def _relabel(surface: str, label: str, name_parts: Collection[str] = ()) -> str:
    """The repaired label of one mention; ``name_parts`` are the first and last key
    tokens of the article's full personal names, so a PERSON "Houston" next to
    "Whitney Houston" is not turned into the city."""
    if is_news_source(surface):
        return "ORG"
    place = gazetteer().lookup(surface)
    if place is not None:
        if label == "PERSON" and joined(person_key_tokens(surface)) in name_parts:
            return label
        return place.label if label in _PLACE_REPAIRABLE else label
    if label in _PERSON_REPAIRABLE and _looks_personal(surface):
        return "PERSON"
    if label == "PERSON" and fold(name_head(surface)).rstrip(".") in _INSTITUTION_HEADS:
        return "ORG"
    return label


def _vote(text: str, mentions: list[Mention]) -> list[Mention]:
    """Give every mention of one name the majority label among them."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        if m.label in _COARSE:
            groups[joined(org_key_tokens(m.span.text_in(text)))].append(i)
    out = list(mentions)
    for members in groups.values():
        counts = Counter(_COARSE[mentions[i].label] for i in members)
        (top, n), *rest = counts.most_common()
        if not rest or n * 2 <= len(members) or rest[0][1] == n:
            continue
        fine = Counter(mentions[i].label for i in members if _COARSE[mentions[i].label] == top)
        label = fine.most_common(1)[0][0]
        for i in members:
            surface = mentions[i].span.text_in(text)
            if _COARSE[mentions[i].label] != top and gazetteer().lookup(surface) is None:
                out[i] = Mention(mentions[i].span, label, mentions[i].entity_id)
    return out


def _name_parts(text: str, mentions: Sequence[Mention]) -> set[str]:
    """The first and last key tokens of every full personal name among ``mentions``."""
    parts: set[str] = set()
    for m in mentions:
        if m.label == "PERSON":
            key = person_key_tokens(m.span.text_in(text))
            if len(key) >= 2:
                parts.update((key[0], key[-1]))
    return parts


def _surnames_are_people(text: str, mentions: list[Mention]) -> list[Mention]:
    """A one-word mention that is part of a person's full name in the article is a PERSON."""
    parts = _name_parts(text, mentions)
    out: list[Mention] = []
    for m in mentions:
        surface = m.span.text_in(text)
        key = person_key_tokens(surface)
        if (
            m.label in _PERSON_REPAIRABLE
            and len(key) == 1
            and key[0] in parts
            and gazetteer().lookup(surface) is None
            and not is_news_source(surface)
        ):
            m = Mention(m.span, "PERSON", m.entity_id)
        out.append(m)
    return out


def repair_mentions(text: str, mentions: Sequence[Mention], doc: Any = None) -> tuple[Mention, ...]:
    """Trim mention spans and repair their labels.

    Args:
        text: the article's text (mention spans index it).
        mentions: spaCy's mentions.
        doc: the spaCy ``Doc`` of the article body, if available (its character
            offsets equal the text's); it lets a leading gerund ("Quoting") be trimmed.

    Returns:
        The repaired mentions, sorted by position, without duplicates or empty spans.
    """
    trimmed: dict[tuple[int, int], Mention] = {}
    for m in mentions:
        if _is_portfolio(text, m):
            continue
        start, end = trim_span(text, m.span.start, m.span.end, doc=doc)
        if start >= end:
            continue
        trimmed.setdefault((start, end), Mention(Span(start, end), m.label, m.entity_id))
    return repair_labels(text, [trimmed[k] for k in sorted(trimmed)])


# A disease names its pandemic: "COVID-19 pandemic", "Ebola outbreak" (spaCy: ORG).
_DISEASE_AFTER = re.compile(r"\s+(?:pandemic|epidemic|outbreak|virus|infections?|variant)\b")


def _is_disease(text: str, m: Mention) -> bool:
    surface = m.span.text_in(text)
    return (
        m.label in {"ORG", "PRODUCT", "PERSON"}
        and bool(_DISEASE_AFTER.match(text, m.span.end))
        and gazetteer().lookup(surface) is None
        and not is_news_source(surface)
    )


def repair_labels(text: str, mentions: Sequence[Mention]) -> tuple[Mention, ...]:
    """Repair the labels of ``mentions`` without touching their spans.

    Uses the gazetteer, the news-source list, the given-name list and a vote across
    the mentions of one name in the article (see the module docstring).
    """
    parts = _name_parts(text, mentions)
    mentions = [
        Mention(m.span, "EVENT", m.entity_id) if _is_disease(text, m) else m for m in mentions
    ]
    first = [
        Mention(m.span, _relabel(m.span.text_in(text), m.label, parts), m.entity_id)
        for m in mentions
    ]
    voted = _surnames_are_people(text, _vote(text, first))
    return tuple(
        Mention(m.span, _relabel(m.span.text_in(text), m.label, parts), m.entity_id) for m in voted
    )
