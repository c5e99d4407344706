"""Products: models, devices, software and vehicles ("Airbus A380", "iPhone 4", "777-200LR").

spaCy's small model tags most product names as ORG ("iPod"), splits a maker from its
model ("Airbus" ORG + "A380" PRODUCT) and reads a bare model number as a CARDINAL
("Boeing's 787"). The evidence used here is the shape of the name and its neighbours:

- a *model designator*: letters and at least three digits ("A380", "A330-200"), a
  letter code, a hyphen and digits ("DC-10", "F-35"), digits joined by a hyphen
  ("787-8", "777-200LR"); with a plural "s" ("A380s") too;
- a name right before a model number ("Airbus A350", "iPhone 4", "iOS 5", "Boeing 787")
  is one product, unless the name numbers things ("Terminal 3", "Chapter 11", "Flight
  447") or the number is a year or a quantity ("Apple 2008", "Airbus 15 billion");
- after a possessive name the number is the model on its own ("Boeing's 787").

A name with a version number ("iPhone 4") names a product line, so its other mentions in
the article are products too, unless the article treats that name as a company (it says,
announces, sells; it has a chief executive or shares; it is followed by "Inc."): the maker
in "Boeing 787" stays an organisation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from storyweave.model import Mention, Span

from .names import fold

_DESIGNATOR = (
    r"(?:[A-Z]{1,2}\d{3,4}(?:-\d{1,4}[A-Z]{0,3})?"  # A380, A330-200
    r"|[A-Z]{1,3}-\d{1,4}[A-Z]{0,3}"  # DC-10, F-35, KC-45
    r"|\d{3}-\d{1,4}[A-Z]{0,3})"  # 787-8, 777-200LR
    r"(?:s|['’]s)?"  # A380s, A380's
)
DESIGNATOR = re.compile(rf"(?<![\w-]){_DESIGNATOR}(?![\w-])")
"""A model designator on its own ("A380", "DC-10", "787-8")."""

# A model or version number after a name: a designator, or digits with a short suffix
# ("4", "3GS", "787"), never a year or a number with a decimal part.
_VERSION = re.compile(
    rf"\s+(?P<model>{_DESIGNATOR}|(?!(?:19|20)\d\d\b)\d{{1,4}}(?:[A-Z]{{1,3}}|s)?)"
    r"(?![\w.,]\d|[\w-])"
)
_POSSESSIVE_MODEL = re.compile(rf"['’]s\s+(?P<model>{_DESIGNATOR}|\d{{3}}s?)(?![\w-]|[.,]\d)")
# Quantities and units: "Airbus 15 billion", "Apple 3 percent".
_QUANTITY_AFTER = re.compile(
    r"\s*(?:billion|million|thousand|bn|m|k|percent|per\s+cent|%|people|years?|months?|"
    r"days?|hours?|times|points?|dollars?|euros?|pounds?|yen|shares|jobs|workers|employees)\b",
    re.IGNORECASE,
)
# Names that number things rather than name a product line.
NUMBERING_WORDS: frozenset[str] = frozenset(
    {
        "act",
        "article",
        "building",
        "category",
        "chapter",
        "class",
        "day",
        "flight",
        "gate",
        "grade",
        "hall",
        "highway",
        "interstate",
        "level",
        "no",
        "number",
        "page",
        "part",
        "phase",
        "pier",
        "platform",
        "proposition",
        "room",
        "round",
        "route",
        "section",
        "stage",
        "terminal",
        "title",
        "week",
        "year",
        "game",
        "district",
        "precinct",
        "ward",
        "block",
        "channel",
        "bus",
        "line",
        # market indices and rankings: "S&P 500", "FTSE 100", "Fortune 500"
        "s&p",
        "ftse",
        "nikkei",
        "dax",
        "cac",
        "fortune",
        "formula",
    }
)
# A version number (one or two digits, a short suffix: "4", "3GS", "5s") names a product
# line ("iPhone 4"); three or four digits name a maker's model ("Boeing 787").
_LINE_VERSION = re.compile(r"\s+\d{1,2}[A-Za-z]{0,3}$")
_MONTHS_AND_DAYS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
# Labels that a product name can carry before repair; places and dates are left alone.
_PRODUCT_REPAIRABLE = frozenset({"ORG", "PRODUCT", "PERSON", "NORP", "FAC", "WORK_OF_ART", "EVENT"})
# Verbs whose subject is an agent (a company, a person), never a product.
_AGENT_VERBS = frozenset(
    {
        "say",
        "announce",
        "tell",
        "report",
        "confirm",
        "deny",
        "plan",
        "agree",
        "sign",
        "order",
        "buy",
        "acquire",
        "hire",
        "sue",
        "decide",
        "reveal",
        "unveil",
        "launch",
        "introduce",
        "invest",
        "employ",
        "claim",
        "win",
        "lose",
        "state",
        "add",
        "expect",
        "hope",
        "want",
    }
)
COMPANY_AFTER = re.compile(
    r"(?:\s*,)?\s+(?:Inc|Corp|Co|Ltd|plc|LLC|AG|SA|NV|N\.V|Group|Holdings)\b\.?"
    r"|['’]s\s+(?:chief|CEO|executive|shares|stock|board|chairman|founder|co-founder|"
    r"headquarters|employees|workforce|rival|subsidiary|parent\s+company)\b"
    r"|\s+(?:CEO|chief\s+executive|chairman|shares|stock|shareholders|headquarters)\b"
)


def is_designator(surface: str) -> bool:
    """Whether ``surface`` is a model designator ("A380", "DC-10", "777-200LR", "A380s")."""
    return DESIGNATOR.fullmatch(surface.strip()) is not None


def _last_word(surface: str) -> str:
    parts = surface.split()
    return fold(parts[-1]).rstrip(".") if parts else ""


def _model_after(text: str, end: int) -> re.Match[str] | None:
    found = _VERSION.match(text, end)
    if found is None or _QUANTITY_AFTER.match(text, found.end()):
        return None
    return found


def _names_a_line(surface: str) -> bool:
    last = _last_word(surface)
    return bool(surface) and last not in NUMBERING_WORDS and last not in _MONTHS_AND_DAYS


def _is_camel(word: str) -> bool:
    """ "iPhone", "iOS", "eReader": a lower-case letter, then a capital."""
    return len(word) > 2 and word[0].islower() and word[1].isupper()


_CAMEL_WITH_MODEL = re.compile(r"(?<![\w-])[a-z][A-Z][A-Za-z]+(?=\s+\d)")


def find_products(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` with product spans repaired and missing products added.

    A name followed by a model number absorbs it and becomes a PRODUCT; a model
    designator mentioned on its own is a PRODUCT; a model number after a possessive name
    ("Boeing's 787") and an unlabelled camel-case name with a number ("iPhone 4") are
    added as PRODUCT mentions. Sorted by position; overlapping spans are resolved in
    favour of the longer product.
    """
    out: list[Mention] = []
    for m in mentions:
        surface = m.span.text_in(text)
        if m.label in _PRODUCT_REPAIRABLE and is_designator(surface):
            out.append(Mention(m.span, "PRODUCT", m.entity_id))
            continue
        model = _model_after(text, m.span.end) if m.label in _PRODUCT_REPAIRABLE else None
        if model is not None and m.label == "PERSON" and not is_designator(model["model"]):
            model = None  # "Reid 34" is an age, not a model
        if model is not None and _names_a_line(surface):
            out.append(Mention(Span(m.span.start, model.end()), "PRODUCT", m.entity_id))
            continue
        out.append(m)
        own = _POSSESSIVE_MODEL.match(text, m.span.end)
        if own is not None and m.label in {"ORG", "PRODUCT"}:
            out.append(Mention(Span(own.start("model"), own.end("model")), "PRODUCT"))
    for found in _CAMEL_WITH_MODEL.finditer(text):
        model = _model_after(text, found.end())
        if model is not None:
            out.append(Mention(Span(found.start(), model.end()), "PRODUCT"))
    for found in DESIGNATOR.finditer(text):
        out.append(Mention(Span(found.start(), found.end()), "PRODUCT"))
    return _without_overlaps(out)


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping spans (first found on a tie); sorted by position."""
    ranked = sorted(
        range(len(mentions)), key=lambda i: (-(mentions[i].span.end - mentions[i].span.start), i)
    )
    kept: list[Mention] = []
    for i in ranked:
        m = mentions[i]
        if all(m.span.end <= k.span.start or k.span.end <= m.span.start for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: (m.span.start, m.span.end))


def product_lines(text: str, mentions: Sequence[Mention], doc: Any = None) -> list[Mention]:
    """Every mention of a product line is a PRODUCT: a name that the article gives a
    version number ("iPhone" of "iPhone 4") or a plural model ("A380s"), unless the
    article treats that name as a company (see :func:`is_company`)."""
    lines: set[str] = set()
    for m in mentions:
        if m.label in _OWNED_LABELS and _is_owned(text, m):
            lines.add(_line_key(m.span.text_in(text)))
        if m.label != "PRODUCT":
            continue
        surface = m.span.text_in(text)
        version = _LINE_VERSION.search(surface)
        if version is not None:
            lines.add(_line_key(surface[: version.start()]))
        lines.add(_line_key(surface))
    companies = {_line_key(m.span.text_in(text)) for m in mentions if is_company(text, m, doc)}
    out: list[Mention] = []
    for m in mentions:
        key = _line_key(m.span.text_in(text))
        if m.label in _PRODUCT_REPAIRABLE and key in lines and key not in companies:
            m = Mention(m.span, "PRODUCT", m.entity_id)
        out.append(m)
    return out


# "her Porsche", "an iPod", "their new iPhones", "the latest iMac": a determiner that
# counts or owns things, right before a name that heads its phrase.
_OWNER_BEFORE = re.compile(
    r"\b(?:a|an|his|her|their|your|my|our|the\s+(?:new|latest|original|first|next|older|newer))"
    r"(?:\s+(?:new|latest|original|own|first|next|older|newer|old|popular))?\s+$",
    re.IGNORECASE,
)
_HEAD_ENDS = re.compile(
    r"(?:['’]s)?\s*(?:$|[.,;:!?)\]\"”’]|\s(?:[a-z]+ed|is|was|are|were|on|in|at|for|with|to|from|and|or|but|that|which|has|had|will|would|can|could)\b)"
)
_OWNED_LABELS = frozenset({"ORG", "PRODUCT", "FAC", "WORK_OF_ART"})


def _is_owned(text: str, m: Mention) -> bool:
    """Whether a determiner that counts or owns things sits before ``m`` and ``m`` ends its
    phrase ("her Porsche on the highway"; not "an Apple executive")."""
    before = text[max(0, m.span.start - 30) : m.span.start]
    return bool(_OWNER_BEFORE.search(before)) and bool(_HEAD_ENDS.match(text, m.span.end))


def _line_key(surface: str) -> str:
    """A product line's key: folded, without a leading "the" or a plural "s"."""
    key = " ".join(fold(surface).replace("’", "'").split())
    key = key.removeprefix("the ")
    for suffix in ("'s", "s"):
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            return key[: -len(suffix)]
    return key


def is_company(text: str, m: Mention, doc: Any = None) -> bool:
    """Whether the article treats mention ``m`` as a company: a company suffix or a
    company's possession after it ("Boeing Co.", "Apple's chief executive"), or it is the
    subject of an agent's verb ("Boeing said", "Airbus announced")."""
    if COMPANY_AFTER.match(text, m.span.end):
        return True
    if doc is None:
        return False
    span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    return root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_ in _AGENT_VERBS
