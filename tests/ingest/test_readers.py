from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyweave.ingest import IngestOptions, read_inputs
from storyweave.model import Article, Failure

BODY = "North Korean leader Kim Jong-un met Russian President Vladimir Putin on Wednesday. " * 3


def _read(*paths: Path, **opts: object) -> tuple[list[Article], list[Failure]]:
    items = list(read_inputs(paths, IngestOptions(**opts)))  # type: ignore[arg-type]
    return [i for i in items if isinstance(i, Article)], [
        i for i in items if isinstance(i, Failure)
    ]


def test_txt_with_defaults_and_credit(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(BODY + "\nAccording to Tin Tuc newspaper", encoding="utf-8")
    import datetime as dt

    arts, fails = _read(p, published=dt.date(2023, 9, 13))
    assert not fails
    (a,) = arts
    assert a.outlet == "Tin Tuc"
    assert a.credit == "According to Tin Tuc newspaper"
    assert "Tin Tuc" not in a.body and "Tin Tuc" in a.text
    assert a.published == dt.date(2023, 9, 13)
    assert a.ref == str(p)


def test_outlet_option_wins_over_credit_line(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(BODY + "\nAccording to Tin Tuc newspaper", encoding="utf-8")
    (a,), _ = _read(p, outlet="VNA")
    assert a.outlet == "VNA"
    assert a.credit is not None and "Tin Tuc" not in a.body


def test_markdown_heading_is_the_title(tmp_path: Path) -> None:
    p = tmp_path / "a.md"
    p.write_text("# Kim meets Putin\n\n" + BODY, encoding="utf-8")
    (a,), _ = _read(p)
    assert a.title == "Kim meets Putin"
    assert a.text.startswith("North Korean")


def test_html_with_metadata_and_hostile_markup(tmp_path: Path) -> None:
    p = tmp_path / "a.html"
    p.write_text(
        "<html><head><title>Summit</title><meta name='author' content='Jane Roe'>"
        "<meta property='article:published_time' content='2023-09-13T08:00:00Z'></head>"
        f"<body><article><h1>Kim meets Putin</h1><p>{BODY}</p>"
        "<script>alert('x')</script><img src=x onerror=alert(1)></article></body></html>",
        encoding="utf-8",
    )
    (a,), fails = _read(p)
    assert not fails
    assert a.title == "Kim meets Putin"
    assert str(a.published) == "2023-09-13"
    assert a.author == "Jane Roe"
    assert "alert" not in a.text and "<" not in a.text


def test_jsonl_bad_lines_are_named_and_others_go_on(tmp_path: Path) -> None:
    p = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "one", "text": BODY, "published": "2023-09-13", "outlet": "AFP"}),
        "{not json",
        json.dumps({"id": "three", "title": "no text"}),
        "",
        json.dumps({"id": "five", "text": BODY + " Again.", "published": "13/09/2023"}),
        json.dumps({"text": BODY + " More."}),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    arts, fails = _read(p)
    assert [a.ref for a in arts] == ["one", f"{p}:6"]
    assert arts[0].outlet == "AFP"
    messages = [f.error for f in fails]
    assert len(messages) == 3
    assert f"{p}, line 2: not valid JSON" in messages[0]
    assert "line 3" in messages[1] and '"text"' in messages[1]
    assert "line 5" in messages[2] and "13/09/2023" in messages[2]


RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Daily News</title>
<item><title>Kim meets Putin</title><link>https://example.org/a</link>
<pubDate>Wed, 13 Sep 2023 08:00:00 GMT</pubDate>
<description>&lt;p&gt;{body}&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description></item>
<item><title>Empty</title><link>https://example.org/b</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Wire</title><entry><title>Talks</title><id>urn:x:1</id><updated>2023-09-12T00:00:00Z</updated>
<content type="html">&lt;p&gt;{body}&lt;/p&gt;</content></entry></feed>"""


@pytest.mark.parametrize(
    ("name", "feed", "outlet", "date"),
    [
        ("news.rss", RSS, "Daily News", "2023-09-13"),
        ("wire.atom", ATOM, "Wire", "2023-09-12"),
    ],
)
def test_feeds(tmp_path: Path, name: str, feed: str, outlet: str, date: str) -> None:
    p = tmp_path / name
    p.write_text(feed.format(body=BODY), encoding="utf-8")
    (a,), fails = _read(p)
    assert not fails
    assert a.outlet == outlet and str(a.published) == date
    assert "alert" not in a.text and a.text.startswith("North Korean")


def test_folders_are_recursive_and_skip_docs(tmp_path: Path) -> None:
    (tmp_path / "day1").mkdir()
    (tmp_path / "day1" / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BODY + " Second.", encoding="utf-8")
    (tmp_path / "README.md").write_text("# About these files", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(BODY, encoding="utf-8")
    arts, fails = _read(tmp_path)
    assert sorted(Path(a.ref).name for a in arts) == ["a.txt", "b.txt"]
    assert not fails


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.txt", b"", "E102"),
        ("blank.txt", b"  \n\n ", "E102"),
        ("binary.txt", b"\x89PNG\x00\x00\x01binary", "E103"),
        ("latin1.txt", "Café au lait à Séoul".encode("latin-1"), "E104"),
        ("nobody.html", b"<html><body><nav>menu</nav></body></html>", "E108"),
        ("image.png", b"\x89PNG", "E110"),
        ("page.xml", b"<?xml version='1.0'?><note>hi</note>", None),
    ],
)
def test_bad_files_get_one_clear_message(
    tmp_path: Path, name: str, content: bytes, code: str | None
) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    arts, fails = _read(p, good)
    assert len(arts) == 1  # the rest of the batch goes on
    (f,) = fails
    assert f.code == code
    assert str(p) in f.error


def test_file_size_limit(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_text(BODY * 100, encoding="utf-8")
    _, (f,) = _read(p, max_file_bytes=1000)
    assert f.code == "E105" and "1000" in f.error


def test_article_size_limit(tmp_path: Path) -> None:
    p = tmp_path / "big.jsonl"
    words = " ".join(a + b + c for a in "abcdefgh" for b in "aeiou" for c in "lmnrst")
    p.write_text(json.dumps({"text": words}) + "\n", encoding="utf-8")  # 240 distinct words
    _, (f,) = _read(p, max_article_chars=500)
    assert f.code == "E114"


def test_missing_path(tmp_path: Path) -> None:
    _, (f,) = _read(tmp_path / "nope.txt")
    assert f.code == "E101" and "nope.txt" in f.error
