"""Story titles from the headline fact, for stories whose articles have no headline."""

from __future__ import annotations

import pytest

from storyweave.brief.title import TITLE_MAX_CHARS, fact_title, shorten


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Firefighters contained the blaze at the Lisbon paper mill.",
         "Firefighters contained the blaze at the Lisbon paper mill"),
        ("On Thursday, the regional assembly approved the new water tariff.",
         "The regional assembly approved the new water tariff"),
        ("Meanwhile, divers recovered two bodies from the flooded quarry.",
         "Divers recovered two bodies from the flooded quarry"),
        ("Rossi, Bauer and Okafor signed the accord.", "Rossi, Bauer and Okafor signed the accord"),
        ("The mining company and the two unions reached a provisional agreement on wages and "
         "shift patterns at the Kiruna site in northern Sweden after nine days of talks",
         "The mining company and the two unions reached a provisional agreement on wages and "
         "shift patterns"),
    ],
)  # fmt: skip
def test_a_title_is_the_clause_without_its_frame_and_tail(text: str, title: str) -> None:
    assert shorten(text) == title
    assert len(shorten(text)) <= TITLE_MAX_CHARS


def test_the_headline_claim_titles_the_story_else_the_best_corroborated() -> None:
    claims = [
        {"id": "c1", "text": "The ferry ran aground off Hvar", "status": "corroborated",
         "independent_sources": 2},
        {"id": "c2", "text": "Forty passengers were taken ashore", "status": "corroborated",
         "independent_sources": 3},
        {"id": "c3", "text": "The captain was arrested", "status": "single_source",
         "independent_sources": 1},
    ]  # fmt: skip
    brief = {"sentences": [{"section": "headline", "claims": ["c1"], "text": "..."}]}
    assert fact_title(brief, claims) == "The ferry ran aground off Hvar"
    assert fact_title({"sentences": []}, claims) == "Forty passengers were taken ashore"
    assert fact_title({"sentences": []}, claims[2:]) is None  # single source: no title from it
