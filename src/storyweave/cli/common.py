"""What the commands share: the consoles, the ``--db`` option and opening the store."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console

from ..config import default_db_path
from ..errors import StoryweaveError
from ..storage import SQLStore, open_store

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


def format_option(choices: tuple[str, ...], help: str) -> Callable[[F], F]:
    """``--format``, passed as ``fmt``: one of ``choices``, the first by default."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default=choices[0],
        show_default=True,
        help=help,
    )


def open_db(db: str | None, *, create: bool = True) -> SQLStore:
    """The store at ``db`` (default: the user data directory's), its errors as click's. With
    ``create=False`` (the read commands) a SQLite file that is not there is refused, not made."""
    target = str(db or default_db_path())
    local = target != ":memory:" and "://" not in target
    if not create and local and not Path(target).expanduser().is_file():
        raise click.ClickException(
            f"{target}: no store there. Run `storyweave ingest PATH --db {target}` first "
            "(the read commands never create one)."
        )
    try:
        return open_store(target)
    except StoryweaveError as e:
        raise click.ClickException(str(e)) from None


def with_store(fn: Callable[..., None]) -> Callable[..., None]:
    """Add ``--db`` to a read command and pass it the opened store (closed when the command
    ends); a store that is not there is an error, never created."""

    @db_option
    @functools.wraps(fn)
    def command(db: str | None, **kwargs: Any) -> None:
        with open_db(db, create=False) as store:
            fn(store, **kwargs)

    return command
