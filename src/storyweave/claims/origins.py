"""Independent origins: which reports of a claim can vouch for it separately.

Reports share one origin when they come from the same article, from articles
that copy each other (exact or near duplicates), from the same outlet or wire
credit (two outlets running the same AP copy), or when they credit the same news
agency ("according to TASS" in two articles is TASS once). A person or body
quoted by two outlets is one origin: what they relay rests on that one speaker ("one source,
Minister Sirin, relayed by AP and Reuters").

DOCS: docs/decisions/claims-origins.md
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from storyweave._types import ArticleId
from storyweave.entities.names import fold
from storyweave.entities.sources import news_source_name
from storyweave.model import Article, Duplicate
from storyweave.outlets import source_label
from storyweave.outlets.copies import copy_direction, credits_outlet

from .calibration import DERIVED_CONTAINMENT, DERIVED_SHARE


@dataclass(frozen=True, slots=True)
class Origin:
    """One independent origin of a claim: a label, its articles, and the agencies it cites."""

    label: str
    articles: tuple[ArticleId, ...]
    cites: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    """The named people or bodies the reports relay, when more than one article names them."""


@dataclass(frozen=True, slots=True)
class Report:
    """One article's report of a claim, with the credited chain of the unit that carries it."""

    article: ArticleId
    chain: tuple[str, ...]
    speaker: str | None = None
    """The named person or body whose statement the report relays, if any."""
    person: bool = False
    """Whether the speaker is a person (keyed by surname)."""
    carried: bool = False
    """Whether the speaker was named in the sentence before, not in the report's own."""


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


class OriginIndex:
    """Which articles share an origin, from duplicates and outlets; built once per story."""

    def __init__(
        self,
        articles: Sequence[Article],
        duplicates: Iterable[Duplicate] = (),
        *,
        translated: Iterable[tuple[ArticleId, ArticleId, float]] = (),
    ) -> None:
        self._articles = {a.id: a for a in articles}
        uf = _UnionFind()
        for a in articles:
            uf.find(f"article:{a.id}")
            for key in (outlet_key(a), *credit_keys(a)):
                if key is not None:
                    uf.union(f"article:{a.id}", key)
        for d in duplicates:
            if d.article in self._articles and d.original in self._articles:
                uf.union(f"article:{d.article}", f"article:{d.original}")
        self.derived = derived_pairs(articles)
        """(later article, earlier article, shared wording): rewrites and copies, one origin."""
        for later, earlier, _ in self.derived:
            uf.union(f"article:{later}", f"article:{earlier}")
        self.translated = [
            t for t in translated if t[0] in self._articles and t[1] in self._articles
        ]
        """(foreign article, English article it translates, share of its lead matched)."""
        for foreign, english, _ in self.translated:
            uf.union(f"article:{foreign}", f"article:{english}")
        self._uf = uf

    def keys(self, report: Report, speakers: Mapping[str, str] | None = None) -> set[str]:
        """The origin keys of one report: its article's group, every agency it cites, and its
        speaker (by ``speakers``, the shortened forms of the reports' speakers, when given)."""
        out = {self._uf.find(f"article:{report.article}")}
        out |= {self._uf.find(f"wire:{name}") for name in cited_agencies(report.chain)}
        if report.speaker:
            key = speaker_key(report.speaker, person=report.person)
            out.add(f"speaker:{(speakers or {}).get(key, key)}")
        return out

    def origins(self, reports: Sequence[Report]) -> list[Origin]:
        """Group ``reports`` into independent origins (reports sharing any key merge)."""
        uf = _UnionFind()
        speakers = shortened_speakers(
            {speaker_key(r.speaker, person=r.person) for r in reports if r.speaker}
        )
        keys = [self.keys(r, speakers) for r in reports]
        for n, ks in enumerate(keys):
            for k in ks:
                uf.union(f"report:{n}", k)
        groups: dict[str, list[int]] = {}
        for n in range(len(reports)):
            groups.setdefault(uf.find(f"report:{n}"), []).append(n)
        out = [self._origin([reports[n] for n in members]) for members in groups.values()]
        out.sort(key=_origin_order)
        return out

    def _origin(self, reports: list[Report]) -> Origin:
        articles = tuple(dict.fromkeys(r.article for r in reports))
        cites = tuple(dict.fromkeys(n for r in reports for n in cited_agencies(r.chain)))
        names = tuple(dict.fromkeys(self._name(a) for a in articles))
        label = " = ".join(names)
        speakers = list(dict.fromkeys(r.speaker for r in reports if r.speaker))
        if speakers and len(articles) > 1:
            carried = all(r.carried for r in reports if r.speaker)
            named = ", ".join(speakers) + (" (named in the sentence before)" if carried else "")
            label = f"{named}, relayed by {_listed(names)}"
        credits = list(dict.fromkeys(c for a in articles for c in self._credits(a)))
        credits = [c for c in credits if c not in names]
        if credits:
            label += f" (credited to {', '.join(credits)})"
        if cites:
            label += f" (citing {', '.join(c for c in cites if c not in names) or cites[0]})"
        inside = set(articles)
        for later, earlier, share in self.derived:
            if later not in inside or earlier not in inside:
                continue
            a, b = self._articles.get(later), self._articles.get(earlier)
            if a is not None and b is not None and credits_outlet(a, b):
                label += f" ({self._name(later)} runs {self._name(earlier)}'s copy, credited)"
            else:
                label += (
                    f" (likely derived: {self._name(later)} repeats {self._name(earlier)}'s"
                    f" wording, {share:.0%} of word triples shared)"
                )
        for foreign, english, share in self.translated:
            if foreign in inside and english in inside:
                label += (
                    f" (likely translated: {self._name(foreign)} renders {self._name(english)}'s"
                    f" report, {share:.0%} of its lead sentence by sentence)"
                )
        speaking = {r.article for r in reports if r.speaker}
        relayed = tuple(speakers) if len(speaking) > 1 else ()
        return Origin(label=label, articles=articles, cites=cites, speakers=relayed)

    def _credits(self, article: ArticleId) -> tuple[str, ...]:
        a = self._articles.get(article)
        return a.credits if a is not None else ()

    def _name(self, article: ArticleId) -> str:
        a = self._articles.get(article)
        if a is None:
            return article
        return source_label(a.outlet, a.url, a.title)


_GRAM = re.compile(r"\w+")
_COMMON_GRAM = 50
"""Trigrams in more articles than this propose no pair (boilerplate); keeps the cost linear."""


def derived_pairs(articles: Sequence[Article]) -> list[tuple[ArticleId, ArticleId, float]]:
    """Pairs of articles where one (the later, or the second of a day) repeats the other's words:
    they share at least :data:`DERIVED_SHARE` of their word trigrams, or the later holds
    :data:`DERIVED_CONTAINMENT` of the earlier's. Credited copies match too; they were one
    origin already, through their credit."""
    grams = {a.id: _trigrams(a.body) for a in articles}
    postings: dict[tuple[str, ...], list[ArticleId]] = defaultdict(list)
    for aid, gs in grams.items():
        for g in gs:
            postings[g].append(aid)
    shared: Counter[tuple[ArticleId, ArticleId]] = Counter()
    for ids in postings.values():
        if len(ids) <= _COMMON_GRAM:
            for i, x in enumerate(ids):
                for y in ids[i + 1 :]:
                    shared[(x, y)] += 1
    by_id = {a.id: a for a in articles}
    order = {a.id: (a.published or dt.date.min, n) for n, a in enumerate(articles)}
    out = []
    for (x, y), n in shared.items():
        earlier, later = copy_direction(by_id[x], by_id[y], order)
        share = n / len(grams[x] | grams[y])
        copied = n / max(1, len(grams[earlier]))  # the earlier body run whole, with more added
        if share >= DERIVED_SHARE or copied >= DERIVED_CONTAINMENT:
            out.append((later, earlier, max(share, copied)))
    return out


def _trigrams(text: str) -> set[tuple[str, ...]]:
    words = _GRAM.findall(text.casefold())
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def _listed(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def speaker_key(name: str, *, person: bool = False) -> str:
    """One speaker however an article writes it: "the Electoral Commission" = "electoral
    commission"; a person by surname ("Interior Minister Ahmet Sirin" = "Minister Sirin" =
    "Sirin"), diacritics folded."""
    words = fold(name).split()
    if words and words[0] in {"the", "a", "an"}:
        words = words[1:]
    if person and words:
        return "person:" + words[-1]
    return " ".join(words)


def shortened_speakers(keys: Iterable[str]) -> dict[str, str]:
    """Speaker keys that name one body in a longer and a shorter form: "city electoral
    commission" -> "electoral commission" when the shorter form ends the longer one and no
    other speaker shares that ending ("ministry" stays apart when both "foreign ministry" and
    "defence ministry" speak). People are keyed by surname already."""
    keys = sorted(k for k in set(keys) if not k.startswith("person:"))
    out: dict[str, str] = {}
    for short in keys:
        words = short.split()
        longer = [k for k in keys if k != short and k.split()[-len(words) :] == words]
        if len(longer) == 1:
            out[longer[0]] = short
    return out


def _origin_order(o: Origin) -> str:
    return o.label


def source_key(name: str) -> str:
    """The origin key of an outlet or agency name: agencies by canonical name ("wire:AP")."""
    wire = news_source_name(name)
    if wire is not None:
        return f"wire:{wire}"
    return f"outlet:{' '.join(name.casefold().split())}"


def outlet_key(article: Article) -> str | None:
    """The origin key of the article's outlet, if it names one."""
    return source_key(article.outlet) if article.outlet else None


def credit_keys(article: Article) -> list[str]:
    """The origin keys of the organisations the article is credited to (its dateline, byline,
    credit lines and metadata: "SHAWNEE, Okla. (AP) —" -> "wire:AP")."""
    return [source_key(name) for name in article.credits]


def cited_agencies(chain: Sequence[str]) -> list[str]:
    """The news agencies and outlets a credited chain passes through ("TASS", "AFP")."""
    out = []
    for link in chain:
        name = news_source_name(link)
        if name is not None:
            out.append(name)
    return out
