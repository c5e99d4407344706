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
from ..outlets import by_domain, canonical, registrable_domain
from ..timex import find_publication_date
from .credit import Credits, find_credit, find_credits
from .draft import Draft


@dataclass(frozen=True, slots=True)
class IngestOptions:
    published: dt.date | None = None
    outlet: str | None = None
    max_file_bytes: int = 20_000_000
    max_article_chars: int = 500_000


def build_article(draft: Draft, opts: IngestOptions | None = None) -> Article:
    """Normalise a draft's text, find its credits, name its outlet, apply defaults and hash
    its id (from the outlet the input gave, so a derived outlet never changes an id)."""
    opts = opts or IngestOptions()
    text = normalise_text(draft.text)
    if not text:
        raise ParseError("E113", path=draft.ref)
    if len(text) > opts.max_article_chars:
        raise ParseError("E114", path=draft.ref, size=len(text), limit=opts.max_article_chars)
    found = find_credits(text)
    source_line = find_credit(text)
    given = draft.outlet or opts.outlet
    id_outlet = given or (source_line.outlet if source_line else None)
    outlet = given or domain_outlet(draft.url) or found.outlet()
    end = len(text.rstrip())
    body_end = found.body_end if found.body_end < end else None
    credits = [*found.names, *(canonical(c) or c for c in draft.credits)]
    try:
        return Article(
            id=article_id(text, url=draft.url, outlet=id_outlet),
            text=text,
            ref=draft.ref,
            title=(draft.title or "").strip() or None,
            url=draft.url,
            outlet=outlet,
            published=draft.published or opts.published or find_publication_date(text),
            language=draft.language,
            author=draft.author or _byline_author(text, found),
            credit=text[body_end:].strip() if body_end is not None else None,
            body_end=body_end,
            body_start=found.body_start or None,
            credits=tuple(dict.fromkeys(c for c in credits if c)),
        )
    except ValidationError as e:
        raise ParseError(f"{draft.ref}: {e}") from None


def domain_outlet(url: str | None) -> str | None:
    """The outlet a URL names: the organisation its registrable domain belongs to, else the
    domain itself ("https://www.tulsaherald.com/x" -> "tulsaherald.com")."""
    domain = registrable_domain(url)
    return (by_domain(domain) or domain) if domain else None


def _byline_author(text: str, found: Credits) -> str | None:
    for line in found.lines:
        if line.kind == "byline":
            return text[line.start : line.end].strip().removeprefix("By ").strip() or None
    return None


def as_failure(err: StoryweaveError, *, ref: str) -> Failure:
    return Failure(stage="ingest", error=str(err), ref=ref, code=err.code)
