"""Nominal events (issue 18): a date inside an event noun's phrase dates that noun, with the
clause that holds it as the entry's text; derived nouns are found by suffix and the WordNet
verb index of the spaCy model."""

from __future__ import annotations

import datetime as dt

import pytest

from storyweave.model import AnnotatedArticle
from storyweave.timeline import TimelineEntry, build_timeline
from storyweave.timeline.nominal import deverbal, event_key

from .annotate import annotate

PUBLISHED = dt.date(2021, 6, 11)  # a Friday
TEXTS = {
    "derived": "Farmers still blame the 2017 relocation of the grain depot for their losses.",
    "possessive": "Wednesday's strike by dock workers halted exports of timber.",
    "plain": "The harbour authority repainted the cranes in 2019.",
}


@pytest.fixture(scope="module")
def items() -> dict[str, AnnotatedArticle]:
    return annotate(TEXTS, PUBLISHED)


def _heads(item: AnnotatedArticle, entries: list[TimelineEntry]) -> dict[str, TimelineEntry]:
    return {h.span.text_in(item.article.text): e for e in entries for h in e.heads}


@pytest.mark.parametrize(
    ("noun", "verb"),
    [
        ("relocation", "relocate"),
        ("invasion", "invade"),
        ("announcement", "announce"),
        ("arrival", "arrive"),
        ("closure", "close"),
        ("hearing", "hear"),
        ("cancellation", "cancel"),
    ],
)
def test_a_derived_noun_names_its_verb(noun: str, verb: str) -> None:
    assert deverbal(noun) == verb


@pytest.mark.parametrize("noun", ["village", "ceremony", "department", "morning", "nation"])
def test_a_noun_of_no_verb_is_no_derived_event(noun: str) -> None:
    assert deverbal(noun) is None


def test_a_date_inside_a_derived_nouns_phrase_dates_the_noun(
    items: dict[str, AnnotatedArticle],
) -> None:
    item = items["derived"]
    heads = _heads(item, build_timeline([item]))
    assert "blame" not in heads  # the 2017 date is the relocation's, not the blaming's
    entry = heads["relocation"]
    assert (entry.date, entry.date_source) == ("2017", "stated")
    assert entry.text.startswith("Farmers still blame") and "grain depot" in entry.text


def test_a_weekday_possessive_dates_a_convertible_noun(
    items: dict[str, AnnotatedArticle],
) -> None:
    item = items["possessive"]
    heads = _heads(item, build_timeline([item]))
    entry = heads["strike"]
    assert (entry.date, entry.date_source) == ("2021-06-09", "derived")
    assert "dock workers" in entry.text and "halted" in entry.text


def test_a_date_on_the_verb_still_dates_the_verb(items: dict[str, AnnotatedArticle]) -> None:
    item = items["plain"]
    heads = _heads(item, build_timeline([item]))
    assert set(heads) == {"repainted"} and heads["repainted"].date == "2019"


def test_a_noun_and_its_verb_share_an_event_key(items: dict[str, AnnotatedArticle]) -> None:
    doc = items["derived"].doc
    relocation = next(t for t in doc if t.lower_ == "relocation")
    assert event_key(relocation) == "relocate"
