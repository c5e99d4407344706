"""The API's routes, one module per resource; each parses, calls one catalogue or job method."""

from __future__ import annotations

from fastapi import APIRouter

from . import articles, claims, entities, jobs, meta, quotes, search, stories, timeline

ROUTERS: tuple[APIRouter, ...] = (
    meta.router,
    articles.router,
    stories.router,
    claims.router,
    entities.router,
    quotes.router,
    timeline.router,
    search.router,
    jobs.router,
)

__all__ = ["ROUTERS"]
