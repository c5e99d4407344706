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

from .cues import apply_cues, drop_capitalised_words, extend_demonyms
from .gazetteer import gazetteer
from .names import TITLES, fold, joined, name_head, org_key_tokens, person_key_tokens, words
from .products import find_products, product_lines
from .repeats import repeat_names
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
# Quote marks and brackets glued to the front of a span ("“American Pie", "(EADS").
_LEADING_JUNK = re.compile(r"[\s\"“”‘’'(\[]+")
# An opening bracket left unclosed at the end of a span: "Software Development Kit (SDK".
_UNCLOSED_BRACKET = re.compile(r"\s*[(\[][^)\]]*$")
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
        "airlines",
        "airways",
        "aircraft",
        "aerospace",
        "motors",
        "industries",
        "technologies",
        "electronics",
        "pharmaceuticals",
        "records",
        "studios",
        "pictures",
        "entertainment",
        "networks",
        "communications",
        "holdings",
        "laboratories",
        "recovery",
        "rehabilitation",
    }
)
_ORG_OR_FAC_WORDS |= _INSTITUTION_HEADS
# Classes of the per-article vote: the coarse types, and the finer labels on their own.
_COARSE = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "PRODUCT": "PRODUCT",
    "WORK_OF_ART": "WORK_OF_ART",
    "EVENT": "EVENT",
    "LAW": "LAW",
}
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
    junk = _LEADING_JUNK.match(text, start, end)
    if junk is not None:
        start = junk.end()
    unclosed = _UNCLOSED_BRACKET.search(text, start, end)
    if unclosed is not None and unclosed.start() > start:
        end = unclosed.start()
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
    junk = _LEADING_JUNK.match(text, start, end)  # "The “ Mean Girls" -> "Mean Girls"
    if junk is not None:
        start = junk.end()
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


_PLACE_PREPOSITION = re.compile(
    r"(?:\b(?:at|in|into|to|from|of|leaving|entering|left|entered)\s+)$"
)


def _short_institutions(text: str, mentions: list[Mention]) -> list[Mention]:
    """A PERSON that is the start of a longer organisation or building named in the
    article is that place: "Morningside" next to "Morningside Recovery" (a one-word name
    that is no given name and no part of a person's full name), "at Betty Ford" next to
    "the Betty Ford Center" (after a preposition of place)."""
    parts = _name_parts(text, mentions)
    longer = [
        (m.span.text_in(text).split(), m.label)
        for m in mentions
        if m.label in {"ORG", "FAC"} and len(m.span.text_in(text).split()) >= 2
    ]
    out: list[Mention] = []
    for m in mentions:
        surface = m.span.text_in(text)
        tokens = surface.split()
        if m.label == "PERSON" and tokens:
            labels = {
                lab
                for toks, lab in longer
                if len(toks) > len(tokens) and toks[: len(tokens)] == tokens
            }
            single = (
                len(tokens) == 1
                and fold(tokens[0]) not in given_names()
                and joined(person_key_tokens(surface)) not in parts
            )
            at_place = bool(
                _PLACE_PREPOSITION.search(text[max(0, m.span.start - 12) : m.span.start])
            )
            if len(labels) == 1 and (single or at_place):
                m = Mention(m.span, labels.pop(), m.entity_id)
        out.append(m)
    return out


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


# Title words that also modify institutions ("Foreign Ministry", "Deputy Director").
_TITLE_ADJECTIVES = frozenset(
    {"foreign", "defense", "defence", "former", "late", "deputy", "vice", "prime", "supreme"}
    | {"general", "chief", "elect", "star", "host", "leader", "officer", "director", "agent"}
)


def _without_title(text: str, m: Mention) -> Mention:
    """A leading title that made spaCy call a person something else is dropped:
    "Spokeswoman Sandy Angers" (ORG) -> "Sandy Angers" (PERSON)."""
    surface = m.span.text_in(text)
    first, _, rest = surface.partition(" ")
    if m.label == "PERSON" or not rest or fold(first).rstrip(".") not in TITLES:
        return m
    rest_words = words(rest)
    if not _looks_personal(rest) and (
        len(rest_words) not in (2, 3)
        or not all(w[:1].isupper() for w in rest_words)
        or any(fold(w).rstrip(".") in _ORG_OR_FAC_WORDS for w in rest_words)
        or fold(first).rstrip(".") in _TITLE_ADJECTIVES
    ):
        return m
    if gazetteer().lookup(rest) is not None or is_news_source(rest):
        return m
    return Mention(Span(m.span.end - len(rest), m.span.end), "PERSON", m.entity_id)


def repair_mentions(
    text: str, mentions: Sequence[Mention], doc: Any = None, *, outlet: str | None = None
) -> tuple[Mention, ...]:
    """Trim mention spans and repair their labels.

    Args:
        text: the article's text (mention spans index it).
        mentions: spaCy's mentions.
        doc: the spaCy ``Doc`` of the article body, if available (its character
            offsets equal the text's); it lets a leading gerund ("Quoting") be trimmed
            and tells a company that acts ("Boeing said") from a product.
        outlet: the article's outlet from its metadata; a mention of it is an ORG.

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
        m = _without_title(text, Mention(Span(start, end), m.label, m.entity_id))
        trimmed.setdefault((m.span.start, m.span.end), m)
    spans = extend_demonyms(text, [trimmed[k] for k in sorted(trimmed)])
    found = repeat_names(text, drop_capitalised_words(text, find_products(text, spans)))
    labelled = repair_labels(text, found)
    lines = product_lines(text, labelled, doc)
    return tuple(_outlet_is_org(text, lines, outlet))


def _outlet_is_org(text: str, mentions: Sequence[Mention], outlet: str | None) -> list[Mention]:
    if not outlet:
        return list(mentions)
    key = joined(org_key_tokens(outlet))
    return [
        Mention(m.span, "ORG", m.entity_id)
        if joined(org_key_tokens(m.span.text_in(text))) == key
        else m
        for m in mentions
    ]


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
    second = [
        Mention(m.span, _relabel(m.span.text_in(text), m.label, parts), m.entity_id) for m in voted
    ]
    return tuple(apply_cues(text, _short_institutions(text, second)))
