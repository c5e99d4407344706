"""Issue 16, part 4: attribution chains name canonical entities wherever they are reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyweave._types import JSON
from storyweave.analysis import ingest
from storyweave.catalogue import Catalogue
from storyweave.report import build_report
from storyweave.storage import SQLStore
from tests.conftest import EXAMPLES

SEEDS = EXAMPLES / "kim-putin-summit.jsonl"

# our own wording: one paper writes the hyphenated form first, the other only the spaced one
OWN = [
    {
        "id": "own-a",
        "text": (
            "North Korean leader Kim Jong-un arrived in Vladivostok on Tuesday by armoured "
            "train. Kim Jong-un said the visit would open a new chapter in relations."
        ),
        "outlet": "Harbour Times",
        "published": "2023-09-12",
    },
    {
        "id": "own-b",
        "text": (
            "Kim Jong Un reached Vladivostok on Tuesday after a long train journey. "
            "Kim Jong Un told officials that the two countries would deepen ties."
        ),
        "outlet": "Coastal Herald",
        "published": "2023-09-12",
    },
]


def _canonical(report: JSON, surface: str) -> str:
    found = [e for e in report["entities"] if surface in (e["name"], *e["aliases"])]
    assert found, surface
    return str(found[0]["name"])


def _kim_links(rows: list[JSON]) -> set[str]:
    return {c for q in rows for c in q["chain"] if c.startswith("Kim")}


@pytest.mark.issue(16)
def test_seed_chains_name_the_canonical_entity(memory_store: SQLStore) -> None:
    result = ingest([SEEDS], store=memory_store)
    report = build_report(memory_store, result.article_ids)
    kim = _canonical(report, "Kim Jong Un")
    assert _kim_links(report["attributions"]) == {kim}  # the spaced form read "Kim Jong Un"
    rows = [q for q in report["attributions"] if q["chain"][-1:] == [kim]]
    assert {q["speaker_name"] for q in rows} >= {"Kim Jong Un"}  # the surface form stays there
    # the quotes view reads the store through the same rows
    assert _kim_links(Catalogue(memory_store).attributions()) == {kim}
    assert _kim_links(Catalogue(memory_store).attributions(speaker="Kim Jong Un")) == {kim}
    # the brief's "who said what" labels name the speaker, never the surface form in a chain
    labels = [s["label"] for story in report["stories"] for s in story["brief"]["sentences"]]
    assert not any("Kim Jong Un" in label for label in labels)


@pytest.mark.issue(16)
def test_own_text_chains_use_one_name_across_articles(
    memory_store: SQLStore, tmp_path: Path
) -> None:
    path = tmp_path / "own.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in OWN) + "\n", encoding="utf-8")
    result = ingest([path], store=memory_store)
    report = build_report(memory_store, result.article_ids)
    kim = _canonical(report, "Kim Jong Un")
    assert _canonical(report, "Kim Jong-un") == kim
    assert _kim_links(report["attributions"]) == {kim}
    # links that name no entity ("officials" is not one) are kept as written
    assert all(q["chain"] for q in report["attributions"] if q["source"])
