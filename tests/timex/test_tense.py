"""Tense cues from word lists (the fallback when there is no spaCy parse)."""

from __future__ import annotations

import pytest

from storyweave.timex.tense import TenseFinder, sentence_bounds


@pytest.mark.parametrize(
    ("text", "target", "tense"),
    [
        ("Shoigu visited Pyongyang in July.", "July", "past"),
        ("The agency has announced plans for another attempt in October.", "October", "future"),
        ("The talks will resume in August.", "August", "future"),
        ("The deadline runs until Tuesday.", "Tuesday", "future"),
        ("He spoke in May, and he will return.", "May", "past"),
        ("In May.", "May", None),
    ],
)
def test_tense(text: str, target: str, tense: str | None) -> None:
    start = text.index(target)
    assert TenseFinder(text).tense(start, start + len(target)) == tense


def test_sentence_bounds_cover_the_text() -> None:
    text = 'He left. "She stayed." Then\n\nnew paragraph'
    bounds = sentence_bounds(text)
    assert [text[s:e] for s, e in bounds] == ["He left.", '"She stayed."', "Then", "new paragraph"]
