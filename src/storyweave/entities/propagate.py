"""Name propagation: a name the linker knows, written again where spaCy saw no entity.

spaCy's small model finds "the Vostochny Cosmodrome" once and misses it three
sentences later, or in another article of the same run. Once one occurrence of a
multi-word name is linked, every other exact occurrence of that name in the
run's article bodies names the same entity (one sense per discourse), unless it
overlaps a mention already found or the name belongs to several entities.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from storyweave.model import AnnotatedArticle

from .linking import MentionKey


def propagate_names(
    items: Sequence[AnnotatedArticle], mention_entity: dict[MentionKey, str]
) -> dict[MentionKey, str]:
    """New mentions for the unlinked occurrences of linked multi-word names.

    Args:
        items: the run's articles (their mentions are the spans already taken).
        mention_entity: the linker's (article, start, end) -> entity id map.

    Returns:
        (article, start, end) -> entity id for each new occurrence; ``mention_entity``
        is not changed.
    """
    texts = {item.article.id: item.article.text for item in items}
    owners: dict[str, set[str]] = defaultdict(set)
    for (art, start, end), ent_id in mention_entity.items():
        surface = texts[art][start:end] if art in texts else ""
        if _is_propagable(surface):
            owners[surface].add(ent_id)
    names = {s: next(iter(ids)) for s, ids in owners.items() if len(ids) == 1}
    if not names:
        return {}
    pattern = _names_pattern(sorted(names, key=_longest_first))
    out: dict[MentionKey, str] = {}
    for item in items:
        art = item.article.id
        taken = _Taken(
            [(m.span.start, m.span.end) for m in item.mentions]
            + [(s, e) for (a, s, e) in mention_entity if a == art]
        )
        body = item.article.body
        for match in pattern.finditer(body):
            start, end = match.span()
            if not taken.overlaps(start, end):
                out[(art, start, end)] = names[match.group()]
                taken.add(start, end)
    return out


def _is_propagable(surface: str) -> bool:
    parts = surface.split()
    return len(parts) >= 2 and surface[:1].isupper() and "\n" not in surface


def _longest_first(name: str) -> tuple[int, str]:
    return (-len(name), name)


def _names_pattern(names: Sequence[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


class _Taken:
    """Character intervals already covered by a mention."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans

    def overlaps(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.spans)

    def add(self, start: int, end: int) -> None:
        self.spans.append((start, end))
