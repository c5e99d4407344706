"""Which events were still to come when reported: what an announcement announces, not the
phrases about the announcement itself."""

from __future__ import annotations

import pytest

from storyweave.nlp.models import load_nlp
from storyweave.timeline.predicates import planned


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The ferry company announced plans for a new crossing in April.", "crossing", True),
        ("The minister announced a visit to Tallinn in May.", "visit", True),
        ("The club intends to sign two players in January.", "sign", True),
        ("In a development on Tuesday, the coast guard said the tanker sank.", "development",
         False),
        ("After a meeting on Friday, the union said the strike was over.", "meeting", False),
        ("The airline said on Monday that the flights resumed.", "resumed", False),
    ],
)  # fmt: skip
def test_planned_is_what_is_announced(text: str, word: str, expected: bool) -> None:
    doc = load_nlp()(text)
    (tok,) = [t for t in doc if t.text == word]
    assert planned(tok) is expected
