"""News organisations: the agency and outlet table, registrable domains, readable labels.

The lowest layer the ingest, entities and claims steps share: :func:`canonical` names a
news organisation however it is written ("Associated Press" -> "AP"), :func:`by_domain`
names the one a web domain belongs to, :func:`registrable_domain` reads a URL's
registrable domain (public-suffix aware) and :func:`source_label` gives any article a
readable source name.

DOCS: docs/stages/sources.md
"""

from __future__ import annotations

from .domains import registrable_domain
from .label import source_label
from .table import by_domain, canonical, is_agency, organisations

__all__ = [
    "by_domain",
    "canonical",
    "is_agency",
    "organisations",
    "registrable_domain",
    "source_label",
]
