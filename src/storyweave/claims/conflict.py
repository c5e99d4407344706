"""Slot comparison: do two aligned units disagree, and on which slot?

No NLI model ships offline, so a conflict is a slot that both units fill with
values that cannot both hold: figures beyond rounding, dates that differ at the
granularity both state, places neither of which contains the other, different
people doing the same thing, or one unit denying what the other asserts. Saying
less is not disagreeing: a slot only one unit fills is never a conflict, nor is a
spelling variant ("Vostochny" / "Vostochnyy"), a hedged or round figure within
:data:`~.calibration.ROUND_TOLERANCE`, or a coarser date that contains the finer one.
A count that differs between articles published on different days (people, homes,
objects; a tally; a count one unit says rose) is an update: ``superseded``, not a
conflict; a measure or a sum reported otherwise the next day is a conflict.

DOCS: docs/stages/claims.md
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from typing import Literal

from storyweave.entities.gazetteer import gazetteer
from storyweave.entities.names import fold
from storyweave.quotes.cues import SPEECH_VERBS, STANCE_VERBS

from .calibration import CLOCK_TOLERANCE, ROUND_TOLERANCE, SPELLING_SIMILARITY
from .lexicon import MEASURES, PEOPLE_CONTRASTS, antonyms, predicate_key, stem
from .numbers import Quantity
from .slots import Place, Slots

SlotName = Literal["how many", "when", "where", "who", "polarity"]


Relation = Literal["same", "similar", "opposite", "update"]
"""How the predicates of two units relate: the same event (synonyms included), a like event the
scores vouch for, antonyms ("won" / "lost"), or a running figure revised ("rose to 12")."""


@dataclass(frozen=True, slots=True)
class SlotClash:
    """How two units disagree: the slot, and the value each one gives."""

    slot: SlotName
    mine: str
    theirs: str
    superseded: bool = False


def event_relation(a: Slots, b: Slots, *, similar: bool = False) -> Relation | None:
    """How ``a`` and ``b`` relate as events; ``similar`` says the pair's scores make two other
    predicates one event ("restarted production" / "reopened")."""
    if predicate_key(a.predicate) == predicate_key(b.predicate):
        return "same"
    if antonyms(a.predicate, b.predicate):
        return "opposite"
    if (a.update or b.update) and counts_alike(a, b):
        return "update"
    if similar and _opposed_verbs(a, b):
        return "opposite"  # "Lisbon won the right to host" / "Lisbon lost its bid, ... decided"
    if a.predicate in b.stems or b.predicate in a.stems or similar:
        return "similar"
    return None


def _opposed_verbs(a: Slots, b: Slots) -> bool:
    return any(antonyms(x, y) for x in a.verbs for y in b.verbs)


def shared_participants(a: Slots, b: Slots) -> bool:
    """False when both units name who acts and nobody is common to the two."""
    if a.agent and b.agent:
        return bool(a.agent & b.agent or a.agent & b.whom or b.agent & a.whom)
    if not a.who or not b.who:
        return True
    return bool(a.who & b.who or a.who & b.whom or b.who & a.whom)


def asserts(s: Slots) -> bool:
    """Whether the unit says it happened (or did not): a hedge or a condition says neither."""
    return s.modality in {"asserted", "denied"}


def polarity(s: Slots) -> bool:
    """True for "it happened"; a negation or the speaker's denial turns it."""
    return not s.negated if s.modality != "denied" else s.negated


def compare(
    a: Slots,
    b: Slots,
    *,
    relation: Relation | None = None,
    a_published: dt.date | None = None,
    b_published: dt.date | None = None,
) -> SlotClash | None:
    """The first slot on which ``a`` and ``b`` disagree, or None when they are compatible (or
    not about one event). A hedged claim disagrees with nothing: it does not say it happened."""
    relation = relation or event_relation(a, b)
    if relation is None or not asserts(a) or not asserts(b):
        return None
    if relation == "opposite":
        clash = _outcome(a, b)
    elif relation == "update" or a.update or b.update:
        clash = _figures(a, b)  # "the toll rose to 8 on Tuesday": the date is the count's
    elif relation == "similar":
        clash = _similar_clash(a, b)
    else:
        clash = _people(a, b)
        if clash is None and shared_participants(a, b):
            clash = _polarity(a, b) or _figures(a, b) or _dates(a, b) or _places(a, b)
    if clash is None or clash.slot != "how many":
        return clash
    dated = a_published is not None and b_published is not None
    later = dated and a_published != b_published
    rose = (a.update or b.update) and not dated  # "the toll rose to 25", days unknown
    if (later and _running_count(a, b)) or rose:
        return SlotClash(clash.slot, clash.mine, clash.theirs, superseded=True)
    return clash


def _running_count(a: Slots, b: Slots) -> bool:
    """Whether the figures are counts news revises as they are known (the dead, the missing,
    homes without power, objects launched), a tally ("the death toll"), or a count one unit
    says rose. A length, a weight, a share or a sum reported otherwise the next day is a
    disagreement, not a revision."""
    if a.update or b.update or a.tally or b.tally:
        return True
    return any(q.unit not in MEASURES for q in a.quantities if q.unit) and any(
        q.unit not in MEASURES for q in b.quantities if q.unit
    )


def _similar_clash(a: Slots, b: Slots) -> SlotClash | None:
    """Two units the scores make one event though their predicates differ: their figures, dates
    and places must agree; a participant or polarity change is only read where they share what
    the act is about, and polarity only against a denial ("violated the airspace" / "denied
    that its aircraft had entered the airspace")."""
    if not shared_participants(a, b):
        return None
    about = a.theme & b.theme or a.patient & b.patient or a.agent & b.agent
    if not about:
        return _figures(a, b) or _dates(a, b)
    clash = _people(a, b)
    if clash is None and "denied" in {a.modality, b.modality}:
        clash = _polarity(a, b)
    return clash or _figures(a, b) or _dates(a, b) or _places(a, b)


def agrees(a: Slots, b: Slots) -> bool:
    """Whether ``b`` states what ``a`` states: the same modality and polarity; every figure
    either states (the thing it counts) stated by the other too; a place either names named by
    the other too (compatibly); and not two different sets of people or organisations. A span
    that only mentions the event ("a trawler was boarded") supports nothing more specific."""
    if a.modality != b.modality or polarity(a) != polarity(b):
        return False
    if not _places_stated(a, b) or not _places_stated(b, a):
        return False
    if a.parties and b.parties and not a.parties & b.parties:
        return False
    if not _agent_stated(a, b) or not _agent_stated(b, a):
        return False  # "Governor Petrov ordered an investigation" / "an investigation was ordered"
    if a.span_figures and b.span_figures and not _same_span_figures(a, b):
        return False  # the spans shown as one claim would carry different figures
    return _figures_stated(a, b) and _figures_stated(b, a)


def _figures_stated(a: Slots, b: Slots) -> bool:
    """Every figure of ``a`` has one in ``b``: of the same thing, or, for a bare figure ("Twelve
    were killed"), the same figure."""
    for x in a.quantities:
        if x.unit and not any(_units_match(x, y, a, b) for y in b.quantities):
            return False
        if not x.unit and not any(figures_agree(x, y) for y in b.quantities):
            return False
    return True


def _agent_stated(a: Slots, b: Slots) -> bool:
    """Who did it, if ``a`` names a person or organisation, is named by ``b`` too (as agent or
    in another role: "Güleryüz won the prize" / "Guleryuz has been awarded the prize")."""
    doers = _doers(a)
    return not doers or bool(b.agent) or _alike(doers, a, b.entities, b)


def _same_span_figures(a: Slots, b: Slots) -> bool:
    """Every figure under one span agrees with one under the other, whatever it counts."""
    return all(any(figures_agree(x, y) for y in b.span_figures) for x in a.span_figures) and all(
        any(figures_agree(y, x) for x in a.span_figures) for y in b.span_figures
    )


def _places_stated(a: Slots, b: Slots) -> bool:
    """Every place ``a`` puts the act in is named by ``b`` too: as a compatible place, or as a
    participant ("Russian President Putin ... at the cosmodrome" names Russia); a landmark the act
    happened near is stated by any place ``b`` gives."""
    for p in a.where:
        if _compatible(p, b.where) or p.key in b.entities:
            continue
        if p.vicinity and b.where:  # "near X" / "in front of Y": both place it, approximately
            continue
        if _compatible(p, b.scene):  # b's sentence sets the scene ("struck X, destroying ...")
            continue
        if p.country is not None and f"place:{p.country}" in b.entities:
            continue
        return False
    return True


def counts_alike(a: Slots, b: Slots) -> bool:
    """Whether both units give a figure of the same thing ("35 fans" / "60 people")."""
    return bool({q.unit for q in a.quantities if q.unit} & {q.unit for q in b.quantities})


def _outcome(a: Slots, b: Slots) -> SlotClash | None:
    """Antonym predicates: "won" / "lost" disagree, "won" / "did not lose" do not; nor do the two
    sides of one outcome ("Argentina beat France" / "France lost to Argentina") or two moments
    ("began on Monday" / "ended on Friday")."""
    if polarity(a) != polarity(b) or _dates(a, b) is not None:
        return None
    pa, pb = a.patient | a.whom, b.patient | b.whom
    if (a.agent and a.agent <= pb) or (b.agent and b.agent <= pa):
        return None
    return SlotClash("polarity", _says(a), _says(b))


def _polarity(a: Slots, b: Slots) -> SlotClash | None:
    if polarity(a) != polarity(b):
        return SlotClash("polarity", _says(a), _says(b))
    return None


def _says(s: Slots) -> str:
    if s.modality == "denied":
        return f"denied: {'not ' if s.negated else ''}{s.predicate}"
    return f"not {s.predicate}" if s.negated else s.predicate


def _units_match(x: Quantity, y: Quantity, a: Slots, b: Slots) -> bool:
    if x.unit == y.unit == "person":
        # "12 soldiers" / "30 civilians" count different people; "35 fans" / "60 people" do not
        return frozenset((x.noun, y.noun)) not in PEOPLE_CONTRASTS
    if x.unit == y.unit:
        return True
    if not x.unit or not y.unit:
        return False
    if predicate_key(x.unit) == predicate_key(y.unit):
        return True
    # "three attempts to launch" / "two satellite launches": each names what the other counts
    return predicate_key(x.unit) in b.stems and predicate_key(y.unit) in a.stems


def figures_agree(x: Quantity, y: Quantity) -> bool:
    """True when the two figures say the same (rounding and approximation allowed): a bound is
    read as its figure, so "at least 12" and "at least 20" differ, and so do "fewer than 10" and
    "at least 10"; a range holds what lies in it."""
    for r, other in ((x, y), (y, x)):
        if r.hedge == "range" and r.high is not None:
            lo, hi = r.value, r.high
            if other.hedge == "range" and other.high is not None:
                return lo <= other.high and other.value <= hi
            slack = ROUND_TOLERANCE * hi if other.hedge == "about" else 0.0
            return lo - slack <= other.value <= hi + slack
    if {x.hedge, y.hedge} == {"at_least", "at_most"}:
        return False
    if x.value == y.value:
        return True
    if x.hedge == "about" or y.hedge == "about" or x.converted or y.converted:
        return abs(x.value - y.value) <= ROUND_TOLERANCE * max(abs(x.value), abs(y.value))
    return abs(x.value - y.value) <= _round_slack(x.value, y.value)


def _round_slack(a: float, b: float) -> float:
    """How far an unhedged round figure may stand from a precise one: half the rounder one's last
    significant digit, at most :data:`ROUND_TOLERANCE` of the larger ("1,000" / "1,024" agree);
    none when both are as round ("12 million" / "13 million", "300" / "400" differ)."""
    ra, rb = _roundness(a), _roundness(b)
    if ra == rb or max(ra, rb) < 100:
        return 0.0
    return min(max(ra, rb) / 2, ROUND_TOLERANCE * max(abs(a), abs(b)))


def _roundness(value: float) -> float:
    """The place of a whole figure's last significant digit (1,000 for 12,000; 1 for 1,024)."""
    if value != int(value) or value == 0:
        return 0.0
    n, place = int(abs(value)), 1
    while n % 10 == 0:
        n //= 10
        place *= 10
    return float(place)


def _figures(a: Slots, b: Slots) -> SlotClash | None:
    for y in b.quantities:
        comparable = [x for x in a.quantities if _units_match(x, y, a, b)]
        if comparable and not any(figures_agree(x, y) for x in comparable):
            return SlotClash("how many", comparable[0].text, y.text)
    return None


def _dates(a: Slots, b: Slots) -> SlotClash | None:
    if not a.when or not b.when:
        return None
    for x in a.when:
        for y in b.when:
            n = min(len(x), len(y))
            if x[:n] == y[:n] or _close_clocks(x, y):
                return None
    return SlotClash("when", a.when[0], b.when[0])


def _close_clocks(x: str, y: str) -> bool:
    if len(x) < 16 or len(y) < 16:
        return False
    try:
        tx, ty = dt.datetime.fromisoformat(x[:16]), dt.datetime.fromisoformat(y[:16])
    except ValueError:
        return False
    return abs(tx - ty) <= CLOCK_TOLERANCE


def _same_place(p: Place, q: Place) -> bool:
    """One place, or one spelled two ways; two places the gazetteer knows are never one by
    spelling ("Austria" / "Australia", "Mali" / "Malawi")."""
    if p.key == q.key:
        return True
    if _known(p.name) and _known(q.name):
        return fold(p.name) == fold(q.name)
    ratio = difflib.SequenceMatcher(None, p.name.casefold(), q.name.casefold()).ratio()
    return ratio >= SPELLING_SIMILARITY


def _known(name: str) -> bool:
    return gazetteer().lookup(name) is not None


def _contains(outer: Place, inner: Place) -> bool:
    return inner.country is not None and inner.country.casefold() == outer.name.casefold()


def _compatible(p: Place, places: tuple[Place, ...]) -> bool:
    return any(_same_place(p, q) or _contains(p, q) or _contains(q, p) for q in places)


def _places(a: Slots, b: Slots) -> SlotClash | None:
    """The first places of two acts, when neither holds the other; an approximate place ("near
    the station") disagrees with nothing."""
    where_a = tuple(p for p in a.where if not p.vicinity)
    where_b = tuple(p for p in b.where if not p.vicinity)
    if not where_a or not where_b:
        return None
    head_a, head_b = where_a[0], where_b[0]
    if _compatible(head_a, where_b) or _compatible(head_b, where_a):
        return None
    return SlotClash("where", head_a.name, head_b.name)


def _people(a: Slots, b: Slots) -> SlotClash | None:
    """Different participants in the same role of one act: "Banda ordered the closure" /
    "Mwale ordered it" (agents), "met Kamau" / "met Otieno" (patients, the agent shared),
    "Peru and Ecuador met" / "Peru and Chile met" (a party changed)."""
    if _dates(a, b) is not None:
        return None  # two dated occurrences ("staged it in 2001" / "staged it in 2022")
    shared_patient = bool(
        a.patient & b.patient
        or a.theme & b.theme
        or a.patient & b.entities
        or b.patient & a.entities
    )
    xa, xb = _doers(a), _doers(b)
    crossed = xa & (b.whom | b.patient) or xb & (a.whom | a.patient)
    agents = xa and xb and not _alike(xa, a, xb, b) and a.predicate not in _SHARED_ACTS
    if agents and shared_patient and not crossed:
        return SlotClash("who", _names(xa, a), _names(xb, b))
    pa, pb = a.patient & a.parties, b.patient & b.parties  # whom, not where ("... in Bor")
    if not (pa and pb):
        pa, pb = a.patient, b.patient
    elsewhere = pa & (b.entities - pb) or pb & (a.entities - pa)
    if pa and pb and not _alike(pa, a, pb, b) and a.agent & b.agent and not elsewhere:
        return SlotClash("who", _names(pa, a), _names(pb, b))
    na, nb = a.patient_names, b.patient_names
    named = na and nb and not na & nb and not (na & b.theme or nb & a.theme)
    if named and (a.agent & b.agent or a.theme & b.theme - na - nb):  # "beat Albion" / "Dynamo"
        return SlotClash("who", ", ".join(sorted(na)), ", ".join(sorted(nb)))
    parties = len(a.agent) >= 2 and len(b.agent) >= 2 and a.agent & b.agent
    if parties and a.agent - b.agent - b.whom and b.agent - a.agent - a.whom:
        return SlotClash("who", _names(a.agent, a), _names(b.agent, b))
    return None


_SHARED_ACTS = frozenset(
    predicate_key(stem(v)) for v in (*STANCE_VERBS, *SPEECH_VERBS, "visit", "attend", "send")
)
"""Acts many can do at once ("the EU condemned the attack" / "NATO condemned it"): a different
agent is another report, not a disagreement. From the quotes stage's stance and speech verbs."""


def _doers(s: Slots) -> frozenset[str]:
    """The agents that are people or organisations: "Lusaka mayor Chilando Banda" is Banda, not
    the country the title's city stands for, and "a boat carrying migrants from Tunisia" names
    no agent to compare."""
    return s.agent & s.parties


def _alike(x: frozenset[str], a: Slots, y: frozenset[str], b: Slots) -> bool:
    """Whether two sets of participants share one, by entity or by name spelled another way
    ("Zoë Łukasik" / "Zoe Lukasik")."""
    if x & y:
        return True
    return bool({fold(a.name_of(k)) for k in x} & {fold(b.name_of(k)) for k in y})


def _names(keys: frozenset[str], s: Slots) -> str:
    return ", ".join(sorted(s.name_of(k) for k in keys))
