from __future__ import annotations

import pytest

from storyweave.entities.gazetteer import gazetteer, parse_places


@pytest.mark.parametrize(
    ("name", "canonical", "label"),
    [
        ("Vladivostok", "Vladivostok", "GPE"),
        ("Amur", "Amur", "GPE"),
        ("U.S.", "United States", "GPE"),
        ("the Kremlin", "Kremlin", "ORG"),
        ("North Korea's", "North Korea", "GPE"),
        ("Pacific Ocean", "Pacific", "LOC"),
        ("kyiv", "Kyiv", "GPE"),
    ],
)
def test_lookup(name, canonical, label):
    place = gazetteer().lookup(name)
    assert place is not None
    assert (place.name, place.label) == (canonical, label)


@pytest.mark.parametrize("name", ["Putin", "Kim Jong Un", "TASS", "Vostochny Cosmodrome"])
def test_non_places(name):
    assert gazetteer().lookup(name) is None


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("Russian", "Russia"),
        ("Kremlin", "Russia"),
        ("Pyongyang", "North Korea"),
        ("North Korean", "North Korea"),
        ("Russia", "Russia"),
        ("Vladivostok", "Russia"),
        ("leader", None),
    ],
)
def test_country_of(word, country):
    assert gazetteer().country_of(word) == country


def test_parse_places_rejects_unknown_kinds():
    with pytest.raises(ValueError, match="unknown kind"):
        parse_places("Atlantis;island;-;-")


def test_parse_places_reads_aliases_and_demonyms():
    gaz = parse_places("# comment\nFreedonia|Fredonia;country;-;Freedonian\n")
    assert gaz.lookup("Fredonia").name == "Freedonia"
    assert gaz.country_of("Freedonian") == "Freedonia"


@pytest.mark.parametrize(
    ("around", "expected"),
    [
        (["Atlanta"], ("region", "United States")),  # a US city: the state
        (["Florida"], ("region", "United States")),  # another US state: the state
        (["Tbilisi"], ("country", None)),  # its capital: the country
        # negative: no evidence, a tie, or a capital as metonymy: the first reading, the country
        ([], ("country", None)),
        (["Russia"], ("country", None)),
        (["Tbilisi", "Atlanta"], ("country", None)),
        (["Washington"], ("country", None)),
    ],
)
def test_an_ambiguous_name_reads_the_places_around_it(around, expected):
    gaz = gazetteer()
    places = [gaz.lookup(name) for name in around]
    place = gaz.lookup("Georgia", around=[p for p in places if p is not None])
    assert place is not None
    assert (place.kind, place.country) == expected


def test_readings_get_distinct_keys():
    gaz = gazetteer()
    state = gaz.lookup("Georgia", around=[gaz.lookup("Atlanta")])  # type: ignore[list-item]
    country = gaz.lookup("Georgia")
    assert state is not None and country is not None
    assert gaz.key_of(state) != gaz.key_of(country)
    assert gaz.is_ambiguous("Georgia") and not gaz.is_ambiguous("Tbilisi")
