"""The JSON API in-process: every route, filters and sorts, ingest jobs, the OpenAPI schema."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyweave.report import validate_report
from storyweave.server import create_app
from storyweave.storage import SQLStore
from tests.server.conftest import SUMMIT, story_id_of

READS = [
    "/api/health",
    "/api/articles",
    "/api/articles?limit=1&offset=1",
    "/api/stories",
    "/api/stories?sort=largest",
    "/api/stories?sort=disputed",
    "/api/claims",
    "/api/claims?status=conflicting",
    "/api/entities",
    "/api/entities?type=PERSON&q=put",
    "/api/quotes",
    "/api/timeline",
    "/api/search?q=putin",
    "/api/jobs",
]


@pytest.mark.parametrize("url", READS)
def test_every_list_route_answers_ok(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 200, r.text
    assert r.json()["ok"] is True
    assert r.headers["content-type"].startswith("application/json")


def test_pages_of_a_list(client: TestClient) -> None:
    body = client.get("/api/articles", params={"limit": 1, "offset": 1}).json()
    assert body["total"] == 4 and body["limit"] == 1 and body["offset"] == 1
    assert len(body["items"]) == 1


@pytest.mark.parametrize(
    ("sort", "first_ref"),
    [("disputed", "summit-1"), ("newest", "summit-2"), ("largest", None)],
)
def test_story_sorts(client: TestClient, sort: str, first_ref: str | None) -> None:
    items = client.get("/api/stories", params={"sort": sort}).json()["items"]
    assert len(items) == 3  # the two summit reports are one story
    assert story_id_of(client, "summit-1") == story_id_of(client, "summit-2")
    if first_ref:
        assert items[0]["id"] == story_id_of(client, first_ref)
    if sort == "disputed":
        assert items[0]["claims"] == {
            "corroborated": 1,
            "single_source": 1,
            "conflicting": 2,
            "updated": 0,
        }
    if sort == "newest":
        assert [i["last_seen"] for i in items] == sorted(
            (i["last_seen"] for i in items), reverse=True
        )


def test_story_report_is_valid_and_holds_one_story(client: TestClient) -> None:
    sid = story_id_of(client, "summit-1")
    report = client.get(f"/api/stories/{sid}").json()["report"]
    validate_report(report)
    assert [s["id"] for s in report["stories"]] == [sid]
    assert len(report["stories"][0]["claims"]) == 4
    coverage = report["stories"][0]["coverage"]
    assert {o["name"] for o in coverage["outlets"]} == {"Tin Tuc", "Wire"}
    assert coverage["independent_origins"] == 2
    assert {f["outlet"] for f in coverage["first_report"]} == {"Tin Tuc", "Wire"}


def test_claims_filter_by_status_and_story(client: TestClient) -> None:
    sid = story_id_of(client, "summit-1")
    conflicting = client.get("/api/claims", params={"status": "conflicting"}).json()["items"]
    assert {c["id"] for c in conflicting} == {"c-place", "c-moscow"}
    assert all(c["story"] == sid for c in conflicting)
    other = story_id_of(client, "rehab-1")
    rehab = client.get("/api/claims", params={"story": other}).json()["items"]
    assert rehab and all(c["story"] == other for c in rehab)
    assert {c["status"] for c in rehab} == {"single_source"}  # one article: nothing to corroborate


def test_timeline_entries_are_dated_and_carry_their_story(client: TestClient) -> None:
    items = client.get("/api/timeline").json()["items"]
    assert ("2023-09-13", story_id_of(client, "summit-1")) in [
        (i["date"], i["story"]) for i in items
    ]
    assert [i["date"] for i in items] == sorted(i["date"] for i in items)
    assert all(i["evidence"] for i in items)


def test_entities_and_one_entity(client: TestClient) -> None:
    people = client.get("/api/entities", params={"type": "PERSON"}).json()["items"]
    assert people and all(p["type"] == "PERSON" for p in people)
    putin = next(p for p in people if "Putin" in (p["name"], *p["aliases"]))
    one = client.get(f"/api/entities/{putin['id']}").json()
    assert one["entity"]["name"] == "Vladimir Putin"
    texts = {a["id"]: a for a in one["articles"]}
    assert all(m["article"] in texts for m in one["entity"]["mentions"])
    said = [q["content"]["text"] for q in one["quotes"]]
    assert "We will talk about all issues," in said
    assert "the two leaders discussed military cooperation" in said


@pytest.mark.parametrize(("speaker", "found"), [("Putin", True), ("putin", True), ("Lohan", False)])
def test_quotes_by_speaker(client: TestClient, speaker: str, found: bool) -> None:
    items = client.get("/api/quotes", params={"speaker": speaker}).json()["items"]
    assert bool(items) == found
    if found:
        said = {q["content"]["text"] for q in items}
        assert "We will talk about all issues," in said
        assert all(q["speaker_name"] == "Vladimir Putin" for q in items)


def test_quotes_statements_only(client: TestClient) -> None:
    every = client.get("/api/quotes", params={"limit": 500}).json()["items"]
    stated = client.get("/api/quotes", params={"statements": "true", "limit": 500}).json()["items"]
    assert any(q["statement"] is False for q in every)
    assert stated and all(q["statement"] is True for q in stated)
    assert len(stated) == sum(q["statement"] is True for q in every)


@pytest.mark.parametrize("kind", ["direct", "indirect", "according_to"])
def test_quotes_by_kind(client: TestClient, kind: str) -> None:
    items = client.get("/api/quotes", params={"kind": kind}).json()["items"]
    assert items and {q["kind"] for q in items} == {kind}


def test_quotes_unknown_kind_is_a_clear_error(client: TestClient) -> None:
    r = client.get("/api/quotes", params={"kind": "quoted"})
    assert r.status_code == 422 and r.json()["ok"] is False


def test_search_returns_spans_into_the_article(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "vostochny cosmo"}).json()
    (hit,) = body["articles"]
    article = client.get(f"/api/articles/{hit['id']}").json()["report"]["articles"][0]
    for m in hit["matches"]:
        assert article["text"][m["start"] : m["end"]].lower().startswith(("vostochny", "cosmo"))
    snip = hit["snippet"]
    assert article["text"][snip["start"] : snip["end"]] == snip["text"]
    assert client.get("/api/search", params={"q": "nothing-matches-this"}).json()["articles"] == []


def test_article_report(client: TestClient) -> None:
    aid = client.get("/api/articles").json()["items"][0]["id"]
    report = client.get(f"/api/articles/{aid}").json()["report"]
    assert [a["id"] for a in report["articles"]] == [aid]


def test_openapi_lists_every_resource(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in (
        "/api/articles",
        "/api/articles/upload",
        "/api/stories/{story_id}",
        "/api/claims",
        "/api/entities/{entity_id}",
        "/api/quotes",
        "/api/timeline",
        "/api/search",
        "/api/jobs/{job_id}",
    ):
        assert path in paths
    page = client.get("/api/docs")
    assert page.status_code == 200 and "/api/articles/upload" in page.text
    assert "cdn" not in page.text.lower()


def test_ingest_json_runs_in_the_background(store_copy: SQLStore) -> None:
    app = create_app(store_copy)
    text = "The central bank of Iceland raised interest rates in Reykjavik on Thursday."
    with TestClient(app) as c:
        r = c.post("/api/articles", json={"articles": [{"text": text, "id": "iceland"}],
                                          "published": "2024-02-01"})  # fmt: skip
        assert r.status_code == 202, r.text
        job = r.json()["job"]
        assert r.json()["poll"] == f"/api/jobs/{job['id']}"
        app.state.services.jobs.wait(job["id"])
        polled = c.get(f"/api/jobs/{job['id']}").json()
        assert polled["ok"] is True
        done = polled["job"]
        assert done["state"] == "done", done
        (aid,) = done["result"]["article_ids"]
        article = c.get(f"/api/articles/{aid}").json()["report"]["articles"][0]
        assert article["ref"] == "iceland" and article["published"] == "2024-02-01"
        assert c.get("/api/search", params={"q": "reykjavik"}).json()["articles"][0]["id"] == aid
        assert c.get("/api/articles").json()["total"] == 5  # the cache saw the write


def test_upload_reads_each_format_and_reports_failures(store_copy: SQLStore) -> None:
    app = create_app(store_copy)
    jsonl = json.dumps({"text": "Floods hit Valencia on Monday, officials said.", "id": "v"})
    note = b"# Storm in Oslo\nA storm closed Oslo airport on Friday."
    files = [
        ("files", ("note.md", note, "text/markdown")),
        ("files", ("batch.jsonl", (jsonl + "\n{not json}\n").encode(), "application/x-ndjson")),
        ("files", ("empty.txt", b"   ", "text/plain")),
    ]  # fmt: skip
    with TestClient(app) as c:
        r = c.post("/api/articles/upload", files=files, data={"outlet": "Upload Desk"})
        assert r.status_code == 202, r.text
        job = app.state.services.jobs.wait(r.json()["job"]["id"])
        assert job is not None and job.state == "done", job
        result = c.get(f"/api/jobs/{job.id}").json()["job"]["result"]
        assert len(result["article_ids"]) == 2
        assert {f["code"] for f in result["failures"]} == {"E106", "E102"}
        arts = [c.get(f"/api/articles/{a}").json()["report"]["articles"][0]
                for a in result["article_ids"]]  # fmt: skip
        assert {(a["ref"], a["title"], a["outlet"]) for a in arts} == {
            ("note.md", "Storm in Oslo", "Upload Desk"),
            ("v", None, "Upload Desk"),
        }


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"articles": []}, "articles"),
        ({"articles": [{"text": ""}]}, "text"),
        ({"articles": [{"text": "x", "colour": "red"}]}, "colour"),
        ({"articles": [{"text": "x"}], "published": "13/09/2023"}, "published"),
        ({}, "articles"),
    ],
)
def test_ingest_json_is_validated(client: TestClient, body: dict, field: str) -> None:  # type: ignore[type-arg]
    r = client.post("/api/articles", json=body)
    assert r.status_code == 422
    err = r.json()
    assert err["code"] == "E602" and field in err["error"]
    assert any(field in e["loc"] for e in err["errors"])


def test_upload_of_an_unsupported_type_is_refused(client: TestClient) -> None:
    r = client.post(
        "/api/articles/upload", files=[("files", ("x.pdf", b"%PDF", "application/pdf"))]
    )
    assert r.status_code == 415 and r.json()["code"] == "E611"


def test_one_unsupported_file_does_not_fail_the_upload(store_copy: SQLStore) -> None:
    app = create_app(store_copy)
    note = (
        b"# Quay closed\nThe harbour quay closed on Friday after a crane collapsed, the port said."
    )
    files = [
        ("files", ("scan.pdf", b"%PDF-1.7", "application/pdf")),
        ("files", ("note.md", note, "text/markdown")),
    ]
    with TestClient(app) as c:
        r = c.post("/api/articles/upload", files=files)
        assert r.status_code == 202, r.text
        job = app.state.services.jobs.wait(r.json()["job"]["id"])
        assert job is not None and job.state == "done", job
        result = c.get(f"/api/jobs/{job.id}").json()["job"]["result"]
        assert len(result["article_ids"]) == 1
        assert [(f["ref"], f["code"]) for f in result["failures"]] == [("scan.pdf", "E611")]


def test_upload_with_nothing_readable_is_refused(client: TestClient) -> None:
    r = client.post(
        "/api/articles/upload", files=[("files", ("a.txt", b"\xff\xfe\x00", "text/plain"))]
    )
    assert r.status_code == 422 and r.json()["code"] == "E612"
    assert r.json()["errors"][0]["ref"] == "a.txt"


def test_unknown_job(client: TestClient) -> None:
    r = client.get("/api/jobs/0123456789abcdef")
    assert r.status_code == 404 and r.json()["code"] == "E303"


def test_store_given_as_a_path(tmp_path: Path) -> None:
    app = create_app(tmp_path / "new.db")
    with TestClient(app) as c:
        assert c.get("/api/health").json()["articles"] == 0
        assert c.get("/api/stories").json()["items"] == []


assert "Vostochny" in SUMMIT
