"""The place gazetteer built into the project (``storyweave/data/places.txt``).

It answers three questions: is this name a place (so a mention spaCy labelled
PERSON, such as "Vladivostok", can be repaired); what is its canonical name
("U.S." -> "United States"); and which country does a word point to ("Russian",
"Kremlin", "Pyongyang" -> a country), which role resolution needs.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Literal

from .names import fold

PlaceKind = Literal["country", "capital", "city", "region", "continent", "water", "seat"]
_KINDS: frozenset[str] = frozenset(
    {"country", "capital", "city", "region", "continent", "water", "seat"}
)


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. ``country`` is the country a city, region or seat belongs to."""

    name: str
    kind: PlaceKind
    country: str | None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The spaCy label a mention of this place should carry."""
        if self.kind == "seat":
            return "ORG"
        if self.kind in {"water", "continent"}:
            return "LOC"
        return "GPE"


@dataclass(frozen=True, slots=True)
class Gazetteer:
    places: dict[str, Place]
    """Folded name or alias -> place (the first reading when a name has several)."""
    demonyms: dict[str, str]
    """Folded demonym -> country name."""
    readings: dict[str, tuple[Place, ...]] = field(default_factory=dict)
    """Folded name or alias -> every place of that name, in file order ("Georgia")."""

    def lookup(self, name: str, *, around: Sequence[Place] = ()) -> Place | None:
        """The place called ``name`` (any alias, any case, an optional leading "the").

        A name with several readings (Georgia the country, Georgia the US state) gives
        the reading the places ``around`` it in the article support most (Tbilisi or
        "Georgian" for the country; Atlanta or Florida for the state); with no
        evidence, or a tie, the first reading in the file.
        """
        key = _key(name)
        if key not in self.places and key.startswith("the "):
            key = key[4:]
        found = self.readings.get(key, ())
        if len(found) > 1 and around:
            scores = [sum(_supports(other, reading) for other in around) for reading in found]
            best = max(scores)
            if best > 0 and scores.count(best) == 1:
                return found[scores.index(best)]
        return self.places.get(key)

    def is_ambiguous(self, name: str) -> bool:
        """Whether ``name`` has several readings."""
        return len(self.readings.get(_key(name), ())) > 1

    def key_of(self, place: Place) -> tuple[str, ...]:
        """Matching key tokens of ``place``: its folded name, plus its country when the
        name has several readings ("georgia", "@united states")."""
        tokens = tuple(fold(place.name).split())
        if len(self.readings.get(_key(place.name), ())) > 1 and place.kind != "country":
            tokens += ("@" + fold(place.country or place.kind),)
        return tokens

    def country_of(self, word: str) -> str | None:
        """The country a country name, demonym, capital, city or seat points to."""
        key = _key(word)
        if key in self.demonyms:
            return self.demonyms[key]
        place = self.lookup(word)
        if place is None:
            return None
        if place.kind == "country":
            return place.name
        return place.country


def _supports(other: Place, reading: Place) -> bool:
    """Whether a place named in the article makes ``reading`` the likely one.

    A country is supported by its cities and regions (and by itself, named through a
    demonym); a region or city by the other regions and non-capital cities of its
    country. Capitals are left out for those: "Washington" often means a government.
    """
    if other == reading:
        return False
    if reading.kind == "country":
        return other.country == reading.name or (
            other.kind == "country" and other.name == reading.name
        )
    return other.kind in {"region", "city"} and other.country == reading.country


def _key(name: str) -> str:
    folded = fold(name).replace("’", "'").strip()
    if folded.endswith("'s"):
        folded = folded[:-2]
    return " ".join(folded.replace(".", "").split())


def parse_places(text: str) -> Gazetteer:
    """Parse the ``places.txt`` format (see the file's header)."""
    places: dict[str, Place] = {}
    demonyms: dict[str, str] = {}
    readings: dict[str, tuple[Place, ...]] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        names_col, kind, country, demonym_col = (c.strip() for c in line.split(";"))
        if kind not in _KINDS:
            raise ValueError(f"places.txt: unknown kind {kind!r} in line {line!r}")
        names = tuple(n.strip() for n in names_col.split("|") if n.strip())
        dems = () if demonym_col == "-" else tuple(d.strip() for d in demonym_col.split("|"))
        place = Place(
            name=names[0],
            kind=kind,  # type: ignore[arg-type]  # checked against _KINDS above
            country=None if country == "-" else country,
            aliases=names[1:],
            demonyms=dems,
        )
        for name in names:
            places.setdefault(_key(name), place)
            readings[_key(name)] = (*readings.get(_key(name), ()), place)
        target = place.name if place.kind == "country" else place.country
        for dem in dems:
            if target is not None:
                demonyms.setdefault(_key(dem), target)
    return Gazetteer(places=places, demonyms=demonyms, readings=readings)


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The built-in gazetteer, parsed once per process."""
    text = resources.files("storyweave").joinpath("data/places.txt").read_text(encoding="utf-8")
    return parse_places(text)
