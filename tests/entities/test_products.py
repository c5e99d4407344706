from __future__ import annotations

from typing import Any

from storyweave.entities.products import find_products, is_designator, product_lines
from storyweave.entities.repair import repair_mentions
from storyweave.model import Mention


def _labels(text: str, mentions: list[Mention]) -> list[tuple[str, str]]:
    return [(m.span.text_in(text), m.label) for m in mentions]


def test_designators() -> None:
    for name in ("B747", "E175-200", "SU-57", "350-1000ER", "B747s"):
        assert is_designator(name), name
    for name in ("G7", "2024", "COVID-19", "Tu"):
        assert not is_designator(name), name


def test_maker_and_model_become_one_product(mention: Any) -> None:
    text = "The carrier ordered ten Embraer E195 jets last week."
    found = find_products(text, [mention(text, "Embraer", "ORG"), mention(text, "E195", "PRODUCT")])
    assert _labels(text, found) == [("Embraer E195", "PRODUCT")]


def test_model_after_a_possessive_maker_is_added(mention: Any) -> None:
    text = "Pilots praised Cessna's 172 after the trials."
    found = find_products(text, [mention(text, "Cessna", "ORG")])
    assert _labels(text, found) == [("Cessna", "ORG"), ("172", "PRODUCT")]


def test_numbering_words_quantities_and_years_are_not_models(mention: Any) -> None:
    text = "Gate 12 was closed; Lufthansa 2019 results; Siemens 40 billion deal."
    found = find_products(
        text,
        [
            mention(text, "Gate", "FAC"),
            mention(text, "Lufthansa", "ORG"),
            mention(text, "Siemens", "ORG"),
        ],
    )
    assert all(m.label != "PRODUCT" for m in found)


def test_camel_case_name_with_version_is_found() -> None:
    text = "Shoppers queued for the eReader 3 on Friday."
    assert _labels(text, find_products(text, [])) == [("eReader 3", "PRODUCT")]


def test_product_line_spreads_unless_the_name_acts_as_a_company(mention: Any) -> None:
    text = "The Zune 2 arrived in May. Reviewers liked the Zune. Contoso said sales rose."
    ms = [
        mention(text, "Zune 2", "PRODUCT"),
        mention(text, "Zune", "ORG", 1),
        mention(text, "Contoso", "ORG"),
    ]
    assert _labels(text, product_lines(text, ms))[1] == ("Zune", "PRODUCT")
    company = "Nokia 3 shipped. Nokia Corp. said the Nokia range grew."
    ms = [mention(company, "Nokia 3", "PRODUCT"), mention(company, "Nokia", "ORG", 1)]
    assert _labels(company, product_lines(company, ms))[1] == ("Nokia", "ORG")


def test_owned_name_is_a_product(mention: Any) -> None:
    text = "She parked her Lamborghini on the street."
    out = repair_mentions(text, [mention(text, "Lamborghini", "ORG")])
    assert _labels(text, list(out)) == [("Lamborghini", "PRODUCT")]
