"""Online story clustering: each batch of articles joins existing stories or starts new ones.

A batch is clustered by **average-link agglomeration over a sparse candidate
graph**: every incoming article starts as its own group; the existing stories
its nearest neighbours (from the ANN index) belong to are loaded as groups; the
best-scoring pair of groups (at least one of them touched by this batch) merges
while its score is at or above the threshold. An article therefore joins the
best story, starts a story, or bridges two stories, which then merge (the older
story keeps its id and the merge is recorded).

Order independence: a batch is processed in a canonical order (date, then
article id), ties are broken by group age, and small indexes are searched
exactly, so the same batch gives the same stories in whatever order it comes.
Fed one article at a time the result can differ slightly (greedy); see
docs/decisions/story-order-independence.md.

DOCS: docs/stages/stories.md
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from storyweave._types import ArticleId, StoryId
from storyweave.errors import NotFound
from storyweave.model import Story
from storyweave.nlp import languages

from .crosslang import CrossLanguage, join_across_languages
from .features import StoryFeatures
from .groups import Group, join
from .index import Neighbours, StoryIndex
from .score import (
    ClusterOptions,
    ScoreParts,
    entity_vector,
    gap_days,
    group_score,
    join_threshold,
    score_parts,
)
from .state import ClusterState, MemberRecord, Merge, StoryRecord
from .title import story_title

SHARED_SHOWN = 5
_WIDEN = 4  # neighbours fetched per needed candidate, to look past dormant stories
_TERM = "t:"  # document frequencies of terms share the entity table under this prefix
NEAREST_SHOWN = 3
LEAD_COSINE_LOW = 0.5
"""Below this mean lead-embedding cosine an explanation says the leads are worded unlike."""
CANDIDATES_SCORED = 8
"""Other stories (nearest first) an explanation scores the article against."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """The best-scoring story an article is *not* in: why it did not join.

    ``missing`` names the evidence that was absent or against: no shared entity,
    no shared content word, a time gap, a lead worded unlike the story's.
    """

    story_id: StoryId
    score: float
    threshold: float
    parts: ScoreParts
    shared_entities: tuple[str, ...]
    missing: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where one article went, and why.

    ``score`` is the article's average-link score to the rest of its story (for
    a story of one: its score to the best other story, which was too low);
    ``threshold`` is the bar that score is held to (it depends on how much text
    there is, see :func:`~storyweave.stories.score.join_threshold`); ``nearest_other``
    is the best story the article is not in, with what it lacked.
    """

    article_id: ArticleId
    story_id: StoryId
    score: float
    shared_entities: tuple[str, ...]
    nearest_articles: tuple[tuple[ArticleId, float], ...]
    new_story: bool
    merged: tuple[StoryId, ...] = ()
    threshold: float = 0.0
    nearest_other: Candidate | None = None


def story_id_for(article_id: ArticleId) -> StoryId:
    """The id of a story started by ``article_id`` (stable: a hash of the article id)."""
    return "st_" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:12]


def _canonical(features: StoryFeatures) -> tuple[bool, dt.date, ArticleId]:
    return (features.date is None, features.date or dt.date.min, features.article_id)


class StoryClusterer:
    """Assigns articles to stories over a :class:`ClusterState` and a :class:`StoryIndex`."""

    def __init__(
        self, state: ClusterState, index: StoryIndex, *, options: ClusterOptions | None = None
    ) -> None:
        self.state = state
        self.index = index
        self.options = options or ClusterOptions()
        self.cross: CrossLanguage | None = None
        """Set to offer new foreign-only stories to English ones by the multilingual
        embedding (:mod:`.crosslang`); None: the story score alone places them."""

    # -- public API ----------------------------------------------------------------------

    def assign(self, features: StoryFeatures) -> Assignment:
        """Place one article (see :meth:`add`)."""
        return self.add([features])[0]

    def add(self, batch: Sequence[StoryFeatures]) -> list[Assignment]:
        """Place every article of ``batch``; returns one assignment per input, in input order.

        Articles already placed keep their story (re-adding is idempotent).
        """
        fresh: dict[ArticleId, StoryFeatures] = {}
        for feats in batch:
            if self.state.member(feats.article_id) is None:
                fresh.setdefault(feats.article_id, feats)
        done: dict[ArticleId, Assignment] = {}
        if fresh:
            done = self._cluster(sorted(fresh.values(), key=_canonical))
        return [done.get(f.article_id) or self.explain(f.article_id) for f in batch]

    def explain(self, article_id: ArticleId) -> Assignment:
        """Why ``article_id`` is in its story: score, shared entities, nearest members."""
        member = self.state.member(article_id)
        story_id = self.state.story_of(article_id)
        story = None if story_id is None else self.state.story(story_id)
        if member is None or story is None:
            raise NotFound("E303", kind="article in a story", ident=article_id)
        vector = self.index.vectors([member.key])
        found = self.index.search(vector, self.options.neighbours * _WIDEN + 1)[0]
        self.state.prefetch([key for key, _ in found])
        return self._assignment(member, story, vector[0], found, merged=())

    def title(self, story_id: StoryId) -> str:
        """The story's most representative headline, or a label from its main entities."""
        story = self.state.story(story_id)
        if story is None:
            raise NotFound("E303", kind="story", ident=story_id)
        members = sorted(self.state.members(story_id), key=_member_key)
        vectors = self.index.vectors([m.key for m in members])
        return story_title(
            [m.headline for m in members],
            [m.article_id for m in members],
            vectors,
            story.vector_sum,
            story.entity_sum,
        )

    def story(self, story_id: StoryId) -> Story:
        """One story as the data model's :class:`~storyweave.model.Story`."""
        rec = self.state.story(story_id)
        if rec is None:
            raise NotFound("E303", kind="story", ident=story_id)
        members = sorted(m.article_id for m in self.state.members(rec.id))
        return Story(rec.id, self.title(rec.id), tuple(members), rec.first, rec.last)

    def stories(self) -> list[Story]:
        """Every story as the data model's :class:`~storyweave.model.Story`, oldest first."""
        return [self.story(rec.id) for rec in sorted(self.state.stories(), key=_story_key)]

    def partition(self) -> dict[StoryId, list[ArticleId]]:
        """Every story and its articles (sorted), by story id."""
        return {
            rec.id: sorted(m.article_id for m in self.state.members(rec.id))
            for rec in sorted(self.state.stories(), key=_story_key)
        }

    # -- one batch -----------------------------------------------------------------------

    def _cluster(self, batch: list[StoryFeatures]) -> dict[ArticleId, Assignment]:
        opts = self.options
        seq = self.state.next_seq()
        keyed = [f.entities + tuple((_TERM + k, c) for k, c in f.terms) for f in batch]
        self.state.count_entities([key for keys in keyed for key, _ in keys], articles=len(batch))
        articles = self.state.article_count()
        df = self.state.entity_df({key for keys in keyed for key, _ in keys})
        evecs = [entity_vector(f.entities, df, articles, idf_floor=opts.idf_floor) for f in batch]
        tvecs = [
            entity_vector(
                [(_TERM + k, c) for k, c in f.terms],
                df,
                articles,
                idf_floor=opts.idf_floor,
                limit=opts.term_limit,
            )
            for f in batch
        ]
        keys = [self.state.next_seq() for _ in batch]
        vectors = np.stack([f.vector for f in batch]).astype(np.float32)
        self.index.add(keys, vectors)
        # fetch extra neighbours: dormant stories' articles are skipped, not counted
        found = self.index.search(vectors, opts.neighbours * _WIDEN + 1)
        self.state.prefetch(sorted({key for row in found for key, _ in row}))

        groups: list[Group] = [
            Group(
                gid=i,
                story_id=None,
                created=seq,
                size=1,
                vector_sum=vectors[i].astype(np.float64),
                entity_sum=dict(evecs[i]),
                term_sum=dict(tvecs[i]),
                first=f.date,
                last=f.date,
                words=None if f.words is None else float(f.words),
                articles=[i],
            )
            for i, f in enumerate(batch)
        ]
        batch_gid = {key: i for i, key in enumerate(keys)}
        story_gid: dict[StoryId, int] = {}
        far: dict[int, set[int]] = {}  # a foreign article's nearest stories, however far
        for i, neighbours in enumerate(found):
            if self.cross is not None and not languages.analysed(batch[i].language):
                far[i] = self._far_candidates(i, neighbours, batch_gid, groups, story_gid)
            kept = 0
            for key, cosine in neighbours:
                if kept >= opts.neighbours or cosine < opts.min_cosine:
                    break
                other = batch_gid.get(key)
                if other is None:
                    other = self._load_story_group(key, groups, story_gid)
                if other is None or other == i or self._dormant(groups[i], groups[other]):
                    continue
                kept += 1
                groups[i].neighbours.add(other)
                groups[other].neighbours.add(i)
        parent = list(range(len(groups)))
        if self.cross is not None:  # first, so a foreign report meets the English ones alone
            join_across_languages(
                batch, groups, parent, self.cross, far=far, members=self.state.members
            )
        self._agglomerate(groups, parent)
        merged = self._commit(batch, keys, (evecs, tvecs), groups, seq)
        out: dict[ArticleId, Assignment] = {}
        for i, feats in enumerate(batch):
            member = self.state.member(feats.article_id)
            story_id = self.state.story_of(feats.article_id)
            story = None if story_id is None else self.state.story(story_id)
            if member is not None and story is not None:
                out[feats.article_id] = self._assignment(
                    member, story, vectors[i], found[i], merged=merged.get(story.id, ())
                )
        return out

    def _far_candidates(
        self,
        i: int,
        neighbours: Neighbours,
        batch_gid: dict[int, int],
        groups: list[Group],
        story_gid: dict[StoryId, int],
    ) -> set[int]:
        """The groups of a foreign article's :data:`ClusterOptions.neighbours` nearest articles
        by MiniLM, below its cosine floor too: MiniLM reads another language poorly (an
        independent Vietnamese report of an English story's event sits at 0.12)."""
        out: set[int] = set()
        for key, _ in neighbours:
            if len(out) >= self.options.neighbours:
                break
            other = batch_gid.get(key)
            if other is None:
                other = self._load_story_group(key, groups, story_gid)
            if other is not None and other != i and not self._dormant(groups[i], groups[other]):
                out.add(other)
        return out

    def _load_story_group(
        self, key: int, groups: list[Group], story_gid: dict[StoryId, int]
    ) -> int | None:
        member = self.state.member_by_key(key)
        story_id = None if member is None else self.state.story_of(member.article_id)
        if story_id is None:
            return None
        if story_id in story_gid:
            return story_gid[story_id]
        rec = self.state.story(story_id)
        if rec is None:
            return None
        gid = len(groups)
        groups.append(
            Group(
                gid=gid,
                story_id=rec.id,
                created=rec.created,
                size=rec.size,
                vector_sum=rec.vector_sum.astype(np.float64, copy=True),
                entity_sum=dict(rec.entity_sum),
                term_sum=dict(rec.term_sum),
                first=rec.first,
                last=rec.last,
                words=rec.words,
            )
        )
        story_gid[story_id] = gid
        return gid

    def _dormant(self, a: Group, b: Group) -> bool:
        gap = gap_days(a.first, a.last, b.first, b.last)
        return gap is not None and gap > self.options.dormant_days

    def _score(self, a: Group, b: Group) -> float:
        return group_score(
            (a.vector_sum, b.vector_sum),
            (a.entity_sum, b.entity_sum),
            (a.term_sum, b.term_sum),
            (a.size, b.size),
            gap_days(a.first, a.last, b.first, b.last),
            self.options,
        )

    def _threshold(self, a: Group, b: Group) -> float:
        shorter = min(_per_member(a.words, a.size), _per_member(b.words, b.size))
        return join_threshold(shorter, self.options)

    def _agglomerate(self, groups: list[Group], parent: list[int]) -> None:
        heap: list[tuple[float, int, int, int, int]] = []

        def push(a: Group, b: Group) -> None:
            lo, hi = (a, b) if a.gid < b.gid else (b, a)
            score = self._score(lo, hi)
            if score >= self._threshold(lo, hi):
                heapq.heappush(heap, (-score, lo.gid, hi.gid, lo.version, hi.version))

        for group in groups:
            for other in group.neighbours:
                if group.gid < other and (group.story_id is None or groups[other].story_id is None):
                    push(group, groups[other])
        while heap:
            neg, lo_id, hi_id, lo_v, hi_v = heapq.heappop(heap)
            lo, hi = groups[lo_id], groups[hi_id]
            if not (lo.alive and hi.alive) or lo.version != lo_v or hi.version != hi_v:
                continue
            keep = join(groups, parent, lo, hi, -neg)
            for other in sorted(keep.neighbours):
                push(keep, groups[other])

    def _commit(
        self,
        batch: list[StoryFeatures],
        keys: list[int],
        vecs: tuple[list[dict[str, float]], list[dict[str, float]]],
        groups: list[Group],
        seq: int,
    ) -> dict[StoryId, tuple[StoryId, ...]]:
        merged: dict[StoryId, tuple[StoryId, ...]] = {}
        for group in groups:
            if not group.alive or not (group.articles or group.absorbed):
                continue
            if group.story_id is None:
                first = min(group.articles)
                group.story_id = story_id_for(batch[first].article_id)
            self.state.put_story(
                StoryRecord(
                    id=group.story_id,
                    size=group.size,
                    vector_sum=group.vector_sum,
                    entity_sum=group.entity_sum,
                    first=group.first,
                    last=group.last,
                    created=group.created,
                    term_sum=group.term_sum,
                    words=group.words,
                )
            )
            bridge = tuple(batch[i].article_id for i in sorted(group.articles))
            for absorbed, into, score in group.absorbed:
                self.state.move_members(absorbed, into)
                self.state.drop_story(absorbed)
                self.state.add_merge(Merge(absorbed, into, round(score, 6), bridge, seq))
            merged[group.story_id] = tuple(absorbed for absorbed, _, _ in group.absorbed)
            for i in group.articles:
                feats = batch[i]
                record = MemberRecord(
                    article_id=feats.article_id,
                    key=keys[i],
                    entities=tuple(vecs[0][i].items()),
                    date=feats.date,
                    headline=feats.headline,
                    joined=seq,
                    terms=tuple(vecs[1][i].items()),
                    words=feats.words,
                    vector=feats.vector,
                )
                self.state.put_member(record, group.story_id)
        return merged

    # -- explanations --------------------------------------------------------------------

    def _assignment(
        self,
        member: MemberRecord,
        story: StoryRecord,
        vector: np.ndarray,
        found: Neighbours,
        *,
        merged: tuple[StoryId, ...],
    ) -> Assignment:
        evec = dict(member.entities)
        tvec = dict(member.terms)
        own = vector.astype(np.float64)
        nearest: list[tuple[ArticleId, float]] = []
        others: list[StoryId] = []
        for key, cosine in found:
            other = self.state.member_by_key(key)
            if other is None or other.article_id == member.article_id:
                continue
            other_story = self.state.story_of(other.article_id)
            if other_story == story.id:
                if len(nearest) < NEAREST_SHOWN:
                    nearest.append((other.article_id, round(cosine, 4)))
            elif other_story is not None and other_story not in others:
                others.append(other_story)
        candidate = self._best_other(member, own, evec, tvec, others[:CANDIDATES_SCORED])
        if story.size > 1:
            rest_e = {k: v - evec.get(k, 0.0) for k, v in story.entity_sum.items()}
            rest_t = {k: v - tvec.get(k, 0.0) for k, v in story.term_sum.items()}
            score = group_score(
                (own, story.vector_sum - own),
                (evec, rest_e),
                (tvec, rest_t),
                (1, story.size - 1),
                gap_days(member.date, member.date, story.first, story.last),
                self.options,
            )
            shared = _shared(evec, rest_e)
            rest_words = None
            if story.words is not None and member.words is not None:
                rest_words = story.words - member.words
            shorter = min(_per_member(member.words, 1), _per_member(rest_words, story.size - 1))
            threshold = join_threshold(shorter, self.options)
        else:
            reached = candidate is not None and candidate.score != -math.inf
            score = candidate.score if candidate is not None and reached else 0.0
            shared = ()
            threshold = join_threshold(_per_member(member.words, 1), self.options)
        return Assignment(
            article_id=member.article_id,
            story_id=story.id,
            score=round(score, 4),
            shared_entities=shared,
            nearest_articles=tuple(nearest),
            new_story=story.created == member.joined,
            merged=merged,
            threshold=round(threshold, 4),
            nearest_other=candidate,
        )

    def _best_other(
        self,
        member: MemberRecord,
        vector: np.ndarray,
        evec: dict[str, float],
        tvec: dict[str, float],
        story_ids: list[StoryId],
    ) -> Candidate | None:
        best: Candidate | None = None
        for story_id in story_ids:
            rec = self.state.story(story_id)
            if rec is None:
                continue
            gap = gap_days(member.date, member.date, rec.first, rec.last)
            parts = score_parts(
                (vector, rec.vector_sum),
                (evec, rec.entity_sum),
                (tvec, rec.term_sum),
                (1, rec.size),
                gap,
                self.options,
            )
            dormant = gap is not None and gap > self.options.dormant_days
            score = -math.inf if dormant else parts.total
            if best is not None and score <= best.score:
                continue
            shorter = min(_per_member(member.words, 1), _per_member(rec.words, rec.size))
            threshold = join_threshold(shorter, self.options)
            best = Candidate(
                story_id=story_id,
                score=round(score, 4) if score != -math.inf else score,
                threshold=round(threshold, 4),
                parts=parts,
                shared_entities=_shared(evec, rec.entity_sum),
                missing=self._missing(parts, gap, vector, rec),
            )
        return best

    def _missing(
        self, parts: ScoreParts, gap: int | None, vector: np.ndarray, rec: StoryRecord
    ) -> tuple[str, ...]:
        out = []
        if parts.entities <= 1e-9:
            out.append("no shared entity")
        if self.options.term_weight and parts.terms <= 1e-9:
            out.append("no shared content word")
        if gap is not None and gap > self.options.dormant_days:
            out.append(f"{gap} days apart: the story had gone dormant")
        elif gap:
            out.append(f"{gap} days apart")
        centroid = rec.vector_sum / max(rec.size, 1)
        cosine = float(np.dot(vector, centroid))
        if cosine < LEAD_COSINE_LOW:
            out.append(f"leads worded unlike the story's (mean cosine {cosine:.2f})")
        return tuple(out)


def _shared(evec: dict[str, float], other: dict[str, float]) -> tuple[str, ...]:
    contrib = {k: w * other.get(k, 0.0) for k, w in evec.items()}
    return tuple(k for k, c in sorted(contrib.items(), key=_by_weight_then_key) if c > 1e-9)[
        :SHARED_SHOWN
    ]


def _per_member(words: float | None, size: int) -> float:
    """Mean content words of ``size`` members from their sum; unknown (a story saved without
    counts) reads as long."""
    return math.inf if words is None else words / size


def _story_key(rec: StoryRecord) -> tuple[int, StoryId]:
    return (rec.created, rec.id)


def _member_key(member: MemberRecord) -> ArticleId:
    return member.article_id


def _by_weight_then_key(item: tuple[str, float]) -> tuple[float, str]:
    return (-item[1], item[0])
