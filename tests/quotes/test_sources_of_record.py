"""Who a statement rests on when the sentence names a document, an office or a closing
reporting clause the parser hangs on the wrong word (issue 19: origins).

Our own wording, unlike the dev suite's.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc

from storyweave.model import Attribution
from storyweave.quotes import find_attributions


def attributions(nlp: Any, text: str) -> list[Attribution]:
    return find_attributions(nlp(text))


def content_of(text: str, a: Attribution) -> str:
    return text[a.content.start : a.content.end]


# "Erik Dahl won the race, defeating Lena Berg, the election board said on Monday." as the
# small English model sometimes parses it: "said" a relative clause of "Berg".
_MISHUNG = [
    ("Erik", "PROPN", "NNP", "compound", 1, "Erik"),
    ("Dahl", "PROPN", "NNP", "nsubj", 2, "Dahl"),
    ("won", "VERB", "VBD", "ROOT", 2, "win"),
    ("the", "DET", "DT", "det", 4, "the"),
    ("race", "NOUN", "NN", "dobj", 2, "race"),
    (",", "PUNCT", ",", "punct", 2, ","),
    ("defeating", "VERB", "VBG", "advcl", 2, "defeat"),
    ("Lena", "PROPN", "NNP", "compound", 8, "Lena"),
    ("Berg", "PROPN", "NNP", "dobj", 6, "Berg"),
    (",", "PUNCT", ",", "punct", 8, ","),
    ("the", "DET", "DT", "det", 12, "the"),
    ("election", "NOUN", "NN", "compound", 12, "election"),
    ("board", "NOUN", "NN", "nsubj", 13, "board"),
    ("said", "VERB", "VBD", "relcl", 8, "say"),
    ("on", "ADP", "IN", "prep", 13, "on"),
    ("Monday", "PROPN", "NNP", "pobj", 14, "Monday"),
    (".", "PUNCT", ".", "punct", 2, "."),
]


def test_a_closing_reporting_clause_hung_on_a_noun_attributes_the_sentence(nlp: Any) -> None:
    words = [r[0] for r in _MISHUNG]
    spaces = [n + 1 < len(_MISHUNG) and _MISHUNG[n + 1][1] != "PUNCT" for n in range(len(words))]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        pos=[r[1] for r in _MISHUNG],
        tags=[r[2] for r in _MISHUNG],
        deps=[r[3] for r in _MISHUNG],
        heads=[r[4] for r in _MISHUNG],
        lemmas=[r[5] for r in _MISHUNG],
    )
    (a,) = find_attributions(doc)
    content = doc.text[a.content.start : a.content.end]
    assert content == "Erik Dahl won the race, defeating Lena Berg"
    assert a.chain == ("election board",) and a.source_type == "org"


def test_a_relative_clause_of_saying_stays_the_noun_s(nlp: Any) -> None:
    text = "Guards detained a driver who said he had lost his papers."
    for a in attributions(nlp, text):
        assert not content_of(text, a).startswith("Guards detained")


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        (
            "Unemployment rose to 7.1 percent in March, according to figures released by"
            " the national statistics office on Friday.",
            "national statistics office",
        ),
        (
            "Wheat exports fell by a fifth in the first quarter, according to data from the"
            " grain board.",
            "grain board",
        ),
        (
            "Rail ridership doubled over the summer, according to the transit authority's"
            " monthly report.",
            "transit authority",
        ),
    ],
)
def test_according_to_a_document_names_its_issuer(nlp: Any, text: str, issuer: str) -> None:
    (a,) = [a for a in attributions(nlp, text) if a.kind == "according_to"]
    assert a.chain[-1].removeprefix("the ") == issuer
    assert a.source_type == "org"
    assert "according" not in content_of(text, a)


@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [
        (
            "The levee did not break overnight, the Marin County flood controller said.",
            "role",
            "Marin County flood controller",
        ),
        ("The levee did not break overnight, the official said.", "unnamed", None),
        ("The levee did not break overnight, officials said.", "unnamed", None),
        ("The levee did not break overnight, a Marin County official said.", "unnamed", None),
    ],
)
def test_an_office_qualified_by_a_name_is_one_speaker(
    nlp: Any, text: str, kind: str, name: str | None
) -> None:
    (a,) = attributions(nlp, text)
    assert a.source_type == kind
    assert a.speaker_name == name


@pytest.mark.parametrize(
    "text",
    [
        "Turnout fell, according to a poll of 1,000 voters.",
        "Turnout fell, according to figures from last year.",
        "Turnout fell, according to the results of the election.",
    ],
)
def test_what_a_document_is_about_is_not_its_issuer(nlp: Any, text: str) -> None:
    (a,) = [a for a in attributions(nlp, text) if a.kind == "according_to"]
    assert a.chain[-1] not in ("1,000 voters", "last year", "the election")


def test_a_named_document_is_no_office(nlp: Any) -> None:
    for a in attributions(nlp, "The levee held, the Gallup poll said."):
        assert a.source_type != "role"
