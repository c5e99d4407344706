"""Crash safety: a run killed with SIGKILL at each fault-injection point, then a normal rerun,
leaves the same store as a run that was never killed.

The child process is real (``kill -9`` of itself at ``storyweave.faults.checkpoint``); the
rerun and the clean run happen in this process. Compared: articles, entities, which mention
is linked to which entity, and the stories' memberships, on SQLite and PostgreSQL; and the
clusterer's state in the store agrees with the stories.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
import sqlalchemy as sa

from storyweave.analysis import ingest
from storyweave.faults import ENV, POINTS
from storyweave.storage import open_store
from storyweave.storage import schema as t
from tests.conftest import EXAMPLES

INPUTS = [str(EXAMPLES / "kim-putin-summit.jsonl"), str(EXAMPLES / "rehab-tara-reid.jsonl")]
_CHILD = (
    "import sys\n"
    "from storyweave.analysis import ingest\n"
    "from storyweave.storage import open_store\n"
    "store = open_store(sys.argv[1])\n"
    "ingest(sys.argv[2:], store=store)\n"
)

Snapshot = tuple[
    frozenset[str],
    frozenset[tuple[str, str]],
    frozenset[tuple[str, str, int, int]],
    frozenset[frozenset[str]],
    frozenset[tuple[str, str, str]],
]


def snapshot(db: str) -> Snapshot:
    store = open_store(db)
    try:
        articles = frozenset(a.id for a in store.articles())
        entities = {e.id: (e.name, e.type) for e in store.entities()}
        links = frozenset(
            (entities[eid][0], aid, start, end) for eid, aid, start, end in store.entity_mentions()
        )
        stories = frozenset(frozenset(s.article_ids) for s in store.stories())
        claims = frozenset(
            (c["text"], c["status"], store.analyses.get(c["story"]).members)  # type: ignore[union-attr]
            for c in store.analyses.claims().items
        )
        return articles, frozenset(entities.values()), links, stories, claims
    finally:
        store.close()


def run(db: str) -> None:
    store = open_store(db)
    try:
        ingest(INPUTS, store=store)
    finally:
        store.close()


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Snapshot:
    db = str(tmp_path_factory.mktemp("clean") / "clean.db")
    run(db)
    return snapshot(db)


@pytest.mark.slow
@pytest.mark.parametrize("point", POINTS)
def test_a_run_killed_at_each_point_is_finished_by_the_next(
    backend_url: str, clean: Snapshot, point: str
) -> None:
    open_store(backend_url).close()  # migrated before the child starts
    child = subprocess.run(
        [sys.executable, "-c", _CHILD, backend_url, *INPUTS],
        env={**os.environ, ENV: point},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr[-2000:]
    run(backend_url)  # the normal rerun
    got = snapshot(backend_url)
    assert got[0] == clean[0]  # articles
    assert got[1] == clean[1]  # entities
    assert got[2] == clean[2]  # every mention linked as in the clean run
    assert got[3] == clean[3]  # stories
    assert got[4] == clean[4] and clean[4]  # every story's claims, analysed from its members
    assert len(clean[3]) == 2 and len(clean[2]) > 20  # the comparison has something in it
    with open_store(backend_url) as store, store.engine.connect() as conn:
        m = t.cluster_members.c
        placed = frozenset(
            (r.article_id, r.story_id) for r in conn.execute(sa.select(m.article_id, m.story_id))
        )
        stored = frozenset((a, s.id) for s in store.stories() for a in s.article_ids)
        assert placed == stored  # the clusterer's state is the stories'
