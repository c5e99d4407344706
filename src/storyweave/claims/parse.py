"""Moved to :mod:`storyweave.nlp.attach` (kept so that older imports still work)."""

from __future__ import annotations

from storyweave.nlp.attach import attach_parses, docs_for, usable_parse, with_docs

__all__ = ["attach_parses", "docs_for", "usable_parse", "with_docs"]
