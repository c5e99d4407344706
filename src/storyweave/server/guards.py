"""The server's outer guard (a pure ASGI middleware): hosts, origins, body size, headers.

- **Host** (DNS-rebinding guard): when the server listens on loopback only, a
  request whose ``Host`` is not a loopback name is refused (400, E608).
- **Origin** (cross-site writes): a write (POST, PUT, PATCH, DELETE) that a
  browser sends from another site's page is refused (403, E604); scripts that
  send no ``Origin`` header are unaffected.
- **Body size**: a declared ``Content-Length`` above the limit is refused before
  the body is read; a chunked body is counted as it streams and the response is
  replaced by 413 (E605) once the limit is passed.
- **Headers**: every response carries a Content-Security-Policy of
  ``default-src 'self'`` (no inline script can run even if escaping failed),
  ``nosniff``, a ``same-origin`` referrer policy (``no-referrer`` would make
  browsers send ``Origin: null`` on our own forms) and a frame ban.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .problems import problem_json

CSP = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
)
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class _TooLarge(Exception):
    """The request body passed the limit while streaming."""


def host_of(value: str) -> str:
    """The host part of a ``Host`` header or URL netloc, without port or IPv6 brackets."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class Guard:
    """Wrap ``app`` with the checks above."""

    def __init__(
        self, app: ASGIApp, *, max_body: int, allowed_hosts: Collection[str] | None = None
    ) -> None:
        self.app = app
        self.max_body = max_body
        self.allowed_hosts = frozenset(h.lower() for h in allowed_hosts) if allowed_hosts else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            await refusal(scope, receive, _with_headers(send))
            return
        await self._call_limited(scope, receive, _with_headers(send))

    def _refusal(self, scope: Scope, headers: dict[str, str]) -> Any:
        host = host_of(headers.get("host", ""))
        if self.allowed_hosts is not None and host not in self.allowed_hosts:
            allowed = ", ".join(sorted(self.allowed_hosts))
            return problem_json(400, "E608", host=host, allowed=allowed)
        if scope["method"] in UNSAFE_METHODS and _cross_site(headers):
            return problem_json(403, "E604", origin=headers.get("origin", ""))
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_body:
            return problem_json(413, "E605", limit=self.max_body)
        return None

    async def _call_limited(self, scope: Scope, receive: Receive, send: Send) -> None:
        seen = 0
        overflow = False
        started = False

        async def counted_receive() -> Message:
            nonlocal seen, overflow
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.max_body:
                    overflow = True
                    raise _TooLarge
            return msg

        async def guarded_send(msg: Message) -> None:
            nonlocal started
            if overflow:
                return  # the app's own answer to a broken body is replaced by 413 below
            started = started or msg["type"] == "http.response.start"
            await send(msg)

        try:
            await self.app(scope, counted_receive, guarded_send)
        except _TooLarge:
            overflow = True
        if overflow and not started:
            await problem_json(413, "E605", limit=self.max_body)(scope, receive, send)


def _cross_site(headers: dict[str, str]) -> bool:
    if headers.get("sec-fetch-site", "") == "cross-site":
        return True
    origin = headers.get("origin")
    if origin is None:
        return False
    if origin == "null":
        return True
    return urlsplit(origin).netloc.lower() != headers.get("host", "").lower()


def _with_headers(send: Send) -> Send:
    async def wrapped(msg: Message) -> None:
        if msg["type"] == "http.response.start":
            present = {k.lower() for k, _ in msg.get("headers", [])}
            extra = [(k, v) for k, v in SECURITY_HEADERS if k not in present]
            msg = {**msg, "headers": [*msg.get("headers", []), *extra]}
        await send(msg)

    return wrapped
