"""Claim units stored at ingest give the ledger that cutting and embedding them again gives."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from typing import Any

import numpy as np
import pytest

from storyweave.claims import find_claims
from storyweave.claims.stored import ClaimUnits, decode_units, encode_units
from storyweave.claims.units import claim_units
from storyweave.entities import link_entities
from storyweave.errors import ConfigError
from storyweave.model import AnnotatedArticle

from .conftest import FIXTURES, planted_story

CASES = sorted(FIXTURES.glob("*.json"))


class _CountingEmbedder:
    """The real MiniLM embedder, noting every batch of texts it embeds."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.model_id = real.model_id
        self.dim = real.dim
        self.calls: list[list[str]] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        out: np.ndarray = self.real.embed(texts)
        return out


@pytest.fixture(scope="module")
def embedder() -> _CountingEmbedder:
    from storyweave.stories import default_embedder

    try:
        return _CountingEmbedder(default_embedder())
    except ConfigError as e:
        pytest.skip(f"MiniLM embedder unavailable: {e}")


def _ledger(items: Sequence[AnnotatedArticle], embed: Any) -> str:
    links = link_entities(items)
    claims = find_claims(items, entities=links, embed=embed)
    return json.dumps([c.to_json() for c in claims], sort_keys=True)


def _read_back(item: AnnotatedArticle) -> AnnotatedArticle:
    """``item`` with its units as the store gives them back (encoded, then decoded)."""
    stored = encode_units(item.claim_units)
    assert stored is not None
    return dataclasses.replace(item, claim_units=decode_units(item.article.id, stored))


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_stored_units_and_vectors_give_the_ledger_computed_from_scratch(
    path: Any, embedder: _CountingEmbedder
) -> None:
    items, _ = planted_story(json.loads(path.read_text(encoding="utf-8")))
    assert all(isinstance(i.claim_units, ClaimUnits) for i in items)
    stored = [_read_back(i) for i in items]
    scratch = [dataclasses.replace(i, claim_units=None) for i in items]
    for item in stored:
        assert list(item.claim_units.units) == claim_units(item, item.doc)
    embedder.calls.clear()
    from_store = _ledger(stored, embedder.embed)
    assert embedder.calls == []  # every unit text and counted noun was embedded at ingest
    from_scratch = _ledger(scratch, embedder.embed)
    assert embedder.calls  # computed again: the embedder ran
    assert json.loads(from_store)  # there are claims to compare
    assert from_store == from_scratch
    assert _ledger(stored, None) == _ledger(scratch, None)  # and without embeddings


def test_units_of_another_version_or_embedder_are_not_used(embedder: _CountingEmbedder) -> None:
    items, _ = planted_story(json.loads(CASES[0].read_text(encoding="utf-8")))
    stale = [
        dataclasses.replace(
            i,
            claim_units=dataclasses.replace(i.claim_units, version="0/old", units=()),
        )
        for i in items
    ]
    assert _ledger(stale, None) == _ledger(items, None)  # cut again from the parse
    other = [
        dataclasses.replace(i, claim_units=dataclasses.replace(i.claim_units, embedder="other"))
        for i in items
    ]
    embedder.calls.clear()
    _ledger(other, embedder.embed)
    assert embedder.calls  # vectors of another model are not taken for this one's


def test_unreadable_stored_units_are_cut_again(caplog: pytest.LogCaptureFixture) -> None:
    items, _ = planted_story(json.loads(CASES[0].read_text(encoding="utf-8")))
    stored = encode_units(items[0].claim_units)
    assert stored is not None
    broken = dataclasses.replace(stored, units="{not json")
    assert decode_units(items[0].article.id, broken) is None
    assert "unreadable" in caplog.text


def test_an_article_without_units_reads_back() -> None:
    empty = ClaimUnits("3/x", (), (), np.zeros((0, 384), dtype=np.float32), "minilm")
    stored = encode_units(empty)
    assert stored is not None
    back = decode_units("a1", stored)
    assert back is not None and back.units == () and back.texts == ()
