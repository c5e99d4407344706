"""Run the per-article stages on a Dask cluster.

``--dask local:N`` starts a local cluster of N single-threaded worker processes
on 127.0.0.1; ``--dask tcp://HOST:PORT`` joins a running scheduler. Each worker
builds the pipeline once (the spaCy model is loaded once per worker, not per
article) and runs whole batches. Results come back in input order, with the
spaCy docs packed in a ``DocBin``, so everything after the stages (entity
linking, stories, the report) runs exactly as in a single process.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .errors import ConfigError
from .model import AnnotatedArticle, Article
from .pipeline import DEFAULT_STAGES, Pipeline, PipelineResult, Stage

# Batches in flight per worker: enough to keep workers busy, few enough to bound memory.
_IN_FLIGHT_PER_WORKER = 2


@dataclass(frozen=True)
class _Packed:
    """A batch's result as it crosses the network: docs as DocBin bytes."""

    articles: list[AnnotatedArticle]
    failures: list[Any]
    docs: bytes
    with_doc: list[bool]


@functools.lru_cache(maxsize=4)
def _worker_pipeline(names: tuple[str, ...]) -> Pipeline:
    return Pipeline(names)


def run_packed(names: tuple[str, ...], articles: list[Article]) -> _Packed:
    """On a worker: run the stages over one batch and pack the result."""
    from spacy.tokens import DocBin

    result = _worker_pipeline(names).run_batch(articles)
    bin_ = DocBin(store_user_data=False)
    with_doc = []
    stripped = []
    for item in result.articles:
        with_doc.append(item.doc is not None)
        if item.doc is not None:
            bin_.add(item.doc)
        stripped.append(replace(item, doc=None, layers=set(item.layers)))
    return _Packed(stripped, result.failures, bin_.to_bytes(), with_doc)


def _unpack(packed: _Packed, vocab: Any) -> PipelineResult:
    from spacy.tokens import DocBin

    docs = iter(DocBin().from_bytes(packed.docs).get_docs(vocab))
    for item, has_doc in zip(packed.articles, packed.with_doc, strict=True):
        if has_doc:
            item.doc = next(docs)
    return PipelineResult(articles=packed.articles, failures=packed.failures)


def connect(spec: str) -> Any:
    """A Dask client for ``local:N`` or a scheduler address ``tcp://HOST:PORT``."""
    from dask.distributed import Client, LocalCluster

    if spec.startswith("local:"):
        try:
            workers = int(spec.split(":", 1)[1])
        except ValueError:
            workers = 0
        if workers < 1:
            raise ConfigError("E502", name="dask", expected="local:N with N >= 1", value=spec,
                              origin="--dask")  # fmt: skip
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
            dashboard_address=None,
        )  # fmt: skip
        return Client(cluster)  # type: ignore[no-untyped-call]
    if spec.startswith("tcp://"):
        return Client(spec)  # type: ignore[no-untyped-call]
    raise ConfigError("E502", name="dask", expected="local:N or tcp://HOST:PORT", value=spec,
                      origin="--dask")  # fmt: skip


class DaskPipeline:
    """The pipeline's interface (``stages``, ``versions``, ``stream``) run on a Dask cluster."""

    def __init__(
        self, client: Any, names: Sequence[str] = DEFAULT_STAGES, *, batch_size: int = 64
    ) -> None:
        self.local = Pipeline(names)  # checks the chain here, before anything is sent
        self.client = client
        self.names = tuple(names)
        self.batch_size = batch_size

    @property
    def stages(self) -> list[Stage]:
        return self.local.stages

    def versions(self) -> dict[str, str]:
        return self.local.versions()

    def stream(self, articles: Iterable[Article]) -> Iterator[PipelineResult]:
        """Submit batches to the cluster and yield their results in input order."""
        from .nlp.models import load_nlp

        vocab = load_nlp().vocab
        workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        window = workers * _IN_FLIGHT_PER_WORKER
        pending: list[Any] = []
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.batch_size:
                pending.append(self.client.submit(run_packed, self.names, batch, pure=False))
                batch = []
                if len(pending) >= window:
                    yield _unpack(pending.pop(0).result(), vocab)
        if batch:
            pending.append(self.client.submit(run_packed, self.names, batch, pure=False))
        for future in pending:
            yield _unpack(future.result(), vocab)
