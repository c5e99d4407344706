"""The library's main job: ingest inputs, run the pipeline, link entities, form stories.

The CLI and the HTTP API call these functions and only format what they return.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ._types import ArticleId
from .config import Settings
from .entities import link_entities
from .errors import NotFound
from .faults import checkpoint
from .ingest import IngestOptions, read_inputs
from .ingest.draft import Draft
from .model import AnnotatedArticle, Article, Duplicate, Failure
from .pipeline import Pipeline, StageRunner
from .storage import SQLStore

log = logging.getLogger(__name__)


class Progress(Protocol):
    """What a run reports as it goes: the phase it is in ("reading", "annotating", "linking
    entities", "forming stories", "analysing stories"), how many items it just finished, and
    the phase's total when known (given once, with ``advance=0``, when the phase starts)."""

    def __call__(self, phase: str, advance: int = 0, total: int | None = None) -> None: ...


PHASES = ("reading", "annotating", "linking entities", "forming stories", "analysing stories")
STORY_METHOD = "minilm-entities-terms/1"


def _no_progress(phase: str, advance: int = 0, total: int | None = None) -> None:
    del phase, advance, total


@dataclass
class AnalysisResult:
    """What one run did: the articles of its input, what was new, what failed."""

    article_ids: list[ArticleId] = field(default_factory=list)
    new: int = 0
    existing: int = 0
    processed: int = 0
    duplicates: list[Duplicate] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    story_ids: list[str] = field(default_factory=list)


def ingest(
    inputs: Iterable[str | Path | Draft],
    *,
    store: SQLStore,
    settings: Settings | None = None,
    options: IngestOptions | None = None,
    pipeline: StageRunner | None = None,
    progress: Progress = _no_progress,
    on_failure: Callable[[Failure], None] | None = None,
) -> AnalysisResult:
    """Read ``inputs`` (paths, or :class:`~storyweave.ingest.draft.Draft` objects held in
    memory) into ``store``, annotate what is new or stale, and update the stories.
    ``on_failure`` hears of each input that cannot be read as soon as it is read (before any
    model loads); every failure is also in the result."""
    settings = settings or Settings()
    options = options or IngestOptions(
        max_file_bytes=settings.max_file_bytes, max_article_chars=settings.max_article_chars
    )
    pipeline = pipeline or Pipeline(batch_size=settings.batch_size)
    result = AnalysisResult()
    todo: list[Article] = []
    for item in read_inputs(inputs, options):
        if isinstance(item, Failure):
            result.failures.append(item)
            if on_failure is not None:
                on_failure(item)
            progress("reading", 1)
            continue
        added = store.add_article(item, near_threshold=settings.near_duplicate_threshold)
        if added.article_id not in result.article_ids:
            result.article_ids.append(added.article_id)
        result.new += added.new
        result.existing += not added.new
        if added.duplicate:
            result.duplicates.append(added.duplicate)
        if store.stages_done(item.id) != pipeline.versions():
            todo.append(item)
        progress("reading", 1)
    store.save_failures(result.failures)
    progress("annotating", 0, len(todo))
    annotated = _annotate(todo, store=store, pipeline=pipeline, result=result, progress=progress)
    checkpoint("annotated")
    to_link = _to_link(annotated, result.article_ids, store=store)
    progress("linking entities", 0, len(to_link))
    _link(to_link, store=store)
    progress("linking entities", len(to_link))
    checkpoint("linked")
    progress("forming stories", 0, len(result.article_ids))
    result.story_ids = _form_stories(result.article_ids, store=store)
    progress("forming stories", len(result.article_ids))
    progress("analysing stories", 0, len(result.story_ids))
    _analyse_stories(result.story_ids, store=store, progress=progress)
    return result


def _analyse_stories(
    story_ids: Sequence[str], *, store: SQLStore, progress: Progress = _no_progress
) -> None:
    """Compute and store the analysis (claims, timeline, graph edges, quotes, brief) of each
    of the input's stories that is missing or stale: reads never compute one. A run killed
    before this finishes leaves those stories stale, and the next run over the input (or the
    first read of the story) computes them."""
    from .report import refresh_analyses

    refresh_analyses(store, story_ids, done=lambda: progress("analysing stories", 1))


def _annotate(
    todo: Sequence[Article],
    *,
    store: SQLStore,
    pipeline: StageRunner,
    result: AnalysisResult,
    progress: Progress,
) -> list[AnnotatedArticle]:
    from .claims.stored import encode_units
    from .nlp.stored import stored_parse

    done: list[AnnotatedArticle] = []
    for part in pipeline.stream(todo):
        store.save_failures(part.failures)
        result.failures += part.failures
        for item in part.articles:
            # only stages whose layers are all there count as done; a failed one is retried next run
            stages = {s.name: s.version for s in pipeline.stages if s.produces <= item.layers}
            # the parse and the claim units are encoded here: the store only writes bytes
            parse, units = stored_parse(item.doc), encode_units(item.claim_units)
            store.save_annotations(item, stages, parse=parse, units=units)
            done.append(item)
        result.processed += len(part.articles)
        progress("annotating", len(part.articles))
    return done


def _to_link(
    annotated: Sequence[AnnotatedArticle], article_ids: Sequence[ArticleId], *, store: SQLStore
) -> list[AnnotatedArticle]:
    """The articles annotated now, and those of the input a killed run annotated but never
    linked (the store says which): linking is finished by the next run."""
    fresh = {item.article.id for item in annotated}
    pending = [aid for aid in store.unlinked(article_ids) if aid not in fresh]
    if not pending:
        return list(annotated)
    from .nlp.attach import attach_parses  # the stored parse gives the roles back

    again = attach_parses([store.annotated(aid) for aid in pending], store.parses(pending))
    return [*annotated, *again]


def _link(items: Sequence[AnnotatedArticle], *, store: SQLStore) -> None:
    if not items:
        return
    linking = link_entities(items)
    entities = [
        dataclasses.replace(
            e, roles=linking.roles.get(e.id, ()), news_source=e.id in linking.news_sources
        )
        for e in linking.entities
    ]
    store.save_entities(
        entities, linking.mention_entity, linked=[item.article.id for item in items]
    )


def _form_stories(article_ids: Sequence[ArticleId], *, store: SQLStore) -> list[str]:
    """Place every article of the input not yet in a story, as one batch (so the result does
    not depend on the input's order); return the input's stories.

    The clusterer's state is in the store's tables: the batch is clustered in one transaction
    that holds the store's story lock and writes the state's changed rows together with the
    stories that changed (:mod:`.storage.clusters`). The vector index is a cache in the
    store's folder, saved after the commit (:mod:`.stories.cache`).
    """
    from .storage.clusters import cluster_state, placed
    from .stories import cross_language, default_embedder, extract_features
    from .stories.cache import open_stored, save_index
    from .stories.features import lead_text

    wanted = list(dict.fromkeys(article_ids))
    done = placed(store, wanted)
    if len(done) == len(wanted):
        return sorted(set(done.values()))
    embedder = default_embedder()  # embedding needs no lock: it is done first
    todo = [store.annotated(aid) for aid in wanted if aid not in done]
    feats = extract_features(todo, embedder)
    folder = store.sidecar_dir("stories")
    with cluster_state(store) as state:
        clusterer = open_stored(state, folder, dim=embedder.dim, model_id=embedder.model_id)

        def lead_of(aid: ArticleId) -> tuple[str, str | None] | None:
            try:
                item = store.annotated(aid)
            except NotFound:
                return None
            return lead_text(item), item.article_language

        clusterer.cross = cross_language(todo, lead_of)
        changed = {a.story_id for a in clusterer.add(feats)}
        if state.imported:  # an earlier version's folder may hold stories the database lacks
            changed |= {sid for aid in wanted if (sid := state.story_of(aid))}
        for sid in sorted(changed):  # memberships are disjoint: the order is free
            if state.story(sid) is None:  # absorbed by a merge in this batch
                continue
            story = clusterer.story(sid)
            story = dataclasses.replace(story, title=headline(story.title))
            state.write_story(story, method=STORY_METHOD)
        checkpoint("stories-written")
        found = sorted({sid for aid in wanted if (sid := state.story_of(aid))})
    checkpoint("stories-committed")
    save_index(clusterer.index)
    return found


def headline(text: str, *, limit: int = 100) -> str:
    """``text`` cut at a word near ``limit`` characters, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
