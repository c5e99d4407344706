"""The ASGI app: the JSON API under ``/api``, the pages under ``/``, assets under ``/static``.

Routes are thin: each parses its input and calls one :class:`Catalogue` or
:class:`JobRunner` method. Every error leaves through one handler with one shape
(:mod:`storyweave.server.problems`); the :class:`~storyweave.server.guards.Guard`
middleware checks hosts, cross-site writes and body size, and sets the CSP.

DOCS: docs/web.md
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Collection
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..catalogue import Catalogue
from ..config import Settings
from ..storage import SQLStore, open_store
from .deps import Services
from .guards import Guard
from .jobs import JobRunner
from .problems import install_handlers
from .routes import ROUTERS
from .web import STATIC_DIR
from .web.forms import router as forms_router
from .web.pages import router as pages_router

# Largest request body: a little above the largest input file the CLI reads whole.
MAX_BODY_BYTES = 21_000_000


def create_app(
    store: str | Path | SQLStore,
    *,
    token: str | None = None,
    max_body: int = MAX_BODY_BYTES,
    allowed_hosts: Collection[str] | None = None,
    settings: Settings | None = None,
) -> FastAPI:
    """The storyweave web app over ``store`` (a path, a URL or an open store).

    Args:
        store: the store to serve; a path or URL is opened (and migrated).
        token: when set, every write needs ``Authorization: Bearer TOKEN``.
        max_body: requests with a larger body get 413.
        allowed_hosts: when set, other ``Host`` headers get 400 (set it on loopback).
        settings: ingest limits and batch size (default: ``Settings.load()``).
    """
    store = store if isinstance(store, SQLStore) else open_store(store)
    settings = settings or Settings.load()
    services = Services(
        store=store,
        catalogue=Catalogue(store),
        jobs=JobRunner(store, settings=settings),
        settings=settings,
        token=token or None,
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        services.jobs.shutdown()

    app = FastAPI(
        title="storyweave",
        version=__version__,
        summary="Stories, claims, entities, quotes and timelines from news articles.",
        docs_url=None,  # Swagger UI and ReDoc load from a CDN; /api/docs is rendered here
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.services = services
    install_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
    app.include_router(pages_router)
    app.include_router(forms_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(Guard, max_body=max_body, allowed_hosts=allowed_hosts)
    return app
