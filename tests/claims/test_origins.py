"""Independent origins: copies, shared wire credits and cited agencies count once."""

from __future__ import annotations

import dataclasses

import pytest

from storyweave.claims.origins import OriginIndex, Report, shortened_speakers
from storyweave.model import Article, Duplicate


def art(aid: str, outlet: str | None = None, *credits: str) -> Article:
    return Article(id=aid, text=f"Text of {aid}.", ref=aid, outlet=outlet, credits=credits)


A = art("a", "Daily Planet", "AP")
B = art("b", "Morning Post", "Associated Press")
C = art("c", "Evening Star")
D = art("d", "Evening Star")
E = art("e", "Gazette")


@pytest.mark.parametrize(
    ("reports", "duplicates", "count"),
    [
        pytest.param([Report("a", ()), Report("b", ())], [], 1, id="same-wire-credit"),
        pytest.param([Report("c", ()), Report("e", ())], [], 2, id="independent"),
        pytest.param([Report("c", ()), Report("d", ())], [], 1, id="same-outlet"),
        pytest.param(
            [Report("c", ()), Report("e", ())],
            [Duplicate("e", "c", "near", 0.9)],
            1,
            id="near-duplicates",
        ),
        pytest.param(
            [Report("c", ("TASS",)), Report("e", ("TASS news agency", "Dmitry Peskov"))],
            [],
            1,
            id="same-cited-agency",
        ),
        pytest.param(
            [Report("c", ("Kim Jong Un",)), Report("e", ("Kim Jong Un",))],
            [],
            2,
            id="same-speaker-heard-twice",
        ),
        pytest.param([Report("c", ()), Report("c", ("TASS",))], [], 1, id="one-article"),
        pytest.param([Report("a", ()), Report("c", ("AP",))], [], 1, id="credit-and-citation"),
        pytest.param(
            [Report("c", (), "the regional water board"), Report("e", (), "the water board")],
            [],
            1,
            id="one-body-named-long-and-short",
        ),
        pytest.param(
            [
                Report("a", (), "the defence ministry"),
                Report("c", (), "the foreign ministry"),
                Report("e", (), "the ministry"),
            ],
            [],
            3,
            id="a-short-name-two-bodies-share-stays-apart",
        ),
    ],
)
def test_origins(reports: list[Report], duplicates: list[Duplicate], count: int) -> None:
    index = OriginIndex([A, B, C, D, E], duplicates)
    assert len(index.origins(reports)) == count


def test_origin_labels_name_outlets_and_credits() -> None:
    index = OriginIndex([A, B, C])
    (origin,) = index.origins([Report("a", ()), Report("b", ())])
    assert origin.label == "Daily Planet = Morning Post (credited to AP, Associated Press)"
    (cited,) = index.origins([Report("c", ("RIA Novosti", "Vladimir Putin"))])
    assert cited.label == "Evening Star (citing RIA Novosti)"


def test_shortened_speakers() -> None:
    assert shortened_speakers({"regional water board", "water board", "person:lind"}) == {
        "regional water board": "water board"
    }
    assert shortened_speakers({"foreign ministry", "defence ministry", "ministry"}) == {}
    assert shortened_speakers({"board", "water board"}) == {"water board": "board"}


def test_a_carried_speaker_is_labelled_as_such() -> None:
    index = OriginIndex([C, E])
    reports = [Report("c", (), "the water board", carried=True), Report("e", (), "the water board")]
    (origin,) = index.origins(reports)
    assert origin.label == "the water board, relayed by Evening Star and Gazette"
    (carried,) = index.origins([dataclasses.replace(r, carried=True) for r in reports])
    assert carried.label == (
        "the water board (named in the sentence before), relayed by Evening Star and Gazette"
    )
