"""Ingest: files, folders, JSONL and feeds become :class:`~storyweave.model.Article` objects.

:func:`read_inputs` walks the inputs and yields an article for each one it could
read and a :class:`~storyweave.model.Failure` (naming the file, and line, and
the problem) for each one it could not; one bad input never stops the others.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import ParseError, SourceError, StoryweaveError, ValidationError
from ..hashing import article_id, normalise_text
from ..model import Article, Failure
from ..timex import find_publication_date
from .credit import find_credit
from .decode import read_bytes
from .readers import (
    JSONL_SUFFIXES,
    SUPPORTED,
    Draft,
    read_document,
    read_jsonl,
)

__all__ = ["IngestOptions", "build_article", "find_credit", "read_inputs"]

log = logging.getLogger(__name__)

# Files that document a folder rather than report news; a file named explicitly is always read.
_NOT_ARTICLES = ("readme", "license", "licence", "notice", "changelog", "credits")


@dataclass(frozen=True, slots=True)
class IngestOptions:
    published: dt.date | None = None
    outlet: str | None = None
    max_file_bytes: int = 20_000_000
    max_article_chars: int = 500_000


def read_inputs(
    paths: Iterable[str | Path | Draft], options: IngestOptions | None = None
) -> Iterator[Article | Failure]:
    """Articles (or failures) from every input: a path (folders read recursively in name order)
    or a :class:`Draft` already in memory (an API upload: no file is written)."""
    opts = options or IngestOptions()
    for raw in paths:
        if isinstance(raw, Draft):
            yield _article_or_failure(raw, opts)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if _skipped_in_folder(child, root=path):
                    continue
                yield from _read_file(child, opts)
        else:
            yield from _read_file(path, opts)


def _skipped_in_folder(path: Path, *, root: Path) -> bool:
    """Hidden files, documentation and files of other types inside a folder are not articles."""
    parts = path.relative_to(root).parts
    if any(part.startswith(".") for part in parts):
        return True
    return path.stem.lower() in _NOT_ARTICLES or path.suffix.lower() not in SUPPORTED


def _read_file(path: Path, opts: IngestOptions) -> Iterator[Article | Failure]:
    suffix = path.suffix.lower()
    try:
        if not path.exists():
            raise SourceError("E101", path=path)
        if suffix not in SUPPORTED:
            raise ParseError(
                "E110", path=path, suffix=suffix, expected=", ".join(sorted(SUPPORTED))
            )
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path, opts)
            return
        drafts = read_document(read_bytes(path, limit=opts.max_file_bytes), path)
    except StoryweaveError as e:
        yield _failure(e, ref=str(path))
        return
    for draft in drafts:
        yield _article_or_failure(draft, opts)


def _read_jsonl(path: Path, opts: IngestOptions) -> Iterator[Article | Failure]:
    with path.open("rb") as fh:
        for item in read_jsonl(iter(fh), path):
            if isinstance(item, SourceError):
                yield _failure(item, ref=str(path))
            else:
                yield _article_or_failure(item, opts)


def _article_or_failure(draft: Draft, opts: IngestOptions) -> Article | Failure:
    try:
        return build_article(draft, opts)
    except StoryweaveError as e:
        return _failure(e, ref=draft.ref)


def build_article(draft: Draft, opts: IngestOptions | None = None) -> Article:
    """Normalise a draft's text, find its credit line, apply defaults and hash its id."""
    opts = opts or IngestOptions()
    text = normalise_text(draft.text)
    if not text:
        raise ParseError("E113", path=draft.ref)
    if len(text) > opts.max_article_chars:
        raise ParseError("E114", path=draft.ref, size=len(text), limit=opts.max_article_chars)
    credit = find_credit(text)
    outlet = draft.outlet or opts.outlet or (credit.outlet if credit else None)
    body_end = None
    if credit:
        body_end = len(text[: credit.start].rstrip())
        if body_end == 0:
            raise ParseError("E113", path=draft.ref)
    try:
        return Article(
            id=article_id(text, url=draft.url, outlet=outlet),
            text=text,
            ref=draft.ref,
            title=(draft.title or "").strip() or None,
            url=draft.url,
            outlet=outlet,
            published=draft.published or opts.published or find_publication_date(text),
            language=draft.language,
            author=draft.author,
            credit=credit.line if credit else None,
            body_end=body_end,
        )
    except ValidationError as e:
        raise ParseError(f"{draft.ref}: {e}") from None


def _failure(err: StoryweaveError, *, ref: str) -> Failure:
    return Failure(stage="ingest", error=str(err), ref=ref, code=err.code)
