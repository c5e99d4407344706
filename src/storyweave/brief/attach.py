"""Fill in every story's ``brief`` in a report (the one call build_report needs)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .._types import JSON, ArticleId
from .build import build_brief


def attach_briefs(report: JSON, *, docs: Mapping[ArticleId, Any] | None = None) -> JSON:
    """Set ``story["brief"]`` for every story of ``report`` (its claims and timeline must
    already be there) and return the report; ``docs`` are the articles' parses
    (see :func:`build_brief`)."""
    for story in report.get("stories", []):
        story["brief"] = build_brief(story, report, docs=docs)
    return report
