"""Input that never kills a batch: wrong JSONL types, odd file names, symbolic links, UTF-16/32
and degenerate text each get one coded, one-line message naming the file (and line)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from storyweave.ingest import IngestOptions, read_inputs
from storyweave.ingest.checks import degenerate_reason
from storyweave.ingest.decode import printable_name
from storyweave.model import Article, Failure
from storyweave.server.uploads import drafts_from_upload

BODY = "Floods closed the main road into Valencia on Monday, the regional government said."


def _read(*paths: Path) -> tuple[list[Article], list[Failure]]:
    items = list(read_inputs(paths, IngestOptions()))
    for f in items:
        if isinstance(f, Failure):
            assert "\n" not in f.error and f.error.isprintable(), f.error
            assert f.ref is not None and f.ref.isprintable()
    return [i for i in items if isinstance(i, Article)], [
        i for i in items if isinstance(i, Failure)
    ]


def _jsonl(path: Path, *objects: object) -> Path:
    path.write_text("\n".join(json.dumps(o) for o in objects) + "\n", encoding="utf-8")
    return path


# --- JSONL fields -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "got"),
    [
        ("title", 5, "the number 5"),
        ("url", 3.5, "the number 3.5"),
        ("outlet", ["AFP"], "a list"),
        ("language", {"code": "en"}, "an object"),
        ("title", True, "true"),
        ("published", 20230913, "the number 20230913"),
        ("id", "", "an empty string"),
        ("id", False, "false"),
        ("id", 1.5, "the number 1.5"),
    ],
)
def test_a_field_of_the_wrong_type_names_file_line_and_field(
    tmp_path: Path, field: str, value: object, got: str
) -> None:
    p = _jsonl(
        tmp_path / "batch.jsonl",
        {"text": BODY, "id": "good"},
        {"text": BODY + " Again.", field: value},
    )
    arts, (fail,) = _read(p)
    assert [a.ref for a in arts] == ["good"]  # the rest of the batch goes on
    assert fail.code == "E115" and fail.ref == str(p)
    start = f"[E115] {p}, line 2: field {field!r} is {got}; it must be"
    assert fail.error.startswith(start)


def test_a_numeric_id_and_unknown_fields_are_fine(tmp_path: Path) -> None:
    p = _jsonl(tmp_path / "b.jsonl", {"text": BODY, "id": 42, "colour": "red", "title": None})
    (a,), fails = _read(p)
    assert not fails and a.ref == "42" and a.title is None


@pytest.mark.parametrize(
    ("line", "what"),
    [
        ('{"text": "Rain fell on Lyon \\ud800 on Friday."}', "lone surrogate U+D800"),
        ('{"text": "Rain fell on Lyon on Friday.", "title": "a\\u0000b"}', "NUL character"),
        ('{"text": "Rain fell on Lyon on Friday.", "id": "\\udfff"}', "lone surrogate"),
    ],
)
def test_characters_no_store_can_hold_are_refused(tmp_path: Path, line: str, what: str) -> None:
    p = tmp_path / "b.jsonl"
    p.write_text(line + "\n" + json.dumps({"text": BODY}) + "\n", encoding="utf-8")
    (_,), (fail,) = _read(p)
    assert fail.code == "E116" and f"{p}, line 1:" in fail.error and what in fail.error


def test_a_number_too_long_for_python_is_a_bad_line(tmp_path: Path) -> None:
    p = tmp_path / "b.jsonl"
    p.write_text('{"text": "Rain fell.", "id": ' + "1" * 5000 + "}\n", encoding="utf-8")
    _, (fail,) = _read(p)
    assert fail.code == "E106" and "line 1" in fail.error


# --- names --------------------------------------------------------------------------------


def test_a_name_that_is_not_utf8_is_refused_and_named_printably(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "good.txt").write_text(BODY, encoding="utf-8")
    bad = os.fsencode(root) + b"/caf\xe9.txt"
    with open(bad, "wb") as fh:
        fh.write(BODY.encode())
    os.mkdir(os.fsencode(root) + b"/dossier \xff")
    with open(os.fsencode(root) + b"/dossier \xff/x.txt", "wb") as fh:
        fh.write(BODY.encode() + b" Inside.")
    arts, fails = _read(root)
    assert [Path(a.ref).name for a in arts] == ["good.txt"]
    assert {f.code for f in fails} == {"E117"}
    assert sorted(f.error for f in fails) == [
        f"[E117] {root}: the file name caf\\xe9.txt is not valid UTF-8 (its undecodable bytes "
        "are shown as \\xNN); it was not read. Rename it to read it.",
        f"[E117] {root}: the folder name dossier \\xff is not valid UTF-8 (its undecodable "
        "bytes are shown as \\xNN); it was not read. Rename it to read it.",
    ]


def test_a_name_with_control_characters_is_refused(tmp_path: Path) -> None:
    (tmp_path / "two\nlines.txt").write_text(BODY, encoding="utf-8")
    _, (fail,) = _read(tmp_path)
    assert fail.code == "E118" and "two\\nlines.txt" in fail.error


def test_printable_name() -> None:
    assert printable_name(os.fsdecode(b"a\xff.txt")) == "a\\xff.txt"
    assert printable_name("tab\there.txt") == "tab\\there.txt"
    assert printable_name("café.txt") == "café.txt"


# --- symbolic links -----------------------------------------------------------------------


@pytest.fixture
def linked(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("The secret plan was never announced, aides said.")
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(BODY, encoding="utf-8")
    (root / "sub" / "b.txt").write_text(BODY + " Second.", encoding="utf-8")
    (root / "passwd.txt").symlink_to("/etc/passwd")
    (root / "secret.txt").symlink_to(outside / "secret.txt")
    (root / "out").symlink_to(outside, target_is_directory=True)
    (root / "again.txt").symlink_to(root / "a.txt")  # a second name for a.txt
    (root / "sub" / "up").symlink_to("..", target_is_directory=True)  # a loop
    (root / "loop.txt").symlink_to(root / "loop.txt")
    (root / "gone.txt").symlink_to(root / "missing.txt")
    return root


def test_links_out_of_the_folder_are_not_followed(linked: Path) -> None:
    arts, fails = _read(linked)
    assert sorted(Path(a.ref).name for a in arts) == ["a.txt", "b.txt"]  # each read once
    by_name = {Path(f.ref or "").name: f for f in fails}
    assert sorted(by_name) == ["gone.txt", "loop.txt", "out", "passwd.txt", "secret.txt"]
    assert by_name["passwd.txt"].code == "E119"
    assert by_name["passwd.txt"].error == (
        f"[E119] {linked}/passwd.txt: a symbolic link to /etc/passwd, outside the folder "
        f"{linked}; not followed."
    )
    assert by_name["secret.txt"].code == by_name["out"].code == "E119"
    assert by_name["gone.txt"].code == by_name["loop.txt"].code == "E120"
    assert not any("secret plan" in a.text for a in arts)


def test_a_link_to_a_hidden_file_inside_the_folder_is_read_once(tmp_path: Path) -> None:
    (tmp_path / ".drafts").mkdir()
    (tmp_path / ".drafts" / "x.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "x.txt").symlink_to(tmp_path / ".drafts" / "x.txt")
    (tmp_path / "y.txt").symlink_to(tmp_path / ".drafts" / "x.txt")
    (a,), fails = _read(tmp_path)
    assert not fails and a.ref == str(tmp_path / ".drafts" / "x.txt")


def test_a_path_named_explicitly_is_followed(linked: Path) -> None:
    (a,), fails = _read(linked / "secret.txt")
    assert not fails and "secret plan" in a.text


# --- encodings ----------------------------------------------------------------------------


WIDE = ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "utf-8-sig"]
HTML = (
    "<html><head><meta charset='{enc}'></head><body><article><p>{text}</p></article></body></html>"
)
RSS = (
    "<?xml version='1.0' encoding='{enc}'?><rss version='2.0'><channel><title>W</title><item>"
    "<title>T</title><link>http://x.example/a</link><description>{text}</description></item>"
    "</channel></rss>"
)


@pytest.mark.parametrize("encoding", WIDE)
@pytest.mark.parametrize("suffix", [".txt", ".md", ".jsonl", ".html", ".rss"])
def test_utf16_and_utf32_with_a_mark_are_read(tmp_path: Path, encoding: str, suffix: str) -> None:
    text = BODY + " Café, naïve, 東京."
    content = {
        ".txt": text,
        ".md": "# Floods\n" + text,
        ".jsonl": json.dumps({"text": text, "id": "j"}, ensure_ascii=False) + "\n",
        ".html": HTML.format(enc=encoding, text=text),
        ".rss": RSS.format(enc=encoding, text=text),
    }[suffix]
    data = content.encode(encoding)
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff", "utf-32-le": b"\xff\xfe\x00\x00",
           "utf-32-be": b"\x00\x00\xfe\xff"}.get(encoding, b"")  # fmt: skip
    p = tmp_path / f"a{suffix}"
    p.write_bytes(bom + data)
    (a,), fails = _read(p)
    assert not fails
    assert "Café, naïve, 東京." in a.text
    drafts, failed = drafts_from_upload(p.name, bom + data)  # the HTTP upload reads it too
    assert not failed and "東京" in drafts[0].text


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (BODY.encode("utf-16-le"), "E103"),  # no mark: UTF-8 is expected, and NULs are binary
        (b"\xff\xfe" + "Rain".encode("utf-16-le") + b"\x00\xd8", "E125"),  # a lone surrogate
        (b"\xff\xfe" + b"\x00\x00" * 3, "E103"),  # NUL characters once decoded
        (b"\xff\xfe", "E102"),
        (b"\xfe\xff\x00", "E125"),
    ],
)
def test_bad_wide_text_gets_one_message(tmp_path: Path, data: bytes, code: str) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(data)
    _, (fail,) = _read(p)
    assert fail.code == code and str(p) in fail.error


# --- degenerate text ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("a" * 4096, "E121"),
        ("-" * 30, "E121"),
        ("12345 67890 !!! 3.14", "E122"),
        ("a1 b2 c3 d4", "E122"),
        ("Total: 12,345,678.90 / 98,765,432.10 / 55,555,555.55 (Q3)", "E123"),
        ("the quick brown fox " * 1000, "E124"),
        (BODY, None),
        ("'Chef' Review", None),
        ("IN BRIEF", None),
        ("March 11, 2014, 8:57 pm", None),
        ("Obamacare", None),
        ("北京今天下雨。", None),
        ("東京で地震があった。", None),
        ("ฝนตกหนักในกรุงเทพ", None),
        ("Дождь в Москве.", None),
        (BODY * 3, None),
    ],
)
def test_degenerate_text(text: str, code: str | None) -> None:
    found = degenerate_reason(text)
    assert (found[0] if found else None) == code


def test_degenerate_text_is_refused_with_file_and_line(tmp_path: Path) -> None:
    p = _jsonl(tmp_path / "b.jsonl", {"text": BODY}, {"text": "a" * 4096})
    txt = tmp_path / "c.txt"
    txt.write_text("?" * 100, encoding="utf-8")
    _, fails = _read(p, txt)
    assert [f.error for f in fails] == [
        f"[E121] {p}, line 2: the text is one character repeated ('a' 4096 times); not an article.",
        f"[E121] {txt}: the text is one character repeated ('?' 100 times); not an article.",
    ]


# --- the HTTP upload ----------------------------------------------------------------------


def test_an_upload_stores_the_good_lines_and_files_and_reports_the_bad(tmp_path: Path) -> None:
    """Measured before this fix: one line with a numeric title failed the whole job."""
    from fastapi.testclient import TestClient

    from storyweave.server import create_app
    from storyweave.storage import open_store

    store = open_store(tmp_path / "up.db")
    app = create_app(store)
    lines = [
        {"text": BODY, "id": "good-1"},
        {"text": "Snow closed the pass above Bolzano on Tuesday, police said.", "title": 5},
        {"text": "A storm cut power to Bergen on Sunday, the utility said.", "id": "good-2"},
        {"text": "Heavy rain flooded Porto on Friday.", "outlet": ["AFP"]},
    ]
    wide = "Hail hit Graz on Monday, forecasters said.".encode("utf-16")
    files = [
        ("files", ("batch.jsonl", "\n".join(json.dumps(x) for x in lines).encode(), "text/plain")),
        ("files", ("wide.txt", wide, "text/plain")),
        ("files", ("aaaa.txt", b"a" * 4096, "text/plain")),
    ]  # fmt: skip
    try:
        with TestClient(app) as c:
            r = c.post("/api/articles/upload", files=files)
            assert r.status_code == 202, r.text
            job = app.state.services.jobs.wait(r.json()["job"]["id"])
            assert job is not None and job.state == "done", job
            result = c.get(f"/api/jobs/{job.id}").json()["job"]["result"]
        assert len(result["article_ids"]) == 3  # two good lines and the UTF-16 file
        assert sorted((f["ref"], f["code"]) for f in result["failures"]) == [
            ("aaaa.txt", "E121"), ("batch.jsonl", "E115"), ("batch.jsonl", "E115"),
        ]  # fmt: skip
        errors = sorted(f["error"] for f in result["failures"])
        assert errors[0].startswith("[E115] batch.jsonl, line 2: field 'title' is the number 5")
        assert errors[1].startswith("[E115] batch.jsonl, line 4: field 'outlet' is a list")
        assert len(store.articles()) == 3
    finally:
        store.close()


def test_a_jsonl_file_with_no_lines_is_one_failure(tmp_path: Path) -> None:
    p = tmp_path / "none.jsonl"
    p.write_bytes(b"\n  \n")
    _, (fail,) = _read(p)
    assert fail.code == "E102" and str(p) in fail.error


def test_a_nul_in_one_utf16_jsonl_line_fails_that_line_only(tmp_path: Path) -> None:
    p = tmp_path / "w.jsonl"
    p.write_bytes(("{\x00\n" + json.dumps({"text": BODY}) + "\n").encode("utf-16"))
    (_,), (fail,) = _read(p)
    assert fail.code == "E106" and f"{p}, line 1:" in fail.error
