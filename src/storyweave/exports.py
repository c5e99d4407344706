"""Exports: the store's tables as CSV or JSON Lines files, one file per table, read from rows.

:func:`export_tables` writes ``articles``, ``entities``, ``mentions``, ``timexes``,
``attributions``, ``stories``, ``story_articles``, ``claims``, ``evidence``, ``timeline``,
``edges`` and ``quotes`` into a folder. Every file is read by streaming queries (server-side
cursors on PostgreSQL, ``yield_per`` batches), all in one read transaction, so the export is
one snapshot of the store and its memory does not grow with the store. Rows are sorted by
their ids; the ids join across files (``article_id``, ``entity_id``, ``story_id``,
``claim_id``). Spans are ``start``, ``end`` (Python ``str`` offsets into the article's
``text``) and the span's ``text``. List- and object-valued columns are JSON strings in CSV
and real JSON values in JSON Lines.

Each file is written under a temporary name in the folder and renamed over its final name
only when every file is complete: a killed or failed export leaves the files of the previous
export (or none), never a half-written file under a final name.

This module imports no model (no spaCy, ONNX runtime or SciPy): exports are read-only.

DOCS: docs/user-guide.md (Exports), docs/decisions/exports.md
"""

from __future__ import annotations

import csv
import json
import os
import secrets
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal

import sqlalchemy as sa

from .errors import ExportError, StorageError
from .storage import schema as t

if TYPE_CHECKING:
    from .storage import SQLStore

ExportFormat = Literal["csv", "jsonl"]
FORMATS: tuple[ExportFormat, ...] = ("csv", "jsonl")
BATCH_ROWS = 1000
"""Rows fetched per round trip (``yield_per``): what an export holds in memory per query."""

# characters a spreadsheet reads as the start of a formula (OWASP's list for CSV injection)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# line separators that JSON allows raw in strings but ``str.splitlines`` splits on
_JSONL_ESCAPES = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}
# the spans of an attribution or a quote, each written as start, end and text columns
_SPAN_PARTS = ("content", "cue", "source")


@dataclass(frozen=True, slots=True)
class ExportedTable:
    """One file an export wrote: the table's name, the file and how many rows it holds."""

    name: str
    path: Path
    rows: int
    columns: tuple[str, ...]


Row = Sequence[Any]
Rows = Callable[["_Reader"], Iterator[Row]]


@dataclass(frozen=True, slots=True)
class _Table:
    name: str
    columns: tuple[str, ...]
    json_columns: frozenset[str]
    rows: Rows


TABLES: dict[str, _Table] = {}
"""Every exported table by name, in the order they are written."""


def _table(name: str, columns: str, json_columns: str = "") -> Callable[[Rows], Rows]:
    def register(fn: Rows) -> Rows:
        TABLES[name] = _Table(name, tuple(columns.split()), frozenset(json_columns.split()), fn)
        return fn

    return register


def export_tables(
    store: SQLStore,
    folder: str | Path,
    fmt: str = "csv",
    *,
    tables: Sequence[str] | None = None,
    excel_safe: bool = False,
) -> list[ExportedTable]:
    """Write each of ``tables`` (default: all of :data:`TABLES`) to ``folder/<name>.<fmt>``.

    ``fmt`` is ``"csv"`` (UTF-8, a header row, RFC 4180 quoting) or ``"jsonl"`` (one JSON
    object per line). ``excel_safe`` prefixes ``'`` to CSV text cells that a spreadsheet would
    read as a formula (``=``, ``+``, ``-``, ``@``, tab, carriage return first): the cells then
    differ from the stored text, so it is off by default (docs/decisions/exports.md).
    Raises :class:`ExportError` (E801) when the folder cannot be written, E802 for an unknown
    format or table; :class:`StorageError` (E301) when the store cannot be read. Whatever
    fails, no temporary file is left and no file of an earlier export is replaced."""
    if fmt not in FORMATS:
        raise ExportError("E802", what="format", value=fmt, known=", ".join(FORMATS))
    names = list(TABLES) if tables is None else list(dict.fromkeys(tables))
    for name in names:
        if name not in TABLES:
            raise ExportError("E802", what="table", value=name, known=", ".join(TABLES))
    target = Path(folder)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ExportError("E801", path=target, detail=_reason(e)) from e
    written: list[tuple[ExportedTable, Path]] = []
    try:
        with _reader(store.engine) as reader:
            for name in names:
                spec = TABLES[name]
                final = target / f"{name}.{fmt}"
                temp, count = _write(spec, reader, target, fmt, excel_safe=excel_safe)
                written.append((ExportedTable(name, final, count, spec.columns), temp))
        for done, temp in written:  # every file is complete: only now replace the old ones
            os.replace(temp, done.path)
        _sync_dir(target)
    except OSError as e:
        raise ExportError("E801", path=target, detail=_reason(e)) from e
    except sa.exc.SQLAlchemyError as e:
        raise StorageError("E301", url=store.url, detail=str(e).splitlines()[0]) from e
    finally:
        for _, temp in written:
            temp.unlink(missing_ok=True)
    return [done for done, _ in written]


def _reason(e: OSError) -> str:
    return f"{e.strerror or e}" + (f" ({e.filename})" if e.filename else "")


def _write(
    spec: _Table, reader: _Reader, folder: Path, fmt: str, *, excel_safe: bool
) -> tuple[Path, int]:
    temp = folder / f".{spec.name}.{fmt}.{os.getpid()}-{secrets.token_hex(4)}.part"
    # O_EXCL: a name no one else holds; mode 0o666 less the umask, as a plain open would give
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with open(fd, "w", encoding="utf-8", newline="") as f:
            write = (_csv_rows if fmt == "csv" else _jsonl_rows)(f, spec, excel_safe=excel_safe)
            count = 0
            for row in spec.rows(reader):
                write(row)
                count += 1
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp, count


def _csv_rows(f: IO[str], spec: _Table, *, excel_safe: bool) -> Callable[[Row], None]:
    """Write the header row to ``f``; return what writes each row after it."""
    out = csv.writer(f, dialect="excel")  # "," and '"', fields quoted when they need it, CRLF
    out.writerow(spec.columns)
    is_json = [c in spec.json_columns for c in spec.columns]

    def write(row: Row) -> None:
        out.writerow([_cell(v, j, excel_safe) for v, j in zip(row, is_json, strict=True)])

    return write


def _cell(value: Any, is_json: bool, excel_safe: bool) -> Any:
    if value is None:
        return ""
    if is_json:
        return _dumps(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if excel_safe and isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _jsonl_rows(f: IO[str], spec: _Table, *, excel_safe: bool) -> Callable[[Row], None]:
    """What writes each row to ``f`` as one line (``excel_safe`` is for CSV only)."""

    def write(row: Row) -> None:
        line = _dumps(dict(zip(spec.columns, row, strict=True)))
        for char, escaped in _JSONL_ESCAPES.items():
            if char in line:
                line = line.replace(char, escaped)
        f.write(line + "\n")

    return write


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _sync_dir(folder: Path) -> None:
    """Make the renames durable (where the platform can open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class _Reader:
    """One read transaction for every query of an export, each result streamed in batches,
    and the text of the article being read."""

    def __init__(self, conn: sa.Connection) -> None:
        self.conn = conn
        self._text_of: tuple[str, str] | None = None

    def stream(self, query: sa.Select[Any]) -> Generator[sa.Row[Any], None, None]:
        result = self.conn.execute(query.execution_options(yield_per=BATCH_ROWS))
        try:
            yield from result
        finally:
            result.close()

    def text(self, article_id: str) -> str:
        """The article's text; one query per article when rows come in article order."""
        if self._text_of is None or self._text_of[0] != article_id:
            found = self.conn.execute(
                sa.select(t.articles.c.text).where(t.articles.c.id == article_id)
            ).scalar_one_or_none()
            self._text_of = (article_id, found or "")
        return self._text_of[1]


@contextmanager
def _reader(engine: sa.Engine) -> Iterator[_Reader]:
    """A connection whose reads all see one snapshot: SQLite's read transaction (begun at the
    first query, ended when the connection closes), REPEATABLE READ on PostgreSQL."""
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        yield _Reader(conn)


def _cols(table: sa.Table, names: str) -> list[sa.Column[Any]]:
    return [table.c[name] for name in names.split()]


def _json(text: str | None) -> Any:
    return json.loads(text) if text else None


def _span(text: str, start: int | None, end: int | None) -> str | None:
    return None if start is None or end is None else text[start:end]


def _span_cells(d: dict[str, Any], text: str | None = None) -> list[Any]:
    """``start``, ``end`` and ``text`` of a stored attribution's content, cue and source (three
    Nones for one it lacks): the text cut from ``text`` (the article's) when it is given, else
    the span's stored text."""
    cells: list[Any] = []
    for part in _SPAN_PARTS:
        s = d.get(part)
        if not isinstance(s, dict):
            cells += (None, None, None)
        elif text is None:
            cells += (s.get("start"), s.get("end"), s.get("text"))
        else:
            cells += (s["start"], s["end"], _span(text, s["start"], s["end"]))
    return cells


def _articles_of(evidence: Any) -> list[str]:
    """The distinct articles of an evidence list, in order."""
    ids = [e.get("article") for e in evidence or () if isinstance(e, dict)]
    return list(dict.fromkeys(a for a in ids if a))


# -- the tables ---------------------------------------------------------------------------------


@_table(
    "articles",
    "id ref title url outlet published language author credit body_end body_start credits "
    "ingested_at story_id "
    "duplicate_of duplicate_kind text",
)
def _articles(r: _Reader) -> Iterator[Row]:
    a, sa_, d = t.articles.c, t.story_articles.c, t.duplicates.c
    query = (
        sa.select(
            *_cols(t.articles, "id ref title url outlet published language author credit"),
            *_cols(t.articles, "body_end body_start credits ingested_at"),
            sa_.story_id,
            d.original_id,
            d.kind,
            a.text,
        )
        .outerjoin(t.story_articles, sa_.article_id == a.id)
        .outerjoin(t.duplicates, d.article_id == a.id)
        .order_by(a.id)
    )
    yield from r.stream(query)


@_table("entities", "id name type aliases roles news_source mentions articles", "aliases roles")
def _entities(r: _Reader) -> Iterator[Row]:
    e, m = t.entities.c, t.mentions.c
    counts = (
        sa.select(
            m.entity_id.label("entity_id"),
            sa.func.count().label("mentions"),
            sa.func.count(sa.distinct(m.article_id)).label("articles"),
        )
        .where(m.entity_id.is_not(None))
        .group_by(m.entity_id)
        .subquery()
    )
    query = (
        sa.select(
            *_cols(t.entities, "id name type aliases roles news_source"),
            counts.c.mentions,
            counts.c.articles,
        )
        .outerjoin(counts, counts.c.entity_id == e.id)
        .order_by(e.id)
    )
    for row in r.stream(query):
        yield (
            row.id, row.name, row.type, _json(row.aliases) or [], _json(row.roles) or [],
            bool(row.news_source), row.mentions or 0, row.articles or 0,
        )  # fmt: skip


@_table("mentions", "article_id idx start end text label entity_id entity_name entity_type")
def _mentions(r: _Reader) -> Iterator[Row]:
    m, e = t.mentions.c, t.entities.c
    query = (
        sa.select(m.article_id, m.idx, m.start, m.end, m.label, m.entity_id, e.name, e.type)
        .outerjoin(t.entities, e.id == m.entity_id)
        .order_by(m.article_id, m.idx)
    )
    for row in r.stream(query):
        text = _span(r.text(row.article_id), row.start, row.end)
        yield (
            row.article_id, row.idx, row.start, row.end, text, row.label, row.entity_id,
            row.name, row.type,
        )  # fmt: skip


@_table("timexes", "article_id idx start end text type value anchor anchored mod")
def _timexes(r: _Reader) -> Iterator[Row]:
    x = t.timexes.c
    query = sa.select(
        x.article_id, x.idx, x.start, x.end, x.type, x.value, x.anchor, x.anchored, x.mod
    ).order_by(x.article_id, x.idx)
    for row in r.stream(query):
        text = _span(r.text(row.article_id), row.start, row.end)
        yield (
            row.article_id, row.idx, row.start, row.end, text, row.type, row.value, row.anchor,
            bool(row.anchored), row.mod,
        )  # fmt: skip


_SPAN_COLUMNS = " ".join(f"{p}_start {p}_end {p}_text" for p in _SPAN_PARTS)


@_table(
    "attributions",
    "article_id idx kind statement speaker_id speaker_name source_type chain " + _SPAN_COLUMNS,
    "chain",
)
def _attributions(r: _Reader) -> Iterator[Row]:
    at = t.attributions.c
    query = sa.select(at.article_id, at.idx, at.data).order_by(at.article_id, at.idx)
    for row in r.stream(query):
        d = json.loads(row.data)
        spans = _span_cells(d, r.text(row.article_id))
        yield (
            row.article_id, row.idx, d.get("kind"), d.get("statement"), d.get("speaker"),
            d.get("speaker_name"), d.get("source_type"), list(d.get("chain") or []), *spans,
        )  # fmt: skip


@_table(
    "stories",
    "id title method created_at articles article_ids outlets first_seen last_seen corroborated "
    "single_source conflicting updated analysed_at brief",
    "article_ids outlets",
)
def _stories(r: _Reader) -> Iterator[Row]:
    s, rev, m = t.stories.c, t.story_revisions.c, t.story_articles.c
    query = (
        sa.select(
            *_cols(t.stories, "id title method created_at"),
            *_cols(t.story_revisions, "outlets first_seen last_seen corroborated single_source"),
            *_cols(t.story_revisions, "conflicting updated computed_at brief_markdown"),
        )
        .outerjoin(t.story_revisions, rev.story_id == s.id)
        .order_by(s.id)
    )
    # the members, merged in: both queries are in story order (the database's own ordering,
    # so only equality is compared), and every membership row names a story (a foreign key)
    members = r.stream(sa.select(m.story_id, m.article_id).order_by(m.story_id, m.article_id))
    try:
        pending = next(members, None)
        for row in r.stream(query):
            ids: list[str] = []
            while pending is not None and pending.story_id == row.id:
                ids.append(pending.article_id)
                pending = next(members, None)
            yield (
                row.id, row.title, row.method, row.created_at, len(ids), ids,
                _json(row.outlets) or [], row.first_seen, row.last_seen, row.corroborated,
                row.single_source, row.conflicting, row.updated, row.computed_at,
                row.brief_markdown,
            )  # fmt: skip
    finally:
        members.close()


@_table("story_articles", "story_id article_id published outlet title")
def _story_articles(r: _Reader) -> Iterator[Row]:
    m, a = t.story_articles.c, t.articles.c
    query = (
        sa.select(m.story_id, m.article_id, a.published, a.outlet, a.title)
        .join(t.articles, a.id == m.article_id)
        .order_by(m.story_id, m.article_id)
    )
    yield from r.stream(query)


@_table(
    "claims",
    "claim_id story_id seq status text independent_sources modality evidence articles origins "
    "conflicts_with superseded_by same_event why slots",
    "articles origins conflicts_with superseded_by same_event slots",
)
def _claims(r: _Reader) -> Iterator[Row]:
    c = t.story_claims.c
    query = sa.select(
        c.story_id, c.seq, c.claim_id, c.status, c.text, c.independent_sources, c.data
    ).order_by(c.story_id, c.seq)
    for row in r.stream(query):
        d = json.loads(row.data)
        evidence = d.get("evidence") or []
        yield (
            row.claim_id, row.story_id, row.seq, row.status, row.text, row.independent_sources,
            d.get("modality"), len(evidence), _articles_of(evidence), d.get("origins") or [],
            d.get("conflicts_with") or [], d.get("superseded_by") or [],
            d.get("same_event") or [], d.get("why"), d.get("slots"),
        )  # fmt: skip


@_table(
    "evidence",
    "claim_id story_id claim_seq seq article_id outlet published start end text states "
    "modality speaker",
    "states",
)
def _evidence(r: _Reader) -> Iterator[Row]:
    e, c, a = t.claim_evidence.c, t.story_claims.c, t.articles.c
    query = (
        sa.select(
            c.claim_id,
            *_cols(t.claim_evidence, "story_id claim_seq seq article_id"),
            a.outlet,
            a.published,
            *_cols(t.claim_evidence, "start end text states modality speaker"),
        )
        .join(t.story_claims, (c.story_id == e.story_id) & (c.seq == e.claim_seq))
        .outerjoin(t.articles, a.id == e.article_id)
        .order_by(e.story_id, e.claim_seq, e.seq)
    )
    for row in r.stream(query):
        yield (
            row.claim_id, row.story_id, row.claim_seq, row.seq, row.article_id, row.outlet,
            row.published, row.start, row.end, row.text, _json(row.states) or [],
            row.modality, row.speaker,
        )  # fmt: skip


@_table("timeline", "story_id seq date precision text articles evidence", "articles evidence")
def _timeline(r: _Reader) -> Iterator[Row]:
    x = t.story_timeline.c
    query = sa.select(x.story_id, x.seq, x.date, x.text, x.data).order_by(x.story_id, x.seq)
    for row in r.stream(query):
        d = json.loads(row.data)
        evidence = d.get("evidence") or []
        yield (
            row.story_id, row.seq, row.date, d.get("precision"), row.text,
            _articles_of(evidence), evidence,
        )  # fmt: skip


@_table(
    "edges",
    "story_id seq source source_name target target_name kind directed weight claims articles "
    "evidence",
    "claims articles evidence",
)
def _edges(r: _Reader) -> Iterator[Row]:
    g = t.story_edges.c
    src, dst = t.entities.alias("source_entity"), t.entities.alias("target_entity")
    query = (
        sa.select(
            *_cols(t.story_edges, "story_id seq source"),
            src.c.name.label("source_name"),
            g.target,
            dst.c.name.label("target_name"),
            *_cols(t.story_edges, "kind weight data"),
        )
        .outerjoin(src, src.c.id == g.source)
        .outerjoin(dst, dst.c.id == g.target)
        .order_by(g.story_id, g.seq)
    )
    for row in r.stream(query):
        d = json.loads(row.data)
        yield (
            row.story_id, row.seq, row.source, row.source_name, row.target, row.target_name,
            row.kind, d.get("directed"), row.weight, list(d.get("claims") or []),
            _articles_of(d.get("evidence")), d.get("evidence") or [],
        )  # fmt: skip


@_table(
    "quotes",
    "story_id seq article_id kind statement speaker_id speaker_label speaker_name source_type "
    "chain " + _SPAN_COLUMNS,
    "chain",
)
def _quotes(r: _Reader) -> Iterator[Row]:
    q = t.story_quotes.c
    query = sa.select(
        q.story_id, q.seq, q.article_id, q.kind, q.statement, q.speaker, q.speaker_label, q.data
    ).order_by(q.story_id, q.seq)
    for row in r.stream(query):
        d = json.loads(row.data)
        spans = _span_cells(d)
        yield (
            row.story_id, row.seq, row.article_id, row.kind,
            None if row.statement is None else bool(row.statement), row.speaker,
            row.speaker_label, d.get("speaker_name"), d.get("source_type"),
            list(d.get("chain") or []), *spans,
        )  # fmt: skip
