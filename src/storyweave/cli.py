"""The command line: every command parses its options, calls one library function, prints.

DOCS: docs/user-guide.md
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table

from .analysis import STORY_NOTE, AnalysisResult, ingest
from .config import Settings, default_db_path
from .errors import StoryweaveError
from .ingest import IngestOptions
from .report import build_report, render_html, validate_report
from .storage import SQLStore, open_store

F = TypeVar("F", bound=Callable[..., Any])
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


def db_option(fn: F) -> F:
    return click.option(
        "--db",
        "db",
        envvar="STORYWEAVE_DB",
        default=None,
        metavar="PATH",
        help="Store: a SQLite file (default: storyweave.db in the user data directory).",
    )(fn)


def input_options(fn: F) -> F:
    fn = click.option(
        "--published",
        metavar="YYYY-MM-DD",
        default=None,
        help="Publication date for articles that carry none.",
    )(fn)
    fn = click.option("--outlet", default=None, help="Outlet for articles that name none.")(fn)
    fn = click.option("--strict", is_flag=True, help="Stop at the first stage failure.")(fn)
    return click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))(fn)


def _store(db: str | None) -> SQLStore:
    try:
        return open_store(db or default_db_path())
    except StoryweaveError as e:
        raise click.ClickException(str(e)) from None


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


@click.group()
@click.version_option(package_name="storyweave")
@click.option("-v", "--verbose", is_flag=True, help="Log what each stage does.")
def main(verbose: bool) -> None:
    """storyweave: turn news articles into cited stories."""
    logging.basicConfig(level=logging.INFO if verbose else logging.ERROR, format="%(message)s")


def _run(
    inputs: tuple[Path, ...],
    db: str | None,
    published: str | None,
    outlet: str | None,
    strict: bool,
) -> tuple[SQLStore, AnalysisResult]:
    from .pipeline import Pipeline

    settings = Settings.load()
    store = _store(db)
    options = _options(published, outlet, settings)
    try:
        pipeline = Pipeline(strict=strict, batch_size=settings.batch_size)
    except StoryweaveError as e:
        raise click.ClickException(str(e)) from None
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("reading", total=None)

        def progress(advance: int, what: str) -> None:
            bar.update(task, advance=advance, description=what[:60])

        try:
            result = ingest(
                inputs,
                store=store,
                settings=settings,
                options=options,
                pipeline=pipeline,
                progress=progress,
            )
        except StoryweaveError as e:
            raise click.ClickException(str(e)) from None
    _summary(result)
    if not result.article_ids:
        raise click.ClickException("nothing could be analysed; see the failures above.")
    return store, result


def _summary(result: AnalysisResult) -> None:
    for f in result.failures:
        what = "skipped" if f.stage == "ingest" else f"stage {f.stage} failed on {f.ref}"
        err.print(f"{what}: {f.error}", markup=False, soft_wrap=True)
    for d in result.duplicates:
        err.print(f"duplicate: {d.article} repeats {d.original} ({d.kind}, {d.similarity:.2f})")
    total = (
        f"{len(result.article_ids)} articles ({result.new} new, {result.existing} already stored), "
        f"{result.processed} annotated, {len(result.duplicates)} duplicates, "
        f"{len(result.failures)} failures."
    )
    err.print(total, soft_wrap=True)


@main.command("ingest")
@input_options
@db_option
def ingest_cmd(
    inputs: tuple[Path, ...],
    db: str | None,
    published: str | None,
    outlet: str | None,
    strict: bool,
) -> None:
    """Read INPUTS (files, folders, JSONL, feeds) into the store and annotate them."""
    _run(inputs, db, published, outlet, strict)


@main.command()
@input_options
@db_option
@click.option(
    "--json",
    "json_out",
    type=click.Path(path_type=Path),
    required=True,
    help="Write the JSON report here.",
)
@click.option(
    "--html",
    "html_out",
    type=click.Path(path_type=Path),
    default=None,
    help="Also write a self-contained HTML report here.",
)
def analyze(
    inputs: tuple[Path, ...],
    db: str | None,
    published: str | None,
    outlet: str | None,
    strict: bool,
    json_out: Path,
    html_out: Path | None,
) -> None:
    """Ingest INPUTS, run the pipeline and write the report for them."""
    store, result = _run(inputs, db, published, outlet, strict)
    report = build_report(store, result.article_ids, notes=[STORY_NOTE])
    validate_report(report)
    json_out.parent.mkdir(parents=True, exist_ok=True)
    json_out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    err.print(f"JSON report: {json_out}")
    if html_out:
        html_out.parent.mkdir(parents=True, exist_ok=True)
        html_out.write_text(render_html(report), encoding="utf-8")
        err.print(f"HTML report: {html_out}")


@main.command()
@db_option
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines.")
def articles(db: str | None, limit: int, as_json: bool) -> None:
    """List the stored articles."""
    store = _store(db)
    rows = store.articles(limit=limit)
    if as_json:
        for a in rows:
            out.print_json(
                json.dumps(
                    {
                        "id": a.id,
                        "ref": a.ref,
                        "title": a.title,
                        "outlet": a.outlet,
                        "published": str(a.published or ""),
                    }
                )
            )
        return
    table = Table("id", "published", "outlet", "title / ref")
    for a in rows:
        table.add_row(a.id, str(a.published or ""), a.outlet or "", a.title or a.ref)
    out.print(table)
    out.print(f"{store.count_articles()} articles in {store.url}")


@main.command()
@db_option
@click.option("--entities", "with_entities", is_flag=True, help="Also list each story's entities.")
@click.option("--json", "as_json", is_flag=True, help="Print the stories as JSON.")
def stories(db: str | None, with_entities: bool, as_json: bool) -> None:
    """List the stories."""
    store = _store(db)
    found = store.stories()
    if as_json:
        out.print_json(
            json.dumps(
                [{"id": s.id, "title": s.title, "articles": list(s.article_ids)} for s in found]
            )
        )
        return
    for s in found:
        out.print(
            f"[bold]{s.id}[/bold]  {escape(s.title)}  ({len(s.article_ids)} article(s))",
            soft_wrap=True,
        )
        if with_entities:
            _print_entities(store, s.article_ids)
    if not found:
        out.print("No stories yet: run `storyweave ingest PATH` first.")


def _print_entities(store: SQLStore, article_ids: tuple[str, ...], indent: str = "    ") -> None:
    report = build_report(store, article_ids)
    by_type: dict[str, list[str]] = {}
    for e in report["entities"]:
        by_type.setdefault(e["type"], []).append(f"{e['name']} ×{len(e['mentions'])}")
    for etype in ("PERSON", "ORG", "LOC", "OTHER"):
        if etype in by_type:
            out.print(
                f"{indent}{etype:<7} " + ", ".join(by_type[etype]), markup=False, soft_wrap=True
            )


@main.command()
@db_option
@click.argument("story_id")
@click.option("--json", "as_json", is_flag=True, help="Print the story's report as JSON.")
def show(db: str | None, story_id: str, as_json: bool) -> None:
    """Show one story: its articles and entities."""
    store = _store(db)
    try:
        story = store.story(story_id)
    except StoryweaveError as e:
        raise click.ClickException(str(e)) from None
    if as_json:
        out.print_json(json.dumps(build_report(store, story.article_ids, notes=[STORY_NOTE])))
        return
    out.print(f"[bold]{escape(story.title)}[/bold]  ({story.id})", soft_wrap=True)
    for a in store.articles(story.article_ids):
        out.print(
            f"  {a.id}  {a.published or 'no date'}  {a.outlet or 'unknown outlet'}  {a.ref}",
            markup=False,
        )
    _print_entities(store, story.article_ids, indent="  ")


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--token",
    envvar="STORYWEAVE_TOKEN",
    default=None,
    help="Writes need 'Authorization: Bearer TOKEN'; required beyond 127.0.0.1.",
)
def serve(db: str | None, host: str, port: int, token: str | None) -> None:
    """Serve the web UI and HTTP API on the store."""
    from .http import serve as serve_http

    try:
        serve_http(db or default_db_path(), host=host, port=port, token=token)
    except StoryweaveError as e:
        raise click.ClickException(str(e)) from None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
