"""The command line: every command parses its options, calls one library function, prints.

The group is here; the commands are in :mod:`.run` (ingest, analyze), :mod:`.read` (the
store's articles, stories, claims, entities and quotes), :mod:`.brief` (a story's brief and
timeline), :mod:`.graph`, :mod:`.serve` and :mod:`.export`; what they share is in
:mod:`.common`.

DOCS: docs/user-guide.md
"""

from __future__ import annotations

import logging

import click

from .brief import brief_cmd, timeline_cmd
from .export import export_cmd
from .graph import graph_cmd
from .read import articles, claims, entities, entity, quotes_cmd, show, stories
from .run import analyze, ingest_cmd
from .serve import serve

__all__ = ["main"]


@click.group()
@click.version_option(package_name="storyweave")
@click.option("-v", "--verbose", is_flag=True, help="Log what each stage does.")
def main(verbose: bool) -> None:
    """storyweave: turn news articles into cited stories."""
    logging.basicConfig(level=logging.INFO if verbose else logging.ERROR, format="%(message)s")


for _command in (
    ingest_cmd, analyze, articles, stories, show, claims, brief_cmd, timeline_cmd, entities,
    entity, quotes_cmd, graph_cmd, serve, export_cmd,
):  # fmt: skip
    main.add_command(_command)
