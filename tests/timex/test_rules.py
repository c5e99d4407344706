"""Every extraction rule, one case it must read and one near miss it must leave alone.

The positive table checks the span, the value and that the named rule read it; the
negative table checks that the named rule reads nothing in a text built to tempt it.
A last test makes sure no rule is left out of either table.
"""

from __future__ import annotations

import datetime as dt

import pytest

from storyweave.timex import find_timexes
from storyweave.timex.extract import RULES, extract

PUB = dt.date(2023, 9, 13)  # a Wednesday

POSITIVE = [
    ("iso_date", "Filed on 2023-09-01 in court.", "2023-09-01", "2023-09-01"),
    ("month_day", "They met on September 13.", "September 13", "2023-09-13"),
    ("day_month", "Signed on 13 September 2021.", "13 September 2021", "2021-09-13"),
    ("month_year", "Elected in November 1995.", "November 1995", "1995-11"),
    ("month_this_year", "It opens in March next year.", "March next year", "2024-03"),
    ("weekday_date", "It fell on Friday, Oct. 13, 1989.", "Friday, Oct. 13, 1989", "1989-10-13"),
    ("weekday_date_dm", "Due on Monday 2 October 2023.", "Monday 2 October 2023", "2023-10-02"),
    ("month", "Shoigu visited Pyongyang in July.", "July", "2023-07"),
    ("year", "The cosmodrome opened in 2016.", "2016", "2016"),
    ("year_period", "Profit rose in the 1988 period.", "the 1988 period", "1988"),
    ("decade", "It was founded in the 1990s.", "the 1990s", "199"),
    ("short_decade", "Prices soared in the '70s.", "the '70s", "197"),
    ("century", "A relic of the 19th century.", "the 19th century", "18"),
    ("quarter", "Profit fell in the third quarter of 2022.", "the third quarter of 2022",
     "2022-Q3"),
    ("half", "Sales rose in the first half of 2021.", "the first half of 2021", "2021-H1"),
    ("season", "It happened in the summer of 2021.", "the summer of 2021", "2021-SU"),
    ("holiday", "He will visit on Thanksgiving Day.", "Thanksgiving Day", "2023-11-23"),
    ("spelled_year", "Oil fell in nineteen ninety-four.", "nineteen ninety-four", "1994"),
    ("day_word", "Stocks fell yesterday.", "yesterday", "2023-09-12"),
    ("day_after_tomorrow", "Talks resume the day after tomorrow.", "the day after tomorrow",
     "2023-09-15"),
    ("this_part", "She spoke this morning.", "this morning", "2023-09-13TMO"),
    ("mid_part", "Trading halted by mid-afternoon.", "mid-afternoon", "2023-09-13TAF"),
    ("deictic_unit", "Talks resumed last week.", "last week", "2023-W36"),
    ("edge_of_unit", "A deal is due by the end of the month.", "the end of the month", "2023-09"),
    ("ago", "It closed two years ago.", "two years ago", "2021"),
    ("vague_ago", "They left years ago.", "years ago", "PAST_REF"),
    ("from_now", "It opens three weeks from now.", "three weeks from now", "2023-W40"),
    ("shifted", "On September 13, they met. Two days later, they left.", "Two days later",
     "2023-09-15"),
    ("anaphoric_unit", "On September 13 they met; the next day they left.", "the next day",
     "2023-09-14"),
    ("the_unit", "Profit rose in the third quarter. In the quarter, sales fell.", "the quarter",
     "2023-Q3"),
    ("unit_before", "They met on May 3. He had arrived the day before.", "the day before",
     "2023-05-02"),
    ("year_earlier", "Profit rose in the third quarter, up from the year-earlier period.",
     "the year-earlier period", "2022-Q3"),
    ("weekday", "The meeting was on Monday.", "Monday", "2023-09-11"),
    ("present", "Prices are currently high.", "currently", "PRESENT_REF"),
    ("present", "Prices are high these days.", "these days", "PRESENT_REF"),
    ("present", "It ran from 1990 to the present.", "the present", "PRESENT_REF"),
    ("now", "Prices are high now.", "now", "PRESENT_REF"),
    ("current", "The current crisis deepened.", "current", "PRESENT_REF"),
    ("future", "Rates will rise in the near future.", "the near future", "FUTURE_REF"),
    ("past", "Prices fell recently.", "recently", "PAST_REF"),
    ("earlier", "Earlier, he said so.", "Earlier", "PAST_REF"),
    ("duration", "The war lasted three years.", "three years", "P3Y"),
    ("bare_units", "The talks went on for years.", "years", "PXY"),
    ("recent_units", "Sales fell in recent weeks.", "recent weeks", "PXW"),
    ("upcoming_units", "A decision is due in the coming weeks.", "the coming weeks", "PXW"),
    ("units_ahead", "Prices may fall in the months ahead.", "the months ahead", "PXM"),
    ("vague_long", "It ended after months-long talks.", "months-long", "PXM"),
    ("set_word", "Rallies are held daily.", "daily", "P1D"),
    ("every_unit", "He prays every day.", "every day", "P1D"),
    ("every_weekday", "Flights leave every Monday.", "every Monday", "XXXX-WXX-1"),
    ("every_month", "Rent rises every January.", "every January", "XXXX-01"),
    ("every_season", "Floods come every spring.", "every spring", "XXXX-SP"),
    ("clock", "The blast came at 10:35 a.m. Friday.", "10:35 a.m. Friday", "2023-09-08T10:35"),
    ("clock_24h", "The quake struck at 0735 GMT Friday.", "0735 GMT Friday", "2023-09-08T07:35Z"),
    ("noon", "The offer will expire at noon Thursday.", "noon Thursday", "2023-09-14T12:00"),
    ("in_the_morning", "He left at 4 in the morning.", "4 in the morning", "2023-09-13T04:00"),
]  # fmt: skip

NEGATIVE = [
    ("iso_date", "Call 2023-13-45 for help."),  # no 13th month
    ("month_day", "He was born on February 30."),  # no such day
    ("day_month", "He scored 31 Feb goals."),  # no 31 February
    ("month_year", "Protesters march 2016 miles."),  # "march" the verb
    ("month_this_year", "The march this year was large."),  # "march" the noun/verb
    ("weekday_date", "Friday Oct saw rain."),  # no day number
    ("weekday_date_dm", "On Monday 45 October men left."),  # no 45th day
    ("month", "You May be right."),  # "May" the verb, capitalised at the start
    ("month", "The March for Life drew crowds."),  # "March" the noun
    ("month", "He met April Smith."),  # a name
    ("month", "Jan Kavan of the Czech Republic signed."),  # a name
    ("year", "Some 2016 people signed."),  # "2016" as a quantity
    ("year", "The index closed at 2016.5 points."),  # a decimal
    ("year", "Flight 1998 landed safely."),  # a number
    ("year_period", "In the 1988 book, he wrote."),  # no "period"
    ("decade", "He scored 1990 points."),  # no "s"
    ("short_decade", "He was in the '7 club."),
    ("century", "He won the 100th race."),  # no "century"
    ("quarter", "A quarter of voters agreed."),  # a fraction
    ("half", "Half of the voters agreed."),
    ("season", "After the fall of the empire, trade collapsed."),  # "fall" the noun
    ("holiday", "He flew to Easter Island."),  # a place
    ("spelled_year", "He sold two thousand cars."),  # a count
    ("day_word", "This is VOA Today."),  # a programme's name
    ("day_after_tomorrow", "The day after the vote, he left."),
    ("this_part", "The This Morning show host spoke."),  # a programme's name
    ("mid_part", "The midfield player scored."),
    ("deictic_unit", 'He spoke on ABC\'s "This Week" programme.'),  # a programme's name
    ("edge_of_unit", "At the end of the road, he turned."),
    ("ago", "Some 52 minutes ago."),  # minutes ago: no calendar date at this level
    ("vague_ago", "He said a gogo bar opened."),
    ("from_now", "Three weeks from Nowhere, a film."),
    ("shifted", "Two days after the vote he left."),  # "after" + clause: a preposition
    ("anaphoric_unit", "That day-care centre closed."),  # "day-care"
    ("the_unit", "The year of the dragon began."),  # "the year of"
    ("unit_before", "The day before the vote, he left."),  # "before" + noun: a preposition
    ("year_earlier", "They raised a yearling colt."),
    ("weekday", "The Sunday Times reported the deal."),  # a newspaper
    ("weekday", "Tuesday Morning Corp. said so."),  # a company
    ("present", "The present was wrapped."),  # a gift
    ("now", "The know-how is now-famous."),  # "now-" before a word
    ("current", "The current account deficit grew."),  # a set phrase
    ("future", "Futures markets fell."),
    ("past", "He drove past the house."),
    ("earlier", "The earlier plan failed."),  # before a noun
    ("duration", "A 6-year-old boy was rescued."),  # an age
    ("duration", "Mr. Reupke, 52 years old, retired."),  # an age
    ("duration", "Iraq imports three-quarters of its food."),  # a fraction
    ("duration", "A second group of directors resigned."),  # an ordinal
    ("bare_units", "The years passed."),  # no "for" or "over"
    ("recent_units", "The recent decline hurt."),
    ("upcoming_units", "The coming storm hit."),
    ("units_ahead", "The days were ahead of schedule."),
    ("vague_long", "The long years passed."),
    ("set_word", "The weekly magazine closed."),  # before a noun: an adjective
    ("every_unit", "Every dayroom was full."),
    ("every_weekday", "Every Mondayish mood passed."),
    ("every_month", "Every Marcher sang."),
    ("every_season", "Every springboard broke."),
    ("clock", "He scored 13 pm points."),  # no hour 13 p.m.
    ("clock_24h", "Route 0735 was closed."),  # no time zone
    ("noon", "The noonday sun burned."),
    ("in_the_morning", "He found 15 in the morning paper."),  # no hour 15 in the morning
]


def _rules_read(text: str) -> set[tuple[str, str]]:
    return {(c.rule, text[c.start : c.end]) for c in extract(text)}


@pytest.mark.parametrize(("rule", "text", "surface", "value"), POSITIVE)
def test_rule_reads(rule: str, text: str, surface: str, value: str) -> None:
    assert (rule, surface) in _rules_read(text)
    found = {text[t.span.start : t.span.end]: t.value for t in find_timexes(text, published=PUB)}
    assert found.get(surface) == value


@pytest.mark.parametrize(("rule", "text"), NEGATIVE)
def test_rule_leaves_alone(rule: str, text: str) -> None:
    assert not [r for r, _ in _rules_read(text) if r == rule]


def test_every_rule_has_a_positive_and_a_negative_case() -> None:
    names = {rule.name for rule in RULES}
    assert names == {case[0] for case in POSITIVE}
    assert names == {case[0] for case in NEGATIVE}
