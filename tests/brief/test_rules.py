"""The brief's rules on hand-made stories (our own wording): whose words, whole clauses, no
leading pronoun, one fact once, readable sources, the headline only from an own-voice fact."""

from __future__ import annotations

from storyweave._types import JSON
from storyweave.brief import build_brief
from storyweave.brief.wording import article_label
from storyweave.outlets.label import NO_SOURCE

BRIDGE = (
    "The council announced plans to reopen the harbour bridge. "
    "They closed the ferry ramp on Friday. "
    "The bridge will reportedly reopen in June. "
    "Engineers inspected the cables for three weeks."
)
DOCK = "Engineers inspected the cables of the harbour bridge for three weeks, the mayor said."


def _ev(aid: str, text: str, phrase: str, **extra: object) -> JSON:
    start = text.index(phrase)
    return {"article": aid, "start": start, "end": start + len(phrase), "text": phrase, **extra}


def _claim(cid: str, status: str, text: str, evidence: list[JSON], sources: int = 1) -> JSON:
    return {"id": cid, "text": text, "status": status, "evidence": evidence,
            "independent_sources": sources, "conflicts_with": [], "origins": []}  # fmt: skip


def _brief(claims: list[JSON], attributions: list[JSON] | None = None) -> list[JSON]:
    story = {"id": "s", "articles": ["a", "b"], "claims": claims}
    report = {
        "articles": [
            {"id": "a", "text": BRIDGE, "ref": "/data/feeds/a.txt", "outlet": "Valley Post"},
            {"id": "b", "text": DOCK, "ref": "/data/feeds/b.txt", "outlet": "Dock Gazette"},
        ],
        "attributions": attributions or [],
    }
    sentences: list[JSON] = build_brief(story, report)["sentences"]
    return sentences


def test_a_fragment_gives_way_to_its_whole_source_sentence() -> None:
    claim = _claim("c1", "single_source", "Plans to reopen the harbour bridge",
                   [_ev("a", BRIDGE, "plans to reopen the harbour bridge")])  # fmt: skip
    (s,) = _brief([claim])
    assert s["text"] == (
        "According to Valley Post, the council announced plans to reopen the harbour bridge."
    )
    assert s["claims"] == ["c1"] and s["section"] == "single_source"


def test_a_sentence_never_opens_with_an_unresolved_pronoun() -> None:
    claim = _claim("c1", "single_source", "They closed the ferry ramp on Friday",
                   [_ev("a", BRIDGE, "They closed the ferry ramp on Friday")])  # fmt: skip
    assert _brief([claim]) == []


def test_a_hedge_is_kept_in_the_sentence() -> None:
    row = _ev("a", BRIDGE, "The bridge will reportedly reopen in June", modality="hedged")
    claim = _claim("c1", "single_source", "The bridge will reopen in June", [row])
    (s,) = _brief([claim])
    assert "reportedly" in s["text"] and s["modality"] == "hedged"


def test_the_headline_is_an_own_voice_corroborated_fact() -> None:
    said = _ev("b", DOCK, "Engineers inspected the cables of the harbour bridge for three weeks",
               speaker="ent_mayor", chain=["the mayor"])  # fmt: skip
    phrase = "Engineers inspected the cables for three weeks"
    first = _ev("a", BRIDGE, phrase, speaker="ent_mayor", chain=["the mayor"])
    attributed = _claim("c1", "corroborated", phrase, [first, said], sources=3)
    own = _claim("c2", "corroborated", "The council announced plans to reopen the harbour bridge",
                 [_ev("a", BRIDGE, "The council announced plans to reopen the harbour bridge"),
                  _ev("b", DOCK, "harbour bridge")], sources=2)  # fmt: skip
    sentences = _brief([attributed, own])
    heads = [s for s in sentences if s["section"] == "headline"]
    assert [h["claims"] for h in heads] == [["c2"]]  # not the better-sourced attributed one
    rest = [s for s in sentences if "c1" in s["claims"]]
    assert rest and rest[0]["section"] == "established"


def test_one_fact_is_stated_once() -> None:
    phrase = "Engineers inspected the cables for three weeks"
    twice = [
        _claim("c1", "single_source", phrase, [_ev("a", BRIDGE, phrase)]),
        _claim("c2", "single_source", "Engineers inspected the cables",
               [_ev("a", BRIDGE, "Engineers inspected the cables")]),
    ]  # fmt: skip
    assert len(_brief(twice)) == 1


def test_sources_are_named_never_by_path_or_hash() -> None:
    assert article_label({"outlet": "Valley Post", "ref": "/x/a.txt"}) == "Valley Post"
    assert article_label({"url": "https://www.dockgazette.example/n/1", "ref": "a"}) == (
        "dockgazette.example"
    )
    assert article_label({"title": "Bridge to reopen", "ref": "/x/a.txt"}) == "“Bridge to reopen”"
    assert article_label({"ref": "/x/a.txt", "id": "9f0c"}) == NO_SOURCE
    phrase = "Engineers inspected the cables for three weeks"
    claim = _claim("c1", "single_source", phrase, [_ev("a", BRIDGE, phrase)])
    claim["origins"] = ["/data/feeds/a.txt"]
    (s,) = _brief([claim])
    assert s["label"] == "Valley Post" and "/data" not in s["text"]


def test_a_question_or_the_writer_speaking_is_no_report() -> None:
    text = "Will the harbour bridge ever reopen. Frankly, I am tired of waiting for it."
    rows = [_claim("c1", "single_source", "Will the harbour bridge ever reopen",
                   [_ev("a", text, "Will the harbour bridge ever reopen")]),
            _claim("c2", "single_source", "Frankly, I am tired of waiting for it",
                   [_ev("a", text, "Frankly, I am tired of waiting for it")])]  # fmt: skip
    story = {"id": "s", "articles": ["a"], "claims": rows}
    report = {"articles": [{"id": "a", "text": text, "ref": "a", "outlet": "Valley Post"}]}
    assert build_brief(story, report)["sentences"] == []


def test_a_disputed_side_inside_a_longer_statement_is_its_own_clause_with_its_source() -> None:
    quarry = "Four workers were hurt in the quarry blast on Monday, the mine owner said."
    depot = "Six workers were hurt and two trucks burned in the blast, the fire service said."
    owner = {"modality": "asserted", "chain": ["the mine owner"], "speaker": "the mine owner"}
    fire = {"modality": "asserted", "chain": ["the fire service"], "speaker": "the fire service"}
    four = _ev("a", quarry, "Four workers were hurt", **owner)
    six = _ev("b", depot, "Six workers were hurt", **fire)
    trucks = _ev("b", depot, "two trucks burned in the blast", **fire)
    claims = [
        {**_claim("c1", "conflicting", "Four workers were hurt", [four]), "conflicts_with": ["c2"]},
        {**_claim("c2", "conflicting", "Six workers were hurt", [six]), "conflicts_with": ["c1"]},
        _claim("c3", "corroborated", "Two trucks burned in the blast", [trucks], sources=2),
    ]

    def said(aid: str, text: str, who: str) -> JSON:
        content = text[: text.index(", ")]
        return {"article": aid, "kind": "indirect", "statement": True, "chain": [who],
                "source": _ev(aid, text, who), "cue": _ev(aid, text, "said"),
                "content": _ev(aid, text, content)}  # fmt: skip

    story = {"id": "s", "articles": ["a", "b"], "claims": claims}
    report = {
        "articles": [
            {"id": "a", "text": quarry, "ref": "a", "outlet": "Quarry News"},
            {"id": "b", "text": depot, "ref": "b", "outlet": "Depot Radio"},
        ],
        "attributions": [said("a", quarry, "the mine owner"), said("b", depot, "the fire service")],
    }
    sentences = build_brief(story, report)["sentences"]
    disputed = [s["text"] for s in sentences if s["section"] == "disputed"]
    assert len(disputed) == 2
    assert "The fire service said six workers were hurt." in disputed
    assert not any("trucks" in t for t in disputed)  # the other fact is not carried along


def test_a_partitive_of_an_unresolved_pronoun_opens_no_sentence() -> None:
    from storyweave.brief.wording import leading_pronoun

    assert leading_pronoun("One of them told the judge he needed more time.")
    assert leading_pronoun("Some of those arrested were released on Sunday.")
    assert not leading_pronoun("One of the pilots was treated in hospital.")
    assert not leading_pronoun("Two of the three bridges reopened on Monday.")
