"""A run reports its phases in order, each with its total, and finishes every phase."""

from __future__ import annotations

from pathlib import Path

from storyweave.analysis import PHASES, ingest
from storyweave.storage import open_store
from tests.conftest import EXAMPLES


def test_every_phase_reports_its_total_and_reaches_it(tmp_path: Path) -> None:
    calls: list[tuple[str, int, int | None]] = []

    def progress(phase: str, advance: int = 0, total: int | None = None) -> None:
        calls.append((phase, advance, total))

    with open_store(tmp_path / "p.db") as store:
        result = ingest([EXAMPLES / "kim-putin-summit.jsonl"], store=store, progress=progress)
    phases = list(dict.fromkeys(phase for phase, _, _ in calls))
    assert phases == list(PHASES)
    totals = {phase: total for phase, _, total in calls if total is not None}
    done = {phase: sum(a for p, a, _ in calls if p == phase) for phase in phases}
    assert done["reading"] == 2 and "reading" not in totals  # inputs are counted as read
    assert totals["annotating"] == done["annotating"] == 2
    assert totals["linking entities"] == done["linking entities"] == 2
    assert totals["forming stories"] == done["forming stories"] == len(result.article_ids)
    assert totals["analysing stories"] == len(result.story_ids) == 1
    assert done["analysing stories"] == 1


def test_an_unreadable_input_is_reported_before_anything_is_annotated(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": 5}\n', encoding="utf-8")
    events: list[str] = []

    def progress(phase: str, advance: int = 0, total: int | None = None) -> None:
        events.append(phase)

    with open_store(tmp_path / "f.db") as store:
        result = ingest(
            [bad, EXAMPLES / "kim-putin-summit.jsonl"], store=store, progress=progress,
            on_failure=lambda f: events.append(f"failed {f.code}"),
        )  # fmt: skip
    assert [f.code for f in result.failures] == ["E107"]
    assert events.index("failed E107") < events.index("annotating")
