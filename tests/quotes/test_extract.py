from __future__ import annotations

from typing import Any

import pytest

from storyweave.model import Attribution
from storyweave.quotes import find_attributions


def _run(nlp: Any, text: str) -> tuple[str, list[Attribution]]:
    return text, find_attributions(nlp(text))


def _text(text: str, span: Any) -> str | None:
    return None if span is None else text[span.start : span.end]


SEED = (
    "Analysts say the meeting between North Korean leader Kim Jong-un and Russian President "
    "Vladimir Putin at the Vostochny Cosmodrome is symbolic.\n"
    "Quoting An Chan-il, a researcher in charge of running the World Institute for Korean "
    "Affairs, AFP news agency said Pyongyang is seeking help with satellite technology.\n"
    "A day earlier, President Putin announced plans to visit the Vostochny Cosmodrome. "
    "According to RIA Novosti news agency, the Kremlin leader said Russia plans to attract "
    "private investors in the space sector, and affirmed that Moscow will help Pyongyang "
    "build satellites.\n"
    "“The North Korean leadership shows great interest in missile technology,” President "
    "Putin said.\n"
    "Asked by reporters if military cooperation was on the agenda, President Putin said: "
    "“We will talk about all issues. There is no rush. There is still time.”\n"
    "Citing Kremlin spokesman Dmitry Peskov, TASS news agency reported that Russian Defense "
    "Minister Sergei Shoigu would take part in the talks.\n"
    "Earlier, Kim Jong-un stressed that the trip was his first overseas trip since the "
    "pandemic.\n"
    "According to Foreign Ministry spokeswoman Maria Zakharova, communication channels "
    "between Russia and North Korea have been restored. Dialogue between the two countries "
    "is “developing positively.”\n"
)


@pytest.fixture
def seed(nlp: Any) -> tuple[str, list[Attribution]]:
    return _run(nlp, SEED)


def _find(found: list[Attribution], text: str, content_start: str) -> Attribution:
    hits = [a for a in found if _text(text, a.content).startswith(content_start)]  # type: ignore[union-attr]
    assert hits, f"no attribution whose content starts with {content_start!r}"
    return hits[0]


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    ("content_start", "kind", "source", "chain", "source_type"),
    [
        ("the meeting between", "indirect", "Analysts", ("Analysts",), "unnamed"),
        ("Pyongyang is seeking", "indirect", None, ("AFP", "An Chan-il"), "person"),
        (
            "Russia plans to attract",
            "indirect",
            "the Kremlin leader",
            ("RIA Novosti", "Vladimir Putin"),
            "role",
        ),
        (
            "that Moscow will help",
            "indirect",
            "the Kremlin leader",
            ("RIA Novosti", "Vladimir Putin"),
            "role",
        ),
        ("“The North Korean", "direct", "President Putin", ("Vladimir Putin",), "person"),
        ("“We will talk", "direct", "President Putin", ("Vladimir Putin",), "person"),
        ("that Russian Defense", "indirect", None, ("TASS", "Dmitry Peskov"), "person"),
        ("that the trip was", "indirect", "Kim Jong-un", ("Kim Jong-un",), "person"),
        ("communication channels", "according_to", None, ("Maria Zakharova",), "person"),
    ],
)
def test_seed_attributions(
    seed: tuple[str, list[Attribution]],
    content_start: str,
    kind: str,
    source: str | None,
    chain: tuple[str, ...],
    source_type: str,
) -> None:
    text, found = seed
    att = _find(found, text, content_start)
    assert att.kind == kind
    if source is not None:
        assert _text(text, att.source) == source
    assert att.chain == chain
    assert att.source_type == source_type
    assert att.speaker is None


def test_seed_direct_quote_spans_include_marks(seed: tuple[str, list[Attribution]]) -> None:
    text, found = seed
    att = _find(found, text, "“We will talk")
    assert _text(text, att.content) == (
        "“We will talk about all issues. There is no rush. There is still time.”"
    )
    assert _text(text, att.cue) == "said"


def test_seed_according_to_continues_in_next_sentence(
    seed: tuple[str, list[Attribution]],
) -> None:
    text, found = seed
    att = _find(found, text, "Dialogue between")
    assert _text(text, att.content) == (
        "Dialogue between the two countries is “developing positively.”"
    )
    assert att.speaker_name == "Maria Zakharova"
    assert att.chain == ("Maria Zakharova",)
    first = _find(found, text, "communication channels")
    assert (att.cue, att.source) == (first.cue, first.source)


def test_spans_lie_in_text(seed: tuple[str, list[Attribution]]) -> None:
    text, found = seed
    for att in found:
        for span in (att.content, att.cue, att.source):
            assert span is None or span.within(len(text))


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        ("“We are ready,” the minister said.", "“We are ready,”", "the minister"),
        ("“We are ready,” said John Smith, a spokesman.", "“We are ready,”", "John Smith"),
        ('"We are ready," she told reporters.', '"We are ready,"', "she"),
        ("''We are ready,'' Mr. Brown said.", "''We are ready,''", "Mr. Brown"),
        ("The mayor said: „We are ready.“", "„We are ready.“", "The mayor"),
        ("The mayor said: « We are ready. »", "« We are ready. »", "The mayor"),
        ("``We are ready,'' the mayor said.", "``We are ready,''", "the mayor"),
    ],
)
def test_direct_quote_forms(nlp: Any, text: str, content: str, source: str) -> None:
    _, found = _run(nlp, text)
    direct = [a for a in found if a.kind == "direct"]
    assert [_text(text, a.content) for a in direct] == [content]
    assert _text(text, direct[0].source).startswith(source)  # type: ignore[union-attr]


def test_split_quote_shares_speaker(nlp: Any) -> None:
    text = "“We will win,” he said, “and we will do it soon.” Mary Jones smiled."
    _, found = _run(nlp, text)
    direct = [a for a in found if a.kind == "direct"]
    assert [_text(text, a.content) for a in direct] == [
        "“We will win,”",
        "“and we will do it soon.”",
    ]
    assert direct[0].cue == direct[1].cue
    assert direct[0].source == direct[1].source


def test_continuation_paragraph(nlp: Any) -> None:
    text = "“The plan is good,” Mayor Anna Lee said.\n\n“It will create jobs.”"
    _, found = _run(nlp, text)
    assert [_text(text, a.content) for a in found if a.kind == "direct"] == [
        "“The plan is good,”",
        "“It will create jobs.”",
    ]
    assert all(a.speaker_name == "Anna Lee" for a in found)


@pytest.mark.parametrize(
    "text",
    [
        "The “American Pie” star arrived in Paris on Monday.",
        "Critics dismissed the “reform” as cosmetic.",
        "She starred in “Gone Girl” and later in “Wild”.",
        "The so-called “deal of the century” collapsed.",
    ],
)
def test_titles_and_scare_quotes_are_not_quotes(nlp: Any, text: str) -> None:
    _, found = _run(nlp, text)
    assert [a for a in found if a.kind == "direct"] == []


@pytest.mark.parametrize(
    ("text", "content", "source_type"),
    [
        ("Officials said the bridge would reopen next week.", "the bridge would", "unnamed"),
        (
            "A source familiar with the matter said the deal was off.",
            "the deal was off",
            "unnamed",
        ),
        ("The ministry warned that prices would rise.", "that prices would rise", "org"),
        ("The economy is strong, the governor said.", "The economy is strong", "role"),
    ],
)
def test_indirect_speech(nlp: Any, text: str, content: str, source_type: str) -> None:
    _, found = _run(nlp, text)
    assert found, text
    assert _text(text, found[0].content).startswith(content)  # type: ignore[union-attr]
    assert found[0].kind == "indirect"
    assert found[0].source_type == source_type


def test_pronoun_resolves_to_earlier_speaker(nlp: Any) -> None:
    text = (
        "Senator Jane Doe spoke in Ohio on Monday. She said the bill would pass by June. "
        "“It is time,” she added."
    )
    _, found = _run(nlp, text)
    assert found
    assert {a.speaker_name for a in found} == {"Jane Doe"}
    assert {a.source_type for a in found} == {"pronoun"}


def test_according_to_at_end(nlp: Any) -> None:
    text = "The talks collapsed on Friday, according to Reuters."
    _, found = _run(nlp, text)
    (att,) = found
    assert att.kind == "according_to"
    assert _text(text, att.content) == "The talks collapsed on Friday"
    assert att.chain == ("Reuters",)


def test_credit_is_outermost(nlp: Any) -> None:
    text = "Officials said the bridge would reopen next week."
    found = find_attributions(nlp(text), credit="Tin Tuc")
    assert found[0].chain[0] == "Tin Tuc"


def test_no_speech_no_attribution(nlp: Any) -> None:
    _, found = _run(nlp, "The bridge reopened on Monday after repairs.")
    assert found == []


def test_according_to_before_a_quote_with_reported_speech_inside(nlp: Any) -> None:
    # the quote is the named source's words; the report inside it stays in them
    text = (
        "According to Paul Sperry of Counter Jihad, “Judicial Watch revealed the firm "
        "has been quietly moving detainees away from the border.”"
    )
    _, found = _run(nlp, text)
    (att,) = found
    assert att.kind == "according_to"
    assert _text(text, att.content).startswith("“Judicial Watch revealed")
    assert att.chain == ("Paul Sperry",)


def test_according_to_governs_reported_speech_outside_quotes(nlp: Any) -> None:
    text = "According to the report, the minister said the plant would close."
    _, found = _run(nlp, text)
    (att,) = found
    assert att.kind == "indirect"
    assert _text(text, att.content) == "the plant would close"
    assert len(att.chain) == 2


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        ("Officials said the bridge would reopen next week.", True),
        ("“We will win,” the senator said.", True),
        ("According to Reuters, the talks collapsed on Friday.", True),
        ("Her rep told reporters that she had entered a program.", True),
        ("Minister Alexander Kozlov welcomed the North Korean leader at the airport.", False),
        ("Kim thanked Putin for inviting him to visit the country.", False),
    ],
)
def test_statement_flag_tells_statements_from_acts(nlp: Any, text: str, statement: bool) -> None:
    _, found = _run(nlp, text)
    assert found
    assert {a.statement for a in found} == {statement}


@pytest.mark.parametrize(
    ("text", "source_type", "name"),
    [
        # the possessor is not the speaker: the rep is
        ("“We appreciate your privacy,” Reid's rep told People.", "unnamed", None),
        ("“We are ready,” Trump's campaign manager Corey Lewandowski said.", "person",
         "Corey Lewandowski"),
        ("“It is over,” Jack Ketsoyan, Reid's rep, said.", "person", "Jack Ketsoyan"),
    ],
)  # fmt: skip
def test_a_possessor_in_the_source_is_not_the_speaker(
    nlp: Any, text: str, source_type: str, name: str | None
) -> None:
    _, found = _run(nlp, text)
    (att,) = found
    assert (att.source_type, att.speaker_name) == (source_type, name)


@pytest.mark.parametrize(
    ("text", "content", "chain"),
    [
        ("TASS quoted Kremlin spokesman Dmitry Peskov as saying that the talks would last "
         "two days.", "that the talks would last two days", ("TASS", "Dmitry Peskov")),
        ("Yonhap news agency quoted a military official as saying the missile flew 600 km.",
         "the missile flew 600 km", ("Yonhap", "a military official")),
        ("The Associated Press, quoting her lawyer Mark Heller as saying on May 2 that "
         "prosecutors have not approved it yet, reported the news.",
         "that prosecutors have not approved it yet", ("Associated Press", "Mark Heller")),
        # passive, with and without the relaying outlet
        ("Peskov was quoted by TASS as saying that the talks would last two days.",
         "that the talks would last two days", ("TASS", "Peskov")),
        ("A military official was quoted as saying the missile flew 600 km.",
         "the missile flew 600 km", ("A military official",)),
    ],
)  # fmt: skip
def test_quoted_as_saying_is_the_quoted_ones_statement_relayed(
    nlp: Any, text: str, content: str, chain: tuple[str, ...]
) -> None:
    _, found = _run(nlp, text)
    (att,) = found
    assert _text(text, att.content) == content
    assert att.chain == chain


@pytest.mark.parametrize(
    "text",
    [
        "“We are ready,” Peskov was quoted as saying by RIA Novosti.",
        "“We are ready,” RIA Novosti quoted Peskov as saying.",
    ],
)
def test_a_quote_relayed_by_an_outlet_keeps_it_in_the_chain(nlp: Any, text: str) -> None:
    _, found = _run(nlp, text)
    (att,) = found
    assert att.kind == "direct"
    assert att.chain == ("RIA Novosti", "Peskov")
