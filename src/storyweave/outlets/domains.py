"""Registrable domains of URLs ("https://www.bbc.co.uk/news/x" -> "bbc.co.uk").

Public-suffix aware (the ``publicsuffixlist`` package ships the list; nothing is fetched).

DOCS: docs/stages/sources.md
"""

from __future__ import annotations

import functools
import ipaddress
from typing import Any
from urllib.parse import urlsplit


@functools.lru_cache(maxsize=1)
def _psl() -> Any:
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList()


def registrable_domain(url: str | None) -> str | None:
    """The registrable domain of an http(s) URL, or None (no URL, a bare host such as
    localhost, an IP address, a public suffix alone)."""
    if not url or not url.lower().startswith(("http://", "https://")):
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    try:
        ipaddress.ip_address(host)
        return None
    except ValueError:
        pass
    found = _psl().privatesuffix(host.rstrip(".").lower())
    return str(found) if found else None
