"""News organisations: agencies and outlets that other articles cite as sources.

The table itself is data (``data/news_sources.txt``, :mod:`storyweave.outlets`). The quotes
and claims stages rely on :func:`is_news_source` to tell "TASS reported"
(a relayed source) from "the Kremlin said" (a speaker).
"""

from __future__ import annotations

import re

from ..outlets import canonical

# A descriptor after or around a source's name: "AFP news agency", "the TASS agency".
_DESCRIPTOR = re.compile(
    r"^(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:state\s+)?(?:news\s+agency|agency|newspaper)\s+"
    r"|\s+(?:news\s+agency|agency|newspaper|wire(?:\s+service)?)$",
    re.IGNORECASE,
)


def strip_descriptor(name: str) -> str:
    """Drop a news-agency descriptor: "AFP news agency" -> "AFP"."""
    return _DESCRIPTOR.sub("", name.strip()).strip()


def news_source_name(name: str) -> str | None:
    """The canonical name of the news organisation ``name`` refers to, or None."""
    for candidate in (name, strip_descriptor(name)):
        bare = candidate.strip()
        if bare.endswith(("'s", "’s")):
            bare = bare[:-2]
        found = canonical(bare)
        if found is not None:
            return found
    if re.search(r"\bnews\s+agency$", name.strip(), re.IGNORECASE) and name.strip()[:1].isupper():
        return name.strip()
    return None


def is_news_source(name: str) -> bool:
    """True when ``name`` is a news agency or outlet ("TASS", "AFP news agency", "Reuters")."""
    return news_source_name(name) is not None
