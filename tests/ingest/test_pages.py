"""Page clutter stays out of the article's text: navigation, "Most read" and related boxes,
prompts, captions, copyright lines and bylines; every real paragraph stays in.

Each page under ``pages/`` has a ``.json`` beside it listing its article lines (all must be
in the text) and its boilerplate lines (none may be), with the author, outlet and credits.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from storyweave.ingest import read_inputs
from storyweave.ingest.clean import author_names, clean_text, is_clutter_line
from storyweave.ingest.html import read_html
from storyweave.model import Article

PAGES = Path(__file__).parent / "pages"
FIXTURES = sorted(PAGES.glob("*.html"))


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _spec(page: Path) -> dict[str, Any]:
    return json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _measure(page: Path) -> tuple[list[str], list[str]]:
    """(boilerplate lines kept, article lines lost) in the page's text."""
    spec = _spec(page)
    text = _norm(read_html(page.read_bytes(), page).text)
    kept = [b for b in spec["boilerplate"] if _norm(b) in text]
    lost = [a for a in spec["article"] if _norm(a) not in text]
    return kept, lost


def test_there_are_pages_of_every_kind() -> None:
    assert len(FIXTURES) >= 6
    for page in FIXTURES:
        spec = _spec(page)
        assert spec["article"] and spec["boilerplate"], page.name


@pytest.mark.parametrize("page", FIXTURES, ids=lambda p: p.stem)
def test_no_boilerplate_and_no_article_line_lost(page: Path) -> None:
    kept, lost = _measure(page)
    assert kept == [], f"boilerplate kept in {page.name}"
    assert lost == [], f"article lines lost from {page.name}"


@pytest.mark.parametrize("page", FIXTURES, ids=lambda p: p.stem)
def test_author_and_outlet_from_the_page(page: Path) -> None:
    spec = _spec(page)
    draft = read_html(page.read_bytes(), page)
    assert draft.author == spec["author"]
    assert draft.outlet == spec["outlet"]
    assert draft.based_on == spec.get("based_on")


@pytest.mark.parametrize("page", FIXTURES, ids=lambda p: p.stem)
def test_credits_end_to_end(page: Path) -> None:
    spec = _spec(page)
    (article,) = [a for a in read_inputs([page]) if isinstance(a, Article)]
    assert set(spec["credits"]) <= set(article.credits)
    body = _norm(article.body)
    for line in spec["article"]:
        assert _norm(line)[-60:] in body


def test_totals_over_the_pages() -> None:
    kept = lost = bp = art = 0
    for page in FIXTURES:
        spec = _spec(page)
        k, lo = _measure(page)
        kept, lost = kept + len(k), lost + len(lo)
        bp, art = bp + len(spec["boilerplate"]), art + len(spec["article"])
    assert (kept, lost) == (0, 0), f"boilerplate kept {kept}/{bp}, article lost {lost}/{art}"


REAL_LINES = [
    "By Tuesday, the river had crested at 31 feet.",
    "Copyright law in the EU has changed little since 2019, the commission found.",
    "Share prices fell 3% in early trading.",
    "More than 300 people were evacuated.",
    "Websites must now ask before placing advertising cookies on a visitor's device.",
    "Related charges were filed against two other men.",
    "Photo identification will be required at polling stations from May.",
    "Latest figures show inflation at 4.1%.",
    "The rise of the email newsletter has changed local news.",
    "Subscriptions to the paper rose by a fifth last year.",
    "“Sign up now or miss out,” the ad said, according to the complaint.",
    "The images were taken by Reuters photographer Kai Lund.",
    "Breaking: police say two people were injured",
    "What happens next",
]
CLUTTER_LINES = [
    "Advertisement",
    "Share this article",
    "Sign up for our free newsletter and get the day's top stories in your inbox.",
    "We use cookies to improve your experience on our site.",
    "Passengers queue at a ticket desk on Monday. (AP Photo/Kim Lee)",
    "Firefighters at the scene. Photograph: Kai Lund/AFP via Getty Images",
    "Read more: Watchdog warns 100 websites over cookie banners",
    "RELATED: Survey finds most riders wait more than 15 minutes",
    "Updated 47 min ago",
    "Published April 8, 2026 6:05pm CDT",
    "Most read",
    "You may also like",
    "Follow us on Facebook, X and Instagram",
    "Download our free app for breaking news alerts",
]


@pytest.mark.parametrize("line", REAL_LINES)
def test_real_lines_are_not_clutter(line: str) -> None:
    assert not is_clutter_line(line, leading=True)
    assert clean_text(f"{line}\nThe board met on Friday.").text.startswith(line)


@pytest.mark.parametrize("line", CLUTTER_LINES)
def test_clutter_lines(line: str) -> None:
    assert is_clutter_line(line)


def test_byline_becomes_author_and_credit() -> None:
    cleaned = clean_text(
        "By JANE DOE Associated Press\nMay 2, 2026\nThe river rose two feet overnight, "
        "officials said on Monday, and more rain is expected.\n"
        "Copyright 2026 The Associated Press. All rights reserved."
    )
    assert cleaned.author == "Jane Doe"
    assert cleaned.credits == ("AP",)
    assert cleaned.text.startswith("The river rose") and "Copyright" not in cleaned.text


@pytest.mark.parametrize(
    ("who", "names"),
    [
        ("Jane Doe, Reuters", "Jane Doe"),
        ("JANE DOE Associated Press", "Jane Doe"),
        ("Carl Jensen, Sentinel Staff Writer", "Carl Jensen"),
        ("JANE DOE; OMAR AZIZ", "Jane Doe and Omar Aziz"),
        ("Ana Ruiz, Ben Cole and Li Wei", "Ana Ruiz, Ben Cole and Li Wei"),
        ("AFP", None),
        ("Monday Evening", None),
    ],
)
def test_author_names(who: str, names: str | None) -> None:
    assert author_names(who) == names


def test_a_page_read_twice_reads_the_same() -> None:
    """trafilatura's deduplication cache is the page's own: a second read reads the same."""
    page = PAGES / "wire.html"
    first = read_html(page.read_bytes(), page)
    assert read_html(page.read_bytes(), page) == first
