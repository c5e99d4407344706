"""The groups an agglomeration merges: a batch's articles and the stories they may join, with
the sums their average-link scores read, and how two of them become one.

DOCS: docs/stages/stories.md
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from storyweave._types import StoryId


@dataclass(slots=True, eq=False)
class Group:
    """A batch article, a story it may join, or what merging them made: the sums of its
    members' vectors (average link in O(1)), its dates, its batch articles, the stories it
    absorbed and its neighbours (the groups it is scored against)."""

    gid: int
    story_id: StoryId | None
    created: int
    size: int
    vector_sum: np.ndarray
    entity_sum: dict[str, float]
    term_sum: dict[str, float]
    first: dt.date | None
    last: dt.date | None
    words: float | None = None
    articles: list[int] = field(default_factory=list)
    absorbed: list[tuple[StoryId, StoryId, float]] = field(default_factory=list)
    neighbours: set[int] = field(default_factory=set)
    version: int = 0
    alive: bool = True


def find_root(parent: list[int], gid: int) -> int:
    """The group ``gid`` was merged into, through every merge since (path halving)."""
    while parent[gid] != gid:
        parent[gid] = parent[parent[gid]]
        gid = parent[gid]
    return gid


def survivor(a: Group, b: Group) -> tuple[Group, Group]:
    """Which group keeps its identity: an existing story over a new group, the older story."""
    if a.story_id is not None and b.story_id is not None:
        return (a, b) if (a.created, a.story_id) <= (b.created, b.story_id) else (b, a)
    if b.story_id is not None:
        return b, a
    if a.story_id is not None:
        return a, b
    return (a, b) if min(a.articles) <= min(b.articles) else (b, a)


def merge_into(keep: Group, gone: Group, score: float) -> None:
    keep.vector_sum = keep.vector_sum + gone.vector_sum
    for key, value in gone.entity_sum.items():
        keep.entity_sum[key] = keep.entity_sum.get(key, 0.0) + value
    for key, value in gone.term_sum.items():
        keep.term_sum[key] = keep.term_sum.get(key, 0.0) + value
    keep.words = None if keep.words is None or gone.words is None else keep.words + gone.words
    keep.size += gone.size
    keep.first = earliest(keep.first, gone.first)
    keep.last = latest(keep.last, gone.last)
    keep.articles += gone.articles
    keep.absorbed += gone.absorbed
    if keep.story_id is not None and gone.story_id is not None:
        keep.absorbed.append((gone.story_id, keep.story_id, score))
    elif gone.story_id is not None:
        keep.story_id, keep.created = gone.story_id, gone.created
    keep.version += 1
    gone.alive = False


def earliest(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    return b if a is None else a if b is None else min(a, b)


def latest(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    return b if a is None else a if b is None else max(a, b)


def join(groups: list[Group], parent: list[int], a: Group, b: Group, score: float) -> Group:
    """Merge ``a`` and ``b`` (the survivor keeps its identity, :func:`survivor`) and give it the
    neighbours of both, each neighbour knowing it; returns the survivor."""
    keep, gone = survivor(a, b)
    merge_into(keep, gone, score)
    parent[gone.gid] = keep.gid
    keep.neighbours = {find_root(parent, n) for n in keep.neighbours | gone.neighbours}
    keep.neighbours -= {keep.gid, gone.gid}
    for n in keep.neighbours:
        groups[n].neighbours.add(keep.gid)
    return keep
