"""The command line: every command parses its options, calls one library function, prints.

DOCS: docs/user-guide.md
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import sys
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table

from .analysis import AnalysisResult, ingest
from .config import Settings, default_db_path
from .errors import StoryweaveError
from .ingest import IngestOptions
from .model import AttributionKind
from .pipeline import StageRunner
from .queries import (
    EntityView,
    entity_views,
    explain_story,
    find_entities,
    quotes,
    story_claims_view,
)
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
    fn = click.option(
        "--dask", "dask_spec", default=None, metavar="local:N|tcp://HOST:PORT",
        help="Run the per-article stages on a Dask cluster (needs storyweave[distributed]).",
    )(fn)  # fmt: skip
    return click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))(fn)


def _store(db: str | None) -> SQLStore:
    try:
        return open_store(db or default_db_path())
    except StoryweaveError as e:
        raise click.ClickException(str(e)) from None


def with_store(fn: Callable[..., None]) -> Callable[..., None]:
    """Add ``--db`` to a command and pass it the opened store (closed when the command ends)."""

    @db_option
    @functools.wraps(fn)
    def command(db: str | None, **kwargs: Any) -> None:
        with _store(db) as store:
            fn(store, **kwargs)

    return command


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
    from .pipeline import Pipeline

    if not dask_spec:
        return Pipeline(strict=strict, batch_size=settings.batch_size)
    if strict:
        raise click.UsageError("--strict runs in one process; drop --dask or --strict.")
    try:
        from .distributed import DaskPipeline, connect
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
    return result


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
    dask_spec: str | None,
) -> None:
    """Read INPUTS (files, folders, JSONL, feeds) into the store and annotate them."""
    with _store(db) as store:
        _run(store, inputs, published, outlet, strict, dask_spec)


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
    dask_spec: str | None,
    json_out: Path,
    html_out: Path | None,
) -> None:
    """Ingest INPUTS, run the pipeline and write the report for them."""
    with _store(db) as store:
        result = _run(store, inputs, published, outlet, strict, dask_spec)
        report = build_report(store, result.article_ids)
    validate_report(report)
    json_out.parent.mkdir(parents=True, exist_ok=True)
    json_out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    err.print(f"JSON report: {json_out}")
    if html_out:
        html_out.parent.mkdir(parents=True, exist_ok=True)
        html_out.write_text(render_html(report), encoding="utf-8")
        err.print(f"HTML report: {html_out}")


@main.command()
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines.")
@with_store
def articles(store: SQLStore, limit: int, as_json: bool) -> None:
    """List the stored articles."""
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
@click.option("--entities", "with_entities", is_flag=True, help="Also list each story's entities.")
@click.option("--json", "as_json", is_flag=True, help="Print the stories as JSON.")
@with_store
def stories(store: SQLStore, with_entities: bool, as_json: bool) -> None:
    """List the stories."""
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
            _print_entities(store, s.id)
    if not found:
        out.print("No stories yet: run `storyweave ingest PATH` first.")


def _print_entities(store: SQLStore, story_id: str, indent: str = "    ") -> None:
    """The story's entities by type, most mentioned first (no report: nothing else is needed)."""
    by_type: dict[str, list[str]] = {}
    for v in entity_views(store, story=story_id):
        by_type.setdefault(v.entity.type, []).append(f"{v.entity.name} ×{len(v.mentions)}")
    for etype in ("PERSON", "ORG", "LOC", "PRODUCT", "OTHER"):
        if etype in by_type:
            out.print(
                f"{indent}{etype:<7} " + ", ".join(by_type[etype]), markup=False, soft_wrap=True
            )


@main.command()
@click.argument("story_id")
@click.option("--json", "as_json", is_flag=True, help="Print the story's report as JSON.")
@click.option("--why", is_flag=True, help="Explain each article's place in the story.")
@with_store
def show(store: SQLStore, story_id: str, as_json: bool, why: bool) -> None:
    """Show one story: its articles and entities (and with --why, why they belong together)."""
    try:
        story = store.story(story_id)
    except StoryweaveError as e:
        raise click.ClickException(str(e)) from None
    if why:
        _print_why(store, story_id)
        return
    if as_json:
        out.print_json(json.dumps(build_report(store, story.article_ids)))
        return
    out.print(f"[bold]{escape(story.title)}[/bold]  ({story.id})", soft_wrap=True)
    for a in store.articles(story.article_ids):
        out.print(
            f"  {a.id}  {a.published or 'no date'}  {a.outlet or 'unknown outlet'}  {a.ref}",
            markup=False,
        )
    _print_entities(store, story.id, indent="  ")


def _print_why(store: SQLStore, story_id: str) -> None:
    found = explain_story(store, story_id)
    for a in found.assignments:
        if len(found.assignments) > 1:
            head = f"average-link score {a.score:.3f} (bar {a.threshold:.3f})"
        else:
            head = f"alone: bar {a.threshold:.3f} for its length"
        out.print(f"[bold]{a.article_id}[/bold] {head}", soft_wrap=True)
        if a.shared_entities:
            out.print("  shared: " + ", ".join(a.shared_entities), markup=False, soft_wrap=True)
        near = ", ".join(f"{aid} ({score:.2f})" for aid, score in a.nearest_articles)
        if near:
            out.print(f"  nearest: {near}", markup=False, soft_wrap=True)
        if a.nearest_other is not None:
            out.print("  " + _why_not(a.nearest_other), markup=False, soft_wrap=True)
    for m in found.merges:
        bridge = ", ".join(m.bridge)
        out.print(f"merged story {m.absorbed} (score {m.score:.3f}) when {bridge} arrived",
                  markup=False, soft_wrap=True)  # fmt: skip


def _why_not(c: Any) -> str:
    """One line on the best story an article is not in (a storyweave.stories.Candidate)."""
    p = c.parts
    parts = (
        f"embedding {p.embedding:.3f} + terms {p.terms:.3f} + entities {p.entities:.3f}"
        f" - time {p.time:.3f}"
    )
    verdict = "below" if c.score < c.threshold else "at or above"
    line = f"best other story {c.story_id}: score {c.score:.3f} {verdict} its bar"
    line += f" {c.threshold:.3f} ({parts})"
    if c.shared_entities:
        line += "; shared: " + ", ".join(c.shared_entities)
    if c.missing:
        line += "; missing: " + ", ".join(c.missing)
    return line


@main.command()
@click.argument("story_id")
@click.option("--status",
              type=click.Choice(["corroborated", "single_source", "conflicting", "updated"]),
              default=None, help="Only claims with this status.")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@with_store
def claims(store: SQLStore, story_id: str, status: str | None, as_json: bool) -> None:
    """The story's claims: corroborated, single-source or conflicting, and why."""
    try:
        rows = story_claims_view(store, story_id, status=status)
    except StoryweaveError as err:
        raise click.ClickException(str(err)) from None
    if as_json:
        out.print_json(json.dumps(rows))
        return
    colour = {
        "corroborated": "green",
        "single_source": "yellow",
        "conflicting": "red",
        "updated": "cyan",
    }
    for c in rows:
        label = f"[{colour[c['status']]}]{c['status']}[/]"
        out.print(f"{label} ({c['independent_sources']} source(s))  {escape(c['text'])}",
                  soft_wrap=True)  # fmt: skip
        out.print(f"  why: {c['why']}", markup=False, soft_wrap=True)
    if not rows:
        out.print("No claims" + (f" with status {status}." if status else "."))


@main.command()
@click.option("--story", default=None, help="Only the entities of this story.")
@click.option("--type", "etype", default=None,
              type=click.Choice(["PERSON", "ORG", "LOC", "PRODUCT", "OTHER"]))  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@with_store
def entities(store: SQLStore, story: str | None, etype: str | None, as_json: bool) -> None:
    """List entities with their mention counts, roles and aliases."""
    try:
        views = entity_views(store, story=story)
    except StoryweaveError as err:
        raise click.ClickException(str(err)) from None
    views = [v for v in views if etype is None or v.entity.type == etype]
    if as_json:
        out.print_json(json.dumps([_entity_json(v) for v in views]))
        return
    table = Table("entity", "type", "mentions", "articles", "roles", "aliases")
    for v in views:
        e = v.entity
        name = e.name + (" (news source)" if e.news_source else "")
        table.add_row(escape(name), e.type, str(len(v.mentions)), str(len(v.articles)),
                      escape(", ".join(e.roles[:3])), escape(", ".join(e.aliases)))  # fmt: skip
    out.print(table)


@main.command()
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@with_store
def entity(store: SQLStore, name: str, as_json: bool) -> None:
    """Show the entities called NAME: their mentions, roles and stories."""
    views = find_entities(store, name)
    if as_json:
        out.print_json(json.dumps([_entity_json(v, mentions=True) for v in views]))
        return
    if not views:
        raise click.ClickException(f"No entity named {name!r}. Try `storyweave entities`.")
    for v in views:
        e = v.entity
        out.print(f"[bold]{escape(e.name)}[/bold]  {e.type}  ({e.id})", soft_wrap=True)
        if e.news_source:
            out.print("  a news source")
        if e.aliases:
            out.print("  also: " + ", ".join(e.aliases), markup=False, soft_wrap=True)
        if e.roles:
            out.print("  roles: " + ", ".join(e.roles), markup=False, soft_wrap=True)
        for st in v.stories:
            out.print(f"  story {st.id}: {st.title}", markup=False, soft_wrap=True)
        for m in v.mentions:
            out.print(f"  - {m.text!r} in {m.article}: {m.sentence}", markup=False, soft_wrap=True)


@main.command("quotes")
@click.option("--story", default=None, help="Only the quotes of this story.")
@click.option("--speaker", default=None, help="Only quotes by (or relayed through) this name.")
@click.option(
    "--statements",
    is_flag=True,
    help='Only what someone stated: leave out acts and stances ("welcomed Kim").',
)
@click.option(
    "--kind",
    type=click.Choice(["direct", "indirect", "according_to"]),
    default=None,
    help='Only direct quotes, reported speech, or "according to" attributions.',
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@with_store
def quotes_cmd(
    store: SQLStore,
    story: str | None,
    speaker: str | None,
    statements: bool,
    kind: AttributionKind | None,
    as_json: bool,
) -> None:
    """Who said what, and through whom: quotes and attributions."""
    try:
        rows = quotes(store, story=story, speaker=speaker, statements=statements, kind=kind)
    except StoryweaveError as err:
        raise click.ClickException(str(err)) from None
    if as_json:
        out.print_json(json.dumps(rows))
        return
    for q in rows:
        who = q["speaker_entity"] or q["speaker_name"] or (q["source"] or {}).get("text") or "?"
        via = " → ".join(q["chain"])
        out.print(f"[bold]{escape(who)}[/bold] ({q['kind']}; {escape(via)})", soft_wrap=True)
        out.print(f"  {q['content']['text']}", markup=False, soft_wrap=True)
    if not rows:
        out.print("No quotes found.")


@main.command("graph")
@click.argument("story_id")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "graphml"]),
    default="json",
    show_default=True,
    help="Output format.",
)
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), default=None, help="Write to this file."
)
@with_store
def graph_cmd(store: SQLStore, story_id: str, fmt: str, output: Path | None) -> None:
    """The story's entity graph: who met whom, who said what about whom, who appears with whom."""
    from .graph import export_graph
    from .report import story_graph

    try:
        graph = story_graph(store, story_id)
    except StoryweaveError as e:
        raise click.ClickException(str(e)) from None
    text = export_graph(graph, "graphml" if fmt == "graphml" else "json")
    if output is None:
        sys.stdout.write(text)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    err.print(f"{len(graph.nodes)} entities, {len(graph.edges)} edges: {output}")


def _entity_json(view: EntityView, *, mentions: bool = False) -> dict[str, Any]:
    e = view.entity
    data: dict[str, Any] = {
        "id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases),
        "roles": list(e.roles), "news_source": e.news_source, "mention_count": len(view.mentions),
        "stories": [s.id for s in view.stories],
    }  # fmt: skip
    if mentions:
        data["mentions"] = [
            {"article": m.article, "start": m.span.start, "end": m.span.end, "text": m.text}
            for m in view.mentions
        ]
    return data


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
    from .server import serve as serve_http

    try:
        serve_http(db or default_db_path(), host=host, port=port, token=token)
    except StoryweaveError as e:
        raise click.ClickException(str(e)) from None


@main.command("export")
@click.argument("folder", metavar="DIR", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl"]),
    default="csv",
    show_default=True,
    help="CSV (a header row; lists as JSON strings) or JSON Lines.",
)
@click.option(
    "--excel-safe",
    is_flag=True,
    help="Prefix ' to CSV text cells a spreadsheet would run as a formula (=, +, -, @).",
)
@with_store
def export_cmd(store: SQLStore, folder: Path, fmt: str, excel_safe: bool) -> None:
    """Write the store's tables (articles, entities, mentions, stories, claims, ...) to DIR,
    one file per table."""
    from .exports import export_tables

    try:
        done = export_tables(store, folder, fmt, excel_safe=excel_safe)
    except StoryweaveError as e:
        raise click.ClickException(str(e)) from None
    for table in done:
        out.print(f"{table.path}: {table.rows} rows", markup=False, soft_wrap=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
