from __future__ import annotations

import pytest

from storyweave.graph.meetings import meetings
from storyweave.nlp.sentences import parse_sentence

NAMES = {
    "Kim": ("kim", "PERSON"), "Putin": ("putin", "PERSON"), "Xi": ("xi", "PERSON"),
    "Kozlov": ("kozlov", "PERSON"), "Moscow": ("moscow", "LOC"), "Russia": ("russia", "LOC"),
    "China": ("china", "LOC"),
}  # fmt: skip


class Names:
    """Looks entity names up by the token text, as the linked mentions would."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence

    def __call__(self, start: int, end: int) -> tuple[str, str] | None:
        return NAMES.get(self.sentence[start:end])


@pytest.mark.parametrize(
    ("sentence", "pairs"),
    [
        ("Kim and Putin met at the spaceport.", [("kim", "putin")]),
        ("Kim and Putin held talks on Wednesday.", [("kim", "putin")]),
        ("Putin and Kim had a brief conversation at the gate.", [("putin", "kim")]),
        ("Putin and Kim discussed economic cooperation.", [("putin", "kim")]),
        ("Kozlov welcomed Kim at the cosmodrome.", [("kozlov", "kim")]),
        ("Putin met with Xi in Moscow.", [("putin", "xi")]),
        ("The meeting between Kim and Putin was symbolic.", [("kim", "putin")]),
        ("Russia and China signed a trade deal.", [("russia", "china")]),
        # negative cases: a visit to a place, one participant, no meeting word
        ("Putin visited Moscow last week.", []),
        ("Kim met reporters at the station.", []),
        ("Kim thanked Putin for the invitation.", []),
        ("Putin said Kim would come.", []),
    ],
)
def test_who_met_whom(sentence: str, pairs: list[tuple[str, str]]) -> None:
    assert meetings(parse_sentence(sentence), Names(sentence)) == pairs
