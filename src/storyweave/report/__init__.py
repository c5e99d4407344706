"""Reports: the JSON report (schema ``storyweave.report/1``) and the static HTML view of it."""

from .build import SCHEMA_ID, attribution_kept, attribution_rows, build_report, validate_report
from .html import render_html

__all__ = [
    "SCHEMA_ID",
    "attribution_kept",
    "attribution_rows",
    "build_report",
    "render_html",
    "validate_report",
]
