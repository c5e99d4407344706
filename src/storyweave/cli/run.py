"""The commands that run the pipeline: ``ingest`` and ``analyze``, with their progress bar and
the run's summary."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import click
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from ..analysis import AnalysisResult, ingest
from ..config import Settings
from ..errors import StoryweaveError
from ..ingest import IngestOptions
from ..model import Failure
from ..nlp.languages import unanalysed_note
from ..pipeline import StageRunner
from ..report import build_report, render_html, validate_report
from ..storage import SQLStore
from .common import db_option, err, open_db

_PATH = click.Path(path_type=Path)


def with_run(fn: Callable[..., None]) -> Callable[..., None]:
    """Add INPUTS, the run's options and ``--db`` to a command; run the pipeline on the inputs
    and pass the command the store (still open) and the run's result."""

    @click.argument("inputs", nargs=-1, required=True)
    @click.option(
        "--dask", "dask_spec", default=None, metavar="local:N|tcp://HOST:PORT",
        help="Run the per-article stages on a Dask cluster (needs storyweave[distributed]).",
    )  # fmt: skip
    @click.option("--strict", is_flag=True, help="Stop at the first stage failure.")
    @click.option("--outlet", default=None, help="Outlet for articles that name none.")
    @click.option(
        "--published",
        metavar="YYYY-MM-DD",
        default=None,
        help="Publication date for articles that carry none.",
    )
    @db_option
    @functools.wraps(fn)
    def command(
        inputs: tuple[str, ...],
        db: str | None,
        published: str | None,
        outlet: str | None,
        strict: bool,
        dask_spec: str | None,
        **kwargs: Any,
    ) -> None:
        paths = _paths(inputs)
        with open_db(db) as store:
            result = _run(store, paths, published, outlet, strict, dask_spec)
            if not published:
                _warn_undated(store, result)
            _note_unanalysed(store, result)
            fn(store, result, **kwargs)

    return command


_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def _paths(inputs: tuple[str, ...]) -> tuple[Path, ...]:
    """The inputs as paths; a URL is refused with a hint (storyweave reads files and folders,
    it fetches nothing), and the other inputs go on."""
    urls = [i for i in inputs if _URL.match(i)]
    for url in urls:
        err.print(
            f"skipped: {url}: a URL, not a file. storyweave fetches nothing: save the page or "
            "its feed (or a JSONL line with the text) and give that file.",
            markup=False,
            soft_wrap=True,
        )
    paths = tuple(Path(i) for i in inputs if not _URL.match(i))
    if not paths:
        raise click.ClickException("nothing to read: every input was a URL.")
    return paths


def _options(published: str | None, outlet: str | None, settings: Settings) -> IngestOptions:
    date = None
    if published:
        try:
            date = dt.date.fromisoformat(published)
        except ValueError:
            raise click.BadParameter("expected YYYY-MM-DD", param_hint="--published") from None
    return IngestOptions(
        published=date,
        outlet=outlet,
        max_file_bytes=settings.max_file_bytes,
        max_article_chars=settings.max_article_chars,
    )


def _run(
    store: SQLStore,
    inputs: tuple[Path, ...],
    published: str | None,
    outlet: str | None,
    strict: bool,
    dask_spec: str | None,
) -> AnalysisResult:
    settings = Settings.load()
    options = _options(published, outlet, settings)
    with ExitStack() as stack:
        try:
            pipeline = _stage_runner(stack, strict=strict, dask_spec=dask_spec, settings=settings)
        except StoryweaveError as e:
            raise click.ClickException(str(e)) from None
        return _run_with(store, inputs, options, settings, pipeline)


def _stage_runner(
    stack: ExitStack, *, strict: bool, dask_spec: str | None, settings: Settings
) -> StageRunner:
    from ..pipeline import Pipeline

    if not dask_spec:
        return Pipeline(strict=strict, batch_size=settings.batch_size)
    if strict:
        raise click.UsageError("--strict runs in one process; drop --dask or --strict.")
    try:
        from ..distributed import DaskPipeline, connect
    except ImportError:
        raise click.ClickException(
            "--dask needs Dask: pip install 'storyweave[distributed]'."
        ) from None
    client = stack.enter_context(connect(dask_spec))
    if dask_spec.startswith("local:"):
        stack.callback(client.cluster.close)
    return DaskPipeline(client, batch_size=settings.batch_size)


def _run_with(
    store: SQLStore,
    inputs: tuple[Path, ...],
    options: IngestOptions,
    settings: Settings,
    pipeline: StageRunner,
) -> AnalysisResult:
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description:<17}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        tasks: dict[str, TaskID] = {}

        def progress(phase: str, advance: int = 0, total: int | None = None) -> None:
            if phase not in tasks:
                for earlier in tasks.values():  # a phase ends when the next one starts
                    bar.update(earlier, completed=bar.tasks[earlier].total or 0)
                tasks[phase] = bar.add_task(phase, total=total)
            elif total is not None:
                bar.update(tasks[phase], total=total)
            bar.update(tasks[phase], advance=advance)

        try:
            result = ingest(
                inputs,
                store=store,
                settings=settings,
                options=options,
                pipeline=pipeline,
                progress=progress,
                on_failure=lambda f: bar.console.print(
                    _failure_line(f), markup=False, soft_wrap=True
                ),
            )
        except StoryweaveError as e:
            raise click.ClickException(str(e)) from None
    _summary(result)
    if not result.article_ids:
        raise click.ClickException("nothing could be analysed; see the failures above.")
    return result


UNDATED_SHOWN = 5


def _note_unanalysed(store: SQLStore, result: AnalysisResult) -> None:
    """Say which articles got no analysis for their language (and so no entities, quotes,
    claims or dates), so a user never reads their silence as "nothing found"."""
    note = unanalysed_note(a.language for a in store.articles(result.article_ids))
    if note:
        err.print(f"note: {note}", markup=False, soft_wrap=True)


def _warn_undated(store: SQLStore, result: AnalysisResult) -> None:
    """Name the articles that carry no publication date: their relative dates ("on Monday",
    "last month") stay unresolved, and the timeline and the date checks lose them."""
    undated = [a for a in store.articles(result.article_ids) if a.published is None]
    if not undated:
        return
    names = ", ".join(a.ref for a in undated[:UNDATED_SHOWN])
    more = f" and {len(undated) - UNDATED_SHOWN} more" if len(undated) > UNDATED_SHOWN else ""
    err.print(
        f"warning: {len(undated)} article(s) have no publication date ({names}{more}): "
        'relative dates in them ("on Monday", "last month") stay unresolved. Pass '
        '--published YYYY-MM-DD, or give the date in the input (a JSONL "published" field, '
        "the page's metadata).",
        markup=False,
        soft_wrap=True,
    )


def _failure_line(f: Failure) -> str:
    what = "skipped" if f.stage == "ingest" else f"stage {f.stage} failed on {f.ref}"
    return f"{what}: {f.error}"


def _summary(result: AnalysisResult) -> None:
    for f in result.failures:  # inputs that could not be read were printed as they were read
        if f.stage != "ingest":
            err.print(_failure_line(f), markup=False, soft_wrap=True)
    for d in result.duplicates:
        err.print(f"duplicate: {d.article} repeats {d.original} ({d.kind}, {d.similarity:.2f})")
    total = (
        f"{len(result.article_ids)} articles ({result.new} new, {result.existing} already stored), "
        f"{result.processed} annotated, {len(result.duplicates)} duplicates, "
        f"{len(result.failures)} failures."
    )
    err.print(total, soft_wrap=True)


@click.command("ingest")
@with_run
def ingest_cmd(store: SQLStore, result: AnalysisResult) -> None:
    """Read INPUTS (files, folders, JSONL, feeds) into the store and annotate them."""


def _report_wanted(fn: Callable[..., None]) -> Callable[..., None]:
    """Refuse ``analyze`` without --json or --html before anything is read or loaded."""

    @functools.wraps(fn)
    def command(**kwargs: Any) -> None:
        if not kwargs.get("json_out") and not kwargs.get("html_out"):
            raise click.UsageError("give --json PATH, --html PATH or both.")
        fn(**kwargs)

    return command


@click.command()
@_report_wanted
@with_run
@click.option("--json", "json_out", type=_PATH, help="Write the JSON report here.")
@click.option("--html", "html_out", type=_PATH, help="Write a self-contained HTML report here.")
def analyze(
    store: SQLStore, result: AnalysisResult, json_out: Path | None, html_out: Path | None
) -> None:
    """Ingest INPUTS, run the pipeline and write the report for them (--json, --html or both)."""
    report = build_report(store, result.article_ids)
    validate_report(report)
    if json_out:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
        err.print(f"JSON report: {json_out}")
    if html_out:
        html_out.parent.mkdir(parents=True, exist_ok=True)
        html_out.write_text(render_html(report), encoding="utf-8")
        err.print(f"HTML report: {html_out}")
