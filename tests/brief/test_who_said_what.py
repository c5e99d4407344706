"""The brief's "Who said what": statements only, relayed words in the article's order, labels."""

from __future__ import annotations

from storyweave._types import JSON
from storyweave.brief import build_brief

TEXT = (
    "Citing Kremlin spokesman Dmitry Peskov, TASS news agency reported that Shoigu would take "
    "part in the talks. Minister Alexander Kozlov welcomed the North Korean leader at the "
    "airport. Lohan said she was not driving."
)


def _span(phrase: str) -> JSON:
    start = TEXT.index(phrase)
    return {"start": start, "end": start + len(phrase), "text": phrase}


def _row(source: str, cue: str, content: str, **extra: object) -> JSON:
    return {"article": "a", "kind": "indirect", "source": _span(source), "cue": _span(cue),
            "content": _span(content), "speaker": None, **extra}  # fmt: skip


def _who_said_what(rows: list[JSON]) -> list[JSON]:
    story = {"id": "s", "articles": ["a"], "claims": [], "timeline": []}
    report = {"articles": [{"id": "a", "text": TEXT, "ref": "a"}], "attributions": rows}
    brief = build_brief(story, report)
    return [s for s in brief["sentences"] if s["section"] == "who_said_what"]


def test_relayed_words_keep_the_carrier_and_the_article_order() -> None:
    row = _row("Kremlin spokesman Dmitry Peskov", "reported",
               "that Shoigu would take part in the talks",
               chain=["TASS", "Dmitry Peskov"], speaker_name="Dmitry Peskov")  # fmt: skip
    (sentence,) = _who_said_what([row])
    assert sentence["text"] == (
        "Citing Kremlin spokesman Dmitry Peskov, TASS news agency reported that Shoigu would "
        "take part in the talks."
    )


def test_acts_and_stances_are_not_in_who_said_what() -> None:
    act = _row("Minister Alexander Kozlov", "welcomed", "the North Korean leader",
               statement=False, chain=["Alexander Kozlov"])  # fmt: skip
    said = _row("Lohan", "said", "she was not driving", statement=True,
                chain=["Lohan"], speaker_name="Lindsay Lohan")  # fmt: skip
    found = _who_said_what([act, said])
    assert [s["text"] for s in found] == ["Lohan said she was not driving."]
    assert "via" not in found[0]["label"]  # "Lohan" is the speaker, not a carrier
