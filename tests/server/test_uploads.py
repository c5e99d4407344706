"""Uploads become drafts from their bytes; names only ever give a ref and a suffix."""

from __future__ import annotations

import pytest

from storyweave.server.uploads import drafts_from_upload, safe_name

FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Quake</title><link>http://x.example/q</link>
<description>A quake shook Lima on Sunday, officials said.</description></item>
</channel></rss>"""


@pytest.mark.parametrize(
    ("name", "safe"),
    [("story.txt", "story.txt"), ("../../etc/passwd", "passwd"), ("..\\..\\win.ini", "win.ini"),
     ("/abs/path/a.md", "a.md"), (".hidden.txt", "hidden.txt"), ("", "upload.txt"),
     (None, "upload.txt"), ("a b<script>.txt", "a_b_script_.txt"), ("..", "upload.txt")],
)  # fmt: skip
def test_safe_name(name: str | None, safe: str) -> None:
    assert safe_name(name) == safe


@pytest.mark.parametrize(
    ("name", "data", "refs", "codes"),
    [
        ("a.txt", b"Rain in Lyon on Friday.", ["a.txt"], []),
        ("a.md", b"# Title\nRain in Lyon on Friday.", ["a.md"], []),
        ("feed.rss", FEED, ["http://x.example/q"], []),
        ("a.jsonl", b'{"text": "Rain.", "id": "r1"}\n\n[1]\n', ["r1"], ["E107"]),
        ("a.txt", b"", [], ["E102"]),
        ("a.txt", b"ab\x00cd", [], ["E103"]),
        ("a.txt", b"\xffbad", [], ["E104"]),
        ("a.html", b"<html><body><p>short</p></body></html>", [], ["E108"]),
        ("a.xml", b"<note>not a feed</note>", [], [None]),
    ],
)
def test_drafts_from_upload(
    name: str, data: bytes, refs: list[str], codes: list[str | None]
) -> None:
    drafts, failures = drafts_from_upload(name, data)
    assert [d.ref for d in drafts] == refs
    assert [f.code for f in failures] == codes


def test_an_unsupported_file_is_a_failure_of_its_own() -> None:
    drafts, failures = drafts_from_upload("x.exe", b"MZ")
    assert drafts == [] and [f.code for f in failures] == ["E611"]
    assert "'x.exe': unsupported upload type '.exe'" in failures[0].error
