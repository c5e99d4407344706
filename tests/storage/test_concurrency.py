"""Several processes ingesting overlapping input into one store lose and duplicate nothing."""

from __future__ import annotations

import json
import multiprocessing as mp
from pathlib import Path

import sqlalchemy as sa

from storyweave.storage import SQLStore, open_store
from storyweave.storage import schema as t

TEXTS = [
    f"Report {i}: North Korean leader Kim Jong-un met Russian President Vladimir Putin, officials "
    f"said on day {i}, in talks that covered satellites, trade and {i} other subjects."
    for i in range(12)
]


def _write_inputs(folder: Path) -> list[Path]:
    """Four overlapping batches: each article appears in two or three of them; one wire copy."""
    paths = []
    for w in range(4):
        rows = [{"id": f"a{i}", "text": TEXTS[i]} for i in range(12) if i % 4 != w]
        rows.append({"id": f"wire-{w}", "text": TEXTS[0], "outlet": f"Outlet {w % 2}"})
        path = folder / f"batch{w}.jsonl"
        path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def _ingest(url: str, path: str) -> int:
    from storyweave.analysis import ingest
    from storyweave.pipeline import Pipeline

    with open_store(url) as store:
        result = ingest([path], store=store, pipeline=Pipeline(["language", "sentences"]))
    return len(result.failures)


def test_four_concurrent_writers(backend_url: str, tmp_path: Path) -> None:
    open_store(backend_url).close()  # migrate once, as a deployment would
    paths = _write_inputs(tmp_path)
    with mp.get_context("spawn").Pool(4) as pool:
        failures = pool.starmap(_ingest, [(backend_url, str(p)) for p in paths])
    assert failures == [0, 0, 0, 0]
    with open_store(backend_url) as store, store.engine.connect() as conn:
        assert store.count_articles() == 12 + 2  # 12 texts, plus the wire copy under two outlets
        counts = conn.execute(
            sa.select(t.sentences.c.article_id, sa.func.count()).group_by(t.sentences.c.article_id)
        ).all()
        assert len(counts) == 14 and all(n == 1 for _, n in counts)  # no layer written twice
        dups = store.duplicates()
        assert len(dups) == 2 and all(d.kind == "exact" for d in dups)
        assert len({d.original for d in dups}) == 1  # every copy points at one original
        members = conn.execute(sa.select(sa.func.count()).select_from(t.story_articles)).scalar()
        assert members == 14
        got = _stories(store)
        # the clusterer's state agrees with the stories: each article placed once, counted once
        placed = conn.execute(
            sa.select(t.cluster_members.c.article_id, t.cluster_members.c.story_id)
        ).all()
        assert sorted(placed) == sorted((a, s.id) for s in store.stories() for a in s.article_ids)
        counted = conn.execute(
            sa.select(t.cluster_meta.c.value).where(t.cluster_meta.c.key == "articles")
        ).scalar()
        assert counted == "14"
    # the same stories as one ingest of the four inputs
    with open_store(tmp_path / "one.db") as one:
        _ingest_all(one, paths)
        assert got == _stories(one)


def _ingest_all(store: SQLStore, paths: list[Path]) -> None:
    from storyweave.analysis import ingest
    from storyweave.pipeline import Pipeline

    ingest([str(p) for p in paths], store=store, pipeline=Pipeline(["language", "sentences"]))


def _stories(store: SQLStore) -> set[frozenset[str]]:
    # article ids are content hashes; a story's id depends on which batch came first
    return {frozenset(s.article_ids) for s in store.stories()}
