"""Entity linking: mentions grouped into canonical entities across articles.

This first linker groups mentions whose normalised surface forms are equal
(case, spacing, hyphens, diacritics, a leading "the" and a possessive "'s"
ignored) within a coarse type. The entities issue replaces it with full
within- and cross-article linking behind the same API.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..hashing import short_id
from ..model import AnnotatedArticle, Entity, EntityType

__all__ = ["EntityLinking", "link_entities", "name_key"]

MentionKey = tuple[str, int, int]


@dataclass(frozen=True)
class EntityLinking:
    entities: tuple[Entity, ...]
    mention_entity: dict[MentionKey, str]


_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")


def name_key(name: str) -> str:
    """A key equal for spelling variants of one name: "Kim Jong-un" == "kim jong un"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _POSSESSIVE.sub("", _LEADING_THE.sub("", text.strip()))
    return re.sub(r"[\s\-‐–.]+", " ", text).strip().casefold()


def link_entities(items: Sequence[AnnotatedArticle]) -> EntityLinking:
    """Group every mention of ``items`` into entities; ids depend only on type and name key."""
    groups: dict[tuple[EntityType, str], list[tuple[MentionKey, str]]] = defaultdict(list)
    for item in items:
        text = item.article.text
        for m in item.mentions:
            surface = text[m.span.start : m.span.end]
            key = name_key(surface)
            if key:
                groups[(m.type, key)].append(((item.article.id, m.span.start, m.span.end), surface))
    entities: list[Entity] = []
    mapping: dict[MentionKey, str] = {}
    for (etype, key), members in sorted(groups.items()):
        eid = short_id("e-", etype, key)
        forms = Counter(_LEADING_THE.sub("", s) for _, s in members)
        name = sorted(forms.items(), key=_by_frequency_then_length)[0][0]
        entities.append(Entity(id=eid, name=name, type=etype, aliases=tuple(sorted(forms))))
        for mkey, _ in members:
            mapping[mkey] = eid
    return EntityLinking(entities=tuple(entities), mention_entity=mapping)


def _by_frequency_then_length(item: tuple[str, int]) -> tuple[int, int, str]:
    form, count = item
    return (-count, -len(form), form)
