"""The server itself: health, and the API reference page (rendered offline from OpenAPI)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ... import __version__
from ..deps import ServicesDep

router = APIRouter(tags=["meta"])


@router.get("/api/health")
def health(svc: ServicesDep) -> dict[str, Any]:
    """Liveness and the size of the store."""
    return {
        "ok": True,
        "version": __version__,
        "articles": svc.store.count_articles(),
        "writes_need_token": svc.token is not None,
    }


@router.get("/api/docs", response_class=HTMLResponse, include_in_schema=False)
def api_docs(request: Request) -> HTMLResponse:
    """Every route, its parameters and responses: no CDN, unlike Swagger UI."""
    from ..web.render import render

    schema = request.app.openapi()
    return HTMLResponse(render("api_docs.html", schema=schema, title="HTTP API"))
