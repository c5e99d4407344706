"""``storyweave brief`` and ``storyweave timeline``: one story's brief or timeline, read from
its stored analysis (no model is loaded), as Markdown, HTML or JSON."""

from __future__ import annotations

import json
import sys

import click

from .._types import JSON
from ..errors import StoryweaveError
from ..storage import SQLStore
from .common import format_option, with_store


def _story(store: SQLStore, story_id: str) -> tuple[JSON, dict[str, str]]:
    from ..brief.wording import article_label
    from ..catalogue import Catalogue

    try:
        report = Catalogue(store).story(story_id)
    except StoryweaveError as e:
        raise click.ClickException(str(e)) from None
    labels = {a["id"]: article_label(a) for a in report["articles"]}
    return report["stories"][0], labels


@click.command("brief")
@click.argument("story_id")
@format_option(("md", "html", "json"), help="Markdown, an HTML fragment, or the sentences.")
@with_store
def brief_cmd(store: SQLStore, story_id: str, fmt: str) -> None:
    """The story's brief: headline, what is established, disputed, changed, reported by one
    source, and who said what; every sentence cites its evidence."""
    story, _ = _story(store, story_id)
    brief = story["brief"]
    if fmt == "json":
        sys.stdout.write(json.dumps(brief["sentences"], ensure_ascii=False, indent=1) + "\n")
    elif fmt == "html":
        sys.stdout.write(str(brief.get("html") or "") + "\n")
    else:
        sys.stdout.write(str(brief.get("markdown") or "No brief for this story.\n"))


@click.command("timeline")
@click.argument("story_id")
@format_option(("md", "html", "json"), help="Markdown, an HTML fragment, or the entries.")
@with_store
def timeline_cmd(store: SQLStore, story_id: str, fmt: str) -> None:
    """The story's timeline: its dated events in event time, each with its sources."""
    from ..report.timeline_text import render_timeline_html, render_timeline_markdown

    story, labels = _story(store, story_id)
    entries = story["timeline"]
    if fmt == "json":
        sys.stdout.write(json.dumps(entries, ensure_ascii=False, indent=1) + "\n")
    elif fmt == "html":
        sys.stdout.write(render_timeline_html(entries, labels))
    else:
        sys.stdout.write(render_timeline_markdown(entries, labels) or "No dated events.\n")
