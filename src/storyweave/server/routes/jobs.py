"""Ingest jobs: poll one, or list the recent ones (kept in the server's memory)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from ..deps import ServicesDep
from ..problems import HTTPProblem
from ..schemas import ERROR_RESPONSES, JobState
from .params import JobIdPath

router = APIRouter(prefix="/api/jobs", tags=["jobs"], responses=ERROR_RESPONSES)


@router.get("")
def list_jobs(svc: ServicesDep) -> dict[str, Any]:
    """The most recent jobs, newest first."""
    return {"ok": True, "items": [j.as_dict() for j in svc.jobs.recent()]}


@router.get("/{job_id}", response_model=JobState)
def read_job(svc: ServicesDep, job_id: JobIdPath) -> dict[str, Any]:
    """One job's state, and when it is done, what it stored and what failed."""
    job = svc.jobs.get(job_id)
    if job is None:
        raise HTTPProblem(404, "E303", kind="job", ident=job_id)
    return {"ok": True, "job": job.as_dict()}
