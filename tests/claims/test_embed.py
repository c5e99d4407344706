"""The same acceptance with sentence embeddings mixed in, and the optional NLI hook.

The MiniLM embedder lives in ``storyweave.stories.embed`` (issue 6); until that is
installed the embedding tests skip.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import numpy as np
import pytest

from storyweave.claims import Claim, find_claims
from storyweave.entities import link_entities
from storyweave.model import AnnotatedArticle

from .conftest import FIXTURES, claim_covering, planted_story
from .test_seeds import CORROBORATED

Embed = Callable[[list[str]], np.ndarray]


@pytest.fixture(scope="module")
def minilm() -> Embed:
    embed = pytest.importorskip("storyweave.stories.embed")
    try:
        model = embed.default_embedder()
    except Exception as e:  # the model wheels are optional until issue 6 lands
        pytest.skip(f"MiniLM embedder unavailable: {e}")
    return model.embed  # type: ignore[no-any-return]


@pytest.mark.parametrize(("in_first", "in_second"), CORROBORATED)
def test_seed_facts_with_embeddings(
    seed_items: list[AnnotatedArticle], minilm: Embed, in_first: str, in_second: str
) -> None:
    claims = find_claims(seed_items, entities=link_entities(seed_items), embed=minilm)
    first = claim_covering(claims, seed_items, in_first, 0)
    second = claim_covering(claims, seed_items, in_second, 1)
    assert first is not None and first is second
    assert first.status == "corroborated"
    assert not [c for c in claims if c.status == "conflicting"]


@pytest.mark.parametrize("name", ["conflict-number", "conflict-place", "conflict-negation"])
def test_planted_conflicts_with_embeddings(minilm: Embed, name: str) -> None:
    case = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    items, dups = planted_story(case)
    claims = find_claims(items, entities=link_entities(items), duplicates=dups, embed=minilm)
    index = next(n for n, a in enumerate(case["articles"]) if a.get("edits"))
    edited = claim_covering(claims, items, case["expect"]["edited"], index)
    assert edited is not None and edited.status == "conflicting"
    conflicting = {c.id for c in claims if c.status == "conflicting"}
    assert conflicting == {edited.id, *edited.conflicts_with}


class _Nli:
    """A stand-in NLI model: contradiction whenever one side mentions Moscow."""

    def __call__(self, premise: str, hypothesis: str) -> str:
        return "contradiction" if ("Moscow" in premise) != ("Moscow" in hypothesis) else "neutral"


def test_nli_hook_adds_conflicts(seed_items: list[AnnotatedArticle]) -> None:
    claims: list[Claim] = find_claims(seed_items, entities=link_entities(seed_items), nli=_Nli())
    helped = claim_covering(claims, seed_items, "Moscow will help Pyongyang", 0)
    assert helped is not None and helped.status == "conflicting"
    assert {d.slot for d in helped.disagreements} == {"polarity"}
