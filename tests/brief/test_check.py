"""The brief checker: every kind of finding on hand-made report dicts, and a run on the
bundled examples' report."""

from __future__ import annotations

import json
from typing import Any

import pytest

from storyweave._types import JSON
from storyweave.analysis import ingest
from storyweave.brief.check import BriefCheck, SentenceCheck, check_brief
from storyweave.nlp.models import load_nlp
from storyweave.report import build_report
from storyweave.storage import open_store
from tests.conftest import EXAMPLES

TRAM = (
    "The city council approved a new tram line on Tuesday. Transport official Mira Holt "
    "said the line would open in 2027. The mayor reportedly plans to request federal funds. "
    "Engineers did not expect delays. If the budget passes, work will start in spring. "
    "Seventeen stations are planned. The operator denied that its trams were unsafe."
)
FERRY = (
    "Ferry crossings to the harbour resumed at dawn after the storm, the Harbour Authority said."
)


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_nlp()


def ev(phrase: str, article: str = "t", text: str = TRAM, **extra: Any) -> JSON:
    start = text.index(phrase)
    return {"article": article, "start": start, "end": start + len(phrase), **extra}


def report(sentences: list[JSON], claims: list[JSON] | None = None, **extra: Any) -> JSON:
    articles = [
        {"id": "t", "text": TRAM, "outlet": "Lakeside Courier", "ref": "t"},
        {"id": "f", "text": FERRY, "outlet": "Island Post", "ref": "f"},
    ]
    story = {"id": "s", "articles": ["t", "f"], "claims": claims or [],
             "brief": {"sentences": sentences}}  # fmt: skip
    return {"articles": articles, "entities": [], "attributions": [], "stories": [story]} | extra


def sentence(text: str, *evidence: JSON, **extra: Any) -> JSON:
    return {"text": text, "evidence": list(evidence), "section": "single_source", **extra}


def claim(cid: str, text: str, *evidence: JSON, **extra: Any) -> JSON:
    return {"id": cid, "text": text, "status": "single_source", "evidence": list(evidence),
            "same_event": [], **extra}  # fmt: skip


def check(rep: JSON, nlp: Any) -> BriefCheck:
    return check_brief(rep["stories"][0], rep, nlp=nlp)


def only(rep: JSON, nlp: Any) -> SentenceCheck:
    (found,) = check(rep, nlp).sentences
    return found


def test_unsupported_words_and_the_cited_outlets_own_frame(nlp: Any) -> None:
    span = ev("The city council approved a new tram line on Tuesday")
    invented = sentence("The city council cancelled a new tram line on Tuesday.", span)
    plain = sentence("The city council approved a new tram line.", span)
    framed = sentence("According to Lakeside Courier, the council approved a tram line.", span)
    wrong_outlet = sentence("According to Island Post, the council approved a tram line.", span)
    out = check(report([invented, plain, framed, wrong_outlet]), nlp).sentences
    assert [s.unsupported for s in out] == [True, False, False, True]
    assert out[2].attribution_added == ""  # the article's own outlet is its source
    assert out[3].attribution_added == "Island Post"


def test_attribution_dropped_from_a_claim_row_and_kept_by_name_or_frame(nlp: Any) -> None:
    row = ev("the line would open in 2027", speaker="Mira Holt", chain=["Mira Holt"],
             modality="asserted")  # fmt: skip
    claims = [claim("c1", "the line would open in 2027", row)]
    bare = sentence("The line would open in 2027.", ev("the line would open in 2027"))
    named = sentence("Holt: the line would open in 2027.", ev("the line would open in 2027"))
    framed = sentence(
        "Transport official Mira Holt said the line would open in 2027.",
        ev("Transport official Mira Holt said the line would open in 2027"),
    )
    reported = sentence("The line reportedly would open in 2027.", ev("the line would open"))
    council = ev("The city council approved a new tram line on Tuesday", speaker="city council",
                 chain=["city council"])  # fmt: skip
    claims.append(claim("c0", "The city council approved a new tram line on Tuesday", council))
    own_act = sentence(
        "The city council approved a new tram line.", ev("The city council approved")
    )
    out = check(report([bare, named, framed, reported, own_act], claims), nlp).sentences
    assert out[0].attribution_dropped == ("Mira Holt",)
    assert out[0].claims == ("c1",)
    # named, said, "reportedly", or the source as the subject of its own act
    assert [s.attribution_dropped for s in out[1:]] == [(), (), (), ()]


def test_attribution_dropped_from_an_attribution_row_not_from_the_outlet(nlp: Any) -> None:
    said = {"article": "f", "kind": "indirect", "statement": True,
            "content": ev("Ferry crossings to the harbour resumed at dawn after the storm",
                          "f", FERRY),
            "source": ev("the Harbour Authority", "f", FERRY), "cue": ev("said", "f", FERRY),
            "speaker": None, "speaker_name": None,
            "chain": ["Island Post", "Harbour Authority"]}  # fmt: skip
    span = ev("Ferry crossings to the harbour resumed at dawn", "f", FERRY)
    rep = report([sentence("Ferry crossings to the harbour resumed at dawn.", span)],
                 attributions=[said])  # fmt: skip
    # "harbour" in the words it attributes does not name the Harbour Authority as their source
    assert only(rep, nlp).attribution_dropped == ("Harbour Authority", "the Harbour Authority")
    said["chain"] = ["Island Post"]  # only the outlet: the article's own voice
    said["source"] = None
    assert only(rep, nlp).attribution_dropped == ()


def test_attribution_added_when_the_evidence_shows_no_such_source(nlp: Any) -> None:
    span = ev("The city council approved a new tram line on Tuesday")
    rep = report([sentence("The mayor said the city council approved a new tram line.", span)])
    assert only(rep, nlp).attribution_added == "The mayor"
    declared = sentence("The city council approved a tram line.", span,
                        attribution={"speaker": "Dana Reyes", "chain": []})  # fmt: skip
    assert only(report([declared]), nlp).attribution_added == "Dana Reyes"
    pronoun = sentence("The city council approved a tram line.", span,
                       attribution={"speaker": None, "chain": ["she"]})  # fmt: skip
    assert only(report([pronoun]), nlp).attribution_added == ""


def test_modality_dropped_from_claim_rows_spans_and_gaps(nlp: Any) -> None:
    row = ev("The mayor reportedly plans to request federal funds", modality="hedged")
    claims = [claim("c2", "The mayor reportedly plans to request federal funds", row)]
    span = ev("The mayor reportedly plans to request federal funds")
    plain = sentence("The mayor will request federal funds.", span)
    kept = sentence("The mayor plans to request federal funds.", span)
    cut = sentence("Engineers expect delays.", ev("Engineers did not expect delays"))
    gap = sentence("Engineers expect delays.", ev("Engineers"), ev("expect delays"))
    declared = sentence("Work will start in spring.", ev("work will start in spring"),
                        modality="conditional")  # fmt: skip
    governed = sentence("Its trams were unsafe.", ev("its trams were unsafe"))
    condition = sentence("Work will start in spring.", ev("work will start in spring"))
    out = check(report([plain, kept, cut, gap, declared, governed, condition], claims),
                nlp).sentences  # fmt: skip
    assert out[0].modality_dropped == "hedged (claim evidence)"
    assert out[1].modality_dropped == ""
    assert out[2].modality_dropped == "denied: not"
    assert out[3].modality_dropped == "denied: not"  # the negation between the cited spans
    assert out[4].modality_dropped == "conditional (claim evidence)"
    assert out[5].modality_dropped == "denied: denied"  # governs the cited words
    assert out[6].modality_dropped == "conditional: If"


def test_repeats_by_claim_by_words_but_not_across_polarity_or_figures(nlp: Any) -> None:
    council = ev("The city council approved a new tram line on Tuesday")
    out = check(
        report([
            sentence("The city council approved a new tram line.", council, claims=["c1"]),
            sentence("A new line was approved.", council, claims=["c1"]),
            sentence("On Tuesday the city council approved a new tram line.", council),
            sentence("The city council did not approve a new tram line.", council),
            sentence("The city council rejected a new tram line.", council),
            sentence("Seventeen stations are planned.", ev("Seventeen stations are planned")),
            sentence("Twelve stations are planned.", ev("stations are planned")),
        ]),
        nlp,
    ).sentences  # fmt: skip
    assert [s.repeat_of for s in out] == [None, 0, 0, None, None, None, None]


def test_fragments(nlp: Any) -> None:
    cases = {
        "When the budget passes.": True,
        "Voting by the city council.": True,
        "Transport official Mira Holt saying the line would open.": True,
        "According to Lakeside Courier, if the budget passes.": True,
        "Mira Holt said: “We are ready.”": False,
        "Work will start in spring.": False,
        "According to Lakeside Courier, work will start in spring.": False,
    }
    span = ev(TRAM)
    out = check(report([sentence(t, span) for t in cases]), nlp).sentences
    assert {s.text: s.fragment for s in out} == cases


def test_leading_pronouns(nlp: Any) -> None:
    cases = {
        "She said the line would open in 2027.": "She",
        "Its stations are planned.": "Its",
        "This plan needs federal funds.": "This",
        "According to Lakeside Courier, they approved a tram line.": "they",
        "It is unclear whether the budget passes.": "",
        "“We are ready,” Mira Holt said.": "",
        "The council approved it.": "",
        "One of them voted against the tram line.": "One of them",
        "One of the councillors voted against it.": "",
    }
    span = ev(TRAM)
    out = check(report([sentence(t, span) for t in cases]), nlp).sentences
    assert {s.text: s.leading_pronoun for s in out} == cases


def test_coverage_counts_a_same_event_group_once(nlp: Any) -> None:
    claims = [
        claim("c1", "The city council approved a new tram line on Tuesday",
              ev("The city council approved a new tram line on Tuesday"), same_event=["c3"]),
        claim("c2", "Seventeen stations are planned", ev("Seventeen stations are planned")),
        claim("c3", "The city council approved a new tram line", ev("approved a new tram line"),
              same_event=["c1"]),
    ]  # fmt: skip
    stated = sentence("The city council approved a new tram line on Tuesday.",
                      ev("The city council approved a new tram line on Tuesday"))  # fmt: skip
    found = check(report([stated], claims), nlp)
    assert (found.claims, found.covered, found.coverage) == (2, 1, 0.5)
    assert found.totals()["sentences"] == 1
    assert json.loads(json.dumps(found.to_json()))["coverage"] == 0.5


@pytest.fixture(scope="module")
def examples_report() -> JSON:
    with open_store(":memory:") as store:
        ids = ingest(sorted(EXAMPLES.glob("*.jsonl")), store=store).article_ids
        rep: JSON = build_report(store, ids)
    return rep


def test_the_checker_runs_on_the_examples_report(examples_report: JSON) -> None:
    for story in examples_report["stories"]:
        found = check_brief(story, examples_report)
        sentences = story["brief"]["sentences"]
        assert [s.index for s in found.sentences] == list(range(len(sentences)))
        assert found.totals()["unsupported"] == 0  # the brief fails closed
        assert 0 < found.covered <= found.claims
        for s in found.sentences:
            assert s.repeat_of is None or s.repeat_of < s.index
            assert set(s.claims) <= {c["id"] for c in story["claims"]}


def test_a_first_person_possessive_leads_no_brief_sentence() -> None:
    from storyweave.brief.wording import leading_pronoun

    assert leading_pronoun("Our crew counted 30 houses reduced to rubble.")
    assert leading_pronoun("My colleague saw the fire.")
    assert not leading_pronoun("Ourense province was flooded.")
