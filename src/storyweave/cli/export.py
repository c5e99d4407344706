"""``storyweave export``: the store's tables as CSV or JSON Lines files."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import StoryweaveError
from ..storage import SQLStore
from .common import format_option, out, with_store


@click.command("export")
@click.argument("folder", metavar="DIR", type=click.Path(path_type=Path))
@format_option(("csv", "jsonl"), help="CSV (a header row; lists as JSON strings) or JSON Lines.")
@click.option(
    "--excel-safe",
    is_flag=True,
    help="Prefix ' to CSV text cells a spreadsheet would run as a formula (=, +, -, @).",
)
@with_store
def export_cmd(store: SQLStore, folder: Path, fmt: str, excel_safe: bool) -> None:
    """Write the store's tables (articles, entities, mentions, stories, claims, ...) to DIR,
    one file per table."""
    from ..exports import export_tables

    try:
        done = export_tables(store, folder, fmt, excel_safe=excel_safe)
    except StoryweaveError as e:
        raise click.ClickException(str(e)) from None
    for table in done:
        out.print(f"{table.path}: {table.rows} rows", markup=False, soft_wrap=True)
