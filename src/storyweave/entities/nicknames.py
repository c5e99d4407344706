"""Short forms of given names (``storyweave/data/nicknames.txt``): Katie = Kathryn, Bill = William.

Two given names *may name one person* when one starts the other ("Fred" and
"Frederick") or both are in one group of the list. The linker only asks this of
two full names with the same surname.
"""

from __future__ import annotations

import functools
from importlib import resources

from .names import translit

# A shorter given name must have this many letters to count as the start of a longer one.
MIN_PREFIX = 3


@functools.lru_cache(maxsize=1)
def nickname_groups() -> dict[str, frozenset[int]]:
    """Transliteration key of a given name -> the numbers of the groups it is in."""
    text = resources.files("storyweave").joinpath("data/nicknames.txt").read_text("utf-8")
    groups: dict[str, set[int]] = {}
    lines = [line.strip() for line in text.splitlines()]
    for number, line in enumerate(ln for ln in lines if ln and not ln.startswith("#")):
        for name in line.split("|"):
            groups.setdefault(translit(name.strip()), set()).add(number)
    return {name: frozenset(numbers) for name, numbers in groups.items()}


def same_given_name(a: str, b: str) -> bool:
    """Whether given-name key tokens ``a`` and ``b`` may name one person."""
    if a == b:
        return True
    if min(len(a), len(b)) >= MIN_PREFIX and (a.startswith(b) or b.startswith(a)):
        return True
    groups = nickname_groups()
    return bool(groups.get(a, frozenset()) & groups.get(b, frozenset()))
