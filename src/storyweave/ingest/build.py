"""A draft becomes an :class:`~storyweave.model.Article`: normalised text, credit line,
defaults and the content id.

DOCS: docs/stages/sources.md
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import ParseError, StoryweaveError, ValidationError
from ..hashing import article_id, normalise_text
from ..model import Article, Failure
from ..timex import find_publication_date
from .credit import find_credit
from .draft import Draft


@dataclass(frozen=True, slots=True)
class IngestOptions:
    published: dt.date | None = None
    outlet: str | None = None
    max_file_bytes: int = 20_000_000
    max_article_chars: int = 500_000


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


def as_failure(err: StoryweaveError, *, ref: str) -> Failure:
    return Failure(stage="ingest", error=str(err), ref=ref, code=err.code)
