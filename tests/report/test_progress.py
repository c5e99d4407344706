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
