"""Name propagation: a name the linker knows, written again where spaCy saw no entity.

spaCy's small model finds "the Vostochny Cosmodrome" once and misses it three
sentences later, or in another article of the same run. Once one occurrence of a
multi-word name is linked, every other exact occurrence of that name in the
run's article bodies names the same entity (one sense per discourse), unless it
overlaps a mention already found or the name belongs to several entities.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from storyweave.model import AnnotatedArticle, Entity
from storyweave.nlp.languages import analysed, primary

from .linking import MentionKey
from .names import fold, inflected, name_runs, romanize, translit

NOUN_CAPITALISING = frozenset({"de", "lb"})
"""Languages that capitalise every noun: a capitalised word there is no name ("Ein Brand" is a
fire, not Russell Brand), so surnames alone link nothing in them."""
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v", "vi"})
MIN_FOREIGN_NAME = 3
INFLECTING = frozenset({"ru", "uk", "bg", "sr", "pl", "cs", "sk", "hr", "sl", "lt", "lv", "fi",
                        "et", "hu"})  # fmt: skip
"""Languages that decline names ("Путина", "в Новосибирске", "Putinem"): a single-word name
links by another case ending too, when one known name fits (:func:`names.inflected`)."""
"""A foreign name shorter than this (folded) links to nothing: "EU", "Li" are too ambiguous."""


def propagate_names(
    items: Sequence[AnnotatedArticle], mention_entity: dict[MentionKey, str]
) -> dict[MentionKey, str]:
    """New mentions for the unlinked occurrences of linked multi-word names.

    Args:
        items: the run's articles (their mentions are the spans already taken).
        mention_entity: the linker's (article, start, end) -> entity id map.

    Returns:
        (article, start, end) -> entity id for each new occurrence; ``mention_entity``
        is not changed.
    """
    texts = {item.article.id: item.article.text for item in items}
    owners: dict[str, set[str]] = defaultdict(set)
    for (art, start, end), ent_id in mention_entity.items():
        surface = texts[art][start:end] if art in texts else ""
        if _is_propagable(surface):
            owners[surface].add(ent_id)
    names = {s: next(iter(ids)) for s, ids in owners.items() if len(ids) == 1}
    if not names:
        return {}
    pattern = _names_pattern(sorted(names, key=_longest_first))
    out: dict[MentionKey, str] = {}
    for item in items:
        art = item.article.id
        taken = _Taken(
            [(m.span.start, m.span.end) for m in item.mentions]
            + [(s, e) for (a, s, e) in mention_entity if a == art]
        )
        body = item.article.body
        for match in pattern.finditer(body):
            start, end = match.span()
            if not taken.overlaps(start, end):
                out[(art, start, end)] = names[match.group()]
                taken.add(start, end)
    return out


def _is_propagable(surface: str) -> bool:
    parts = surface.split()
    return len(parts) >= 2 and surface[:1].isupper() and "\n" not in surface


def _longest_first(name: str) -> tuple[int, str]:
    return (-len(name), name)


def _names_pattern(names: Sequence[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


class _Taken:
    """Character intervals already covered by a mention."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans

    def overlaps(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.spans)

    def add(self, start: int, end: int) -> None:
        self.spans.append((start, end))


def link_foreign_names(
    items: Sequence[AnnotatedArticle],
    mention_entity: dict[MentionKey, str],
    entities: Sequence[Entity],
) -> dict[MentionKey, str]:
    """Names in articles no NER reads (issue 20), linked to the entities the analysed articles
    name. A run of capitalised words (or one stretch of it) links when its folded form, or its
    transliteration key, is that of a linked mention in an analysed article ("Vladímir Putin" =
    "Vladimir Putin", "Vostochni" = "Vostochny", "Путин" = "Putin", "TASS") or of a person
    entity's surname ("Putin"), and that form names one entity only. Nothing is created and
    nothing renamed: an unmatched name stays unlinked, and the entities' names come from the
    analysed articles alone.

    Returns:
        (article, start, end) -> entity id for each linked foreign name.
    """
    foreign = [i for i in items if not analysed(i.article_language)]
    if not foreign:
        return {}
    read = {i.article.id: i.article.text for i in items if i not in foreign}
    owners: dict[str, set[str]] = defaultdict(set)
    for (art, start, end), ent_id in mention_entity.items():
        if art in read:
            owners[fold(read[art][start:end])].add(ent_id)
    surnames: dict[str, set[str]] = defaultdict(set)
    for ent in entities:
        if ent.type == "PERSON" and " " in ent.name:
            surname = fold(ent.name.split()[-1]).rstrip(".")
            if surname not in _NAME_SUFFIXES:
                surnames[surname].add(ent.id)
    merged = {k: owners.get(k, set()) | surnames.get(k, set()) for k in {*owners, *surnames}}
    with_surnames, names_only = _known(merged), _known(owners)
    out: dict[MentionKey, str] = {}
    for item in foreign:
        art, body = item.article.id, item.article.body
        language = primary(item.article_language or "")
        known = names_only if language in NOUN_CAPITALISING else with_surnames
        for run in name_runs(body, [s.span.start for s in item.sentences]):
            inflecting = language in INFLECTING
            for start, end, ent_id in _linked_parts(body, run, known, inflecting=inflecting):
                out[(art, start, end)] = ent_id
    return out


def _known(owners: dict[str, set[str]]) -> dict[str, str]:
    """Folded forms, and their transliteration keys, that name one entity only."""
    spelled: dict[str, set[str]] = defaultdict(set)  # "Vostochny" / "Vostochni"
    for k, ids in owners.items():
        spelled[_spelling(k)] |= ids
    known = {k: next(iter(ids)) for k, ids in owners.items() if len(ids) == 1}
    known |= {k: next(iter(ids)) for k, ids in spelled.items() if len(ids) == 1 and k not in known}
    return known


def _linked_parts(
    text: str, run: list[tuple[int, str]], known: dict[str, str], *, inflecting: bool = False
) -> list[tuple[int, int, str]]:
    """The longest known stretches of one run of names, left to right; in a language that
    inflects names (``inflecting``), a single word also by another case ending ("Путина")."""
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(run):
        for j in range(len(run), i, -1):
            start = run[i][0]
            end = run[j - 1][0] + len(run[j - 1][1])
            key = fold(romanize(text[start:end]))
            found = known.get(key) or known.get(_spelling(key))
            if found is None and inflecting and " " not in key:
                found = _inflected_form(key, known)
            if len(key) >= MIN_FOREIGN_NAME and found is not None:
                out.append((start, end, found))
                i = j
                break
        else:
            i += 1
    return out


def _inflected_form(key: str, known: dict[str, str]) -> str | None:
    """The entity of the one known single-word name ``key`` is a case form of, if one only."""
    found = {ent for form, ent in known.items() if " " not in form and inflected(key, form)}
    return next(iter(found)) if len(found) == 1 else None


def _spelling(folded: str) -> str:
    """One key for a name's transliterations ("vostochny" / "vostochni", "yury" / "yuri")."""
    return " ".join(translit(w) for w in folded.split())
