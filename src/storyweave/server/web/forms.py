"""The ingest form (paste text or upload files) and the job page that follows it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Header, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse

from ...errors import StoryweaveError
from ...ingest import IngestOptions
from ...ingest.draft import Draft
from ...ingest.readers import parse_date
from ...model import Failure
from ..deps import ServicesDep, bearer, token_ok
from ..problems import HTTPProblem
from ..routes.params import JobIdPath
from ..schemas import MAX_TEXT_CHARS
from ..uploads import drafts_from_upload
from .render import render

router = APIRouter(include_in_schema=False)
MAX_FILES = 100


@router.get("/ingest", response_class=HTMLResponse)
def ingest_form(svc: ServicesDep) -> HTMLResponse:
    return HTMLResponse(
        render("ingest.html", title="Add articles", needs_token=svc.token is not None)
    )


@router.post("/ingest")
def ingest_submit(
    svc: ServicesDep,
    text: Annotated[str, Form(max_length=MAX_TEXT_CHARS)] = "",
    title: Annotated[str, Form(max_length=1000)] = "",
    outlet: Annotated[str, Form(max_length=200)] = "",
    url: Annotated[str, Form(max_length=2000)] = "",
    published: Annotated[str, Form(pattern=r"^(\d{4}-\d{2}-\d{2})?$")] = "",
    token: Annotated[str, Form(max_length=500)] = "",
    files: Annotated[list[UploadFile] | None, File()] = None,
    authorization: Annotated[str | None, Header()] = None,
) -> RedirectResponse:
    """Queue the pasted text and the uploaded files as one job; go to the job's page."""
    if not token_ok(svc.token, token or bearer(authorization)):
        raise HTTPProblem(401, "E603")
    drafts: list[Draft] = []
    failures: list[Failure] = []
    if text.strip():
        drafts.append(
            Draft(
                text=text,
                ref=title.strip() or "pasted",
                title=title or None,
                url=url or None,
                outlet=outlet or None,
            )
        )
    uploads = [f for f in files or [] if f.filename]
    if len(uploads) > MAX_FILES:
        raise HTTPProblem(422, "E612", detail=f"at most {MAX_FILES} files per request")
    for upload in uploads:
        found, failed = drafts_from_upload(upload.filename, upload.file.read())
        drafts += found
        failures += failed
    if not drafts:
        detail = failures[0].error if failures else "paste a text or choose a file"
        raise HTTPProblem(422, "E612", detail=detail)
    try:
        date = parse_date(published or None, where="published")
    except StoryweaveError as e:
        raise HTTPProblem(422, "E602", detail=str(e)) from None
    options = IngestOptions(
        published=date,
        outlet=outlet or None,
        max_file_bytes=svc.settings.max_file_bytes,
        max_article_chars=svc.settings.max_article_chars,
    )
    job = svc.jobs.submit(drafts, failures, options=options)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(svc: ServicesDep, job_id: JobIdPath) -> HTMLResponse:
    job = svc.jobs.get(job_id)
    if job is None:
        raise HTTPProblem(404, "E303", kind="job", ident=job_id)
    return HTMLResponse(render("job.html", title=f"Job {job.id}", job=job.as_dict()))
