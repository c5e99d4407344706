"""RSS and Atom feeds: one draft per entry with text, its outlet and credits.

An item's own ``<source>`` (RSS ``<source url="...">Name</source>``, Atom ``<source>``) or
``dc:publisher`` names its outlet ahead of the channel: an aggregator's channel title is not
the outlet of an item another outlet wrote, and that outlet is credited too. ``dc:source``
credits where the item comes from (a URL becomes ``based_on``).

DOCS: docs/stages/sources.md
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ParseError
from ..outlets import by_domain, canonical, registrable_domain
from ..outlets.table import key
from .clean import author_names, clean_text
from .draft import Draft
from .html import html_to_text


def read_feed(data: bytes, path: Path) -> Iterator[Draft]:
    """Entries of an RSS or Atom feed; each entry's HTML is cleaned to text."""
    import feedparser

    parsed = feedparser.parse(data)
    channel = _text(parsed.feed.get("title"))
    found = False
    for i, entry in enumerate(parsed.entries):
        html = ""
        if entry.get("content"):
            html = entry.content[0].get("value", "")
        html = html or entry.get("summary", "")
        raw = html_to_text(html) if html else ""
        cleaned = clean_text(raw)
        text = cleaned.text if cleaned.text.strip() else raw
        if not text.strip():
            continue
        found = True
        published = None
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            published = dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday)
        meta = entry_metadata(entry, channel)
        author, author_orgs = _author(entry.get("author"))
        yield Draft(
            text=text,
            ref=entry.get("id") or entry.get("link") or f"{path}#{i}",
            title=entry.get("title") or None,
            url=entry.get("link") or None,
            outlet=meta.outlet,
            published=published,
            author=author or cleaned.author,
            credits=tuple(_distinct([*meta.credits, *cleaned.credits, *author_orgs])),
            based_on=meta.based_on,
        )
    if not found:
        raise ParseError("E109", path=path)


@dataclass(frozen=True, slots=True)
class EntryMeta:
    """An entry's outlet, the organisations it credits and the URL it is based on."""

    outlet: str | None
    credits: list[str]
    based_on: str | None


def entry_metadata(entry: Any, channel: str | None) -> EntryMeta:
    """The item's ``<source>`` (RSS or Atom) or ``dc:publisher`` is its outlet, else the
    channel; an item outlet other than the channel and ``dc:source`` are credited."""
    credits: list[str] = []
    based_on = None
    source = entry.get("source") or {}
    own = _text(source.get("title")) or _url_outlet(source.get("href") or source.get("link"))
    publisher = _text(entry.get("publisher"))
    item_outlet = own or publisher
    if item_outlet and (channel is None or _key(item_outlet) != _key(channel)):
        credits.append(item_outlet)
    for value in _values(entry.get("dc_source")):
        if _is_url(value):
            based_on = based_on or value
            named = _url_outlet(value, known_only=True)
            if named:
                credits.append(named)
        else:
            credits.append(value)
    return EntryMeta(item_outlet or channel, _distinct(credits), based_on)


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def _values(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [t for v in items if (t := _text(v))]


def _is_url(text: str) -> bool:
    return bool(re.match(r"^(?:https?:)?//", text, re.IGNORECASE))


def _url_outlet(url: Any, *, known_only: bool = False) -> str | None:
    """The organisation a URL's domain belongs to, else (unless ``known_only``) the domain."""
    if not isinstance(url, str) or not url.strip():
        return None
    domain = registrable_domain(url.strip())
    if not domain:
        return None
    known = by_domain(domain)
    return known or (None if known_only else domain)


def _author(raw: Any) -> tuple[str | None, list[str]]:
    """The people an entry's author names, and the organisations when it names them
    ("Reuters" is a credit, not an author). An e-mail form keeps its name."""
    text = _text(raw)
    if not text:
        return None, []
    m = re.fullmatch(r"\S+@\S+\s*\((?P<name>[^)]+)\)", text)
    if m:
        text = m.group("name").strip()
    orgs = []
    for part in re.split(r"\s*(?:;|,|\band\b|&|\|)\s*", text):
        name = canonical(part)
        if name:
            orgs.append(name)
    people = author_names(text)
    if people:
        return people, orgs
    return (None if orgs else text), orgs


def _key(name: str) -> str:
    return canonical(name) or key(name)


def _distinct(names: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for n in names:
        seen.setdefault(_key(n), n)
    return list(seen.values())


def looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head
