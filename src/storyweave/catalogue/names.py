"""Entities by name, and a mention's sentence: what the CLI's entity commands show.

A name matches when every word of it is among the words of the entity's name or an alias,
folded by transliteration ("Yury Gagarin" and "yuri gagarin" give the same words). The
candidates are read from the store's name index by the query's longest word (a bounded read
at any store size) and then checked word by word.
"""

from __future__ import annotations

from ..entities.names import translit, words
from ..model import Entity
from ..storage import SQLStore

# Entities a name search looks at (the most mentioned of those whose names hold the longest
# word of the name).
NAME_CANDIDATES = 500


def name_tokens(name: str) -> tuple[str, ...]:
    """Transliteration-folded words: "Yury Gagarin" and "yuri gagarin" give the same tokens."""
    return tuple(translit(w) for w in words(name))


def entities_named(store: SQLStore, name: str) -> list[Entity]:
    """Entities whose name or an alias holds every word of ``name`` (spelling-folded), most
    mentioned first."""
    wanted = set(name_tokens(name))
    if not wanted:
        return []
    longest = max(words(name), key=len)
    _, found = store.listing.entities(query=longest, limit=NAME_CANDIDATES)
    return [c.entity for c in found if matches(wanted, [c.entity.name, *c.entity.aliases])]


def matches(wanted: set[str], forms: list[str]) -> bool:
    """Whether one of ``forms`` holds every word of ``wanted`` (folded tokens)."""
    return any(wanted <= set(name_tokens(f)) for f in forms if f)


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) holding ``text[start:end]``, for display."""
    dot = text.rfind(". ", 0, start)
    left = max(text.rfind("\n", 0, start) + 1, dot + 2 if dot >= 0 else 0)
    right_candidates = [p for p in (text.find("\n", end), text.find(". ", end)) if p >= 0]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    return text[left:right].strip()
