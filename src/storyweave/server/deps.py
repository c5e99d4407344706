"""What routes get from the app: the catalogue, the job runner, the write-token check."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Request

from ..catalogue import Catalogue
from ..config import Settings
from ..storage import SQLStore
from .jobs import JobRunner
from .problems import HTTPProblem


@dataclass(frozen=True, slots=True)
class Services:
    """Everything a route needs, held on ``app.state.services``."""

    store: SQLStore
    catalogue: Catalogue
    jobs: JobRunner
    settings: Settings
    token: str | None


def services(request: Request) -> Services:
    found = request.app.state.services
    if not isinstance(found, Services):  # pragma: no cover - create_app always sets it
        raise HTTPProblem(500, "E607", path=request.url.path)
    return found


def token_ok(expected: str | None, given: str | None) -> bool:
    """True when no token is required, or ``given`` equals it (compared in constant time)."""
    if expected is None:
        return True
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


def bearer(authorization: str | None) -> str | None:
    if authorization and authorization[:7].lower() == "bearer ":
        return authorization[7:].strip()
    return None


def require_token(
    svc: Annotated[Services, Depends(services)],
    authorization: Annotated[str | None, Header()] = None,
) -> None:
    """Writes need ``Authorization: Bearer TOKEN`` when the server was given a token."""
    if not token_ok(svc.token, bearer(authorization)):
        raise HTTPProblem(401, "E603")


ServicesDep = Annotated[Services, Depends(services)]
WriteAccess = Depends(require_token)
