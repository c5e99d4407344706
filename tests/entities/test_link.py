from __future__ import annotations

import pytest

from storyweave.entities import link_entities
from storyweave.entities.linking import EntityLinking

A = (
    "North Korean leader Kim Jong-un met Russian President Vladimir Putin. "
    "Putin's aides said President Putin and Kim Jong-un talked. TASS reported it."
)
B = (
    "Kim Jong Un and Vladimir Putin met in Russia. Kim said Putin was kind. "
    "Reuters and AFP news agency reported that Kim Jong Un left."
)
A_MENTIONS = [
    ("Kim Jong-un", "PERSON"),
    ("Vladimir Putin", "PERSON"),
    ("Putin's", "PERSON"),
    ("President Putin", "PERSON"),
    ("TASS", "ORG"),
]
B_MENTIONS = [
    ("Kim Jong Un", "PERSON"),
    ("Vladimir Putin", "PERSON"),
    ("Kim", "PERSON"),
    ("Putin", "PERSON"),
    ("Russia", "GPE"),
    ("Reuters", "ORG"),
    ("AFP", "ORG"),
]


@pytest.fixture
def items(make_item):
    return [make_item("a", A, A_MENTIONS), make_item("b", B, B_MENTIONS)]


def _names(linking: EntityLinking, article: str, text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for (art, start, end), ent_id in linking.mention_entity.items():
        if art == article:
            out.setdefault(ent_id, set()).add(text[start:end])
    return out


def test_one_entity_per_person_across_articles(items):
    linking = link_entities(items)
    people = [e for e in linking.entities if e.type == "PERSON"]
    # "Kim Jong-un" and "Kim Jong Un" are used twice each: the tie goes to the first in order
    assert sorted(e.name for e in people) == ["Kim Jong Un", "Vladimir Putin"]
    kim = next(e for e in people if e.name.startswith("Kim"))
    putin = next(e for e in people if e.name.endswith("Putin"))
    assert set(kim.aliases) >= {"Kim Jong-un", "Kim"}
    assert set(putin.aliases) >= {"Putin"}
    assert kim.id != putin.id
    assert len(linking.mentions_of(kim.id)) == 5
    assert len(linking.mentions_of(putin.id)) == 5


def test_ids_do_not_depend_on_input_order(items):
    one = link_entities(items)
    two = link_entities(list(reversed(items)))
    assert one.entities == two.entities
    assert one.mention_entity == two.mention_entity


def test_news_sources_are_marked(items):
    linking = link_entities(items)
    names = {e.name for e in linking.entities if e.id in linking.news_sources}
    assert names == {"TASS", "Reuters", "AFP"}


def test_people_sharing_a_surname_stay_apart(make_item):
    text = "Kim Jong Un and his sister Kim Yo Jong arrived. Kim waved."
    item = make_item(
        "c", text, [("Kim Jong Un", "PERSON"), ("Kim Yo Jong", "PERSON"), ("Kim", "PERSON")]
    )
    linking = link_entities([item])
    # the bare "Kim" fits both full names: ambiguous, so it is left on its own
    assert sorted(e.name for e in linking.entities) == ["Kim", "Kim Jong Un", "Kim Yo Jong"]


@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [
        ("Sergei Shoigu", "Sergey Shoygu", True),
        ("Yury Gagarin", "Yuri Gagarin", True),
        ("Kim Jong-un", "KIM JONG UN", True),
        ("Kim Jong Un", "Kim Jong Il", False),
        ("George Bush", "Laura Bush", False),
    ],
)
def test_transliterated_names_merge_across_articles(first, second, merged, make_item):
    a = make_item("a", f"{first} spoke.", [(first, "PERSON")])
    b = make_item("b", f"{second} spoke.", [(second, "PERSON")])
    linking = link_entities([a, b])
    assert (len(linking.entities) == 1) is merged
    assert {e.name for e in linking.entities} <= {first, second}


def test_a_surname_alone_joins_the_one_full_name_in_another_article(make_item):
    a = make_item("a", "Tara Reid checked into rehab.", [("Tara Reid", "PERSON")])
    b = make_item("b", "Reid was seen in Malibu.", [("Reid", "PERSON"), ("Malibu", "GPE")])
    linking = link_entities([a, b])
    assert {e.name for e in linking.entities} == {"Tara Reid", "Malibu"}


def test_context_guard_picks_the_full_name_with_shared_context(make_item):
    a = make_item("a", "George Bush met NATO.", [("George Bush", "PERSON"), ("NATO", "ORG")])
    b = make_item("b", "Laura Bush visited Dallas.", [("Laura Bush", "PERSON"), ("Dallas", "GPE")])
    c = make_item("c", "Bush met NATO again.", [("Bush", "PERSON"), ("NATO", "ORG")])
    linking = link_entities([a, b, c])
    george = next(e for e in linking.entities if e.name == "George Bush")
    assert ("c", 0, 4) in linking.mentions_of(george.id)


def test_no_context_keeps_an_ambiguous_surname_apart(make_item):
    a = make_item("a", "George Bush spoke.", [("George Bush", "PERSON")])
    b = make_item("b", "Laura Bush spoke.", [("Laura Bush", "PERSON")])
    c = make_item("c", "Bush spoke.", [("Bush", "PERSON")])
    linking = link_entities([a, b, c])
    assert len(linking.entities) == 3


def test_types_stay_apart_for_the_same_name(make_item):
    a = make_item("a", "Jordan scored. Jordan won.", [("Jordan", "PERSON")])
    b = make_item("b", "Jordan closed its border.", [("Jordan", "GPE")])
    linking = link_entities([a, b])
    assert sorted(e.type for e in linking.entities) == ["LOC", "PERSON"]


def test_acronym_joins_its_long_form_in_the_article(make_item):
    text = "The World Institute for Korean Affairs (WIKA) said WIKA agrees."
    item = make_item("a", text, [("World Institute for Korean Affairs", "ORG"), ("WIKA", "ORG")])
    linking = link_entities([item])
    assert [e.name for e in linking.entities] == ["World Institute for Korean Affairs"]


def test_places_use_the_gazetteer_name(make_item):
    a = make_item("a", "The U.S. said no.", [("U.S.", "GPE")])
    b = make_item("b", "The United States said no.", [("United States", "GPE")])
    linking = link_entities([a, b])
    assert [(e.name, e.type) for e in linking.entities] == [("United States", "LOC")]


def test_empty_input():
    linking = link_entities([])
    assert linking.entities == ()
    assert linking.mention_entity == {}
