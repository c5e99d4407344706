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

from storyweave.model import EntityType, Mention, Span, entity_type

from .gazetteer import gazetteer
from .names import acronym, fold, is_acronym, joined, org_key_tokens, person_key_tokens
from .sources import news_source_name

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


def match_key(surface: str, label: str) -> tuple[str, ...]:
    """The matching key of a mention: person, source, place or plain key tokens."""
    if label == "PERSON":
        return person_key_tokens(surface)
    source = news_source_name(surface)
    if source is not None:
        return ("source:" + fold(source),)
    place = gazetteer().lookup(surface)
    if place is not None:
        return tuple(fold(place.name).split())
    return org_key_tokens(surface)


def _new(article_id: str, kind: EntityType, key: tuple[str, ...], surface: str) -> LocalCluster:
    source = news_source_name(surface)
    place = gazetteer().lookup(surface)
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
    by_first_last: dict[tuple[str, str], LocalCluster] = {}
    singles: list[tuple[Mention, str, tuple[str, ...]]] = []
    others: dict[tuple[EntityType, str], LocalCluster] = {}
    for m in sorted(mentions, key=_position):
        if m.label not in LINKED_LABELS:
            continue
        surface = m.span.text_in(text)
        key = match_key(surface, m.label)
        if not key:
            continue
        if m.label == "PERSON" and len(key) >= 2:
            cluster = full.get(joined(key)) or by_first_last.get((key[0], key[-1]))
            if cluster is None:
                cluster = _new(article_id, "PERSON", key, surface)
                full[joined(key)] = cluster
                by_first_last.setdefault((key[0], key[-1]), cluster)
            cluster.add(m.span, surface, m.label)
        elif m.label == "PERSON":
            singles.append((m, surface, key))
        else:
            kind = entity_type(m.label)
            cluster = others.get((kind, joined(key)))
            if cluster is None:
                cluster = others[(kind, joined(key))] = _new(article_id, kind, key, surface)
            cluster.add(m.span, surface, m.label)
    out = list(full.values())
    out += _attach_single_names(article_id, singles, out)
    out += _merge_acronyms(list(others.values()))
    return out


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
