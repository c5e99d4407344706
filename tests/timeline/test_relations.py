"""Dates through a relation to a dated event (issue 18): "during the meeting", "hours after
the collapse", "the day after the vote", a "when" clause; a bare "after" is a bound."""

from __future__ import annotations

import datetime as dt

import pytest

from storyweave.model import AnnotatedArticle
from storyweave.timeline import TimelineEntry, build_timeline
from storyweave.timeline.dates import event_date
from storyweave.timeline.relations import shifted

from .annotate import annotate

PUBLISHED = dt.date(2021, 9, 30)
TEXTS = {
    "during": (
        "The two mayors met in Graz on 2 March 2020. "
        "Cyclists blocked the ring road during the meeting."
    ),
    "hours": (
        "The reservoir wall collapsed on 14 July 2019. "
        "Engineers inspected the flooded valley hours after the collapse."
    ),
    "next_day": (
        "The senate voted on the pension bill on 9 June 2020. "
        "The labour minister resigned the day after the vote."
    ),
    "bound": (
        "The dockers voted on the offer on 9 June 2020. "
        "The union called off its blockade of the port after the vote."
    ),
    "when": (
        "The lights of the old town went out when the storm reached the coast on 2 February 2021."
    ),
    "possessed": (
        "The envoy Maria Berg visited Oslo on 4 May 2022. "
        "Jonas Lie praised the harbour plan during his visit. "
        "Fishermen protested at the quay during Berg's visit."
    ),
    "story_dated": "The two mayors met in Graz on 2 March 2020.",
    "story_related": "Cyclists blocked the ring road of Graz during the meeting.",
}


@pytest.fixture(scope="module")
def items() -> dict[str, AnnotatedArticle]:
    return annotate(TEXTS, PUBLISHED)


def _by_head(items: list[AnnotatedArticle]) -> dict[str, TimelineEntry]:
    texts = {i.article.id: i.article.text for i in items}
    return {h.span.text_in(texts[h.article]): e for e in build_timeline(items) for h in e.heads}


def test_during_a_dated_event_takes_its_date(items: dict[str, AnnotatedArticle]) -> None:
    entry = _by_head([items["during"]])["blocked"]
    assert (entry.date, entry.date_source) == ("2020-03-02", "derived")
    assert entry.text.startswith("Cyclists blocked the ring road")


def test_hours_after_an_event_is_its_day(items: dict[str, AnnotatedArticle]) -> None:
    entry = _by_head([items["hours"]])["inspected"]
    assert (entry.date, entry.date_source) == ("2019-07-14", "derived")


def test_the_day_after_an_event_is_the_next_day(items: dict[str, AnnotatedArticle]) -> None:
    entry = _by_head([items["next_day"]])["resigned"]
    assert (entry.date, entry.precision, entry.date_source) == ("2020-06-10", "day", "derived")


def test_a_bare_after_bounds_the_event_and_gives_no_date(
    items: dict[str, AnnotatedArticle],
) -> None:
    heads = _by_head([items["bound"]])
    assert "voted" in heads and "called" not in heads


def test_a_when_clause_shares_its_date_with_the_main_clause(
    items: dict[str, AnnotatedArticle],
) -> None:
    heads = _by_head([items["when"]])
    assert heads["reached"].date == "2021-02-02"
    went = heads["went"]
    assert (went.date, went.date_source) == ("2021-02-02", "derived")


def test_an_event_dated_in_another_article_of_the_story_anchors_the_relation(
    items: dict[str, AnnotatedArticle],
) -> None:
    heads = _by_head([items["story_dated"], items["story_related"]])
    assert (heads["blocked"].date, heads["blocked"].date_source) == ("2020-03-02", "derived")


def test_offsets_move_a_day_and_keep_a_coarser_date() -> None:
    day, month, week = event_date("2020-02-28"), event_date("1990-08"), event_date("2020-W10")
    assert day is not None and month is not None and week is not None
    assert shifted(day, 2) == event_date("2020-03-01")
    assert shifted(day, 0) == day and shifted(day, None) == day
    assert shifted(month, 1) == month and shifted(month, 30) is None
    assert shifted(week, 1) is None


def test_a_possessed_event_noun_must_name_the_anchors_participant(
    items: dict[str, AnnotatedArticle],
) -> None:
    heads = _by_head([items["possessed"]])
    assert "praised" not in heads  # "his visit" may be anyone's: no date
    assert heads["protested"].date == "2022-05-04"  # Berg visited on 4 May
