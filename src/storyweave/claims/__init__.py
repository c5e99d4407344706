"""Claims: what a story's sources corroborate, what rests on one source, where they disagree.

Public API:

- :func:`find_claims` turns one story's annotated articles into :class:`Claim` s;
- :func:`story_claims` does the same for the report, from stored articles;
- :class:`Claim`, :class:`Evidence`, :class:`Origin`, :class:`Slots` describe the result.

DOCS: docs/stages/claims.md
"""

from __future__ import annotations

from .claim import Claim, ClaimStatus, Disagreement, Evidence
from .find import find_claims
from .origins import Origin
from .report import story_claims, story_translations
from .slots import Slots

__all__ = [
    "Claim",
    "ClaimStatus",
    "Disagreement",
    "Evidence",
    "Origin",
    "Slots",
    "find_claims",
    "story_claims",
    "story_translations",
]
