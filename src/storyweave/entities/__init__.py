"""Entities: one canonical entity per real-world referent, within and across articles.

Public API:

- :func:`repair_mentions` trims spaCy's spans and repairs their labels;
- :func:`link_entities` links mentions into entities (:class:`EntityLinking`);
- :func:`resolve_role` resolves "the Kremlin leader" to the entity holding that role;
- :func:`is_news_source` tells news agencies and outlets ("TASS", "AFP") from other names.
"""

from __future__ import annotations

from .link import link_entities
from .linking import EntityLinking
from .repair import repair_mentions
from .roles import resolve_role
from .sources import is_news_source

__all__ = ["EntityLinking", "is_news_source", "link_entities", "repair_mentions", "resolve_role"]
