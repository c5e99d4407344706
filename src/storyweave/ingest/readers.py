"""One reader per input format. Each yields :class:`Draft` articles or raises a designed error.

A reader never builds ids or touches the store: :mod:`storyweave.ingest` turns
drafts into articles, and per-line JSONL errors come back as exceptions in the
stream so the other lines go on.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import ParseError, SourceError
from .decode import decode_utf8
from .draft import Draft
from .feeds import looks_like_feed, read_feed
from .html import read_html

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml", ".feed"})
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES


def parse_date(value: object, *, where: str) -> dt.date | None:
    """A publication date from ``YYYY-MM-DD`` or a full ISO timestamp."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ParseError("E111", path=where, value=value)
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise ParseError("E111", path=where, value=value) from None


def read_text(data: bytes, path: Path) -> Draft:
    text = decode_utf8(data, path=path)
    title = None
    if path.suffix.lower() == ".md":
        first, _, rest = text.lstrip().partition("\n")
        if first.startswith("# "):
            title, text = first[2:].strip(), rest
    return Draft(text=text, ref=str(path), title=title)


_JSONL_FIELDS = ("id", "title", "url", "outlet", "published", "language")


def read_jsonl(lines: Iterator[bytes], path: Path) -> Iterator[Draft | SourceError]:
    """One draft per line; a bad line yields its error (naming file and line); reading goes on."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            yield _jsonl_draft(raw, path, number)
        except SourceError as e:
            yield e


def _jsonl_draft(raw: bytes, path: Path, number: int) -> Draft:
    where = f"{path}, line {number}"
    line = decode_utf8(raw, path=where)
    try:
        obj: Any = json.loads(line)
    except json.JSONDecodeError as e:
        raise ParseError("E106", path=path, line=number, detail=e.msg) from None
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
        raise ParseError("E107", path=path, line=number)
    for name in _JSONL_FIELDS:
        if obj.get(name) is not None and not isinstance(obj[name], str | int):
            raise ParseError("E112", path=path, line=number, field=name, expected="a string")
    ref = obj.get("id")
    return Draft(
        text=obj["text"],
        ref=str(ref) if ref is not None else f"{path}:{number}",
        title=obj.get("title"),
        url=obj.get("url"),
        outlet=obj.get("outlet"),
        published=parse_date(obj.get("published"), where=where),
        language=obj.get("language"),
    )


def read_document(data: bytes, path: Path) -> list[Draft]:
    """The drafts of one text, Markdown, HTML or feed file's bytes (JSONL is streamed apart)."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return [read_text(data, path)]
    if suffix in HTML_SUFFIXES:
        return [read_html(data, path)]
    if suffix in FEED_SUFFIXES and looks_like_feed(data):
        return list(read_feed(data, path))
    raise ParseError(f"{path}: an .xml file that is not an RSS or Atom feed.")
