"""Rows out: one list of records printed as a table, JSON, JSON lines, CSV or Markdown.

Every listing command hands :func:`emit` its records (the JSON the API would give) and the
columns a reader scans; ``--format`` picks the shape. Text from articles is printed as
plain text: no console markup in it is ever interpreted.
"""

from __future__ import annotations

import csv
import functools
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, TypeVar

import click
from rich.table import Table
from rich.text import Text

from .common import out

F = TypeVar("F", bound=Callable[..., Any])
ROW_FORMATS: Final = ("table", "json", "jsonl", "csv", "md")


@dataclass(frozen=True, slots=True)
class Column:
    """A column: its header and how a record gives its cell (a key, or a function)."""

    header: str
    value: str | Callable[[Mapping[str, Any]], Any]

    def cell(self, row: Mapping[str, Any]) -> str:
        raw = self.value(row) if callable(self.value) else row.get(self.value)
        return _plain(raw)


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return "; ".join(_plain(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def rows_format(
    fmt_help: str = "",
    *,
    extra: tuple[str, ...] = (),
    default: str = "table",
    json_flag: str = "json",
) -> Callable[[F], F]:
    """``--format table|json|jsonl|csv|md`` (and ``extra`` choices), passed as ``fmt``; the
    older ``--json`` flag stays as a shorthand for ``--format <json_flag>``."""
    choices = [*ROW_FORMATS, *extra]

    def decorate(fn: F) -> F:
        @click.option(
            "--format", "fmt", type=click.Choice(choices), default=None,
            help=(fmt_help or "How to print: a table, JSON, JSON lines, CSV or Markdown.")
            + f"  [default: {default}]",
        )  # fmt: skip
        @click.option("--json", "as_json", is_flag=True, hidden=True,
                      help=f"Same as --format {json_flag}.")  # fmt: skip
        @functools.wraps(fn)
        def command(*args: Any, fmt: str | None, as_json: bool, **kwargs: Any) -> Any:
            if as_json and fmt not in (None, json_flag):
                raise click.UsageError(f"--json means --format {json_flag}; give one of them.")
            return fn(*args, fmt=fmt or (json_flag if as_json else default), **kwargs)

        return command  # type: ignore[return-value]

    return decorate


def emit(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[Column],
    fmt: str,
    *,
    empty: str = "Nothing to show.",
) -> None:
    """Print ``rows``: ``json`` and ``jsonl`` give the records whole, ``csv`` and ``md`` the
    columns, ``table`` the columns as a terminal table (``empty`` when there is no row)."""
    if fmt == "json":
        sys.stdout.write(json.dumps(list(rows), ensure_ascii=False, indent=1) + "\n")
    elif fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow([c.header for c in columns])
        for row in rows:
            writer.writerow([_csv_safe(c.cell(row)) for c in columns])
    elif fmt == "md":
        sys.stdout.write(markdown_table(rows, columns))
    elif not rows:
        out.print(empty, markup=False)
    else:
        table = Table(*(c.header for c in columns))
        for row in rows:
            table.add_row(*(Text(c.cell(row)) for c in columns))
        out.print(table)


def markdown_table(rows: Sequence[Mapping[str, Any]], columns: Sequence[Column]) -> str:
    """A pipe table; a cell's pipes and line breaks are escaped so no cell breaks the table."""

    def cell(text: str) -> str:
        return " ".join(text.replace("\\", "\\\\").replace("|", "\\|").split())

    lines = ["| " + " | ".join(c.header for c in columns) + " |"]
    lines.append("|" + "|".join(" --- " for _ in columns) + "|")
    lines += ["| " + " | ".join(cell(c.cell(r)) for c in columns) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def _csv_safe(text: str) -> str:
    """A cell a spreadsheet will not run as a formula (a leading =, +, - or @ is quoted)."""
    return "'" + text if text[:1] in {"=", "+", "-", "@"} else text
