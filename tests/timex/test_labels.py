"""Date labels a reader can read, the same in the brief, the timeline command and the page."""

from __future__ import annotations

import pytest

from storyweave.timex.labels import date_label


@pytest.mark.parametrize(
    ("value", "mod", "long", "short"),
    [
        ("2024-06-30", None, "30 June 2024", "30 Jun 2024"),
        ("2024-06", "START", "early June 2024", "early Jun 2024"),
        ("2024-06-30TEV", None, "30 June 2024, evening", "30 Jun 2024, evening"),
        ("2024-06-30T09:05", None, "30 June 2024, 09:05", "30 Jun 2024, 09:05"),
        ("2024-W26", None, "week of 24 June 2024", "week of 24 Jun 2024"),
        ("2024-W26-WE", None, "weekend of 29 June 2024", "weekend of 29 Jun 2024"),
        ("2024-H2", None, "second half of 2024", "second half of 2024"),
        ("2024-WI", None, "winter 2024", "winter 2024"),
        ("199", None, "1990s", "1990s"),
        ("19", None, "20th century", "20th century"),
        ("XXXX-11", None, "November (year unknown)", "Nov (year unknown)"),
        ("FUTURE_REF", None, "in the future", "in the future"),
        ("P3D", None, "P3D", "P3D"),  # not a date: shown as it came, never dropped
        ("", None, "no date", "no date"),
    ],
)
def test_labels(value: str, mod: str | None, long: str, short: str) -> None:
    assert date_label(value, mod) == long
    assert date_label(value, mod, short=True) == short
