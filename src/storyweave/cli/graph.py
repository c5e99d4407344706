"""``storyweave graph``: a story's entity graph as JSON or GraphML."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import StoryweaveError
from ..storage import SQLStore
from .common import err, format_option, with_store


@click.command("graph")
@click.argument("story_id")
@format_option(("json", "graphml"), help="Output format.")
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), default=None, help="Write to this file."
)
@with_store
def graph_cmd(store: SQLStore, story_id: str, fmt: str, output: Path | None) -> None:
    """The story's entity graph: who met whom, who said what about whom, who appears with whom."""
    from ..graph import export_graph
    from ..report import story_graph

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
