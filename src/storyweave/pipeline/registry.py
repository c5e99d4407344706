"""The stage registry: ``@stage(name, requires=..., produces=...)`` and chain checks.

A stage is a function over a batch of :class:`~storyweave.model.AnnotatedArticle`
that returns, for each article, either a mapping of layer name to value or the
exception it raised on that article. Simple per-article stages are written as a
function of one article returning one mapping; :func:`stage` wraps them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import PipelineError, StageContractError
from ..model import LAYERS, AnnotatedArticle

Layers = Mapping[str, Any]
BatchResult = Layers | BaseException
BatchFn = Callable[[Sequence[AnnotatedArticle]], list[BatchResult]]
ArticleFn = Callable[[AnnotatedArticle], Layers]


@dataclass(frozen=True, slots=True)
class Stage:
    """A named stage with its contract. ``version`` is recorded with every result."""

    name: str
    requires: frozenset[str]
    produces: frozenset[str]
    version: str
    run: BatchFn
    doc: str = ""


_REGISTRY: dict[str, Stage] = {}


def _per_article(fn: ArticleFn) -> BatchFn:
    def run(batch: Sequence[AnnotatedArticle]) -> list[BatchResult]:
        out: list[BatchResult] = []
        for item in batch:
            try:
                out.append(fn(item))
            except Exception as e:  # one article's failure must not stop the batch
                out.append(e)
        return out

    return run


def stage(
    name: str,
    *,
    requires: Iterable[str],
    produces: Iterable[str],
    version: str = "1",
    batch: bool = False,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a stage. With ``batch=True`` the function takes the whole batch."""

    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        if name in _REGISTRY:
            raise PipelineError("E205", stage=name)
        unknown = (set(requires) | set(produces)) - LAYERS
        if unknown:
            raise PipelineError(
                "E402", field=f"layers of stage {name!r}", detail=f"unknown {sorted(unknown)}"
            )
        _REGISTRY[name] = Stage(
            name=name,
            requires=frozenset(requires),
            produces=frozenset(produces),
            version=version,
            run=fn if batch else _per_article(fn),
            doc=(fn.__doc__ or "").strip().splitlines()[0] if fn.__doc__ else "",
        )
        return fn

    return register


def get_stage(name: str) -> Stage:
    try:
        return _REGISTRY[name]
    except KeyError:
        raise PipelineError("E202", stage=name, known=", ".join(sorted(_REGISTRY))) from None


def registered() -> dict[str, Stage]:
    """All registered stages, by name."""
    return dict(_REGISTRY)


def check_chain(stages: Sequence[Stage], *, given: Iterable[str] = ("text",)) -> None:
    """Fail before any article runs if a requirement has no earlier producer."""
    have = set(given)
    for st in stages:
        missing = st.requires - have
        if missing:
            producers = sorted(s.name for s in _REGISTRY.values() if s.produces & missing) or [
                "none registered"
            ]
            raise StageContractError(
                "E201",
                stage=st.name,
                missing=", ".join(sorted(missing)),
                producers=", ".join(producers),
            )
        have |= st.produces
