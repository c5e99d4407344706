"""Constructions found on PolNeAR train: continuations, frames, fronted clauses, nesting."""

from __future__ import annotations

from typing import Any

import pytest

from storyweave.model import Attribution
from storyweave.quotes import find_attributions


def _found(nlp: Any, text: str) -> list[Attribution]:
    return find_attributions(nlp(text))


def _contents(text: str, found: list[Attribution]) -> list[str]:
    return [text[a.content.start : a.content.end] for a in found]


def _cues(text: str, found: list[Attribution]) -> list[str]:
    return [text[a.cue.start : a.cue.end] for a in found if a.cue is not None]


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a quote that opens a sentence in mid-paragraph
        ("The bill passed on Monday. “We won,” Senator Ann Ray said.", "“We won,”"),
        # a finite intransitive verb after the quote is a manner of speaking
        ("“OK, for a start, you are wrong,” Oliver barked.", "“OK, for a start, you are wrong,”"),
        # any verb with a subject before a colon
        ("Mr. Christie gloated: “I told you he was not ready.”", "“I told you he was not ready.”"),
        # a verb with a particle before a comma
        (
            "The senator spoke. Hillary shot back, “I suppose I could have stayed home.”",
            "“I suppose I could have stayed home.”",
        ),
        # a reporting verb the tagger took for a noun, before a colon
        (
            "It was signed in 1951. Article 33 affirms: “No Contracting State shall expel "
            "or return a refugee in any manner whatsoever.”",
            "“No Contracting State shall expel or return a refugee in any manner whatsoever.”",
        ),
        # a quote-only verb that names nothing still hands off a quote
        ("The sign on the door read: “Closed for the holidays.”", "“Closed for the holidays.”"),
    ],
)
def test_direct_quote_cues(nlp: Any, text: str, content: str) -> None:
    found = _found(nlp, text)
    assert content in _contents(text, found)
    assert next(a for a in found if text[a.content.start : a.content.end] == content).kind == (
        "direct"
    )


@pytest.mark.issue(5)
def test_quote_continues_across_cue_clause_with_scare_quote(nlp: Any) -> None:
    text = (
        "“Revenues are up a little,” said Mr. Ekovich, who noted that prices had "
        "“cratered” in the recession. “Things are moving in the right direction.”"
    )
    found = [a for a in _found(nlp, text) if a.kind == "direct"]
    assert _contents(text, found) == [
        "“Revenues are up a little,”",
        "“Things are moving in the right direction.”",
    ]
    assert found[0].source == found[1].source


@pytest.mark.issue(5)
def test_whole_quote_continues_reported_speech(nlp: Any) -> None:
    text = (
        "Senator Ann Ray said they had made real progress on the budget. "
        "“I really believe the deal will hold.”"
    )
    found = _found(nlp, text)
    assert _contents(text, found) == [
        "they had made real progress on the budget",
        "“I really believe the deal will hold.”",
    ]
    assert found[0].cue == found[1].cue and found[0].source == found[1].source


@pytest.mark.issue(5)
def test_scare_quote_after_reported_speech_is_the_writers(nlp: Any) -> None:
    text = "Senator Ann Ray said prices rose sharply in May. The “reform” failed anyway."
    found = _found(nlp, text)
    assert _contents(text, found) == ["prices rose sharply in May"]


@pytest.mark.issue(5)
def test_attributions_do_not_nest(nlp: Any) -> None:
    text = "Mr. Obama said his critics seem to think that he is weak."
    found = _found(nlp, text)
    assert _cues(text, found) == ["said"]


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    ("text", "contents"),
    [
        (
            "A teenage girl was hurt by a bystander outside the venue, police said.",
            ["A teenage girl was hurt by a bystander outside the venue"],
        ),
        (
            "Mr. Obama, officials said, has become skeptical about the plan.",
            ["Mr. Obama", "has become skeptical about the plan"],
        ),
        (
            "Trump said things should be wrapped up by July, referring to the convention.",
            ["things should be wrapped up by July"],
        ),
    ],
)
def test_clause_extents(nlp: Any, text: str, contents: list[str]) -> None:
    found = _found(nlp, text)
    assert _contents(text, found)[: len(contents)] == contents


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Sanders wants to expand the program for veterans.", "wants", "to expand the program"),
        ("She called the plan “a disaster.”", "called", "the plan “a disaster.”"),
        ("Clinton accused Sanders of a flip-flop on guns.", "accused", "Sanders of a flip-flop"),
        ("He talked about jobs and wages in Ohio.", "talked", "jobs and wages"),
        ("The court seemed to send a strong signal.", "seemed", "The court seemed to send"),
    ],
)
def test_verb_frames(nlp: Any, text: str, cue: str, content: str) -> None:
    found = _found(nlp, text)
    assert found, text
    assert _cues(text, found)[0] == cue
    assert _contents(text, found)[0].startswith(content)


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    "text",
    [
        "The bridge reopened on Monday after repairs.",
        "Workers painted the fence and fixed the roof.",
    ],
)
def test_no_cue_no_frame(nlp: Any, text: str) -> None:
    assert _found(nlp, text) == []


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    ("text", "contents"),
    [
        # a second predicate of the speaker is not part of what they said
        (
            "Rajoy said Monday that he will try to form a stable government and insisted "
            "that his party was still the strongest force in Spain.",
            ["that he will try to form a stable government"],
        ),
        # a stance verb's content is its object with what completes it
        (
            "Clinton blamed the “fog of war” for the failure to send help.",
            ["the “fog of war” for the failure to send help"],
        ),
    ],
)
def test_content_boundaries(nlp: Any, text: str, contents: list[str]) -> None:
    found = _found(nlp, text)
    assert _contents(text, found)[: len(contents)] == contents


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        # the quote goes on after "said X, <aside>,"
        (
            '"These guys know how to use words," said Sherman, speaking of politicians, '
            '"and leave themselves a little wiggle room."',
            ['"These guys know how to use words,"', '"and leave themselves a little wiggle room."'],
        ),
        # a lead-in word before the next quote of the same speaker
        (
            "“I don’t think it’s do or die,” he said outside the building. But “the "
            "endorsement helps a lot.”",
            ["“I don’t think it’s do or die,”", "“the endorsement helps a lot.”"],
        ),
        # a colon before the quote, the cue after it
        (
            "He explained why it was impossible: “Trust me, I share your exasperation,” "
            "Sullivan wrote.",
            ["“Trust me, I share your exasperation,”"],
        ),
        # a nested quote closes the passage before the hand-off
        (
            "Visits went well. \"He just stopped and said, 'How do we win Loudoun?'\" Will "
            "Estrada said of the encounter.",
            ["\"He just stopped and said, 'How do we win Loudoun?'\""],
        ),
        # an inverted cue with a relative clause on the speaker
        (
            "It became a museum. Said Dorothy Poynter, who grew up with Ali, “We were all so "
            "proud of him.”",
            ["“We were all so proud of him.”"],
        ),
        # a sentence ending in an acronym is still a sentence end
        (
            '"Trump has a problem with women," says Garin, a strategist for the pro-Clinton '
            'super PAC. "Democrats can\'t win without winning women."',
            ['"Trump has a problem with women,"', '"Democrats can\'t win without winning women."'],
        ),
        # the closing mark was lost at the end of the paragraph
        (
            "“Trump is a candidate unlike any other,” said Baron. “His positions have "
            "defied all conventions.\n\nNext paragraph.",
            [
                "“Trump is a candidate unlike any other,”",
                "“His positions have defied all conventions.",
            ],
        ),
    ],
)
def test_quotes_of_one_speaker(nlp: Any, text: str, quotes: list[str]) -> None:
    found = [a for a in _found(nlp, text) if a.kind == "direct"]
    assert _contents(text, found) == quotes
    assert len({a.source for a in found}) == 1


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Graham called both Trump and Hillary Clinton “crazy” and said the party would lose.",
            "both Trump and Hillary Clinton “crazy”",
        ),
        (
            'For that she drew his ire - he called her "weak" and said she had no support.',
            'her "weak"',
        ),
        (
            "Trump referred to Obama as “the most valuable player” for the Islamic State.",
            "Obama as “the most valuable player” for the Islamic State",
        ),
        # a quoted name at the end of its sentence
        ("Hillary Clinton called it ''predatory.''", "it ''predatory.''"),
        # what the naming verb governs stops at the paragraph's end
        (
            "State calls 22 emails of Clinton 'top secret.'\n\n"
            "Campaign criticizes spy agencies and timing of finding's release",
            "22 emails of Clinton 'top secret.'",
        ),
    ],
)
def test_quoted_names(nlp: Any, text: str, content: str) -> None:
    found = _found(nlp, text)
    assert content in _contents(text, found)


@pytest.mark.issue(5)
def test_a_work_called_by_a_name_is_not_speech(nlp: Any) -> None:
    text = "His campaign broadcast a short film called “Tenemos Familias” on Univision."
    assert not [a for a in _found(nlp, text) if "Tenemos" in text[a.content.start : a.content.end]]


@pytest.mark.issue(5)
def test_mostly_quoted_sentence_continues_a_direct_quote(nlp: Any) -> None:
    text = (
        "“There were no public campaigns,” said Jeremy Bash, a former aide. “This was an "
        "example of Obama” and his team “just quietly deciding to use our leverage.”"
    )
    found = _found(nlp, text)
    assert _contents(text, found)[-1] == (
        "“This was an example of Obama” and his team “just quietly deciding to use our leverage.”"
    )
    assert found[-1].source == found[0].source


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the super PAC. Next", True),
        ("said Mr. Smith", False),
        ("the U.S. and", False),
        # a title before a name never ends a sentence
        ("said Sen. Smith", False),
        ("met Gov. Ducey", False),
        ("Dr. Ben Carson", False),
        ("the No. 2 official", False),
        # a suffix after a name ends one before a capital, a quotation mark or the end
        ("Goldman Sachs & Co. Obama", True),
        ("the chief of Acme Inc. “We", True),
        ("Joseph R. Biden Jr.\n\nWhat", True),
        ("a film starring Cuba Gooding Jr.", True),
        ("Acme Inc. said", False),
        ("Acme Corp., a unit", False),
    ],
)
def test_sentence_ends_at_acronyms_not_abbreviations(text: str, expected: bool) -> None:
    from storyweave.quotes.syntax import ends_sentence

    assert ends_sentence(text, text.rindex(".")) is expected


@pytest.mark.issue(5)
def test_quote_continues_after_sentence_ending_in_company_suffix(nlp: Any) -> None:
    text = (
        "“Sales are up,” said Ann Ray, the chief executive of Acme Inc. But “we are hiring again.”"
    )
    found = [a for a in _found(nlp, text) if a.kind == "direct"]
    assert _contents(text, found) == ["“Sales are up,”", "“we are hiring again.”"]
    assert found[0].source == found[1].source


@pytest.mark.issue(5)
def test_coordinated_verbs_of_a_relative_clause_stay_in_the_content(nlp: Any) -> None:
    # "proposed" shares the relative clause's subject: it is not the reporter's second act
    text = (
        "TASS news agency reported that Russian Defense Minister Sergei Shoigu - who visited "
        "Pyongyang in July and recently proposed bilateral joint naval exercises - would take "
        "part in the talks."
    )
    found = _found(nlp, text)
    assert _contents(text, found)[0] == text[text.index("that") : -1]
