"""Fixtures for the HTTP tests: a store seeded by hand-written articles, with one story's
stored analysis enriched.

The pipeline's own claims on four short articles are few; :func:`enrich_store` replaces the
summit story's stored analysis with claims of every status, a timeline, a brief and a quote
(evidence spans found in the articles' own text), so the API and the pages are tested on
everything an analysis can carry, read from rows as in production.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyweave import ingest
from storyweave._types import JSON
from storyweave.ingest import IngestOptions
from storyweave.report import build_report
from storyweave.server import create_app
from storyweave.storage import SQLStore, open_store

SUMMIT = (
    "North Korean leader Kim Jong-un met Russian President Vladimir Putin at the Vostochny "
    "Cosmodrome on Wednesday, the Kremlin said.\n"
    "Putin said the two leaders discussed military cooperation. "
    '"We will talk about all issues," Putin told reporters in Moscow.'
)
SUMMIT_2 = (
    "Kim Jong Un and Vladimir Putin held talks in Moscow on Wednesday, according to state media.\n"
    "The meeting lasted four hours, TASS reported. Minister Alexander Kozlov welcomed the "
    "North Korean leader at the station."
)
REHAB = "Lindsay Lohan checked into a rehab clinic in Malibu on Monday, her lawyer said."
XSS_TITLE = "<script>window.__pwned=1</script>Breaking"
XSS_TEXT = (
    "Officials in Geneva said <script>window.__pwned=1</script> was found in a page.\n"
    'A second payload <img src=x onerror="window.__pwned=2"> and <b onmouseover=alert(1)>bold</b> '
    "were reported by Reuters on Tuesday."
)
SEED = [
    {"id": "summit-1", "text": SUMMIT, "title": "Kim and Putin meet at Vostochny",
     "outlet": "Tin Tuc", "published": "2023-09-13"},
    {"id": "summit-2", "text": SUMMIT_2, "outlet": "Wire", "published": "2023-09-13"},
    {"id": "rehab-1", "text": REHAB, "outlet": "Gossip Daily", "published": "2013-05-02"},
    {"id": "xss-1", "text": XSS_TEXT, "title": XSS_TITLE, "outlet": "<i>Evil</i> Times",
     "url": "javascript:window.__pwned=3", "published": "2020-01-07"},
]  # fmt: skip


def _span(article: JSON, surface: str) -> JSON:
    start = article["text"].index(surface)
    return {"article": article["id"], "start": start, "end": start + len(surface), "text": surface}


def enrich_store(store: SQLStore) -> None:
    """Store claims, a timeline, a brief and a quote for the summit story."""
    report = build_report(store, [a.id for a in store.articles()])
    by_ref = {a["ref"]: a for a in report["articles"]}
    putin = next(
        (e["id"] for e in report["entities"] if "Putin" in (e["name"], *e["aliases"])), None
    )
    for s in report["stories"]:
        refs = {a["ref"] for a in report["articles"] if a["id"] in s["articles"]}
        if "summit-1" in refs:
            a = by_ref["summit-1"]
            place = _span(a, "Vostochny Cosmodrome")
            s["claims"] = [
                {"id": "c-place", "text": "The leaders met at the Vostochny Cosmodrome.",
                 "status": "conflicting", "evidence": [place], "independent_sources": 1,
                 "conflicts_with": ["c-moscow"], "why": "Another report places it in Moscow."},
                {"id": "c-moscow", "text": "The leaders met in Moscow.", "status": "conflicting",
                 "evidence": [_span(a, "Moscow")], "independent_sources": 1,
                 "conflicts_with": ["c-place"], "why": "Vostochny elsewhere."},
                {"id": "c-met", "text": "Kim Jong-un met Vladimir Putin.",
                 "status": "corroborated", "evidence": [_span(a, "Kim Jong-un met")],
                 "independent_sources": 2, "conflicts_with": [], "why": "Two outlets."},
                {"id": "c-coop", "text": "They discussed military cooperation.",
                 "status": "single_source", "evidence": [_span(a, "military cooperation")],
                 "independent_sources": 1, "conflicts_with": [], "why": "Only Tin Tuc."},
            ]  # fmt: skip
            s["timeline"] = [
                {"date": "2023-09-13", "text": "Kim and Putin meet.",
                 "evidence": [_span(a, "on Wednesday")]},
            ]  # fmt: skip
            s["brief"] = {
                "markdown": "Kim Jong-un met Vladimir Putin; where is disputed.",
                "sentences": [
                    {"text": "Kim Jong-un met Vladimir Putin.",
                     "evidence": [_span(a, "Kim Jong-un met Russian President Vladimir Putin")]},
                    {"text": "Reports disagree on where they met.",
                     "evidence": [place]},
                ],
            }  # fmt: skip
            quote = _span(a, "We will talk about all issues,")
            stored = store.analyses.get(s["id"])
            assert stored is not None
            added = {
                "article": a["id"], "kind": "direct",
                "content": {k: quote[k] for k in ("start", "end", "text")},
                "cue": {k: v for k, v in _span(a, "told").items() if k != "article"},
                "source": None, "speaker": putin, "speaker_name": None, "source_type": None,
                "statement": True, "chain": [], "speaker_label": "Vladimir Putin",
            }  # fmt: skip
            enriched = dataclasses.replace(
                stored, claims=tuple(s["claims"]), timeline=tuple(s["timeline"]),
                brief=s["brief"], quotes=(*stored.quotes, added),
            )  # fmt: skip
            assert store.analyses.save(enriched)


def seed_store(path: Path) -> SQLStore:
    store = open_store(path)
    source = path.parent / "seed.jsonl"
    source.write_text("\n".join(json.dumps(s) for s in SEED) + "\n", encoding="utf-8")
    result = ingest([source], store=store, options=IngestOptions())
    assert not result.failures, result.failures
    return store


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("http") / "seeded.db"
    store = seed_store(path)
    enrich_store(store)
    store.close()
    return path


@pytest.fixture
def store_copy(seeded_db: Path, tmp_path: Path) -> Iterator[SQLStore]:
    """A private copy of the seeded store (tests that write must not disturb the others)."""
    import shutil

    target = tmp_path / "copy.db"
    shutil.copy(seeded_db, target)
    store = open_store(target)
    yield store
    store.close()


@pytest.fixture(scope="session")
def client(seeded_db: Path) -> Iterator[TestClient]:
    app = create_app(seeded_db)
    with TestClient(app) as c:
        yield c


def story_id_of(client: TestClient, ref: str) -> str:
    for a in client.get("/api/articles", params={"limit": 500}).json()["items"]:
        if a["ref"] == ref:
            report = client.get(f"/api/articles/{a['id']}").json()["report"]
            return str(report["stories"][0]["id"])
    raise AssertionError(ref)
