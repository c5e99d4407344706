"""The ledger as ``storyweave analyze`` writes it: ingest into a store, then the JSON report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from storyweave.analysis import ingest
from storyweave.report import build_report, validate_report
from storyweave.storage import SQLStore

BODY = (
    "A coach carrying pilgrims overturned on a mountain road near Selva on Friday, killing {n} "
    "people, the regional civil defence agency said. The driver survived and was taken to "
    "hospital in Selva. The road was closed for the rest of the day while investigators "
    "examined the wreck, and the agency said the cause was not yet known."
)


def _claims(store: SQLStore, tmp_path: Path, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    path = tmp_path / "story.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = ingest([path], store=store)
    report = build_report(store, result.article_ids)
    validate_report(report)
    return [c for s in report["stories"] for c in s["claims"]]


def _covering(claims: list[dict[str, Any]], phrase: str) -> list[dict[str, Any]]:
    return [c for c in claims if any(phrase in e["text"] for e in c["evidence"])]


def test_a_copy_that_changes_a_figure_is_a_disagreement(store: SQLStore, tmp_path: Path) -> None:
    claims = _claims(
        store,
        tmp_path,
        [
            {
                "id": "a",
                "outlet": "Hill Times",
                "published": "2025-06-07",
                "text": BODY.format(n=12),
            },
            {
                "id": "b",
                "outlet": "Road Wire",
                "published": "2025-06-07",
                "text": BODY.format(n=20),
            },
        ],
    )
    twelve, twenty = _covering(claims, "killing 12 people"), _covering(claims, "killing 20 people")
    assert twelve and twenty and twelve[0]["id"] != twenty[0]["id"]
    assert twenty[0]["id"] in twelve[0]["conflicts_with"]
    assert twelve[0]["status"] == "conflicting"
    slots = {d["slot"] for d in twelve[0]["disagreements"]}
    assert slots == {"how many"}
    # the rest of the copy is one origin, however many outlets run it
    closed = _covering(claims, "The driver survived")
    assert closed and closed[0]["independent_sources"] == 1
    assert closed[0]["status"] == "single_source"


def test_evidence_rows_say_what_they_state(store: SQLStore, tmp_path: Path) -> None:
    claims = _claims(
        store,
        tmp_path,
        [{"id": "a", "outlet": "Hill Times", "published": "2025-06-07", "text": BODY.format(n=12)}],
    )
    killed = _covering(claims, "killing 12 people")[0]
    row = next(e for e in killed["evidence"] if "killing 12 people" in e["text"])
    assert "how many" in row["states"] and row["modality"] == "asserted"
    assert killed["status"] == "single_source" and killed["same_event"] == []
