"""One error shape for every HTTP error: ``{ok: false, error, errors, status, code}``.

Routes raise :class:`HTTPProblem` (or let a :class:`~storyweave.errors.StoryweaveError`
through); the handlers installed by :func:`install_handlers` turn every error, from
a bad query parameter to an unexpected exception, into that shape. Browser pages
get the same fields rendered as an HTML page.

DOCS: docs/web.md
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import (
    ConfigError,
    NotFound,
    SourceError,
    StorageError,
    StoryweaveError,
    ValidationError,
    message,
)

log = logging.getLogger(__name__)


class HTTPProblem(StoryweaveError):
    """An error with an HTTP status, raised by the server's own code."""

    def __init__(
        self, status: int, code: str, *, errors: list[dict[str, Any]] | None = None, **fields: Any
    ) -> None:
        super().__init__(code, **fields)
        self.status = status
        self.errors = errors or []


def problem_body(
    status: int, code: str, error: str, errors: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The error shape. Every error response of the API has exactly these keys."""
    return {"ok": False, "error": error, "errors": errors or [], "status": status, "code": code}


def problem_json(status: int, code: str, **fields: Any) -> JSONResponse:
    """An error response built outside the handlers (by the ASGI guards)."""
    return JSONResponse(problem_body(status, code, message(code, **fields)), status_code=status)


def _wants_html(request: Request) -> bool:
    if request.url.path.startswith("/api") or request.url.path.startswith("/static"):
        return False
    return "text/html" in request.headers.get("accept", "")


def _respond(request: Request, body: dict[str, Any]) -> Response:
    status = int(body["status"])
    if _wants_html(request):
        from .web.render import render

        return HTMLResponse(
            render("error.html", problem=body, title=f"Error {status}"), status_code=status
        )
    return JSONResponse(body, status_code=status)


def _status_of(err: StoryweaveError) -> int:
    if isinstance(err, HTTPProblem):
        return err.status
    if isinstance(err, NotFound):
        return 404
    if isinstance(err, ValidationError | SourceError | ConfigError):
        return 422
    if isinstance(err, StorageError):
        return 503
    return 500


async def _on_storyweave_error(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, StoryweaveError):  # registered for this class only
        return await _on_unexpected(request, exc)
    status = _status_of(exc)
    errors = exc.errors if isinstance(exc, HTTPProblem) else []
    return _respond(request, problem_body(status, exc.code or "E602", str(exc), errors))


async def _on_http_exception(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, StarletteHTTPException):  # registered for this class only
        return await _on_unexpected(request, exc)
    path = request.url.path
    if exc.status_code == 404:
        code, text = "E601", message("E601", path=path)
    elif exc.status_code == 405:
        code, text = "E606", message("E606", method=request.method, path=path)
    else:
        code, text = "E602", message("E602", detail=str(exc.detail))
    response = _respond(request, problem_body(exc.status_code, code, text))
    for name, value in (exc.headers or {}).items():
        response.headers[name] = value
    return response


async def _on_validation_error(request: Request, exc: Exception) -> Response:
    if not isinstance(exc, RequestValidationError):  # registered for this class only
        return await _on_unexpected(request, exc)
    errors = [
        {"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": e["type"]}
        for e in exc.errors()
    ]
    first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
    where = ".".join(first["loc"])
    detail = f"{where}: {first['msg']}" if where else str(first["msg"])
    return _respond(request, problem_body(422, "E602", message("E602", detail=detail), errors))


async def _on_unexpected(request: Request, exc: Exception) -> Response:
    log.error("unexpected error on %s", request.url.path, exc_info=exc)
    path = request.url.path
    return _respond(request, problem_body(500, "E607", message("E607", path=path)))


def install_handlers(app: FastAPI) -> None:
    """Route every kind of error through the one shape."""
    app.add_exception_handler(StoryweaveError, _on_storyweave_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_exception)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(Exception, _on_unexpected)
