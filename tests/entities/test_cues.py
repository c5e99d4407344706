from __future__ import annotations

from typing import Any

from storyweave.entities.cues import cue_label, drop_capitalised_words, extend_demonyms
from storyweave.entities.repair import repair_mentions
from storyweave.model import Mention


def test_class_noun_before_a_name(mention: Any) -> None:
    cases = [
        ("He reviewed the documentary Blue Harvest for the paper.", "Blue Harvest", "WORK_OF_ART"),
        ("She started a perfume line called Lumina last year.", "Lumina", "PRODUCT"),
        ("He founded a startup named Zentrix in 2019.", "Zentrix", "ORG"),
        ("They moved to a village called Ashby.", "Ashby", "GPE"),
        ("The budget airline, Skyhop, cut fares.", "Skyhop", "ORG"),
    ]
    for text, name, label in cases:
        assert cue_label(text, mention(text, name, "PERSON")) == label, text


def test_works_events_and_groups(mention: Any) -> None:
    text = "Fans lined up for the trailers for Iron Harvest before Emmy night."
    assert cue_label(text, mention(text, "Iron Harvest", "PERSON")) == "WORK_OF_ART"
    assert cue_label(text, mention(text, "Emmy", "PERSON")) == "EVENT"
    band = "Tickets for the Ramones went fast."
    assert cue_label(band, mention(band, "Ramones", "PERSON")) == "ORG"


def test_star_after_a_team_is_left_alone(mention: Any) -> None:
    text = "The Rovers star scored twice."
    assert cue_label(text, mention(text, "Rovers", "ORG")) is None


def test_quoted_title_but_not_a_brand(mention: Any) -> None:
    text = "She sang “Blue Mondays” on stage, then defended the “Zest” brand."
    assert cue_label(text, mention(text, "Blue Mondays", "PERSON")) == "WORK_OF_ART"
    assert cue_label(text, mention(text, "Zest", "ORG")) is None


def test_company_possessions_make_an_organisation(mention: Any) -> None:
    text = "Flybe CEO Jane Roe spoke. Flybe's shares fell. Later Flybe added routes."
    out = repair_mentions(
        text,
        [mention(text, "Flybe", "PERSON", n) for n in range(3)]
        + [mention(text, "Jane Roe", "PERSON")],
    )
    assert [m.label for m in out if m.span.text_in(text) == "Flybe"] == ["ORG"] * 3


def test_sentence_initial_common_word_is_dropped(mention: Any) -> None:
    text = "Therapy helped him. He stayed in therapy for a year."
    assert drop_capitalised_words(text, [mention(text, "Therapy", "ORG")]) == []
    kept = "Paris helped him. He stayed in Paris."
    assert len(drop_capitalised_words(kept, [mention(kept, "Paris", "GPE")])) == 1


def test_demonym_starts_a_longer_title(mention: Any) -> None:
    text = "the Canadian Bacon actor; the Russian President spoke"
    out = extend_demonyms(
        text, [mention(text, "Canadian", "NORP"), mention(text, "Russian", "NORP")]
    )
    assert [m.span.text_in(text) for m in out] == ["Canadian Bacon", "Russian"]


def test_quote_marks_and_brackets_are_trimmed(mention: Any) -> None:
    text = "the “Velvet Road” star and the Data Toolkit (DTK) release"
    out = repair_mentions(
        text,
        [
            Mention(mention(text, "“Velvet Road", "ORG").span, "ORG"),
            mention(text, "Data Toolkit (DTK", "ORG"),
        ],
    )
    assert [m.span.text_in(text) for m in out] == ["Velvet Road", "Data Toolkit"]
    assert out[0].label == "WORK_OF_ART"


def test_title_that_misled_the_model_is_dropped(mention: Any) -> None:
    text = "Spokesman Tomas Ruiz declined to comment. The Foreign Ministry agreed."
    out = repair_mentions(
        text,
        [mention(text, "Spokesman Tomas Ruiz", "ORG"), mention(text, "Foreign Ministry", "ORG")],
    )
    assert [(m.span.text_in(text), m.label) for m in out] == [
        ("Tomas Ruiz", "PERSON"),
        ("Foreign Ministry", "ORG"),
    ]


def test_short_form_of_an_institution(mention: Any) -> None:
    text = "She entered Oakridge Wellness in May. Oakridge is unlicensed. She left Oakridge."
    out = repair_mentions(
        text,
        [mention(text, "Oakridge Wellness", "ORG")]
        + [mention(text, "Oakridge", "PERSON", n) for n in (1, 2)],
    )
    assert [m.label for m in out] == ["ORG", "ORG", "ORG"]


def test_outlet_from_metadata_is_an_organisation(mention: Any) -> None:
    text = "Lena Marsh told the Harbour Gazette she would appeal."
    out = repair_mentions(
        text,
        [mention(text, "Lena Marsh", "PERSON"), mention(text, "Harbour Gazette", "PERSON")],
        outlet="The Harbour Gazette",
    )
    assert [m.label for m in out] == ["PERSON", "ORG"]
