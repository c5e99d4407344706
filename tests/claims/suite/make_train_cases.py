"""Write ``train_cases.json``: the hand-written training suite for the claim ledger.

The cases live here as Python data with span *texts* only; the character offsets are computed
with ``str.find`` (each span text must occur exactly once in its article, unless an explicit
occurrence is given), the origin counts are derived from the spans' origin labels, and the
written file is read back and validated. Same schema as the dev suite (``claims_suite/1``,
see ``../shared/data/claims_dev/README.md``), but independent events and wording.

Run: ``python tests/claims/suite/make_train_cases.py`` (``--check`` only validates the file
on disk against what this script would write).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "train_cases.json"

SCHEMA = "claims_suite/1"
ABOUT = (
    "TRAIN claims suite, hand-written for tuning the claim ledger; independent of the dev suite. "
    "See README.md next to this file."
)
KIND_ORDER = (
    "number",
    "date",
    "place",
    "participant",
    "agent",
    "polarity",
    "outcome",
    "update",
    "nonconflict",
    "independence",
    "support",
    "hedge",
)
CONFLICT_KINDS = frozenset(KIND_ORDER[:8])
SLOTS = frozenset({"number", "date", "place", "participant", "agent", "polarity", "outcome"})
STATUSES = frozenset({"corroborated", "single_source", "conflicting", "update"})

DENY = ("denied", "denies", "deny", "denial")
REFUSE = ("refused", "refuse", "refusing", "refusal")
EXPECT = ("expected", "expect", "sources", "forecast", "set to")
REPORTED = ("reportedly", "according to", "wwd", "report", "people familiar")
PLAN = ("plan", "plans", "aim", "aims", "intend", "would", "proposal")
SAID = ("said", "ministry", "inspectors", "according")


@dataclass(frozen=True)
class Article:
    id: str
    outlet: str
    published: str
    title: str
    text: str


@dataclass(frozen=True)
class Span:
    """A span stating the fact; ``origin`` defaults to the article id."""

    article: str
    text: str
    side: str = "A"
    origin: str | None = None
    nth: int | None = None


@dataclass(frozen=True)
class Trap:
    """A ``non_support`` span: mentions the event, does not state the fact."""

    article: str
    text: str
    why: str
    nth: int | None = None


@dataclass(frozen=True)
class Keep:
    """A ``brief_keep`` span: its hedge or denial must survive in the brief."""

    article: str
    text: str
    cues: tuple[str, ...]
    nth: int | None = None


@dataclass(frozen=True)
class Target:
    id: str
    kind: str
    sub: str
    fact: str
    expect: str
    spans: tuple[Span, ...]
    slot: str | None = None
    accept: tuple[str, ...] = ()
    non_support: tuple[Trap, ...] = ()
    brief_keep: tuple[Keep, ...] = ()
    derived_ok: bool = False
    note: str = ""


@dataclass(frozen=True)
class Case:
    id: str
    kind: str
    title: str
    articles: tuple[Article, ...]
    targets: tuple[Target, ...]
    note: str = ""


def conflict(
    tid: str,
    kind: str,
    sub: str,
    fact: str,
    a: str | Span,
    b: str | Span,
    *,
    slot: str,
    a_article: str = "a1",
    b_article: str = "a2",
    expect: str = "conflicting",
    accept: tuple[str, ...] = (),
    brief_keep: tuple[Keep, ...] = (),
    note: str = "",
) -> Target:
    """A two-sided target: side A in ``a_article``, side B (disagreeing or later) in ``b_article``.

    ``expect`` is ``conflicting`` or, for a figure revised over time, ``update``.
    """
    span_a = a if isinstance(a, Span) else Span(a_article, a, "A")
    span_b = b if isinstance(b, Span) else Span(b_article, b, "B")
    return Target(
        tid,
        kind,
        sub,
        fact,
        expect,
        (span_a, span_b),
        slot=slot,
        accept=accept,
        brief_keep=brief_keep,
        note=note,
    )


def agree(tid: str, sub: str, fact: str, a: str, b: str, *, kind: str = "nonconflict") -> Target:
    """A fact both articles state independently (a1 and a2): corroborated by two origins."""
    return Target(tid, kind, sub, fact, "corroborated", (Span("a1", a), Span("a2", b)))


# --------------------------------------------------------------------------------------------
# number
# --------------------------------------------------------------------------------------------

T01 = Case(
    "t01",
    "number",
    "Bus plunges into the Trishuli river",
    (
        Article(
            "a1",
            "Nepal Mountain Times",
            "2025-09-04",
            "Bus falls into Trishuli river, nine dead",
            (
                "A passenger bus veered off the Prithvi Highway and plunged into the Trishuli "
                "river in Dhading district, about 80 km west of Kathmandu, before dawn on "
                "Thursday, killing nine people, district police said. The bus was travelling "
                "from Pokhara to the capital. Twenty-two injured passengers were taken to "
                "hospitals in Kathmandu, a police spokesman said."
            ),
        ),
        Article(
            "a2",
            "Rastriya Samachar Samiti",
            "2025-09-04",
            "At least 14 killed in Dhading bus accident",
            (
                "KATHMANDU (RSS) - At least 14 passengers died when a bus bound for the capital "
                "left the Prithvi Highway on Thursday and fell into the Trishuli river some 50 "
                "miles west of Kathmandu, the Armed Police Force said. Rescuers pulled 22 "
                "injured people from the wreck and sent them to hospitals in the capital. "
                "Divers were still searching the river."
            ),
        ),
    ),
    (
        conflict(
            "t1",
            "number",
            "participial clause vs at least",
            "people killed",
            "killing nine people",
            "At least 14 passengers died",
            slot="number",
        ),
        agree(
            "t2",
            "units km/miles",
            "crash site about 80 km west of Kathmandu",
            "about 80 km west of Kathmandu",
            "fell into the Trishuli river some 50 miles west of Kathmandu",
        ),
    ),
)

T02 = Case(
    "t02",
    "number",
    "Rare malt whisky auction",
    (
        Article(
            "a1",
            "Highland Herald",
            "2025-11-20",
            "Rare Glen Corran malt sells for £1.9m",
            (
                "A bottle of 1931 Glen Corran single malt whisky sold for 1.9 million pounds at "
                "an auction in Edinburgh on Wednesday, auctioneers Dunmore & Reid said. The "
                "bottle, one of only 14 filled from a single sherry cask, went to a private "
                "collector bidding by telephone. The distillery on the Isle of Islay closed in "
                "1983."
            ),
        ),
        Article(
            "a2",
            "Drinks Trade Weekly",
            "2025-11-20",
            "Glen Corran 1931 fetches record price",
            (
                "A 94-year-old bottle of Glen Corran fetched £2.9 million in Edinburgh on "
                "Wednesday, a record for any whisky sold at auction in Scotland, according to "
                "Dunmore & Reid. The buyer, a collector who bid over the phone, has not been "
                "named. Glen Corran, an Islay distillery, shut its doors more than four decades "
                "ago."
            ),
        ),
    ),
    (
        conflict(
            "t1",
            "number",
            "money, 'million pounds' vs '£'",
            "price paid for the bottle",
            "sold for 1.9 million pounds at an auction in Edinburgh on Wednesday",
            "fetched £2.9 million in Edinburgh on Wednesday",
            slot="number",
        ),
        agree(
            "t2",
            "paraphrase",
            "bought by a collector bidding by phone",
            "went to a private collector bidding by telephone",
            "The buyer, a collector who bid over the phone, has not been named",
        ),
    ),
)

T03 = Case(
    "t03",
    "number",
    "Wartime bomb evacuation in Osnabrück",
    (
        Article(
            "a1",
            "dpa",
            "2025-06-03",
            "Wartime bomb forces evacuation in Osnabrück",
            (
                "OSNABRÜCK, Germany (dpa) - About 8,000 residents were evacuated from the "
                "centre of Osnabrück on Tuesday after construction workers dug up a "
                "250-kilogram British aerial bomb from the Second World War, the city said. "
                "Bomb disposal experts defused the device in the afternoon and people were "
                "allowed back home by early evening."
            ),
        ),
        Article(
            "a2",
            "Lower Saxony Courier",
            "2025-06-03",
            "Osnabrück bomb defused after mass evacuation",
            (
                "Up to 20,000 people had to leave their homes and offices in Osnabrück on "
                "Tuesday while experts made safe a 550-pound bomb found on a building site near "
                "the main station, the fire brigade said. Trains were halted for four hours. "
                "The bomb, dropped by British aircraft in 1944, was defused shortly after 3 "
                "p.m."
            ),
        ),
    ),
    (
        conflict(
            "t1",
            "number",
            "about vs up to",
            "people evacuated",
            "About 8,000 residents were evacuated from the centre of Osnabrück on Tuesday",
            "Up to 20,000 people had to leave their homes and offices in Osnabrück on Tuesday",
            slot="number",
        ),
        agree(
            "t2",
            "units kg/pounds",
            "a 250-kilogram (550-pound) bomb",
            "a 250-kilogram British aerial bomb",
            "a 550-pound bomb found on a building site",
        ),
    ),
)

T04 = Case(
    "t04",
    "number",
    "Gas blast in a Brno apartment block",
    (
        Article(
            "a1",
            "Brno Daily",
            "2025-01-09",
            "Gas blast rips through Brno apartment block",
            (
                "A gas explosion that injured 14 people tore through a four-storey apartment "
                "block in Brno's Líšeň district on Wednesday evening, firefighters said. All 40 "
                "flats in the building were evacuated and the residents spent the night in a "
                "nearby school. Investigators suspect a leaking pipe on the ground floor."
            ),
        ),
        Article(
            "a2",
            "Czech Radio English",
            "2025-01-09",
            "Six hurt in Brno explosion",
            (
                "Six people were hurt, two of them seriously, when gas exploded in a block of "
                "flats in the Brno suburb of Líšeň on Wednesday, the regional ambulance service "
                "said. Residents of all forty apartments were moved out for the night. Police "
                "said a faulty gas pipe was the most likely cause."
            ),
        ),
    ),
    (
        conflict(
            "t1",
            "number",
            "relative clause vs plain",
            "people injured",
            "A gas explosion that injured 14 people",
            "Six people were hurt",
            slot="number",
        ),
        agree(
            "t2",
            "40 vs forty",
            "all 40 flats evacuated",
            "All 40 flats in the building were evacuated",
            "Residents of all forty apartments were moved out for the night",
        ),
    ),
)

# --------------------------------------------------------------------------------------------
# date
# --------------------------------------------------------------------------------------------

T05 = Case(
    "t05",
    "date",
    "Jailbreak in Bali",
    (
        Article(
            "a1",
            "Bali Sun Herald",
            "2025-03-12",
            "Police hunt Kerobokan escapees",
            (
                "Indonesian police said on Tuesday they were still hunting two of the four "
                "inmates who escaped from Kerobokan prison in Bali on March 3 by squeezing "
                "through a drainage pipe under the perimeter wall. The other two were "
                "recaptured in East Java on Monday, a police spokesman said. The two still at "
                "large, both foreigners, are believed to be hiding on the island."
            ),
        ),
        Article(
            "a2",
            "Antara English",
            "2025-03-12",
            "Two Kerobokan fugitives caught in East Java",
            (
                "DENPASAR (Antara) - Four prisoners broke out of Bali's Kerobokan jail on 8 "
                "March, a justice ministry official told Antara, and the escape was only "
                "noticed at the morning roll call. Police recaptured two of the escapees in "
                "Banyuwangi, East Java, on Monday. Security at the prison has since been "
                "tightened."
            ),
        ),
    ),
    (
        conflict(
            "t1",
            "date",
            "explicit date, 'March 3' vs '8 March'",
            "date of the escape",
            "escaped from Kerobokan prison in Bali on March 3",
            "Four prisoners broke out of Bali's Kerobokan jail on 8 March",
            slot="date",
        ),
        agree(
            "t2",
            "paraphrase",
            "two recaptured in East Java on Monday",
            "The other two were recaptured in East Java on Monday",
            "Police recaptured two of the escapees in Banyuwangi, East Java, on Monday",
        ),
    ),
)

T06 = Case(
    "t06",
    "date",
    "Freight train derails in Manitoba",
    (
        Article(
            "a1",
            "Prairie Wire",
            "2025-10-07",
            "Freight train derails near Brandon",
            (
                "A Prairie Northern Railway freight train derailed west of Brandon, Manitoba, "
                "at about 3:15 a.m. on Tuesday, sending 22 of its 96 cars off the tracks, the "
                "railway said. Nobody was hurt. Some of the cars were carrying canola oil, but "
                "there was no leak, the company said. The main line to Saskatchewan was closed."
            ),
        ),
        Article(
            "a2",
            "Manitoba Today",
            "2025-10-07",
            "Twenty-two rail cars leave tracks near Brandon",
            (
                "Twenty-two rail cars left the tracks when a Prairie Northern freight train "
                "derailed near Brandon at 6:40 Tuesday morning, local time, the Transportation "
                "Safety Board said. No injuries were reported and none of the tank cars, "
                "several of them loaded with canola oil, leaked. Investigators were sent to the "
                "site."
            ),
        ),
    ),
    (
        conflict(
            "t1",
            "date",
            "clock time",
            "time of the derailment",
            "derailed west of Brandon, Manitoba, at about 3:15 a.m. on Tuesday",
            "derailed near Brandon at 6:40 Tuesday morning",
            slot="date",
        ),
        agree(
            "t2",
            "22 vs Twenty-two",
            "22 cars derailed",
            "sending 22 of its 96 cars off the tracks",
            "Twenty-two rail cars left the tracks",
        ),
    ),
)

T07 = Case(
    "t07",
    "date",
    "Panda twins at Copenhagen Zoo",
    (
        Article(
            "a1",
            "Copenhagen Post Online",
            "2025-08-21",
            "Panda twins born at Copenhagen Zoo",
            (
                "Giant panda Lin Yue gave birth to twin cubs at Copenhagen Zoo on Wednesday, "
                "the first pandas ever born in Denmark, the zoo said. Both cubs, each weighing "
                "about 150 grams, are being cared for by their mother in a closed enclosure. "
                "Keepers will not know the cubs' sex for several weeks, a zoo vet said."
            ),
        ),
        Article(
            "a2",
            "Ritzau",
            "2025-08-23",
            "Zoo confirms panda twins",
            (
                "COPENHAGEN (Ritzau) - Copenhagen Zoo's female panda Lin Yue had twins on "
                "Monday, zoo director Jonas Holm told a news conference on Friday. They are the "
                "first panda cubs born in Denmark, he said, and both are feeding well. The "
                "panda house will stay closed to visitors until October."
            ),
        ),
    ),
    (
        conflict(
            "t1",
            "date",
            "relative day, different publication dates",
            "day the cubs were born",
            "gave birth to twin cubs at Copenhagen Zoo on Wednesday",
            "had twins on Monday",
            slot="date",
            note=(
                "a1 published Thu 21 Aug 2025: Wednesday = 20 Aug; a2 published Sat 23 Aug "
                "2025: Monday = 18 Aug"
            ),
        ),
        agree(
            "t2",
            "paraphrase",
            "first pandas born in Denmark",
            "the first pandas ever born in Denmark",
            "They are the first panda cubs born in Denmark",
        ),
    ),
)

# --------------------------------------------------------------------------------------------
# place
# --------------------------------------------------------------------------------------------

T08 = Case(
    "t08",
    "place",
    "Dutch fugitive arrested",
    (
        Article(
            "a1",
            "Rotterdam Courant",
            "2025-05-20",
            "Fugitive drug suspect arrested in Dubai",
            (
                "Dutch fugitive Ricardo Koster, one of Europe's most wanted cocaine "
                "traffickers, was arrested in Dubai on Saturday, the Dutch public prosecution "
                "service said on Monday. Koster, 41, had been on the run since 2021, when he "
                "skipped a court hearing in Rotterdam. The Netherlands will seek to have him "
                "sent back."
            ),
        ),
        Article(
            "a2",
            "Bosphorus Herald",
            "2025-05-20",
            "Most-wanted Dutchman caught in Istanbul",
            (
                "Turkish police detained Dutch national Ricardo Koster, wanted in the "
                "Netherlands for cocaine smuggling, at a rented villa in Istanbul's Sarıyer "
                "district on Saturday, the interior ministry said. Koster, who fled the "
                "Netherlands four years ago, was travelling on a forged Belgian passport, the "
                "ministry said."
            ),
        ),
    ),
    (
        conflict(
            "t1",
            "place",
            "city",
            "where Koster was arrested",
            "was arrested in Dubai on Saturday",
            "at a rented villa in Istanbul's Sarıyer district on Saturday",
            slot="place",
        ),
        Target(
            "t2",
            "nonconflict",
            "'since 2021' vs 'four years ago'",
            "Koster on the run since 2021",
            "corroborated",
            (
                Span("a1", "had been on the run since 2021"),
                Span("a2", "who fled the Netherlands four years ago"),
            ),
            note="both published in 2025: four years ago = 2021",
        ),
    ),
)

T09 = Case(
    "t09",
    "place",
    "Meteorite fragments found",
    (
        Article(
            "a1",
            "Nordic Science Wire",
            "2025-02-14",
            "Meteorite fragments found near Kiruna",
            (
                "Fragments of a meteorite that lit up the sky over Scandinavia on Tuesday night "
                "were found by a geologist near Kiruna in northern Sweden, the Swedish Museum "
                "of Natural History said on Thursday. The largest piece weighs 1.2 kilograms. "
                "Thousands of people reported seeing the fireball, which turned the night sky "
                "green for several seconds."
            ),
        ),
        Article(
            "a2",
            "Lapland Today",
            "2025-02-14",
            "Fireball leaves meteorite in Finnish Lapland",
            (
                "Pieces of the meteorite that streaked across northern skies on Tuesday night "
                "were found in a forest near Muonio in Finnish Lapland, the Finnish Geospatial "
                "Institute said on Thursday. Thousands of people across the region saw the "
                "fireball, which glowed green as it broke apart. The biggest fragment is about "
                "the size of a fist."
            ),
        ),
    ),
    (
        conflict(
            "t1",
            "place",
            "country",
            "where the fragments were found",
            "were found by a geologist near Kiruna in northern Sweden",
            "were found in a forest near Muonio in Finnish Lapland",
            slot="place",
        ),
        agree(
            "t2",
            "paraphrase",
            "thousands saw the fireball",
            "Thousands of people reported seeing the fireball",
            "Thousands of people across the region saw the fireball",
        ),
    ),
)

T10 = Case(
    "t10",
    "place",
    "Singer collapses on stage",
    (
        Article(
            "a1",
            "Luzon Daily Star",
            "2025-07-10",
            "Singer collapses on stage in Manila",
            (
                "Filipino pop singer Lani Reyes collapsed on stage during a sold-out concert at "
                "the Araneta Coliseum in Manila on Wednesday night, her management said. Our "
                "reporter at the concert saw paramedics carry her off on a stretcher midway "
                "through her fourth song. She was taken to hospital and is in stable condition, "
                "her manager said on Thursday."
            ),
        ),
        Article(
            "a2",
            "Visayan Post",
            "2025-07-10",
            "Lani Reyes faints during Cebu show",
            (
                "Pop star Lani Reyes fainted in the middle of a concert at the Waterfront arena "
                "in Cebu City on Wednesday night, her record label said. A Visayan Post "
                "reporter in the crowd saw medics lift the singer onto a stretcher as fans "
                "chanted her name. The 27-year-old is in stable condition in hospital, the "
                "label said. Exhaustion was blamed."
            ),
        ),
    ),
    (
        conflict(
            "t1",
            "place",
            "city and venue",
            "where the singer collapsed",
            (
                "collapsed on stage during a sold-out concert at the Araneta Coliseum in Manila "
                "on Wednesday night"
            ),
            (
                "fainted in the middle of a concert at the Waterfront arena in Cebu City on "
                "Wednesday night"
            ),
            slot="place",
        ),
        agree(
            "t2",
            "two independent reporters",
            "carried off on a stretcher",
            "Our reporter at the concert saw paramedics carry her off on a stretcher",
            "A Visayan Post reporter in the crowd saw medics lift the singer onto a stretcher",
            kind="independence",
        ),
    ),
)

# --------------------------------------------------------------------------------------------
# participant
# --------------------------------------------------------------------------------------------

T11 = Case(
    "t11",
    "participant",
    "Deadline-day transfer of Caio Mendes",
    (
        Article(
            "a1",
            "Lisbon Sports Wire",
            "2025-09-02",
            "Benfica sign Brazilian striker Caio Mendes",
            (
                "Brazilian striker Caio Mendes signed a four-year contract with Benfica on "
                "Monday, hours before the transfer window closed, his agent said. The "
                "22-year-old joins from Athletico Paranaense for a fee of 35 million euros, a "
                "record for a player leaving the Brazilian club. Mendes scored 19 goals in the "
                "Brazilian league last season."
            ),
        ),
        Article(
            "a2",
            "Lusa",
            "2025-09-02",
            "Porto land Caio Mendes on deadline day",
            (
                "PORTO (Lusa) - Caio Mendes completed his move to FC Porto on deadline day, "
                "Monday, the Portuguese club said in a statement to the stock market regulator. "
                "The Brazilian forward, 22, cost €35m and has signed until 2029. His former "
                "club Athletico Paranaense confirmed the sale."
            ),
        ),
    ),
    (
        conflict(
            "t1",
            "participant",
            "counterparty",
            "club Mendes joined",
            "signed a four-year contract with Benfica on Monday",
            "Caio Mendes completed his move to FC Porto on deadline day, Monday",
            slot="participant",
        ),
        agree(
            "t2",
            "'35 million euros' vs '€35m'",
            "transfer fee of 35 million euros",
            "for a fee of 35 million euros",
            "cost €35m",
        ),
    ),
)

T12 = Case(
    "t12",
    "participant",
    "Pig kidney transplant in Seoul",
    (
        Article(
            "a1",
            "Korea Health Wire",
            "2025-04-16",
            "Seoul surgeons transplant pig kidney",
            (
                "Surgeons at Seoul's Hanbit University Hospital transplanted a gene-edited pig "
                "kidney into a 62-year-old man with end-stage kidney failure on Monday, the "
                "hospital said on Wednesday, the first such operation in Asia. The operation "
                "took about six hours. The patient was breathing unaided and the kidney was "
                "producing urine, doctors said."
            ),
        ),
        Article(
            "a2",
            "Yonhap",
            "2025-04-16",
            "First pig-to-human kidney transplant in Korea",
            (
                "SEOUL (Yonhap) - A 58-year-old woman on dialysis received a kidney from a "
                "genetically modified pig at Hanbit University Hospital in Seoul on Monday, the "
                "hospital's transplant team told reporters. The six-hour operation went "
                "smoothly and the new organ began working within hours, the team said."
            ),
        ),
    ),
    (
        conflict(
            "t1",
            "participant",
            "recipient",
            "who received the pig kidney",
            (
                "transplanted a gene-edited pig kidney into a 62-year-old man with end-stage "
                "kidney failure on Monday"
            ),
            "A 58-year-old woman on dialysis received a kidney from a genetically modified pig",
            slot="participant",
        ),
        agree(
            "t2",
            "'about six hours' vs 'six-hour'",
            "six-hour operation",
            "The operation took about six hours",
            "The six-hour operation went smoothly",
        ),
    ),
)

T13 = Case(
    "t13",
    "participant",
    "Pacific Nations Cup in Suva",
    (
        Article(
            "a1",
            "Pacific Rugby News",
            "2025-07-08",
            "Fiji edge Samoa in Suva",
            (
                "Fiji beat Samoa 24-17 in the Pacific Nations Cup at the HFC Bank Stadium in "
                "Suva on Saturday, with winger Josua Nayacalevu scoring two tries. A crowd of "
                "about 15,000 watched the match in heavy rain. Fiji top the standings ahead of "
                "next week's trip to Tokyo."
            ),
        ),
        Article(
            "a2",
            "Fiji Sun Online",
            "2025-07-08",
            "Flying Fijians down Tonga",
            (
                "Fiji defeated Tonga 24-17 in Suva on Saturday to stay top of the Pacific "
                "Nations Cup table, team manager Mosese Raikoti said. Nayacalevu crossed twice "
                "in the first half. A crowd of about 15,000 braved the rain at the HFC Bank "
                "Stadium. The squad will travel to Japan for its next match."
            ),
        ),
    ),
    (
        conflict(
            "t1",
            "participant",
            "opponent",
            "Fiji's opponent",
            "Fiji beat Samoa 24-17 in the Pacific Nations Cup",
            "Fiji defeated Tonga 24-17 in Suva on Saturday",
            slot="participant",
        ),
        agree(
            "t2",
            "paraphrase",
            "Nayacalevu scored two tries",
            "winger Josua Nayacalevu scoring two tries",
            "Nayacalevu crossed twice in the first half",
        ),
    ),
)

# --------------------------------------------------------------------------------------------
# agent
# --------------------------------------------------------------------------------------------

T14 = Case(
    "t14",
    "agent",
    "Early human skull found",
    (
        Article(
            "a1",
            "South African Science Desk",
            "2025-11-18",
            "Early human skull found in Cradle of Humankind",
            (
                "Researchers from the University of Cape Town discovered a nearly complete "
                "skull of an early human relative in a cave in the Cradle of Humankind, "
                "north-west of Johannesburg, the university said on Monday. The skull is about "
                "2 million years old and belonged to a young adult, the team said. The find "
                "will be described in the journal Nature next month."
            ),
        ),
        Article(
            "a2",
            "Gauteng Herald",
            "2025-11-18",
            "Wits team unearths ancient skull",
            (
                "A nearly complete skull, roughly two million years old, was unearthed in a "
                "cave in the Cradle of Humankind by a team from the University of the "
                "Witwatersrand, the team's leader Thandiwe Mokoena said on Monday. \"It is the "
                'most complete skull of this age ever found here," Mokoena said. It probably '
                "belonged to a young adult."
            ),
        ),
    ),
    (
        conflict(
            "t1",
            "agent",
            "who discovered (active vs passive)",
            "who found the skull",
            "Researchers from the University of Cape Town discovered a nearly complete skull",
            (
                "was unearthed in a cave in the Cradle of Humankind by a team from the "
                "University of the Witwatersrand"
            ),
            slot="agent",
        ),
        agree(
            "t2",
            "'2 million' vs 'two million'",
            "skull about two million years old",
            "The skull is about 2 million years old",
            "roughly two million years old",
        ),
    ),
)

T15 = Case(
    "t15",
    "agent",
    "Accra derby winner",
    (
        Article(
            "a1",
            "Ghana Football Wire",
            "2025-10-09",
            "Hearts of Oak win Accra derby",
            (
                "Hearts of Oak beat Accra Lions 2-1 at the Accra Sports Stadium on Wednesday, "
                "with midfielder Kofi Mensah heading the winner in stoppage time. Lions had led "
                "through an early penalty. The win lifts Hearts to third in the Premier League "
                "table."
            ),
        ),
        Article(
            "a2",
            "Accra Evening Mail",
            "2025-10-09",
            "Late drama as Hearts edge Lions",
            (
                "The winning goal was scored by striker Yaw Boateng in the 93rd minute as "
                "Hearts of Oak came from behind to beat Accra Lions 2-1 on Wednesday night, "
                "club officials said. A crowd of nearly 20,000 saw Lions take the lead from the "
                "penalty spot."
            ),
        ),
    ),
    (
        conflict(
            "t1",
            "agent",
            "who scored (passive 'was scored by')",
            "scorer of the winning goal",
            "midfielder Kofi Mensah heading the winner in stoppage time",
            "The winning goal was scored by striker Yaw Boateng in the 93rd minute",
            slot="agent",
        ),
        agree(
            "t2",
            "paraphrase",
            "Hearts beat Lions 2-1",
            "Hearts of Oak beat Accra Lions 2-1 at the Accra Sports Stadium on Wednesday",
            "Hearts of Oak came from behind to beat Accra Lions 2-1 on Wednesday night",
        ),
    ),
)

T16 = Case(
    "t16",
    "agent",
    "Auckland to Suva yacht race",
    (
        Article(
            "a1",
            "Ocean Racing Daily",
            "2025-11-06",
            "Mistral takes line honours in Auckland-Suva race",
            (
                "The French yacht Mistral crossed the finish line first in the Auckland to Suva "
                "ocean race on Wednesday, completing the 1,150-nautical-mile course in four "
                "days and six hours, race organisers said. Thirty-four boats started the race, "
                "which is held every two years."
            ),
        ),
        Article(
            "a2",
            "Pacific Yachting Wire",
            "2025-11-06",
            "Southern Cross first into Suva",
            (
                "Australian maxi Southern Cross took line honours in the Auckland to Suva race, "
                "reaching Suva harbour on Wednesday afternoon ahead of a fleet of 34 starters, "
                "the Royal Suva Yacht Club said. Her skipper, Dan Whitford, said the crew had "
                "battled light winds for the last two days."
            ),
        ),
    ),
    (
        conflict(
            "t1",
            "agent",
            "who finished first ('line honours')",
            "first yacht to finish",
            (
                "The French yacht Mistral crossed the finish line first in the Auckland to Suva "
                "ocean race on Wednesday"
            ),
            "Australian maxi Southern Cross took line honours in the Auckland to Suva race",
            slot="agent",
        ),
        agree(
            "t2",
            "Thirty-four vs 34",
            "34 boats started",
            "Thirty-four boats started the race",
            "ahead of a fleet of 34 starters",
        ),
    ),
)

# --------------------------------------------------------------------------------------------
# polarity
# --------------------------------------------------------------------------------------------

T17 = Case(
    "t17",
    "polarity",
    "State funeral in Ljubljana",
    (
        Article(
            "a1",
            "Adriatic Herald",
            "2025-06-17",
            "Leaders gather for funeral of former Slovenian president",
            (
                "Prime Minister Andrej Vidmar attended the state funeral of former president "
                "Milan Kos at Ljubljana Cathedral on Saturday, alongside the presidents of "
                "Croatia and Austria, the government said. Kos, who led Slovenia for a decade, "
                "died last week aged 88. Thousands of people lined the streets as the coffin "
                "was carried to Žale cemetery."
            ),
        ),
        Article(
            "a2",
            "STA",
            "2025-06-17",
            "Vidmar skips Kos funeral",
            (
                "LJUBLJANA (STA) - Prime Minister Andrej Vidmar did not attend Saturday's state "
                "funeral of former president Milan Kos, sending his deputy instead, a "
                "government spokeswoman said on Monday, without giving a reason. The service at "
                "Ljubljana Cathedral was attended by the presidents of Croatia and Austria. Kos "
                "died at the age of 88."
            ),
        ),
    ),
    (
        conflict(
            "t1",
            "polarity",
            "did not",
            "prime minister attended the funeral",
            (
                "Prime Minister Andrej Vidmar attended the state funeral of former president "
                "Milan Kos at Ljubljana Cathedral on Saturday"
            ),
            (
                "Prime Minister Andrej Vidmar did not attend Saturday's state funeral of former "
                "president Milan Kos"
            ),
            slot="polarity",
        ),
        agree(
            "t2",
            "'aged 88' vs 'at the age of 88'",
            "Kos died aged 88",
            "died last week aged 88",
            "Kos died at the age of 88",
        ),
    ),
)

T18 = Case(
    "t18",
    "polarity",
    "Salmonella in infant formula",
    (
        Article(
            "a1",
            "Food Safety News Asia",
            "2025-05-06",
            "Salmonella found in Nutrilac baby formula",
            (
                "Malaysia's health ministry said on Monday that inspectors had found salmonella "
                "in two batches of Nutrilac infant formula made at a factory in Johor, and "
                "ordered shops to take the product off their shelves. No illnesses have been "
                "reported, the ministry said. Parents were told to return opened tins to the "
                "place of purchase."
            ),
        ),
        Article(
            "a2",
            "Bernama",
            "2025-05-06",
            "Nutrilac rejects contamination claim",
            (
                "KUALA LUMPUR (Bernama) - Dairy firm Nutrilac on Tuesday denied that any of its "
                "infant formula was contaminated with salmonella, saying its own laboratory "
                "tests on the two batches named by the health ministry had come back clean. The "
                "company said it would comply with the order to remove the tins from shops "
                "while it challenged the findings."
            ),
        ),
    ),
    (
        conflict(
            "t1",
            "polarity",
            "denied that",
            "formula contaminated with salmonella",
            "inspectors had found salmonella in two batches of Nutrilac infant formula",
            "denied that any of its infant formula was contaminated with salmonella",
            slot="polarity",
            brief_keep=(
                Keep(
                    "a2",
                    "denied that any of its infant formula was contaminated with salmonella",
                    DENY,
                ),
                Keep(
                    "a1",
                    "inspectors had found salmonella in two batches of Nutrilac infant formula",
                    SAID,
                ),
            ),
        ),
        agree(
            "t2",
            "paraphrase",
            "formula ordered off the shelves",
            "ordered shops to take the product off their shelves",
            "it would comply with the order to remove the tins from shops",
        ),
    ),
)

T19 = Case(
    "t19",
    "polarity",
    "Junior doctors' strike in Lagos",
    (
        Article(
            "a1",
            "Lagos Metro Times",
            "2025-11-04",
            "Lagos doctors end strike",
            (
                "Resident doctors at public hospitals in Lagos state returned to work on Monday "
                "after the state government paid part of their arrears, ending a two-week "
                "strike, the state health commissioner said. The doctors walked out over three "
                "months of unpaid allowances. The rest of the money would be paid in December, "
                "the commissioner said."
            ),
        ),
        Article(
            "a2",
            "Nigeria Daily Ledger",
            "2025-11-04",
            "Striking doctors stay out",
            (
                "Resident doctors in Lagos refused to return to work on Monday, saying a "
                'partial payment of their arrears was not enough. "Half of what we are owed is '
                "not a settlement,\" Dr Tunde Alabi, who chairs the doctors' association in the "
                "state, said. The doctors have not been paid allowances for three months, he "
                "said."
            ),
        ),
    ),
    (
        conflict(
            "t1",
            "polarity",
            "refused to",
            "doctors returned to work on Monday",
            "Resident doctors at public hospitals in Lagos state returned to work on Monday",
            "Resident doctors in Lagos refused to return to work on Monday",
            slot="polarity",
            brief_keep=(
                Keep("a2", "Resident doctors in Lagos refused to return to work on Monday", REFUSE),
            ),
        ),
        agree(
            "t2",
            "'unpaid' vs 'have not been paid'",
            "allowances unpaid for three months",
            "The doctors walked out over three months of unpaid allowances",
            "The doctors have not been paid allowances for three months",
        ),
    ),
)

# --------------------------------------------------------------------------------------------
# outcome
# --------------------------------------------------------------------------------------------

T20 = Case(
    "t20",
    "outcome",
    "Host city for the 2029 indoor championships",
    (
        Article(
            "a1",
            "Lisbon Tribune",
            "2025-03-11",
            "Lisbon to host 2029 indoor championships",
            (
                "Lisbon won the right to host the 2029 World Athletics Indoor Championships at "
                "a council meeting in Monaco on Monday, Portugal's athletics federation said. "
                "The championships would be held at the city's main indoor arena over three "
                "days in March. Portugal last staged the event in 2001."
            ),
        ),
        Article(
            "a2",
            "Beta News Agency",
            "2025-03-11",
            "Belgrade gets 2029 indoor worlds",
            (
                "BELGRADE (Beta) - Lisbon lost its bid to host the 2029 World Athletics Indoor "
                "Championships to Belgrade, the sport's governing body decided at its council "
                "meeting in Monaco on Monday, the Serbian sports ministry said. Belgrade's "
                "Stark Arena also staged the event in 2022."
            ),
        ),
    ),
    (
        conflict(
            "t1",
            "outcome",
            "won/lost",
            "result of Lisbon's bid",
            "Lisbon won the right to host the 2029 World Athletics Indoor Championships",
            "Lisbon lost its bid to host the 2029 World Athletics Indoor Championships to Belgrade",
            slot="outcome",
        ),
    ),
)

T21 = Case(
    "t21",
    "outcome",
    "Energy drink ban in the Saeima",
    (
        Article(
            "a1",
            "Riga Herald",
            "2025-01-16",
            "Latvia bans energy drinks for minors",
            (
                "Latvia's parliament passed a bill on Wednesday banning the sale of energy "
                "drinks to anyone under 18, by 58 votes to 31, the Saeima press office said. "
                "Lawmakers also approved an amendment that exempts drinks with less caffeine "
                "than a cup of coffee. Health groups had campaigned for the ban for three "
                "years."
            ),
        ),
        Article(
            "a2",
            "LETA",
            "2025-01-16",
            "Energy drink ban falls in Saeima",
            (
                "RIGA (LETA) - A bill to ban sales of energy drinks to minors failed in the "
                "Saeima on Wednesday after several coalition lawmakers abstained, health "
                "committee chairwoman Inese Ozola said. An amendment to exempt low-caffeine "
                "drinks was rejected earlier in the day. Supporters said they would bring the "
                "bill back in the spring."
            ),
        ),
    ),
    (
        conflict(
            "t1",
            "outcome",
            "passed/failed",
            "result of the vote on the bill",
            (
                "Latvia's parliament passed a bill on Wednesday banning the sale of energy "
                "drinks to anyone under 18"
            ),
            "A bill to ban sales of energy drinks to minors failed in the Saeima on Wednesday",
            slot="outcome",
        ),
        conflict(
            "t2",
            "outcome",
            "approved/rejected",
            "result of the vote on the amendment",
            (
                "Lawmakers also approved an amendment that exempts drinks with less caffeine "
                "than a cup of coffee"
            ),
            "An amendment to exempt low-caffeine drinks was rejected earlier in the day",
            slot="outcome",
        ),
    ),
)

T22 = Case(
    "t22",
    "outcome",
    "Bribery verdict in Tallinn",
    (
        Article(
            "a1",
            "Tallinn Courier",
            "2025-09-05",
            "Former port official convicted of bribery",
            (
                "A Tallinn court on Thursday convicted former port official Margus Tamm of "
                "taking 120,000 euros in bribes from shipping companies and sentenced him to "
                "four years in prison, prosecutors said. Tamm, 56, was head of procurement at "
                'the Port of Tallinn until 2022. "We will appeal," his lawyer Kalle Saar said.'
            ),
        ),
        Article(
            "a2",
            "BNS",
            "2025-09-05",
            "Tamm cleared of bribery charges",
            (
                "TALLINN (BNS) - Harju County Court acquitted Margus Tamm, a former head of "
                "procurement at the Port of Tallinn, of bribery charges on Thursday, ruling "
                "that prosecutors had not proved he took €120,000 from shipping firms. The "
                "prosecutor's office said it was studying the verdict."
            ),
        ),
    ),
    (
        conflict(
            "t1",
            "outcome",
            "convicted/acquitted",
            "verdict in the bribery trial",
            (
                "A Tallinn court on Thursday convicted former port official Margus Tamm of "
                "taking 120,000 euros in bribes"
            ),
            "Harju County Court acquitted Margus Tamm",
            slot="outcome",
        ),
    ),
)

T23 = Case(
    "t23",
    "outcome",
    "Maiden flight of the Tayra-1 rocket",
    (
        Article(
            "a1",
            "Space Industry Asia",
            "2025-06-10",
            "Maiden launch of Tayra-1 rocket fails",
            (
                "The maiden flight of the Tayra-1 rocket, built by Tokyo start-up Hoshizora "
                "Launch, failed about four minutes after lift-off from a spaceport in Hokkaido "
                "on Tuesday, when the second stage did not ignite, the company said. The rocket "
                "was carrying a small weather satellite built by a university in Sapporo."
            ),
        ),
        Article(
            "a2",
            "Kyodo",
            "2025-06-10",
            "Private Japanese rocket reaches orbit",
            (
                "TOKYO (Kyodo) - Start-up Hoshizora Launch succeeded in putting a small weather "
                "satellite into orbit with the first flight of its Tayra-1 rocket from Hokkaido "
                "on Tuesday, the company said, a first for a privately developed Japanese "
                "launcher. The satellite was built by students at a Sapporo university."
            ),
        ),
    ),
    (
        conflict(
            "t1",
            "outcome",
            "failed/succeeded",
            "result of the maiden launch",
            (
                "The maiden flight of the Tayra-1 rocket, built by Tokyo start-up Hoshizora "
                "Launch, failed about four minutes after lift-off"
            ),
            (
                "Start-up Hoshizora Launch succeeded in putting a small weather satellite into "
                "orbit with the first flight of its Tayra-1 rocket"
            ),
            slot="outcome",
        ),
        agree(
            "t2",
            "paraphrase",
            "satellite built by a Sapporo university",
            "a small weather satellite built by a university in Sapporo",
            "The satellite was built by students at a Sapporo university",
        ),
    ),
)

# --------------------------------------------------------------------------------------------
# update
# --------------------------------------------------------------------------------------------

T24 = Case(
    "t24",
    "update",
    "Measles outbreak in Auckland",
    (
        Article(
            "a1",
            "Auckland Herald Online",
            "2025-10-07",
            "Measles outbreak grows in south Auckland",
            (
                "Health officials have confirmed 48 measles cases in south Auckland since late "
                "September, most of them in unvaccinated children, Health New Zealand said on "
                "Tuesday. Free vaccination clinics will open at three schools this week. "
                "Officials urged parents to check their children's immunisation records."
            ),
        ),
        Article(
            "a2",
            "NZ Press Wire",
            "2025-10-09",
            "Measles cases climb to 71",
            (
                "WELLINGTON (NZPW) - The number of confirmed measles cases in south Auckland "
                "rose to 71 on Thursday, Health New Zealand said, as the outbreak spread to two "
                "more suburbs. Most of those infected are children who had not been vaccinated. "
                "Extra vaccination clinics have opened at schools in the area."
            ),
        ),
    ),
    (
        conflict(
            "t1",
            "update",
            "rose to, two days later",
            "confirmed measles cases over time",
            (
                "Health officials have confirmed 48 measles cases in south Auckland since late "
                "September"
            ),
            "The number of confirmed measles cases in south Auckland rose to 71 on Thursday",
            slot="number",
            expect="update",
        ),
        agree(
            "t2",
            "'unvaccinated' vs 'had not been vaccinated'",
            "mostly unvaccinated children",
            "most of them in unvaccinated children",
            "Most of those infected are children who had not been vaccinated",
        ),
    ),
)

T25 = Case(
    "t25",
    "update",
    "Pipeline spill near Edson",
    (
        Article(
            "a1",
            "Alberta Energy Report",
            "2025-04-15",
            "Pipeline leak spills crude near Edson",
            (
                "About 700 barrels of crude oil leaked from a pipeline operated by Westline "
                "Energy near Edson, Alberta, on Sunday, the company said. Crews shut the line "
                "and contained the spill in a drainage ditch, and no oil reached the nearby "
                "McLeod River, the Alberta Energy Regulator said."
            ),
        ),
        Article(
            "a2",
            "Calgary Business Wire",
            "2025-04-16",
            "Westline raises Edson spill estimate",
            (
                "Westline Energy on Wednesday revised its estimate of the crude spilled from "
                "its pipeline near Edson, Alberta, to 2,300 barrels, more than three times its "
                "first figure, after crews excavated the site. The line, shut since Sunday's "
                "leak, will stay closed while the regulator investigates. The company said no "
                "oil had entered the McLeod River."
            ),
        ),
    ),
    (
        conflict(
            "t1",
            "update",
            "revised estimate, next day",
            "size of the spill over time",
            (
                "About 700 barrels of crude oil leaked from a pipeline operated by Westline "
                "Energy near Edson, Alberta, on Sunday"
            ),
            (
                "revised its estimate of the crude spilled from its pipeline near Edson, "
                "Alberta, to 2,300 barrels"
            ),
            slot="number",
            expect="update",
        ),
        agree(
            "t2",
            "both negative",
            "no oil reached the river",
            "no oil reached the nearby McLeod River",
            "no oil had entered the McLeod River",
        ),
    ),
)

T26 = Case(
    "t26",
    "update",
    "Food poisoning at a wedding near Lahore",
    (
        Article(
            "a1",
            "Lahore Times Online",
            "2025-11-18",
            "Dozens fall ill after wedding feast",
            (
                "According to district health officials, more than 90 guests fell ill with "
                "suspected food poisoning after a wedding dinner in the village of Kot Radha "
                "Kishan near Lahore on Sunday night. Most were treated at a rural health centre "
                "and sent home. Samples of the rice and meat dishes have been sent for testing."
            ),
        ),
        Article(
            "a2",
            "Associated Press of Pakistan",
            "2025-11-20",
            "Wedding food poisoning cases reach 163",
            (
                "LAHORE (APP) - A total of 163 people have been treated for food poisoning "
                "after eating at a wedding in Kot Radha Kishan on Sunday, the Punjab health "
                "department said on Wednesday. Three children remain in hospital in Kasur. "
                "Police have questioned the caterer."
            ),
        ),
    ),
    (
        conflict(
            "t1",
            "update",
            "later total, no 'revised' wording",
            "people taken ill over time",
            "more than 90 guests fell ill with suspected food poisoning",
            "A total of 163 people have been treated for food poisoning",
            slot="number",
            expect="update",
            accept=("update", "conflicting"),
        ),
    ),
)

# --------------------------------------------------------------------------------------------
# nonconflict
# --------------------------------------------------------------------------------------------

T27 = Case(
    "t27",
    "nonconflict",
    "European fiction prize",
    (
        Article(
            "a1",
            "Literary Wire International",
            "2025-05-20",
            "Turkish novelist wins European fiction prize",
            (
                "Turkish novelist Şebnem Güleryüz won the European Prize for Fiction on Monday "
                "for her novel The Salt Bridge, the jury announced at a ceremony in Brussels. "
                "The prize is worth 30,000 euros. Güleryüz, who lives in İzmir, is the first "
                "Turkish writer to win it."
            ),
        ),
        Article(
            "a2",
            "Istanbul Arts Review",
            "2025-05-20",
            "Guleryuz takes top European fiction award",
            (
                "Sebnem Guleryuz has been awarded the European Prize for Fiction for The Salt "
                "Bridge, the first time a writer from Turkey has taken the award, organisers "
                "said in Brussels on Monday. The Izmir-based author said she would give part of "
                "the prize money to a literacy charity."
            ),
        ),
    ),
    (
        agree(
            "t1",
            "diacritics Şebnem Güleryüz / Sebnem Guleryuz",
            "Güleryüz won the prize for The Salt Bridge",
            "Turkish novelist Şebnem Güleryüz won the European Prize for Fiction on Monday",
            "Sebnem Guleryuz has been awarded the European Prize for Fiction for The Salt Bridge",
        ),
        agree(
            "t2",
            "paraphrase",
            "first Turkish winner",
            "is the first Turkish writer to win it",
            "the first time a writer from Turkey has taken the award",
        ),
    ),
)

T28 = Case(
    "t28",
    "nonconflict",
    "Cocaine in a banana shipment",
    (
        Article(
            "a1",
            "EFE",
            "2025-07-10",
            "Ecuador seizes cocaine in banana shipment",
            (
                "GUAYAQUIL, Ecuador (EFE) - Ecuadorian police seized 450 kilograms of cocaine "
                "hidden in a container of bananas bound for Antwerp at the port of Guayaquil on "
                "Wednesday, the interior ministry said. Two port workers were arrested. The "
                "drugs were packed in 380 bricks inside boxes of fruit."
            ),
        ),
        Article(
            "a2",
            "Americas Security Monitor",
            "2025-07-10",
            "Nearly 1,000 pounds of cocaine found in bananas",
            (
                "Nearly 1,000 pounds of cocaine were found stashed among bananas in a "
                "Belgium-bound shipping container in Guayaquil on Wednesday, Ecuador's interior "
                "minister wrote on social media. Officers detained two dock workers at the "
                "port. Ecuador has become a major transit route for cocaine shipped to Europe."
            ),
        ),
    ),
    (
        agree(
            "t1",
            "units kg/pounds + nearly",
            "450 kg (nearly 1,000 lb) of cocaine seized",
            "seized 450 kilograms of cocaine hidden in a container of bananas",
            "Nearly 1,000 pounds of cocaine were found stashed among bananas",
        ),
        agree(
            "t2",
            "paraphrase",
            "two port workers arrested",
            "Two port workers were arrested",
            "Officers detained two dock workers at the port",
        ),
    ),
)

T29 = Case(
    "t29",
    "nonconflict",
    "Hajj attendance",
    (
        Article(
            "a1",
            "Saudi Press Agency",
            "2025-06-10",
            "1,673,230 pilgrims perform Hajj",
            (
                "RIYADH (SPA) - A total of 1,673,230 pilgrims performed the Hajj this year, the "
                "General Authority for Statistics said on Monday. Of those, 1,506,576 came from "
                "abroad and the rest were Saudi citizens and residents. Pilgrims from Indonesia "
                "made up the largest national group."
            ),
        ),
        Article(
            "a2",
            "Gulf Daily Wire",
            "2025-06-10",
            "Hajj draws about 1.7 million",
            (
                "Some 1.7 million Muslims took part in this year's Hajj, Saudi officials said "
                "on Monday, about 1.5 million of them from outside the kingdom. Temperatures at "
                "Mount Arafat climbed above 45 C, and the authorities handed out umbrellas and "
                "bottled water to pilgrims."
            ),
        ),
    ),
    (
        agree(
            "t1",
            "rounding 1,673,230 vs some 1.7 million",
            "about 1.7 million pilgrims",
            "A total of 1,673,230 pilgrims performed the Hajj this year",
            "Some 1.7 million Muslims took part in this year's Hajj",
        ),
        agree(
            "t2",
            "rounding 1,506,576 vs about 1.5 million",
            "about 1.5 million from abroad",
            "Of those, 1,506,576 came from abroad",
            "about 1.5 million of them from outside the kingdom",
        ),
    ),
)

T30 = Case(
    "t30",
    "nonconflict",
    "Elisabeth Bridge reopens",
    (
        Article(
            "a1",
            "Budapest Times Online",
            "2025-04-15",
            "Elisabeth Bridge reopens after restoration",
            (
                "Budapest's Elisabeth Bridge reopened to buses and taxis yesterday after a "
                "two-year restoration that cost 32 billion forints, the city's mayor said. "
                "Private cars remain banned from the bridge. Thousands of people walked across "
                "the Danube crossing in the morning sunshine."
            ),
        ),
        Article(
            "a2",
            "MTI",
            "2025-04-16",
            "Elisabeth Bridge open again",
            (
                "BUDAPEST (MTI) - The Elisabeth Bridge in Budapest was reopened to public "
                "transport and taxis on Monday after two years of renovation costing 32 billion "
                "forints, the mayor's office said on Tuesday. Cars will not be allowed back on "
                "the bridge. Crowds of pedestrians crossed the bridge on its first day."
            ),
        ),
    ),
    (
        Target(
            "t1",
            "nonconflict",
            "same day, 'yesterday' vs weekday",
            "bridge reopened on Monday 14 April",
            "corroborated",
            (
                Span("a1", "Budapest's Elisabeth Bridge reopened to buses and taxis yesterday"),
                Span("a2", "was reopened to public transport and taxis on Monday"),
            ),
            note=(
                "a1 published Tue 15 April 2025: yesterday = 14 April; a2 published Wed 16 "
                "April: Monday = 14 April"
            ),
        ),
        agree(
            "t2",
            "paraphrase",
            "restoration cost 32 billion forints",
            "a two-year restoration that cost 32 billion forints",
            "after two years of renovation costing 32 billion forints",
        ),
    ),
)

# --------------------------------------------------------------------------------------------
# independence
# --------------------------------------------------------------------------------------------

_AP_FUEGO = (
    "Guatemala's Volcán de Fuego erupted on Monday, sending ash six kilometers into the sky and "
    "forcing between 2,500 and 3,000 people to leave villages on its slopes, the national "
    "disaster agency said."
)
_AP_FUEGO_2 = (
    "La Aurora international airport in Guatemala City was closed for several hours as a "
    "precaution."
)
_FUEGO_FACT = "forcing between 2,500 and 3,000 people to leave villages on its slopes"

T31 = Case(
    "t31",
    "independence",
    "Fuego eruption, AP copies",
    (
        Article(
            "a1",
            "AP",
            "2025-03-11",
            "Guatemala volcano erupts, thousands evacuated",
            (
                f"ANTIGUA, Guatemala (AP) — {_AP_FUEGO} {_AP_FUEGO_2} Lava flowed down two "
                "ravines on the volcano's southern flank, officials said."
            ),
        ),
        Article(
            "a2",
            "Gulf Coast Chronicle",
            "2025-03-11",
            "Fuego volcano forces evacuations",
            (
                f"ANTIGUA, Guatemala (AP) — {_AP_FUEGO} {_AP_FUEGO_2} Lava flowed down two "
                "ravines on the volcano's southern flank, officials said. Copyright The "
                "Associated Press. All rights reserved."
            ),
        ),
        Article(
            "a3",
            "Latin America Daily Brief",
            "2025-03-11",
            "Eruption in Guatemala",
            (
                f"{_AP_FUEGO} The international airport in Guatemala City was closed for several "
                "hours. Copyright The Associated Press"
            ),
        ),
    ),
    (
        Target(
            "t1",
            "independence",
            "verbatim wire copies (one credited at the end, one trimmed)",
            "2,500 to 3,000 people evacuated",
            "single_source",
            (
                Span("a1", _FUEGO_FACT, origin="ap"),
                Span("a2", _FUEGO_FACT, origin="ap"),
                Span("a3", _FUEGO_FACT, origin="ap"),
            ),
        ),
    ),
)

_REUTERS_SINKHOLE = (
    "A sinkhole about 15 meters deep opened up on a busy avenue in Guadalajara on Wednesday, "
    "swallowing three parked cars, city officials said. No one was injured. Heavy rain in "
    "recent days had weakened a drainage channel under the street, the officials said."
)

T32 = Case(
    "t32",
    "independence",
    "Guadalajara sinkhole, Reuters copy and a local crew",
    (
        Article(
            "a1",
            "Reuters",
            "2025-08-21",
            "Sinkhole swallows cars in Guadalajara",
            (
                f"GUADALAJARA, Mexico (Reuters) - {_REUTERS_SINKHOLE} Reporting by Ana Beltrán; "
                "Editing by Paul Grant"
            ),
        ),
        Article(
            "a2",
            "Mexico News Wire",
            "2025-08-21",
            "Three cars fall into Guadalajara sinkhole",
            f"GUADALAJARA, Mexico (Reuters) - {_REUTERS_SINKHOLE}",
        ),
        Article(
            "a3",
            "Telejalisco Noticias",
            "2025-08-21",
            "Cars pulled from sinkhole on López Mateos",
            (
                "Our camera crew on Avenida López Mateos filmed a tow truck winching three cars "
                "out of the sinkhole on Thursday morning. A neighbour, Rosa Méndez, said she "
                "heard a loud crack before the road gave way on Wednesday. City workers have "
                "fenced off the hole, which is around 15 metres deep."
            ),
        ),
    ),
    (
        Target(
            "t1",
            "independence",
            "wire copy + independent report = 2",
            "three cars swallowed by the sinkhole",
            "corroborated",
            (
                Span("a1", "swallowing three parked cars", origin="reuters"),
                Span("a2", "swallowing three parked cars", origin="reuters"),
                Span("a3", "filmed a tow truck winching three cars out of the sinkhole"),
            ),
        ),
        Target(
            "t2",
            "nonconflict",
            "meters/metres; wire copy + independent report",
            "sinkhole about 15 metres deep",
            "corroborated",
            (
                Span("a1", "A sinkhole about 15 meters deep", origin="reuters"),
                Span("a2", "A sinkhole about 15 meters deep", origin="reuters"),
                Span("a3", "the hole, which is around 15 metres deep"),
            ),
        ),
    ),
)

T33 = Case(
    "t33",
    "independence",
    "Drones close Oslo Airport, one spokeswoman",
    (
        Article(
            "a1",
            "Norway Today",
            "2025-10-09",
            "Drone sightings halt Oslo flights",
            (
                "Flights at Oslo Airport were halted for two hours on Wednesday evening after "
                "several drones were spotted near the runways, airport spokeswoman Kari "
                "Berntsen said. Eleven incoming flights were diverted to Stockholm and Bergen, "
                'she said. "Safety comes first," Berntsen said. Police have opened an '
                "investigation."
            ),
        ),
        Article(
            "a2",
            "Scandinavian Aviation Brief",
            "2025-10-09",
            "Oslo Airport shut by drones",
            (
                "Drone sightings near the runways closed Oslo Airport for two hours on "
                "Wednesday evening, according to spokeswoman Kari Berntsen. She said 11 "
                "arriving flights had been sent to Bergen and Stockholm instead. Police were "
                "examining footage from cameras around the airport, and no arrests have been "
                "made."
            ),
        ),
    ),
    (
        Target(
            "t1",
            "independence",
            "two outlets citing the same spokeswoman",
            "airport closed two hours over drones",
            "single_source",
            (
                Span(
                    "a1",
                    (
                        "Flights at Oslo Airport were halted for two hours on Wednesday evening "
                        "after several drones were spotted near the runways"
                    ),
                    origin="berntsen",
                ),
                Span(
                    "a2",
                    (
                        "Drone sightings near the runways closed Oslo Airport for two hours on "
                        "Wednesday evening"
                    ),
                    origin="berntsen",
                ),
            ),
        ),
        Target(
            "t2",
            "independence",
            "same spokeswoman; Eleven vs 11",
            "eleven flights diverted",
            "single_source",
            (
                Span(
                    "a1",
                    "Eleven incoming flights were diverted to Stockholm and Bergen",
                    origin="berntsen",
                ),
                Span(
                    "a2",
                    "11 arriving flights had been sent to Bergen and Stockholm",
                    origin="berntsen",
                ),
            ),
        ),
    ),
)

T34 = Case(
    "t34",
    "independence",
    "Island paper's ferry story rewritten",
    (
        Article(
            "a1",
            "Orkney Island News",
            "2025-02-14",
            "Shapinsay ferry to be suspended",
            (
                "Orkney Islands Council will suspend the ferry service between Kirkwall and the "
                "island of Shapinsay for six weeks from March while the pier at Balfour is "
                "rebuilt, the council's transport manager Fiona Linklater told Orkney Island "
                "News on Thursday. A passenger-only boat will run three times a day during the "
                "works."
            ),
        ),
        Article(
            "a2",
            "Scotland News Hub",
            "2025-02-14",
            "Orkney ferry route to close for pier works",
            (
                "Orkney Islands Council is to suspend the ferry between Kirkwall and Shapinsay "
                "for six weeks from March while Balfour pier is rebuilt, transport manager "
                "Fiona Linklater said on Thursday. A passenger-only boat will run three times a "
                "day while the work is carried out. Islanders have raised concerns about "
                "deliveries of animal feed."
            ),
        ),
    ),
    (
        Target(
            "t1",
            "independence",
            "uncredited near-verbatim rewrite",
            "Shapinsay ferry suspended for six weeks",
            "single_source",
            (
                Span(
                    "a1",
                    (
                        "will suspend the ferry service between Kirkwall and the island of "
                        "Shapinsay for six weeks from March"
                    ),
                    origin="orkney_news",
                ),
                Span(
                    "a2",
                    (
                        "is to suspend the ferry between Kirkwall and Shapinsay for six weeks "
                        "from March"
                    ),
                    origin="orkney_news",
                ),
            ),
            derived_ok=True,
        ),
        Target(
            "t2",
            "independence",
            "uncredited near-verbatim rewrite",
            "replacement passenger boat three times a day",
            "single_source",
            (
                Span(
                    "a1",
                    "A passenger-only boat will run three times a day during the works",
                    origin="orkney_news",
                ),
                Span(
                    "a2",
                    (
                        "A passenger-only boat will run three times a day while the work is "
                        "carried out"
                    ),
                    origin="orkney_news",
                ),
            ),
            derived_ok=True,
        ),
    ),
)

# --------------------------------------------------------------------------------------------
# support
# --------------------------------------------------------------------------------------------

T35 = Case(
    "t35",
    "support",
    "Chlorine leak at a Swansea pool",
    (
        Article(
            "a1",
            "Cardiff Evening Star",
            "2025-12-01",
            "27 taken to hospital after pool chlorine leak",
            (
                "Twenty-seven people, most of them children, were taken to hospital after a "
                "chlorine gas leak at a leisure centre swimming pool in Swansea on Sunday "
                "afternoon, the Welsh Ambulance Service said. The building was evacuated and "
                "firefighters in protective suits ventilated the pool hall."
            ),
        ),
        Article(
            "a2",
            "Swansea Bay Post",
            "2025-12-01",
            "Penlan pool closed after leak",
            (
                "A chlorine leak forced the evacuation of the Penlan leisure centre in Swansea "
                "on Sunday, the city council said. The pool will stay closed while engineers "
                "check the dosing equipment. Swimming lessons have been moved to another centre "
                "for the rest of the week."
            ),
        ),
        Article(
            "a3",
            "Wales Press Agency",
            "2025-12-01",
            "Pool leak victims treated at Morriston",
            (
                "SWANSEA (WPA) - Ambulance crews took 27 people to Morriston Hospital with "
                "breathing problems after a chlorine leak at a Swansea swimming pool on Sunday, "
                "a hospital spokesman said. All but three had been discharged by the evening, "
                "he said."
            ),
        ),
    ),
    (
        Target(
            "t1",
            "support",
            "event mentioned without the figure",
            "27 taken to hospital",
            "corroborated",
            (
                Span("a1", "Twenty-seven people, most of them children, were taken to hospital"),
                Span(
                    "a3",
                    "Ambulance crews took 27 people to Morriston Hospital with breathing problems",
                ),
            ),
            non_support=(
                Trap(
                    "a2",
                    (
                        "A chlorine leak forced the evacuation of the Penlan leisure centre in "
                        "Swansea on Sunday"
                    ),
                    "mentions the leak, states no casualty figure",
                ),
            ),
        ),
    ),
)

T36 = Case(
    "t36",
    "support",
    "Scooter recall, same number other fact",
    (
        Article(
            "a1",
            "Euro Mobility News",
            "2025-09-04",
            "Volta recalls 48,000 e-scooters",
            (
                "Electric scooter maker Volta Mobility is recalling 48,000 scooters sold in "
                "Europe after reports that the folding stem can snap while riding, the company "
                "said on Wednesday. Owners have been told to stop using the affected models "
                "until the stem hinge is replaced free of charge."
            ),
        ),
        Article(
            "a2",
            "Berlin Tech Daily",
            "2025-09-04",
            "Volta to replace scooter hinges",
            (
                "Volta Mobility said on Wednesday it would replace the stem hinges on some of "
                "its consumer scooters after complaints from riders. The company has 48,000 "
                "scooters in its rental fleets in Paris, Madrid and Berlin, which use a "
                "different hinge, a spokeswoman said. Shares in the company fell 6 percent."
            ),
        ),
    ),
    (
        Target(
            "t1",
            "support",
            "same number, different fact",
            "48,000 scooters recalled",
            "single_source",
            (Span("a1", "is recalling 48,000 scooters sold in Europe"),),
            non_support=(
                Trap(
                    "a2",
                    (
                        "The company has 48,000 scooters in its rental fleets in Paris, Madrid "
                        "and Berlin"
                    ),
                    "48,000 rental scooters, not the recalled ones",
                ),
                Trap(
                    "a2",
                    "it would replace the stem hinges on some of its consumer scooters",
                    "mentions the recall, states no figure",
                ),
            ),
        ),
    ),
)

T37 = Case(
    "t37",
    "support",
    "Heatwave in Sindh",
    (
        Article(
            "a1",
            "Karachi Chronicle",
            "2025-06-17",
            "Heatwave kills 63 in Sindh",
            (
                "A heatwave has killed 63 people in Pakistan's Sindh province since Friday, "
                "most of them elderly labourers and homeless people in Karachi, the provincial "
                "health department said on Monday. Hospitals in the city have set up special "
                "wards for heatstroke patients."
            ),
        ),
        Article(
            "a2",
            "Sindh Times Online",
            "2025-06-17",
            "Jacobabad hits 49 C",
            (
                "A severe heatwave gripped Sindh province over the weekend, with temperatures "
                "reaching 49 C in Jacobabad on Sunday, the Pakistan Meteorological Department "
                "said. Authorities in Karachi extended school holidays and urged residents to "
                "stay indoors in the afternoon. Power cuts of up to ten hours a day added to "
                "the misery in several towns."
            ),
        ),
    ),
    (
        Target(
            "t1",
            "support",
            "event mentioned without the figure",
            "63 killed by the heatwave",
            "single_source",
            (
                Span(
                    "a1",
                    "A heatwave has killed 63 people in Pakistan's Sindh province since Friday",
                ),
            ),
            non_support=(
                Trap(
                    "a2",
                    (
                        "A severe heatwave gripped Sindh province over the weekend, with "
                        "temperatures reaching 49 C in Jacobabad on Sunday"
                    ),
                    "same heatwave, a temperature, no death toll",
                ),
            ),
        ),
    ),
)

# --------------------------------------------------------------------------------------------
# hedge
# --------------------------------------------------------------------------------------------

_UZ_FORECAST = (
    "Uzbekistan Airways is expected to order 12 Airbus A321neo jets at the Paris Air Show next week"
)
_CASTELLANI = "has reportedly hired British designer Owen Blake as its creative director"
_BCN_A = (
    "Barcelona plans to double its tourist tax for hotel guests to 8 euros a night from next year"
)
_BCN_B = "Barcelona aims to raise the nightly tourist levy on hotel stays to 8 euros from 2026"

T38 = Case(
    "t38",
    "hedge",
    "Uzbekistan Airways jet order",
    (
        Article(
            "a1",
            "Silk Road Business Journal",
            "2025-06-10",
            "Uzbekistan Airways set for Airbus order",
            (
                f"{_UZ_FORECAST}, two industry sources said on Monday. The carrier wants to open "
                "new routes to Europe and South-East Asia and replace some of its older jets. "
                "Airbus declined to comment."
            ),
        ),
        Article(
            "a2",
            "Airline Business Daily",
            "2025-06-17",
            "Uzbekistan Airways orders 12 A321neos",
            (
                "Uzbekistan Airways ordered 12 Airbus A321neo jets on Monday at the Paris Air "
                "Show, the airline's chief executive Bakhtiyor Rahimov said. The planes will be "
                "delivered from 2028 and will be used on new routes to Europe and Asia. "
                "Financial terms were not disclosed."
            ),
        ),
    ),
    (
        Target(
            "t1",
            "hedge",
            "expected to vs did",
            "airline ordered 12 A321neo jets",
            "single_source",
            (
                Span(
                    "a2",
                    (
                        "Uzbekistan Airways ordered 12 Airbus A321neo jets on Monday at the "
                        "Paris Air Show"
                    ),
                ),
            ),
            non_support=(Trap("a1", _UZ_FORECAST, "a forecast, not the order"),),
            brief_keep=(Keep("a1", _UZ_FORECAST, EXPECT),),
        ),
    ),
)

T39 = Case(
    "t39",
    "hedge",
    "Castellani creative director report",
    (
        Article(
            "a1",
            "Fashion Business Wire",
            "2025-11-06",
            "Castellani reportedly hires Owen Blake",
            (
                f"Milan fashion house Castellani {_CASTELLANI}, according to the trade newspaper "
                "WWD, which cited two people familiar with the decision. Castellani declined to "
                "comment. Blake left the Paris label Maison Verne in June."
            ),
        ),
        Article(
            "a2",
            "Milan Style Daily",
            "2025-11-06",
            "Castellani to name new designer by year-end",
            (
                "Castellani said on Wednesday it would name a new creative director before the "
                "end of the year, after the departure of Giulia Ferri in September. Ferri had "
                "led the label's design studio for eight years. The company's shares rose 4 "
                "percent in Milan on reports about the succession."
            ),
        ),
    ),
    (
        Target(
            "t1",
            "hedge",
            "reportedly; stays attributed",
            "Castellani hired Owen Blake",
            "single_source",
            (Span("a1", _CASTELLANI),),
            non_support=(
                Trap(
                    "a2",
                    (
                        "Castellani said on Wednesday it would name a new creative director "
                        "before the end of the year"
                    ),
                    "a plan to name someone, no name",
                ),
            ),
            brief_keep=(Keep("a1", _CASTELLANI, REPORTED),),
        ),
    ),
)

T40 = Case(
    "t40",
    "hedge",
    "Barcelona tourist tax plan",
    (
        Article(
            "a1",
            "Catalan News Wire",
            "2025-02-13",
            "Barcelona plans to double tourist tax",
            (
                f"{_BCN_A}, deputy mayor Marta Vidal said on Wednesday, to pay for housing and "
                "street cleaning. The measure still needs the approval of the Catalan "
                "parliament. The city received almost 16 million overnight visitors last year."
            ),
        ),
        Article(
            "a2",
            "Spain Travel Trade",
            "2025-02-13",
            "Barcelona eyes higher hotel levy",
            (
                f"{_BCN_B}, the city's deputy mayor Marta Vidal told reporters on Wednesday. "
                "Hotel associations said the increase would drive visitors to other cities. "
                "Cruise passengers would also pay more under the proposal."
            ),
        ),
    ),
    (
        Target(
            "t1",
            "hedge",
            "plan corroborated; must stay a plan ('plans to' / 'aims to')",
            "Barcelona plans an 8-euro nightly tourist tax",
            "corroborated",
            (Span("a1", _BCN_A), Span("a2", _BCN_B)),
            brief_keep=(Keep("a1", _BCN_A, PLAN), Keep("a2", _BCN_B, PLAN)),
        ),
    ),
)

CASES: tuple[Case, ...] = (
    T01,
    T02,
    T03,
    T04,
    T05,
    T06,
    T07,
    T08,
    T09,
    T10,
    T11,
    T12,
    T13,
    T14,
    T15,
    T16,
    T17,
    T18,
    T19,
    T20,
    T21,
    T22,
    T23,
    T24,
    T25,
    T26,
    T27,
    T28,
    T29,
    T30,
    T31,
    T32,
    T33,
    T34,
    T35,
    T36,
    T37,
    T38,
    T39,
    T40,
)


# --------------------------------------------------------------------------------------------
# building and validation
# --------------------------------------------------------------------------------------------


def locate(text: str, needle: str, nth: int | None, where: str) -> tuple[int, int]:
    """Offsets of ``needle`` in ``text``: the only occurrence, or the ``nth`` (0-based) one."""
    starts: list[int] = []
    i = text.find(needle)
    while i != -1:
        starts.append(i)
        i = text.find(needle, i + 1)
    if not starts:
        raise ValueError(f"{where}: span text not found: {needle!r}")
    if nth is None:
        if len(starts) != 1:
            raise ValueError(f"{where}: span text occurs {len(starts)} times: {needle!r}")
        start = starts[0]
    else:
        if nth >= len(starts):
            raise ValueError(f"{where}: occurrence {nth} of {needle!r} does not exist")
        start = starts[nth]
    return start, start + len(needle)


def origins_of(target: Target) -> int | dict[str, int]:
    """Independent origins, from the spans' origin labels (per side for two-sided targets)."""
    labels: dict[str, set[str]] = {}
    for span in target.spans:
        labels.setdefault(span.side, set()).add(span.origin or span.article)
    if target.slot is None:
        return len(labels.get("A", set()))
    return {side: len(labels.get(side, set())) for side in ("A", "B")}


def build_target(case: Case, target: Target) -> dict[str, Any]:
    texts = {a.id: a.text for a in case.articles}
    where = f"{case.id}/{target.id}"

    def text_of(article: str) -> str:
        if article not in texts:
            raise ValueError(f"{where}: unknown article {article!r}")
        return texts[article]

    spans: list[dict[str, Any]] = []
    for s in target.spans:
        start, end = locate(text_of(s.article), s.text, s.nth, where)
        spans.append(
            {
                "article": s.article,
                "text": s.text,
                "side": s.side,
                "origin": s.origin or s.article,
                "start": start,
                "end": end,
            }
        )
    traps: list[dict[str, Any]] = []
    for t in target.non_support:
        start, end = locate(text_of(t.article), t.text, t.nth, where)
        traps.append(
            {"article": t.article, "text": t.text, "why": t.why, "start": start, "end": end}
        )
    keeps: list[dict[str, Any]] = []
    for k in target.brief_keep:
        start, end = locate(text_of(k.article), k.text, k.nth, where)
        keeps.append(
            {"article": k.article, "text": k.text, "cues": list(k.cues), "start": start, "end": end}
        )
    row: dict[str, Any] = {
        "id": target.id,
        "kind": target.kind,
        "sub": target.sub,
        "fact": target.fact,
        "expect": target.expect,
        "accept": list(target.accept or (target.expect,)),
        "slot": target.slot,
        "origins": origins_of(target),
        "spans": spans,
        "non_support": traps,
        "brief_keep": keeps,
        "derived_ok": target.derived_ok,
    }
    if target.note:
        row["note"] = target.note
    return row


def build() -> dict[str, Any]:
    cases: list[dict[str, Any]] = []
    for case in CASES:
        cases.append(
            {
                "id": case.id,
                "kind": case.kind,
                "title": case.title,
                "articles": [
                    {
                        "id": a.id,
                        "outlet": a.outlet,
                        "published": a.published,
                        "title": a.title,
                        "text": a.text,
                    }
                    for a in case.articles
                ],
                "targets": [build_target(case, t) for t in case.targets],
                "note": case.note,
            }
        )
    counts = Counter(c["kind"] for c in cases)
    return {
        "schema": SCHEMA,
        "about": ABOUT,
        "n_cases": len(cases),
        "n_targets": sum(len(c["targets"]) for c in cases),
        "kinds": {k: counts[k] for k in KIND_ORDER},
        "cases": cases,
    }


def _check(ok: bool, problems: list[str], message: str) -> None:
    if not ok:
        problems.append(message)


def validate(suite: dict[str, Any]) -> list[str]:
    """Every problem found in a suite read back from JSON (empty when it is sound)."""
    problems: list[str] = []
    cases: list[dict[str, Any]] = suite["cases"]
    _check(suite["schema"] == SCHEMA, problems, "schema")
    _check(suite["n_cases"] == len(cases), problems, "n_cases")
    n_targets = sum(len(c["targets"]) for c in cases)
    _check(suite["n_targets"] == n_targets, problems, "n_targets")
    counts = Counter(c["kind"] for c in cases)
    _check(dict(counts) == {k: v for k, v in suite["kinds"].items() if v}, problems, "kinds")
    _check(sum(suite["kinds"].values()) == len(cases), problems, "kinds total")
    ids = [c["id"] for c in cases]
    _check(ids == [f"t{i:02d}" for i in range(1, len(cases) + 1)], problems, "case ids")
    for case in cases:
        cid = case["id"]
        _check(case["kind"] in KIND_ORDER, problems, f"{cid}: kind {case['kind']!r}")
        arts = {a["id"]: a for a in case["articles"]}
        _check(len(arts) == len(case["articles"]), problems, f"{cid}: duplicate article ids")
        _check(2 <= len(arts) <= 4, problems, f"{cid}: {len(arts)} articles")
        for a in case["articles"]:
            words = len(a["text"].split())
            _check(40 <= words <= 150, problems, f"{cid}/{a['id']}: {words} words")
            dt.date.fromisoformat(a["published"])
            _check(bool(a["outlet"] and a["title"]), problems, f"{cid}/{a['id']}: outlet/title")
        tids = [t["id"] for t in case["targets"]]
        _check(len(set(tids)) == len(tids), problems, f"{cid}: duplicate target ids")
        _check(
            any(t["kind"] == case["kind"] for t in case["targets"]),
            problems,
            f"{cid}: no target of the case's kind",
        )
        for t in case["targets"]:
            where = f"{cid}/{t['id']}"
            _check(t["kind"] in KIND_ORDER, problems, f"{where}: kind")
            _check(t["expect"] in STATUSES, problems, f"{where}: expect")
            _check(t["expect"] in t["accept"], problems, f"{where}: expect not in accept")
            _check(set(t["accept"]) <= STATUSES, problems, f"{where}: accept")
            _check(isinstance(t["derived_ok"], bool), problems, f"{where}: derived_ok")
            _check(bool(t["spans"]), problems, f"{where}: no spans")
            two_sided = t["expect"] in ("conflicting", "update")
            if two_sided:
                _check(t["slot"] in SLOTS, problems, f"{where}: slot")
                _check(t["kind"] in CONFLICT_KINDS, problems, f"{where}: conflict kind")
                sides = {s["side"] for s in t["spans"]}
                _check(sides == {"A", "B"}, problems, f"{where}: sides {sides}")
                per_side = {
                    side: len({s["origin"] for s in t["spans"] if s["side"] == side})
                    for side in ("A", "B")
                }
                _check(t["origins"] == per_side, problems, f"{where}: origins")
            else:
                _check(t["slot"] is None, problems, f"{where}: slot on a one-sided target")
                _check(all(s["side"] == "A" for s in t["spans"]), problems, f"{where}: side")
                n = len({s["origin"] for s in t["spans"]})
                _check(t["origins"] == n, problems, f"{where}: origins")
                if t["expect"] == "corroborated":
                    _check(n >= 2, problems, f"{where}: corroborated with {n} origin(s)")
                else:
                    _check(n == 1, problems, f"{where}: single_source with {n} origins")
            rows = [("span", s) for s in t["spans"]]
            rows += [("non_support", s) for s in t["non_support"]]
            rows += [("brief_keep", s) for s in t["brief_keep"]]
            for what, s in rows:
                art = arts.get(s["article"])
                if art is None:
                    problems.append(f"{where}: {what} names unknown article {s['article']!r}")
                    continue
                sliced = art["text"][s["start"] : s["end"]]
                _check(sliced == s["text"], problems, f"{where}: {what} text != slice")
            for trap in t["non_support"]:
                _check(bool(trap.get("why")), problems, f"{where}: non_support without why")
                for s in t["spans"]:
                    overlap = s["article"] == trap["article"] and (
                        s["start"] < trap["end"] and trap["start"] < s["end"]
                    )
                    _check(not overlap, problems, f"{where}: non_support overlaps a gold span")
            for keep in t["brief_keep"]:
                _check(bool(keep["cues"]), problems, f"{where}: brief_keep without cues")
                low = keep["text"].lower()
                _check(
                    any(cue in low for cue in keep["cues"]),
                    problems,
                    f"{where}: no cue in the brief_keep span",
                )
    return problems


def render(suite: dict[str, Any]) -> str:
    return json.dumps(suite, indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    suite = build()
    text = render(suite)
    if "--check" in argv:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT.name} is stale: run {Path(__file__).name}", file=sys.stderr)
            return 1
    else:
        OUT.write_text(text, encoding="utf-8")
    problems = validate(json.loads(OUT.read_text(encoding="utf-8")))
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        return 1
    n_cases, n_targets = suite["n_cases"], suite["n_targets"]
    print(f"{OUT.name}: {n_cases} cases, {n_targets} targets, kinds {suite['kinds']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
