"""Slot comparison on hand-made slots: what disagrees, and what does not."""

from __future__ import annotations

import datetime as dt

import pytest

from storyweave.claims.conflict import compare, figures_agree
from storyweave.claims.numbers import Hedge, Quantity
from storyweave.claims.slots import Place, Slots
from storyweave.model import Span


def q(
    value: float, unit: str = "km", hedge: Hedge | None = None, high: float | None = None
) -> Quantity:
    return Quantity(
        value=value, unit=unit, hedge=hedge, text=f"{value:g} {unit}", span=Span(0, 1), high=high
    )


def slots(**kw: object) -> Slots:
    base: dict[str, object] = {
        "who": frozenset({"kim"}),
        "whom": frozenset(),
        "persons": frozenset({"kim"}),
        "predicate": "meet",
        "negated": False,
        "where": (),
        "when": (),
        "quantities": (),
        "entities": frozenset({"kim"}),
        "stems": frozenset({"meet"}),
    }
    base.update(kw)
    return Slots(**base)  # type: ignore[arg-type]


VOSTOCHNY = Place("ent_v", "Vostochny Cosmodrome", None)
VOSTOCHNYY = Place("vostochnyy cosmodrome", "Vostochnyy Cosmodrome", None)
BAIKONUR = Place("ent_b", "Baikonur Cosmodrome", None)
RUSSIA = Place("ent_r", "Russia", "Russia")
MOSCOW = Place("ent_m", "Moscow", "Russia")


@pytest.mark.parametrize(
    ("x", "y", "agree"),
    [
        (q(1000, hedge="about"), q(1000), True),
        (q(1000, hedge="about"), q(980), True),
        (q(1000), q(1024), True),  # a round figure
        (q(1000, hedge="about"), q(3000, hedge="about"), False),
        (q(2, "attempt"), q(3, "attempt"), False),
        (q(2, "attempt"), q(2, "attempt"), True),
        (q(100, "person", "at_least"), q(250, "person"), False),  # a bound is its figure
        (q(12, "person", "at_least"), q(20, "person", "at_least"), False),
        (q(2000, "person", "range", 3000), q(2500, "person"), True),
        (q(2000, "person", "range", 3000), q(15000, "person", "about"), False),
        (q(1000, hedge="about"), q(998), True),
        (q(100, "person", "at_most"), q(250, "person"), False),
    ],
)
def test_figures_agree(x: Quantity, y: Quantity, agree: bool) -> None:
    assert figures_agree(x, y) is agree
    assert figures_agree(y, x) is agree


@pytest.mark.parametrize(
    ("a", "b", "slot"),
    [
        pytest.param(slots(where=(VOSTOCHNY,)), slots(where=(BAIKONUR,)), "where", id="place"),
        pytest.param(slots(where=(VOSTOCHNY,)), slots(where=(VOSTOCHNYY,)), None, id="spelling"),
        pytest.param(slots(where=(MOSCOW,)), slots(where=(RUSSIA,)), None, id="vaguer-place"),
        pytest.param(slots(when=("2023-09-13",)), slots(when=("2023-09-11",)), "when", id="date"),
        pytest.param(slots(when=("2023-09-13",)), slots(when=("2023-09",)), None, id="coarser"),
        pytest.param(slots(when=("2023-08",)), slots(when=("2023-09-13",)), "when", id="month"),
        pytest.param(slots(), slots(negated=True), "polarity", id="negation"),
        pytest.param(slots(predicate="win"), slots(predicate="lose"), "polarity", id="antonym"),
        pytest.param(
            slots(quantities=(q(2, "attempt"),)),
            slots(quantities=(q(3, "attempt"),)),
            "how many",
            id="figure",
        ),
        pytest.param(slots(quantities=(q(2, "attempt"),)), slots(), None, id="figure-vaguer"),
        pytest.param(
            slots(
                whom=frozenset({"putin"}),
                agent=frozenset({"kim"}),
                patient=frozenset({"putin"}),
                persons=frozenset({"kim", "putin"}),
            ),
            slots(
                whom=frozenset({"xi"}),
                agent=frozenset({"kim"}),
                patient=frozenset({"xi"}),
                persons=frozenset({"kim", "xi"}),
            ),
            "who",
            id="participants",
        ),
        pytest.param(
            slots(predicate="visit", where=(VOSTOCHNY,), stems=frozenset({"visit"})),
            slots(where=(BAIKONUR,)),
            None,
            id="different-acts-never-conflict",
        ),
        pytest.param(
            slots(who=frozenset({"putin"}), negated=True),
            slots(who=frozenset({"kim"})),
            None,
            id="different-actors",
        ),
    ],
)
def test_compare(a: Slots, b: Slots, slot: str | None) -> None:
    clash = compare(a, b)
    assert (clash.slot if clash else None) == slot


def test_figure_updated_later_is_superseded_not_conflicting() -> None:
    a = slots(quantities=(q(10, "death"),))
    b = slots(quantities=(q(25, "death"),))
    same_day = compare(a, b, a_published=dt.date(2024, 1, 1), b_published=dt.date(2024, 1, 1))
    assert same_day is not None and not same_day.superseded
    later = compare(a, b, a_published=dt.date(2024, 1, 1), b_published=dt.date(2024, 1, 2))
    assert later is not None and later.superseded
    rose = compare(a, slots(quantities=(q(25, "death"),), update=True))
    assert rose is not None and rose.superseded
    day = dt.date(2024, 1, 1)
    same_day = compare(
        a, slots(quantities=(q(25, "death"),), update=True), a_published=day, b_published=day
    )
    assert same_day is not None and not same_day.superseded  # two counts the same day disagree


def test_a_length_reported_otherwise_the_next_day_is_a_disagreement() -> None:
    a, b = slots(quantities=(q(0.3, "km"),)), slots(quantities=(q(0.45, "km"),))
    clash = compare(a, b, a_published=dt.date(2024, 3, 4), b_published=dt.date(2024, 3, 5))
    assert clash is not None and clash.slot == "how many" and not clash.superseded


@pytest.mark.parametrize(
    ("x", "y", "agree"),
    [
        (q(10, "person", "at_most"), q(10, "person", "at_least"), False),  # fewer than / at least
        (q(12e6, "person"), q(13e6, "person"), False),  # equally round: no slack
        (q(1000, "person"), q(1024, "person"), True),
        (q(300, "person"), q(400, "person"), False),
    ],
)
def test_bounds_and_round_figures(x: Quantity, y: Quantity, agree: bool) -> None:
    assert figures_agree(x, y) is agree


def test_places_near_landmarks_neither_conflict_nor_block_support() -> None:
    from storyweave.claims.conflict import agrees

    square = Place("ent_sq", "Liberty Square", None, vicinity=True)
    ministry = Place("ent_mi", "Interior Ministry", None, vicinity=True)
    town_a, town_b = Place("ent_ta", "Kiruna", None), Place("ent_tb", "Muonio", None)
    near_a, near_b = slots(where=(square,)), slots(where=(ministry,))
    assert compare(near_a, near_b) is None
    assert agrees(near_a, near_b)
    assert not agrees(near_a, slots())  # support must still give a place
    clash = compare(slots(where=(town_a,)), slots(where=(town_b,)))
    assert clash is not None and clash.slot == "where"
    # a scene set by the other unit's sentence states the place
    assert agrees(slots(where=(town_a,)), slots(scene=(town_a,)))
    assert not agrees(slots(where=(town_a,)), slots(scene=(town_b,)))


def test_a_passive_doer_is_no_place_near_it() -> None:
    from storyweave.claims.slots import linked_mentions, read_slots
    from storyweave.claims.units import claim_units
    from storyweave.pipeline import Pipeline
    from tests.conftest import make_article

    text = "The budget was approved by the European Parliament on Monday."
    (item,) = Pipeline().run([make_article(text, ref="passive.txt")]).articles
    mentions = linked_mentions(item, item.doc, lambda art, m: None)
    (unit,) = claim_units(item, item.doc)
    assert not any(p.vicinity for p in read_slots(item, item.doc, unit, mentions).where)
