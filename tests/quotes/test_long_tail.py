"""Issue 16: the long tail of attributions (labels, manner verbs, objects of "say",
message nouns before a colon, quotes in the next paragraph, writers' glosses)."""

from __future__ import annotations

from typing import Any

import pytest

from storyweave.model import Attribution
from storyweave.quotes import find_attributions


def _found(nlp: Any, text: str) -> list[Attribution]:
    return find_attributions(nlp(text))


def _text(text: str, span: Any) -> str:
    return "" if span is None else str(text[span.start : span.end])


def _by_content(text: str, found: list[Attribution]) -> dict[str, Attribution]:
    return {_text(text, a.content): a for a in found}


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # a headline credited by a name and a colon
        (
            "Gallagher: The harbour tunnel will open two years late.\n\n"
            "Transport chief Dara Gallagher told reporters on Monday that costs had doubled.",
            "Gallagher",
            "The harbour tunnel will open two years late",
        ),
        # a transcript's all-capitals speaker tag
        (
            "The host turned to the mayor.\n\nHARRIS: Well, nobody in this town wants a "
            "second toll bridge.\n",
            "HARRIS",
            "Well, nobody in this town wants a second toll bridge",
        ),
        # an interview's question
        (
            "We met her in Lisbon.\n\nQ: What made you leave the orchestra?\n\nA: Money.",
            "Q",
            "What made you leave the orchestra?",
        ),
        # a quotation right after the label is the content by itself
        (
            "Chidi Okafor and his sister were asked about the offer. Both answered at once. "
            "Okafor: “We will not sell the farm.” [Radio 4]",
            "Okafor",
            "“We will not sell the farm.”",
        ),
    ],
)
def test_speaker_labels(nlp: Any, text: str, source: str, content: str) -> None:
    found = _by_content(text, _found(nlp, text))
    assert content in found, list(found)
    att = found[content]
    assert _text(text, att.source) == source
    assert _text(text, att.cue) == ":"


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    "text",
    [
        "UPDATE: The road reopened at noon after the crash was cleared.",
        "Editor's note: An earlier version misspelled the name of the bakery.",
        "The meeting starts at 10:30 and ends when the chair says so.",
        "PUBLISHED: FRIDAY, MAY 3, 2019, 9:56 AM\nThe ferry sank.",
    ],
)
def test_editorial_labels_are_not_speakers(nlp: Any, text: str) -> None:
    assert not [a for a in _found(nlp, text) if _text(text, a.cue) == ":"]


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "“We finally did it!” beamed Rosa Delgado, the team's captain.",
            "“We finally did it!”",
            "Rosa Delgado",
        ),
        ("“Not this again,” the clerk sighed.", "“Not this again,”", "the clerk"),
        ("“You will regret it,” growled the landlord.", "“You will regret it,”", "the landlord"),
    ],
)
def test_manner_of_speaking_verbs(nlp: Any, text: str, content: str, source: str) -> None:
    found = _by_content(text, _found(nlp, text))
    assert content in found, list(found)
    assert _text(text, found[content].source).startswith(source)
    assert found[content].kind == "direct"


@pytest.mark.issue(16)
def test_object_of_say(nlp: Any) -> None:
    text = "Most farmers in the valley say the same of the new dam."
    found = _found(nlp, text)
    assert [_text(text, a.content) for a in found] == ["the same of the new dam"]
    assert _text(text, found[0].source) == "Most farmers in the valley"


@pytest.mark.issue(16)
def test_message_noun_before_colon(nlp: Any) -> None:
    text = (
        "The harbour board issued the following statement:\n\n"
        "“Our ferries will run on Sunday as planned.”"
    )
    found = _by_content(text, _found(nlp, text))
    att = found["“Our ferries will run on Sunday as planned.”"]
    assert _text(text, att.cue) == "statement"
    assert _text(text, att.source) == "The harbour board"


@pytest.mark.issue(16)
def test_quote_in_next_paragraph_continues_reported_speech(nlp: Any) -> None:
    text = (
        "Mayor Ines Kovac said the bridge would stay closed until the spring.\n\n"
        "“We cannot take chances with a structure this old.”\n\n"
        "The council meets again in March."
    )
    found = _found(nlp, text)
    by = _by_content(text, found)
    first = by["the bridge would stay closed until the spring"]
    second = by["“We cannot take chances with a structure this old.”"]
    assert (first.cue, first.source) == (second.cue, second.source)


@pytest.mark.issue(16)
def test_next_paragraph_quote_needs_a_statement_ending_its_paragraph(nlp: Any) -> None:
    text = (
        "Mayor Ines Kovac said the bridge would stay closed, and the ferry ran all week.\n\n"
        "Mayor Ines Kovac wants a new bridge by 2030. Engineers disagree.\n\n"
        "“A structure this old is a risk.”"
    )
    found = _by_content(text, _found(nlp, text))
    assert "“A structure this old is a risk.”" not in found


@pytest.mark.issue(16)
def test_closing_appositive_is_the_writers_gloss(nlp: Any) -> None:
    text = (
        "The minister said the port would be sold to a private operator, "
        "a step that unions have fought for a decade."
    )
    found = _found(nlp, text)
    assert _text(text, found[0].content) == "the port would be sold to a private operator"


@pytest.mark.issue(16)
def test_second_predicate_after_did(nlp: Any) -> None:
    text = (
        "The investor did say he found the start-up “very promising” and called its "
        "founder “a genius.”"
    )
    contents = [_text(text, a.content) for a in _found(nlp, text)]
    assert contents[0] == "he found the start-up “very promising”"


@pytest.mark.issue(16)
def test_a_time_stamp_is_not_a_labelled_statement(nlp: Any) -> None:
    text = "DENVER: MONDAY, JUNE 3, 2024, 4:10 PM\nThe storm closed two schools."
    assert not [a for a in _found(nlp, text) if _text(text, a.cue) == ":"]


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        # a reporting noun with its owner before the colon, in the quote's own sentence
        (
            "The mayor's reply was: “We will rebuild the pier by June.”",
            "“We will rebuild the pier by June.”",
            "reply",
        ),
        # a sentence that is only a speaker and a verb of saying, then the quote
        (
            "The vote was close. Professor Ada Quinn agreed. “Moderates are running out of "
            "time to find a candidate.”",
            "“Moderates are running out of time to find a candidate.”",
            "agreed",
        ),
        (
            "The party was stunned.\n\nSam Ortiz, the party chairman, said in a statement.\n\n"
            "“There are no paper ballots to recount.”",
            "“There are no paper ballots to recount.”",
            "said",
        ),
        # a verb of speaking or "chants of" right before an utterance
        (
            "As the mayor spoke, the strikers chanted “No contract, no work!” outside the hall.",
            "“No contract, no work!”",
            "chanted",
        ),
        (
            "She walked on stage to chants of “Four more years!” from the front rows.",
            "“Four more years!”",
            "chants",
        ),
    ],
)
def test_quotes_handed_off_without_a_clause(nlp: Any, text: str, content: str, cue: str) -> None:
    found = _by_content(text, _found(nlp, text))
    assert content in found, list(found)
    assert _text(text, found[content].cue) == cue


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    "text",
    [
        # a show's title after "told" is not what was said
        "“We are ready,” Mayor Ruiz told “Good Morning Lakeside” on Friday.",
        # a quoted word inside a phrase is not an utterance
        "The senator said “reform” would wait until the autumn session.",
        # a sentence whose verb reports something already is not a bare cue
        "Ms. Quinn said the deal was done. “The ink is dry.”",
    ],
)
def test_handed_off_quotes_need_an_utterance(nlp: Any, text: str) -> None:
    found = _found(nlp, text)
    cues = {_text(text, a.content): _text(text, a.cue) for a in found}
    assert "“Good Morning Lakeside”" not in cues
    assert "“reform”" not in cues
    if "“The ink is dry.”" in cues:  # a continuation of the reported speech, not a bare cue
        assert cues["“The ink is dry.”"] == cues["the deal was done"]


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "As Mayor Jane Ortiz said, the council spent twice its budget on the pier.",
            "the council spent twice its budget on the pier",
            "Mayor Jane Ortiz",
        ),
        (
            "The union is only a regional force, as the governor suggested after the vote.",
            "The union is only a regional force",
            "the governor",
        ),
    ],
)
def test_as_aside_of_a_reporting_verb(nlp: Any, text: str, content: str, source: str) -> None:
    found = _by_content(text, _found(nlp, text))
    assert content in found, list(found)
    assert _text(text, found[content].source) == source


@pytest.mark.issue(16)
def test_naming_verb_in_a_clause_of_its_own(nlp: Any) -> None:
    text = (
        "The row began at the debate in March, when Governor Ellis called the budget "
        "“a work of fiction.” Nobody answered."
    )
    found = _by_content(text, _found(nlp, text))
    assert "the budget “a work of fiction.”" in found, list(found)
    assert _text(text, found["the budget “a work of fiction.”"].cue) == "called"


@pytest.mark.issue(16)
def test_a_work_called_something_is_still_a_title(nlp: Any) -> None:
    text = "She starred in a comedy called “Second Helpings” last year."
    assert not [a for a in _found(nlp, text) if a.kind == "direct"]


@pytest.mark.issue(16)
def test_quote_in_a_dash_aside(nlp: Any) -> None:
    text = (
        "Neither farmer was won over by the minister - “He has never planted a thing,” "
        "Mr. Lund said - but both will vote."
    )
    found = _by_content(text, _found(nlp, text))
    att = found["“He has never planted a thing,”"]
    assert att.kind == "direct"
    assert _text(text, att.source) == "Mr. Lund"
    assert not any(c.startswith("Neither farmer") for c in found)


@pytest.mark.issue(16)
def test_writers_aside_between_two_quotes_keeps_them_together(nlp: Any) -> None:
    text = (
        "“I doubt the old view” - that the port is finished - “will last long,” "
        "the harbour master said."
    )
    contents = list(_by_content(text, _found(nlp, text)))
    assert "“will last long,”" not in contents or "“I doubt the old view”" in contents
