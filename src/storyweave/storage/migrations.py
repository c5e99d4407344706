"""Named, ordered, transactional schema migrations.

Each migration runs in its own transaction and is recorded in
``schema_migrations``; a failing one leaves the store at the previous version.
Never edit a migration that has shipped: add a new one. ``0001_initial``
creates the tables as :mod:`.schema` has them now, so a later migration must
be idempotent: it brings an older store up and finds a fresh one already there.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa

from ..errors import MigrationError
from . import schema, totals
from .search import create_fts, create_names_index


@dataclass(frozen=True, slots=True)
class Migration:
    name: str
    apply: Callable[[sa.Connection], None]


def _initial(conn: sa.Connection) -> None:
    tables = [t for name, t in schema.metadata.tables.items() if name in _INITIAL_TABLES]
    schema.metadata.create_all(conn, tables=tables)


_INITIAL_TABLES = frozenset(
    {
        "articles",
        "minhashes",
        "minhash_bands",
        "duplicates",
        "sentences",
        "mentions",
        "timexes",
        "attributions",
        "entities",
        "stage_runs",
        "failures",
        "stories",
        "story_articles",
    }
)


def _create_table(table: str) -> Callable[[sa.Connection], None]:
    """A migration creating ``table`` as :mod:`.schema` has it, unless it is already there."""

    def apply(conn: sa.Connection) -> None:
        schema.metadata.tables[table].create(conn, checkfirst=True)

    return apply


def _create_tables(tables: list[str]) -> Callable[[sa.Connection], None]:
    """A migration creating each of ``tables`` that is not already there."""

    def apply(conn: sa.Connection) -> None:
        for table in tables:
            _create_table(table)(conn)

    return apply


def _cluster_state(conn: sa.Connection) -> None:
    """The story clusterer's tables (a store's older folder state is imported on first use:
    docs/decisions/cluster-state-in-store.md)."""
    names = ("cluster_stories", "cluster_members", "cluster_merges", "cluster_entity_df")
    for table in (*names, "cluster_meta"):
        _create_table(table)(conn)


def _create_indexes(names: list[str]) -> Callable[[sa.Connection], None]:
    """A migration creating the indexes :mod:`.schema` declares under ``names`` (those a fresh
    store already has are left alone)."""

    def apply(conn: sa.Connection) -> None:
        for table in schema.metadata.tables.values():
            for index in table.indexes:
                if index.name in names:  # IF NOT EXISTS: no reflection (expression indexes)
                    conn.execute(sa.schema.CreateIndex(index, if_not_exists=True))

    return apply


def _add_columns(table: str, columns: list[sa.Column[object]]) -> Callable[[sa.Connection], None]:
    """A migration adding ``columns`` to ``table`` unless a fresh store already has them."""

    def apply(conn: sa.Connection) -> None:
        have = {c["name"] for c in sa.inspect(conn).get_columns(table)}
        for col in columns:
            if col.name not in have:
                ddl = sa.schema.CreateColumn(col).compile(dialect=conn.dialect)
                conn.execute(sa.text(f"ALTER TABLE {table} ADD COLUMN {ddl}"))

    return apply


def _store_id(conn: sa.Connection) -> None:
    """Give the store a random id, so files kept beside it can tell it from a store that was
    deleted and made again at the same place."""
    _create_table("store_info")(conn)
    table = schema.store_info
    if conn.execute(sa.select(table.c.value).where(table.c.key == "id")).first() is None:
        conn.execute(sa.insert(table).values(key="id", value=uuid.uuid4().hex))


def _read_paths(conn: sa.Connection) -> None:
    """What the lists read without scanning: entity counts by type, the stale marks, the kept
    totals, the list orders' indexes and the entity-name index; marks and totals are computed
    from the rows as they are."""
    from ..hashing import members_digest

    _add_columns(
        "entity_stats", [sa.Column("type", sa.String(10), nullable=False, server_default="OTHER")]
    )(conn)
    st, e = schema.entity_stats, schema.entities
    conn.execute(
        sa.update(st)
        .values(type=sa.select(e.c.type).where(e.c.id == st.c.entity_id).scalar_subquery())
        .where(st.c.entity_id.in_(sa.select(e.c.id)))
    )
    _create_tables(["stale_stories", "list_totals"])(conn)
    _create_indexes([i.name for i in schema.READ_INDEXES if i.name])(conn)
    members: dict[str, list[str]] = {}
    sa_ = schema.story_articles.c
    for sid, aid in conn.execute(sa.select(sa_.story_id, sa_.article_id)):
        members.setdefault(sid, []).append(aid)
    r = schema.story_revisions.c
    have = {row[0]: row[1] for row in conn.execute(sa.select(r.story_id, r.members))}
    stale = {sid for sid, ids in members.items() if have.get(sid) != members_digest(ids)}
    stale |= set(have) - set(members)  # revisions of stories that went: purged by the next run
    rows = [{"story_id": sid} for sid in sorted(stale)]
    for lo in range(0, len(rows), 500):
        conn.execute(sa.insert(schema.stale_stories), rows[lo : lo + 500])
    totals.recount(conn)
    create_names_index(conn)


MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_initial", _initial),
    Migration(
        "0002_entity_roles",
        _add_columns(
            "entities",
            [
                sa.Column("roles", sa.Text, nullable=False, server_default="[]"),
                sa.Column("news_source", sa.Boolean, nullable=False, server_default=sa.false()),
            ],
        ),
    ),
    # full-text search (FTS5 on SQLite; other engines search with LIKE and need no table)
    Migration("0003_search", create_fts),
    # the spaCy parse of each article body, so a report does not parse the bodies again
    Migration("0004_parses", _create_table("parses")),
    # the store's own id, which the folders beside it (story index and state) are tied to
    Migration("0005_store_id", _store_id),
    # which articles' mentions are linked, so a run killed before linking is finished later
    Migration("0006_entity_links", _create_table("entity_links")),
    # the story clusterer's state in the store (was a folder beside it; imported on first use)
    Migration("0007_cluster_state", _cluster_state),
    # each article's claim units and their embeddings, so a report does not cut or embed them
    Migration("0008_claim_units", _create_table("claim_units")),
    # each story's claims, timeline, graph edges, quotes and brief, computed when it changes
    Migration(
        "0009_story_analyses",
        _create_tables([*(t.name for t in schema.ANALYSIS_TABLES), "entity_stats"]),
    ),
    # what SQLStore.revision() reads: the newest write of each kind, by index, not by a count
    Migration(
        "0010_revision_indexes",
        _create_indexes(
            [
                "ix_articles_ingested_at",
                "ix_stage_runs_ran_at",
                "ix_entity_links_linked_at",
                "ix_story_revisions_computed_at",
            ]
        ),
    ),
    # the lists' orders as indexes, kept totals, stale marks, the entity-name index
    Migration("0011_read_paths", _read_paths),
    # where a dateline or byline ends, and the organisations an article is credited to
    Migration(
        "0012_article_credits",
        _add_columns(
            "articles", [sa.Column("body_start", sa.Integer), sa.Column("credits", sa.Text)]
        ),
    ),
    # which foreign articles of a story translate one of its English articles (one origin)
    Migration(
        "0013_story_translations",
        _add_columns(
            "story_revisions",
            [sa.Column("translations", sa.Text, nullable=False, server_default="[]")],
        ),
    ),
)


def applied(engine: sa.Engine) -> list[str]:
    with engine.connect() as conn:
        rows = conn.execute(sa.select(schema.schema_migrations.c.name)).all()
    return [r[0] for r in rows]


def migrate(engine: sa.Engine, *, url: str) -> list[str]:
    """Apply every pending migration in order; return the names applied now."""
    schema.metadata.create_all(engine, tables=[schema.schema_migrations])
    done = set(applied(engine))
    known = {m.name for m in MIGRATIONS}
    unknown = done - known
    if unknown:
        raise MigrationError("E304", url=url, name=sorted(unknown)[0])
    ran: list[str] = []
    for m in MIGRATIONS:
        if m.name in done:
            continue
        try:
            with engine.begin() as conn:
                m.apply(conn)
                conn.execute(
                    sa.insert(schema.schema_migrations).values(
                        name=m.name, applied_at=dt.datetime.now(dt.UTC).isoformat()
                    )
                )
        except sa.exc.SQLAlchemyError as e:
            raise MigrationError("E302", name=m.name, detail=str(e).splitlines()[0]) from e
        ran.append(m.name)
    return ran
