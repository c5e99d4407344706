"""Pure helpers of the catalogue: snippets, speakers, pages; and cache invalidation."""

from __future__ import annotations

import pytest

from storyweave.catalogue import Catalogue, Listed, snippet_bounds
from storyweave.report import speaker_label as speaker_name
from storyweave.storage import SQLStore
from tests.conftest import make_article

TEXT = "one two three four five six seven eight nine ten " * 10


@pytest.mark.parametrize(
    ("spans", "check"),
    [
        ([], (0, 240)),
        ([(0, 3)], None),
        ([(250, 255), (10, 13)], None),  # the earliest match is the centre
        ([(len(TEXT) - 4, len(TEXT))], None),
    ],
)
def test_snippet_bounds(spans: list[tuple[int, int]], check: tuple[int, int] | None) -> None:
    start, end = snippet_bounds(TEXT, spans)
    assert 0 <= start <= end <= len(TEXT)
    if check:
        assert (start, end) == check
    if spans:
        first = min(spans)
        assert start <= first[0] and first[1] <= end
        assert start == 0 or TEXT[start - 1] == " "  # cut at a word


@pytest.mark.parametrize(
    ("quote", "name"),
    [
        ({"speaker": "e-1", "source": {"text": "he"}, "chain": []}, "Putin"),
        ({"speaker": "e-404", "source": {"text": "the minister"}, "chain": []}, "the minister"),
        ({"speaker": None, "source": None, "chain": ["TASS", "Dmitry Peskov"]}, "Dmitry Peskov"),
        ({"speaker": None, "source": None, "chain": []}, None),
    ],
)
def test_speaker_name(quote: dict, name: str | None) -> None:  # type: ignore[type-arg]
    assert speaker_name(quote, {"e-1": "Putin"}) == name


def test_listed_page_shape() -> None:
    listed = Listed(5, [{"i": 4}], limit=2, offset=4)
    assert listed.to_json() == {
        "ok": True, "total": 5, "limit": 2, "offset": 4, "items": [{"i": 4}],
    }  # fmt: skip


def test_lists_follow_the_store(store: SQLStore) -> None:
    cat = Catalogue(store)
    assert cat.articles().total == 0
    store.add_article(make_article("Wind closed the bridge at Oresund on Monday."))
    assert cat.articles().total == 1
