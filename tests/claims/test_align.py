"""Candidate pruning: units are compared through shared keys, never all pairs."""

from __future__ import annotations

from storyweave.claims.align import CANDIDATES_PER_UNIT, candidate_pairs
from storyweave.claims.slots import Slots


def unit(n: int) -> Slots:
    # each unit shares one stem with a few neighbours and one common stem with all
    stems = frozenset({f"w{n // 4}", f"v{n // 7}", "common"})
    return Slots(
        who=frozenset(),
        whom=frozenset(),
        persons=frozenset(),
        predicate="say",
        negated=False,
        where=(),
        when=(),
        quantities=(),
        entities=frozenset(),
        stems=stems,
    )


def _never(i: int, j: int) -> bool:
    return False


def test_pairs_only_share_keys_and_stay_bounded() -> None:
    slots = [unit(n) for n in range(1000)]
    pairs = candidate_pairs(slots, _never)
    assert len(pairs) <= len(slots) * CANDIDATES_PER_UNIT
    assert len(pairs) < len(slots) * (len(slots) - 1) // 50
    assert all(slots[i].stems & slots[j].stems for i, j in pairs)
    assert (0, 1) in pairs


def test_blocked_pairs_are_left_out() -> None:
    slots = [unit(n) for n in range(8)]

    def same_block(i: int, j: int) -> bool:
        return i // 4 == j // 4

    assert all(i // 4 != j // 4 for i, j in candidate_pairs(slots, same_block))
