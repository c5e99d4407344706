"""storyweave: turn piles and streams of news articles into cited stories."""

from .analysis import AnalysisResult, ingest
from .config import Settings
from .errors import StoryweaveError
from .ingest import IngestOptions, read_inputs
from .model import AnnotatedArticle, Article, Entity, Mention, Span, Story, Timex
from .pipeline import Pipeline
from .report import build_report, render_html, validate_report
from .storage import SQLStore, open_store

__all__ = [
    "AnalysisResult",
    "AnnotatedArticle",
    "Article",
    "Entity",
    "IngestOptions",
    "Mention",
    "Pipeline",
    "SQLStore",
    "Settings",
    "Span",
    "Story",
    "StoryweaveError",
    "Timex",
    "build_report",
    "ingest",
    "open_store",
    "read_inputs",
    "render_html",
    "validate_report",
]
__version__ = "0.1.0"
