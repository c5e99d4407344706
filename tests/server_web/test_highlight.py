"""Overlapping highlight spans become pieces that carry every covering mark."""

from __future__ import annotations

import pytest

from storyweave.server.web.highlight import Mark, Piece, pieces

TEXT = "Kim met Putin in Moscow."


@pytest.mark.parametrize(
    ("marks", "expected"),
    [
        ([], [("Kim met Putin in Moscow.", "", "")]),
        (
            [Mark(0, 3, "ent", "Kim", "e0")],
            [("Kim", "ent", "e0"), (" met Putin in Moscow.", "", "")],
        ),
        (  # an entity inside a claim's evidence: both classes on the overlap
            [Mark(0, 13, "ev", "", "c0"), Mark(8, 13, "ent", "", "e1")],
            [("Kim met ", "ev", "c0"), ("Putin", "ev ent", "c0 e1"),
             (" in Moscow.", "", "")],
        ),
        (  # partial overlap
            [Mark(4, 13, "a", "", "x"), Mark(8, 23, "b", "", "y")],
            [("Kim ", "", ""), ("met ", "a", "x"), ("Putin", "a b", "x y"),
             (" in Moscow", "b", "y"), (".", "", "")],
        ),
        ([Mark(5, 5, "empty"), Mark(20, 99, "out"), Mark(-1, 2, "neg")], [(TEXT, "", "")]),
        (  # the same class twice is printed once
            [Mark(0, 3, "ent ent-person", "", "e0"), Mark(0, 3, "ent", "", "e0")],
            [("Kim", "ent ent-person", "e0"), (" met Putin in Moscow.", "", "")],
        ),
    ],
)  # fmt: skip
def test_pieces(marks: list[Mark], expected: list[tuple[str, str, str]]) -> None:
    got = pieces(TEXT, marks)
    assert [(p.text, p.css, p.refs) for p in got] == expected
    assert "".join(p.text for p in got) == TEXT  # the text is only cut, never changed


def test_titles_are_joined() -> None:
    got = pieces("ab", [Mark(0, 2, "x", "one"), Mark(0, 2, "y", "two")])
    assert got == [Piece("ab", "x y", "one; two", "")]


def test_empty_text() -> None:
    assert pieces("", [Mark(0, 1, "x")]) == []
