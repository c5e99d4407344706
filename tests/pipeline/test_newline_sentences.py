"""The parse never runs a sentence across a line break (headlines, datelines, paragraphs)."""

from __future__ import annotations

import pytest

from storyweave.nlp.models import load_nlp, parse_model


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "PUBLISHED: MAY 2, 2013, 9: 56 AM\nLindsay Lohan checked in late Thursday, sources "
            "told the Daily News.\n\nShe is fine.",
            [
                "PUBLISHED: MAY 2, 2013, 9: 56 AM",
                "Lindsay Lohan checked in late Thursday, sources told the Daily News.",
                "She is fine.",
            ],
        ),
        (
            "Kim and Putin meet at Vostochny\nThe talks ended. Putin left.",
            ["Kim and Putin meet at Vostochny", "The talks ended.", "Putin left."],
        ),
        ("Getty\nKim met Putin.", ["Getty", "Kim met Putin."]),
    ],
)
def test_a_line_break_ends_a_sentence(text: str, sentences: list[str]) -> None:
    doc = load_nlp()(text)
    assert [s.text.strip() for s in doc.sents] == sentences


def test_the_parse_tag_names_the_pipeline_revision() -> None:
    assert "+nl2/" in parse_model()
