from __future__ import annotations

import datetime as dt

import pytest

from storyweave.model import AnnotatedArticle, Article, Mention, Sentence, Span, Timex
from storyweave.storage import SQLStore
from storyweave.timeline import build_timeline
from tests.brief.story import ingest_story


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> list[AnnotatedArticle]:
    from storyweave.storage import open_store

    store: SQLStore = open_store(":memory:")
    items, _ = ingest_story(store, tmp_path_factory.mktemp("story"))
    store.close()
    return items


@pytest.mark.issue(8)
def test_story_timeline_is_in_event_time_order(story: list[AnnotatedArticle]) -> None:
    entries = build_timeline(story)
    got = [(e.date, e.text) for e in entries]
    assert [d for d, _ in got] == [
        "2023-05", "2023-07", "2023-08", "2023-09-12", "2023-09-13", "2023-10",
    ]  # fmt: skip
    texts = dict(got)
    assert texts["2023-05"] == "Its first launch ended with the rocket falling into the sea."
    assert texts["2023-07"] == "Defence Minister Sergei Shoigu travelled to Pyongyang."
    assert texts["2023-08"] == "The second launch broke up in its third stage."
    assert "announced plans to host" in texts["2023-09-12"]
    assert "met at the Vostochny Cosmodrome" in texts["2023-09-13"]
    assert texts["2023-10"] == "The space agency of North Korea said it would try again."


def test_same_event_from_two_articles_merges_with_both_as_evidence(
    story: list[AnnotatedArticle],
) -> None:
    (meeting,) = [e for e in build_timeline(story) if e.date == "2023-09-13"]
    assert len(meeting.articles) == 2
    texts = {i.article.id: i.article.text for i in story}
    for cite in meeting.evidence:
        quoted = cite.span.text_in(texts[cite.article])
        assert "Vostochny Cosmodrome" in quoted


def test_entries_keep_their_precision_and_evidence_in_the_articles(
    story: list[AnnotatedArticle],
) -> None:
    texts = {i.article.id: i.article.text for i in story}
    for entry in build_timeline(story):
        row = entry.to_json(texts)
        assert row["date"] == entry.date and len(row["date"]) in (7, 10)  # a month stays a month
        for ev in row["evidence"]:
            assert texts[ev["article"]][ev["start"] : ev["end"]] == ev["text"]
        words = {w.strip(".,“”").lower() for w in entry.text.split()}
        quoted = " ".join(ev["text"] for ev in row["evidence"]).lower()
        assert all(w in quoted for w in words), entry.text


def _item(
    text: str, timexes: list[tuple[str, str, str]], published: bool = True
) -> AnnotatedArticle:
    article = Article(id="x", text=text, ref="x", published=dt.date(2023, 9, 13))
    found = []
    for surface, ttype, value in timexes:
        start = text.index(surface)
        found.append(Timex(Span(start, start + len(surface)), ttype, value))  # type: ignore[arg-type]
    return AnnotatedArticle(
        article=article, sentences=(Sentence(Span(0, len(text)), 0),), timexes=tuple(found)
    )


@pytest.mark.parametrize(
    ("text", "timex"),
    [
        ("Recently, the talks resumed in the capital.", ("Recently", "DATE", "PAST_REF")),
        ("The talks now resume in the capital.", ("now", "DATE", "PRESENT_REF")),
        ("The talks lasted for three days in the capital.", ("three days", "DURATION", "P3D")),
        ("The talks resume every week in the capital.", ("every week", "SET", "P1W")),
        ("The talks resumed on Monday in the capital.", ("Monday", "DATE", "XXXX-WXX-1")),
    ],
)
def test_vague_values_durations_and_sets_give_no_entry(
    text: str, timex: tuple[str, str, str]
) -> None:
    assert build_timeline([_item(text, [timex])]) == []


def test_unanchored_value_gives_no_entry() -> None:
    item = _item("The talks resumed on Monday in the capital.", [("Monday", "DATE", "2023-09-11")])
    item.timexes = (Timex(item.timexes[0].span, "DATE", "2023-09-11", anchored=False),)
    assert build_timeline([item]) == []


def test_different_events_on_one_day_stay_apart() -> None:
    text = "On May 2, the river flooded the valley. On May 2, a court in Paris jailed two bankers."
    item = _item(text, [("May 2", "DATE", "2023-05-02")])
    second = text.index("May 2", 10)
    item.timexes += (Timex(Span(second, second + 5), "DATE", "2023-05-02"),)
    item.sentences = (Sentence(Span(0, 39), 0), Sentence(Span(40, len(text)), 1))
    other = _item(text, [])
    other.article = Article(id="y", text=text, ref="y", published=dt.date(2023, 9, 13))
    other.timexes, other.sentences = item.timexes, item.sentences
    item.mentions = other.mentions = (
        Mention(Span(text.index("Paris"), text.index("Paris") + 5), "GPE", "e1"),
    )
    entries = build_timeline([item, other])
    # each article's two events stay two; the same event across the articles merges
    assert [len(e.articles) for e in entries] == [2, 2]
    assert entries[0].text == "The river flooded the valley."
