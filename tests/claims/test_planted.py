"""Planted conflicts and non-conflicts (tests/claims/fixtures): exactly the edited claim flags."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyweave.claims import Claim

from .conftest import FIXTURES, claim_covering, claims_of, planted_story

CASES = sorted(FIXTURES.glob("*.json"))
SLOT_WORDS = {
    "how many": "figure",
    "when": "date",
    "where": "place",
    "who": "participants",
    "polarity": "whether it happened",
}


def _load(path: Path) -> dict:  # type: ignore[type-arg]
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _edited_index(case: dict) -> int:  # type: ignore[type-arg]
    return next(n for n, a in enumerate(case["articles"]) if a.get("edits"))


@pytest.mark.issue(7)
@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_planted_case(path: Path) -> None:
    case = _load(path)
    items, dups = planted_story(case)
    claims = claims_of(items, dups)
    conflicting = {c.id: c for c in claims if c.status == "conflicting"}
    expect = case["expect"]
    if expect["kind"] == "none":
        assert not conflicting, [(c.text, c.why) for c in conflicting.values()]
        return
    edited = claim_covering(claims, items, expect["edited"], _edited_index(case))
    assert edited is not None, f"no claim covers {expect['edited']!r}"
    others = [
        claim_covering(claims, items, expect["other"], n)
        for n in range(len(items))
        if expect["other"] in items[n].article.text
    ]
    other_ids = {c.id for c in others if c is not None}
    if expect["kind"] == "superseded":
        assert not conflicting, [(c.text, c.why) for c in conflicting.values()]
        earlier = [c for c in claims if c.id in other_ids]
        assert any(edited.id in c.superseded_by for c in earlier)
        assert "updates its figure" in " ".join(c.why for c in earlier)
        return
    _assert_exact_conflict(edited, conflicting, other_ids, expect["slot"])


def _assert_exact_conflict(
    edited: Claim, conflicting: dict[str, Claim], other_ids: set[str], slot: str
) -> None:
    assert edited.status == "conflicting", edited.why
    assert other_ids & set(edited.conflicts_with), (edited.conflicts_with, other_ids)
    assert {d.slot for d in edited.disagreements} == {slot}
    assert SLOT_WORDS[slot] in edited.why
    # exactly the edited claim and the claims it disagrees with, nothing else
    assert set(conflicting) == {edited.id, *edited.conflicts_with}
    for cid in edited.conflicts_with:
        assert conflicting[cid].conflicts_with == (edited.id,)
