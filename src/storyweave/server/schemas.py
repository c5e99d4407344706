"""Request and response bodies of the HTTP API (pydantic models; they make the OpenAPI schema).

Report-shaped data (stories, claims, entities, quotes, timeline) is passed through
as the JSON report builds it (``storyweave.report/1``), so the API grows with the
report without a second schema to keep in step.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

# Ids in paths: letters, digits, '-' and '_' only, so no parameter can carry a path.
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$"
MAX_ARTICLES_PER_REQUEST = 1000
MAX_TEXT_CHARS = 500_000


class ArticleIn(BaseModel):
    """One article to ingest: only ``text`` is required (the JSONL fields of the CLI)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    id: str | None = Field(default=None, max_length=200, description="Your reference for it.")
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    outlet: str | None = Field(default=None, max_length=200)
    published: str | None = Field(
        default=None, pattern=r"^\d{4}-\d{2}-\d{2}", description="YYYY-MM-DD"
    )
    language: str | None = Field(default=None, max_length=16)


class IngestIn(BaseModel):
    """A batch of articles; ``published`` and ``outlet`` are defaults for those without."""

    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_ARTICLES_PER_REQUEST)
    published: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    outlet: str | None = Field(default=None, max_length=200)


class ErrorOut(BaseModel):
    """The shape of every error response."""

    ok: Literal[False] = False
    error: str
    errors: list[dict[str, Any]] = Field(default_factory=list)
    status: int
    code: str


class JobOut(BaseModel):
    """An ingest job: poll ``GET /api/jobs/{id}`` until ``state`` is done or failed."""

    id: str
    state: Literal["queued", "running", "done", "failed"]
    submitted: str
    started: str | None = None
    finished: str | None = None
    articles: int
    result: dict[str, Any] | None = None
    error: str | None = None


class JobState(BaseModel):
    """``GET /api/jobs/{id}``: the job, in the ``{ok, ...}`` shape of every route."""

    ok: Literal[True] = True
    job: JobOut


class JobAccepted(BaseModel):
    ok: Literal[True] = True
    job: JobOut
    poll: str


class Page(BaseModel):
    """A page of a list: ``items`` from ``offset``, ``total`` in all."""

    ok: Literal[True] = True
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorOut, "description": what}
    for status, what in (
        (401, "Token missing or wrong"),
        (403, "Cross-site write"),
        (404, "Not found"),
        (413, "Body too large"),
        (422, "Invalid request"),
    )
}
