from __future__ import annotations

from storyweave.analysis import ingest
from storyweave.report import build_report, render_html, validate_report
from storyweave.report.html import segments
from storyweave.storage import SQLStore

HOSTILE = (
    "Officials said <script>alert('x')</script> and <img src=x onerror=alert(1)> "
    "were found in Vladimir Putin's statement & more."
)


def test_segments_cover_the_text_exactly() -> None:
    text = "Kim met Putin in Vladivostok."
    segs = segments(text, [(0, 3, "a", ""), (8, 13, "b", ""), (9, 11, "c", "")])
    assert "".join(s for s, _, _ in segs) == text
    assert [(s, c) for s, c, _ in segs if c] == [("Kim", "a"), ("Putin", "b")]


def test_article_text_is_escaped(store: SQLStore, tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    result = ingest([path], store=store)
    report = build_report(store, result.article_ids)
    validate_report(report)
    html = render_html(report)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "onerror=alert(1)&gt;" in html and "&amp; more" in html
