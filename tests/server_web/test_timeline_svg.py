"""Readable TIMEX3 values and the timeline's time axis."""

from __future__ import annotations

import pytest

from storyweave.server.web.dates import readable_date
from storyweave.server.web.timeline_svg import WIDTH, timeline_axis


@pytest.mark.parametrize(
    ("value", "mod", "label"),
    [("2026-11-26TMO", None, "26 Nov 2026, morning"),
     ("2026-11-26TEV", None, "26 Nov 2026, evening"),
     ("2023-09-13T14:30", None, "13 Sep 2023, 14:30"), ("2023-09-13", None, "13 Sep 2023"),
     ("2023-09-13", "END", "13 Sep 2023"), ("2023-09", None, "Sep 2023"),
     ("2023", "START", "early 2023"),
     ("2023", "MID", "mid-2023"), ("16", None, "17th century"), ("20", None, "21st century"),
     ("201", None, "2010s"), ("2023-W37", None, "week of 11 Sep 2023"),
     ("2023-W37-WE", None, "weekend of 16 Sep 2023"), ("2023-Q3", None, "Q3 2023"),
     ("2023-H1", None, "first half of 2023"), ("2023-SU", None, "summer 2023"),
     ("XXXX-09-13", None, "13 Sep (year unknown)"), ("PAST_REF", "START", "in the past"),
     ("PRESENT_REF", None, "now"), ("P3D", None, "P3D"), ("", None, "no date")],
)  # fmt: skip
def test_readable_date(value: str, mod: str | None, label: str) -> None:
    assert readable_date(value, mod) == label


def _entries(*dates: str) -> list[dict[str, object]]:
    return [{"date": d, "ref": f"t{i}", "n": i + 1, "text": f"e{i}"} for i, d in enumerate(dates)]


def test_axis_places_entries_in_time_order_with_spans_and_lanes() -> None:
    ax = timeline_axis(_entries("2023-09-13", "2023-09-12", "2023", "2023-09-13", "XXXX-09"))
    by_ref = {m.ref: m for m in ax.markers}
    assert set(by_ref) == {"t0", "t1", "t2", "t3"}  # XXXX-09 is no point in time
    assert by_ref["t1"].x < by_ref["t0"].x  # 12 before 13 September
    assert by_ref["t2"].x2 - by_ref["t2"].x > 100  # a year is a bar
    assert by_ref["t0"].x == by_ref["t0"].x2 == by_ref["t3"].x  # a day is a dot ...
    assert by_ref["t0"].y != by_ref["t3"].y  # ... and two on one day take two lanes
    assert all(0 <= m.x <= m.x2 <= WIDTH for m in ax.markers)
    assert [t.label for t in ax.ticks if t.label][:2] == ["2023", "Feb"]
    assert by_ref["t0"].title == "13 Sep 2023: e0"


def test_axis_compresses_long_gaps_and_labels_a_single_day() -> None:
    ax = timeline_axis(_entries("16", "2016", "2023-05"))
    assert ax.breaks  # the 17th century to 2016: drawn as a break
    xs = [m.x for m in sorted(ax.markers, key=lambda m: m.n)]
    assert xs == sorted(xs) and xs[2] - xs[1] > 60  # 2016 and 2023 still apart
    one = timeline_axis(_entries("2023-09-13"))
    assert [t.label for t in one.ticks] == ["13 Sep 2023"]
    assert one.markers[0].x == WIDTH / 2
    assert timeline_axis(_entries("PAST_REF")).empty
