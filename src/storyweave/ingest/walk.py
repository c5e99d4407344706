"""Walking the inputs: files, folders, JSONL and feeds, one article or failure at a time.

One bad input never stops the others: each yields a :class:`~storyweave.model.Failure`
naming the file (and line) and the problem.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import ParseError, SourceError, StoryweaveError
from ..model import Article, Failure
from .build import IngestOptions, as_failure, build_article
from .decode import read_bytes
from .draft import Draft
from .readers import JSONL_SUFFIXES, SUPPORTED, read_document, read_jsonl

log = logging.getLogger(__name__)

# Files that document a folder rather than report news; a file named explicitly is always read.
_NOT_ARTICLES = ("readme", "license", "licence", "notice", "changelog", "credits")


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
        yield as_failure(e, ref=str(path))
        return
    for draft in drafts:
        yield _article_or_failure(draft, opts)


def _read_jsonl(path: Path, opts: IngestOptions) -> Iterator[Article | Failure]:
    with path.open("rb") as fh:
        for item in read_jsonl(iter(fh), path):
            if isinstance(item, SourceError):
                yield as_failure(item, ref=str(path))
            else:
                yield _article_or_failure(item, opts)


def _article_or_failure(draft: Draft, opts: IngestOptions) -> Article | Failure:
    try:
        return build_article(draft, opts)
    except StoryweaveError as e:
        return as_failure(e, ref=draft.ref)
