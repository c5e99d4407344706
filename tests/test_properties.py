"""Invariants checked on generated input: spans stay inside their text; the store round-trips."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyweave.ingest import build_article, find_credit
from storyweave.ingest.draft import Draft
from storyweave.model import AnnotatedArticle, Mention, Sentence, Span
from storyweave.pipeline.language import split_sentences
from storyweave.storage import open_store

words = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
    | st.sampled_from(' \n.”“"?!'),
    min_size=1,
    max_size=300,
)


@given(words)
@settings(max_examples=150, deadline=None)
def test_sentence_spans_lie_inside_the_text(text: str) -> None:
    prev_end = 0
    for span in split_sentences(text):
        assert 0 <= span.start < span.end <= len(text)
        assert span.start >= prev_end  # in order, never overlapping
        assert text[span.start : span.end].strip() == text[span.start : span.end]
        prev_end = span.end


@given(words, words)
@settings(max_examples=100, deadline=None)
def test_credit_line_span_is_the_last_line(body: str, tail: str) -> None:
    text = body + "\nAccording to " + tail
    credit = find_credit(text)
    if credit is not None:
        assert 0 < credit.start <= len(text)
        assert text[credit.start :].strip() == credit.line


@st.composite
def annotated_articles(draw: st.DrawFn) -> AnnotatedArticle:
    text = draw(words.filter(lambda s: s.strip() != ""))
    draft = Draft(
        text=text,
        ref=draw(st.text(min_size=1, max_size=20)),
        title=draw(st.none() | st.text(min_size=1, max_size=30).filter(str.strip)),
        outlet=draw(st.none() | st.text(min_size=1, max_size=30).filter(str.strip)),
        published=draw(st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1))),
    )
    article = build_article(draft)
    n = len(article.text)
    spans = draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)), max_size=5))
    spans = [Span(min(a, b), max(a, b)) for a, b in spans]
    return AnnotatedArticle(
        article=article,
        language="en",
        sentences=tuple(Sentence(s, i) for i, s in enumerate(spans)),
        mentions=tuple(Mention(s, "PERSON") for s in spans),
    )


@given(annotated_articles())
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
def test_store_write_then_read_returns_the_same_data(item: AnnotatedArticle) -> None:
    store = open_store(":memory:")
    try:
        store.add_article(item.article)
        store.save_annotations(item, {"sentences": "1"})
        back = store.annotated(item.article.id)
        assert back.article.text == item.article.text
        assert back.article.published == item.article.published
        assert (back.article.title, back.article.outlet) == (
            item.article.title,
            item.article.outlet,
        )
        assert back.sentences == item.sentences and back.mentions == item.mentions
        assert all(s.within(len(back.article.text)) for s in back.spans())
    finally:
        store.close()
