"""Story analyses are computed once, when a story changes, and every read reads their rows."""

from __future__ import annotations

import dataclasses
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from storyweave.analysis import ingest
from storyweave.catalogue import Catalogue
from storyweave.hashing import members_digest
from storyweave.model import ANALYSIS_VERSION
from storyweave.report import analyse, build_report
from storyweave.storage import SQLStore, open_store, totals
from storyweave.storage import schema as t
from storyweave.storage.clusters import write_story
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def analysed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("analyses") / "store.db"
    with open_store(path) as store:
        ingest(sorted(EXAMPLES.glob("*.jsonl")), store=store)
    return path


@pytest.fixture
def store(analysed_db: Path, tmp_path: Path) -> Iterator[SQLStore]:
    target = tmp_path / "copy.db"
    shutil.copy(analysed_db, target)
    with open_store(target) as s:
        yield s


class _Calls:
    """Counts the stories analysed (a wrapper around the real function)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.stories: list[str] = []
        real = analyse.compute_analysis

        def counted(story: Any, *args: Any, **kwargs: Any) -> Any:
            self.stories.append(story.id)
            return real(story, *args, **kwargs)

        monkeypatch.setattr(analyse, "compute_analysis", counted)


def _all_ids(store: SQLStore) -> list[str]:
    return [a.id for a in store.articles()]


def test_ingest_stores_a_current_analysis_of_every_story(store: SQLStore) -> None:
    stories = store.stories()
    assert len(stories) == 3
    assert store.analyses.stale(ANALYSIS_VERSION) == []
    for s in stories:
        found = store.analyses.get(s.id)
        assert found is not None
        assert found.members == members_digest(s.article_ids)
        assert set(found.article_ids) == set(s.article_ids)
        assert found.claims and found.timeline and found.brief["markdown"]
        evidence = sum(len(c["evidence"]) for c in found.claims)
        with store.engine.connect() as conn:
            rows = conn.execute(
                sa.select(sa.func.count())
                .select_from(t.claim_evidence)
                .where(t.claim_evidence.c.story_id == s.id)
            ).scalar_one()
        assert rows == evidence


def test_reads_analyse_nothing_when_every_story_is_current(
    store: SQLStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _Calls(monkeypatch)
    report = build_report(store, _all_ids(store))
    cat = Catalogue(store)
    claims = cat.claims()
    cat.story_summaries("disputed")
    cat.timeline()
    cat.quotes()
    assert calls.stories == []
    assert claims.total == sum(len(s["claims"]) for s in report["stories"])


def test_a_stale_story_is_analysed_again_once(
    store: SQLStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run killed between forming stories and analysing them leaves them without a
    revision; the next ingest of the same input (or the first read) computes them."""
    before = build_report(store, _all_ids(store))
    gone = store.stories()[0].id
    _killed_before_analysis(store, gone)
    assert not store.analyses.current(ANALYSIS_VERSION)
    assert store.analyses.stale(ANALYSIS_VERSION) == [gone]
    calls = _Calls(monkeypatch)
    ingest(sorted(EXAMPLES.glob("*.jsonl")), store=store)
    assert calls.stories == [gone]
    assert store.analyses.stale(ANALYSIS_VERSION) == []
    assert build_report(store, _all_ids(store)) == before
    Catalogue(store).story_summaries()
    assert calls.stories == [gone]


def test_another_analysis_version_is_stale(store: SQLStore) -> None:
    with store.engine.begin() as conn:
        conn.execute(sa.update(t.story_revisions).values(version="story-analysis/0"))
    assert len(store.analyses.stale(ANALYSIS_VERSION)) == 3
    listed = Catalogue(store).story_summaries()
    assert listed.total == 3
    assert store.analyses.stale(ANALYSIS_VERSION) == []


def test_an_analysis_of_an_old_membership_is_not_written(store: SQLStore) -> None:
    story = store.stories()[0]
    stored = store.analyses.get(story.id)
    assert stored is not None
    older = dataclasses.replace(
        stored, members=members_digest(story.article_ids[1:]), claims=(), timeline=()
    )
    assert not store.analyses.save(older)
    kept = store.analyses.get(story.id)
    assert kept is not None and kept.claims == stored.claims


def _killed_before_analysis(store: SQLStore, story_id: str) -> None:
    """What a run killed between writing a story and analysing it leaves: the story marked
    stale (as write_story marks it) and no revision (as a story new in that run has)."""
    with store.engine.begin() as conn:
        totals.add(conn, totals.change({}, totals.of_stories(conn, [story_id])))
        for table in t.ANALYSIS_TABLES:
            conn.execute(sa.delete(table).where(table.c.story_id == story_id))
        conn.execute(sa.insert(t.stale_stories).values(story_id=story_id))


def test_a_marked_story_that_is_current_loses_its_mark(store: SQLStore) -> None:
    """write_story marks a story it rewrites even when its members stay: the digest decides."""
    story = store.stories()[0]
    with store.engine.begin() as conn:
        write_story(conn, story, method="test")
    assert not store.analyses.current(ANALYSIS_VERSION)
    assert store.analyses.stale(ANALYSIS_VERSION) == []
    assert store.analyses.current(ANALYSIS_VERSION)


def test_kept_totals_equal_a_recount_after_changes(store: SQLStore) -> None:
    def kept() -> dict[str, dict[str, int]]:
        with store.engine.connect() as conn:
            return {name: totals.read(conn, name) for name in totals.LISTS}

    first, second = store.stories()[:2]
    with store.engine.begin() as conn:  # a merge: the second story takes the first's articles
        merged = dataclasses.replace(second, article_ids=(*second.article_ids, *first.article_ids))
        write_story(conn, merged, method="test")
    from storyweave.report import refresh_analyses

    refresh_analyses(store)
    assert store.analyses.current(ANALYSIS_VERSION)
    after = kept()
    with store.engine.begin() as conn:
        totals.recount(conn)
    assert kept() == after
    assert after["stories"] == {"": 2}
    assert Catalogue(store).claims().total == len(Catalogue(store).claims().items)


def test_rows_of_a_story_that_is_gone_are_purged(store: SQLStore) -> None:
    story, other = store.stories()[:2]
    with store.engine.begin() as conn:  # the other story takes every article of this one
        merged = dataclasses.replace(other, article_ids=(*other.article_ids, *story.article_ids))
        write_story(conn, merged, method="test")
    assert store.analyses.purge() == 1
    assert store.analyses.get(story.id) is None
    for table in t.ANALYSIS_TABLES:
        with store.engine.connect() as conn:
            left = conn.execute(
                sa.select(sa.func.count()).select_from(table).where(table.c.story_id == story.id)
            ).scalar_one()
        assert left == 0, table.name


def test_lists_page_in_the_database_and_agree_with_the_report(store: SQLStore) -> None:
    report = build_report(store, _all_ids(store))
    cat = Catalogue(store)
    everything = cat.claims().items
    assert [c["id"] for c in everything] == [
        c["id"] for s in sorted(report["stories"], key=lambda s: s["id"]) for c in s["claims"]
    ]
    pages = [cat.claims(limit=7, offset=o).items for o in range(0, len(everything), 7)]
    assert [c["id"] for p in pages for c in p] == [c["id"] for c in everything]
    for status in ("corroborated", "single_source", "conflicting", "updated"):
        want = [c["id"] for c in everything if c["status"] == status]
        got = cat.claims(status=status)
        assert got.total == len(want) and [c["id"] for c in got.items] == want
    stories = cat.story_summaries("largest")
    sizes = [s["articles"] for s in stories.items]
    assert sizes == sorted(sizes, reverse=True) and stories.total == 3
    disputed = cat.story_summaries("disputed").items
    conflicts = [s["claims"]["conflicting"] for s in disputed]
    assert conflicts == sorted(conflicts, reverse=True)
    first = cat.story_summaries(limit=1, offset=1)
    assert first.total == 3 and len(first.items) == 1
    assert first.items[0]["id"] == cat.story_summaries().items[1]["id"]


def test_entity_counts_match_the_mentions(store: SQLStore) -> None:
    rows = store.entity_mentions()
    mentions = Counter(r[0] for r in rows)
    articles = {e: {r[1] for r in rows if r[0] == e} for e in mentions}
    story_of = {a: s.id for s in store.stories() for a in s.article_ids}
    listed = Catalogue(store).entity_summaries()
    assert listed.total == len(mentions)
    counts = [e["mentions"] for e in listed.items]
    assert counts == sorted(counts, reverse=True)
    for e in listed.items:
        assert e["mentions"] == mentions[e["id"]]
        assert e["articles"] == len(articles[e["id"]])
        assert e["stories"] == len({story_of[a] for a in articles[e["id"]]})
    people = Catalogue(store).entity_summaries(etype="PERSON").items
    assert people and all(e["type"] == "PERSON" for e in people)
    lohan = Catalogue(store).entity_summaries(query="lohan").items
    assert lohan and all(
        any("lohan" in n.casefold() for n in (e["name"], *e["aliases"])) for e in lohan
    )


def test_the_store_revision_follows_every_kind_of_write(store: SQLStore) -> None:
    """Readers cache on ``revision()``: a new analysis, a failure, a new article and a change of
    membership change it."""
    from storyweave.model import Failure

    seen = {store.revision()}
    story = store.stories()[0]
    stored = store.analyses.get(story.id)
    assert stored is not None and store.analyses.save(stored)
    seen.add(store.revision())
    store.save_failures([Failure(stage="ingest", error="unreadable", ref="x.txt", code="E101")])
    seen.add(store.revision())
    from tests.conftest import make_article

    store.add_article(make_article("A ferry ran aground off Skye on Sunday, the coastguard said."))
    seen.add(store.revision())
    first, second = store.stories()[:2]
    with store.engine.begin() as conn:  # a merge, not yet analysed: its marks are seen
        merged = dataclasses.replace(second, article_ids=(*second.article_ids, *first.article_ids))
        write_story(conn, merged, method="test")
    seen.add(store.revision())
    assert len(seen) == 5
    assert Catalogue(store).story_summaries().total == 2  # the next reader analyses the merge
