"""Crash safety: a run killed with SIGKILL at each fault-injection point, then a normal rerun,
leaves the same store as a run that was never killed.

The child process is real (``kill -9`` of itself at ``storyweave.faults.checkpoint``); the
rerun and the clean run happen in this process. Compared: articles, entities, which mention
is linked to which entity, and the stories' memberships.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from storyweave.analysis import ingest
from storyweave.faults import ENV, POINTS
from storyweave.storage import open_store
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
]


def snapshot(db: Path) -> Snapshot:
    store = open_store(db)
    try:
        articles = frozenset(a.id for a in store.articles())
        entities = {e.id: (e.name, e.type) for e in store.entities()}
        links = frozenset(
            (entities[eid][0], aid, start, end) for eid, aid, start, end in store.entity_mentions()
        )
        stories = frozenset(frozenset(s.article_ids) for s in store.stories())
        return articles, frozenset(entities.values()), links, stories
    finally:
        store.close()


def run(db: Path) -> None:
    store = open_store(db)
    try:
        ingest(INPUTS, store=store)
    finally:
        store.close()


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Snapshot:
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    run(db)
    return snapshot(db)


@pytest.mark.slow
@pytest.mark.parametrize("point", POINTS)
def test_a_run_killed_at_each_point_is_finished_by_the_next(
    tmp_path: Path, clean: Snapshot, point: str
) -> None:
    db = tmp_path / "killed.db"
    child = subprocess.run(
        [sys.executable, "-c", _CHILD, str(db), *INPUTS],
        env={**os.environ, ENV: point},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr[-2000:]
    run(db)  # the normal rerun
    got = snapshot(db)
    assert got[0] == clean[0]  # articles
    assert got[1] == clean[1]  # entities
    assert got[2] == clean[2]  # every mention linked as in the clean run
    assert got[3] == clean[3]  # stories
    assert len(clean[3]) == 2 and len(clean[2]) > 20  # the comparison has something in it
