"""One error shape for every error: {ok: false, error, errors, status, code}, and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyweave._types import JSON
from storyweave.server import create_app
from storyweave.storage import SQLStore

SHAPE = {"ok", "error", "errors", "status", "code"}


def _check(r: object, status: int, code: str) -> JSON:
    # Starlette's TestClient answers with httpx's or httpx2's Response, whichever is installed
    assert hasattr(r, "status_code") and hasattr(r, "json")
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == SHAPE
    assert body["ok"] is False and body["status"] == status and body["code"] == code
    assert isinstance(body["error"], str) and body["error"].startswith(f"[{code}]")
    assert isinstance(body["errors"], list)
    return dict(body)


@pytest.mark.parametrize(
    ("method", "url", "status", "code"),
    [
        ("GET", "/api/nothing-here", 404, "E601"),
        ("GET", "/api/stories/s-000000000000", 404, "E303"),
        ("GET", "/api/articles/ffffffffffffffffffff", 404, "E303"),
        ("GET", "/api/entities/e-000000000000", 404, "E303"),
        ("GET", "/api/claims?story=s-000000000000", 404, "E303"),
        ("GET", "/api/timeline?story=s-000000000000", 404, "E303"),
        ("GET", "/api/quotes?story=s-000000000000", 404, "E303"),
        ("GET", "/api/stories?limit=0", 422, "E602"),
        ("GET", "/api/stories?limit=100000", 422, "E602"),
        ("GET", "/api/stories?sort=loudest", 422, "E602"),
        ("GET", "/api/claims?status=maybe", 422, "E602"),
        ("GET", "/api/search", 422, "E602"),
        ("GET", "/api/search?q=" + "x" * 201, 422, "E602"),
        ("DELETE", "/api/stories", 405, "E606"),
        ("PUT", "/api/articles", 405, "E606"),
        ("GET", "/static/nothing.css", 404, "E601"),
    ],
)
def test_error_shape(client: TestClient, method: str, url: str, status: int, code: str) -> None:
    _check(client.request(method, url), status, code)


def test_malformed_json_body(client: TestClient) -> None:
    r = client.post(
        "/api/articles", content=b"{not json", headers={"content-type": "application/json"}
    )
    _check(r, 422, "E602")


def test_validation_errors_name_the_field(client: TestClient) -> None:
    body = _check(client.get("/api/stories?limit=0"), 422, "E602")
    assert body["errors"][0]["loc"] == ["query", "limit"]
    assert "limit" in body["error"]


def _exploding(**kwargs: object) -> JSON:
    raise RuntimeError("secret internal detail")


def test_unexpected_errors_keep_the_shape_and_hide_details(
    store_copy: SQLStore, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_copy.analyses, "summaries", _exploding)
    app = create_app(store_copy)
    with TestClient(app, raise_server_exceptions=False) as c:
        body = _check(c.get("/api/stories"), 500, "E607")
    assert "secret" not in body["error"]
    assert "secret internal detail" in caplog.text


def test_pages_render_errors_as_html_with_the_same_fields(client: TestClient) -> None:
    r = client.get("/stories/s-000000000000", headers={"accept": "text/html"})
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "E303" in r.text and "s-000000000000" in r.text


def test_unopenable_store_is_a_storage_error(tmp_path: Path) -> None:
    from storyweave.errors import StorageError

    with pytest.raises(StorageError):
        create_app("mysql://nope")
