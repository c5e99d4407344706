"""Articles: list, read one (its report), and ingest (JSON or file upload) as background jobs."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, UploadFile, status

from ...ingest import IngestOptions
from ...ingest.readers import SUPPORTED, parse_date
from ...model import Failure
from ..deps import ServicesDep, WriteAccess
from ..problems import HTTPProblem
from ..schemas import ERROR_RESPONSES, IngestIn, JobAccepted, Page
from ..uploads import drafts_from_json, drafts_from_upload
from .params import ArticleIdPath, Limit, Offset

router = APIRouter(prefix="/api/articles", tags=["articles"], responses=ERROR_RESPONSES)
# Files in one upload request (each is read whole; the body limit bounds their total size).
MAX_FILES = 100


@router.get("", response_model=Page)
def list_articles(svc: ServicesDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Stored articles, newest first (metadata only; read one for its text)."""
    return svc.catalogue.articles(limit=limit, offset=offset).to_json()


@router.get("/{article_id}")
def read_article(svc: ServicesDep, article_id: ArticleIdPath) -> dict[str, Any]:
    """One article with everything found in it: the report for that article alone."""
    return {"ok": True, "report": svc.catalogue.article(article_id)}


@router.post(
    "",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=JobAccepted,
    dependencies=[WriteAccess],
)
def ingest_json(svc: ServicesDep, body: IngestIn) -> dict[str, Any]:
    """Queue articles (JSON) for ingest; poll the returned job."""
    options = _options(svc, body.published, body.outlet)
    drafts = drafts_from_json(body.articles, prefix="api")
    job = svc.jobs.submit(drafts, [], options=options)
    return {"ok": True, "job": job.as_dict(), "poll": f"/api/jobs/{job.id}"}


@router.post(
    "/upload",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=JobAccepted,
    dependencies=[WriteAccess],
)
def ingest_upload(
    svc: ServicesDep,
    files: Annotated[list[UploadFile], File(description="Text, Markdown, HTML, JSONL or feeds.")],
    published: Annotated[str | None, Form(pattern=r"^(\d{4}-\d{2}-\d{2})?$")] = None,
    outlet: Annotated[str | None, Form(max_length=200)] = None,
) -> dict[str, Any]:
    """Queue uploaded files for ingest; poll the returned job."""
    if len(files) > MAX_FILES:
        raise HTTPProblem(422, "E612", detail=f"at most {MAX_FILES} files per request")
    options = _options(svc, published or None, outlet or None)
    drafts = []
    failures: list[Failure] = []
    for upload in files:
        found, failed = drafts_from_upload(upload.filename, upload.file.read())
        drafts += found
        failures += failed
    if not drafts:
        errors = [{"ref": f.ref, "code": f.code, "msg": f.error} for f in failures]
        if failures and all(f.code == "E611" for f in failures):  # nothing of a type we read
            name = str(failures[0].ref)
            raise HTTPProblem(
                415, "E611", name=name, suffix=PurePosixPath(name).suffix.lower(),
                expected=", ".join(sorted(SUPPORTED)), errors=errors,
            )  # fmt: skip
        detail = failures[0].error if failures else "no file"
        raise HTTPProblem(422, "E612", detail=detail, errors=errors)
    job = svc.jobs.submit(drafts, failures, options=options)
    return {"ok": True, "job": job.as_dict(), "poll": f"/api/jobs/{job.id}"}


def _options(svc: ServicesDep, published: str | None, outlet: str | None) -> IngestOptions:
    return IngestOptions(
        published=parse_date(published, where="published"),
        outlet=outlet,
        max_file_bytes=svc.settings.max_file_bytes,
        max_article_chars=svc.settings.max_article_chars,
    )
