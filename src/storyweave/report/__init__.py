"""Reports: story analyses computed once and kept as rows, the JSON report (schema
``storyweave.report/1``) assembled from rows, and the static HTML view of it."""

from ..model import ANALYSIS_VERSION
from .analyse import analyse_story, analysis_of, refresh_analyses
from .build import SCHEMA_ID, build_report, story_graph, validate_report
from .html import render_html
from .rows import attribution_kept, attribution_row, attribution_rows, speaker_label

__all__ = [
    "ANALYSIS_VERSION",
    "SCHEMA_ID",
    "analyse_story",
    "analysis_of",
    "attribution_kept",
    "attribution_row",
    "attribution_rows",
    "build_report",
    "refresh_analyses",
    "render_html",
    "speaker_label",
    "story_graph",
    "validate_report",
]
