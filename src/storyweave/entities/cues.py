"""Type cues from the words around a name: what the sentence says the name is.

- A noun that introduces a name gives its class: "the film X", "her new album, X",
  "a clothing line called X", "a company named X", "a town called X".
- Some words after a name say the name is a work: "the X star", "the X franchise",
  "trailers for X", "a starring role in X"; a name in quote marks is a title too
  (unless a brand word follows: "the “Apple” brand").
- A one-word name before "night", "ceremony", "nomination", "winner" is an event
  ("Oscar night").
- A company's possessions after a name ("X's chief executive", "X Inc.") make it an
  organisation, whatever spaCy said.
- A one-word name at the start of a sentence that the article also writes in lower case
  ("Rehab has been calling", "... in rehab") is a capitalised common word, not a name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from storyweave.model import Mention, Span

from .gazetteer import gazetteer
from .names import TITLES, fold, words
from .products import COMPANY_AFTER
from .sources import is_news_source

# A class noun -> the label of a name it introduces.
_CLASS_NOUNS: dict[str, str] = {
    **dict.fromkeys(
        [
            "film",
            "movie",
            "documentary",
            "show",
            "series",
            "sitcom",
            "programme",
            "album",
            "song",
            "single",
            "record",
            "book",
            "novel",
            "memoir",
            "play",
            "musical",
            "opera",
            "painting",
            "poem",
            "franchise",
            "video",
        ],
        "WORK_OF_ART",
    ),
    **dict.fromkeys(
        [
            "line",
            "brand",
            "label",
            "collection",
            "range",
            "product",
            "device",
            "phone",
            "smartphone",
            "app",
            "application",
            "software",
            "game",
            "console",
            "drug",
            "car",
            "perfume",
            "fragrance",
        ],
        "PRODUCT",
    ),
    **dict.fromkeys(
        [
            "company",
            "firm",
            "startup",
            "start-up",
            "business",
            "band",
            "group",
            "charity",
            "chain",
            "studio",
            "airline",
            "carrier",
            "manufacturer",
            "maker",
            "retailer",
            "bank",
            "agency",
            "organisation",
            "organization",
        ],
        "ORG",
    ),
    **dict.fromkeys(
        ["town", "village", "city", "district", "suburb", "island", "region", "province"], "GPE"
    ),
}
# "the film X", "a clothing line called X", "her album, X" (the class noun right before).
_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|his|her|their|its|our|my|your|this|that|new|hit|latest|debut|upcoming|"
    r"[A-Za-z]+['’]s)\s+(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z][a-z-]+)"
    r"(?:\s+(?:called|named|titled|entitled))?\s*,?"
    r"|\b(?P<appos>[a-z][a-z-]+)\s*,)"  # "low-cost airline, Ryanair,"
    r"\s*[\"“‘']?\s*$"
)
# After a work's title: "the X trailer", "the X sequel"; "star" and "franchise" also
# follow teams ("the Lakers star"), so they count only after a name spaCy took for a person.
_WORK_AFTER = re.compile(
    r"[\"”’']?\s*(?:trailers?|sequel|prequel|soundtrack|premiere|box[ -]office)\b"
)
_STAR_AFTER = re.compile(r"[\"”’']?\s*(?:star|co-star|franchise|cast)\b")
# A work's class noun right after its title: "the new Terminator movie".
_WORK_NOUN_AFTER = re.compile(
    r"[\"”’']?\s*(?:movie|film|album|song|single|novel|sitcom|series|musical|documentary)s?\b"
)
_WORK_BEFORE = re.compile(
    r"\b(?:trailers?\s+for|sequel\s+to|starred\s+in|starring\s+role\s+in|role\s+in|star\s+of|"
    r"cast\s+of|premiere\s+of)\s+(?:the\s+)?[\"“‘']?\s*$"
)
_EVENT_AFTER = re.compile(
    r"s?\s+(?:night|ceremony|ceremonies|nominations?|nominees?|winners?|telecast|gala)\b"
)
_BRAND_AFTER = re.compile(r"[\"”’']?\s*(?:brand|name|trademark|logo|label)\b")
_OPEN_QUOTES = "\"“‘'"
_CLOSE_QUOTES = "\"”’'"
# Labels these cues may overrule; places the gazetteer knows and news sources stay.
_REPAIRABLE = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}
)


def _quoted(text: str, m: Mention) -> bool:
    before = text[max(0, m.span.start - 2) : m.span.start].rstrip()
    after = text[m.span.end : m.span.end + 2].lstrip()
    return (
        bool(before)
        and before[-1] in _OPEN_QUOTES
        and bool(after)
        and after[0] in _CLOSE_QUOTES
        and not (before[-1] == "'" and after[0] != "'")
    )


def _pinned(surface: str) -> bool:
    return gazetteer().lookup(surface) is not None or is_news_source(surface)


def cue_label(text: str, m: Mention) -> str | None:
    """The label the words around mention ``m`` give it, or None when they say nothing."""
    surface = m.span.text_in(text)
    if m.label not in _REPAIRABLE or _pinned(surface):
        return None
    left = text[max(0, m.span.start - 40) : m.span.start]
    found = _BEFORE.search(left)
    noun = None if found is None else found.group("noun") or found.group("appos")
    if noun in _CLASS_NOUNS:
        return _CLASS_NOUNS[noun]
    if (
        _WORK_BEFORE.search(left)
        or _WORK_AFTER.match(text, m.span.end)
        or (m.label in {"PERSON", "NORP"} and _STAR_AFTER.match(text, m.span.end))
        or (_WORK_NOUN_AFTER.match(text, m.span.end) and not _starts_with_given_name(surface))
    ):
        return "WORK_OF_ART"
    if len(words(surface)) == 1 and m.label == "PERSON" and _EVENT_AFTER.match(text, m.span.end):
        return "EVENT"
    if _quoted(text, m) and not _BRAND_AFTER.match(text, m.span.end):
        return "WORK_OF_ART"
    if m.label == "PERSON" and COMPANY_AFTER.match(text, m.span.end):
        return "ORG"
    if m.label == "PERSON" and _is_group(text, m):
        return "ORG"
    return None


def _starts_with_given_name(surface: str) -> bool:
    """ "a Spielberg movie" names its director, "a Steven Spielberg movie" too."""
    from .repair import given_names  # the list lives with the other name repairs

    parts = words(surface)
    return bool(parts) and fold(parts[0]) in given_names()


def extend_demonyms(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """A demonym right before capitalised words that no mention covers starts a longer
    name: "the American Pie star" (spaCy: NORP "American"). Titles stay outside
    ("Russian President Vladimir Putin")."""
    starts = {m.span.start for m in mentions}
    out: list[Mention] = []
    for m in mentions:
        if m.label == "NORP":
            found = _CAPITALISED_RUN.match(text, m.span.end)
            if found is not None and not starts & set(range(m.span.end, found.end() + 1)):
                first = fold(found.group(1)).rstrip(".")
                if first not in TITLES and first not in _NOT_NAME_WORDS:
                    m = Mention(Span(m.span.start, found.end()), m.label, m.entity_id)
        out.append(m)
    return out


_CAPITALISED_RUN = re.compile(r" ([A-Z][a-z]+)(?: [A-Z][a-z]+){0,2}(?![\w-])")
# Capitalised words after a demonym that are no part of a name.
_NOT_NAME_WORDS = frozenset({"and", "or", "but", "the", "a", "an", "i"})


def _is_group(text: str, m: Mention) -> bool:
    """ "the Beatles", "the Lakers": a plural name after "the" names a group, not a person."""
    surface = m.span.text_in(text)
    last = surface.split()[-1] if surface.split() else ""
    before = text[max(0, m.span.start - 4) : m.span.start]
    return (
        len(last) > 3
        and last.endswith("s")
        and not last.endswith(("ss", "'s", "’s", "us", "is"))
        and before.lower() == "the "
    )


def apply_cues(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Relabel every mention whose context gives it a class (see the module docstring),
    and the other mentions of that name in the article with it when its cues agree."""
    cued: dict[str, set[str]] = defaultdict(set)
    labels: list[str | None] = []
    for m in mentions:
        label = cue_label(text, m)
        labels.append(label)
        if label is not None:
            cued[_name_key(m.span.text_in(text))].add(label)
    out: list[Mention] = []
    for m, label in zip(mentions, labels, strict=True):
        surface = m.span.text_in(text)
        agreed = cued.get(_name_key(surface), set())
        if label is None and len(agreed) == 1 and m.label in _REPAIRABLE and not _pinned(surface):
            label = next(iter(agreed))
        out.append(m if label is None or label == m.label else Mention(m.span, label, m.entity_id))
    return out


def _name_key(surface: str) -> str:
    return " ".join(fold(surface).removeprefix("the ").split())


_SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’')\]]*\s+|\n\s*)[\"“‘(]*$")


def is_capitalised_word(text: str, m: Mention) -> bool:
    """Whether ``m`` is one word capitalised only because it opens a sentence ("Rehab has
    been calling her name", next to "rehab" elsewhere in the article)."""
    surface = m.span.text_in(text)
    if len(surface.split()) != 1 or not surface[:1].isupper() or not surface[1:].islower():
        return False
    if not _SENTENCE_START.search(text[max(0, m.span.start - 6) : m.span.start]):
        return False
    if _pinned(surface):
        return False
    lower = re.compile(rf"(?<![\w-]){re.escape(fold(surface))}(?![\w-])")
    return lower.search(text) is not None


def drop_capitalised_words(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` without sentence-initial common words (see :func:`is_capitalised_word`)."""
    return [m for m in mentions if not is_capitalised_word(text, m)]
