"""The coverage table: outlets, first report, copies, derived copies, credits, origins."""

from __future__ import annotations

import datetime as dt

from storyweave.ingest import build_article
from storyweave.ingest.draft import Draft
from storyweave.model import Duplicate
from storyweave.report.coverage import story_coverage

WIRE = (
    "A landslide blocked the mountain road to Ostrava on Sunday after two days of rain, "
    "regional police said. Forty cars were trapped and the army sent two bulldozers. "
    "Officials expect the road to reopen by Wednesday."
)


def test_coverage_counts_origins_not_articles() -> None:
    day = dt.date(2025, 3, 9)
    wire = build_article(Draft(text=WIRE, ref="w", outlet="Reuters", published=day))
    copy = build_article(
        Draft(text="OSTRAVA (Reuters) - " + WIRE, ref="c", url="https://www.hillnews.cz/a/1",
              published=day + dt.timedelta(days=1))
    )  # fmt: skip
    own = build_article(
        Draft(text="Our reporter counted dozens of stranded drivers near the pass on Sunday "
              "evening, some of whom had waited six hours for help.", ref="o",
              outlet="Moravia Radio", published=day)
    )  # fmt: skip
    dup = Duplicate(article=copy.id, original=wire.id, kind="near", similarity=0.93)
    cov = story_coverage([wire, copy, own], [dup], {wire.id: "en", copy.id: "en", own.id: "cs"})
    assert cov["independent_origins"] == 2
    assert {o["name"] for o in cov["outlets"]} == {"Reuters", "hillnews.cz", "Moravia Radio"}
    assert [o["agency"] for o in cov["outlets"] if o["name"] == "Reuters"] == [True]
    assert {f["article"] for f in cov["first_report"]} == {wire.id, own.id}
    assert cov["copies"][0]["original"] == wire.id
    assert "hillnews.cz runs Reuters's text" in cov["copies"][0]["why"]
    assert cov["credited"] == [
        {"article": copy.id, "outlet": "hillnews.cz", "credits": ["Reuters"]}
    ]
    assert cov["languages"] == ["cs", "en"]
    assert cov["date_range"] == ["2025-03-09", "2025-03-10"]


def test_an_uncredited_rewrite_is_likely_derived() -> None:
    day = dt.date(2025, 3, 9)
    first = build_article(Draft(text=WIRE, ref="a", outlet="Silesia Post", published=day))
    rewrite = build_article(
        Draft(text=WIRE.replace("regional police said", "police told reporters") + " More soon.",
              ref="b", outlet="Daily Digest", published=day + dt.timedelta(days=1))
    )  # fmt: skip
    cov = story_coverage([first, rewrite])
    assert cov["independent_origins"] == 1
    assert [(d["article"], d["source"]) for d in cov["derived"]] == [(rewrite.id, first.id)]
    assert "likely derived: Daily Digest repeats Silesia Post's wording" in cov["derived"][0]["why"]


def test_a_translation_is_its_originals_origin_in_the_coverage() -> None:
    day = dt.date(2025, 3, 9)
    english = build_article(Draft(text=WIRE, ref="en", outlet="Moravia Daily", published=day))
    czech = build_article(
        Draft(text="Sesuv půdy v neděli zablokoval horskou silnici do Ostravy.", ref="cs",
              outlet="Ostravský deník", published=day)
    )  # fmt: skip
    plain = story_coverage([english, czech])
    assert plain["independent_origins"] == 2 and plain["translated"] == []
    row = {"article": czech.id, "original": english.id, "share": 1.0}
    cov = story_coverage([english, czech], translations=[row])
    assert cov["independent_origins"] == 1
    (t,) = cov["translated"]
    assert t["article"] == czech.id and t["original"] == english.id
    assert "likely translated: Ostravský deník renders Moravia Daily's report" in t["why"]
