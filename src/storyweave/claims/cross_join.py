"""Foreign units into a story's claims: where the cross-language matches put them (issue 20).

DOCS: docs/stages/languages.md ("Claims across languages")
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from storyweave.entities.names import fold
from storyweave.model import AnnotatedArticle

from .conflict import SlotClash
from .cross_statements import match_statements
from .crosslingual import Embed, match_foreign
from .slots import Slots
from .units import Unit

Units = Sequence[tuple[Unit, Slots]]


def join_foreign(
    items: Sequence[AnnotatedArticle],
    story: tuple[list[Unit], list[Slots]],
    foreign: tuple[Units, Units],
    multilingual: Embed,
    *,
    groups: dict[int, int],
    clashes: list[tuple[int, int, SlotClash]],
    rep_of: list[int],
) -> None:
    """Add the foreign units (figure clauses, then statements) to the story's ``units`` and
    ``slots``: into the group of the English unit they support, as a group of their own that
    disagrees with it (a clash), or as a group of their own (:mod:`.crosslingual`,
    :mod:`.cross_statements`). ``groups``, ``clashes`` and ``rep_of`` are the alignment's, and
    are extended in place. A foreign unit relaying a speaker an English unit names takes that
    unit's spelling and kind of speaker ("según la agencia AFAD" is the English units' AFAD)."""
    units, slots = story
    figures, statements = foreign
    english = list(zip(units, slots, strict=True))
    published = {i.article.id: i.article.published for i in items}
    sentences = {
        (i.article.id, s.index): s.span.text_in(i.article.text) for i in items for s in i.sentences
    }
    spoken = {i.article.id: i.article_language or "" for i in items}
    matches = [
        *match_foreign(english, figures, multilingual, published, sentences, spoken),
        *match_statements(english, statements, multilingual, sentences, spoken),
    ]
    speakers = {fold(u.speaker): u for u in units if u.speaker}
    for match, (unit, unit_slots) in zip(matches, [*figures, *statements], strict=True):
        known = speakers.get(fold(unit.speaker)) if unit.speaker else None
        if known is not None:
            unit = dataclasses.replace(unit, speaker=known.speaker, speaker_type=known.speaker_type)
        n = len(units)
        units.append(unit)
        slots.append(unit_slots)
        rep_of.append(n)
        target = rep_of[match.english] if match.english is not None else None
        groups[n] = groups[target] if target is not None and match.clash is None else n
        if target is not None and match.clash is not None:
            clashes.append((target, n, match.clash))
