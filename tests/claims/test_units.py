"""Claim units: one proposition each; attribution wrappers go to the chain."""

from __future__ import annotations

import pytest

from storyweave.claims.units import claim_units

from .conftest import annotate, make


def _units(text: str) -> list[tuple[str, tuple[str, ...]]]:
    (item,) = annotate([make(text, ref="units.txt")])
    return [(u.text, u.chain) for u in claim_units(item, item.doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The two ministers toured the factory and then signed a trade agreement.",
            [
                "The two ministers toured the factory",
                "The two ministers then signed a trade agreement",
            ],
            id="coordinated-verbs-share-the-subject",
        ),
        pytest.param(
            "The bridge is closed, especially after the river flooded the eastern bank.",
            ["The bridge is closed", "The river flooded the eastern bank"],
            id="subordinate-clause-with-own-subject",
        ),
        pytest.param(
            "The mayor opened the new hospital on Monday.",
            ["The mayor opened the new hospital on Monday"],
            id="one-fact-one-unit",
        ),
        pytest.param(
            "The company, which employs 300 people, closed its plant in Ohio.",
            ["The company employs 300 people", "The company closed its plant in Ohio"],
            id="relative-clause-with-a-figure-is-a-claim",
        ),
    ],
)
def test_sentences_split_into_propositions(text: str, expected: list[str]) -> None:
    assert [t for t, _ in _units(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "According to Reuters, the central bank raised interest rates on Tuesday.",
            ("The central bank raised interest rates on Tuesday", ("Reuters",)),
            id="according-to",
        ),
        pytest.param(
            "Finance minister Jane Doe said that the budget deficit will shrink next year.",
            ("The budget deficit will shrink next year", ("Jane Doe",)),
            id="said-that",
        ),
        pytest.param(
            "The president expressed support for the new climate agreement.",
            ("The president expressed support for the new climate agreement", ("president",)),
            id="noun-phrase-content-keeps-its-reporting-clause",
        ),
    ],
)
def test_attribution_wrapper_moves_to_the_chain(
    text: str, expected: tuple[str, tuple[str, ...]]
) -> None:
    units = _units(text)
    assert len(units) == 1
    got_text, got_chain = units[0]
    assert got_text == expected[0]
    assert got_chain, "the attribution's chain is kept"
    assert expected[1][-1].casefold() in got_chain[-1].casefold()


@pytest.mark.parametrize(
    "text",
    [
        "Yes. No.",
        "Betty Ford Center.",  # a bare name (a caption or a headline fragment)
        "PUBLISHED: THURSDAY, MAY 2, 2013",  # the page's date stamp
        "Updated: 10:32 PM EDT, May 3, 2013",
    ],
)
def test_fragments_without_content_give_no_unit(text: str) -> None:
    assert _units(text) == []


def test_a_sentence_with_a_verb_is_a_unit_even_after_a_stamp_word() -> None:
    assert [u for u, _ in _units("Updated figures showed the river rising.")] == [
        "Updated figures showed the river rising"
    ]


def test_attributions_stored_without_the_statement_flag_read_the_cue() -> None:
    # a store written before the flag: the claims step reads the cue off the parse instead
    import dataclasses

    text = (
        "Minister Alexander Kozlov welcomed the North Korean leader. "
        "Officials said the bridge would reopen next week."
    )
    (item,) = annotate([make(text, ref="flagless.txt")])
    assert {a.statement for a in item.attributions} == {True, False}
    old = dataclasses.replace(
        item, attributions=tuple(dataclasses.replace(a, statement=None) for a in item.attributions)
    )
    assert [u.chain for u in claim_units(old, item.doc)] == [
        u.chain for u in claim_units(item, item.doc)
    ]
    assert any(u.chain for u in claim_units(old, item.doc))


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Lindsay Lohan checked into a clinic on May 2, 2013.", ("2013-05-02",)),
        ("Lindsay Lohan checked into a clinic in 2013.", ("2013",)),
        # the date of a noun's event is not when the claim's event happened
        ("Lindsay Lohan began a stint handed down for a 2012 car crash case.", ()),
        ("Lindsay Lohan checked into a clinic after her conviction in 2012.", ()),
    ],
)
def test_when_slot_holds_dates_of_the_claims_events(text: str, when: tuple[str, ...]) -> None:
    from storyweave.claims.slots import linked_mentions, read_slots

    (item,) = annotate([make(text, ref="when.txt")])
    (unit,) = claim_units(item, item.doc)
    found = read_slots(item, item.doc, unit, linked_mentions(item, item.doc, lambda *_: None))
    assert found.when == when


def test_a_quote_opened_in_a_unit_keeps_its_closing_mark() -> None:
    text = (
        "According to Foreign Ministry spokeswoman Maria Zakharova, dialogue between the two "
        "countries is “developing positively.”"
    )
    assert [u for u, _ in _units(text)] == [
        "Dialogue between the two countries is “developing positively.”"
    ]


def test_a_unit_with_an_inherited_subject_rests_on_it_too() -> None:
    text = "The two ministers toured the factory and then signed a trade agreement."
    (item,) = annotate([make(text, ref="units.txt")])
    second = claim_units(item, item.doc)[1]
    assert second.text == "The two ministers then signed a trade agreement"
    evidence = item.article.text[second.span.start : second.span.end]
    assert evidence == "The two ministers toured the factory and then signed a trade agreement"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "A photographer for the paper watched police detain three cyclists outside the depot.",
            ["Police detain three cyclists outside the depot"],
            id="perception-verb-gives-the-clause-seen",
        ),
        pytest.param(
            "Our correspondent saw that the old footbridge had collapsed into the canal.",
            ["The old footbridge had collapsed into the canal"],
            id="perception-with-that-clause",
        ),
        pytest.param(
            "Neighbours did not see anyone leave the warehouse.",
            ["Neighbours did not see anyone leave the warehouse"],
            id="negated-perception-stays-whole",
        ),
    ],
)
def test_what_a_witness_saw_is_the_claim(text: str, expected: list[str]) -> None:
    assert [t for t, _ in _units(text)] == expected


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("Rioters set fire to two buses near the depot.", "burn"),
        ("Protesters set three cars ablaze overnight.", "burn"),
        ("Guards opened fire on the convoy at dawn.", "shoot"),
        ("The club fired its coach after the defeat.", "fire"),  # no idiom: to dismiss
    ],
)
def test_an_idiom_names_its_event(text: str, event: str) -> None:
    from storyweave.claims.lexicon import predicate_key, stem
    from storyweave.claims.slots import linked_mentions, read_slots

    (item,) = annotate([make(text, ref="idiom.txt")])
    (unit,) = claim_units(item, item.doc)
    found = read_slots(item, item.doc, unit, linked_mentions(item, item.doc, lambda *_: None))
    assert found.predicate == predicate_key(stem(event))
