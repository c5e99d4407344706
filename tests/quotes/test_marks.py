from __future__ import annotations

import pytest

from storyweave.quotes.marks import find_quoted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Hi there,” he said. “Bye.”", ["“Hi there,”", "“Bye.”"]),
        ('He said "yes" and "no".', ['"yes"', '"no"']),
        ("''I'm going to say it,'' Mr. Rubio said.", ["''I'm going to say it,''"]),
        ("``We won,'' he said.", ["``We won,''"]),
        ("Sie sagte „Guten Tag“ heute.", ["„Guten Tag“"]),
        ("Il a dit « bonjour » ici.", ["« bonjour »"]),
        ("the ‘American Pie’ star", ["‘American Pie’"]),
        ("“One paragraph.\n\n“And the next.”", ["“One paragraph.\n\n“And the next.”"]),
        ("“He said ‘no’ twice,” she said.", ["“He said ‘no’ twice,”"]),
        # negative cases: apostrophes and unmatched marks are not quotes
        ("It's the players' union, don't you know, the ’90s.", []),
        ("“Never closed\n\nNext paragraph.", []),
        ("He said “never closed.\n\nNext paragraph.", []),
        # a sentence-opening quote that runs to its paragraph's end lost its closer
        ("“Closed by the paragraph.\n\nNext.", ["“Closed by the paragraph."]),
        ("He said: “Lost the mark. Twice!\nNext.", ["“Lost the mark. Twice!"]),
        ("no marks at all", []),
    ],
)
def test_find_quoted(text: str, expected: list[str]) -> None:
    assert [text[q.start : q.end] for q in find_quoted(text)] == expected


def test_inner_excludes_marks() -> None:
    text = "A “quoted” word"
    (q,) = find_quoted(text)
    assert text[q.inner_start : q.inner_end] == "quoted"
