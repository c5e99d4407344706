"""Which of two articles that share their wording is the original and which the copy.

DOCS: docs/stages/sources.md ("Derived copies")
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from .._types import ArticleId
from ..model import Article
from .table import canonical, key


def copy_direction(
    a: Article, b: Article, order: Mapping[ArticleId, tuple[dt.date, int]] | None = None
) -> tuple[ArticleId, ArticleId]:
    """(original, copy): an article crediting the other's outlet derives from it; else the
    earlier publication is the original; on the same day or undated, the earlier one in
    ``order`` (input order), else ``a``."""
    if credits_outlet(b, a) and not credits_outlet(a, b):
        return a.id, b.id
    if credits_outlet(a, b) and not credits_outlet(b, a):
        return b.id, a.id
    if a.published and b.published and a.published != b.published:
        return (a.id, b.id) if a.published < b.published else (b.id, a.id)
    if order is not None and order[b.id] < order[a.id]:
        return b.id, a.id
    return a.id, b.id


def credits_outlet(article: Article, other: Article) -> bool:
    """Whether ``article`` credits the outlet ``other`` appears under (a copy saying "Source:
    Reuters" of Reuters' own story)."""
    if not other.outlet:
        return False
    theirs = _org_key(other.outlet)
    return any(_org_key(name) == theirs for name in article.credits)


def _org_key(name: str) -> str:
    return key(canonical(name) or name)
