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
