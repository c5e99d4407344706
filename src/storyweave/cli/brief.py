"""``storyweave brief`` and ``storyweave timeline``: one story's brief or timeline, read from
its stored analysis (no model is loaded), as Markdown, HTML or JSON."""

from __future__ import annotations

import sys

import click

from .._types import JSON
from ..errors import StoryweaveError
from ..storage import SQLStore
from .common import with_store
from .output import Column, emit, rows_format


def _story(store: SQLStore, story_id: str) -> tuple[JSON, dict[str, str]]:
    from ..brief.wording import article_label
    from ..catalogue import Catalogue

    try:
        report = Catalogue(store).story(story_id)
    except StoryweaveError as e:
        raise click.ClickException(str(e)) from None
    labels = {a["id"]: article_label(a) for a in report["articles"]}
    return report["stories"][0], labels


BRIEF_COLUMNS = (
    Column("section", "section"),
    Column("sentence", "text"),
    Column("source", lambda b: b.get("label")),
    Column("evidence", lambda b: len(b.get("evidence") or ())),
)
TIMELINE_COLUMNS = (
    Column("date", "date"),
    Column("precision", "precision"),
    Column("dated by", "date_source"),
    Column("event", "text"),
    Column("status", "status"),
)


@click.command("brief")
@click.argument("story_id")
@rows_format(
    "Markdown, an HTML fragment, or the sentences as a table, JSON, JSON lines or CSV.",
    extra=("html",),
    default="md",
)
@with_store
def brief_cmd(store: SQLStore, story_id: str, fmt: str) -> None:
    """The story's brief: headline, what is established, disputed, changed, reported by one
    source, and who said what; every sentence cites its evidence."""
    story, _ = _story(store, story_id)
    brief = story["brief"]
    if fmt in {"json", "jsonl", "csv", "table"}:
        emit(brief["sentences"], BRIEF_COLUMNS, fmt, empty="No brief for this story.")
    elif fmt == "html":
        sys.stdout.write(str(brief.get("html") or "") + "\n")
    else:
        sys.stdout.write(str(brief.get("markdown") or "No brief for this story.\n"))


@click.command("timeline")
@click.argument("story_id")
@rows_format(
    "Markdown, an HTML fragment, or the entries as a table, JSON, JSON lines or CSV.",
    extra=("html",),
    default="md",
)
@with_store
def timeline_cmd(store: SQLStore, story_id: str, fmt: str) -> None:
    """The story's timeline: its dated events in event time, each with its sources."""
    from ..report.timeline_text import render_timeline_html, render_timeline_markdown

    story, labels = _story(store, story_id)
    entries = story["timeline"]
    if fmt in {"json", "jsonl", "csv", "table"}:
        emit(entries, TIMELINE_COLUMNS, fmt, empty="No dated events.")
    elif fmt == "html":
        sys.stdout.write(render_timeline_html(entries, labels))
    else:
        sys.stdout.write(render_timeline_markdown(entries, labels) or "No dated events.\n")
