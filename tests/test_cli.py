"""End to end: `storyweave analyze` on the bundled examples, and the other commands."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyweave.cli import main
from storyweave.report import validate_report
from tests.conftest import EXAMPLES, postgres_schema


@dataclass(frozen=True)
class Analysed:
    db: str
    report: dict  # type: ignore[type-arg]
    html: Path


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def analysed(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Analysed]:
    """The examples analysed once per backend (PostgreSQL when reachable)."""
    tmp = tmp_path_factory.mktemp("demo")
    out, html = tmp / "report.json", tmp / "report.html"
    with ExitStack() as stack:
        db = str(tmp / "demo.db")
        if request.param == "postgresql":
            db = stack.enter_context(postgres_schema())
        res = CliRunner().invoke(
            main, ["analyze", str(EXAMPLES), "--db", db, "--json", str(out), "--html", str(html)]
        )
        assert res.exit_code == 0, res.output
        yield Analysed(db, json.loads(out.read_text(encoding="utf-8")), html)


def _entity(report: dict, name: str) -> dict:  # type: ignore[type-arg]
    found = [e for e in report["entities"] if e["name"] == name or name in e["aliases"]]
    assert found, f"no entity {name!r}"
    return found[0]


def test_report_is_valid_and_covers_every_example(analysed: Analysed) -> None:
    report = analysed.report
    validate_report(report)
    refs = {a["ref"] for a in report["articles"]}
    assert {"000_dd195cddc56944a4", "001_61c93157c20b0b58"} <= refs
    assert len(report["articles"]) == 10
    assert sum(len(s["articles"]) for s in report["stories"]) == 10


def _story_of(report: dict, ref: str) -> dict:  # type: ignore[type-arg]
    aid = next(a["id"] for a in report["articles"] if a["ref"] == ref)
    return next(s for s in report["stories"] if aid in s["articles"])  # type: ignore[no-any-return]


def test_seed_articles_form_one_story_and_the_rehab_stories_stay_apart(analysed: Analysed) -> None:
    report = analysed.report
    seed = _story_of(report, "000_dd195cddc56944a4")
    assert seed is _story_of(report, "001_61c93157c20b0b58")
    assert len(seed["articles"]) == 2  # nothing unrelated joined it
    reid = {_story_of(report, f"ecbplus-1_1{i}ecb")["id"] for i in range(4)}
    lohan = {_story_of(report, f"ecbplus-1_1{i}ecbplus")["id"] for i in range(4)}
    assert not reid & lohan  # two actresses, two rehab stories
    assert len(reid) == 1 and len(lohan) == 1  # and each is one story, not split
    assert len(report["stories"]) == 3
    assert len(seed["title"]) <= 120


def test_why_names_the_best_story_an_article_is_not_in(analysed: Analysed) -> None:
    seed = _story_of(analysed.report, "000_dd195cddc56944a4")
    res = CliRunner().invoke(main, ["show", seed["id"], "--db", analysed.db, "--why"])
    assert res.exit_code == 0, res.output
    assert "(bar 0." in res.output
    assert "best other story st_" in res.output and "below its bar" in res.output
    assert "missing: no shared entity" in res.output


def test_seed_articles_metadata_and_credit(analysed: Analysed) -> None:
    report = analysed.report
    seeds = {a["ref"]: a for a in report["articles"] if a["ref"].startswith("00")}
    tin_tuc = seeds["000_dd195cddc56944a4"]
    assert tin_tuc["outlet"] == "Tin Tuc" and tin_tuc["credit"] == "According to Tin Tuc newspaper"
    assert tin_tuc["published"] == "2023-09-13" and tin_tuc["language"] == "en"
    assert seeds["001_61c93157c20b0b58"]["outlet"] is None
    # nothing is found inside the credit line
    for e in report["entities"]:
        for m in e["mentions"]:
            if m["article"] == tin_tuc["id"]:
                assert m["end"] <= tin_tuc["body_end"]


def test_entities_found_in_the_seed_story(analysed: Analysed) -> None:
    report = analysed.report
    kim = _entity(report, "Kim Jong-un")
    assert kim["type"] == "PERSON"
    assert {"Kim Jong-un", "Kim Jong Un"} <= {
        kim["name"],
        *kim["aliases"],
    }  # spellings merged across articles
    assert len({m["article"] for m in kim["mentions"]}) == 2
    assert _entity(report, "Vladimir Putin")["type"] == "PERSON"
    assert _entity(report, "TASS")["type"] == "ORG"
    assert _entity(report, "Pyongyang")["type"] == "LOC"
    assert _entity(report, "Tara Reid")["type"] == "PERSON"
    assert _entity(report, "Lindsay Lohan")["type"] == "PERSON"
    assert _entity(report, "Kim Jong-un")["id"] != _entity(report, "Vladimir Putin")["id"]


def test_html_report_is_self_contained(analysed: Analysed) -> None:
    html = analysed.html.read_text(encoding="utf-8")
    assert '<mark class="ent ent-person" title="Kim Jong-un (PERSON)">Kim Jong-un</mark>' in html
    assert "http://" not in html.replace("http://www.w3.org", "") and "<script" not in html


def test_reanalysing_is_a_no_op(analysed: Analysed) -> None:
    db = analysed.db
    res = CliRunner().invoke(main, ["ingest", str(EXAMPLES), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "0 new, 10 already stored), 0 annotated" in res.output


def test_listing_commands(analysed: Analysed) -> None:
    db, report = analysed.db, analysed.report
    runner = CliRunner()
    res = runner.invoke(main, ["stories", "--db", str(db), "--entities"])
    assert res.exit_code == 0 and "Kim Jong-un" in res.output and "PERSON" in res.output
    res = runner.invoke(main, ["articles", "--db", str(db)])
    assert res.exit_code == 0 and "10 articles" in res.output
    story = report["stories"][0]["id"]
    res = runner.invoke(main, ["show", story, "--db", str(db)])
    assert res.exit_code == 0 and report["stories"][0]["title"][:20] in res.output
    res = runner.invoke(main, ["show", "s-nope", "--db", str(db)])
    assert res.exit_code == 1 and "No story with id 's-nope'" in res.output


def test_bad_inputs_are_named_and_the_rest_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Vladimir Putin met Kim Jong-un in Russia on Wednesday.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 closed, broken")  # Latin-1, not UTF-8
    (tmp_path / "lines.jsonl").write_text(
        '{"text": "Reid entered rehab."}\nnope\n', encoding="utf-8"
    )
    out = tmp_path / "r.json"
    res = CliRunner().invoke(
        main,
        [
            "analyze",
            str(tmp_path),
            str(tmp_path / "missing.txt"),
            "--db",
            str(tmp_path / "s.db"),
            "--json",
            str(out),
        ],
    )
    assert res.exit_code == 0, res.output
    assert "bad.txt: the file is not valid UTF-8" in res.output
    assert "lines.jsonl, line 2: not valid JSON" in res.output
    assert "missing.txt: no such file" in res.output
    assert len(json.loads(out.read_text())["articles"]) == 2


def test_nothing_analysable_exits_non_zero(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    res = CliRunner().invoke(
        main,
        [
            "analyze",
            str(tmp_path / "empty.txt"),
            "--db",
            str(tmp_path / "s.db"),
            "--json",
            str(tmp_path / "r.json"),
        ],
    )
    assert res.exit_code == 1
    assert (
        "empty.txt: the file is empty" in res.output and "nothing could be analysed" in res.output
    )
    assert not (tmp_path / "r.json").exists()


def test_bad_published_option(tmp_path: Path) -> None:
    res = CliRunner().invoke(
        main, ["ingest", str(EXAMPLES), "--published", "13/09/2023", "--db", str(tmp_path / "s.db")]
    )
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.output


def test_entities_and_entity_commands(analysed: Analysed) -> None:
    db, report = analysed.db, analysed.report
    runner = CliRunner()
    res = runner.invoke(main, ["entities", "--db", db, "--json", "--type", "ORG"])
    assert res.exit_code == 0, res.output
    orgs = {e["name"]: e for e in json.loads(res.output)}
    assert orgs["TASS"]["news_source"] and not orgs["Kremlin"]["news_source"]
    seed_story = _story_of(report, "000_dd195cddc56944a4")["id"]
    res = runner.invoke(main, ["entities", "--db", db, "--story", seed_story, "--json"])
    names = {e["name"] for e in json.loads(res.output)}
    assert "Vladimir Putin" in names and "Tara Reid" not in names
    res = runner.invoke(main, ["entity", "kim jong un", "--db", db, "--json"])
    (kim,) = json.loads(res.output)
    assert kim["name"] == "Kim Jong-un" and "North Korean leader" in kim["roles"]
    assert len(kim["stories"]) == 1  # both seed reports, one story
    assert all(m["text"].startswith(("Kim", "Pyongyang's top leader")) for m in kim["mentions"])
    res = runner.invoke(main, ["entity", "Putin", "--db", db])
    assert res.exit_code == 0 and "the Kremlin leader" in res.output  # a role description linked
    res = runner.invoke(main, ["entity", "Nobody Here", "--db", db])
    assert res.exit_code == 1 and "No entity named" in res.output


def _attributions_of(report: dict, ref: str) -> list[dict]:  # type: ignore[type-arg]
    aid = next(a["id"] for a in report["articles"] if a["ref"] == ref)
    names = {e["id"]: e["name"] for e in report["entities"]}
    return [
        {**q, "speaker": names.get(q["speaker"])}
        for q in report["attributions"]
        if q["article"] == aid
    ]


def test_seed_attribution_chains(analysed: Analysed) -> None:
    quotes = _attributions_of(analysed.report, "000_dd195cddc56944a4")
    chains = {tuple(q["chain"]) for q in quotes}
    # the article's credited outlet is the outermost link
    assert ("Tin Tuc", "TASS", "Dmitry Peskov") in chains
    assert ("Tin Tuc", "AFP", "An Chan-il") in chains
    assert ("Tin Tuc", "RIA Novosti", "Vladimir Putin") in chains
    ria = [q for q in quotes if "RIA Novosti" in q["chain"]]
    assert {q["source"]["text"] for q in ria} == {"the Kremlin leader"}
    assert {q["speaker"] for q in ria} == {"Vladimir Putin"}  # resolved through the role
    direct = [q for q in quotes if q["kind"] == "direct"]
    assert {q["speaker"] for q in direct} == {"Vladimir Putin"} and len(direct) >= 2
    analysts = next(q for q in quotes if q["source"] and q["source"]["text"] == "Analysts")
    assert analysts["source_type"] == "unnamed" and analysts["speaker"] is None
    other = _attributions_of(analysed.report, "001_61c93157c20b0b58")
    agency = next(q for q in other if q["source"] and "space agency" in q["source"]["text"])
    assert agency["speaker"] is None  # "Pyongyang's space agency" is not Pyongyang
    assert all(q["chain"][0] != "Tin Tuc" for q in other)


def test_seed_timexes(analysed: Analysed) -> None:
    report = analysed.report
    aid = next(a["id"] for a in report["articles"] if a["ref"] == "000_dd195cddc56944a4")
    got = {(t["text"], t["value"]) for t in report["timexes"] if t["article"] == aid}
    assert {("September 13", "2023-09-13"), ("A day earlier", "2023-09-12"), ("July", "2023-07"),
            ("the same day", "2023-09-13")} <= got  # fmt: skip


def test_quotes_command(analysed: Analysed) -> None:
    runner = CliRunner()
    res = runner.invoke(main, ["quotes", "--db", analysed.db, "--speaker", "peskov", "--json"])
    assert res.exit_code == 0, res.output
    (q,) = json.loads(res.output)
    assert q["chain"] == ["Tin Tuc", "TASS", "Dmitry Peskov"] and "Shoigu" in q["content"]["text"]
    res = runner.invoke(main, ["quotes", "--db", analysed.db, "--speaker", "Putin"])
    assert res.exit_code == 0 and "We will talk about all issues" in res.output
    assert "Tara Reid" not in res.output


def test_quotes_command_statements_only(analysed: Analysed) -> None:
    runner = CliRunner()
    every = runner.invoke(main, ["quotes", "--db", analysed.db, "--json"])
    stated = runner.invoke(main, ["quotes", "--db", analysed.db, "--statements", "--json"])
    assert every.exit_code == 0 and stated.exit_code == 0, every.output + stated.output
    every_rows, stated_rows = json.loads(every.output), json.loads(stated.output)
    cues = {(q["cue"] or {}).get("text") for q in stated_rows}
    assert "welcomed" in {(q["cue"] or {}).get("text") for q in every_rows}
    assert "welcomed" not in cues and "said" in cues
    assert all(q["statement"] is not False for q in stated_rows)
    assert len(stated_rows) < len(every_rows)


def test_quotes_command_by_kind(analysed: Analysed) -> None:
    runner = CliRunner()
    res = runner.invoke(main, ["quotes", "--db", analysed.db, "--kind", "direct", "--json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert rows and {q["kind"] for q in rows} == {"direct"}
    res = runner.invoke(main, ["quotes", "--db", analysed.db, "--kind", "quoted"])
    assert res.exit_code == 2 and "quoted" in res.output


def test_claims_and_show_why(analysed: Analysed) -> None:
    db, report = analysed.db, analysed.report
    seed = _story_of(report, "000_dd195cddc56944a4")
    runner = CliRunner()
    res = runner.invoke(main, ["claims", seed["id"], "--db", db, "--json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert {c["status"] for c in rows} == {
        "corroborated",
        "single_source",
    }  # the seeds hold no conflict
    met = [c for c in rows if "Vostochny" in c["text"] and c["status"] == "corroborated"]
    assert met and met[0]["independent_sources"] == 2
    res = runner.invoke(
        main, ["claims", seed["id"], "--db", db, "--status", "conflicting", "--json"]
    )
    assert json.loads(res.output) == []
    res = runner.invoke(main, ["show", seed["id"], "--db", db, "--why"])
    assert res.exit_code == 0 and "average-link score" in res.output
    assert "vostochny cosmodrome" in res.output  # a shared entity explains the pairing


def test_a_database_made_again_at_the_same_place_forms_its_stories(tmp_path: Path) -> None:
    # `make demo` deletes its database and analyses again: the story state left beside the old
    # file must not make the new store think its articles are already placed
    db = tmp_path / "again.db"
    summit = str(EXAMPLES / "kim-putin-summit.jsonl")
    for _ in range(2):
        out = str(tmp_path / "report.json")
        res = CliRunner().invoke(main, ["analyze", summit, "--db", str(db), "--json", out])
        assert res.exit_code == 0, res.output
        res = CliRunner().invoke(main, ["stories", "--db", str(db)])
        assert res.exit_code == 0 and "st_" in res.output, res.output
        db.unlink()


_READS_WITHOUT_MODELS = ("stories", "articles", "entities", "quotes")
_MODELS = ("spacy", "thinc", "onnxruntime", "usearch", "scipy")


def _assert_no_model_imported(args: list[str]) -> None:
    """Run the CLI with ``args`` in a fresh process; it must import none of :data:`_MODELS`."""
    check = (
        "import sys\n"
        "from storyweave.cli import main\n"
        f"main({args!r}, standalone_mode=False)\n"
        f"print('HEAVY', [m for m in {_MODELS!r} if m in sys.modules], file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "HEAVY []" in done.stderr, done.stderr


@pytest.mark.parametrize("command", _READS_WITHOUT_MODELS)
def test_read_only_commands_import_no_model(analysed: Analysed, command: str) -> None:
    """Reading the store must not pay for spaCy or the ONNX runtime."""
    _assert_no_model_imported([command, "--db", analysed.db])


def test_showing_a_story_imports_no_model(analysed: Analysed) -> None:
    seed = _story_of(analysed.report, "000_dd195cddc56944a4")
    _assert_no_model_imported(["show", seed["id"], "--db", analysed.db])


def test_export_imports_no_model(analysed: Analysed, tmp_path: Path) -> None:
    _assert_no_model_imported(["export", str(tmp_path), "--db", analysed.db])


@pytest.mark.parametrize(
    "extra", [["claims"], ["show", "--json"], ["quotes", "--story"], ["brief"], ["timeline"]]
)
def test_a_story_s_stored_analysis_is_read_without_a_model(
    analysed: Analysed, extra: list[str]
) -> None:
    """Claims, the story's JSON report and its quotes are read from the stored analysis."""
    seed = _story_of(analysed.report, "000_dd195cddc56944a4")
    _assert_no_model_imported([*extra, seed["id"], "--db", analysed.db])


def test_brief_and_timeline_commands(analysed: Analysed) -> None:
    seed = _story_of(analysed.report, "000_dd195cddc56944a4")
    runner = CliRunner()
    res = runner.invoke(main, ["brief", seed["id"], "--db", analysed.db, "--format", "json"])
    assert res.exit_code == 0, res.output
    sentences = json.loads(res.output)
    assert sentences and all(s["evidence"] for s in sentences)
    heads = [s for s in sentences if s["section"] == "headline"]
    claims = {c["id"]: c for c in seed["claims"]}
    assert all(claims[c]["status"] == "corroborated" for s in heads for c in s["claims"])
    md = runner.invoke(main, ["brief", seed["id"], "--db", analysed.db]).output
    assert "## Who said what" in md and "## Evidence" in md
    assert ".txt" not in md.split("## Evidence")[0]  # sources are named, never a file path
    html = runner.invoke(main, ["brief", seed["id"], "--db", analysed.db, "--format", "html"])
    assert html.output.startswith('<div class="brief"')
    res = runner.invoke(main, ["timeline", seed["id"], "--db", analysed.db])
    assert res.exit_code == 0 and "**13 September 2023**" in res.output, res.output
    # the announced attempt is dated by its plan and says so; the report of the day is not
    assert "**October 2023** (planned): Pyongyang's space agency" in res.output, res.output
    assert "**13 September 2023** (planned)" not in res.output
    res = runner.invoke(main, ["timeline", seed["id"], "--db", analysed.db, "--format", "json"])
    assert [e["date"] for e in json.loads(res.output)] == [e["date"] for e in seed["timeline"]]
    res = runner.invoke(main, ["brief", "st_nope", "--db", analysed.db])
    assert res.exit_code == 1 and "st_nope" in res.output


@pytest.mark.parametrize("command", ["claims", "brief", "timeline", "entities", "quotes"])
def test_every_listing_prints_table_json_jsonl_csv_md(analysed: Analysed, command: str) -> None:
    import csv
    import io

    seed = _story_of(analysed.report, "000_dd195cddc56944a4")
    args = [command, seed["id"]] if command in {"claims", "brief", "timeline"} else [command]
    if command in {"entities", "quotes"}:
        args += ["--story", seed["id"]]
    runner = CliRunner()

    def run(fmt: str) -> str:
        res = runner.invoke(main, [*args, "--db", analysed.db, "--format", fmt])
        assert res.exit_code == 0, res.output
        return res.output

    rows = json.loads(run("json"))
    assert rows, f"{command} printed no rows on the seed story"
    lines = [json.loads(line) for line in run("jsonl").splitlines()]
    assert lines == rows
    table = list(csv.reader(io.StringIO(run("csv"))))
    assert len(table) == len(rows) + 1 and all(len(r) == len(table[0]) for r in table)
    md = run("md").splitlines()
    if command in {"brief", "timeline"}:  # Markdown prose: the brief's sections, dated lines
        assert md and not md[0].startswith("| ")
    else:
        assert md[0].startswith("| ") and md[1].startswith("|") and len(md) >= len(rows) + 2
    assert run("table").strip()


def test_read_commands_refuse_a_store_that_is_not_there(tmp_path: Path) -> None:
    db = tmp_path / "nowhere.db"
    for args in (["stories"], ["claims", "st_x"], ["brief", "st_x"], ["articles"], ["export",
                 str(tmp_path / "out")]):  # fmt: skip
        res = CliRunner().invoke(main, [*args, "--db", str(db)])
        assert res.exit_code == 1 and "no store there" in res.output, args
    assert not db.exists()


def test_a_url_given_as_input_is_refused_with_a_hint_and_the_rest_goes_on(tmp_path: Path) -> None:
    db = str(tmp_path / "u.db")
    seed = EXAMPLES / "kim-putin-summit.jsonl"
    res = CliRunner().invoke(
        main, ["ingest", "https://news.example.com/a/1", str(seed), "--db", db]
    )
    assert res.exit_code == 0, res.output
    assert "https://news.example.com/a/1: a URL, not a file" in res.output
    assert "2 articles (2 new" in res.output


def test_analyze_writes_html_alone_and_refuses_no_output_before_reading(tmp_path: Path) -> None:
    seed = EXAMPLES / "kim-putin-summit.jsonl"
    res = CliRunner().invoke(main, ["analyze", str(seed), "--db", str(tmp_path / "a.db")])
    assert res.exit_code == 2 and "--json PATH, --html PATH or both" in res.output
    assert not (tmp_path / "a.db").exists()  # nothing was read or stored
    html = tmp_path / "r.html"
    res = CliRunner().invoke(
        main, ["analyze", str(seed), "--db", str(tmp_path / "a.db"), "--html", str(html)]
    )
    assert res.exit_code == 0, res.output
    assert "Coverage" in html.read_text(encoding="utf-8")


def test_serve_on_a_busy_port_says_so(tmp_path: Path) -> None:
    import socket

    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        res = CliRunner().invoke(
            main, ["serve", "--db", str(tmp_path / "s.db"), "--port", str(port)]
        )
    assert res.exit_code == 1
    assert f"cannot listen on 127.0.0.1:{port}" in res.output and "--port" in res.output


def test_articles_without_a_date_are_named_with_the_flag_to_pass(tmp_path: Path) -> None:
    note = tmp_path / "harbour.txt"
    note.write_text("The harbour reopened on Monday after the storm, the port said.\n")
    db = str(tmp_path / "d.db")
    res = CliRunner().invoke(main, ["ingest", str(note), "--db", db])
    assert res.exit_code == 0, res.output
    assert "1 article(s) have no publication date" in res.output and "harbour.txt" in res.output
    assert "--published YYYY-MM-DD" in res.output
    res = CliRunner().invoke(main, ["ingest", str(note), "--db", db, "--published", "2024-05-06"])
    assert "no publication date" not in res.output
