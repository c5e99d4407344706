"""A readable name for an article's source, never a path or a hash.

DOCS: docs/stages/sources.md
"""

from __future__ import annotations

from typing import Final

from .domains import registrable_domain
from .table import by_domain

NO_SOURCE: Final = "an article without an outlet"
TITLE_CHARS: Final = 60


def source_label(
    outlet: str | None = None, url: str | None = None, title: str | None = None
) -> str:
    """The outlet; else the organisation its URL's domain belongs to, or the domain; else
    the title in quotes (shortened); else :data:`NO_SOURCE`."""
    if outlet and outlet.strip():
        return " ".join(outlet.split())
    domain = registrable_domain(url)
    if domain:
        return by_domain(domain) or domain
    text = " ".join((title or "").split())
    if text:
        cut = TITLE_CHARS - 3
        return f"“{text[:cut]}…”" if len(text) > TITLE_CHARS else f"“{text}”"
    return NO_SOURCE
