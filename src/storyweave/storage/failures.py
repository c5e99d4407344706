"""The failures recorded by runs: a stage that failed on an article, an input skipped."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from ..model import Failure
from . import schema as t
from .base import StoreBase
from .rows import now


class FailureStore(StoreBase):
    """The failures, in the order they were recorded."""

    def save_failures(self, failures: Sequence[Failure]) -> None:
        if not failures:
            return
        with self._tx() as conn:
            conn.execute(
                sa.insert(t.failures),
                [
                    {
                        "article_id": f.article,
                        "ref": f.ref,
                        "stage": f.stage,
                        "code": f.code,
                        "error": f.error,
                        "at": now(),
                    }
                    for f in failures
                ],
            )

    def failures(self) -> list[Failure]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(t.failures).order_by(t.failures.c.id))
            return [
                Failure(stage=r.stage, error=r.error, article=r.article_id, ref=r.ref, code=r.code)
                for r in rows
            ]
