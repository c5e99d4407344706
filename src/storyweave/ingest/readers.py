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
from .checks import check_draft
from .decode import as_utf8, decode_text, decode_utf8
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
    text = decode_text(data, path=path)
    title = None
    if path.suffix.lower() == ".md":
        first, _, rest = text.lstrip().partition("\n")
        if first.startswith("# "):
            title, text = first[2:].strip(), rest
    return Draft(text=text, ref=str(path), title=title)


# What each known field of a JSONL line may hold (besides null); other fields are ignored.
_JSONL_STRINGS = ("title", "url", "outlet", "language")


def read_jsonl(lines: Iterator[bytes], path: Path) -> Iterator[Draft | SourceError]:
    """One draft per line; a bad line yields its error (naming file and line); reading goes on.
    A file with no line that is not blank yields one error (E102)."""
    empty = True
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        empty = False
        try:
            yield _jsonl_draft(raw, path, number)
        except SourceError as e:
            yield e
    if empty:
        yield ParseError("E102", path=path)


def _jsonl_draft(raw: bytes, path: Path, number: int) -> Draft:
    where = f"{path}, line {number}"
    line = decode_utf8(raw, path=where)
    try:
        obj: Any = json.loads(line)
    except json.JSONDecodeError as e:
        raise ParseError("E106", path=path, line=number, detail=e.msg) from None
    except RecursionError:
        raise ParseError("E106", path=path, line=number, detail="nested too deeply") from None
    except ValueError as e:  # a number too long to convert
        raise ParseError("E106", path=path, line=number, detail=str(e).split(";")[0]) from None
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
        raise ParseError("E107", path=path, line=number)
    ref = obj.get("id")
    if ref is not None and not _is_id(ref):
        raise _wrong_type(path, number, "id", ref, "a non-empty string or a whole number")
    for name in _JSONL_STRINGS:
        if obj.get(name) is not None and not isinstance(obj[name], str):
            raise _wrong_type(path, number, name, obj[name], "a string")
    published = obj.get("published")
    if published is not None and not isinstance(published, str):
        raise _wrong_type(path, number, "published", published, "a date string (YYYY-MM-DD)")
    draft = Draft(
        text=obj["text"],
        ref=str(ref).strip() if ref is not None else f"{path}:{number}",
        title=obj.get("title"),
        url=obj.get("url"),
        outlet=obj.get("outlet"),
        published=parse_date(published, where=where),
        language=obj.get("language"),
    )
    check_draft(draft, where=where)
    return draft


def _is_id(value: object) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return isinstance(value, int) and not isinstance(value, bool)


def _wrong_type(path: Path, line: int, field: str, value: object, expected: str) -> ParseError:
    return ParseError("E115", path=path, line=line, field=field, got=_kind(value),
                      expected=expected)  # fmt: skip


def _kind(value: object) -> str:
    """How a JSON value reads in a message: ``the number 5``, ``true``, ``a list``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        text = repr(value)
        return f"the number {text if len(text) <= 20 else text[:17] + '...'}"
    if isinstance(value, str):
        return "an empty string" if not value.strip() else "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def read_document(data: bytes, path: Path) -> list[Draft]:
    """The drafts of one text, Markdown, HTML or feed file's bytes (JSONL is streamed apart)."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return [read_text(data, path)]
    data = as_utf8(data, path=path)  # HTML and feeds in UTF-16/32 reach their parsers as UTF-8
    if suffix in HTML_SUFFIXES:
        return [read_html(data, path)]
    if suffix in FEED_SUFFIXES and looks_like_feed(data):
        return list(read_feed(data, path))
    raise ParseError(f"{path}: an .xml file that is not an RSS or Atom feed.")
