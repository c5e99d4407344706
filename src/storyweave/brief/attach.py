"""Fill in every story's ``brief`` in a report (the one call build_report needs)."""

from __future__ import annotations

from .._types import JSON
from .build import build_brief


def attach_briefs(report: JSON) -> JSON:
    """Set ``story["brief"]`` for every story of ``report`` (its claims and timeline must
    already be there) and return the report."""
    for story in report.get("stories", []):
        story["brief"] = build_brief(story, report)
    return report
