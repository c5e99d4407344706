"""Issue 7's "done when", on the two seed articles (examples/kim-putin-summit.jsonl)."""

from __future__ import annotations

import pytest

from storyweave.claims import Claim
from storyweave.model import AnnotatedArticle

from .conftest import annotate, claim_covering, claims_of, make

# (phrase in the Tin Tuc report (article 0), phrase in the second report (article 1))
CORROBORATED = [
    pytest.param(
        "had a brief conversation at the Vostochny Cosmodrome",
        "have met at the Vostochny Cosmodrome",
        id="meeting-at-vostochny",
    ),
    pytest.param(
        "failed in two attempts to launch a spy satellite",
        "attempted two satellite launches",
        id="two-failed-launches",
    ),
    pytest.param(
        "Moscow will help Pyongyang build satellites",
        "willingness to assist with satellite technology",
        id="russia-helps-with-satellites",
    ),
    pytest.param(
        "prioritizing the strategic importance",
        "prioritizing North Korea-Russia relations",
        id="kim-priority-on-russia",
    ),
]

# (article, phrase) reported by one article only
SINGLE_SOURCE = [
    pytest.param(0, "launched two objects suspected to be ballistic missiles", id="ballistic"),
    pytest.param(0, "about 1,000 kilometers from Vladivostok", id="1000-km"),
    pytest.param(0, "photos signed by Soviet cosmonauts", id="signed-photos"),
    pytest.param(1, "crashing into the sea", id="crash-in-may"),
    pytest.param(1, "support for Russia's actions in Ukraine", id="ukraine-support"),
    pytest.param(1, "came into service in 2016", id="opened-2016"),
]


@pytest.mark.issue(7)
@pytest.mark.parametrize(("in_first", "in_second"), CORROBORATED)
def test_shared_facts_are_corroborated_by_two_sources(
    seed_items: list[AnnotatedArticle], seed_claims: list[Claim], in_first: str, in_second: str
) -> None:
    first = claim_covering(seed_claims, seed_items, in_first, 0)
    second = claim_covering(seed_claims, seed_items, in_second, 1)
    assert first is not None and second is not None
    assert first.id == second.id, f"{first.text!r} / {second.text!r}"
    assert first.status == "corroborated"
    assert first.independent_sources == 2
    assert "2 independent sources" in first.why


@pytest.mark.issue(7)
@pytest.mark.parametrize(("article", "phrase"), SINGLE_SOURCE)
def test_facts_one_article_reports_are_single_source(
    seed_items: list[AnnotatedArticle], seed_claims: list[Claim], article: int, phrase: str
) -> None:
    claim = claim_covering(seed_claims, seed_items, phrase, article)
    assert claim is not None
    assert claim.status == "single_source", claim.why
    assert claim.independent_sources == 1
    assert {e.article for e in claim.evidence} == {seed_items[article].article.id}


@pytest.mark.issue(7)
def test_the_seeds_contain_no_conflict(seed_claims: list[Claim]) -> None:
    assert [c.text for c in seed_claims if c.status == "conflicting"] == []
    assert all(not c.conflicts_with for c in seed_claims)


def test_evidence_spans_quote_the_articles(
    seed_items: list[AnnotatedArticle], seed_claims: list[Claim]
) -> None:
    texts = {i.article.id: i.article for i in seed_items}
    for claim in seed_claims:
        for e in claim.evidence:
            article = texts[e.article]
            assert article.text[e.span.start : e.span.end] == e.text
            assert e.span.end <= len(article.body)  # never the credit line


def test_attribution_wrapper_moves_into_the_chain(
    seed_items: list[AnnotatedArticle], seed_claims: list[Claim]
) -> None:
    claim = claim_covering(seed_claims, seed_items, "Moscow will help Pyongyang", 0)
    assert claim is not None
    (ev,) = [e for e in claim.evidence if e.article == seed_items[0].article.id]
    assert ev.text == "Moscow will help Pyongyang build satellites"
    assert ev.chain == ("RIA Novosti", "Vladimir Putin")


def test_claim_ids_are_stable_and_order_independent(
    seed_items: list[AnnotatedArticle], seed_claims: list[Claim]
) -> None:
    again = claims_of(list(reversed(seed_items)))
    assert sorted(c.id for c in again) == sorted(c.id for c in seed_claims)
    assert len({c.id for c in seed_claims}) == len(seed_claims)


@pytest.mark.issue(7)
def test_two_outlets_running_the_same_wire_copy_count_once(
    seed_items: list[AnnotatedArticle],
) -> None:
    wire = seed_items[1].article.text + "\nSource: AP"
    items = annotate(
        [
            make(wire, ref="planet", outlet="Daily Planet"),
            make(wire.replace("In a significant development, ", ""), ref="post", outlet="Post"),
        ]
    )
    claims = claims_of(items)
    shared = claim_covering(claims, items, "attempted two satellite launches", 0)
    assert shared is not None and len({e.article for e in shared.evidence}) == 2
    assert shared.status == "single_source"
    assert shared.independent_sources == 1
    assert "AP" in shared.why


def test_copies_flagged_as_duplicates_count_once(seed_items: list[AnnotatedArticle]) -> None:
    from storyweave.model import Duplicate

    text = seed_items[1].article.text
    items = annotate([make(text, ref="a", outlet="One"), make(text, ref="b", outlet="Two")])
    dup = Duplicate(items[1].article.id, items[0].article.id, "exact", 1.0)
    claims = claims_of(items, [dup])
    assert claims and all(c.independent_sources == 1 for c in claims)
    assert not [c for c in claims if c.status == "corroborated"]
    # without the store's record the shared wording still gives them away: one origin, derived
    without = claims_of(items)
    assert not [c for c in without if c.status == "corroborated"]
    both = [c for c in without if len({e.article for e in c.evidence}) == 2]
    assert both and all("likely derived" in c.why for c in both)
