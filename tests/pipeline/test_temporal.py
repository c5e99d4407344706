"""The ``timexes`` stage."""

from __future__ import annotations

import datetime as dt

from storyweave.model import AnnotatedArticle, Article
from storyweave.pipeline.registry import get_stage
from storyweave.pipeline.temporal import timexes

TEXT = (
    "On September 13, Putin and Kim met. A day earlier, Putin spoke. "
    "According to Tin Tuc newspaper on Friday"
)
BODY_END = TEXT.index("According to Tin Tuc")


def _article(published: dt.date | None, text: str = TEXT) -> Article:
    return Article(id="a1", text=text, ref="a.txt", published=published, body_end=BODY_END)


def test_registered_with_its_contract() -> None:
    st = get_stage("timexes")
    assert st.requires == {"sentences", "doc"}
    assert st.produces == {"timexes"}


def test_stage_anchors_to_publication_date_and_skips_credit_line() -> None:
    out = timexes(AnnotatedArticle(article=_article(dt.date(2023, 9, 13))))
    found = out["timexes"]
    assert [(TEXT[t.span.start : t.span.end], t.value) for t in found] == [
        ("September 13", "2023-09-13"),
        ("A day earlier", "2023-09-12"),
    ]
    assert all(t.span.end <= BODY_END for t in found)


def test_stage_without_date_leaves_relative_values_unanchored() -> None:
    found = timexes(AnnotatedArticle(article=_article(None)))["timexes"]
    assert [(t.value, t.anchored) for t in found] == [("XXXX-09-13", False), ("XXXX-09-12", False)]


def test_stage_falls_back_to_a_dateline_with_a_year() -> None:
    text = "WASHINGTON, Sept. 13, 2023 (AP) _ A day earlier, Putin spoke. " + TEXT[BODY_END:]
    article = Article(id="a2", text=text, ref="b.txt", body_end=text.index("According"))
    found = timexes(AnnotatedArticle(article=article))["timexes"]
    values = [t.value for t in found]
    assert values == ["2023-09-13", "2023-09-12"]
