from __future__ import annotations

import pytest

from storyweave.nlp.sentences import parse_sentence
from storyweave.timeline.compress import compress_dated, compress_sentence


def _dated(sentence: str, timex: str, *others: str) -> str | None:
    start = sentence.index(timex)
    spans = [(sentence.index(o), sentence.index(o) + len(o)) for o in others]
    got = compress_dated(parse_sentence(sentence), (start, start + len(timex)), spans)
    return got.text if got else None


@pytest.mark.parametrize(
    ("sentence", "timex", "others", "expected"),
    [
        # the date phrase and its preposition go; the event stays
        ("On Monday, the minister resigned after a long dispute.", "Monday", (),
         "The minister resigned after a long dispute."),
        # a clause dated by another expression is left out
        ("The first test in March failed, while the second test last week succeeded.", "March",
         ("last week",), "The first test failed."),
        ("The first test in March failed, while the second test last week succeeded.",
         "last week", ("March",), "The second test succeeded."),
        # a relative clause borrows its antecedent as subject
        ("Finance Minister Anna Berg, who visited Oslo in June, will attend the summit.", "June",
         (), "Finance Minister Anna Berg visited Oslo."),
        # a pronoun subject in a reported clause keeps the speaker's clause
        ("The agency said it would try again in October.", "October", (),
         "The agency said it would try again."),
        # a short opener without a name goes, one with a name stays
        ("Undeterred, the company launched a new model in May.", "May", (),
         "The company launched a new model."),
        ("According to Reuters, the plant closed in 2019.", "2019", (),
         "According to Reuters, the plant closed."),
    ],
)  # fmt: skip
def test_dated_clause(sentence: str, timex: str, others: tuple[str, ...], expected: str) -> None:
    assert _dated(sentence, timex, *others) == expected


@pytest.mark.parametrize(
    ("sentence", "timex"),
    [
        ("2019.", "2019"),
        ("In May.", "May"),
        ("PUBLISHED: 13:32 GMT, 2 May 2013 | UPDATED: 09:56 GMT, 3 May 2013", "2 May 2013"),
    ],
)
def test_no_clause_without_a_verb(sentence: str, timex: str) -> None:
    assert _dated(sentence, timex) is None


def test_compressed_words_come_from_the_sentence_in_order() -> None:
    sentence = "Earlier, the council, which met in April, approved the budget in June."
    june, april = sentence.index("June"), sentence.index("April")
    got = compress_dated(parse_sentence(sentence), (june, june + 4), [(april, april + 5)])
    assert got is not None and got.text == "The council approved the budget."
    words = got.text.rstrip(".").split()
    cursor = 0
    for w in words:  # every word is found after the previous one
        cursor = sentence.lower().index(w.strip(",.").lower(), cursor) + 1
    assert "April" not in got.text and "June" not in got.text


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In a surprise move, the board replaced its chairman.",
         "The board replaced its chairman."),
        ("According to AFP, the board replaced its chairman.",
         "According to AFP, the board replaced its chairman."),
    ],
)  # fmt: skip
def test_compress_sentence_drops_a_nameless_opener(sentence: str, expected: str) -> None:
    got = compress_sentence(parse_sentence(sentence))
    assert got is not None and got.text == expected


def test_a_range_gives_one_clause_at_its_start() -> None:
    sentence = "She stayed at the clinic from September 2010 to January 2011 after a crash."
    start, end = "September 2010", "January 2011"
    assert _dated(sentence, start, end) == "She stayed at the clinic after a crash."
    assert _dated(sentence, end, start) is None
