from __future__ import annotations

import pytest

from storyweave.pipeline import Pipeline
from storyweave.pipeline.language import detect_language, split_sentences
from tests.conftest import make_article


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "North Korean leader Kim Jong-un met President Vladimir Putin at the cosmodrome.",
            "en",
        ),
        (
            "Le dirigeant nord-coréen Kim Jong-un a rencontré le président russe Vladimir Poutine.",
            "fr",
        ),
        (
            "Der nordkoreanische Machthaber Kim Jong-un traf Präsident Wladimir Putin.",
            "de",
        ),
    ],
)
def test_detect_language(text: str, code: str) -> None:
    assert detect_language(text)[0] == code


def test_sentences_are_spans_into_the_text() -> None:
    text = (
        "Putin said: “We will talk about all issues. There is no rush.” Kim agreed.\n"
        "Dr. An Chan-il said the U.S. was watching.  The meeting lasted 4.5 hours."
    )
    spans = split_sentences(text)
    got = [text[s.start : s.end] for s in spans]
    assert got == [
        "Putin said: “We will talk about all issues. There is no rush.”",  # the quote stays whole
        "Kim agreed.",
        "Dr. An Chan-il said the U.S. was watching.",
        "The meeting lasted 4.5 hours.",
    ]
    assert all(not g[0].isspace() and not g[-1].isspace() for g in got)


def test_pipeline_on_one_article() -> None:
    art = make_article("Vladimir Putin met Kim Jong-un in Vladivostok. TASS reported the talks.")
    (item,) = Pipeline().run([art]).articles
    assert item.language == "en"
    assert len(item.sentences) == 2
    found = {(art.text[m.span.start : m.span.end], m.type) for m in item.mentions}
    assert ("Vladimir Putin", "PERSON") in found
    assert ("TASS", "ORG") in found
    assert item.doc is not None and item.doc.text == art.body


def test_credit_line_is_not_analysed() -> None:
    text = "Kim met Putin in Russia.\nAccording to Tin Tuc newspaper"
    art = make_article(text, body_end=len("Kim met Putin in Russia."))
    (item,) = Pipeline().run([art]).articles
    assert all(m.span.end <= art.body_end for m in item.mentions)  # type: ignore[operator]
    assert all(s.span.end <= art.body_end for s in item.sentences)  # type: ignore[operator]
