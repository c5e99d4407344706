"""What the story clusterer remembers between runs, behind a small protocol.

:class:`ClusterState` is the seam between clustering and storage: the
clusterer reads and writes stories, memberships, merges and entity document
frequencies only through it. :class:`MemoryClusterState` keeps everything in
dicts and can save itself to a folder (JSON + one ``.npy``); the SQL store can
implement the same protocol with the tables listed in docs/stages/stories.md.

DOCS: docs/stages/stories.md
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from storyweave._types import ArticleId, StoryId
from storyweave.errors import StorageError

Sums = NDArray[np.float64]
STATE_FILE = "state.json"
SUMS_FILE = "sums.npy"
FORMAT = "storyweave.stories/1"


@dataclass(slots=True)
class StoryRecord:
    """One story as the clusterer sees it: sums of its members' vectors, and dates.

    ``vector_sum`` and ``entity_sum`` are sums of member unit vectors, so the
    mean similarity of an article to all members is one dot product divided by
    ``size`` (average link in O(1)). ``created`` orders stories by age: in a
    merge the older story keeps its id.
    """

    id: StoryId
    size: int
    vector_sum: Sums
    entity_sum: dict[str, float]
    first: dt.date | None
    last: dt.date | None
    created: int
    term_sum: dict[str, float] = field(default_factory=dict)
    words: float | None = None
    """Sum of the members' content-word counts (how much text the story's evidence rests
    on); ``None`` for a story saved before it was kept (read as long articles)."""


@dataclass(frozen=True, slots=True)
class MemberRecord:
    """One article's place in the clustering: its index key, entity vector and date."""

    article_id: ArticleId
    key: int
    entities: tuple[tuple[str, float], ...]
    date: dt.date | None
    headline: str
    joined: int
    terms: tuple[tuple[str, float], ...] = ()
    words: int | None = None
    vector: NDArray[np.float32] | None = field(default=None, compare=False, repr=False)
    """The article's embedding (what the index holds under ``key``), kept by a state that
    stores it so that the index can be rebuilt; ``None`` where the index alone holds it."""


@dataclass(frozen=True, slots=True)
class Merge:
    """``absorbed`` was merged into ``into`` when ``bridge`` articles arrived."""

    absorbed: StoryId
    into: StoryId
    score: float
    bridge: tuple[ArticleId, ...]
    seq: int


class ClusterState(Protocol):
    """Storage of stories, memberships, merges and entity counts."""

    def story(self, story_id: StoryId) -> StoryRecord | None: ...

    def stories(self) -> Iterator[StoryRecord]: ...

    def put_story(self, record: StoryRecord) -> None: ...

    def drop_story(self, story_id: StoryId) -> None: ...

    def member(self, article_id: ArticleId) -> MemberRecord | None: ...

    def member_by_key(self, key: int) -> MemberRecord | None: ...

    def story_of(self, article_id: ArticleId) -> StoryId | None: ...

    def prefetch(self, keys: Iterable[int]) -> None:
        """A hint: the members under ``keys`` are about to be read (one query, not many)."""
        ...

    def members(self, story_id: StoryId) -> list[MemberRecord]: ...

    def put_member(self, record: MemberRecord, story_id: StoryId) -> None: ...

    def move_members(self, source: StoryId, target: StoryId) -> None: ...

    def add_merge(self, merge: Merge) -> None: ...

    def merges(self, *, into: StoryId | None = None) -> list[Merge]:
        """The merges, oldest first (only those into ``into`` when given)."""
        ...

    def entity_df(self, keys: Iterable[str]) -> dict[str, int]: ...

    def count_entities(self, keys: Iterable[str], *, articles: int) -> None: ...

    def article_count(self) -> int: ...

    def next_seq(self) -> int:
        """A new, increasing sequence number (for keys, batches and merges)."""
        ...


@dataclass
class MemoryClusterState:
    """A :class:`ClusterState` in memory; :meth:`save` / :meth:`load` a folder."""

    _stories: dict[StoryId, StoryRecord] = field(default_factory=dict)
    _members: dict[ArticleId, MemberRecord] = field(default_factory=dict)
    _by_key: dict[int, ArticleId] = field(default_factory=dict)
    _story_of: dict[ArticleId, StoryId] = field(default_factory=dict)
    _roster: dict[StoryId, list[ArticleId]] = field(default_factory=dict)
    _merges: list[Merge] = field(default_factory=list)
    _df: dict[str, int] = field(default_factory=dict)
    _articles: int = 0
    _seq: int = 0

    def story(self, story_id: StoryId) -> StoryRecord | None:
        return self._stories.get(story_id)

    def stories(self) -> Iterator[StoryRecord]:
        return iter(list(self._stories.values()))

    def put_story(self, record: StoryRecord) -> None:
        self._stories[record.id] = record
        self._roster.setdefault(record.id, [])

    def drop_story(self, story_id: StoryId) -> None:
        self._stories.pop(story_id, None)
        self._roster.pop(story_id, None)

    def member(self, article_id: ArticleId) -> MemberRecord | None:
        return self._members.get(article_id)

    def member_by_key(self, key: int) -> MemberRecord | None:
        article_id = self._by_key.get(key)
        return None if article_id is None else self._members[article_id]

    def story_of(self, article_id: ArticleId) -> StoryId | None:
        return self._story_of.get(article_id)

    def prefetch(self, keys: Iterable[int]) -> None:
        del keys  # everything is in memory

    def members(self, story_id: StoryId) -> list[MemberRecord]:
        return [self._members[a] for a in self._roster.get(story_id, [])]

    def put_member(self, record: MemberRecord, story_id: StoryId) -> None:
        old = self._story_of.get(record.article_id)
        if old is not None and old != story_id:
            self._roster[old].remove(record.article_id)
        if old != story_id:
            self._roster.setdefault(story_id, []).append(record.article_id)
        self._members[record.article_id] = record
        self._by_key[record.key] = record.article_id
        self._story_of[record.article_id] = story_id

    def move_members(self, source: StoryId, target: StoryId) -> None:
        moved = self._roster.pop(source, [])
        for article_id in moved:
            self._story_of[article_id] = target
        self._roster.setdefault(target, []).extend(moved)

    def add_merge(self, merge: Merge) -> None:
        self._merges.append(merge)

    def merges(self, *, into: StoryId | None = None) -> list[Merge]:
        return [m for m in self._merges if into is None or m.into == into]

    def entity_df(self, keys: Iterable[str]) -> dict[str, int]:
        return {k: self._df.get(k, 0) for k in keys}

    def count_entities(self, keys: Iterable[str], *, articles: int) -> None:
        for key in keys:
            self._df[key] = self._df.get(key, 0) + 1
        self._articles += articles

    def article_count(self) -> int:
        return self._articles

    def next_seq(self) -> int:
        self._seq += 1
        return self._seq

    def counters(self) -> tuple[dict[str, int], int, int]:
        """Document frequencies, articles counted and the last sequence number (to copy)."""
        return dict(self._df), self._articles, self._seq

    # -- persistence -------------------------------------------------------------------

    def save(
        self, folder: Path, *, state_name: str = STATE_FILE, sums_name: str = SUMS_FILE
    ) -> None:
        """Write the state to ``folder`` (created if needed), as ``state_name`` and
        ``sums_name`` (a manifest names the files of one saved generation)."""
        folder.mkdir(parents=True, exist_ok=True)
        ids = sorted(self._stories)
        dim = len(self._stories[ids[0]].vector_sum) if ids else 0
        sums = np.zeros((len(ids), dim), dtype=np.float64)
        for row, story_id in enumerate(ids):
            sums[row] = self._stories[story_id].vector_sum
        doc: dict[str, Any] = {
            "format": FORMAT,
            "seq": self._seq,
            "articles": self._articles,
            "df": self._df,
            "stories": [_story_json(self._stories[s]) for s in ids],
            "members": [
                {**_member_json(m), "story": self._story_of[a]} for a, m in self._members.items()
            ],
            "merges": [_merge_json(m) for m in self._merges],
        }
        with (folder / sums_name).open("wb") as fh:
            np.save(fh, sums)
        tmp = folder / (state_name + ".tmp")
        tmp.write_text(json.dumps(doc), encoding="utf-8")
        tmp.replace(folder / state_name)

    @classmethod
    def load(
        cls, folder: Path, *, state_name: str = STATE_FILE, sums_name: str = SUMS_FILE
    ) -> MemoryClusterState:
        """Read a state saved by :meth:`save`; an absent folder gives an empty state."""
        state = cls()
        path = folder / state_name
        if not path.exists():
            return state
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
            sums = np.load(folder / sums_name)
        except (OSError, ValueError) as e:
            raise StorageError("E301", url=str(folder), detail=str(e)) from e
        if doc.get("format") != FORMAT:
            detail = f"unknown format {doc.get('format')!r}"
            raise StorageError("E301", url=str(folder), detail=detail)
        state._seq = int(doc["seq"])
        state._articles = int(doc["articles"])
        state._df = {str(k): int(v) for k, v in doc["df"].items()}
        for row, item in enumerate(doc["stories"]):
            state.put_story(_story_from(item, sums[row]))
        for item in doc["members"]:
            state.put_member(_member_from(item), item["story"])
        state._merges = [_merge_from(item) for item in doc["merges"]]
        return state


def _date_str(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _date_from(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def _story_json(rec: StoryRecord) -> dict[str, Any]:
    return {
        "id": rec.id,
        "size": rec.size,
        "entity_sum": rec.entity_sum,
        "first": _date_str(rec.first),
        "last": _date_str(rec.last),
        "created": rec.created,
        "term_sum": rec.term_sum,
        "words": rec.words,
    }


def _story_from(item: dict[str, Any], vector_sum: Sums) -> StoryRecord:
    return StoryRecord(
        id=item["id"],
        size=int(item["size"]),
        vector_sum=np.array(vector_sum, dtype=np.float64),
        entity_sum={str(k): float(v) for k, v in item["entity_sum"].items()},
        first=_date_from(item["first"]),
        last=_date_from(item["last"]),
        created=int(item["created"]),
        term_sum={str(k): float(v) for k, v in item.get("term_sum", {}).items()},
        words=None if item.get("words") is None else float(item["words"]),
    )


def _member_json(rec: MemberRecord) -> dict[str, Any]:
    return {
        "article": rec.article_id,
        "key": rec.key,
        "entities": [list(e) for e in rec.entities],
        "date": _date_str(rec.date),
        "headline": rec.headline,
        "joined": rec.joined,
        "terms": [list(t) for t in rec.terms],
        "words": rec.words,
    }


def _member_from(item: dict[str, Any]) -> MemberRecord:
    return MemberRecord(
        article_id=item["article"],
        key=int(item["key"]),
        entities=tuple((str(k), float(v)) for k, v in item["entities"]),
        date=_date_from(item["date"]),
        headline=item["headline"],
        joined=int(item["joined"]),
        terms=tuple((str(k), float(v)) for k, v in item.get("terms", [])),
        words=None if item.get("words") is None else int(item["words"]),
    )


def _merge_json(merge: Merge) -> dict[str, Any]:
    return {
        "absorbed": merge.absorbed,
        "into": merge.into,
        "score": merge.score,
        "bridge": list(merge.bridge),
        "seq": merge.seq,
    }


def _merge_from(item: dict[str, Any]) -> Merge:
    return Merge(
        absorbed=item["absorbed"],
        into=item["into"],
        score=float(item["score"]),
        bridge=tuple(item["bridge"]),
        seq=int(item["seq"]),
    )
