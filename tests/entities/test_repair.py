from __future__ import annotations

import pytest

from storyweave.entities import repair_mentions
from storyweave.entities.repair import repair_labels, trim_span
from storyweave.model import Mention, Span


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Quoting An Chan-il, a researcher, AFP said.", "Quoting An Chan-il", "An Chan-il"),
        ("Citing Kremlin spokesman Dmitry Peskov, TASS said.", "Citing Kremlin", "Kremlin"),
        (
            "They met at the Vostochny Cosmodrome today.",
            "the Vostochny Cosmodrome",
            "Vostochny Cosmodrome",
        ),
        ("AFP news agency said so.", "AFP news agency", "AFP"),
        (
            "According to RIA Novosti news agency, he left.",
            "RIA Novosti news agency",
            "RIA Novosti",
        ),
        (
            "According to the Russian news agency TASS, they met.",
            "the Russian news agency TASS",
            "TASS",
        ),
        ("It is North Korea's first trip.", "North Korea's", "North Korea"),
        ("North Korea-Russia relations", "North Korea-", "North Korea"),
        ("He thanked Putin’s aides.", "Putin’s", "Putin"),
        ("Judges in The Hague ruled.", "The Hague", "The Hague"),
        ("Vladimir Putin spoke.", "Vladimir Putin", "Vladimir Putin"),
    ],
)
def test_trim_span(text, surface, expected):
    start = text.index(surface)
    s, e = trim_span(text, start, start + len(surface))
    assert text[s:e] == expected


@pytest.mark.parametrize(
    ("text", "surface", "label", "expected"),
    [
        ("It lies 1,000 km from Vladivostok.", "Vladivostok", "PERSON", "GPE"),
        ("The cosmodrome is in the Amur region.", "Amur", "PERSON", "GPE"),
        ("Photos signed by cosmonauts, including Yury Gagarin.", "Yury Gagarin", "FAC", "PERSON"),
        ("TASS reported the talks.", "TASS", "PERSON", "ORG"),
        # negative: a real organisation stays an organisation
        ("Microsoft released a patch.", "Microsoft", "ORG", "ORG"),
        # negative: an ORG that is a place by metonymy is left alone
        ("Boston won the game.", "Boston", "ORG", "ORG"),
        # an institution's head word is never a person's
        (
            "She entered the Betty Ford Center in Rancho Mirage.",
            "Betty Ford Center",
            "PERSON",
            "ORG",
        ),
        # negative: surnames that are also building words stay people
        ("Arsenio Hall hosted the show.", "Arsenio Hall", "PERSON", "PERSON"),
        ("Park Geun-hye spoke.", "Park Geun-hye", "PERSON", "PERSON"),
        # a disease before "pandemic" is no organisation
        ("Before the COVID-19 pandemic, talks stalled.", "COVID-19", "ORG", "EVENT"),
        # negative: a country before "war", a company before "vaccine"
        ("After the Iraq war, talks stalled.", "Iraq", "GPE", "GPE"),
        ("The Pfizer vaccine arrived.", "Pfizer", "ORG", "ORG"),
    ],
)
def test_labels_are_repaired(text, surface, label, expected, mention):
    (out,) = repair_mentions(text, [mention(text, surface, label)])
    assert out.label == expected


def test_portfolio_is_dropped(mention):
    text = "Russian Defense Minister Sergei Shoigu will attend."
    ments = [mention(text, "Defense", "ORG"), mention(text, "Sergei Shoigu", "PERSON")]
    out = repair_mentions(text, ments)
    assert [m.span.text_in(text) for m in out] == ["Sergei Shoigu"]


def test_surname_mentions_become_people(mention):
    text = "Kim Jong Un arrived. Putin and Kim talked."
    ments = [
        mention(text, "Kim Jong Un", "PERSON"),
        mention(text, "Putin", "PERSON"),
        mention(text, "Kim", "ORG", nth=1),
    ]
    assert [m.label for m in repair_labels(text, ments)] == ["PERSON", "PERSON", "PERSON"]


def test_vote_gives_the_majority_label(mention):
    text = "Seacom said. Seacom fixed it. Seacom is back."
    ments = [mention(text, "Seacom", lab, nth=i) for i, lab in enumerate(["ORG", "ORG", "PERSON"])]
    assert {m.label for m in repair_labels(text, ments)} == {"ORG"}


def test_repair_with_a_doc_trims_a_leading_gerund(nlp, mention):
    text = "Quoting An Chan-il, AFP said Pyongyang wants help."
    out = repair_mentions(text, [mention(text, "Quoting An Chan-il", "PERSON")], nlp(text))
    assert [m.span.text_in(text) for m in out] == ["An Chan-il"]


def test_repair_drops_duplicates_and_keeps_order():
    text = "the Kremlin and the Kremlin"
    ments = [Mention(Span(16, 27), "ORG"), Mention(Span(0, 11), "ORG"), Mention(Span(4, 11), "ORG")]
    out = repair_mentions(text, ments)
    assert [(m.span.start, m.span.end) for m in out] == [(4, 11), (20, 27)]


@pytest.mark.parametrize(
    ("text", "surface", "nth", "expected"),
    [
        # a gazetteer place that is the surname of a person named in the article stays a person
        ("Whitney Houston sang. Houston was 48.", "Houston", 1, "PERSON"),
        # negative: with no such person it is the city
        ("The storm hit Houston. Houston was flooded.", "Houston", 1, "GPE"),
    ],
)
def test_person_surnames_beat_the_gazetteer(text, surface, nth, expected, mention):
    ments = [mention(text, surface, "PERSON", nth=i) for i in range(nth + 1)]
    if "Whitney" in text:
        ments[0] = mention(text, "Whitney Houston", "PERSON")
    assert repair_labels(text, ments)[-1].label == expected
