"""RSS and Atom feeds: one draft per entry with text.

DOCS: docs/stages/sources.md
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from ..errors import ParseError
from .draft import Draft
from .html import html_to_text


def read_feed(data: bytes, path: Path) -> Iterator[Draft]:
    """Entries of an RSS or Atom feed; each entry's HTML is cleaned to text."""
    import feedparser

    parsed = feedparser.parse(data)
    channel = parsed.feed.get("title") or None
    found = False
    for i, entry in enumerate(parsed.entries):
        html = ""
        if entry.get("content"):
            html = entry.content[0].get("value", "")
        html = html or entry.get("summary", "")
        text = html_to_text(html) if html else ""
        if not text.strip():
            continue
        found = True
        published = None
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            published = dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday)
        yield Draft(
            text=text,
            ref=entry.get("id") or entry.get("link") or f"{path}#{i}",
            title=entry.get("title") or None,
            url=entry.get("link") or None,
            outlet=channel,
            published=published,
            author=entry.get("author") or None,
        )
    if not found:
        raise ParseError("E109", path=path)


def looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head
