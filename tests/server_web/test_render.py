"""Templates escape everything; only http(s) URLs become links."""

from __future__ import annotations

import pytest

from storyweave.server.web.render import render, safe_url


@pytest.mark.parametrize(
    ("url", "safe"),
    [("https://example.org/a?b=1", "https://example.org/a?b=1"), ("http://x.y", "http://x.y"),
     ("  HTTPS://x.y ", "HTTPS://x.y"), ("javascript:alert(1)", None),
     ("JaVaScRiPt:alert(1)", None), ("data:text/html,<script>", None),
     ("vbscript:x", None), ("//evil.example", None), ("/relative", None), ("", None),
     (None, None), (42, None), ("http://[::1", None)],
)  # fmt: skip
def test_safe_url(url: object, safe: str | None) -> None:
    assert safe_url(url) == safe


def test_error_page_escapes_its_message() -> None:
    html = render(
        "error.html",
        title="<t>",
        problem={"status": 404, "error": "<script>x()</script>", "errors": [], "code": "E1"},
    )
    assert "<script>x()" not in html and "&lt;script&gt;x()" in html
    assert "&lt;t&gt;" in html
