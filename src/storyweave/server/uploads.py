"""What a POST carries becomes :class:`Draft` articles, without touching the disk.

One bad file or JSONL line never fails the upload: it comes back as a :class:`Failure` (the job
reports it and stores the rest), like a bad input of the CLI.

JSON bodies are validated by :mod:`storyweave.server.schemas`; uploaded files are
read by the same readers as the CLI (text, Markdown, HTML, JSONL, feeds), from
their bytes. An upload's name is used only as the article's ``ref`` (reduced to
a safe base name) and for its suffix, never as a path.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from ..errors import SourceError, StoryweaveError, message
from ..ingest.decode import check_bytes, jsonl_lines
from ..ingest.draft import Draft
from ..ingest.readers import (
    JSONL_SUFFIXES,
    SUPPORTED,
    parse_date,
    read_document,
    read_jsonl,
)
from ..model import Failure
from .schemas import ArticleIn

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(filename: str | None) -> str:
    """A base name with no directories, no leading dots and only plain characters."""
    base = PurePosixPath((filename or "").replace("\\", "/")).name
    base = _UNSAFE.sub("_", base).lstrip("._")
    return base[:120] or "upload.txt"


def drafts_from_json(items: list[ArticleIn], *, prefix: str) -> list[Draft]:
    """Drafts from validated JSON articles; ``prefix`` names those that carry no id."""
    out: list[Draft] = []
    for i, item in enumerate(items, start=1):
        ref = item.id or f"{prefix}-{i}"
        out.append(
            Draft(
                text=item.text,
                ref=ref,
                title=item.title,
                url=item.url,
                outlet=item.outlet,
                published=parse_date(item.published, where=ref),
                language=item.language,
            )
        )
    return out


def drafts_from_upload(filename: str | None, data: bytes) -> tuple[list[Draft], list[Failure]]:
    """Drafts from one uploaded file; inputs that cannot be read (an unsupported type too:
    E611) come back as failures, so one bad file never fails the upload."""
    name = safe_name(filename)
    path = PurePosixPath(name)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:  # one file of the upload; the others go on
        error = message("E611", name=name, suffix=suffix, expected=", ".join(sorted(SUPPORTED)))
        return [], [Failure(stage="ingest", error=error, ref=name, code="E611")]
    try:
        if suffix in JSONL_SUFFIXES:
            return _jsonl(data, name)
        check_bytes(data, path=name)  # empty, or binary (NUL bytes unless UTF-16/32 by its mark)
        return read_document(data, _as_path(name)), []
    except StoryweaveError as e:
        return [], [Failure(stage="ingest", error=str(e), ref=name, code=e.code)]


def _jsonl(data: bytes, name: str) -> tuple[list[Draft], list[Failure]]:
    drafts: list[Draft] = []
    failures: list[Failure] = []
    for item in read_jsonl(jsonl_lines(data, path=name), _as_path(name)):
        if isinstance(item, SourceError):
            failures.append(Failure(stage="ingest", error=str(item), ref=name, code=item.code))
        else:
            drafts.append(item)
    return drafts, failures


def _as_path(name: str) -> Path:
    # a bare base name: the readers only put it into refs and messages and look at its suffix
    return Path(name)
