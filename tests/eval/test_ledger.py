"""The claim-ledger scorer on hand-made cases whose figures were counted by hand."""

from __future__ import annotations

from typing import Any

import pytest

from storyweave.eval.ledger import has_cue, score_case
from storyweave.eval.ledger_cases import OffsetMap, Span, make_prediction
from storyweave.eval.ledger_tables import (
    conflict_score,
    gold_slot_rows,
    kind_rows,
    pred_slot_rows,
    summary_line,
)

A1 = "Four skiers died on Sunday. Eleven others were rescued alive. The lift was shut."
A2 = "Seven skiers died on Sunday, police said. Rescuers pulled eleven people out alive."
A3 = "The resort reopened its lower slopes on Tuesday. Officials expect more snow."


def at(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def gold_span(article: str, text: str, phrase: str, side: str = "A", origin: str = "") -> dict:
    start, end = at(text, phrase)
    return {
        "article": article,
        "text": phrase,
        "start": start,
        "end": end,
        "side": side,
        "origin": origin or article,
    }


def target(tid: str, kind: str, expect: str, spans: list[dict], **extra: Any) -> dict:
    return {
        "id": tid,
        "kind": kind,
        "sub": "",
        "fact": tid,
        "expect": expect,
        "accept": extra.pop("accept", [expect]),
        "slot": extra.pop("slot", None),
        "origins": extra.pop("origins", 1),
        "spans": spans,
        "non_support": extra.pop("non_support", []),
        "brief_keep": extra.pop("brief_keep", []),
        "derived_ok": extra.pop("derived_ok", False),
    }


def case(targets: list[dict], texts: tuple[str, ...] = (A1, A2), kind: str = "number") -> dict:
    return {
        "id": "c1",
        "kind": kind,
        "title": "test",
        "articles": [{"id": f"a{i}", "text": t} for i, t in enumerate(texts, 1)],
        "targets": targets,
    }


def stored(texts: tuple[str, ...] = (A1, A2)) -> list[dict]:
    """Report ``articles[]`` rows: stored ids differ from the input refs, as in a real run."""
    return [{"id": f"h{i}", "ref": f"a{i}", "text": t} for i, t in enumerate(texts, 1)]


def ev(article: int, text: str, phrase: str) -> dict:
    start, end = at(text, phrase)
    return {"article": f"h{article}", "start": start, "end": end, "text": phrase}


def claim(cid: str, evidence: list[dict], status: str = "single_source", **extra: Any) -> dict:
    return {
        "id": cid,
        "text": cid,
        "status": status,
        "evidence": evidence,
        "independent_sources": extra.pop("sources", 1),
        "conflicts_with": extra.pop("conflicts_with", []),
        "disagreements": extra.pop("disagreements", []),
        "superseded_by": extra.pop("superseded_by", []),
        "why": extra.pop("why", ""),
    }


CONFLICT = target(
    "t1",
    "number",
    "conflicting",
    [
        gold_span("a1", A1, "Four skiers died", "A"),
        gold_span("a2", A2, "Seven skiers died", "B"),
    ],
    slot="number",
    origins={"A": 1, "B": 1},
)
RESCUED = target(
    "t2",
    "nonconflict",
    "corroborated",
    [
        gold_span("a1", A1, "Eleven others were rescued alive"),
        gold_span("a2", A2, "pulled eleven people out alive"),
    ],
    origins=2,
)


def linked(b: str, slot: str = "how many") -> dict[str, Any]:
    """The fields of a claim in conflict with claim ``b`` on ``slot``."""
    return {
        "status": "conflicting",
        "conflicts_with": [b],
        "disagreements": [{"claim": b, "slot": slot, "mine": "", "theirs": ""}],
    }


def test_conflict_found_a_false_link_and_a_corroboration() -> None:
    claims = [
        claim("four", [ev(1, A1, "Four skiers died on Sunday")], **linked("seven")),
        claim("seven", [ev(2, A2, "Seven skiers died on Sunday")], **linked("four")),
        claim(
            "rescued",
            [ev(1, A1, "Eleven others were rescued alive"), ev(2, A2, "pulled eleven people")],
            "corroborated",
            sources=2,
        ),
        # a conflict between two claims no target is about: a false alarm in a closed story
        claim("lift", [ev(1, A1, "The lift was shut")], conflicts_with=["police"]),
        claim("police", [ev(2, A2, "police said")], why="on whether it happened (polarity)"),
    ]
    result = score_case(case([CONFLICT, RESCUED]), make_prediction(claims, stored()))
    t1, t2 = result.targets
    assert (t1.found, t1.slot_right, t1.status, t1.status_right) == (
        True,
        True,
        "conflicting",
        True,
    )
    assert (t2.status, t2.status_right, t2.origins_predicted, t2.origins_right) == (
        "corroborated",
        True,
        2,
        True,
    )
    assert sorted(r.verdict for r in result.links) == ["false", "right"]
    c = conflict_score([result])
    # 1 right link of 2; 1 gold conflict of 1 found
    assert (c.right, c.links, c.found, c.gold) == (1, 2, 1, 1)
    assert (c.prf.precision, c.prf.recall) == pytest.approx((0.5, 1.0))
    assert c.prf.f1 == pytest.approx(2 / 3)
    # the false link's slot comes from its "why"
    slots = {r.slot: (r.links, r.right, r.slot_right) for r in pred_slot_rows([result])}
    assert slots["how many"] == (1, 1, 1)
    assert slots["polarity"] == (1, 0, 0)
    assert [(g.slot, g.targets, g.found, g.slot_right) for g in gold_slot_rows([result])] == [
        ("number", 1, 1, 1)
    ]


def test_missed_conflict_and_wrong_slot() -> None:
    claims = [
        claim("four", [ev(1, A1, "Four skiers died")]),
        claim("seven", [ev(2, A2, "Seven skiers died")]),
    ]
    result = score_case(case([CONFLICT]), make_prediction(claims, stored()))
    assert (result.targets[0].found, result.targets[0].status) == (False, "unlinked")
    assert conflict_score([result]).prf.f1 == 0.0
    # linked, but on the date: found, slot wrong
    claims[0].update(linked("seven", "when"))
    result = score_case(case([CONFLICT]), make_prediction(claims, stored()))
    assert (result.targets[0].found, result.targets[0].slot_right) == (True, False)


def test_a_claim_not_found_is_a_miss() -> None:
    result = score_case(case([RESCUED]), make_prediction([], stored()))
    t = result.targets[0]
    assert (t.status, t.status_right, t.origins_right) == ("missed", False, False)


def test_false_corroboration_of_a_single_source_fact() -> None:
    # two outlets quote one spokesman: one origin; the system counts two
    single = target(
        "t1",
        "independence",
        "single_source",
        [
            gold_span("a1", A1, "Eleven others were rescued alive", origin="police"),
            gold_span("a2", A2, "pulled eleven people out alive", origin="police"),
        ],
    )
    row = claim(
        "rescued",
        [ev(1, A1, "Eleven others were rescued"), ev(2, A2, "pulled eleven people")],
        "corroborated",
        sources=2,
    )
    t = score_case(case([single]), make_prediction([row], stored())).targets[0]
    assert (t.false_corroboration, t.status_right, t.origins_right) == (True, False, False)
    assert t.status == "corroborated (1 gold origin)"


def test_corroborating_both_sides_of_a_conflict_is_false() -> None:
    row = claim(
        "died",
        [ev(1, A1, "Four skiers died"), ev(2, A2, "Seven skiers died")],
        "corroborated",
        sources=2,
    )
    t = score_case(case([CONFLICT]), make_prediction([row], stored())).targets[0]
    assert (t.status, t.status_right, t.false_corroboration) == ("corroborated", False, True)


def test_trap_hit_and_support_precision() -> None:
    # A3 mentions the event but states nothing the target says
    support = target(
        "t1",
        "support",
        "single_source",
        [gold_span("a1", A1, "The lift was shut")],
        non_support=[gold_span("a3", A3, "The resort reopened its lower slopes")],
    )
    row = claim(
        "lift",
        [
            ev(1, A1, "The lift was shut"),
            ev(3, A3, "The resort reopened its lower slopes on Tuesday"),
            ev(2, A2, "police said"),
        ],
    )
    texts = (A1, A2, A3)
    result = score_case(case([support], texts, "support"), make_prediction([row], stored(texts)))
    t = result.targets[0]
    # 1 of its 3 evidence spans supports the fact; 1 lies in the non-support span
    assert (t.support, t.traps, t.status_right) == ((1, 3), 1, True)
    row_all = kind_rows([result])[-1]
    assert row_all.support_precision == pytest.approx(1 / 3)
    assert row_all.trap_hits == 1


def origins_case(sources: int, why: str = "", duplicates: tuple[dict, ...] = ()) -> bool | None:
    rewrite = target(
        "t1",
        "independence",
        "single_source",
        [
            gold_span("a1", A1, "Eleven others were rescued alive", origin="a1"),
            gold_span("a2", A2, "pulled eleven people out alive", origin="a1"),
        ],
        derived_ok=True,
    )
    row = claim("r", [ev(1, A1, "Eleven others"), ev(2, A2, "pulled eleven")], sources=sources)
    row["why"] = why
    pred = make_prediction([row], stored(), duplicates=duplicates)
    return score_case(case([rewrite]), pred).targets[0].origins_right


def test_origins_with_a_derived_rewrite() -> None:
    assert origins_case(1) is True
    assert origins_case(2) is False
    assert origins_case(2, why="Reported 2 times, but all from one origin: copies of one report")
    assert origins_case(2, duplicates=({"article": "h2", "original": "h1"},))
    assert origins_case(3, why="a copy") is False


def test_origins_pick_the_claim_covering_most_gold_origins() -> None:
    claims = [
        claim("one", [ev(1, A1, "Eleven others were rescued")], sources=1),
        claim("two", [ev(1, A1, "Eleven others"), ev(2, A2, "pulled eleven")], sources=3),
    ]
    t = score_case(case([RESCUED]), make_prediction(claims, stored())).targets[0]
    # "two" covers both gold origins but counts 3 sources: origins wrong; status needs it
    # corroborated, and it is single_source
    assert (t.origins_predicted, t.origins_right, t.status_right) == (3, False, False)


def test_update_superseded_and_conflict_links() -> None:
    update = target(
        "t1",
        "update",
        "update",
        CONFLICT["spans"],
        slot="number",
        origins={"A": 1, "B": 1},
    )
    later = claim("seven", [ev(2, A2, "Seven skiers died")])
    earlier = claim("four", [ev(1, A1, "Four skiers died")], superseded_by=["seven"])
    t = score_case(case([update]), make_prediction([earlier, later], stored())).targets[0]
    assert (t.status, t.status_right) == ("update", True)
    # the wrong way round is no update
    wrong = [
        claim("four", [ev(1, A1, "Four skiers died")]),
        claim("seven", [ev(2, A2, "Seven skiers died")], superseded_by=["four"]),
    ]
    t = score_case(case([update]), make_prediction(wrong, stored())).targets[0]
    assert t.status_right is False
    # a conflict link between the two figures: a false link, and not the update
    linked_rows = [claim("four", [ev(1, A1, "Four skiers died")], **linked("seven")), later]
    result = score_case(case([update]), make_prediction(linked_rows, stored()))
    assert (result.targets[0].status, result.targets[0].status_right) == ("conflicting", False)
    assert [r.verdict for r in result.links] == ["false"]
    # where accept allows a conflict, the link is right for the status and left out of P/R
    update["accept"] = ["update", "conflicting"]
    result = score_case(case([update]), make_prediction(linked_rows, stored()))
    assert result.targets[0].status_right is True
    assert [r.verdict for r in result.links] == ["excluded"]
    c = conflict_score([result])
    assert (c.links, c.gold, c.excluded) == (0, 0, 1)


def test_one_sided_target_marked_conflicting_is_wrong_unless_accepted() -> None:
    hedge = target("t1", "hedge", "single_source", [gold_span("a1", A1, "The lift was shut")])
    rows = [
        claim("lift", [ev(1, A1, "The lift was shut")], **linked("said")),
        claim("said", [ev(2, A2, "police said")], **linked("lift")),
    ]
    result = score_case(case([hedge], kind="hedge"), make_prediction(rows, stored()))
    assert (result.targets[0].status, result.targets[0].status_right) == ("conflicting", False)
    assert [r.verdict for r in result.links] == ["false"]
    hedge["accept"] = ["single_source", "conflicting"]
    result = score_case(case([hedge], kind="hedge"), make_prediction(rows, stored()))
    assert result.targets[0].status_right is True
    assert [r.verdict for r in result.links] == ["excluded"]


def test_brief_cue_lost() -> None:
    keep = gold_span("a3", A3, "Officials expect more snow")
    keep["cues"] = ["expect", "forecast"]
    hedge = target(
        "t1", "hedge", "single_source", [gold_span("a3", A3, "more snow")], brief_keep=[keep]
    )
    cites = [ev(3, A3, "Officials expect more snow")]
    brief = [
        {"text": "Officials expect more snow.", "evidence": cites},
        {"text": "More snow.", "evidence": cites},  # the hedge is gone
        {"text": "The resort reopened.", "evidence": [ev(3, A3, "The resort reopened")]},
    ]
    texts = (A1, A2, A3)
    rows = [claim("snow", cites)]
    t = score_case(
        case([hedge], texts, "hedge"), make_prediction(rows, stored(texts), brief=brief)
    ).targets[0]
    assert (t.brief_cited, t.brief_lost) == (1, 1)
    assert t.brief_details[0]["lost"] == ["More snow."]
    t = score_case(
        case([hedge], texts, "hedge"), make_prediction(rows, stored(texts), brief=brief[::2])
    ).targets[0]
    assert (t.brief_cited, t.brief_lost) == (1, 0)
    t = score_case(
        case([hedge], texts, "hedge"), make_prediction(rows, stored(texts), brief=brief[2:])
    ).targets[0]
    assert (t.brief_cited, t.brief_lost) == (0, 0)


def test_cues_start_at_a_word() -> None:
    assert has_cue("Sakura Motors plans a plant", ["plan"])
    assert not has_cue("The union claimed a win", ["aim"])
    assert has_cue("LITHUANIA SAYS jets entered", ["lithuania says"])


def test_offset_mapping() -> None:
    gold = "Nguye\u0302\u0303n Van Minh won in 2:16."  # decomposed diacritics
    store = "Nguyễn Van Minh won in 2:16."  # NFC, two characters fewer
    m = OffsetMap(gold, store)
    start, end = at(gold, "Minh won")
    assert m.span("x", start, end) == Span("x", *at(store, "Minh won"))
    assert m.span("x", 0, at(gold, " Van")[0]) == Span("x", 0, len("Nguyễn"))
    shifted = OffsetMap("Four died.", "LIMA - Four died.")
    assert shifted.span("x", 0, 4) == Span("x", 7, 11)
    trimmed = OffsetMap("  Four died.\n", "Four died.")
    assert trimmed.span("x", 2, 6) == Span("x", 0, 4)


def test_gold_offsets_are_mapped_before_matching() -> None:
    gold_text = "  " + A1  # the store strips leading spaces
    conflict = target(
        "t1",
        "number",
        "conflicting",
        [
            gold_span("a1", gold_text, "Four skiers died", "A"),
            gold_span("a2", A2, "Seven skiers died", "B"),
        ],
        slot="number",
    )
    claims = [
        claim("four", [ev(1, A1, "Four skiers")], **linked("seven")),
        claim("seven", [ev(2, A2, "Seven skiers died")]),
    ]
    # "Four" is [0, 4) of the stored text; unmapped, the gold [2, 18) would share 2 characters
    claims[0]["evidence"] = [{"article": "h1", "start": 0, "end": 4, "text": "Four"}]
    assert not Span("h1", 0, 4).matches(Span("h1", 2, 18))
    the_case = case([conflict], (gold_text, A2))
    assert score_case(the_case, make_prediction(claims, stored())).targets[0].found


def test_overlap_needs_three_characters() -> None:
    a = Span("x", 0, 10)
    assert a.matches(Span("x", 7, 20))
    assert not a.matches(Span("x", 8, 20))
    assert not a.matches(Span("y", 0, 10))
    assert not a.matches(None)


def test_kind_rows_and_summary() -> None:
    claims = [
        claim("four", [ev(1, A1, "Four skiers died")], **linked("seven")),
        claim("seven", [ev(2, A2, "Seven skiers died")], **linked("four")),
        claim("e1", [ev(1, A1, "Eleven others were rescued alive")]),
        claim("e2", [ev(2, A2, "pulled eleven people out alive")]),
    ]
    result = score_case(case([CONFLICT, RESCUED]), make_prediction(claims, stored()))
    rows = {r.kind: r for r in kind_rows([result], ["number", "nonconflict"])}
    assert list(rows) == ["number", "nonconflict", "all"]
    assert (rows["number"].targets, rows["number"].status_right) == (1, 1)
    nonconflict = rows["nonconflict"]
    assert (nonconflict.status_right, nonconflict.origins_right, nonconflict.origins_scored) == (
        0,
        0,
        1,
    )
    assert rows["all"].false_links == 0
    line = summary_line([result])
    assert line.startswith("conflict P 1.000 R 1.000 F1 1.000")
    assert "status 1/2" in line
