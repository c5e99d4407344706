"""Full-text search: FTS5 on SQLite, LIKE elsewhere; hits carry spans, never copied text."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from storyweave.model import Span
from storyweave.storage import SQLStore, migrations, open_store
from storyweave.storage.search import (
    _like_query,
    fts_expression,
    has_fts,
    match_spans,
    query_terms,
)
from tests.conftest import make_article

KIM = "Kim Jong-un met Vladimir Putin at the Vostochny Cosmodrome on Wednesday."
LOHAN = "Lindsay Lohan entered rehab, her lawyer said; a 100% sure_thing."


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("putin", ["putin"]),
        ("Kim  Putin kim", ["Kim", "Putin"]),
        ('"; DROP TABLE articles; --', ["DROP", "TABLE", "articles"]),
        ("NEAR(a b) OR c*", ["NEAR", "a", "b", "OR", "c"]),
        ("", []),
        ("%%% ***", []),
        ("x" * 100, ["x" * 64]),
        (" ".join(f"w{i}" for i in range(20)), [f"w{i}" for i in range(8)]),
    ],
)
def test_query_terms_keep_words_only(query: str, terms: list[str]) -> None:
    assert query_terms(query) == terms


def test_fts_expression_quotes_every_term_and_prefixes_the_last() -> None:
    assert fts_expression(["Kim", "Put"]) == '"Kim" AND "Put"*'


@pytest.mark.parametrize(
    ("text", "terms", "spans"),
    [
        (KIM, ["putin"], [(25, 30)]),
        (KIM, ["vost"], [(38, 47)]),  # the last term is a prefix
        (KIM, ["vost", "kim"], [(0, 3)]),  # earlier terms are whole words
        (KIM, ["rehab"], []),
        (KIM, [], []),
    ],
)
def test_match_spans(text: str, terms: list[str], spans: list[tuple[int, int]]) -> None:
    assert [(s.start, s.end) for s in match_spans(text, terms)] == spans


@pytest.fixture
def store(tmp_path: Path) -> SQLStore:
    s = open_store(tmp_path / "s.db")
    s.add_article(make_article(KIM, title="Summit in the Far East"))
    s.add_article(make_article(LOHAN, ref="lohan.txt"))
    return s


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("putin", [KIM]),
        ("PUTIN vostochny", [KIM]),
        ("far east", [KIM]),  # the title is indexed too
        ("cosmo", [KIM]),
        ("lohan putin", []),
        ('"; DROP TABLE articles; --', []),
        ("100%", [LOHAN]),
        ("sure_thing", [LOHAN]),
        ("", []),
    ],
)
def test_search_finds_articles_with_every_word(
    store: SQLStore, query: str, found: list[str]
) -> None:
    hits = store.search(query)
    texts = [store.article(h.article_id).text for h in hits]
    assert texts == found
    for hit, text in zip(hits, texts, strict=True):
        assert all(s.end <= len(text) for s in hit.spans)
        assert hit.spans or query == "far east"  # a title-only match has no span in the text


def test_store_uses_fts5_and_the_like_fallback_agrees(store: SQLStore) -> None:
    with store.engine.connect() as conn:
        assert has_fts(conn)
        like = conn.execute(_like_query(["putin", "kim"])).all()
    assert [r.text for r in like] == [KIM]
    assert store.count_articles() == 2


def test_migration_back_fills_an_older_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
    old = open_store(path)
    old.add_article(make_article(KIM))
    with old.engine.connect() as conn:
        assert not has_fts(conn)
        assert old.search("putin")  # LIKE fallback before the migration
    old.close()
    monkeypatch.undo()
    new = open_store(path)
    assert migrations.applied(new.engine)[2:] == [m.name for m in migrations.MIGRATIONS[2:]]
    with new.engine.connect() as conn:
        assert has_fts(conn)
        count = conn.execute(sa.text("SELECT count(*) FROM articles_fts")).scalar_one()
    assert count == 1
    assert [h.spans for h in new.search("putin")] == [(Span(25, 30),)]


def test_revision_changes_with_every_write(store: SQLStore) -> None:
    before = store.revision()
    assert store.revision() == before
    store.add_article(make_article("Another article about the summit in Vladivostok."))
    assert store.revision() != before


def test_whole_words_come_first_and_the_prefix_fills_a_short_page(
    memory_store: SQLStore,
) -> None:
    for i, text in enumerate(
        [
            "The ferry operator began rehabilitation works at the harbour wall.",
            "A rehabilitation grant went to the old lighthouse keepers.",
            "The singer left rehab on Monday, her agent said.",
        ]
    ):
        memory_store.add_article(make_article(text, ref=f"r{i}.txt"))
    (only,) = memory_store.search("rehab", limit=1)  # the whole word is enough for one
    assert memory_store.article(only.article_id).text.startswith("The singer")
    assert len(memory_store.search("rehab", limit=5)) == 3  # the prefix fills the page


def test_search_ranks_the_newest_matches(
    memory_store: SQLStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyweave.storage import search

    monkeypatch.setattr(search, "SEARCH_CANDIDATES", 2)
    best = "Quarry quarry quarry: the quarry flooded."  # the best match, stored first
    memory_store.add_article(make_article(best, ref="old.txt"))
    for i in range(3):
        memory_store.add_article(make_article(f"A note on quarry safety, number {i}.", ref=f"n{i}"))
    found = [memory_store.article(h.article_id).ref for h in memory_store.search("quarry")]
    assert sorted(found) == ["n1", "n2"]  # the two newest matches, the old best left out
