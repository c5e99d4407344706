"""``find_claims``: a story's articles in, its claims out.

Steps: cut units from each article (:mod:`.units`), read their slots
(:mod:`.slots`), collapse units with the same wording, score candidate pairs
(:mod:`.align`), flag disagreeing pairs (:mod:`.conflict`), merge agreeing pairs
into claims (never across a disagreement), count each claim's independent origins
(:mod:`.origins`) and decide its status (:mod:`.status`).

DOCS: docs/stages/claims.md
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from storyweave._types import ArticleId
from storyweave.entities.linking import EntityLinking, MentionKey
from storyweave.model import AnnotatedArticle, Article, Duplicate, Mention
from storyweave.nlp.attach import docs_for

from .align import Embed, Pair, candidate_pairs, score_pairs
from .calibration import (
    ALIGN_SCORE,
    ALIGN_SCORE_EMBED,
    CONFLICT_SCORE,
    CONFLICT_SCORE_EMBED,
    FIGURE_SCORE,
    FIGURE_SCORE_EMBED,
    OPPOSITE_SCORE,
    OPPOSITE_SCORE_EMBED,
    SAME_WORDING,
    SIMILAR_EVENT,
    SIMILAR_EVENT_EMBED,
    UNIT_SIMILARITY,
)
from .claim import Claim, Disagreement, Evidence, stated_slots
from .conflict import (
    SlotClash,
    agrees,
    compare,
    counts_alike,
    event_relation,
    polarity,
    shared_participants,
)
from .cross_join import join_foreign
from .cross_statements import statement_units
from .crosslingual import Embed as MultilingualEmbed
from .crosslingual import foreign_units, translated_pairs
from .numbers import written_noun
from .origins import OriginIndex, Report
from .slots import Slots, linked_mentions, read_slots
from .status import decide
from .stored import FIXED_UNITS, units_of, with_stored_vectors
from .units import Unit

Nli = Callable[[str, str], str]
"""Optional user-supplied NLI: (premise, hypothesis) -> "entailment", "neutral" or
"contradiction"."""


@dataclass
class _Story:
    items: Sequence[AnnotatedArticle]
    units: list[Unit] = field(default_factory=list)
    slots: list[Slots] = field(default_factory=list)
    articles: dict[str, Article] = field(init=False)

    def __post_init__(self) -> None:
        self.articles = {i.article.id: i.article for i in self.items}


def find_claims(
    items: Sequence[AnnotatedArticle],
    *,
    entities: EntityLinking | Mapping[MentionKey, str],
    duplicates: Sequence[Duplicate] = (),
    embed: Embed | None = None,
    nli: Nli | None = None,
    multilingual: MultilingualEmbed | None = None,
    translated: Sequence[tuple[ArticleId, ArticleId, float]] | None = None,
) -> list[Claim]:
    """The claims of one story, in the order their first evidence appears.

    Args:
        items: the story's articles, with sentences, mentions, timexes and attributions.
        entities: the entity linking (or its mention -> entity map); mentions that carry an
            ``entity_id`` already use that.
        duplicates: the store's duplicate records: copies count as one origin.
        embed: optional sentence embedder (texts -> unit rows); lexical similarity otherwise.
            The items' stored vectors stand in for it where they are its model's.
        nli: optional local NLI model; a "contradiction" between aligned units is a conflict.
        multilingual: the embedder that aligns the figure sentences of articles in a language
            read in part with the English units (:mod:`.crosslingual`); without it (the model
            not installed) those articles state no claims.
        translated: the story's translated pairs (foreign article, English original, share),
            when already found (:func:`.report.story_translations`); found here otherwise.

    DOCS: docs/stages/claims.md
    """
    links = entities.mention_entity if isinstance(entities, EntityLinking) else entities

    def entity_of(article: str, m: Mention) -> str | None:
        return m.entity_id or links.get((article, m.span.start, m.span.end))

    story = _Story(items)
    embed = with_stored_vectors(embed, items)
    for item, doc in zip(items, docs_for(items), strict=True):
        mentions = linked_mentions(item, doc, entity_of)
        for unit in units_of(item, doc):  # the stored units when current, else cut now
            story.units.append(unit)
            story.slots.append(read_slots(item, doc, unit, mentions))
    foreign = [fu for item in items for fu in foreign_units(item)] if multilingual else []
    stated = [fu for item in items for fu in statement_units(item)] if multilingual else []
    if not story.units and not foreign and not stated:
        return []
    if embed is not None and story.units:
        story.slots = same_things(story.slots, embed)
    reps, rep_of = _collapse_same_wording(
        story.units, story.slots, {i.article.id: i.article.text for i in items}
    )
    if story.units:
        groups, clashes, related = _align(story, reps, embed=embed, nli=nli)
    else:
        groups, clashes, related = {}, [], []
    pairs: Sequence[tuple[ArticleId, ArticleId, float]] = ()
    if (foreign or stated) and multilingual is not None:
        join_foreign(
            story.items, (story.units, story.slots), (foreign, stated), multilingual,
            groups=groups, clashes=clashes, rep_of=rep_of,
        )  # fmt: skip
        pairs = translated if translated is not None else translated_pairs(items, multilingual)
    members: dict[int, list[int]] = defaultdict(list)
    for n, rep in enumerate(rep_of):
        members[groups[rep]].append(n)
    index = OriginIndex([i.article for i in items], duplicates, translated=pairs)
    return _claims(story, members, clashes, groups, index, related)


def same_things(slots: list[Slots], embed: Embed) -> list[Slots]:
    """``slots`` with the counted nouns that name one thing written one way ("30 homes" and
    "roughly 30 houses" both count homes), so figures of them are compared and can agree."""
    nouns = sorted({q.unit for s in slots for q in s.quantities} - FIXED_UNITS)
    if len(nouns) < 2:
        return slots
    written = _written_nouns(slots)
    vectors = np.asarray(embed([written.get(n, n) for n in nouns]), dtype=np.float32)
    canon = {n: n for n in nouns}
    for i, j in itertools.combinations(range(len(nouns)), 2):
        if float(vectors[i] @ vectors[j]) >= UNIT_SIMILARITY:
            canon[nouns[j]] = canon[nouns[i]]
    if all(k == v for k, v in canon.items()):
        return slots
    return [
        dataclasses.replace(
            s,
            quantities=tuple(
                dataclasses.replace(q, unit=canon.get(q.unit, q.unit)) for q in s.quantities
            ),
        )
        for s in slots
    ]


def _written_nouns(slots: Sequence[Slots]) -> dict[str, str]:
    """Each counted noun as the articles write it ("homes" for the lemma "home"): the cosines
    of :data:`UNIT_SIMILARITY` were measured on the written, mostly plural, forms (the lemmas
    sit lower: home/house 0.80, homes/houses 0.89)."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for s in slots:
        for q in s.quantities:
            form = written_noun(q)
            if form is not None:
                seen[q.unit][form] += 1
    return {unit: max(forms, key=lambda f: (forms[f], f)) for unit, forms in seen.items()}


def _collapse_same_wording(
    units: Sequence[Unit], slots: Sequence[Slots], texts: Mapping[str, str]
) -> tuple[list[int], list[int]]:
    """Units worded alike (copies of one wire story) are scored once, through one representative.
    "Alike" is the whole span as the article writes it, holes included: two copies that differ
    in a clause cut out of the middle ("..., killing 12 people, ..." / "killing 20") are not."""
    first: dict[tuple[str, str, bool, str], int] = {}
    rep_of: list[int] = []
    for n, (u, s) in enumerate(zip(units, slots, strict=True)):
        wording = " ".join(u.span.text_in(texts[u.article]).casefold().split())
        # the same words asserted, hedged or denied, or by another speaker, are not one report
        key = (wording, s.modality, polarity(s), u.speaker or "")
        rep_of.append(first.setdefault(key, n))
    return sorted(set(rep_of)), rep_of


def _align(
    story: _Story, reps: list[int], *, embed: Embed | None, nli: Nli | None
) -> tuple[dict[int, int], list[tuple[int, int, SlotClash]], list[tuple[int, int]]]:
    """Groups of units that state one claim (unit -> group), the disagreeing pairs, and the pairs
    that report one event without stating the same slots (``Claim.same_event``)."""
    units, slots = story.units, story.slots
    rslots = [slots[r] for r in reps]

    def blocked(i: int, j: int) -> bool:
        a, b = units[reps[i]], units[reps[j]]
        return a.article == b.article and a.sentence == b.sentence

    texts = [units[r].text for r in reps]
    vectors = np.asarray(embed(texts), dtype=np.float32) if embed is not None else None
    pairs = score_pairs(
        rslots, texts, candidate_pairs(rslots, blocked, vectors=vectors), vectors=vectors
    )
    align_at, conflict_at = (
        (ALIGN_SCORE, CONFLICT_SCORE)
        if embed is None
        else (ALIGN_SCORE_EMBED, CONFLICT_SCORE_EMBED)
    )
    clashes: list[tuple[int, int, SlotClash]] = []
    apart: set[tuple[int, int]] = set()
    agree: list[Pair] = []
    related: list[tuple[int, int]] = []
    figure_at = FIGURE_SCORE if embed is None else FIGURE_SCORE_EMBED
    floor = OPPOSITE_SCORE if embed is None else OPPOSITE_SCORE_EMBED
    for p in pairs:
        if p.score < floor:
            break
        a, b = reps[p.a], reps[p.b]
        sa, sb = slots[a], slots[b]
        similar = _similar(p, sa, sb)
        relation = event_relation(sa, sb, similar=similar)
        if relation is None:
            continue
        if p.score < conflict_at and not similar and not _bridged(relation, sa, sb):
            continue
        if p.score < figure_at and relation not in ("opposite", "update"):
            continue
        clash = None
        if units[a].article != units[b].article:
            clash = compare(
                sa,
                sb,
                relation=relation,
                a_published=story.articles[units[a].article].published,
                b_published=story.articles[units[b].article].published,
            )
            if clash is None and nli is not None and p.score >= align_at:
                clash = _nli_clash(nli, units[a], units[b])
        # one act counting one thing with one figure ("killed five people" / "Five people died")
        counted = relation == "same" and counts_alike(sa, sb) and p.score >= figure_at
        if clash is not None:
            clashes.append((a, b, clash))
            apart.add((a, b))
        elif (
            ((p.score >= align_at and relation in ("same", "similar")) or similar or counted)
            and relation != "opposite"
            and shared_participants(sa, sb)
        ):
            if agrees(sa, sb) and _same_figures(sa, sb):
                agree.append(p)
            elif sa.modality == sb.modality and polarity(sa) == polarity(sb):
                related.append((a, b))  # one event, but one states a figure, place or party more
    return _merge(reps, agree, apart), clashes, related


def _similar(p: Pair, a: Slots, b: Slots) -> bool:
    """Whether two units with other predicates state one event: their sentence embeddings are
    this close (or, without embeddings, their words overlap this much) and they share a
    participant or a subject/object noun."""
    if p.cosine is not None:
        return p.cosine >= SIMILAR_EVENT_EMBED and (_shares(a, b) or p.cosine >= SAME_WORDING)
    return p.score >= SIMILAR_EVENT and _shares(a, b)


def _bridged(relation: str, a: Slots, b: Slots) -> bool:
    """A pair scoring under the bar that is still one event: the same act counting the same
    thing, or opposite outcomes of the same named thing ("passed a bill" / "the bill failed")."""
    if relation == "opposite":
        return _shares(a, b)
    if relation == "update":  # "Four people died" / "the death toll rose to eleven"
        tallied = (a.tally or b.tally) in {a.predicate, b.predicate}
        return counts_alike(a, b) and (tallied or a.tally is None is b.tally)
    return relation != "similar" and counts_alike(a, b)


def _shares(a: Slots, b: Slots) -> bool:
    """Whether two units share what the act is about: a participant or a subject/object noun."""
    return bool(a.entities & b.entities or a.theme & b.theme)


def _same_figures(a: Slots, b: Slots) -> bool:
    """Each figure one unit states is stated, agreeing, by the other (support must state it)."""
    return compare(a, b, relation="update") is None


def _nli_clash(nli: Nli, a: Unit, b: Unit) -> SlotClash | None:
    if nli(a.text, b.text) == "contradiction":
        return SlotClash("polarity", a.text, b.text)
    return None


def _merge(reps: list[int], pairs: Sequence[Pair], apart: set[tuple[int, int]]) -> dict[int, int]:
    """Union agreeing pairs, best first, never joining two groups that disagree."""
    parent = {r: r for r in reps}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    enemies: dict[int, set[int]] = defaultdict(set)
    for a, b in apart:
        enemies[a].add(b)
        enemies[b].add(a)
    for p in pairs:
        ra, rb = find(reps[p.a]), find(reps[p.b])
        if ra == rb or {find(e) for e in enemies[ra]} & {rb}:
            continue
        keep, drop = min(ra, rb), max(ra, rb)
        parent[drop] = keep
        enemies[keep] |= enemies.pop(drop, set())
    return {r: find(r) for r in reps}


def _claims(
    story: _Story,
    members: Mapping[int, list[int]],
    clashes: Sequence[tuple[int, int, SlotClash]],
    groups: Mapping[int, int],
    index: OriginIndex,
    related: Sequence[tuple[int, int]] = (),
) -> list[Claim]:
    units = story.units
    texts = {i.article.id: i.article.text for i in story.items}
    order = {i.article.id: n for n, i in enumerate(story.items)}
    ids: dict[int, str] = {}
    for g, ns in members.items():
        ns.sort(key=_unit_order(units, order))
        ids[g] = _claim_id([units[n] for n in ns])
    reports = _reports(units, story.slots)
    origins = {g: index.origins([reports[n] for n in ns]) for g, ns in members.items()}
    labels = {g: tuple(o.label for o in os) for g, os in origins.items()}
    disagreements: dict[int, list[Disagreement]] = defaultdict(list)
    superseded: dict[int, list[str]] = defaultdict(list)
    revised: dict[int, list[str]] = defaultdict(list)
    for a, b, clash in clashes:
        ga, gb = groups[a], groups[b]
        if ga == gb:
            continue
        if clash.superseded:
            first = _earlier(story, a, b)
            early, late = (ga, gb) if first else (gb, ga)
            old, new = (clash.mine, clash.theirs) if first else (clash.theirs, clash.mine)
            superseded[early].append(ids[late])
            revised[early].append(f"{old} ({_dated(story, early, members)}) -> {new}"
                                  f" ({_dated(story, late, members)})")  # fmt: skip
            continue
        disagreements[ga].append(
            Disagreement(ids[gb], clash.slot, clash.mine, clash.theirs, labels[ga], labels[gb])
        )
        disagreements[gb].append(
            Disagreement(ids[ga], clash.slot, clash.theirs, clash.mine, labels[gb], labels[ga])
        )
    same_event: dict[int, list[str]] = defaultdict(list)
    for a, b in related:
        ga, gb = groups[a], groups[b]
        if ga != gb:
            same_event[ga].append(ids[gb])
            same_event[gb].append(ids[ga])
    out: list[Claim] = []
    for g, ns in members.items():
        evidence = tuple(
            Evidence(
                article=units[n].article,
                span=units[n].span,
                text=units[n].span.text_in(texts[units[n].article]),
                chain=units[n].chain,
                speaker=units[n].speaker,
                states=stated_slots(story.slots[n]),
                modality=story.slots[n].modality,
            )
            for n in ns
        )
        dis = _unique(disagreements[g])
        later = tuple(dict.fromkeys(superseded[g]))
        status, why = decide(
            origins[g],
            len({e.article for e in evidence}),
            dis,
            superseded=later,
            revisions=tuple(dict.fromkeys(revised[g])),
        )
        lead = _lead(units, ns)
        out.append(
            Claim(
                id=ids[g],
                text=units[lead].text,
                status=status,
                evidence=evidence,
                independent_sources=len(origins[g]),
                origins=tuple(origins[g]),
                why=why,
                slots=story.slots[lead],
                conflicts_with=tuple(dict.fromkeys(d.claim for d in dis)),
                disagreements=dis,
                superseded_by=later,
                same_event=tuple(
                    c for c in dict.fromkeys(same_event[g]) if c not in {d.claim for d in dis}
                ),
            )
        )
    out.sort(key=_claim_order(order))
    return out


_NAMED_SPEAKERS = frozenset({"person", "org", "role", "pronoun"})
"""Speaker types whose statements rest on them (a pronoun once the quotes stage resolved it)."""


def _report(u: Unit) -> Report:
    """The unit as a report for origin counting: a named speaker is the origin of what it says."""
    named = u.speaker if u.speaker and u.speaker_type in _NAMED_SPEAKERS else None
    person = u.speaker_type in {"person", "pronoun"}
    return Report(u.article, u.chain, named, person=person)


_FIRST_PERSON = frozenset({"i", "we", "our", "my", "us"})


def _reports(units: Sequence[Unit], slots: Sequence[Slots]) -> list[Report]:
    """Every unit as a report, an unattributed figure taking the one named speaker of the
    sentence right before it: news copy runs a source's figures on after one attribution
    ("..., according to results published by the commission. Turnout was 48 percent."), and a
    count or a share is something a reporter takes from whoever counted. Background without a
    figure ("The satellite was built by students") is the article's own. The carried speaker
    only joins origins; it is never shown as the unit's attribution. Not carried into the
    writer's own observation ("Our crew counted ...")."""
    out = [_report(u) for u in units]
    said: dict[tuple[str, int], set[tuple[str, bool]]] = defaultdict(set)
    attributed: set[tuple[str, int]] = set()
    for u, r in zip(units, out, strict=True):
        if u.chain or u.speaker:
            attributed.add((u.article, u.sentence))
        if r.speaker:
            said[(u.article, u.sentence)].add((r.speaker, r.person))
    for n, (u, r) in enumerate(zip(units, out, strict=True)):
        if (u.article, u.sentence) in attributed:
            continue
        before = said.get((u.article, u.sentence - 1), set())
        if len(before) != 1 or not slots[n].quantities:
            continue
        if _FIRST_PERSON & set(u.text.casefold().split()):
            continue
        ((speaker, person),) = before
        out[n] = dataclasses.replace(r, speaker=speaker, person=person, carried=True)
    return out


def _unit_order(
    units: Sequence[Unit], order: Mapping[str, int]
) -> Callable[[int], tuple[int, int]]:
    def key(n: int) -> tuple[int, int]:
        return (order[units[n].article], units[n].span.start)

    return key


def _claim_order(order: Mapping[str, int]) -> Callable[[Claim], tuple[int, int]]:
    def key(c: Claim) -> tuple[int, int]:
        first = c.evidence[0]
        return (order[first.article], first.span.start)

    return key


def _unique(items: list[Disagreement]) -> tuple[Disagreement, ...]:
    return tuple(dict.fromkeys(items))


def _lead(units: Sequence[Unit], ns: Sequence[int]) -> int:
    """The unit whose wording stands for the claim: an English one when it has one (a foreign
    sentence supporting it is shown as its evidence), and of those the first one in the
    article's own voice and not in its first person ("Our crew counted ..." speaks for one
    outlet), else the first not in the first person, else the first in the article's own
    voice."""
    read = [n for n in ns if units[n].tokens] or list(ns)  # an English wording before a foreign
    own = [n for n in read if not units[n].chain]
    plain = [n for n in read if not _FIRST_PERSON & set(units[n].text.casefold().split()[:2])]
    for pool in ([n for n in own if n in plain], plain, own):
        if pool:
            return pool[0]
    return read[0]


def _dated(story: _Story, group: int, members: Mapping[int, list[int]]) -> str:
    """The outlet and day of a claim's first report ("AP, 2024-01-22")."""
    first = story.units[members[group][0]].article
    article = story.articles[first]
    day = article.published.isoformat() if article.published else "undated"
    return f"{article.outlet or article.ref or first}, {day}"


def _earlier(story: _Story, a: int, b: int) -> bool:
    da = story.articles[story.units[a].article].published
    db = story.articles[story.units[b].article].published
    if da is None or db is None:
        return a < b
    return da <= db


def _claim_id(units: Sequence[Unit]) -> str:
    spans = sorted(f"{u.article}:{u.span.start}:{u.span.end}" for u in units)
    return "clm_" + hashlib.blake2b("|".join(spans).encode(), digest_size=8).hexdigest()
