"""The pipeline: ordered named stages run over batches of articles.

A stage that raises on one article records a :class:`~storyweave.model.Failure`
for (article, stage, error) and that article skips the stages that need the
missing layers; the rest of the batch goes on. ``strict=True`` raises instead.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ..errors import PipelineError, StageFailure, StoryweaveError
from ..model import AnnotatedArticle, Article, Failure
from .registry import Stage, check_chain, get_stage, registered, stage

__all__ = [
    "DEFAULT_STAGES",
    "Pipeline",
    "PipelineResult",
    "Stage",
    "StageRunner",
    "check_chain",
    "get_stage",
    "registered",
    "stage",
]

log = logging.getLogger(__name__)

DEFAULT_STAGES: tuple[str, ...] = (
    "language",
    "sentences",
    "ner",
    "mention_repair",
    "timexes",
    "attributions",
    "claim_units",
)


def load_builtin_stages() -> None:
    """Import the modules whose ``@stage`` decorators register the built-in stages."""
    from . import claims, entities, language, ner, quotes, temporal  # noqa: F401


@dataclass
class PipelineResult:
    articles: list[AnnotatedArticle] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


class StageRunner(Protocol):
    """What runs the stages: a :class:`Pipeline` here, or a Dask-backed one
    (:class:`storyweave.distributed.DaskPipeline`)."""

    @property
    def stages(self) -> list[Stage]: ...

    def versions(self) -> dict[str, str]: ...

    def stream(self, articles: Iterable[Article]) -> Iterator[PipelineResult]: ...


class Pipeline:
    """Ordered stages, checked for their contracts when built."""

    def __init__(
        self, names: Sequence[str] = DEFAULT_STAGES, *, strict: bool = False, batch_size: int = 64
    ) -> None:
        load_builtin_stages()
        self.stages: list[Stage] = [get_stage(n) for n in names]
        check_chain(self.stages)
        self.strict = strict
        self.batch_size = batch_size

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def versions(self) -> dict[str, str]:
        return {s.name: s.version for s in self.stages}

    def stream(self, articles: Iterable[Article]) -> Iterator[PipelineResult]:
        """Run the stages over ``articles`` in batches, yielding each batch's result."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.batch_size:
                yield self.run_batch(batch)
                batch = []
        if batch:
            yield self.run_batch(batch)

    def run(self, articles: Iterable[Article]) -> PipelineResult:
        total = PipelineResult()
        for part in self.stream(articles):
            total.articles += part.articles
            total.failures += part.failures
        return total

    def run_batch(self, articles: Sequence[Article]) -> PipelineResult:
        result = PipelineResult(articles=[AnnotatedArticle(article=a) for a in articles])
        for st in self.stages:
            ready = [a for a in result.articles if st.requires <= a.layers]
            if not ready:
                continue
            outputs = self._call(st, ready)
            for item, out in zip(ready, outputs, strict=True):
                if isinstance(out, BaseException):
                    result.failures.append(self._failure(st, item, out))
                    continue
                self._attach(st, item, out)
        return result

    def _call(self, st: Stage, ready: list[AnnotatedArticle]) -> list[object]:
        try:
            outputs: list[object] = list(st.run(ready))
        except Exception as e:
            if len(ready) == 1:
                return [e]
            # the batch call failed as a whole: find the article(s) at fault one by one
            return [self._call(st, [item])[0] for item in ready]
        if len(outputs) != len(ready):
            raise PipelineError(
                "E204", stage=st.name, got=f"{len(outputs)} results", declared=f"{len(ready)}"
            )
        return outputs

    def _attach(self, st: Stage, item: AnnotatedArticle, out: object) -> None:
        if not isinstance(out, dict) or not set(out) <= st.produces:
            got = sorted(out) if isinstance(out, dict) else type(out).__name__
            raise PipelineError("E204", stage=st.name, got=got, declared=sorted(st.produces))
        for layer, value in out.items():
            setattr(item, layer, value)
        item.layers |= st.produces

    def _failure(self, st: Stage, item: AnnotatedArticle, err: BaseException) -> Failure:
        if self.strict:
            raise StageFailure(
                "E203", stage=st.name, article=item.article.id, detail=repr(err)
            ) from err
        log.warning("stage %s failed on %s: %r", st.name, item.article.id, err)
        code = err.code if isinstance(err, StoryweaveError) else None
        return Failure(
            stage=st.name,
            error=f"{type(err).__name__}: {err}",
            article=item.article.id,
            ref=item.article.ref,
            code=code,
        )
