"""A report built from stored parses is the report built by parsing the bodies again."""

from __future__ import annotations

import json
import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa

from storyweave._types import JSON
from storyweave.analysis import ingest
from storyweave.nlp import models
from storyweave.nlp.attach import attach_parses, docs_for, usable_parse
from storyweave.nlp.stored import StoredParse, encode_parse
from storyweave.report import build_report
from storyweave.storage import open_store
from storyweave.storage import schema as t
from tests.conftest import EXAMPLES
from tests.report.counting import CountingNLP


@dataclass(frozen=True)
class Analysed:
    """A SQLite store holding the bundled examples, analysed once, and its report."""

    path: Path
    ids: list[str]
    report: JSON  # built from the stored parses
    parsed: list[str]  # the texts parsed while building it


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> Analysed:
    path = tmp_path_factory.mktemp("parses") / "store.db"
    with open_store(str(path)) as store:
        ids = ingest(sorted(EXAMPLES.glob("*.jsonl")), store=store).article_ids
    with pytest.MonkeyPatch.context() as mp:
        nlp = CountingNLP(models.load_nlp())
        mp.setattr(models, "load_nlp", lambda: nlp)
        report = _report(str(path), ids)
    return Analysed(path, ids, report, nlp.parsed)


@pytest.fixture
def copy(analysed: Analysed, tmp_path: Path) -> str:
    """A copy of the analysed store that a test may change."""
    target = tmp_path / "store.db"
    shutil.copy(analysed.path, target)
    return str(target)


@pytest.fixture
def counting(monkeypatch: pytest.MonkeyPatch) -> CountingNLP:
    nlp = CountingNLP(models.load_nlp())
    monkeypatch.setattr(models, "load_nlp", lambda: nlp)
    return nlp


def _report(url: str, ids: list[str]) -> JSON:
    with open_store(url) as store:
        return build_report(store, ids)


def _same(a: JSON, b: JSON) -> bool:
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


def _members(report: JSON) -> list[str]:
    return [a for s in report["stories"] for a in s["articles"]]


def _body(url: str, aid: str) -> str:
    with open_store(url) as store:
        return store.article(aid).body


def test_stored_parses_give_the_same_report_as_parsing_the_bodies_again(
    analysed: Analysed, copy: str, counting: CountingNLP
) -> None:
    members = _members(analysed.report)
    assert len(analysed.report["stories"]) > 1
    assert all(s["claims"] for s in analysed.report["stories"])
    bodies = {_body(copy, a) for a in members}
    assert not bodies & set(analysed.parsed)
    with open_store(copy) as store, store.engine.begin() as conn:
        conn.execute(sa.delete(t.parses))
        conn.execute(sa.delete(t.story_revisions))  # the stories are analysed again
    parsed = _report(copy, analysed.ids)
    assert bodies <= set(counting.parsed)
    assert _same(parsed, analysed.report)


def test_stale_and_corrupt_parses_are_parsed_again_and_the_report_holds(
    analysed: Analysed, copy: str, counting: CountingNLP, caplog: pytest.LogCaptureFixture
) -> None:
    stale, corrupt, *good = _members(analysed.report)
    with open_store(copy) as store, store.engine.begin() as conn:
        where = t.parses.c.article_id
        conn.execute(sa.update(t.parses).where(where == stale).values(model="en_core-3.7.0"))
        conn.execute(sa.update(t.parses).where(where == corrupt).values(data=b"\x00 not a parse"))
        conn.execute(sa.delete(t.story_revisions))
    with caplog.at_level(logging.WARNING, logger="storyweave.nlp.attach"):
        report = _report(copy, analysed.ids)
    assert "E306" in caplog.text and corrupt in caplog.text
    parsed = set(counting.parsed)
    assert {_body(copy, stale), _body(copy, corrupt)} <= parsed
    assert not {_body(copy, a) for a in good} & parsed
    assert _same(report, analysed.report)


def test_a_parse_of_another_text_is_not_used(analysed: Analysed, copy: str) -> None:
    ids = analysed.ids
    with open_store(copy) as store:
        item = store.annotated(ids[0])
        other = store.annotated(ids[1])
        good = store.parses([ids[0]])[ids[0]]
    model, vocab = models.parse_model(), models.load_nlp().vocab
    assert usable_parse(item, good, model=model, vocab=vocab) is not None
    foreign = StoredParse(model, encode_parse(models.load_nlp()(other.article.body)))
    assert usable_parse(item, foreign, model=model, vocab=vocab) is None


def test_docs_for_parses_only_what_has_no_usable_stored_parse(
    analysed: Analysed, copy: str, counting: CountingNLP
) -> None:
    ids = analysed.ids
    with open_store(copy) as store:
        items = [store.annotated(a) for a in ids[:3]]
        stored = store.parses(ids[:2])
    stored[ids[1]] = StoredParse("another-model", stored[ids[1]].data)
    docs = docs_for(items, stored)
    assert [d.text for d in docs] == [i.article.body for i in items]
    assert counting.parsed == [items[1].article.body, items[2].article.body]
    attached = attach_parses(items, stored)
    assert attached[0].doc is not None and attached[1].doc is None and attached[2].doc is None
