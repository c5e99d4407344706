from __future__ import annotations

import pytest

from storyweave.entities import link_entities, repair_mentions, resolve_role
from storyweave.entities.roles import fits, parse_role
from storyweave.model import Mention, Span

TEXT = (
    "Russian President Vladimir Putin met North Korean leader Kim Jong-un on Wednesday. "
    "Citing Kremlin spokesman Dmitry Peskov, TASS said "
    "Russian Defense Minister Sergei Shoigu would attend. "
    "Later, the Kremlin leader said Russia would help. "
    "Pyongyang's top leader thanked him."
)
MENTIONS = [
    ("Vladimir Putin", "PERSON"),
    ("Kim Jong-un", "PERSON"),
    ("Dmitry Peskov", "PERSON"),
    ("Sergei Shoigu", "PERSON"),
    ("Kremlin", "ORG"),
    ("Defense", "ORG"),
    ("Russia", "GPE"),
    ("Pyongyang", "GPE"),
]


@pytest.mark.parametrize(
    ("phrase", "kinds", "country"),
    [
        ("the Kremlin leader", {"leader"}, "Russia"),
        ("Pyongyang's top leader", {"leader"}, "North Korea"),
        ("Russian President", {"leader"}, "Russia"),
        ("Kremlin spokesman", {"spokesperson"}, "Russia"),
        ("the Russian leader", {"leader"}, "Russia"),
        ("Russian Defense Minister", {"minister", "defense"}, "Russia"),
        ("a researcher", {"researcher"}, None),
    ],
)
def test_parse_role(phrase, kinds, country):
    sense = parse_role(phrase)
    assert kinds <= set(sense.kinds)
    assert sense.country == country


@pytest.mark.parametrize(
    ("description", "role", "expected"),
    [
        ("the Kremlin leader", "Russian President", True),
        ("the Kremlin leader", "North Korean leader", False),
        ("the Kremlin leader", "Kremlin spokesman", False),
        ("the leader", "North Korean leader", True),
        ("the weather", "Russian President", False),
    ],
)
def test_fits(description, role, expected):
    assert fits(parse_role(description), parse_role(role)) is expected


@pytest.fixture(scope="module")
def linked(make_item):
    item = make_item("a", TEXT, MENTIONS, parse=True)
    item.mentions = repair_mentions(TEXT, item.mentions, item.doc)
    return item, link_entities([item])


def _entity(linking, name):
    return next(e for e in linking.entities if e.name == name)


def test_roles_come_from_premodifiers(linked):
    _, linking = linked
    assert "Kremlin spokesman" in linking.roles[_entity(linking, "Dmitry Peskov").id]
    assert "Russian Defense Minister" in linking.roles[_entity(linking, "Sergei Shoigu").id]
    assert "Russian President" in linking.roles[_entity(linking, "Vladimir Putin").id]
    assert "North Korean leader" in linking.roles[_entity(linking, "Kim Jong-un").id]


@pytest.mark.parametrize(
    ("description", "who"),
    [("the Kremlin leader", "Vladimir Putin"), ("Pyongyang's top leader", "Kim Jong-un")],
)
def test_role_descriptions_resolve_to_the_one_holder(linked, description, who):
    item, linking = linked
    start = TEXT.index(description)
    span = Span(start, start + len(description))
    assert resolve_role(item, linking, span) == _entity(linking, who).id
    assert linking.mention_entity[("a", span.start, span.end)] == _entity(linking, who).id


def test_a_description_nobody_fits_resolves_to_nothing(linked):
    item, linking = linked
    start = TEXT.index("Wednesday")
    assert resolve_role(item, linking, Span(start, start + 9)) is None


def test_two_fitting_holders_resolve_to_nothing(make_item):
    text = (
        "Russian President Vladimir Putin and former Russian President Dmitry Medvedev met. "
        "The Russian leader spoke."
    )
    item = make_item(
        "b", text, [("Vladimir Putin", "PERSON"), ("Dmitry Medvedev", "PERSON")], parse=True
    )
    linking = link_entities([item])
    start = text.index("The Russian leader")
    assert resolve_role(item, linking, Span(start, start + 18)) is None


def test_no_doc_means_no_roles(make_item):
    item = make_item("c", "Kremlin spokesman Dmitry Peskov spoke.", [("Dmitry Peskov", "PERSON")])
    assert link_entities([item]).roles == {}


def test_mention_type_is_kept():
    assert Mention(Span(0, 1), "PERSON").type == "PERSON"


@pytest.mark.parametrize(
    ("text", "name", "description", "resolved"),
    [
        # a headline may name the role before the name
        (
            "The actress checked into rehab. Actress Lindsay Lohan left.",
            "Lindsay Lohan",
            "The actress",
            True,
        ),
        # negative: a relation to another person says nothing about who holds it
        (
            "His sister spoke. Jane Doe, a sister of the victim, wept.",
            "Jane Doe",
            "His sister",
            False,
        ),
    ],
)
def test_descriptions_resolve_over_the_whole_article(make_item, text, name, description, resolved):
    item = make_item("d", text, [(name, "PERSON")], parse=True)
    linking = link_entities([item])
    ent = next(e for e in linking.entities if e.name == name)
    start = text.index(description)
    got = resolve_role(item, linking, Span(start, start + len(description)))
    assert (got == ent.id) is resolved


@pytest.mark.parametrize(
    ("phrase", "kinds"),
    [("his sister", set()), ("Lopez's brother", set()), ("the actress", {"actress"})],
)
def test_relation_words_are_no_role(phrase, kinds):
    assert set(parse_role(phrase).kinds) == kinds


def test_a_premodifier_stops_at_a_line_break(make_item):
    text = "Lohan hired lawyer Shawn Holley\nActress Lindsay Lohan left rehab."
    item = make_item(
        "e", text, [("Shawn Holley", "PERSON"), ("Lindsay Lohan", "PERSON")], parse=True
    )
    linking = link_entities([item])
    lohan = next(e for e in linking.entities if e.name == "Lindsay Lohan")
    assert linking.roles[lohan.id] == ("Actress",)
