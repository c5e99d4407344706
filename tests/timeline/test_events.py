"""One entry per dated event: stated, derived and published dates, announcements apart from
what they announce, the finer date of an event winning, pronoun subjects (issue 18)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from storyweave.model import AnnotatedArticle, Mention, Span
from storyweave.timeline import TimelineEntry, build_timeline

from .annotate import annotate

PUBLISHED = dt.date(2022, 11, 18)  # a Friday
TEXTS = {
    "stated": "The bakery cooperative opened its second shop in Lyon on 4 March 2021.",
    "relative": (
        "Storms battered the coast overnight. The ferry operator suspended crossings on Tuesday."
    ),
    "then": "The inspectors examined the dam on 9 October 2022 and then filed a critical report.",
    "published": (
        "The regional parliament has approved a ban on single-use plastics. "
        "Retailers say the rules are vague. Several towns have adopted similar bans."
    ),
    "announce": (
        "On 3 February 2024, the carmaker announced plans to open a battery plant in June 2025."
    ),
    "finer": (
        "Last year the city orchestra toured Asia twice. "
        "The orchestra's first Asian tour in April 2021 ended in Seoul."
    ),
    "pronoun": (
        "Maria Lopez chaired the water board for a decade. "
        "She resigned from the board on 12 August 2021."
    ),
}


@pytest.fixture(scope="module")
def items() -> dict[str, AnnotatedArticle]:
    return annotate(TEXTS, PUBLISHED, dates={"finer": dt.date(2022, 1, 5)})


def _one(entries: list[TimelineEntry], word: str) -> TimelineEntry:
    (entry,) = [e for e in entries if word in e.text]
    return entry


def test_a_stated_date_on_the_events_own_verb(items: dict[str, AnnotatedArticle]) -> None:
    item = items["stated"]
    entry = _one(build_timeline([item]), "opened")
    assert (entry.date, entry.precision, entry.date_source) == ("2021-03-04", "day", "stated")
    assert "4 March" not in entry.text and "cooperative" in entry.text
    (head,) = entry.heads
    assert head.span.text_in(item.article.text) == "opened"


def test_a_weekday_is_derived_from_the_publication_date(
    items: dict[str, AnnotatedArticle],
) -> None:
    entry = _one(build_timeline([items["relative"]]), "suspended")
    assert (entry.date, entry.date_source) == ("2022-11-15", "derived")


def test_a_conjunct_that_comes_next_takes_the_first_ones_date(
    items: dict[str, AnnotatedArticle],
) -> None:
    entries = build_timeline([items["then"]])
    filed = _one(entries, "filed")
    assert (filed.date, filed.date_source) == ("2022-10-09", "derived")
    examined = _one(entries, "examined")
    assert examined.date_source == "stated" and "filed" not in examined.text


def test_only_the_leads_present_perfect_takes_the_publication_date(
    items: dict[str, AnnotatedArticle],
) -> None:
    entries = build_timeline([items["published"]])
    approved = _one(entries, "approved")
    assert (approved.date, approved.date_source) == ("2022-11-18", "published")
    assert not [e for e in entries if "adopted" in e.text or "vague" in e.text]


def test_an_announcement_is_dated_when_made_and_its_plan_when_planned(
    items: dict[str, AnnotatedArticle],
) -> None:
    entries = build_timeline([items["announce"]])
    dates = {(e.date, e.planned) for e in entries}
    assert ("2024-02-03", False) in dates
    assert ("2025-06", True) in dates
    assert all(e.date != "2025-06" or "June" not in e.text for e in entries)


def test_the_finer_date_of_one_event_wins(items: dict[str, AnnotatedArticle]) -> None:
    dates = [e.date for e in build_timeline([items["finer"]])]
    assert "2021-04" in dates and "2021" not in dates


def test_an_unlinked_pronoun_subject_leaves_the_event_out(
    items: dict[str, AnnotatedArticle],
) -> None:
    assert not [e for e in build_timeline([items["pronoun"]]) if "resigned" in e.text]


def test_a_linked_pronoun_subject_is_written_with_the_entitys_name(
    items: dict[str, AnnotatedArticle],
) -> None:
    item = items["pronoun"]
    text = item.article.text
    name, she = text.index("Maria Lopez"), text.index("She")
    linked = dataclasses.replace(
        item,
        mentions=(
            Mention(Span(name, name + len("Maria Lopez")), "PERSON", "p1"),
            Mention(Span(she, she + 3), "PERSON", "p1"),
        ),
    )
    entry = _one(build_timeline([linked]), "resigned")
    assert entry.text.startswith("Maria Lopez resigned") and entry.date == "2021-08-12"
    quoted = {c.span.text_in(text) for c in entry.evidence}
    assert "Maria Lopez" in quoted


def test_an_entry_names_the_claim_whose_evidence_overlaps_it(
    items: dict[str, AnnotatedArticle],
) -> None:
    item = items["stated"]
    start = item.article.text.index("opened")
    claims = [
        {"id": "c9", "status": "single_source", "evidence": [
            {"article": "stated", "start": start, "end": start + 20}
        ]},
        {"id": "c2", "status": "corroborated", "evidence": [
            {"article": "other", "start": start, "end": start + 20}
        ]},
    ]  # fmt: skip
    entry = _one(build_timeline([item], claims=claims), "opened")
    assert (entry.claim, entry.status) == ("c9", "single_source")
    row = entry.to_json({"stated": item.article.text})
    assert row["claim"] == "c9" and row["date_source"] == "stated"
