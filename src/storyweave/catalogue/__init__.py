"""The read side: every question the HTTP API, the pages and the CLI ask of a store.

:class:`Catalogue` (``service``) answers lists and pages from rows; ``names`` finds entities
by a spelling-folded name and cuts a mention's sentence for display.
"""

from __future__ import annotations

from .service import STATUSES, Catalogue, Listed, snippet_bounds

__all__ = ["STATUSES", "Catalogue", "Listed", "snippet_bounds"]
