"""The news-source table: data, extendable by the user; domains; readable source labels."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storyweave.errors import ConfigError
from storyweave.model import Article
from storyweave.outlets import by_domain, canonical, is_agency, registrable_domain, source_label
from storyweave.outlets import table as t
from storyweave.outlets.copies import copy_direction, credits_outlet


@pytest.fixture
def fresh_table() -> Iterator[None]:
    for fn in (t.organisations, t._by_key, t._by_domain):
        fn.cache_clear()
    yield
    for fn in (t.organisations, t._by_key, t._by_domain):
        fn.cache_clear()


def test_names_aliases_and_domains_are_one_newsroom() -> None:
    assert canonical("The Associated Press") == canonical("associated press") == "AP"
    assert canonical("Agence France-Presse") == "AFP"
    assert by_domain("bbc.co.uk") == by_domain("bbc.com") == "BBC"
    assert is_agency("Reuters") and not is_agency("The Guardian")
    assert canonical("Petra") is None  # a given name, not the Jordan News Agency's acronym


def test_the_users_table_adds_outlets_and_joins_families(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_table: None
) -> None:
    mine = tmp_path / "sources.txt"
    mine.write_text(
        "# our region's papers\n"
        "outlet | Valley Courier | The Courier | domain:valleycourier.example\n"
        "agency | Reuters | domain:reuters.example\n",
        encoding="utf-8",
    )
    monkeypatch.setenv(t.USER_TABLE_ENV, str(mine))
    assert canonical("the courier") == "Valley Courier"
    assert by_domain("valleycourier.example") == "Valley Courier"
    assert by_domain("reuters.example") == by_domain("reuters.com") == "Reuters"


def test_a_bad_line_in_the_users_table_names_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_table: None
) -> None:
    mine = tmp_path / "sources.txt"
    mine.write_text("outlet | Valley Courier\nnewspaper | Hill Times\n", encoding="utf-8")
    monkeypatch.setenv(t.USER_TABLE_ENV, str(mine))
    with pytest.raises(ConfigError, match=r"sources.txt, line 2"):
        t.organisations()


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://www.bbc.co.uk/news/world-1", "bbc.co.uk"),
        ("https://news.yahoo.co.jp/articles/x", "yahoo.co.jp"),
        ("http://localhost:8000/a", None),
        ("https://127.0.0.1/a", None),
        ("ftp://example.com/a", None),
        (None, None),
    ],
)
def test_registrable_domain(url: str | None, domain: str | None) -> None:
    assert registrable_domain(url) == domain


def test_a_source_label_is_never_a_path_or_a_hash() -> None:
    assert source_label("  Harbour   Times ") == "Harbour Times"
    assert source_label(None, "https://www.reuters.com/world/x") == "Reuters"
    assert source_label(None, "https://news.quaynews.org/a") == "quaynews.org"
    assert source_label(None, None, "Storm closes the port") == "“Storm closes the port”"
    assert source_label(None, "/data/feeds/a.txt", None) == "an article without an outlet"


def test_a_copy_crediting_the_other_outlet_is_the_copy_whatever_the_dates() -> None:
    import datetime as dt

    wire = Article(id="w", text="x.", ref="w", outlet="Reuters", published=dt.date(2024, 5, 3))
    copy = Article(id="c", text="x.", ref="c", outlet="Blog", credits=("Thomson Reuters",),
                   published=dt.date(2024, 5, 2))  # fmt: skip
    assert credits_outlet(copy, wire) and not credits_outlet(wire, copy)
    assert copy_direction(copy, wire) == ("w", "c")
