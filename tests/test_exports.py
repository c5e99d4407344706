"""Exports: the bundled examples ingested once per backend, exported as CSV and JSON Lines, and
read back with the csv and json modules."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from storyweave import exports
from storyweave.cli import main
from storyweave.errors import ExportError, StorageError
from storyweave.exports import TABLES, ExportedTable, export_tables
from storyweave.model import AnnotatedArticle, Mention, Span
from storyweave.storage import SQLStore, open_store
from storyweave.storage import schema as t
from tests.conftest import EXAMPLES, make_article, postgres_schema

# commas, quotes, both line ends, a lone CR, a tab, formula-looking cells, non-ASCII, and the line
# separators JSON allows raw but str.splitlines splits on
HOSTILE = (
    '=cmd()|"/c calc"!A1, "quoted", and, commas\r\n'
    "+1 line two\n"
    "-2 line three\rline four\t@SUM(A1:A9)\n"
    'Zoë said “hi” \u2028 next\u2029 end\x85 done, =HYPERLINK("http://x")'
)
HOSTILE_TITLE = '=HYPERLINK("http://evil.example","click"), "title"'
HOSTILE_OUTLET = 'Wire, "East"\nDesk'

# what each exported file counts: its table in the store
SOURCES = {
    "articles": t.articles,
    "entities": t.entities,
    "mentions": t.mentions,
    "timexes": t.timexes,
    "attributions": t.attributions,
    "stories": t.stories,
    "story_articles": t.story_articles,
    "claims": t.story_claims,
    "evidence": t.claim_evidence,
    "timeline": t.story_timeline,
    "edges": t.story_edges,
    "quotes": t.story_quotes,
}


@dataclass(frozen=True)
class Exported:
    db: str
    store: SQLStore
    hostile_id: str
    csv: dict[str, list[dict[str, str]]]
    jsonl: dict[str, list[dict[str, Any]]]
    written: dict[str, list[ExportedTable]]
    folder: Path


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:  # file iteration splits on line ends only
        return [json.loads(line) for line in f]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def exported(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Exported]:
    """The examples ingested once per backend (PostgreSQL when reachable), with one hostile
    article stored beside them (and a mention in it), exported in both formats."""
    tmp = tmp_path_factory.mktemp("exports")
    with ExitStack() as stack:
        db = str(tmp / "store.db")
        if request.param == "postgresql":
            db = stack.enter_context(postgres_schema())
        res = CliRunner().invoke(main, ["ingest", str(EXAMPLES), "--db", db])
        assert res.exit_code == 0, res.output
        store = stack.enter_context(open_store(db))
        hostile = make_article(HOSTILE, ref="hostile,ref.txt", title=HOSTILE_TITLE,
                               outlet=HOSTILE_OUTLET)  # fmt: skip
        store.add_article(hostile)
        start = HOSTILE.index("Zoë")
        store.save_annotations(
            AnnotatedArticle(hostile, mentions=(Mention(Span(start, start + 3), "PERSON"),)), {}
        )
        written = {fmt: export_tables(store, tmp / fmt, fmt) for fmt in ("csv", "jsonl")}
        yield Exported(
            db=db,
            store=store,
            hostile_id=hostile.id,
            csv={name: read_csv(tmp / "csv" / f"{name}.csv") for name in TABLES},
            jsonl={name: read_jsonl(tmp / "jsonl" / f"{name}.jsonl") for name in TABLES},
            written=written,
            folder=tmp,
        )


def _count(store: SQLStore, table: sa.Table) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


def test_every_table_is_exported(exported: Exported) -> None:
    assert set(SOURCES) == set(TABLES)
    for fmt in ("csv", "jsonl"):
        assert [w.name for w in exported.written[fmt]] == list(TABLES)
        assert {p.name for p in (exported.folder / fmt).iterdir()} == {
            f"{name}.{fmt}" for name in TABLES
        }  # and nothing else: no temporary file is left


def test_row_counts_equal_the_table_counts(exported: Exported) -> None:
    for name, table in SOURCES.items():
        expected = _count(exported.store, table)
        assert expected > 0, name  # the examples fill every table
        for fmt in ("csv", "jsonl"):
            done = next(w for w in exported.written[fmt] if w.name == name)
            assert done.rows == expected, (fmt, name)
        assert len(exported.csv[name]) == expected, name
        assert len(exported.jsonl[name]) == expected, name


def test_csv_and_jsonl_hold_the_same_rows(exported: Exported) -> None:
    for name, spec in TABLES.items():
        rows_csv, rows_jsonl = exported.csv[name], exported.jsonl[name]
        assert list(rows_csv[0]) == list(spec.columns)  # the header row
        for c, j in zip(rows_csv, rows_jsonl, strict=True):
            assert list(j) == list(spec.columns)
            for col in spec.columns:
                value = j[col]
                if col in spec.json_columns:
                    assert isinstance(value, list | dict) or value is None, (name, col)
                    assert (json.loads(c[col]) if c[col] else None) == value, (name, col)
                elif value is None:
                    assert c[col] == "", (name, col)
                elif isinstance(value, bool):
                    assert c[col] == ("true" if value else "false"), (name, col)
                else:
                    assert c[col] == str(value), (name, col)


def test_rows_are_sorted_by_their_ids(exported: Exported) -> None:
    keys = {
        "articles": ("id",),
        "entities": ("id",),
        "mentions": ("article_id", "idx"),
        "timexes": ("article_id", "idx"),
        "attributions": ("article_id", "idx"),
        "stories": ("id",),
        "story_articles": ("story_id", "article_id"),
        "claims": ("story_id", "seq"),
        "evidence": ("story_id", "claim_seq", "seq"),
        "timeline": ("story_id", "seq"),
        "edges": ("story_id", "seq"),
        "quotes": ("story_id", "seq"),
    }
    for name, cols in keys.items():
        order = [tuple(r[c] for c in cols) for r in exported.jsonl[name]]
        assert order == sorted(order), name
        assert len(set(order)) == len(order), name


def test_an_export_again_writes_the_same_bytes(exported: Exported, tmp_path: Path) -> None:
    export_tables(exported.store, tmp_path, "csv")
    for name in TABLES:
        again = (tmp_path / f"{name}.csv").read_bytes()
        assert again == (exported.folder / "csv" / f"{name}.csv").read_bytes(), name


def _spans(rows: dict[str, list[dict[str, Any]]]) -> Iterator[tuple[str, Any, Any, Any]]:
    """(article, start, end, text) of every span in the files (JSON Lines for the evidence
    lists of timeline entries and edges)."""
    for name in ("mentions", "timexes", "evidence"):
        for r in rows[name]:
            yield r["article_id"], r["start"], r["end"], r["text"]
    for name in ("attributions", "quotes"):
        for r in rows[name]:
            for part in ("content", "cue", "source"):
                yield r["article_id"], r[f"{part}_start"], r[f"{part}_end"], r[f"{part}_text"]


def test_spans_text_is_the_article_text_at_its_offsets(exported: Exported) -> None:
    for rows in (exported.csv, exported.jsonl):
        texts = {a["id"]: a["text"] for a in rows["articles"]}
        checked = 0
        for aid, start, end, text in _spans(rows):
            if start in (None, ""):  # an attribution without a cue or a source
                assert end in (None, "") and text in (None, "")
                continue
            assert texts[aid][int(start) : int(end)] == text
            checked += 1
        assert checked > 500
    texts = {a["id"]: a["text"] for a in exported.jsonl["articles"]}
    for name in ("timeline", "edges"):
        for r in exported.jsonl[name]:
            for e in r["evidence"]:
                assert texts[e["article"]][e["start"] : e["end"]] == e["text"]
            assert r["articles"] == list(dict.fromkeys(e["article"] for e in r["evidence"]))
    zoe = [m for m in exported.csv["mentions"] if m["article_id"] == exported.hostile_id]
    assert [m["text"] for m in zoe] == ["Zoë"]


def test_ids_join_across_files(exported: Exported) -> None:
    rows = exported.csv
    articles = {a["id"]: a for a in rows["articles"]}
    entities = {e["id"]: e for e in rows["entities"]}
    stories = {s["id"]: s for s in rows["stories"]}
    claims = {c["claim_id"]: c for c in rows["claims"]}
    assert len(claims) == len(rows["claims"])  # a claim id names one claim
    for e in rows["evidence"]:
        claim = claims[e["claim_id"]]  # each evidence row joins to its claim ...
        assert (claim["story_id"], claim["seq"]) == (e["story_id"], e["claim_seq"])
        article = articles[e["article_id"]]  # ... and to its article, in the claim's story
        assert article["story_id"] == e["story_id"]
        assert e["published"] == article["published"] and e["outlet"] == article["outlet"]
    for c in rows["claims"]:
        assert c["story_id"] in stories
        cited = {e["article_id"] for e in rows["evidence"] if e["claim_id"] == c["claim_id"]}
        assert set(json.loads(c["articles"])) == cited
        assert int(c["evidence"]) == sum(e["claim_id"] == c["claim_id"] for e in rows["evidence"])
    for m in rows["mentions"]:
        assert m["article_id"] in articles
        if m["entity_id"]:
            assert entities[m["entity_id"]]["name"] == m["entity_name"]
    for e in rows["edges"]:
        assert entities[e["source"]]["name"] == e["source_name"]
        assert entities[e["target"]]["name"] == e["target_name"]
    members: dict[str, list[str]] = {}
    for m in rows["story_articles"]:
        members.setdefault(m["story_id"], []).append(m["article_id"])
        assert articles[m["article_id"]]["story_id"] == m["story_id"]
    for sid, s in stories.items():
        assert json.loads(s["article_ids"]) == members[sid]
        assert int(s["articles"]) == len(members[sid])
    counted = dict.fromkeys(entities, 0)
    for m in rows["mentions"]:
        if m["entity_id"]:
            counted[m["entity_id"]] += 1
    assert {eid: int(e["mentions"]) for eid, e in entities.items()} == counted


def test_csv_round_trips_hostile_text(exported: Exported) -> None:
    for rows in (exported.csv, exported.jsonl):
        hostile = next(a for a in rows["articles"] if a["id"] == exported.hostile_id)
        assert hostile["text"] == HOSTILE
        assert hostile["title"] == HOSTILE_TITLE
        assert hostile["outlet"] == HOSTILE_OUTLET
        assert hostile["ref"] == "hostile,ref.txt"
    # a JSON Lines file is one line per row, even with U+2028 in a text
    path = exported.folder / "jsonl" / "articles.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(exported.jsonl["articles"])


def test_excel_safe_neutralises_formula_cells(exported: Exported, tmp_path: Path) -> None:
    export_tables(exported.store, tmp_path, "csv", tables=["articles"], excel_safe=True)
    hostile = next(a for a in read_csv(tmp_path / "articles.csv") if a["id"] == exported.hostile_id)
    assert hostile["text"] == "'" + HOSTILE
    assert hostile["title"] == "'" + HOSTILE_TITLE
    assert hostile["outlet"] == HOSTILE_OUTLET  # starts with a letter: left alone
    assert [p.name for p in tmp_path.iterdir()] == ["articles.csv"]


def test_every_query_streams(exported: Exported, tmp_path: Path) -> None:
    """Each table's query fetches in batches (a server-side cursor on PostgreSQL), never all
    at once; the only other queries read one article's text each."""
    seen: list[tuple[str, bool]] = []

    def record(
        conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: Any
    ) -> None:
        seen.append((statement, bool(context.execution_options.get("stream_results"))))

    sa.event.listen(exported.store.engine, "before_cursor_execute", record)
    try:
        export_tables(exported.store, tmp_path, "jsonl")
    finally:
        sa.event.remove(exported.store.engine, "before_cursor_execute", record)
    selects = [(s, streamed) for s, streamed in seen if s.lstrip().upper().startswith("SELECT")]
    streamed = [s for s, on in selects if on]
    assert len(streamed) == len(TABLES) + 1  # and the stories' members, merged in
    for s, on in selects:
        assert on or ("articles.text" in s and "WHERE articles.id =" in s), s


def test_a_failed_export_leaves_the_previous_files(
    exported: Exported, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export_tables(exported.store, tmp_path, "csv")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def broken(r: Any) -> Iterator[Any]:
        yield from TABLES["articles"].rows(r)
        raise RuntimeError("killed half way")

    rows = TABLES["articles"]  # the claims file, written from the articles' rows, fails half way
    broken_claims = exports._Table("claims", rows.columns, rows.json_columns, broken)
    monkeypatch.setitem(TABLES, "claims", broken_claims)
    with pytest.raises(RuntimeError, match="half way"):
        export_tables(exported.store, tmp_path, "csv")
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # no .part left


def test_unknown_format_or_table(exported: Exported, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"E802.*format 'xml'"):
        export_tables(exported.store, tmp_path, "xml")
    with pytest.raises(ExportError, match=r"E802.*table 'nope'"):
        export_tables(exported.store, tmp_path, "csv", tables=["nope"])
    assert not list(tmp_path.iterdir())


def test_export_command(exported: Exported, tmp_path: Path) -> None:
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["export", "--format", "jsonl", str(out), "--db", exported.db])
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert len(lines) == len(TABLES)
    for line, name in zip(lines, TABLES, strict=True):
        rows = len(exported.jsonl[name])
        assert line == f"{out / name}.jsonl: {rows} rows"


def test_export_command_errors(exported: Exported, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    res = CliRunner().invoke(main, ["export", str(blocker / "out"), "--db", exported.db])
    assert res.exit_code == 1
    assert res.output.startswith("Error: [E801] Cannot write the export to ")
    assert len(res.output.strip().splitlines()) == 1
    res = CliRunner().invoke(
        main, ["export", "--format", "xml", str(tmp_path), "--db", exported.db]
    )
    assert res.exit_code == 2 and "'xml' is not one of 'csv', 'jsonl'" in res.output


def test_a_store_that_cannot_be_read(tmp_path: Path) -> None:
    with open_store(tmp_path / "broken.db") as store:
        with store.engine.begin() as conn:
            conn.execute(sa.text("DROP TABLE story_quotes"))
        with pytest.raises(StorageError, match="E301"):
            export_tables(store, tmp_path / "out", "csv")
    assert not list((tmp_path / "out").iterdir())  # the tables before it were not kept
