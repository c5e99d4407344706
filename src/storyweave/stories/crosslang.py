"""Stories across languages: a foreign report joins the English story of its event (issue 20).

The story score (:mod:`.score`) reads a foreign article through the names it shares and
MiniLM's embedding of its lead, an English model that carries names and figures across but
little else. After a batch's agglomeration, a new story made only of articles in another
language is offered to the English stories among its neighbours once more, by the multilingual
e5 embedding of the leads (:mod:`storyweave.nlp.multilingual`). It joins the best one when

- the leads' cosine reaches :data:`CROSS_JOIN` for its language (e5's scale depends on the
  language pair; :data:`CROSS_JOIN_OTHER` for a language not measured);
- an English member was published within :data:`CROSS_DAYS` of it (a lead about the same
  company or place years apart scores as high: MEANTIME's Airbus articles reach 0.915);
- and the two share a name word, as written or inflected (:func:`names_meet`).

Each of the three alone is not enough; together they are the confirmation the embedding's
thin margins need (docs/decisions/multilingual-embedder.md).

DOCS: docs/stages/stories.md ("Other languages")
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

import numpy as np

from storyweave._types import ArticleId, StoryId
from storyweave.entities.names import inflected
from storyweave.nlp import languages
from storyweave.nlp.multilingual import MultilingualEmbed

from .features import StoryFeatures
from .groups import Group, find_root, join
from .state import MemberRecord

# Calibrated on MEANTIME dev (translations' leads against their original, es/it/nl) and the
# independently written pairs of tests/stories/fixtures/multilingual.jsonl (same event against
# the best other event, one or two pairs a language): the midpoint between the language's
# lowest same-event cosine and the highest different-event one (0.818-0.856).
CROSS_JOIN: Final[dict[str, float]] = {
    "es": 0.866, "it": 0.866, "nl": 0.864, "fr": 0.853, "de": 0.854, "ru": 0.875, "vi": 0.853,
}  # fmt: skip
"""Least e5 lead cosine at which a report in this language joins an English story."""
CROSS_JOIN_OTHER: Final = 0.875
"""The bar for a language not measured: the highest of the measured ones."""
CROSS_DAYS: Final = 2
"""Days between the foreign report and an English member of the story it joins, at most."""
CROSS_MEMBERS: Final = 8
"""English members of a candidate story read (the nearest in date first)."""

LeadOf = Callable[[ArticleId], tuple[str, str | None] | None]
"""A placed article's lead text and language, or None when unknown."""


@dataclass
class CrossLanguage:
    """The multilingual embedder and the leads of placed articles, with a cache of vectors."""

    embed: MultilingualEmbed
    lead_of: LeadOf
    _vectors: dict[ArticleId, np.ndarray] = field(default_factory=dict)
    _leads: dict[ArticleId, tuple[str, str | None]] = field(default_factory=dict)

    def remember(self, article_id: ArticleId, lead: str, language: str | None) -> None:
        """Keep an article's lead (a batch's own articles, before they are stored)."""
        self._leads[article_id] = (lead, language)

    def english(self, article_id: ArticleId) -> bool:
        found = self._lead(article_id)
        return found is not None and languages.analysed(found[1])

    def vectors(self, ids: Iterable[ArticleId]) -> dict[ArticleId, np.ndarray]:
        """The e5 lead vector of each article whose lead is known (embedded once)."""
        ids = list(ids)
        wanted = [a for a in dict.fromkeys(ids) if a not in self._vectors]
        texts = {a: found[0] for a in wanted if (found := self._lead(a)) is not None and found[0]}
        if texts:
            rows = self.embed(list(texts.values()))
            for aid, row in zip(texts, rows, strict=True):
                self._vectors[aid] = np.asarray(row, dtype=np.float32)
        return {a: self._vectors[a] for a in dict.fromkeys(ids) if a in self._vectors}

    def _lead(self, article_id: ArticleId) -> tuple[str, str | None] | None:
        if article_id not in self._leads:
            found = self.lead_of(article_id)
            if found is None:
                return None
            self._leads[article_id] = found
        return self._leads[article_id]


def names_meet(foreign: Iterable[str], english: Iterable[str]) -> bool:
    """Whether a foreign article's name keys and an English story's share a name word, as
    written or with another case ending (:func:`storyweave.entities.names.inflected`:
    "novosibirska" = "novosibirsk"; "sant boi" / "sant boi de llobregat" share "llobregat")."""
    words = {w for key in english for w in key.split() if len(w) >= 3}
    for key in foreign:
        for w in key.split():
            if len(w) < 3:
                continue
            if w in words or any(inflected(w, e) for e in words):
                return True
    return False


def join_bar(language: str | None) -> float:
    """The e5 lead cosine a report in ``language`` needs to join an English story."""
    return CROSS_JOIN.get(languages.primary(language or ""), CROSS_JOIN_OTHER)


def best_cosine(
    foreign: Mapping[ArticleId, np.ndarray], english: Mapping[ArticleId, np.ndarray]
) -> float:
    """The highest cosine between a foreign lead and an English one (-1 when either is empty)."""
    if not foreign or not english:
        return -1.0
    a = np.stack(list(foreign.values()))
    b = np.stack(list(english.values()))
    return float((a @ b.T).max())


def join_across_languages(
    batch: Sequence[StoryFeatures],
    groups: list[Group],
    parent: list[int],
    cross: CrossLanguage,
    *,
    far: Mapping[int, set[int]],
    members: Callable[[StoryId], Sequence[MemberRecord]],
) -> None:
    """Before the agglomeration, offer each foreign article of the batch to the English
    stories and articles among its nearest (``far``: below MiniLM's floor too), by the
    multilingual lead embedding: on its own, before two foreign reports that are alike only by
    their language's words (MiniLM reads it poorly) can form a story of their own. ``members``
    gives a stored story's members."""
    for f in batch:
        cross.remember(f.article_id, f.lead, f.language)
    names = {g.gid: set(g.entity_sum) for g in groups}  # before any join of this pass
    for group in groups:
        if not group.alive or group.story_id is not None or not group.articles:
            continue
        foreigners = [batch[i] for i in group.articles]
        if any(languages.analysed(f.language) for f in foreigners):
            continue
        foreign = cross.vectors(f.article_id for f in foreigners)
        if len(foreign) < len(foreigners):
            continue
        bar = max(join_bar(f.language) for f in foreigners)
        best: tuple[float, int] | None = None
        near = group.neighbours.union(*(far.get(i, set()) for i in group.articles))
        for other in sorted({find_root(parent, n) for n in near} - {group.gid}):
            cand = groups[other]
            if not cand.alive or not names_meet(names[group.gid], names[cand.gid]):
                continue
            english = cross.vectors(_english_near(cand, batch, foreigners, cross, members))
            # every foreign member must match: a group of two foreign reports of different
            # events (alike by their language's words) joins neither's story
            score = min(best_cosine({a: v}, english) for a, v in foreign.items())
            if score >= bar and (best is None or score > best[0]):
                best = (score, other)
        if best is not None:
            join(groups, parent, groups[best[1]], group, best[0])


def _english_near(
    cand: Group,
    batch: Sequence[StoryFeatures],
    foreign: Sequence[StoryFeatures],
    cross: CrossLanguage,
    members: Callable[[StoryId], Sequence[MemberRecord]],
) -> list[ArticleId]:
    """The English members of ``cand`` published within :data:`CROSS_DAYS` of a foreign
    article (nearest in date first, at most :data:`CROSS_MEMBERS`)."""
    dated: list[tuple[ArticleId, dt.date | None]] = [
        (batch[i].article_id, batch[i].date) for i in cand.articles
    ]
    if cand.story_id is not None:
        dated += [(m.article_id, m.date) for m in members(cand.story_id)]
    days = [f.date for f in foreign if f.date is not None]
    near: list[tuple[int, ArticleId]] = []
    for aid, day in dated:
        if day is None or not days:
            continue
        gap = min(abs((day - d).days) for d in days)
        if gap <= CROSS_DAYS and cross.english(aid):
            near.append((gap, aid))
    return [aid for _, aid in sorted(near)[:CROSS_MEMBERS]]
