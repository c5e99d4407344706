"""Engines and dialect-aware statements shared by the store's queries."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.pool import StaticPool


def make_engine(url: str) -> sa.Engine:
    if not url.startswith("sqlite"):
        return sa.create_engine(url, pool_pre_ping=True)
    memory = url in ("sqlite://", "sqlite:///:memory:")
    engine = sa.create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": 30},
        poolclass=StaticPool if memory else None,
    )

    @sa.event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (below)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        if not memory:
            cur.execute("PRAGMA journal_mode=WAL")
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(conn: sa.Connection) -> None:
        # A write transaction takes SQLite's write lock at once (BEGIN IMMEDIATE), so a writer
        # waits for another (busy timeout) instead of failing when it upgrades a stale read.
        write = conn.get_execution_options().get("storyweave_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


@contextmanager
def write_tx(engine: sa.Engine) -> Iterator[sa.Connection]:
    """A write transaction: on SQLite it takes the write lock at BEGIN (a transaction that
    reads before it writes would otherwise fail to upgrade when another writer went first)."""
    with engine.connect().execution_options(storyweave_write=True) as conn, conn.begin():
        yield conn


def insert_ignore(conn: sa.Connection, table: sa.Table, row: dict[str, Any]) -> None:
    """INSERT ... ON CONFLICT DO NOTHING, in the dialect of the connection."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        conn.execute(pg_insert(table).values(**row).on_conflict_do_nothing())
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        conn.execute(sqlite_insert(table).values(**row).on_conflict_do_nothing())


def insert_rows(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(sa.insert(table), rows)


def paged(
    engine: sa.Engine,
    query: sa.Select[Any],
    source: sa.FromClause,
    where: Sequence[sa.ColumnElement[bool]],
    *,
    limit: int | None,
    offset: int,
    total: Callable[[sa.Connection], int] | None = None,
) -> tuple[int, Sequence[sa.Row[Any]]]:
    """How many rows of ``source`` match ``where``, and ``query``'s page of them (``limit``
    rows from ``offset``), read in one connection. ``total`` reads the count another way (a
    kept total: :mod:`.totals`) instead of counting the rows."""
    counted = sa.select(sa.func.count()).select_from(source).where(*where)
    with engine.connect() as conn:
        n = total(conn) if total is not None else int(conn.execute(counted).scalar_one())
        rows = conn.execute(query.limit(limit).offset(offset)).all()
    return n, rows
