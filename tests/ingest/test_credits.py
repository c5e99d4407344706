"""Credits in the text: datelines, bylines and trailing credit lines, in every common form."""

from __future__ import annotations

import pytest

from storyweave.claims.origins import OriginIndex, Report
from storyweave.ingest import build_article
from storyweave.ingest.credit import find_credits
from storyweave.ingest.draft import Draft
from storyweave.outlets.copies import copy_direction

BODY = "The dam burst overnight, officials said."


@pytest.mark.parametrize(
    ("text", "kind", "names", "own"),
    [
        ("VELOSTAN, May 14 (Reuters) – The port shut two berths.", "dateline", ("Reuters",),
         "The port shut two berths."),
        ("SHAWNEE, Okla. (AP) — A storm hit the town.", "dateline", ("AP",),
         "A storm hit the town."),
        ("KRAKOW (PAP) - The council voted.", "dateline", ("PAP",), "The council voted."),
        ("(AFP) - Officials said the bridge would reopen.", "dateline", ("AFP",),
         "Officials said the bridge would reopen."),
        ("Nov 27 (Reuters) - Oil prices rose.", "dateline", ("Reuters",), "Oil prices rose."),
        ("WASHINGTON — The Senate passed the bill.", "dateline", (), "The Senate passed the bill."),
        ("By Jane Doe, Reuters\n" + BODY, "byline", ("Reuters",), BODY),
        ("By MARK HALE Associated Press\n" + BODY, "byline", ("AP",), BODY),
        (BODY + "\n\n(Reporting by Lena Ortiz in Quito; Editing by Tom Bell)", "reporting", (),
         BODY),
        (BODY + "\nReporting by Reuters", "reporting", ("Reuters",), BODY),
        (BODY + "\nWriting by Ana Ruiz; Additional reporting by AFP", "reporting", ("AFP",), BODY),
        (BODY + "\n— AFP", "signature", ("AFP",), BODY),
        (BODY + "\n- dpa", "signature", ("dpa",), BODY),
        (BODY + "\nSource: Reuters", "source", ("Reuters",), BODY),
        (BODY + "\nvia AFP", "source", ("AFP",), BODY),
        (BODY + "\nCopyright The Associated Press. All rights reserved.", "rights", ("AP",), BODY),
        (BODY + "\n© 2024 Reuters", "rights", ("Reuters",), BODY),
        (BODY + " Reuters contributed reporting.", "contributed", ("Reuters",), BODY),
        (BODY + "\nThe Associated Press contributed to this report.", "contributed", ("AP",), BODY),
        (BODY + "\nWith AFP", "contributed", ("AFP",), BODY),
    ],
)  # fmt: skip
def test_credit_forms(text: str, kind: str, names: tuple[str, ...], own: str) -> None:
    found = find_credits(text)
    assert [c.kind for c in found.lines] == [kind]
    assert found.names == names
    assert text[found.body_start : found.body_end] == own


def test_several_trailing_credits_read_back_from_the_end() -> None:
    text = BODY + "\nWriting by Ana Ruiz; Editing by Tom Bell\nSource: Reuters"
    found = find_credits(text)
    assert [c.kind for c in found.lines] == ["source", "reporting"]
    assert text[: found.body_end] == BODY


@pytest.mark.parametrize(
    "text",
    [
        "The president spoke (live) - then left.",
        "Officials said the talks went well.\nThe talks went on.",
        "The minister said the fund was ready.\nHe added that Reuters had reported it earlier.",
        "IT WAS a cold night in the city.",
        "The company said it would appeal.\nAll staff were sent home.",
        "Reporting by Reuters",  # the whole text: it stays the body
        "PARIS (UPDATED) - The minister resigned on Friday.",  # a desk's tag, not a credit
        "(LIVE) — Markets fell in early trading.",
    ],
)
def test_not_credits(text: str) -> None:
    found = find_credits(text)
    assert found.lines == ()
    assert (found.body_start, found.body_end) == (0, len(text))


def test_article_credits_outlet_and_id() -> None:
    text = "SHAWNEE, Okla. (AP) — A storm hit the town.\nPower was out.\nReporting by Jo Lee"
    a = build_article(Draft(text=text, ref="x", url="https://www.tulsaherald.com/news/storm"))
    assert a.outlet == "tulsaherald.com"  # the URL's registrable domain before the credit
    assert a.credits == ("AP",)
    assert a.body_start == text.index("A storm")
    assert a.body.endswith("Power was out.")
    assert a.credit == "Reporting by Jo Lee"
    plain = build_article(Draft(text=text, ref="x", url="https://www.tulsaherald.com/news/storm"))
    assert plain.id == a.id
    known = build_article(Draft(text=BODY, ref="y", url="https://www.reuters.com/world/x"))
    assert known.outlet == "Reuters"  # a domain in the news-source table names its outlet
    credited = build_article(Draft(text="(AFP) - " + BODY, ref="z"))
    assert credited.outlet == "AFP"  # no metadata, no URL: the dateline's agency


def test_metadata_credits_join_the_text_credits() -> None:
    a = build_article(
        Draft(text="(AFP) - " + BODY, ref="m", credits=("Agence France-Presse", "Xinhua"))
    )
    assert a.credits == ("AFP", "Xinhua")


def test_dateline_credit_is_one_origin_with_the_agency() -> None:
    wire = build_article(Draft(text="The port shut two berths.", ref="w", outlet="Reuters"))
    copy = build_article(
        Draft(
            text="VELOSTAN, May 14 (Reuters) – The port shut two berths at dawn.",
            ref="c",
            outlet="Velostan Daily",
        )
    )
    own = build_article(
        Draft(text="Two berths at the port were closed.", ref="o", outlet="Port News")
    )
    index = OriginIndex([wire, copy, own])
    reports = [Report(wire.id, ()), Report(copy.id, ()), Report(own.id, ())]
    assert len(index.origins(reports)) == 2


def test_copy_direction_follows_time_then_credit() -> None:
    import datetime as dt

    original = build_article(
        Draft(text=BODY, ref="r", outlet="Reuters", published=dt.date(2024, 5, 2))
    )
    copy = build_article(
        Draft(
            text=BODY + "\nSource: Reuters", ref="s", outlet="Site", published=dt.date(2024, 5, 2)
        )
    )
    # same day, the copy read first: the credit decides
    assert copy_direction(
        copy, original, {copy.id: (dt.date(2024, 5, 2), 0), original.id: (dt.date(2024, 5, 2), 1)}
    ) == (original.id, copy.id)
    later = build_article(Draft(text=BODY, ref="t", outlet="Other", published=dt.date(2024, 5, 3)))
    assert copy_direction(later, original) == (original.id, later.id)


def test_store_points_the_copy_at_the_original_whatever_the_input_order(store) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    words = "The regional council approved a new tram line through the old harbour district "
    text = words * 4
    day = dt.date(2024, 6, 3)
    copy = build_article(
        Draft(text=text + "\nSource: Reuters", ref="copy.txt", outlet="Harbour Blog", published=day)
    )
    original = build_article(Draft(text=text, ref="wire.txt", outlet="Reuters", published=day))
    assert store.add_article(copy).duplicate is None
    added = store.add_article(original)
    assert added.duplicate is not None
    assert (added.duplicate.article, added.duplicate.original) == (copy.id, original.id)
    assert [(d.article, d.original) for d in store.duplicates()] == [(copy.id, original.id)]
