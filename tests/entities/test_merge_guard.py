from __future__ import annotations

from typing import Any

from storyweave.entities import link_entities


def test_country_and_its_central_bank_stay_apart(make_item: Any) -> None:
    a = make_item("a", "Norway grew fast.", [("Norway", "GPE")])
    b = make_item("b", "The Bank of Norway raised rates.", [("Bank of Norway", "GPE")])
    c = make_item("c", "The Government of Norway agreed.", [("Government of Norway", "GPE")])
    linking = link_entities([a, b, c])
    assert len({linking.mention_entity[k] for k in linking.mention_entity}) == 3


def test_maker_and_product_stay_apart_but_a_product_short_form_joins(make_item: Any) -> None:
    a = make_item("a", "Embraer said it would hire.", [("Embraer", "ORG")])
    b = make_item(
        "b",
        "The Embraer Phenom flew. The Phenom landed.",
        [("Embraer Phenom", "PRODUCT"), ("Phenom", "PRODUCT")],
    )
    linking = link_entities([a, b])
    ids = {k[0] + str(k[1]): v for k, v in linking.mention_entity.items()}
    assert ids["a0"] != ids["b4"]
    assert ids["b4"] == ids["b29"]
