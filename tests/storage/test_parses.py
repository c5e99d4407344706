"""Stored parses: the spaCy doc of a body kept beside its annotations, on both backends."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
import sqlalchemy as sa

from storyweave.errors import StorageError
from storyweave.model import AnnotatedArticle
from storyweave.nlp.models import load_nlp, parse_model
from storyweave.nlp.stored import decode_parse, encode_parse, stored_parse
from storyweave.pipeline import Pipeline
from storyweave.storage import SQLStore, open_store
from storyweave.storage import schema as t
from tests.conftest import make_article

TEXT = (
    "North Korean leader Kim Jong-un met Russian President Vladimir Putin at the Vostochny "
    "Cosmodrome on Wednesday, the Kremlin said. “We will help them build satellites,” Putin "
    "told reporters, adding that Russia saw “no problem” with the deal.\n"
    "According to TASS"
)


def _parsed() -> AnnotatedArticle:
    """The seed text run through the pipeline (its body ends before the credit line)."""
    art = make_article(TEXT, body_end=TEXT.index("\nAccording"))
    (item,) = Pipeline().run([art]).articles
    assert item.doc is not None
    return item


def _layers(doc: Any) -> list[Any]:
    """What the claims step reads of a parse, token by token, with entities and sentences."""
    tokens = [
        (t.idx, t.text, t.whitespace_, t.lemma_, t.tag_, t.pos_, t.dep_, t.head.i, t.norm_,
         str(t.morph), t.ent_iob_, t.ent_type_, t.is_sent_start)
        for t in doc
    ]  # fmt: skip
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    sents = [(s.start_char, s.end_char) for s in doc.sents]
    return [doc.text, tokens, ents, sents]


def test_a_stored_parse_reads_back_as_a_fresh_parse(store: SQLStore) -> None:
    item = _parsed()
    store.add_article(item.article)
    store.save_annotations(item, {"ner": "1"}, parse=stored_parse(item.doc))
    (parse,) = store.parses([item.article.id]).values()
    assert parse.model == parse_model()
    back = decode_parse(item.article.id, parse.data, load_nlp().vocab)
    fresh = load_nlp()(item.article.body)
    assert back.text == item.article.body
    assert _layers(back) == _layers(fresh)
    assert len(back.ents) > 0 and any(t.dep_ == "ROOT" for t in back)


def test_reannotating_replaces_the_parse_and_one_without_a_doc_removes_it(
    store: SQLStore,
) -> None:
    item = _parsed()
    aid = item.article.id
    store.add_article(item.article)
    store.save_annotations(item, {}, parse=stored_parse(item.doc))
    with store.engine.begin() as conn:
        conn.execute(sa.update(t.parses).values(model="old-model", data=b"old"))
    store.save_annotations(item, {}, parse=stored_parse(item.doc))
    (parse,) = store.parses([aid]).values()
    assert (parse.model, parse.data) == (parse_model(), encode_parse(item.doc))
    store.save_annotations(dataclasses.replace(item, doc=None), {})  # no parse given
    assert store.parses([aid]) == {}


def test_a_doc_from_another_pipeline_is_not_stored_under_this_models_name(
    store: SQLStore,
) -> None:
    import spacy

    item = _parsed()
    blank = spacy.blank("en")(item.article.body)
    assert stored_parse(blank) is None and stored_parse(None) is None
    store.add_article(item.article)
    store.save_annotations(dataclasses.replace(item, doc=blank), {}, parse=stored_parse(blank))
    assert store.parses([item.article.id]) == {}


def test_parses_are_read_for_the_asked_articles_only(store: SQLStore) -> None:
    item = _parsed()
    other = make_article("An unrelated article about the weather in Lisbon on Monday.")
    store.add_article(item.article)
    store.add_article(other)
    store.save_annotations(item, {}, parse=stored_parse(item.doc))
    assert list(store.parses([item.article.id, other.id])) == [item.article.id]
    assert store.parses([other.id]) == {}
    assert store.parses([]) == {}


@pytest.mark.parametrize("data", [b"", b"not a docbin", b"\x78\x9c\x00garbage"])
def test_unreadable_bytes_are_a_designed_error(data: bytes) -> None:
    with pytest.raises(StorageError, match="E306"):
        decode_parse("a-1", data, load_nlp().vocab)


def test_a_store_at_0003_gets_the_parses_table(backend_url: str) -> None:
    store = open_store(backend_url)
    with store.engine.begin() as conn:  # make it look like a store written before 0004
        conn.execute(sa.text("DROP TABLE parses"))
        conn.execute(
            sa.delete(t.schema_migrations).where(t.schema_migrations.c.name == "0004_parses")
        )
    assert "parses" not in sa.inspect(store.engine).get_table_names()
    store.close()
    store = open_store(backend_url)
    assert "parses" in sa.inspect(store.engine).get_table_names()
    with store.engine.connect() as conn:
        names = {r[0] for r in conn.execute(sa.select(t.schema_migrations.c.name))}
    assert "0004_parses" in names
    item = _parsed()
    store.add_article(item.article)
    store.save_annotations(item, {}, parse=stored_parse(item.doc))
    assert list(store.parses([item.article.id])) == [item.article.id]
    store.close()
