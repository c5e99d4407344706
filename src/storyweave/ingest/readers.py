"""One reader per input format. Each yields :class:`Draft` articles or raises a designed error.

A reader never builds ids or touches the store: :mod:`storyweave.ingest` turns
drafts into articles, and per-line JSONL errors come back as exceptions in the
stream so the other lines go on.
"""

from __future__ import annotations

import datetime as dt
import json
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ParseError, SourceError
from .decode import decode_utf8

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml", ".feed"})
# A page whose extracted text is shorter than this is navigation or boilerplate, not an article.
MIN_HTML_WORDS = 8
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES


@dataclass(frozen=True, slots=True)
class Draft:
    """What a reader found: text and whatever metadata the source carried."""

    text: str
    ref: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    language: str | None = None
    author: str | None = None
    credits: tuple[str, ...] = ()
    """Who the source's metadata credits for the story (an RSS ``<source>``, ``dc:source``,
    a JSON-LD ``publisher`` or ``isBasedOn``), outermost first; not yet checked as agencies."""
    based_on: str | None = None
    """The URL of the article this one says it is based on (JSON-LD ``isBasedOn``)."""


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


def read_html(data: bytes, path: Path) -> Draft:
    import trafilatura

    with warnings.catch_warnings():  # trafilatura's internals warn about lxml truth-testing
        warnings.simplefilter("ignore")
        doc = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False)
    if doc is None or isinstance(doc, dict):
        raise ParseError("E108", path=path)
    text = doc.text
    if not text or len(text.split()) < MIN_HTML_WORDS:
        raise ParseError("E108", path=path)
    title = doc.title or None
    if title and text.startswith(title + "\n"):  # trafilatura repeats the headline
        text = text[len(title) + 1 :]
    published = None
    if doc.date:
        try:
            published = dt.date.fromisoformat(str(doc.date)[:10])
        except ValueError:
            published = None
    if published is None:  # meta tags, JSON-LD, <time>, datelines that trafilatura missed
        from ..timex import find_publication_date

        published = find_publication_date(text, data.decode("utf-8", errors="replace"))
    return Draft(
        text=text,
        ref=str(path),
        title=title,
        url=doc.url or None,
        outlet=doc.sitename or None,
        published=published,
        author=doc.author or None,
    )


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


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment; scripts, styles and handlers are removed first."""
    import lxml.html
    from lxml.etree import ParserError
    from lxml_html_clean import Cleaner

    try:
        tree = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ParserError, ValueError):
        return html
    cleaned = Cleaner(scripts=True, javascript=True, style=True, comments=True).clean_html(tree)
    for br in cleaned.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in cleaned.iter("p", "div", "li", "h1", "h2", "h3", "h4"):
        block.tail = "\n" + (block.tail or "")
    return str(cleaned.text_content())


def looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


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
