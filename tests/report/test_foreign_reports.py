"""A Vietnamese and a Spanish report of the seed event join the seed story and show in its
coverage and its ledger with what they state (issue 20, "done when"). Real store, real models;
the two reports are our own."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from storyweave.analysis import IngestOptions, ingest
from storyweave.report import build_report
from storyweave.storage import open_store
from tests.conftest import EXAMPLES

FOREIGN = [
    {
        "id": "vi-1",
        "outlet": "Tin Nhanh",
        "published": "2023-09-13",
        "title": "Kim Jong-un và Putin hội đàm tại sân bay vũ trụ Vostochny",
        "text": "Lãnh đạo Triều Tiên Kim Jong-un và Tổng thống Nga Vladimir Putin đã hội đàm hôm "
        "thứ Tư tại sân bay vũ trụ Vostochny, cách Vladivostok khoảng 1.000 km. Theo hãng thông "
        "tấn TASS, hai nhà lãnh đạo đã tham quan bệ phóng trước khi bắt đầu hội đàm.",
    },
    {
        "id": "es-1",
        "outlet": "El Diario",
        "published": "2023-09-13",
        "title": "Kim Jong-un y Putin se reúnen en el cosmódromo de Vostochni",
        "text": "El líder norcoreano Kim Jong-un y el presidente ruso Vladímir Putin se reunieron "
        "el miércoles en el cosmódromo de Vostochni, a unos 1.000 kilómetros de Vladivostok. "
        "«Hablaremos de todos los temas», dijo Putin, según la agencia TASS.",
    },
]


def _report(folder: Path, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The report of ``rows`` (JSONL articles) ingested into a new store in ``folder``."""
    source = folder / "articles.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    with open_store(folder / "store.db") as store:
        result = ingest([source], store=store, options=IngestOptions())
        report: dict[str, Any] = build_report(store, result.article_ids)
    return report


def test_foreign_reports_of_the_seed_event_join_its_story_and_ledger(tmp_path: Path) -> None:
    seeds = (EXAMPLES / "kim-putin-summit.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in seeds if line] + FOREIGN
    report = _report(tmp_path, rows)
    ref = {a["id"]: a["ref"] for a in report["articles"]}
    text = {a["id"]: a["text"] for a in report["articles"]}
    analysis = {a["ref"]: a["analysis"] for a in report["articles"]}
    assert analysis["vi-1"] == analysis["es-1"] == "partial"
    (story,) = [s for s in report["stories"] if "vi-1" in {ref[a] for a in s["articles"]}]
    members = {ref[a] for a in story["articles"]}
    assert {"vi-1", "es-1"} < members and len(members) == 4  # with both seed articles
    assert story["coverage"]["languages"] == ["en", "es", "vi"]
    outlets = {o["name"] for o in story["coverage"]["outlets"]}
    assert {"Tin Nhanh", "El Diario"} <= outlets
    # the ledger: the distance is stated in three languages by three outlets
    (claim,) = [
        c for c in story["claims"] if {"vi-1", "es-1"} <= {ref[e["article"]] for e in c["evidence"]}
    ]
    assert claim["status"] == "corroborated" and claim["independent_sources"] == 3
    assert "1,000 kilometers" in claim["text"]  # worded by the English report
    for e in claim["evidence"]:  # every span is its own article's text
        assert text[e["article"]][e["start"] : e["end"]] == e["text"]
    spans = {ref[e["article"]]: e["text"] for e in claim["evidence"]}
    assert spans["vi-1"] == "cách Vladivostok khoảng 1.000 km"
    assert spans["es-1"] == "a unos 1.000 kilómetros de Vladivostok"
    # the Spanish quote is Putin's, read by its marks and "dijo"
    quotes = [q for q in report["attributions"] if ref[q["article"]] == "es-1"]
    assert any(q["kind"] == "direct" and q["speaker_name"] == "Putin" for q in quotes)
    assert any("read in part" in n for n in report["notes"])


def test_a_translation_is_one_origin_in_the_coverage_too(tmp_path: Path) -> None:
    rows = [
        {
            "id": "en-1",
            "outlet": "Daily Ledger",
            "published": "2026-05-12",
            "text": "A landslide buried part of the mountain village of Santa Clara on Monday, "
            "killing at least 12 people. Rescuers were still digging through the mud at "
            "nightfall.",
        },
        {
            "id": "fr-1",
            "outlet": "Le Matin",
            "published": "2026-05-12",
            "text": "Un glissement de terrain a enseveli lundi une partie du village de montagne "
            "de Santa Clara, tuant au moins 12 personnes. Les secouristes creusaient encore dans "
            "la boue à la tombée de la nuit.",
        },
    ]
    report = _report(tmp_path, rows)
    ref = {a["id"]: a["ref"] for a in report["articles"]}
    (story,) = report["stories"]
    coverage = story["coverage"]
    assert coverage["independent_origins"] == 1
    (t,) = coverage["translated"]
    assert (ref[t["article"]], ref[t["original"]]) == ("fr-1", "en-1")
