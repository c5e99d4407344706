"""Tokens, cross-site writes, body limits, hosts, path traversal and security headers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyweave.server import create_app
from storyweave.server.guards import CSP, LOOPBACK_HOSTS, host_of
from storyweave.storage import SQLStore

TOKEN = "s3cret-token"
ARTICLE = {"articles": [{"text": "Rain fell on Bergen for the ninth day running on Sunday."}]}


@pytest.fixture
def guarded(store_copy: SQLStore) -> Iterator[TestClient]:
    app = create_app(store_copy, token=TOKEN, max_body=4000)
    with TestClient(app) as c:
        yield c


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({}, 401),
        ({"authorization": "Bearer wrong"}, 401),
        ({"authorization": TOKEN}, 401),  # no scheme
        ({"authorization": f"Basic {TOKEN}"}, 401),
        ({"authorization": f"Bearer {TOKEN}"}, 202),
        ({"authorization": f"bearer {TOKEN}"}, 202),
    ],
)
def test_writes_need_the_token(guarded: TestClient, headers: dict[str, str], status: int) -> None:
    r = guarded.post("/api/articles", json=ARTICLE, headers=headers)
    assert r.status_code == status, r.text
    if status == 401:
        assert r.json()["code"] == "E603"


def test_uploads_and_the_form_need_the_token_too(guarded: TestClient) -> None:
    files = [("files", ("a.txt", b"Snow closed the pass near Davos on Friday.", "text/plain"))]
    assert guarded.post("/api/articles/upload", files=files).status_code == 401
    form = {"text": "Snow closed the pass near Davos on Friday."}
    assert guarded.post("/ingest", data=form, follow_redirects=False).status_code == 401
    ok = guarded.post("/ingest", data={**form, "token": TOKEN}, follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"].startswith("/jobs/")


def test_reads_need_no_token(guarded: TestClient) -> None:
    assert guarded.get("/api/stories").status_code == 200
    assert guarded.get("/api/health").json()["writes_need_token"] is True


@pytest.mark.parametrize(
    ("origin", "status"),
    [
        ("http://evil.example", 403),
        ("null", 403),
        ("http://testserver", 202),
        (None, 202),
    ],
)
def test_cross_site_writes_are_refused(
    store_copy: SQLStore, origin: str | None, status: int
) -> None:
    headers = {"origin": origin} if origin else {}
    app = create_app(store_copy)
    with TestClient(app) as c:
        r = c.post("/api/articles", json=ARTICLE, headers=headers)
    assert r.status_code == status, r.text
    if status == 403:
        assert r.json()["code"] == "E604"


def test_sec_fetch_site_cross_site_is_refused(client: TestClient) -> None:
    r = client.post("/ingest", data={"text": "x"}, headers={"sec-fetch-site": "cross-site"})
    assert r.status_code == 403


def test_declared_body_over_the_limit(guarded: TestClient) -> None:
    big = {"articles": [{"text": "word " * 2000}]}
    r = guarded.post("/api/articles", json=big, headers={"authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 413 and r.json()["code"] == "E605"


def test_streamed_body_over_the_limit(guarded: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"articles": [{"text": "'
        for _ in range(100):
            yield b"x" * 100
        yield b'"}]}'

    r = guarded.post(
        "/api/articles",
        content=chunks(),
        headers={"authorization": f"Bearer {TOKEN}", "content-type": "application/json"},
    )
    assert r.status_code == 413 and r.json()["code"] == "E605"


def test_upload_over_the_limit(guarded: TestClient) -> None:
    files = [("files", ("a.txt", b"y" * 10_000, "text/plain"))]
    r = guarded.post(
        "/api/articles/upload", files=files, headers={"authorization": f"Bearer {TOKEN}"}
    )
    assert r.status_code == 413


@pytest.mark.parametrize(
    ("host", "status"),
    [("127.0.0.1:8000", 200), ("localhost", 200), ("[::1]:8000", 200), ("evil.example", 400),
     ("127.0.0.1.evil.example", 400)],
)  # fmt: skip
def test_dns_rebinding_guard_on_loopback(store_copy: SQLStore, host: str, status: int) -> None:
    app = create_app(store_copy, allowed_hosts=LOOPBACK_HOSTS)
    with TestClient(app) as c:
        r = c.get("/api/health", headers={"host": host})
    assert r.status_code == status
    if status == 400:
        assert r.json()["code"] == "E608"


@pytest.mark.parametrize(
    ("value", "host"),
    [("127.0.0.1:8000", "127.0.0.1"), ("LOCALHOST", "localhost"), ("[::1]:80", "::1"),
     ("::1", "::1"), ("example.org", "example.org"), ("", "")],
)  # fmt: skip
def test_host_of(value: str, host: str) -> None:
    assert host_of(value) == host


TRAVERSALS = [
    "/static/../pyproject.toml",
    "/static/%2e%2e/%2e%2e/%2e%2e/pyproject.toml",
    "/static/..%2f..%2f..%2fpyproject.toml",
    "/static/%2e%2e%5c%2e%2e%5cpyproject.toml",
    "/static//etc/passwd",
    "/static/....//....//etc/passwd",
    "/api/stories/..%2F..%2Fetc%2Fpasswd",
    "/api/articles/%2e%2e",
    "/api/entities/..",
    "/api/jobs/..%2f..",
    "/stories/%2e%2e%2f%2e%2e%2fpyproject.toml",
    "/api/claims?story=../../etc/passwd",
    "/api/timeline?story=..%2F..",
]


@pytest.mark.parametrize("url", TRAVERSALS)
def test_no_path_traversal(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code in (400, 404, 422), (url, r.status_code)
    assert "[project]" not in r.text and "root:" not in r.text
    assert set(r.json()) == {"ok", "error", "errors", "status", "code"}


def test_upload_names_never_become_paths(store_copy: SQLStore, tmp_path: Path) -> None:
    escape = tmp_path / "escaped.txt"
    name = f"../../../../../../{escape}"
    app = create_app(store_copy)
    with TestClient(app) as c:
        files = [("files", (name, b"Fog delayed ferries in Helsinki on Monday.", "text/plain"))]
        r = c.post("/api/articles/upload", files=files)
        assert r.status_code == 202
        job = app.state.services.jobs.wait(r.json()["job"]["id"])
        assert job is not None and job.state == "done"
        (aid,) = job.result["article_ids"] if job.result else []
        ref = c.get(f"/api/articles/{aid}").json()["report"]["articles"][0]["ref"]
    assert ref == "escaped.txt"
    assert not escape.exists()


@pytest.mark.parametrize("url", ["/", "/api/stories", "/static/storyweave.css", "/api/nope"])
def test_security_headers_on_every_response(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.headers["content-security-policy"] == CSP
    assert "default-src 'self'" in CSP and "unsafe-inline" not in CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
