"""Full-text search over articles: SQLite FTS5 where available, LIKE queries elsewhere.

Migration ``0003_search`` creates the FTS5 table ``articles_fts`` (and the
triggers that keep it in step with ``articles``) on SQLite only. Other engines,
and SQLite builds without FTS5, fall back to case-insensitive LIKE queries; the
results are the same articles, ranked by recency instead of BM25. With FTS5 the ranking
is over the newest :data:`SEARCH_CANDIDATES` matches (a bounded read at any store size).

Migration ``0011_read_paths`` adds ``entities_fts``, a trigram index over entity names and
aliases, so "which entities' names hold this" is an index read, not a LIKE over every entity.

A hit never copies text: it names the article and the spans where the query's
words occur, so a view can cut its own snippet from the article it owns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from .._types import ArticleId
from ..model import Span
from . import schema as t

FTS_TABLE = "articles_fts"
NAMES_TABLE = "entities_fts"
# A search ranks (BM25) at most this many matches, the newest: ranking all of a common word's
# matches is linear in the store. Narrower queries reach older articles.
SEARCH_CANDIDATES = 1_000
# Queries are cut to this many words, each at most this long; longer input is noise, not intent.
MAX_TERMS = 8
MAX_TERM_CHARS = 64
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class SearchHit:
    """An article that matches, and where the query's words occur in its text."""

    article_id: ArticleId
    spans: tuple[Span, ...]


def query_terms(query: str) -> list[str]:
    """The words of a free-text query, deduplicated, in order (no operators survive)."""
    out: list[str] = []
    for word in _WORD.findall(query):
        word = word[:MAX_TERM_CHARS]
        if word.casefold() not in (w.casefold() for w in out):
            out.append(word)
    return out[:MAX_TERMS]


def fts_expression(terms: list[str], *, prefix: bool = True) -> str:
    """An FTS5 MATCH expression: every term as a quoted string, the last one as a prefix
    (unless not ``prefix``)."""
    quoted = [f'"{term}"' for term in terms]
    if prefix:
        quoted[-1] += "*"
    return " AND ".join(quoted)


def match_spans(text: str, terms: list[str], *, limit: int = 50) -> tuple[Span, ...]:
    """Where the terms occur in ``text`` (case-insensitive; the last term as a word prefix)."""
    if not terms:
        return ()
    alternatives = [
        re.escape(w) + r"\w*" if i == len(terms) - 1 else re.escape(w) + r"\b"
        for i, w in enumerate(terms)
    ]
    pattern = re.compile(r"\b(?:" + "|".join(alternatives) + ")", re.IGNORECASE)
    spans: list[Span] = []
    for m in pattern.finditer(text):
        spans.append(Span(m.start(), m.end()))
        if len(spans) >= limit:
            break
    return tuple(spans)


def has_fts(conn: sa.Connection) -> bool:
    return _has_table(conn, FTS_TABLE)


def create_fts(conn: sa.Connection) -> None:
    """Migration body: the FTS5 table, its back-fill, and the triggers (SQLite with FTS5 only)."""
    if conn.dialect.name != "sqlite" or not _fts5_compiled(conn):
        return
    statements = [
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
        "id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2')",
        f"INSERT INTO {FTS_TABLE} (id, title, text) "
        "SELECT id, coalesce(title, ''), text FROM articles",
        f"CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
        f"INSERT INTO {FTS_TABLE} (id, title, text) "
        "VALUES (new.id, coalesce(new.title, ''), new.text); END",
        f"CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
        f"DELETE FROM {FTS_TABLE} WHERE id = old.id; END",
        f"CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN "
        f"UPDATE {FTS_TABLE} SET title = coalesce(new.title, ''), text = new.text "
        "WHERE id = old.id; END",
    ]
    for statement in statements:
        conn.execute(sa.text(statement))


def _fts5_compiled(conn: sa.Connection) -> bool:
    rows = conn.execute(sa.text("PRAGMA compile_options")).all()
    return any(str(r[0]).upper() == "ENABLE_FTS5" for r in rows)


def search_articles(conn: sa.Connection, query: str, *, limit: int = 20) -> list[SearchHit]:
    """Articles whose title or text contains every word of ``query``, best first.

    With FTS5, the best by BM25 among the newest :data:`SEARCH_CANDIDATES` matches: ranking
    every match of a common word costs time linear in the store (63x slower at 100k articles
    than at 1k), while the newest matches are read from the index's end. The last word is
    taken as a prefix ("rehab" finds "rehabilitation") when the words as typed give fewer
    than ``limit`` articles.
    """
    terms = query_terms(query)
    if not terms:
        return []
    if has_fts(conn):
        # whole words first: a prefix expands to every longer word's matches, which FTS5
        # merges in full (linear in the store); when the words alone give a page, it is enough
        rows = _ranked(conn, fts_expression(terms, prefix=False), limit)
        if len(rows) < limit:
            rows = _ranked(conn, fts_expression(terms), limit)
    else:
        rows = list(conn.execute(_like_query(terms).limit(limit)).all())
    return [SearchHit(article_id=r.id, spans=match_spans(r.text, terms)) for r in rows]


_RANKED = sa.text(
    f"WITH newest AS (SELECT rowid AS r, bm25({FTS_TABLE}) AS score FROM {FTS_TABLE} "
    f"WHERE {FTS_TABLE} MATCH :q ORDER BY rowid DESC LIMIT :cap), "
    "best AS (SELECT r, score FROM newest ORDER BY score LIMIT :n) "
    f"SELECT a.id, a.title, a.text FROM best JOIN {FTS_TABLE} f ON f.rowid = best.r "
    "JOIN articles a ON a.id = f.id ORDER BY best.score, a.id"
)  # the id is read for the page's rows only (reading it for every candidate cost 3x)


def _ranked(conn: sa.Connection, expression: str, limit: int) -> list[Any]:
    """The ``limit`` best by BM25 of the newest :data:`SEARCH_CANDIDATES` matches."""
    params = {"q": expression, "n": limit, "cap": SEARCH_CANDIDATES}
    return list(conn.execute(_RANKED, params).all())


def names_match(conn: sa.Connection, needle: str) -> sa.ColumnElement[bool]:
    """Entities whose name or an alias holds ``needle`` (case-folded): from the trigram index
    ``entities_fts`` where there is one and the needle is long enough for it, else by LIKE
    over every entity (the caller checks the names themselves: the aliases are JSON text)."""
    e = t.entities.c
    if len(needle) >= 3 and _has_table(conn, NAMES_TABLE):
        phrase = '"' + needle.replace('"', '""') + '"'
        found = sa.text(f"SELECT id FROM {NAMES_TABLE} WHERE {NAMES_TABLE} MATCH :names")
        return e.id.in_(found.bindparams(names=phrase).columns(id=sa.String))
    return sa.or_(
        sa.func.lower(e.name).contains(needle, autoescape=True),
        sa.func.lower(e.aliases).contains(needle, autoescape=True),
    )


def create_names_index(conn: sa.Connection) -> None:
    """Migration body: the trigram FTS5 table over entity names and aliases, its back-fill
    and triggers (SQLite with FTS5 and the trigram tokenizer only)."""
    if conn.dialect.name != "sqlite" or not _fts5_compiled(conn) or _has_table(conn, NAMES_TABLE):
        return
    if tuple(int(p) for p in sqlite_version().split(".")[:2]) < (3, 34):
        return  # no trigram tokenizer: names are matched by LIKE
    names = "new.name || ' ' || new.aliases"
    statements = [
        f"CREATE VIRTUAL TABLE {NAMES_TABLE} USING fts5(id UNINDEXED, names, tokenize = 'trigram')",
        f"INSERT INTO {NAMES_TABLE} (id, names) SELECT id, name || ' ' || aliases FROM entities",
        f"CREATE TRIGGER entities_fts_insert AFTER INSERT ON entities BEGIN "
        f"INSERT INTO {NAMES_TABLE} (id, names) VALUES (new.id, {names}); END",
        f"CREATE TRIGGER entities_fts_delete AFTER DELETE ON entities BEGIN "
        f"DELETE FROM {NAMES_TABLE} WHERE id = old.id; END",
        f"CREATE TRIGGER entities_fts_update AFTER UPDATE OF name, aliases ON entities BEGIN "
        f"UPDATE {NAMES_TABLE} SET names = {names} WHERE id = old.id; END",
    ]
    for statement in statements:
        conn.execute(sa.text(statement))


def sqlite_version() -> str:
    import sqlite3

    return sqlite3.sqlite_version


def _has_table(conn: sa.Connection, name: str) -> bool:
    if conn.dialect.name != "sqlite":
        return False
    found = conn.execute(
        sa.text("SELECT name FROM sqlite_master WHERE type = 'table' AND name = :n"), {"n": name}
    ).first()
    return found is not None


def _like_query(terms: list[str]) -> sa.Select[tuple[str, str | None, str]]:
    conds = []
    for term in terms:
        pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        conds.append(
            sa.or_(
                t.articles.c.text.ilike(pattern, escape="\\"),
                t.articles.c.title.ilike(pattern, escape="\\"),
            )
        )
    return (
        sa.select(t.articles.c.id, t.articles.c.title, t.articles.c.text)
        .where(sa.and_(*conds))
        .order_by(t.articles.c.ingested_at.desc(), t.articles.c.id)
    )
