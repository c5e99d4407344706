"""A cited brief of each story: every sentence carries the evidence spans it rests on.

Public API: :func:`build_brief`, :func:`attach_briefs`, :func:`supported`.

DOCS: docs/stages/brief.md
"""

from __future__ import annotations

from ..timex.labels import date_label
from .attach import attach_briefs
from .build import BriefSentence, build_brief
from .render import render_brief_html, render_brief_markdown
from .support import content_words, supported, unsupported_words

__all__ = [
    "BriefSentence",
    "attach_briefs",
    "build_brief",
    "content_words",
    "date_label",
    "render_brief_html",
    "render_brief_markdown",
    "supported",
    "unsupported_words",
]
