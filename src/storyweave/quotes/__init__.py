"""Quotes and attribution chains: who said what, according to whom.

The pure API is :func:`find_attributions`, a function of a parsed spaCy Doc.
The pipeline stage lives in :mod:`storyweave.pipeline.quotes`.

DOCS: docs/stages/quotes.md
"""

from __future__ import annotations

from .extract import find_attributions, states
from .marks import Quoted, find_quoted

__all__ = ["Quoted", "find_attributions", "find_quoted", "states"]
