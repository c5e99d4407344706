from __future__ import annotations

import pytest

from storyweave.errors import ValidationError
from storyweave.model import Article, Span, entity_type
from tests.conftest import make_article


def test_span_text_is_derived_from_the_article() -> None:
    art = make_article("Putin met Kim.")
    assert Span(0, 5).text_in(art.text) == "Putin"


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 2)])
def test_span_rejects_inverted_or_negative(start: int, end: int) -> None:
    with pytest.raises(ValidationError):
        Span(start, end)


def test_span_outside_text_is_an_error() -> None:
    with pytest.raises(ValidationError, match="E401"):
        Span(0, 99).text_in("short")


def test_body_stops_before_credit_line() -> None:
    text = "Kim met Putin.\nAccording to Tin Tuc newspaper"
    art = make_article(text, body_end=14)
    assert art.body == "Kim met Putin."
    assert art.text == text


@pytest.mark.parametrize("bad", ["", "   \n"])
def test_article_needs_text(bad: str) -> None:
    with pytest.raises(ValidationError):
        Article(id="x", text=bad, ref="r")


@pytest.mark.parametrize(
    ("label", "coarse"), [("PERSON", "PERSON"), ("GPE", "LOC"), ("FAC", "LOC"), ("NORP", "OTHER")]
)
def test_entity_type(label: str, coarse: str) -> None:
    assert entity_type(label) == coarse
