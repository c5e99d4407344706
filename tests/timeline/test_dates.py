from __future__ import annotations

import datetime as dt

import pytest

from storyweave.timeline import event_date


@pytest.mark.parametrize(
    ("value", "start", "precision"),
    [
        ("2023-09-13", dt.date(2023, 9, 13), "day"),
        ("2023-09-13T10:30", dt.date(2023, 9, 13), "time"),
        ("2023-09-13TMO", dt.date(2023, 9, 13), "time"),
        ("2023-07", dt.date(2023, 7, 1), "month"),
        ("2023", dt.date(2023, 1, 1), "year"),
        ("2023-W37", dt.date(2023, 9, 11), "week"),
        ("2023-Q3", dt.date(2023, 7, 1), "quarter"),
        ("2023-H2", dt.date(2023, 7, 1), "half"),
        ("2023-SU", dt.date(2023, 6, 1), "season"),
        ("199", dt.date(1990, 1, 1), "decade"),
        ("19", dt.date(1900, 1, 1), "century"),
    ],
)
def test_calendar_values_keep_their_precision(value: str, start: dt.date, precision: str) -> None:
    got = event_date(value)
    assert got is not None and got.start == start and got.precision == precision
    assert got.value == value


@pytest.mark.parametrize(
    "value",
    ["PAST_REF", "PRESENT_REF", "FUTURE_REF", "XXXX-09-13", "XXXX", "P3D", "PT2H", "", "2023-02-30",
     "2023-13", "tomorrow"],
)  # fmt: skip
def test_vague_unanchored_and_duration_values_are_no_event_dates(value: str) -> None:
    assert event_date(value) is None


def test_coarse_values_sort_before_the_finer_values_they_contain() -> None:
    values = ["2023-10", "2023-09-13", "2023-05", "2023", "2016", "2023-09", "2023-09-12",
              "2023-09-13T09:00", "2023-W37", "2023-Q3"]  # fmt: skip
    dates = sorted(d for v in values if (d := event_date(v)) is not None)
    assert [d.value for d in dates] == [
        "2016", "2023", "2023-05", "2023-Q3", "2023-09", "2023-W37", "2023-09-12", "2023-09-13",
        "2023-09-13T09:00", "2023-10",
    ]  # fmt: skip
