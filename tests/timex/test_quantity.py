"""Quantities in words and digits."""

from __future__ import annotations

import pytest

from storyweave.timex.quantity import format_quantity, parse_quantity


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("three", 3.0),
        ("twenty four", 24.0),
        ("twenty-four", 24.0),
        ("a hundred", 100.0),
        ("two thousand", 2000.0),
        ("1,500", 1500.0),
        ("2 1/2", 2.5),
        ("one and a half", 1.5),
        ("a", 1.0),
        ("several", None),
        ("a few", None),
        ("a couple of", 2.0),
    ],
)
def test_parse_quantity(text: str, number: float | None) -> None:
    assert parse_quantity(text) == number


@pytest.mark.parametrize("text", ["banana", "", "and"])
def test_not_a_quantity(text: str) -> None:
    with pytest.raises(ValueError, match="not a quantity"):
        parse_quantity(text)


@pytest.mark.parametrize(("number", "text"), [(3.0, "3"), (1.5, "1.5"), (None, "X")])
def test_format_quantity(number: float | None, text: str) -> None:
    assert format_quantity(number) == text
