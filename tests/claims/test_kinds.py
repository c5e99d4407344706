"""Every kind of ledger verdict, through the public API, on small hand-made stories.

The wording is our own and unlike the dev suite's (``../shared/data/claims_dev``): each story
is two or three short reports of one invented event, and each test names the phrase in each
article that a claim's evidence must cover. The product's path is used: the default pipeline,
entity linking, and the MiniLM embedder the report passes to :func:`find_claims`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pytest

from storyweave.claims import Claim, find_claims
from storyweave.entities import link_entities
from storyweave.model import AnnotatedArticle

from .conftest import annotate, claim_covering, make

Embed = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True)
class Report:
    outlet: str
    text: str
    published: str = "2025-03-04"


@pytest.fixture(scope="module")
def minilm() -> Embed:
    embed = pytest.importorskip("storyweave.stories.embed")
    try:
        model = embed.default_embedder()
    except Exception as e:  # the model wheel is installed by `make`; a bare venv skips
        pytest.skip(f"MiniLM embedder unavailable: {e}")
    return model.embed  # type: ignore[no-any-return]


def ledger(reports: Sequence[Report], embed: Embed) -> tuple[list[AnnotatedArticle], list[Claim]]:
    items = annotate(
        [
            make(r.text, ref=f"{r.outlet}-{n}", outlet=r.outlet, published=r.published)
            for n, r in enumerate(reports)
        ]
    )
    return items, find_claims(items, entities=link_entities(items), embed=embed)


def covering(claims: list[Claim], items: list[AnnotatedArticle], phrase: str, n: int) -> Claim:
    found = claim_covering(claims, items, phrase, n)
    assert found is not None, f"no claim covers {phrase!r} in article {n}"
    return found


@dataclass(frozen=True)
class Conflict:
    reports: tuple[Report, ...]
    a: str
    b: str
    slot: str


CONFLICTS = [
    pytest.param(
        Conflict(
            (
                Report(
                    "Valley Courier",
                    "A landslide buried a road near Tarn on Friday and killed "
                    "six hikers, the county sheriff said. Rescue dogs searched the slope.",
                ),
                Report(
                    "Mountain Wire",
                    "Nine hikers died when mud swept over a road near Tarn on "
                    "Friday, a volunteer firefighter said. The road stays closed.",
                ),
            ),
            "killed six hikers",
            "Nine hikers died",
            "how many",
        ),
        id="number-spelled-out",
    ),
    pytest.param(
        Conflict(
            (
                Report(
                    "Harbour Times",
                    "At least 12 dockers were hurt when a gantry toppled at "
                    "the container port on Monday, the port authority said.",
                ),
                Report(
                    "Coastal Daily",
                    "At least 20 workers were injured after a gantry fell at "
                    "the container port on Monday, union officials said.",
                ),
            ),
            "At least 12 dockers were hurt",
            "At least 20 workers were injured",
            "how many",
        ),
        id="number-bounds-differ",
    ),
    pytest.param(
        Conflict(
            (
                Report(
                    "Metro Post",
                    "Between 400 and 500 cyclists rode through the old town on "
                    "Sunday to demand safer lanes, police said.",
                ),
                Report(
                    "City Voice",
                    "Some 3,000 cyclists rode through the old town on Sunday to "
                    "call for protected lanes, the organisers said.",
                ),
            ),
            "Between 400 and 500 cyclists rode",
            "Some 3,000 cyclists rode",
            "how many",
        ),
        id="number-range-vs-approximate",
    ),
    pytest.param(
        Conflict(
            (
                Report(
                    "Art Ledger",
                    "A bronze statue by Elena Rossi was sold at auction in Milan "
                    "on Tuesday for 3.4 million euros, the auction house said.",
                ),
                Report(
                    "Gallery News",
                    "Elena Rossi's bronze statue fetched €1.2 million at an "
                    "auction in Milan on Tuesday, a record for the sculptor.",
                ),
            ),
            "for 3.4 million euros",
            "fetched €1.2 million",
            "how many",
        ),
        id="number-money-with-a-sign",
    ),
    pytest.param(
        Conflict(
            (
                Report(
                    "Rail Journal",
                    "The new Tarvos rail bridge opened to trains on 4 March, the operator said.",
                ),
                Report(
                    "Transit Weekly",
                    "The Tarvos rail bridge opened to trains on 14 March, "
                    "two years behind schedule.",
                ),
            ),
            "opened to trains on 4 March",
            "opened to trains on 14 March",
            "when",
        ),
        id="date",
    ),
    pytest.param(
        Conflict(
            (
                Report(
                    "Night Desk",
                    "A gas tanker exploded on the ring road near Vellmar at 4:10 "
                    "a.m. on Thursday, the fire brigade said.",
                ),
                Report(
                    "Morning Star",
                    "The tanker blast on the ring road near Vellmar happened at "
                    "7:45 a.m. on Thursday, police said.",
                ),
            ),
            "at 4:10",
            "at 7:45",
            "when",
        ),
        id="clock-time",
    ),
    pytest.param(
        Conflict(
            (
                Report(
                    "Andean Post",
                    "Foreign ministers of the trade bloc met in Quito on "
                    "Wednesday to discuss tariffs.",
                ),
                Report(
                    "Pacific Herald",
                    "Foreign ministers of the trade bloc met in Lima on "
                    "Wednesday to discuss tariffs.",
                ),
            ),
            "met in Quito",
            "met in Lima",
            "where",
        ),
        id="place",
    ),
    pytest.param(
        Conflict(
            (
                Report(
                    "Civic Record",
                    "Governor Ilse Brandt ordered an inquiry into the flooding "
                    "of the metro on Monday.",
                ),
                Report(
                    "Daily Ledger",
                    "An inquiry into the flooding of the metro was ordered on "
                    "Monday by Mayor Tomas Weber.",
                ),
            ),
            "Governor Ilse Brandt ordered an inquiry",
            "by Mayor Tomas Weber",
            "who",
        ),
        id="agent-active-vs-passive",
    ),
    pytest.param(
        Conflict(
            (
                Report(
                    "Sports Line",
                    "Rovers beat Albion 3-1 in the cup quarter-final at Hill Park on Saturday.",
                ),
                Report(
                    "Match Report",
                    "Rovers beat Dynamo 3-1 in the cup quarter-final at Hill Park on Saturday.",
                ),
            ),
            "Rovers beat Albion",
            "Rovers beat Dynamo",
            "who",
        ),
        id="participant-opponent",
    ),
    pytest.param(
        Conflict(
            (
                Report(
                    "Finance Today",
                    "The national bank raised interest rates on Thursday, traders said.",
                ),
                Report(
                    "Market Watch",
                    "The national bank did not raise interest rates on "
                    "Thursday, its governor said.",
                ),
            ),
            "raised interest rates",
            "did not raise interest rates",
            "polarity",
        ),
        id="polarity-negation",
    ),
    pytest.param(
        Conflict(
            (
                Report(
                    "Island Times",
                    "The ferry operator cancelled all crossings to Vargo on "
                    "Sunday because of the storm, passengers said.",
                ),
                Report(
                    "Coast Radio",
                    "The ferry operator denied that it had cancelled the "
                    "crossings to Vargo on Sunday.",
                ),
            ),
            "cancelled all crossings",
            "denied that it had cancelled",
            "polarity",
        ),
        id="polarity-denial",
    ),
    pytest.param(
        Conflict(
            (
                Report(
                    "Council Brief",
                    "The regional assembly approved the wind farm plan for "
                    "the Hollin moor on Tuesday.",
                ),
                Report(
                    "Green Post",
                    "The regional assembly rejected the wind farm plan for the "
                    "Hollin moor on Tuesday.",
                ),
            ),
            "approved the wind farm plan",
            "rejected the wind farm plan",
            "polarity",
        ),
        id="outcome-antonym",
    ),
]


@pytest.mark.parametrize("case", CONFLICTS)
def test_a_disagreement_is_linked_with_its_slot(case: Conflict, minilm: Embed) -> None:
    items, claims = ledger(case.reports, minilm)
    a, b = covering(claims, items, case.a, 0), covering(claims, items, case.b, 1)
    assert a.id != b.id, "two disagreeing reports were merged into one claim"
    assert b.id in a.conflicts_with and a.status == b.status == "conflicting"
    assert case.slot in {d.slot for d in a.disagreements if d.claim == b.id}
    assert a.why.count("(") >= 2, "why names the origins on each side"


def test_a_figure_revised_the_next_day_is_an_update(minilm: Embed) -> None:
    items, claims = ledger(
        [
            Report("Wire East", "Four people died when a warehouse caught fire in Oldport on "
                   "Monday, firefighters said.", "2025-03-03"),
            Report("Wire West", "The death toll from Monday's warehouse fire in Oldport rose to "
                   "eleven on Tuesday, the mayor said.", "2025-03-04"),
        ],
        minilm,
    )  # fmt: skip
    early, late = covering(claims, items, "Four people died", 0), None
    late = covering(claims, items, "rose to eleven", 1)
    assert late.id in early.superseded_by and early.status == "updated"
    assert "Wire East, 2025-03-03" in early.why and "eleven" in early.why
    assert not early.conflicts_with


@dataclass(frozen=True)
class Agreement:
    reports: tuple[Report, ...]
    a: str
    b: str


AGREEMENTS = [
    pytest.param(
        Agreement(
            (
                Report(
                    "Road News",
                    "The new bypass runs for 16 kilometres around the town of "
                    "Eskby, the roads agency said.",
                ),
                Report(
                    "Motoring Weekly",
                    "The bypass around Eskby runs for 10 miles, the roads agency said.",
                ),
            ),
            "16 kilometres",
            "10 miles",
        ),
        id="units-miles-and-km",
    ),
    pytest.param(
        Agreement(
            (
                Report(
                    "Quake Desk",
                    "Nearly 2,000 homes were damaged by the tremor in the "
                    "province, officials said.",
                ),
                Report(
                    "Relief Wire",
                    "The tremor damaged 1,962 homes in the province, the relief agency said.",
                ),
            ),
            "Nearly 2,000 homes were damaged",
            "damaged 1,962 homes",
        ),
        id="rounding",
    ),
    pytest.param(
        Agreement(
            (
                Report(
                    "Lake Gazette",
                    "Volunteers pulled seven swimmers from the lake on Saturday afternoon.",
                ),
                Report(
                    "Shore Times",
                    "Volunteers rescued 7 swimmers from the lake on Saturday afternoon.",
                ),
            ),
            "pulled seven swimmers",
            "rescued 7 swimmers",
        ),
        id="spelled-number",
    ),
    pytest.param(
        Agreement(
            (
                Report("Book Review", "Novelist Zoë Łukasik won the Baltic Prize on Friday."),
                Report("Literary Post", "Novelist Zoe Lukasik won the Baltic Prize on Friday."),
            ),
            "won the Baltic Prize",
            "won the Baltic Prize",
        ),
        id="name-spelling",
    ),
    pytest.param(
        Agreement(
            (
                Report(
                    "Harbour Post",
                    "Rioters set fire to two buses outside the depot late on Friday.",
                ),
                Report("Metro Radio", "Rioters burned two buses outside the depot late on Friday."),
            ),
            "set fire to two buses",
            "burned two buses",
        ),
        id="idiom-set-fire-to",
    ),
]


@pytest.mark.parametrize("case", AGREEMENTS)
def test_reports_that_agree_stay_silent(case: Agreement, minilm: Embed) -> None:
    items, claims = ledger(case.reports, minilm)
    a, b = covering(claims, items, case.a, 0), covering(claims, items, case.b, 1)
    assert not a.conflicts_with and not b.conflicts_with
    assert not [c for c in claims if c.status == "conflicting"]


def test_one_spokesman_relayed_by_two_outlets_is_one_origin(minilm: Embed) -> None:
    items, claims = ledger(
        [
            Report("North Daily", "The zoo closed its reptile house on Monday after a heating "
                   "failure, zoo spokesman Pavel Horak said."),
            Report("South Daily", "The zoo closed its reptile house on Monday after a heating "
                   "failure, according to spokesman Pavel Horak."),
        ],
        minilm,
    )  # fmt: skip
    claim = covering(claims, items, "closed its reptile house", 0)
    assert len({e.article for e in claim.evidence}) == 2
    assert claim.status == "single_source" and claim.independent_sources == 1
    assert "Pavel Horak, relayed by North Daily and South Daily" in claim.why


def test_a_figure_after_an_attribution_rests_on_that_source(minilm: Embed) -> None:
    items, claims = ledger(
        [
            Report("Fjord Post", "The Vestby tunnel reopened on Friday after eight months of "
                   "work, according to a statement issued by the regional roads authority. "
                   "Repairs cost 14 million crowns. Commuters had faced a ferry detour all "
                   "winter. The tunnel was designed by a Danish firm."),
            Report("Coast Radio", "Cars drove through the Vestby tunnel again on Friday, the "
                   "roads authority said. The repairs cost some 14 million crowns. "
                   "Local shops said trade fell while it was shut. A Danish firm designed "
                   "the tunnel in the 1980s."),
        ],
        minilm,
    )  # fmt: skip
    figure = covering(claims, items, "Repairs cost 14 million crowns", 0)
    assert len({e.article for e in figure.evidence}) == 2
    assert figure.independent_sources == 1 and figure.status == "single_source"
    assert "named in the sentence before" in figure.why
    background = covering(claims, items, "designed by a Danish firm", 0)
    assert background.independent_sources == 2  # no figure: what the outlets know themselves


def test_two_reporters_who_saw_it_are_two_origins(minilm: Embed) -> None:
    items, claims = ledger(
        [
            Report("North Daily", "Our reporter saw fire crews pump water from the flooded "
                   "station on Monday morning."),
            Report("East Radio", "Fire crews pumped water out of the flooded station on "
                   "Monday morning, our correspondent saw."),
        ],
        minilm,
    )  # fmt: skip
    claim = covering(claims, items, "pump water from the flooded station", 0)
    assert claim.status == "corroborated" and claim.independent_sources == 2


@pytest.mark.parametrize(
    ("first", "second", "phrase"),
    [
        pytest.param(
            "An avalanche struck the village of Sankt Leon on Saturday, destroying about 50 "
            "cabins, the regional rescue service said. Roads into the valley stayed closed.",
            "Our team in Sankt Leon counted some 50 cabins flattened on Sunday morning after the "
            "avalanche. A school gym was opened for families.",
            "destroying about 50 cabins",
            id="things-counted-in-a-state",
        ),
        pytest.param(
            "A fire burned the old mill at Harwick to the ground on Tuesday night, the fire "
            "brigade said. No one was hurt.",
            "Flames destroyed the old mill at Harwick on Tuesday night, our correspondent saw. "
            "Neighbours watched from the road.",
            "burned the old mill at Harwick to the ground",
            id="an-idiom-with-its-preposition",
        ),
        pytest.param(
            "Protesters burned an effigy of the minister outside the Interior Ministry on "
            "Friday, our reporter saw. Police watched from a distance.",
            "Demonstrators burned an effigy of the minister near Liberty Square on Friday, a "
            "Metro Daily photographer said. The crowd left by dusk.",
            "burned an effigy of the minister outside the Interior Ministry",
            id="near-two-landmarks",
        ),
    ],
)
def test_two_reporters_in_other_words_are_two_origins(
    first: str, second: str, phrase: str, minilm: Embed
) -> None:
    items, claims = ledger([Report("Alpine Courier", first), Report("Metro Daily", second)], minilm)
    claim = covering(claims, items, phrase, 0)
    assert len({e.article for e in claim.evidence}) == 2, claim.text
    assert claim.status == "corroborated" and claim.independent_sources == 2
    assert not claim.conflicts_with


def test_an_uncredited_rewrite_counts_once_and_says_why(minilm: Embed) -> None:
    original = (
        "The county will close the Ashdown swimming pool at the end of June to repair its roof, "
        "the council said on Tuesday. The pool opened in 1974. Swimmers will be sent to the "
        "leisure centre in Hove while the work goes on."
    )
    rewrite = (
        "The county is to close the Ashdown swimming pool at the end of June to repair its roof, "
        "the council said on Tuesday. The pool, which opened in 1974, will send its swimmers to "
        "the leisure centre in Hove while the work goes on."
    )
    items, claims = ledger([Report("Ashdown Echo", original), Report("News Hub", rewrite)], minilm)
    claim = covering(claims, items, "close the Ashdown swimming pool", 0)
    assert claim.independent_sources == 1 and claim.status == "single_source"
    assert "likely derived" in claim.why


def test_a_mention_of_the_event_is_not_support_for_its_figure(minilm: Embed) -> None:
    items, claims = ledger(
        [
            Report("Storm Desk", "The storm cut power to 40,000 homes across the valley on "
                   "Sunday, the utility said."),
            Report("Valley Radio", "The storm swept across the valley on Sunday, bringing down "
                   "trees."),
        ],
        minilm,
    )  # fmt: skip
    claim = covering(claims, items, "cut power to 40,000 homes", 0)
    assert {e.article for e in claim.evidence} == {items[0].article.id}
    assert claim.status == "single_source"
    assert all("how many" in e.states for e in claim.evidence)


def test_an_expected_act_does_not_corroborate_the_act(minilm: Embed) -> None:
    items, claims = ledger(
        [
            Report("Money Daily", "The central bank is expected to cut its key rate to 4 percent "
                   "on Thursday, economists said.", "2025-03-03"),
            Report("Rate Wire", "The central bank cut its key rate to 4 percent on Thursday.",
                   "2025-03-06"),
        ],
        minilm,
    )  # fmt: skip
    done = covering(claims, items, "cut its key rate to 4 percent", 1)
    assert done.status == "single_source"
    assert {e.article for e in done.evidence} == {items[1].article.id}
    expected = covering(claims, items, "expected to cut", 0)
    assert expected.id != done.id and expected.slots.modality == "hedged"


def test_one_minister_relayed_three_times_and_then_denied(minilm: Embed) -> None:
    items, claims = ledger(
        [
            Report("Wire One", "The viaduct had been inspected in March, Transport Minister "
                   "Ana Sirin said on Monday.", "2025-03-03"),
            Report("Wire Two", "The viaduct had been inspected in March, Minister Sirin told "
                   "reporters on Monday.", "2025-03-03"),
            Report("City Blog", "The viaduct had been inspected in March, Sirin said.",
                   "2025-03-03"),
            Report("Wire One", "The viaduct operator on Tuesday denied that the viaduct had "
                   "been inspected in March.", "2025-03-04"),
        ],
        minilm,
    )  # fmt: skip
    said = covering(claims, items, "had been inspected in March", 0)
    assert said.independent_sources == 1 and said.status != "corroborated"
    assert "Sirin" in said.why
    denied = covering(claims, items, "denied that the viaduct had been inspected", 3)
    assert denied.id != said.id, "a denial is never support"
    assert denied.slots.modality == "denied"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param(
            "Floods killed 12 people in Austria on Sunday.",
            "Floods killed 12 people in Australia on Sunday.",
            id="places-spelled-alike",
        ),
        pytest.param(
            "Fewer than 10 people were injured in the blast at the depot on Sunday.",
            "At least 10 people were injured in the blast at the depot on Sunday.",
            id="bounds-in-opposite-directions",
        ),
    ],
)
def test_alike_wording_of_different_facts_is_never_corroborated(
    first: str, second: str, minilm: Embed
) -> None:
    items, claims = ledger([Report("North Desk", first), Report("South Desk", second)], minilm)
    a = covering(claims, items, first[:20], 0)
    b = covering(claims, items, second[:20], 1)
    assert a.id != b.id and a.status != "corroborated" and b.status != "corroborated"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param(
            "Argentina beat France in the final in Doha on Sunday.",
            "France lost to Argentina in the final in Doha on Sunday.",
            id="two-sides-of-one-outcome",
        ),
        pytest.param(
            "The European Union condemned the attack on the embassy on Monday.",
            "NATO condemned the attack on the embassy on Monday.",
            id="an-act-many-can-do",
        ),
    ],
)
def test_two_true_reports_are_not_a_conflict(first: str, second: str, minilm: Embed) -> None:
    _, claims = ledger([Report("North Desk", first), Report("South Desk", second)], minilm)
    assert not [c for c in claims if c.status == "conflicting"]


def test_wire_credits_in_every_place_are_one_origin(minilm: Embed) -> None:
    items, claims = ledger(
        [
            Report("Velostan Herald", "VELOSTAN, May 14 (Reuters) – Striking dockers blocked the "
                   "container terminal for a third day on Tuesday, the port operator said."),
            Report("Coast Online", "Striking dockers kept the container terminal shut for a "
                   "third day on Tuesday, the port operator said.\n(Reporting by Reuters; "
                   "Editing by Ines Vale)"),
            Report("Harbour Weekly", "Dockers on strike blocked the container terminal for the "
                   "third day running on Tuesday, according to the port operator.\n— Reuters"),
        ],
        minilm,
    )  # fmt: skip
    claim = covering(claims, items, "blocked the container terminal", 0)
    assert len({e.article for e in claim.evidence}) == 3
    assert claim.independent_sources == 1 and claim.status == "single_source"
    texts = " ".join(c.text for c in claims)
    assert "Reporting by" not in texts and "Editing by" not in texts and "VELOSTAN" not in texts
    mentions = {m.span.text_in(i.article.text) for i in items for m in i.mentions}
    assert "Reuters" not in mentions  # a credit is no entity
