"""The story clusterer's state in the store's tables: the same stories as in memory, reads by
key, incremental writes, the vector index as a cache, and the one-time import of a folder."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import sqlalchemy as sa

from storyweave.storage import SQLStore
from storyweave.storage import schema as t
from storyweave.storage.clusters import cluster_state, placed
from storyweave.stories import MemoryClusterState, StoryClusterer, StoryIndex
from storyweave.stories.cache import load_index, open_stored, save_index
from storyweave.stories.cluster import Assignment
from storyweave.stories.features import StoryFeatures
from storyweave.stories.state import Merge
from tests.stories.helpers import make_features
from tests.stories.legacy import save_generation, save_unversioned

DIM = 32


def _unit(*topics: int) -> np.ndarray:
    vec = np.zeros(DIM, dtype=np.float32)
    vec[list(topics)] = 1.0
    return (vec / np.linalg.norm(vec)).astype(np.float32)


def _feats(article_id: str, vector: np.ndarray, *entities: str) -> StoryFeatures:
    return StoryFeatures(article_id, vector, tuple((e, 1) for e in entities), None, article_id)


BATCHES: list[list[StoryFeatures]] = [
    [make_features("reid-1", 0, {"reid": 2}), make_features("lohan-1", 1, {"lohan": 1})],
    [
        make_features("reid-2", 0, {"reid": 1, "promises": 1}),
        make_features("q-1", 2, {"sumatra": 1}),
    ],
    [make_features("reid-3", 0, {"reid": 3}), make_features("lohan-2", 1, {"lohan": 2})],
    # one event told twice with different entities, then an article that bridges them
    [_feats("a", _unit(5), "kim")],
    [_feats("b", _unit(5, 6), "putin")],
    [_feats("bridge", _unit(5, 5, 6) + _unit(5, 6), "kim", "putin")],
]
Outcome = tuple[list[Assignment], dict[str, list[str]], list[Merge]]


def _sql_add(store: SQLStore, feats: Sequence[StoryFeatures], folder: Path | None) -> Outcome:
    """One batch in one transaction, as ``_form_stories`` runs it."""
    with cluster_state(store) as state:
        clusterer = open_stored(state, folder, dim=DIM, model_id="test")
        out = clusterer.add(feats)
        found = (out, clusterer.partition(), state.merges())
    save_index(clusterer.index)
    return found


def _explain(store: SQLStore, folder: Path | None, ids: Sequence[str]) -> list[Assignment]:
    with cluster_state(store, write=False) as state:
        clusterer = open_stored(state, folder, dim=DIM, model_id="test", write=False)
        return [clusterer.explain(aid) for aid in ids]


def _memory() -> StoryClusterer:
    return StoryClusterer(MemoryClusterState(), StoryIndex(DIM, "test"))


def test_the_tables_give_the_stories_memory_gives(store: SQLStore) -> None:
    folder = store.sidecar_dir("stories")
    reference = _memory()
    for feats in BATCHES:
        expected = reference.add(feats)
        out, partition, merges = _sql_add(store, feats, folder)
        assert out == expected
        assert partition == reference.partition()
        assert merges == reference.state.merges()
    assert len(merges) == 1 and merges[0].bridge == ("bridge",)  # the bridge merged two
    ids = [f.article_id for feats in BATCHES for f in feats]
    assert _explain(store, folder, ids) == [reference.explain(aid) for aid in ids]
    assert placed(store, ["reid-1", "nope"]) == {"reid-1": reference.state.story_of("reid-1")}
    with cluster_state(store, write=False) as state:
        assert state.article_count() == reference.state.article_count() == len(ids)
        assert state.entity_df(["reid", "kim"]) == reference.state.entity_df(["reid", "kim"])
    # re-adding is idempotent: nothing is counted twice
    _sql_add(store, BATCHES[0], folder)
    with cluster_state(store, write=False) as state:
        assert state.article_count() == len(ids)


def _rows(store: SQLStore, table: sa.Table) -> dict[str, Any]:
    with store.engine.connect() as conn:
        return {r[0]: tuple(r) for r in conn.execute(sa.select(table))}


def _grow(store: SQLStore, n: int, folder: Path | None) -> None:
    feats = [make_features(f"x{i:04d}", i % 30, {f"e{i % 30}": 1}) for i in range(n)]
    _sql_add(store, feats, folder)


def _statements(store: SQLStore, feats: StoryFeatures, folder: Path | None) -> list[str]:
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement)

    sa.event.listen(store.engine, "before_cursor_execute", count)
    try:
        _sql_add(store, [feats], folder)
    finally:
        sa.event.remove(store.engine, "before_cursor_execute", count)
    return seen


def test_one_article_reads_by_key_and_writes_only_what_it_changed(
    store: SQLStore, tmp_path: Path
) -> None:
    folder = store.sidecar_dir("stories")
    _grow(store, 150, folder)
    stories, members = _rows(store, t.cluster_stories), _rows(store, t.cluster_members)
    small = _statements(store, make_features("late-1", 7, {"e7": 1}), folder)
    assert any("cluster_members" in s for s in small)
    after_stories, after_members = _rows(store, t.cluster_stories), _rows(store, t.cluster_members)
    # one member row added, one story row changed (the story it joined), the rest untouched
    assert set(after_members) - set(members) == {"late-1"}
    assert all(after_members[k] == v for k, v in members.items())
    changed = {k for k, v in stories.items() if after_stories.get(k) != v}
    assert changed == {after_members["late-1"][1]} and set(after_stories) == set(stories)
    # the same work on a store four times larger takes as many statements: nothing is loaded
    # whole, and each statement names its keys
    _grow(store, 450, folder)
    large = _statements(store, make_features("late-2", 7, {"e7": 1}), folder)
    assert abs(len(large) - len(small)) <= 3, (len(small), len(large))


def test_the_index_is_a_cache_topped_up_rebuilt_or_lost_without_harm(
    store: SQLStore, caplog: pytest.LogCaptureFixture
) -> None:
    folder = store.sidecar_dir("stories")
    assert folder is not None
    for feats in BATCHES[:3]:
        _sql_add(store, feats, folder)
    (cache,) = folder.glob("vectors-*.usearch")
    assert cache.name.endswith("-6-9.usearch")  # 6 members, highest key 9 (a batch takes one)
    early = cache.read_bytes()
    ids = [f.article_id for feats in BATCHES for f in feats]
    # another process adds members and leaves no cache: this one's is stale, and topped up
    for feats in BATCHES[3:]:
        _sql_add(store, feats, None)
    with cluster_state(store, write=False) as state:
        count, top = state.index_tag()
        index = load_index(folder, state, dim=DIM, model_id="test")
        assert (len(index), index.top) == (count, top) == (9, 15)
    truth = _explain(store, None, ids)  # rebuilt from the rows alone
    assert _explain(store, folder, ids) == truth
    # a damaged cache is rebuilt from the rows
    cache.write_bytes(b"\x00" * 7)
    with caplog.at_level(logging.WARNING):
        assert _explain(store, folder, ids) == truth
    assert "unreadable" in caplog.text
    # a cache whose keys are not the rows' (another store's) is rebuilt too
    cache.unlink()
    (folder / cache.name.replace("-6-9.", "-6-13.")).write_bytes(early)
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        assert _explain(store, folder, ids) == truth
    assert "does not match" in caplog.text
    # deleting the folder loses nothing
    shutil.rmtree(folder)
    assert _explain(store, folder, ids) == truth
    out, _, _ = _sql_add(store, [make_features("reid-4", 0, {"reid": 1})], folder)
    assert out[0].story_id == truth[0].story_id and not out[0].new_story


@pytest.mark.parametrize("layout", ["manifest", "unversioned"])
def test_an_earlier_versions_folder_is_imported_once(store: SQLStore, layout: str) -> None:
    folder = store.sidecar_dir("stories")
    assert folder is not None
    reference = _memory()
    for feats in BATCHES[:5]:
        reference.add(feats)
    (save_generation if layout == "manifest" else save_unversioned)(reference, folder)
    ids = [f.article_id for feats in BATCHES[:5] for f in feats]
    # a read before any ingest reads the folder as it is, and writes nothing
    assert _explain(store, folder, ids) == [reference.explain(aid) for aid in ids]
    assert _rows(store, t.cluster_members) == {}
    with cluster_state(store) as state:
        clusterer = open_stored(state, folder, dim=DIM, model_id="test")
        assert state.imported
        assert clusterer.partition() == reference.partition()
    save_index(clusterer.index)
    names = [p.name for p in folder.iterdir() if not p.name.startswith(".")]
    assert len(names) == 1 and names[0].startswith("vectors-")  # the earlier files are gone
    # continuing from the imported rows is continuing from the folder: the bridge merges
    expected = reference.add(BATCHES[5])
    out, partition, merges = _sql_add(store, BATCHES[5], folder)
    assert out == expected and partition == reference.partition()
    assert merges == reference.state.merges()
    with cluster_state(store) as state:
        open_stored(state, folder, dim=DIM, model_id="test")
        assert not state.imported  # once


def test_another_models_vectors_are_refused(store: SQLStore) -> None:
    from storyweave.errors import StorageError

    _sql_add(store, BATCHES[0], None)
    with pytest.raises(StorageError, match="E703"), cluster_state(store) as state:
        open_stored(state, None, dim=DIM, model_id="another")
