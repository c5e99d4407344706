from __future__ import annotations

from typing import Any

from storyweave.entities.repeats import repeat_names


def test_missed_repeats_are_added(mention: Any) -> None:
    text = "Verizon cut prices. Analysts said Verizon would gain. Verizon Wireless grew."
    out = repeat_names(text, [mention(text, "Verizon", "ORG")])
    assert [(m.span.text_in(text), m.label) for m in out] == [
        ("Verizon", "ORG"),
        ("Verizon", "ORG"),
    ]


def test_lower_case_words_are_not_repeated(mention: Any) -> None:
    text = "Hope grew. There was hope. Hope came back."
    assert len(repeat_names(text, [mention(text, "Hope", "PERSON")])) == 1
