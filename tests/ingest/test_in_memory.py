"""The library ingests drafts held in memory (what the HTTP API's uploads pass), like files."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest

from storyweave.analysis import ingest
from storyweave.ingest import IngestOptions
from storyweave.ingest.draft import Draft
from storyweave.storage import SQLStore


def test_drafts_in_memory_are_stored_with_their_metadata_and_no_file(
    memory_store: SQLStore, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where a temporary file would go
    drafts = [
        Draft(
            text="Heavy snow shut the port of Tromsø on Tuesday, the harbour master said.",
            ref="tromso",
            title="Snow shuts Tromsø port",
            outlet="Nordlys",
            published=dt.date(2024, 1, 9),
            author="K. Berg",
        ),
        Draft(text="   ", ref="empty"),
    ]
    result = ingest(drafts, store=memory_store, options=IngestOptions())
    assert [f.ref for f in result.failures] == ["empty"]
    (aid,) = result.article_ids
    stored = memory_store.article(aid)
    assert (stored.ref, stored.title, stored.outlet, stored.author) == (
        "tromso", "Snow shuts Tromsø port", "Nordlys", "K. Berg",
    )  # fmt: skip
    assert stored.published == dt.date(2024, 1, 9)
    annotated = memory_store.annotated(aid)  # annotated like a file's article
    assert annotated.sentences and annotated.timexes
    assert result.story_ids and list(tmp_path.iterdir()) == []
