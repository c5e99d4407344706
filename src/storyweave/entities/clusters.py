"""Linking inside one article: mentions of one referent grouped into local clusters.

People: a full name, its surname and its given name ("Vladimir Putin", "Putin",
"President Putin", "Putin's") form one cluster; a one-word name joins a full name
only when exactly one full name in the article fits it. Organisations: the same
key, or an acronym of a longer name in the article ("WIKA"). Places: one
gazetteer entry or the same key.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from storyweave.model import EntityType, Mention, Span, entity_type

from .gazetteer import Place, gazetteer
from .names import acronym, fold, is_acronym, joined, org_key_tokens, person_key_tokens
from .nicknames import same_given_name
from .sources import news_source_name

T = TypeVar("T")

# A bare surname that fits several full names goes to the one mentioned at least this
# many times as often as each other one (tuned on ECB+ train topics).
SALIENCE_RATIO = 2

# Labels that become entities; NORP ("Russian") and numbers stay mentions only.
LINKED_LABELS: frozenset[str] = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)


@dataclass
class LocalCluster:
    """Mentions of one referent inside one article."""

    article_id: str
    type: EntityType
    key: tuple[str, ...]
    spans: list[Span] = field(default_factory=list)
    surfaces: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    ambiguous: bool = False
    source: str | None = None
    place: str | None = None

    @property
    def joined_key(self) -> str:
        return joined(self.key)

    def add(self, span: Span, surface: str, label: str) -> None:
        self.spans.append(span)
        self.surfaces.append(surface)
        self.labels.append(label)

    def label_counts(self) -> Counter[str]:
        return Counter(self.labels)


def match_key(surface: str, label: str, *, around: Sequence[Place] = ()) -> tuple[str, ...]:
    """The matching key of a mention: person, source, place or plain key tokens.

    ``around`` are the places the article names, which pick the reading of an
    ambiguous place name (see :meth:`Gazetteer.lookup`).
    """
    if label == "PERSON":
        return person_key_tokens(surface)
    source = news_source_name(surface)
    if source is not None:
        return ("source:" + fold(source),)
    place = gazetteer().lookup(surface, around=around)
    if place is not None:
        return gazetteer().key_of(place)
    return org_key_tokens(surface)


def places_around(text: str, mentions: Sequence[Mention]) -> list[Place]:
    """The unambiguous places an article names, demonyms ("Georgian") as their country."""
    gaz = gazetteer()
    out: list[Place] = []
    for m in mentions:
        surface = m.span.text_in(text)
        if gaz.is_ambiguous(surface):
            continue
        place = gaz.lookup(surface)
        if place is None and m.label == "NORP":
            country = gaz.country_of(surface)
            place = None if country is None else gaz.lookup(country)
        if place is not None:
            out.append(place)
    return out


def _new(
    article_id: str,
    kind: EntityType,
    key: tuple[str, ...],
    surface: str,
    around: Sequence[Place] = (),
) -> LocalCluster:
    source = news_source_name(surface)
    place = None if kind == "PERSON" else gazetteer().lookup(surface, around=around)
    return LocalCluster(
        article_id=article_id,
        type=kind,
        key=key,
        source=source,
        place=None if place is None or source is not None else place.name,
    )


def cluster_mentions(article_id: str, text: str, mentions: Sequence[Mention]) -> list[LocalCluster]:
    """Group an article's mentions into local clusters (see the module docstring)."""
    full: dict[str, LocalCluster] = {}
    by_last: dict[str, list[LocalCluster]] = {}
    singles: list[tuple[Mention, str, tuple[str, ...]]] = []
    others: dict[tuple[EntityType, str], LocalCluster] = {}
    around = places_around(text, mentions)
    for m in sorted(mentions, key=_position):
        if m.label not in LINKED_LABELS:
            continue
        surface = m.span.text_in(text)
        key = match_key(surface, m.label, around=around)
        if not key:
            continue
        if m.label == "PERSON" and len(key) >= 2:
            cluster = full.get(joined(key)) or _same_person(key, by_last.get(key[-1], []))
            if cluster is None:
                cluster = _new(article_id, "PERSON", key, surface)
                full[joined(key)] = cluster
                by_last.setdefault(key[-1], []).append(cluster)
            cluster.add(m.span, surface, m.label)
        elif m.label == "PERSON":
            singles.append((m, surface, key))
        else:
            kind = entity_type(m.label)
            cluster = others.get((kind, joined(key)))
            if cluster is None:
                cluster = _new(article_id, kind, key, surface, around)
                others[(kind, joined(key))] = cluster
            cluster.add(m.span, surface, m.label)
    out = list(full.values())
    out += _attach_single_names(article_id, singles, out)
    out += _merge_acronyms(list(others.values()))
    return out


def _same_person(key: tuple[str, ...], named: Sequence[LocalCluster]) -> LocalCluster | None:
    """The one full name with this surname whose given name matches ("Fred" ~ "Frederick")."""
    fits = [c for c in named if same_given_name(c.key[0], key[0])]
    return fits[0] if len(fits) == 1 else None


def _position(m: Mention) -> tuple[int, int]:
    return (m.span.start, m.span.end)


def _attach_single_names(
    article_id: str,
    singles: Sequence[tuple[Mention, str, tuple[str, ...]]],
    people: Sequence[LocalCluster],
) -> list[LocalCluster]:
    """Attach "Putin" to "Vladimir Putin" when one full name fits; else a cluster of its own."""
    own: dict[str, LocalCluster] = {}
    for m, surface, key in singles:
        fits = fitting_names(key[0], people)
        if len(fits) > 1:
            fits = salient([len(c.spans) for c in fits], fits)
        if len(fits) == 1:
            fits[0].add(m.span, surface, m.label)
            continue
        cluster = own.get(key[0])
        if cluster is None:
            cluster = own[key[0]] = _new(article_id, "PERSON", key, surface)
            cluster.ambiguous = len(fits) > 1
        cluster.add(m.span, surface, m.label)
    return list(own.values())


def fitting_names(word: str, people: Sequence[LocalCluster]) -> list[LocalCluster]:
    """The full names a one-word personal name may stand for.

    A surname reading wins over a given-name reading: "Obama" fits "Barack Obama",
    not "Obama White House"; a given name ("Katie") fits only when no surname does.
    """
    surnames = [c for c in people if c.key[-1] == word]
    return surnames or [c for c in people if c.key[0] == word]


def salient(counts: Sequence[int], candidates: Sequence[T]) -> list[T]:
    """The one candidate named at least :data:`SALIENCE_RATIO` times as often as any
    other, as a one-item list; else every candidate.

    "Kim" after three "Kim Jong Un" and one "Kim Yo Jong" is Kim Jong Un: a writer
    who means the less-named person uses the full name.
    """
    ranked = sorted(zip(counts, range(len(candidates)), strict=True), reverse=True)
    if len(ranked) >= 2 and ranked[0][0] >= SALIENCE_RATIO * ranked[1][0]:
        return [candidates[ranked[0][1]]]
    return list(candidates)


def _merge_acronyms(clusters: list[LocalCluster]) -> list[LocalCluster]:
    """Fold an acronym cluster ("WIKA") into the one longer name it abbreviates."""
    out: list[LocalCluster] = []
    for cluster in clusters:
        surface = cluster.surfaces[0]
        if cluster.source is None and is_acronym(surface):
            short = surface.replace(".", "").upper()
            fits = [
                c
                for c in clusters
                if c is not cluster and c.type == cluster.type and acronym(c.surfaces[0]) == short
            ]
            if len(fits) == 1:
                for span, text, label in zip(
                    cluster.spans, cluster.surfaces, cluster.labels, strict=True
                ):
                    fits[0].add(span, text, label)
                continue
        out.append(cluster)
    return out
