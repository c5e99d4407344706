"""The story clusterer's state in the store's tables, read by key and written by the row.

:class:`SQLClusterState` implements :class:`storyweave.stories.ClusterState` over
``cluster_stories``, ``cluster_members`` (with each member's vector, from which the vector
index is rebuilt), ``cluster_merges``, ``cluster_entity_df`` and ``cluster_meta`` (counters).
It works inside one transaction: :func:`cluster_state` opens it, takes the store-wide story
lock (PostgreSQL: ``pg_advisory_xact_lock``; SQLite: the write transaction, ``BEGIN
IMMEDIATE``), and commits the rows a batch changed together with the stories' memberships
(:func:`write_story`). Nothing is loaded whole: a batch reads the stories, members and
document frequencies it touches, and keeps what it read for the rest of the transaction.

DOCS: docs/stages/stories.md
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
import sqlalchemy as sa

from .._types import ArticleId, StoryId
from ..errors import StorageError
from ..model import Story
from ..stories.state import MemberRecord, MemoryClusterState, Merge, StoryRecord
from . import schema as t
from .cluster_rows import (
    member_of_row,
    member_row,
    merge_row,
    story_of_row,
    story_row,
    with_vector,
)
from .rows import now

if TYPE_CHECKING:
    from numpy.typing import NDArray


class _Database(Protocol):
    """What these functions need of a store (:class:`~.sql.SQLStore`): its engine and URL."""

    engine: sa.Engine
    url: str


STORY_LOCK = (0x53747279, 1)
"""PostgreSQL advisory lock (two-int form) that serialises story formation across processes."""
_CHUNK = 500  # ids per IN list
_TOP_UP_ROWS = 2_000


@contextmanager
def cluster_state(store: _Database, *, write: bool = True) -> Iterator[SQLClusterState]:
    """A :class:`SQLClusterState` in one transaction, committed when the block ends.

    With ``write`` the transaction holds the story lock from its first statement, so a
    second process forming stories waits for this one to commit and then sees its rows.
    """
    try:
        with (
            store.engine.connect().execution_options(storyweave_write=write) as conn,
            conn.begin(),
        ):
            if write and conn.dialect.name == "postgresql":
                lock = sa.text("SELECT pg_advisory_xact_lock(:a, :b)")
                conn.execute(lock, {"a": STORY_LOCK[0], "b": STORY_LOCK[1]})
            state = SQLClusterState(conn)
            yield state
            if write:
                state.flush()
    except sa.exc.SQLAlchemyError as e:
        raise StorageError("E301", url=store.url, detail=str(e).splitlines()[0]) from e


def placed(store: _Database, ids: Iterable[ArticleId]) -> dict[ArticleId, StoryId]:
    """The story of each of ``ids`` the clusterer has placed (a read, no lock)."""
    with store.engine.connect() as conn:
        return _placed(conn, list(dict.fromkeys(ids)))


def _placed(conn: sa.Connection, ids: list[ArticleId]) -> dict[ArticleId, StoryId]:
    m = t.cluster_members.c
    out: dict[ArticleId, StoryId] = {}
    for part in _chunks(ids):
        query = sa.select(m.article_id, m.story_id).where(m.article_id.in_(part))
        out |= {r.article_id: r.story_id for r in conn.execute(query)}
    return out


class SQLClusterState:
    """A :class:`~storyweave.stories.ClusterState` over the cluster tables, on one connection.

    Writes go to the database at once (the transaction sees its own writes); reads are
    by key and kept for the transaction. Counters are written by :meth:`flush`.
    """

    def __init__(self, conn: sa.Connection) -> None:
        self.conn = conn
        self._stories: dict[StoryId, StoryRecord | None] = {}
        self._members: dict[ArticleId, MemberRecord | None] = {}
        self._story_of: dict[ArticleId, StoryId] = {}
        self._by_key: dict[int, ArticleId | None] = {}
        self._df: dict[str, int] = {}
        self._meta: dict[str, str] | None = None
        self._dirty: set[str] = set()
        self.imported = False
        """Whether :meth:`import_state` ran in this transaction."""

    # -- stories ---------------------------------------------------------------------------

    def story(self, story_id: StoryId) -> StoryRecord | None:
        if story_id not in self._stories:
            s = t.cluster_stories
            row = self.conn.execute(sa.select(s).where(s.c.story_id == story_id)).first()
            self._stories[story_id] = None if row is None else story_of_row(row)
        return self._stories[story_id]

    def stories(self) -> Iterator[StoryRecord]:
        s = t.cluster_stories
        query = sa.select(s).order_by(s.c.created, s.c.story_id)
        return iter([story_of_row(r) for r in self.conn.execute(query)])

    def put_story(self, record: StoryRecord) -> None:
        s = t.cluster_stories
        row = story_row(record)
        done = self.conn.execute(sa.update(s).where(s.c.story_id == record.id).values(**row))
        if not done.rowcount:
            self.conn.execute(sa.insert(s).values(story_id=record.id, **row))
        self._stories[record.id] = record

    def drop_story(self, story_id: StoryId) -> None:
        s = t.cluster_stories
        self.conn.execute(sa.delete(s).where(s.c.story_id == story_id))
        self._stories[story_id] = None

    # -- members ---------------------------------------------------------------------------

    def member(self, article_id: ArticleId) -> MemberRecord | None:
        if article_id not in self._members:
            m = t.cluster_members
            row = self.conn.execute(sa.select(m).where(m.c.article_id == article_id)).first()
            self._members[article_id] = None if row is None else self._remember(row)
        return self._members[article_id]

    def member_by_key(self, key: int) -> MemberRecord | None:
        if key not in self._by_key:
            m = t.cluster_members
            row = self.conn.execute(sa.select(m).where(m.c.key == key)).first()
            self._by_key[key] = None if row is None else self._remember(row).article_id
        article_id = self._by_key[key]
        return None if article_id is None else self._members[article_id]

    def prefetch(self, keys: Iterable[int]) -> None:
        missing = [k for k in dict.fromkeys(keys) if k not in self._by_key]
        m = t.cluster_members
        for lo in range(0, len(missing), _CHUNK):
            part = missing[lo : lo + _CHUNK]
            self._by_key |= dict.fromkeys(part)
            for row in self.conn.execute(sa.select(m).where(m.c.key.in_(part))):
                self._remember(row)

    def story_of(self, article_id: ArticleId) -> StoryId | None:
        return None if self.member(article_id) is None else self._story_of[article_id]

    def members(self, story_id: StoryId) -> list[MemberRecord]:
        m = t.cluster_members
        query = sa.select(m).where(m.c.story_id == story_id).order_by(m.c.key)
        return [self._remember(r) for r in self.conn.execute(query)]

    def put_member(self, record: MemberRecord, story_id: StoryId) -> None:
        if record.vector is None:
            raise ValueError(f"member {record.article_id} has no vector to store")
        m = t.cluster_members
        row = {**member_row(record), "story_id": story_id}
        if self.member(record.article_id) is None:
            self.conn.execute(sa.insert(m).values(article_id=record.article_id, **row))
        else:
            where = m.c.article_id == record.article_id
            self.conn.execute(sa.update(m).where(where).values(**row))
        self._members[record.article_id] = record
        self._story_of[record.article_id] = story_id
        self._by_key[record.key] = record.article_id

    def move_members(self, source: StoryId, target: StoryId) -> None:
        m = t.cluster_members
        self.conn.execute(sa.update(m).where(m.c.story_id == source).values(story_id=target))
        for article_id, story_id in self._story_of.items():
            if story_id == source:
                self._story_of[article_id] = target

    def _remember(self, row: Any) -> MemberRecord:
        record = member_of_row(row)
        self._members[record.article_id] = record
        self._story_of[record.article_id] = row.story_id
        self._by_key[record.key] = record.article_id
        return record

    # -- merges, document frequencies, counters -------------------------------------------

    def add_merge(self, merge: Merge) -> None:
        self.conn.execute(sa.insert(t.cluster_merges).values(**merge_row(merge)))

    def merges(self, *, into: StoryId | None = None) -> list[Merge]:
        g = t.cluster_merges
        query = sa.select(g).order_by(g.c.seq, g.c.id)
        if into is not None:
            query = query.where(g.c.into == into)
        return [
            Merge(r.absorbed, r.into, r.score, tuple(json.loads(r.bridge)), r.seq)
            for r in self.conn.execute(query)
        ]

    def entity_df(self, keys: Iterable[str]) -> dict[str, int]:
        wanted = list(dict.fromkeys(keys))
        missing = [k for k in wanted if k not in self._df]
        d = t.cluster_entity_df.c
        for part in _chunks(missing):
            self._df |= dict.fromkeys(part, 0)
            query = sa.select(d.key, d.df).where(d.key.in_(part))
            self._df |= {r.key: int(r.df) for r in self.conn.execute(query)}
        return {k: self._df[k] for k in wanted}

    def count_entities(self, keys: Iterable[str], *, articles: int) -> None:
        counts = Counter(keys)
        before = self.entity_df(counts)
        d = t.cluster_entity_df
        old = [{"k": k, "df": before[k] + n} for k, n in sorted(counts.items()) if before[k]]
        new = [{"key": k, "df": n} for k, n in sorted(counts.items()) if not before[k]]
        if old:
            where = d.c.key == sa.bindparam("k")
            self.conn.execute(sa.update(d).where(where).values(df=sa.bindparam("df")), old)
        if new:
            self.conn.execute(sa.insert(d), new)
        self._df |= {k: before[k] + n for k, n in counts.items()}
        self._set("articles", self.article_count() + articles)

    def article_count(self) -> int:
        return int(self._values().get("articles", 0))

    def next_seq(self) -> int:
        seq = int(self._values().get("seq", 0)) + 1
        self._set("seq", seq)
        return seq

    def model(self) -> str | None:
        """The embedding model (and dimensions) of the stored vectors, if any are stored."""
        return self._values().get("model")

    def set_model(self, model: str) -> None:
        self._set("model", model)

    def _values(self) -> dict[str, str]:
        if self._meta is None:
            c = t.cluster_meta.c
            self._meta = {r.key: r.value for r in self.conn.execute(sa.select(c.key, c.value))}
        return self._meta

    def _set(self, key: str, value: object) -> None:
        self._values()[key] = str(value)
        self._dirty.add(key)

    def flush(self) -> None:
        """Write the counters this transaction changed."""
        c = t.cluster_meta
        for key in sorted(self._dirty):
            value = self._values()[key]
            if not self.conn.execute(
                sa.update(c).where(c.c.key == key).values(value=value)
            ).rowcount:
                self.conn.execute(sa.insert(c).values(key=key, value=value))
        self._dirty.clear()

    # -- the vector index's source, and the one-time import --------------------------------

    def index_tag(self) -> tuple[int, int]:
        """(members, highest key): what an index holding every stored vector covers."""
        m = t.cluster_members.c
        count, top = self.conn.execute(sa.select(sa.func.count(), sa.func.max(m.key))).one()
        return int(count), int(top or 0)

    def keyed_vectors(self, after: int) -> Iterator[tuple[list[int], NDArray[np.float32]]]:
        """The stored vectors of keys above ``after`` in key order, in chunks."""
        m = t.cluster_members.c
        while True:
            query = sa.select(m.key, m.vector).where(m.key > after).order_by(m.key)
            rows = self.conn.execute(query.limit(_TOP_UP_ROWS)).all()
            if not rows:
                return
            keys = [int(r.key) for r in rows]
            yield keys, np.stack([np.frombuffer(r.vector, dtype=np.float32) for r in rows])
            after = keys[-1]

    def is_empty(self) -> bool:
        """No counter and no member yet: nothing was ever clustered (or imported)."""
        if self._values():
            return False
        m = t.cluster_members.c
        return self.conn.execute(sa.select(m.key).limit(1)).first() is None

    def import_state(
        self, state: MemoryClusterState, vectors: dict[int, NDArray[np.float32]]
    ) -> None:
        """Write an in-memory state (a store's older folder) into the empty tables."""
        df, articles, seq = state.counters()
        rows = [{"key": k, "df": v} for k, v in sorted(df.items())]
        for lo in range(0, len(rows), _CHUNK):
            self.conn.execute(sa.insert(t.cluster_entity_df), rows[lo : lo + _CHUNK])
        for rec in state.stories():
            self.put_story(rec)
            for member in state.members(rec.id):
                self.put_member(with_vector(member, vectors[member.key]), rec.id)
        for merge in state.merges():
            self.add_merge(merge)
        self._set("articles", articles)
        self._set("seq", seq)
        self.imported = True

    # -- the stories' memberships ------------------------------------------------------------

    def write_story(self, story: Story, *, method: str) -> None:
        """Make ``story`` hold exactly its articles in ``stories`` / ``story_articles``."""
        write_story(self.conn, story, method=method)


def write_story(conn: sa.Connection, story: Story, *, method: str) -> None:
    """Make ``story`` hold exactly its articles (moving them from other stories), on ``conn``;
    a story left with no articles is deleted. Writers of one story serialise on its row.
    Each story changed is marked stale (``stale_stories``) until its analysis is written."""
    s, m = t.stories, t.story_articles.c
    row = {"id": story.id, "title": story.title, "method": method, "created_at": now()}
    _insert_ignore(conn, s, [row])
    conn.execute(sa.select(s.c.id).where(s.c.id == story.id).with_for_update())
    conn.execute(sa.update(s).where(s.c.id == story.id).values(title=story.title, method=method))
    ids = list(story.article_ids)
    left: set[StoryId] = set()
    for part in _chunks(ids):
        found = conn.execute(sa.select(m.story_id).where(m.article_id.in_(part)).distinct())
        left |= set(found.scalars())
        conn.execute(sa.delete(t.story_articles).where(m.article_id.in_(part)))
    conn.execute(sa.delete(t.story_articles).where(m.story_id == story.id))
    rows = [{"article_id": aid, "story_id": story.id} for aid in ids]
    for lo in range(0, len(rows), _CHUNK):
        _insert_ignore(conn, t.story_articles, rows[lo : lo + _CHUNK])
    for sid in sorted(left - {story.id}):  # stories this one took every article from
        if conn.execute(sa.select(m.article_id).where(m.story_id == sid).limit(1)).first() is None:
            conn.execute(sa.delete(s).where(s.c.id == sid))
    # every story whose membership changed (or that went) waits for its analysis
    marks = [{"story_id": sid} for sid in sorted(left | {story.id})]
    _insert_ignore(conn, t.stale_stories, marks)


def _insert_ignore(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql

        conn.execute(postgresql.insert(table).values(rows).on_conflict_do_nothing())
    else:
        from sqlalchemy.dialects import sqlite

        conn.execute(sqlite.insert(table).values(rows).on_conflict_do_nothing())


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for lo in range(0, len(items), _CHUNK):
        yield items[lo : lo + _CHUNK]
