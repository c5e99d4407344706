from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from storyweave import dedup
from storyweave.errors import MigrationError, NotFound, StorageError
from storyweave.model import (
    AnnotatedArticle,
    Attribution,
    Entity,
    Failure,
    Mention,
    Sentence,
    Span,
    Story,
    Timex,
)
from storyweave.storage import SQLStore, open_store
from storyweave.storage import schema as t
from storyweave.storage.migrations import MIGRATIONS
from tests.conftest import make_article

TEXT = (
    "North Korean leader Kim Jong-un met Russian President Vladimir Putin at the Vostochny "
    "Cosmodrome on Wednesday, the Kremlin said, after weeks of speculation about the visit."
)


def test_ingesting_twice_is_a_no_op(store: SQLStore) -> None:
    art = make_article(TEXT)
    assert store.add_article(art).new
    again = store.add_article(art)
    assert not again.new and again.duplicate is None
    assert store.count_articles() == 1


def test_exact_copy_from_another_outlet_is_recorded(store: SQLStore) -> None:
    first = make_article(TEXT, outlet="AP")
    copy = make_article(TEXT.replace("  ", " "), outlet="Daily Planet")
    store.add_article(first)
    res = store.add_article(copy)
    assert res.new and res.duplicate is not None
    assert (res.duplicate.original, res.duplicate.kind) == (first.id, "exact")
    assert store.count_articles() == 2  # recorded, never dropped
    assert [d.article for d in store.duplicates()] == [copy.id]


def test_near_copy_is_recorded_and_unrelated_text_is_not(store: SQLStore) -> None:
    first = make_article(TEXT * 3, outlet="AP")
    edited = make_article((TEXT * 3).replace("Wednesday", "Thursday"), outlet="Times")
    other = make_article("Tara Reid checked herself into Promises Treatment Center, her rep said.")
    store.add_article(first)
    near = store.add_article(edited).duplicate
    assert near is not None and near.kind == "near" and near.original == first.id
    assert 0.8 <= near.similarity < 1.0
    assert store.add_article(other).duplicate is None


def test_a_failed_write_leaves_nothing_behind(
    store: SQLStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    art = make_article(TEXT)

    def broken_bands(self: dedup.Signature) -> list[tuple[int, str]]:
        return [(0, "x" * 400)] * 2 + [(None, "y")]  # type: ignore[list-item]  # NOT NULL violation

    monkeypatch.setattr(dedup.Signature, "bands", broken_bands)
    with pytest.raises(StorageError):
        store.add_article(art)
    with store.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(t.articles)).scalar() == 0
        assert conn.execute(sa.select(sa.func.count()).select_from(t.minhashes)).scalar() == 0


def _annotated(art_text: str) -> AnnotatedArticle:
    art = make_article(art_text, published=dt.date(2023, 9, 13))
    return AnnotatedArticle(
        article=art,
        language="en",
        sentences=(Sentence(Span(0, 10), 0), Sentence(Span(11, 20), 1)),
        mentions=(Mention(Span(20, 31), "PERSON"),),
        timexes=(Timex(Span(0, 5), "DATE", "2023-09-13", "published", True, None),),
        attributions=(
            Attribution("direct", Span(1, 9), Span(10, 14), Span(20, 31), None, ("TASS", "Peskov")),
        ),
        layers={"text", "language", "sentences", "mentions", "timexes", "attributions"},
    )


def test_annotations_round_trip_and_replace(store: SQLStore) -> None:
    item = _annotated(TEXT)
    store.add_article(item.article)
    store.save_annotations(item, {"language": "1", "sentences": "1"})
    back = store.annotated(item.article.id)
    assert back.article == item.article.__class__(**{**_fields(item.article), "language": "en"})
    for layer in ("sentences", "mentions", "timexes", "attributions"):
        assert getattr(back, layer) == getattr(item, layer), layer
    assert store.stages_done(item.article.id) == {"language": "1", "sentences": "1"}
    item.sentences = ()
    store.save_annotations(item, {"language": "2"})
    assert store.annotated(item.article.id).sentences == ()
    assert store.stages_done(item.article.id)["language"] == "2"


def _fields(a: object) -> dict[str, object]:
    import dataclasses

    return {f.name: getattr(a, f.name) for f in dataclasses.fields(a)}  # type: ignore[arg-type]


def test_entities_and_stories(store: SQLStore) -> None:
    item = _annotated(TEXT)
    store.add_article(item.article)
    store.save_annotations(item, {})
    store.save_entities(
        [Entity("e-1", "Kim Jong-un", "PERSON", ("Kim Jong-un",))],
        {(item.article.id, 20, 31): "e-1"},
    )
    store.save_entities([Entity("e-1", "Kim Jong-un", "PERSON", ("Kim Jong Un",))], {})
    (ent,) = store.entities()
    assert ent.aliases == ("Kim Jong Un", "Kim Jong-un")
    assert store.annotated(item.article.id).mentions[0].entity_id == "e-1"
    store.save_story(Story("s-1", "Summit", (item.article.id,)), method="test")
    (story,) = store.stories()
    assert story.article_ids == (item.article.id,) and story.first_seen == dt.date(2023, 9, 13)
    store.save_story(Story("s-2", "Summit again", (item.article.id,)), method="test")
    assert [s.id for s in store.stories()] == ["s-2"]  # the emptied story is gone
    with pytest.raises(NotFound):
        store.story("s-1")


def test_failures_are_kept(store: SQLStore) -> None:
    store.save_failures([Failure(stage="ingest", error="[E102] x: empty", ref="x", code="E102")])
    (f,) = store.failures()
    assert f.code == "E102" and f.ref == "x"


def test_migrations_are_recorded_and_newer_stores_refused(backend_url: str) -> None:
    path = backend_url
    open_store(path).close()
    store = open_store(path)  # reopening applies nothing new
    with store.engine.begin() as conn:
        names = [r[0] for r in conn.execute(sa.select(t.schema_migrations.c.name))]
        assert names == [m.name for m in MIGRATIONS]
        conn.execute(sa.insert(t.schema_migrations).values(name="9999_future", applied_at="x"))
    store.close()
    with pytest.raises(MigrationError, match="newer"):
        open_store(path)


def test_bad_store_url() -> None:
    with pytest.raises(StorageError, match="E305"):
        open_store("mysql://nope")


def test_an_older_store_is_brought_up_to_date(backend_url: str) -> None:
    store = open_store(backend_url)
    with store.engine.begin() as conn:  # make it look like a store written before 0002
        conn.execute(sa.text("ALTER TABLE entities DROP COLUMN roles"))
        conn.execute(sa.text("ALTER TABLE entities DROP COLUMN news_source"))
        conn.execute(
            sa.delete(t.schema_migrations).where(t.schema_migrations.c.name == "0002_entity_roles")
        )
    store.close()
    store = open_store(backend_url)
    store.save_entities([Entity("e-1", "TASS", "ORG", roles=("agency",), news_source=True)], {})
    (ent,) = store.entities()
    assert ent.roles == ("agency",) and ent.news_source
    store.close()


def test_role_descriptions_become_mentions(store: SQLStore) -> None:
    item = _annotated(TEXT)
    store.add_article(item.article)
    store.save_annotations(item, {})
    store.save_entities(
        [Entity("e-9", "Vladimir Putin", "PERSON")], {(item.article.id, 40, 58): "e-9"}
    )
    added = [m for m in store.annotated(item.article.id).mentions if m.label == "ROLE"]
    assert [(m.span, m.entity_id) for m in added] == [(Span(40, 58), "e-9")]
