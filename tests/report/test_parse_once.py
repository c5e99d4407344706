"""Each article is parsed once, at ingest: a report over stored articles parses no text and
embeds no claim unit, and its claims, timeline and brief share each article's one parse."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import sqlalchemy as sa

from storyweave.analysis import ingest
from storyweave.errors import ConfigError
from storyweave.nlp import attach, models
from storyweave.report import build_report
from storyweave.storage import open_store
from storyweave.storage import schema as t
from tests.conftest import EXAMPLES
from tests.report.counting import CountingNLP


class _CountingEmbedder:
    """The real MiniLM embedder, noting every text it embeds."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.model_id = real.model_id
        self.dim = real.dim
        self.embedded: list[str] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.embedded += list(texts)
        out: np.ndarray = self.real.embed(texts)
        return out


def test_a_report_after_ingest_parses_no_text_and_embeds_no_claim_unit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import storyweave.stories as stories

    try:
        real_embedder = stories.default_embedder()
    except ConfigError as e:
        pytest.skip(f"MiniLM embedder unavailable: {e}")
    nlp = CountingNLP(models.load_nlp())
    embedder = _CountingEmbedder(real_embedder)
    monkeypatch.setattr(models, "load_nlp", lambda: nlp)
    monkeypatch.setattr(stories, "default_embedder", lambda: embedder)
    decoded: list[str] = []
    real_decode = attach.decode_parse

    def counting_decode(aid: str, data: bytes, vocab: Any) -> Any:
        decoded.append(aid)
        return real_decode(aid, data, vocab)

    monkeypatch.setattr(attach, "decode_parse", counting_decode)
    with open_store(tmp_path / "store.db") as store:
        ids = ingest(sorted(EXAMPLES.glob("*.jsonl")), store=store).article_ids
        bodies = sorted(store.article(a).body for a in ids)
        # at ingest, the spaCy pipeline ran once on each body and on nothing else
        assert sorted(nlp.parsed) == bodies
        nlp.parsed.clear()
        embedder.embedded.clear()
        decoded.clear()
        report = build_report(store, ids)
        # the stories' analyses were stored at ingest: the report reads them, decoding nothing
        assert decoded == [] and nlp.parsed == [] and embedder.embedded == []
        with store.engine.begin() as conn:  # the stories are analysed again, from the parses
            conn.execute(sa.delete(t.story_revisions))
        again = build_report(store, ids)
    assert again == report
    members = [a for s in report["stories"] for a in s["articles"]]
    assert len(report["stories"]) > 1 and all(s["claims"] for s in report["stories"])
    assert any(s["timeline"] for s in report["stories"])
    assert all(s["brief"]["sentences"] for s in report["stories"])
    assert nlp.parsed == []  # no body, sentence or span was parsed
    assert embedder.embedded == []  # no claim unit (or counted noun) was embedded
    # claims, timeline and brief shared one parse per story article, decoded once
    assert sorted(decoded) == sorted(set(members))
