"""The table of news organisations (``data/news_sources.txt``, extended by the user's file).

Each line is one newsroom: its kind (``agency`` or ``outlet``), canonical name, aliases and
registrable domains. The aliases and domains of a line are one outlet family: two of its
sites are one origin. A file in the same format named by :data:`USER_TABLE_ENV` adds
organisations or, with a canonical name already in the table, adds to that one.

DOCS: docs/stages/sources.md
"""

from __future__ import annotations

import functools
import os
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Final

from ..errors import ConfigError

USER_TABLE_ENV: Final = "STORYWEAVE_NEWS_SOURCES"
KINDS: Final = frozenset({"agency", "outlet"})


@dataclass(slots=True)
class Organisation:
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)


def key(name: str) -> str:
    """A name folded for lookup: case, diacritics, dots and spacing ignored."""
    decomposed = unicodedata.normalize("NFKD", name.replace("’", "'"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().replace(".", "").split())


def parse_table(text: str, *, where: str) -> list[Organisation]:
    """The organisations of a table file's text; a bad line raises a ConfigError naming it."""
    out: list[Organisation] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("|")]
        if len(fields) < 2 or fields[0] not in KINDS or not fields[1]:
            raise ConfigError(
                f"{where}, line {number}: expected 'agency|outlet | name | aliases... | "
                f"domain:example.com', got {line!r}."
            )
        org = Organisation(name=fields[1], kind=fields[0])
        for f in fields[2:]:
            if f.startswith("domain:"):
                org.domains.append(f.removeprefix("domain:").strip().lower())
            elif f:
                org.aliases.append(f)
        out.append(org)
    return out


@functools.lru_cache(maxsize=1)
def organisations() -> tuple[Organisation, ...]:
    """The bundled table, then the user's (``$STORYWEAVE_NEWS_SOURCES``), merged by name."""
    bundled = resources.files("storyweave.data").joinpath("news_sources.txt")
    orgs = parse_table(bundled.read_text(encoding="utf-8"), where="news_sources.txt")
    extra = os.environ.get(USER_TABLE_ENV)
    if extra:
        path = Path(extra)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise ConfigError(f"{path}: the news-source table cannot be read ({e}).") from None
        by_name = {key(o.name): o for o in orgs}
        for org in parse_table(text, where=str(path)):
            known = by_name.get(key(org.name))
            if known is None:
                orgs.append(org)
                by_name[key(org.name)] = org
            else:
                known.aliases += org.aliases
                known.domains += org.domains
    return tuple(orgs)


@functools.lru_cache(maxsize=1)
def _by_key() -> dict[str, Organisation]:
    out: dict[str, Organisation] = {}
    for org in organisations():
        for name in (org.name, *org.aliases, *org.domains):
            out.setdefault(key(name), org)
    return out


@functools.lru_cache(maxsize=1)
def _by_domain() -> dict[str, Organisation]:
    return {d: org for org in organisations() for d in org.domains}


def canonical(name: str) -> str | None:
    """The canonical name of the organisation ``name`` is written as, or None ("The
    Associated Press" -> "AP", "reuters.com" -> "Reuters")."""
    k = key(name)
    org = _by_key().get(k) or (_by_key().get(k[4:]) if k.startswith("the ") else None)
    return org.name if org else None


def is_agency(name: str) -> bool:
    """True when ``name`` is a wire agency of the table (not a newspaper or broadcaster)."""
    org = _by_key().get(key(name))
    return org is not None and org.kind == "agency"


def by_domain(domain: str) -> str | None:
    """The canonical name of the organisation a registrable domain belongs to."""
    org = _by_domain().get(domain.lower())
    return org.name if org else None
