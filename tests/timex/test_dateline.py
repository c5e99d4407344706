"""Publication dates from HTML metadata and the head of the text."""

from __future__ import annotations

import datetime as dt

import pytest

from storyweave.timex import find_publication_date

D = dt.date(2023, 9, 13)


@pytest.mark.parametrize(
    ("text", "html", "date"),
    [
        ("WASHINGTON, Aug. 7, 1998 (AP) _ The", None, dt.date(1998, 8, 7)),
        ("Published: 13 September 2023\nThe talks", None, D),
        ("Updated on Sept. 13, 2023 at 10:00\nBody", None, D),
        ("Wednesday, September 13, 2023\nBody", None, D),
        ("2023-09-13\nBody", None, D),
        ("x", '<meta property="article:published_time" content="2023-09-13T08:00:00Z">', D),
        ("x", '<meta content="2023-09-13" name="pubdate"/>', D),
        ("x", '<script type="application/ld+json">{"datePublished": "2023-09-13"}</script>', D),
        ("x", '<time datetime="2023-09-13T08:00">Sept 13</time>', D),
    ],
)
def test_found(text: str, html: str | None, date: dt.date) -> None:
    assert find_publication_date(text, html) == date


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("MOSCOW, Sept 13 (Reuters) - Putin met Kim.", None),  # no year: never guessed
        ("Putin met Kim on September 13, 2023, at the cosmodrome.", None),  # not a dateline
        ("Nothing here.", "<meta name='description' content='2023-09-13 summary'>"),
        ("WASHINGTON, Feb. 30, 2023 (AP) -", None),  # no such day
    ],
)
def test_not_found(text: str, html: str | None) -> None:
    assert find_publication_date(text, html) is None
