"""Background ingest jobs: one worker thread, job status kept in memory.

A POST hands its articles (already turned into :class:`Draft` objects, see
:mod:`storyweave.server.uploads`) to :meth:`JobRunner.submit` and gets a job id
at once; one worker thread writes them to a temporary JSONL file and calls
:func:`storyweave.analysis.ingest`, so writes to the store never overlap.

Job status lives in this process's memory only: it is lost when the server
stops (the articles a finished job stored are not), and only the most recent
:data:`KEEP_JOBS` finished jobs are kept.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Literal

from ..analysis import AnalysisResult, ingest
from ..config import Settings
from ..errors import StoryweaveError
from ..ingest import IngestOptions
from ..ingest.draft import Draft
from ..model import Failure
from ..pipeline import Pipeline
from ..storage import SQLStore
from .problems import HTTPProblem

log = logging.getLogger(__name__)

JobState = Literal["queued", "running", "done", "failed"]
# Finished jobs remembered for polling; older ones are forgotten first.
KEEP_JOBS = 500
# Jobs allowed to wait at once; beyond this a POST gets 503 (E610) instead of piling up memory.
MAX_WAITING = 16


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


@dataclass
class Job:
    """One ingest request and what became of it."""

    id: str
    state: JobState = "queued"
    submitted: str = field(default_factory=_now)
    started: str | None = None
    finished: str | None = None
    articles: int = 0
    result: dict[str, Any] | None = None
    error: str | None = None
    ended: threading.Event = field(default_factory=threading.Event, repr=False)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "state": self.state,
            "submitted": self.submitted,
            "started": self.started,
            "finished": self.finished,
            "articles": self.articles,
            "result": self.result,
            "error": self.error,
        }


class JobRunner:
    """Runs ingest jobs one after another on a single worker thread."""

    def __init__(self, store: SQLStore, *, settings: Settings | None = None) -> None:
        self.store = store
        self.settings = settings or Settings()
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="storyweave-ingest")
        self._pipeline: Pipeline | None = None

    def submit(
        self, drafts: list[Draft], failures: list[Failure], *, options: IngestOptions
    ) -> Job:
        """Queue ``drafts`` for ingest; ``failures`` (inputs already refused) join the result."""
        with self._lock:
            waiting = sum(j.state in ("queued", "running") for j in self._jobs.values())
            if waiting >= MAX_WAITING:
                raise HTTPProblem(503, "E610", limit=MAX_WAITING)
            job = Job(id=secrets.token_hex(8), articles=len(drafts))
            self._jobs[job.id] = job
            self._forget_old()
        self._pool.submit(self._run, job, drafts, failures, options)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def recent(self, limit: int = 50) -> list[Job]:
        with self._lock:
            return list(reversed(self._jobs.values()))[:limit]

    def wait(self, job_id: str, timeout: float = 60.0) -> Job | None:
        """Block until the job has finished or ``timeout`` passed; None if the id is unknown."""
        job = self.get(job_id)
        if job is not None:
            job.ended.wait(timeout)
        return job

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _forget_old(self) -> None:
        finished = [k for k, j in self._jobs.items() if j.state in ("done", "failed")]
        for key in finished[: max(0, len(finished) - KEEP_JOBS)]:
            del self._jobs[key]

    def _run(
        self, job: Job, drafts: list[Draft], failures: list[Failure], options: IngestOptions
    ) -> None:
        job.state, job.started = "running", _now()
        try:
            result = self._ingest(drafts, options)
        except StoryweaveError as e:
            job.error = str(e)
            job.state = "failed"
        except Exception:
            log.exception("ingest job %s failed", job.id)
            job.error = "internal error while ingesting; the server log has the details"
            job.state = "failed"
        else:
            if failures:
                self.store.save_failures(failures)
                result.failures[:0] = failures
            job.result = _summary(result)
            job.state = "done"
        job.finished = _now()
        job.ended.set()

    def _ingest(self, drafts: list[Draft], options: IngestOptions) -> AnalysisResult:
        if not drafts:
            return AnalysisResult()
        if self._pipeline is None:
            self._pipeline = Pipeline(batch_size=self.settings.batch_size)
        # the drafts go to the library as they are: nothing is written to a temporary file
        return ingest(
            drafts, store=self.store, settings=self.settings, options=options,
            pipeline=self._pipeline,
        )  # fmt: skip


def _summary(result: AnalysisResult) -> dict[str, Any]:
    return {
        "article_ids": list(result.article_ids),
        "story_ids": list(result.story_ids),
        "new": result.new,
        "existing": result.existing,
        "processed": result.processed,
        "duplicates": [
            {"article": d.article, "original": d.original, "kind": d.kind}
            for d in result.duplicates
        ],
        "failures": [
            {"ref": f.ref, "stage": f.stage, "code": f.code, "error": f.error}
            for f in result.failures
        ],
    }
