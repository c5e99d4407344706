"""``storyweave serve``: the web UI and HTTP API on the store."""

from __future__ import annotations

import click

from ..config import default_db_path
from ..errors import StoryweaveError
from .common import db_option


@click.command()
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
    from ..server import serve as serve_http

    try:
        serve_http(db or default_db_path(), host=host, port=port, token=token)
    except StoryweaveError as e:
        raise click.ClickException(str(e)) from None
