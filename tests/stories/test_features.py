from __future__ import annotations

import datetime as dt

import pytest

from storyweave.model import Sentence, Span, Timex
from storyweave.stories.embed import HashingEmbedder
from storyweave.stories.features import (
    LEAD_WEIGHT,
    article_date,
    entity_key,
    extract_features,
    headline,
    lead_segments,
)

from .helpers import make_article


@pytest.mark.parametrize(
    ("surface", "label", "key"),
    [
        ("Tara Reid", "PERSON", "reid"),
        ("Reid", "PERSON", "reid"),
        ("Reid's", "PERSON", "reid"),
        ("the Betty Ford Center", "ORG", "betty ford center"),
        ("The  Kremlin", "ORG", "kremlin"),
        ("Russia’s", "GPE", "russia"),
        ("Vostochny Cosmodrome", "FAC", "vostochny cosmodrome"),
        # negative cases: numbers and dates say nothing about who or where
        ("90", "CARDINAL", None),
        ("Tuesday", "DATE", None),
        ("$5 million", "MONEY", None),
        ("first", "ORDINAL", None),
    ],
)
def test_entity_key(surface: str, label: str, key: str | None) -> None:
    assert entity_key(surface, label) == key


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            "Lohan enters rehab",
            "Lindsay Lohan checked in. Her lawyer confirmed it. More later. And more.",
            ["Lohan enters rehab", "Lindsay Lohan checked in.", "Her lawyer confirmed it."],
        ),
        (None, "One. Two. Three. Four.", ["One.", "Two.", "Three."]),
        (None, "A single line without a stop", ["A single line without a stop"]),
        ("  ", "Body only.", ["Body only."]),
    ],
)
def test_lead_segments_without_sentence_layer(
    title: str | None, text: str, expected: list[str]
) -> None:
    assert lead_segments(make_article("a", text, title=title)) == expected


def test_lead_uses_sentence_layer_and_stops_at_the_body() -> None:
    text = "First sentence here. Second one.\nAccording to Tin Tuc"
    item = make_article("a", text)
    item.sentences = (Sentence(Span(0, 20), 0), Sentence(Span(21, 32), 1))
    assert lead_segments(item) == ["First sentence here.", "Second one."]
    assert headline(item) == ""  # no title: never the first sentence
    assert headline(make_article("b", text, title="  Storm  closes port ")) == "Storm closes port"


@pytest.mark.parametrize(
    ("published", "timexes", "expected"),
    [
        (dt.date(2023, 9, 13), (), dt.date(2023, 9, 13)),
        (None, (Timex(Span(0, 4), "DATE", "2013-05-03"),), dt.date(2013, 5, 3)),
        # a relative date needs an anchor: not evidence of when the article was written
        (None, (Timex(Span(0, 4), "DATE", "2013-05-03", anchor="published"),), None),
        (None, (Timex(Span(0, 4), "DATE", "2013-05"),), None),
        (None, (Timex(Span(0, 4), "DURATION", "P3D"),), None),
        (None, (Timex(Span(0, 4), "DATE", "2013-02-30"),), None),
        (None, (), None),
    ],
)
def test_article_date(
    published: dt.date | None, timexes: tuple[Timex, ...], expected: dt.date | None
) -> None:
    item = make_article("a", "Text of the article.", published=published)
    item.timexes = timexes
    assert article_date(item) == expected


def test_extract_features_counts_entities_in_the_body_only() -> None:
    text = "Tara Reid entered rehab. Reid is fine.\nAccording to People"
    item = make_article("a", text, entities={"Tara Reid": "PERSON", "People": "ORG"})
    item.article = type(item.article)(
        id="a", text=text, ref="a", body_end=text.index("\nAccording")
    )
    item.mentions = item.mentions + make_article("x", text, entities={"Reid": "PERSON"}).mentions
    (feats,) = extract_features([item], HashingEmbedder())
    # the whole body is its lead here, so each mention counts LEAD_WEIGHT times
    assert feats.entity_counts() == {"reid": 3 * LEAD_WEIGHT}
    assert feats.words == 6  # tara, reid, entered, rehab, reid, fine
    assert abs(float((feats.vector**2).sum()) - 1.0) < 1e-5


def test_entities_of_the_lead_count_more_than_later_ones() -> None:
    text = (
        "Storms flooded Lisbon on Monday. Rescuers worked through the night. "
        "Roads were closed. Later paragraphs mention Porto once."
    )
    item = make_article("a", text, entities={"Lisbon": "GPE", "Porto": "GPE"})
    (feats,) = extract_features([item], HashingEmbedder())
    counts = feats.entity_counts()
    assert counts["lisbon"] == LEAD_WEIGHT
    assert counts["porto"] == 1


def test_names_of_an_article_no_ner_reads() -> None:
    from storyweave.pipeline import Pipeline
    from storyweave.stories.features import name_counts
    from tests.conftest import make_article

    text = (
        "La ministra Ana Belén Ortiz visitó el miércoles la planta de Iberdrola en Bilbao. "
        '"Tenemos un plan", dijo Ortiz. Según la agencia EFE, Iberdrola invertirá más.'
    )
    (item,) = Pipeline().run([make_article(text, ref="es-names.txt")]).articles
    assert item.language == "es"
    keys = name_counts(item, limit=len(text))
    assert keys["iberdrola"] == 2 and keys["ortiz"] == 2 and keys["bilbao"] == 1
    assert keys["ana belen ortiz"] == 1  # folded, as English keys are
    assert "efe" not in keys  # the agency that carried it is no participant
    for first in ("la", "tenemos", "según"):  # capitalised for starting a sentence
        assert first not in keys
