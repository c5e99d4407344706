"""One test (positive and negative cases) per linking rule of :mod:`storyweave.entities.link`."""

from __future__ import annotations

from typing import Any

import pytest

from storyweave.entities import link_entities
from storyweave.entities.linking import EntityLinking
from storyweave.model import Mention, Span

Spec = tuple[str, list[tuple[str, str]]]  # (text, [(surface, label), ...]) of one article


def _link(make_item: Any, *articles: Spec) -> EntityLinking:
    items = [make_item(chr(ord("a") + i), text, ments) for i, (text, ments) in enumerate(articles)]
    return link_entities(items)


def _entity_of(linking: EntityLinking, article: str, text: str, surface: str, nth: int = 0) -> str:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return linking.mention_entity[(article, start, start + len(surface))]


@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [
        # spaCy types one name differently in two articles: the identical key wins
        (("Bettie Page", "PERSON"), ("Bettie Page", "ORG"), True),
        (("Evansville", "ORG"), ("Evansville", "PRODUCT"), True),
        # negative: a person never merges with a gazetteer place or a news source
        (("Jordan", "PERSON"), ("Jordan", "GPE"), False),
        (("Reuters", "PERSON"), ("Reuters", "ORG"), False),
    ],
)
def test_same_key_merges_across_types(first, second, merged, make_item):
    linking = _link(
        make_item, (f"{first[0]} was there.", [first]), (f"{second[0]} was there.", [second])
    )
    assert (len(linking.entities) == 1) is merged


@pytest.mark.parametrize(
    ("names", "single", "expected"),
    [
        # a surname reading beats a given-name reading
        (["Barack Obama", "Obama White House"], "Obama", "Barack Obama"),
        # with no surname reading, the given name counts: Korean names put the family name first
        (["Kim Jong Un", "Vladimir Putin"], "Kim", "Kim Jong Un"),
        # negative: two people share the surname and nothing tells them apart
        (["Kim Jong Un", "Kim Yo Jong"], "Kim", None),
        (["Katie Jenkin", "Katie Holmes"], "Katie", None),
    ],
)
def test_one_word_names_across_articles(names, single, expected, make_item):
    arts: list[Spec] = [(f"{n} spoke.", [(n, "PERSON")]) for n in names]
    text = f"{single} spoke again."
    linking = _link(make_item, *arts, (text, [(single, "PERSON")]))
    ent = linking.entity(_entity_of(linking, chr(ord("a") + len(names)), text, single))
    assert ent is not None
    assert ent.name == (expected or single)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the one named three times as often is the bare "Kim"
        (
            "Kim Jong Un met Kim Yo Jong. Kim Jong Un spoke. Kim Jong Un left. Kim waved.",
            "Kim Jong Un",
        ),
        # negative: named as often as each other, two people called Kim stay apart from "Kim"
        ("Kim Jong Un and his sister Kim Yo Jong arrived. Kim waved.", "Kim"),
    ],
)
def test_two_people_called_kim_in_one_article(text, expected, make_item):
    linking = _link(
        make_item,
        (text, [("Kim Jong Un", "PERSON"), ("Kim Yo Jong", "PERSON"), ("Kim", "PERSON")]),
    )
    ent = linking.entity(_entity_of(linking, "a", text, "Kim", nth=text.count("Kim") - 1))
    assert ent is not None and ent.name == expected
    assert len({e.id for e in linking.entities}) == (2 if expected != "Kim" else 3)


def test_two_people_called_kim_across_articles_stay_apart(make_item):
    linking = _link(
        make_item,
        ("Kim Jong Un visited Russia.", [("Kim Jong Un", "PERSON"), ("Russia", "GPE")]),
        ("Kim Yo Jong issued a statement.", [("Kim Yo Jong", "PERSON")]),
        ("Kim Jong-un met Putin in Russia.", [("Kim Jong-un", "PERSON"), ("Russia", "GPE")]),
    )
    people = sorted(e.name for e in linking.entities if e.type == "PERSON")
    assert people == ["Kim Jong Un", "Kim Yo Jong"]


@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [
        ("Katie Jenkin", "Kathryn Jenkin", True),  # short form in the nickname list
        ("Fred LaRue", "Frederick LaRue", True),  # one given name starts the other
        ("Bill Clinton", "William Clinton", True),
        ("Jon Owen", "John Owen", True),
        # negative: same surname, unrelated given names
        ("Katie Jenkin", "John Jenkin", False),
        ("Bill Smith", "Robert Smith", False),
        ("Al Gore", "Alan Gore", False),  # a prefix shorter than three letters is no evidence
    ],
)
def test_short_given_names(first, second, merged, make_item):
    linking = _link(
        make_item,
        (f"{first} spoke.", [(first, "PERSON")]),
        (f"{second} spoke.", [(second, "PERSON")]),
    )
    assert (len(linking.entities) == 1) is merged


def test_short_given_names_join_inside_one_article(make_item):
    text = "Fred LaRue died. Frederick LaRue was an aide. LaRue was 75."
    linking = _link(
        make_item,
        (text, [("Fred LaRue", "PERSON"), ("Frederick LaRue", "PERSON"), ("LaRue", "PERSON")]),
    )
    assert len(linking.entities) == 1


@pytest.mark.parametrize(
    ("longer", "shorter", "merged"),
    [
        (["Betty Ford Treatment Center"], "Betty Ford Center", True),
        (["Indianapolis Colts"], "Colts", True),  # short form: the end of one longer name
        # negative: two longer names fit
        (["Betty Ford Treatment Center", "Betty Ford Recovery Center"], "Betty Ford Center", False),
        # negative: a different last word
        (["Betty Ford Clinic"], "Betty Ford Center", False),
    ],
)
def test_contained_and_short_names(longer, shorter, merged, make_item):
    arts: list[Spec] = [(f"{n} opened.", [(n, "ORG")]) for n in longer]
    text = f"{shorter} opened."
    linking = _link(make_item, *arts, (text, [(shorter, "ORG")]))
    ent = _entity_of(linking, chr(ord("a") + len(longer)), text, shorter)
    assert (len(linking.mentions_of(ent)) > 1) is merged


@pytest.mark.parametrize(
    ("longs", "merged"),
    [
        ([("Internet Explorer", "PRODUCT")], True),  # types differ: still the acronym
        ([("Internet Explorer", "PRODUCT"), ("Information Engineering", "ORG")], False),
        ([("Ingrid Eriksson", "PERSON")], False),  # people have no acronyms
    ],
)
def test_acronyms_across_articles(longs, merged, make_item):
    arts: list[Spec] = [(f"{n} was updated.", [(n, label)]) for n, label in longs]
    linking = _link(make_item, *arts, ("IE was updated.", [("IE", "ORG")]))
    ent = _entity_of(linking, chr(ord("a") + len(longs)), "IE was updated.", "IE")
    assert (len(linking.mentions_of(ent)) > 1) is merged


def test_georgia_the_state_and_georgia_the_country(make_item):
    state = "A storm hit Atlanta, Georgia, and Florida."
    country = "Protests filled Tbilisi, the capital of Georgia."
    again = "Russia and Georgia signed a deal."
    linking = _link(
        make_item,
        (state, [("Atlanta", "GPE"), ("Georgia", "GPE"), ("Florida", "GPE")]),
        (country, [("Tbilisi", "GPE"), ("Georgia", "GPE")]),
        (again, [("Russia", "GPE"), ("Georgia", "GPE")]),
    )
    in_state = _entity_of(linking, "a", state, "Georgia")
    in_country = _entity_of(linking, "b", country, "Georgia")
    # no evidence: the first reading, the country
    assert _entity_of(linking, "c", again, "Georgia") == in_country
    assert in_state != in_country
    names = {linking.entity(in_state).name, linking.entity(in_country).name}  # type: ignore[union-attr]
    assert names == {"Georgia (U.S. state)", "Georgia"}


@pytest.mark.parametrize(
    ("text", "mentions", "linked"),
    [
        # a repeat spaCy missed joins the entity of the linked name
        (
            "They met at the Vostochny Cosmodrome. The Vostochny Cosmodrome opened in 2016.",
            [("Vostochny Cosmodrome", "FAC")],
            2,
        ),
        # negative: one-word names are not propagated
        ("Putin spoke. Later Putin left.", [("Putin", "PERSON")], 1),
    ],
)
def test_names_propagate_to_missed_repeats(text, mentions, linked, make_item):
    item = make_item("a", text, mentions)
    first = item.mentions[0]
    item = type(item)(article=item.article, mentions=(first,))
    linking = link_entities([item])
    assert len(linking.mentions_of(linking.entities[0].id)) == linked


def test_propagation_never_overlaps_a_mention(make_item):
    text = "Kim Jong Un spoke at Kim Jong Un University."
    item = make_item("a", text, [])
    uni = text.index("Kim Jong Un University")
    mentions = (
        Mention(Span(0, 11), "PERSON"),
        Mention(Span(uni, uni + len("Kim Jong Un University")), "ORG"),
    )
    linking = link_entities([type(item)(article=item.article, mentions=mentions)])
    kim = _entity_of(linking, "a", text, "Kim Jong Un")
    assert linking.mentions_of(kim) == [("a", 0, 11)]
