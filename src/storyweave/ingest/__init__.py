"""Ingest: files, folders, JSONL and feeds become :class:`~storyweave.model.Article` objects.

:func:`read_inputs` walks the inputs and yields an article for each one it could
read and a :class:`~storyweave.model.Failure` (naming the file, and line, and
the problem) for each one it could not; one bad input never stops the others.
"""

from __future__ import annotations

from .build import IngestOptions, build_article
from .credit import find_credit
from .walk import read_inputs

__all__ = ["IngestOptions", "build_article", "find_credit", "read_inputs"]
