"""Linking across articles: local clusters merged into one entity per referent.

Local clusters (see :mod:`.clusters`) merge when they share a type and a key that
ignores hyphenation, spacing, case, diacritics and common transliteration
variants ("Kim Jong-un" = "Kim Jong Un", "Shoigu" = "Shoygu"), or when two full
personal names share their first and last token ("Vladimir Vladimirovich Putin").
A one-word personal name ("Reid") joins the one full name it fits across the
articles; when several fit, the article's other entities decide (context guard),
and with no evidence it stays apart. Entity ids hash the type and the key of the
canonical name, so they do not depend on the order of the input.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from storyweave.model import AnnotatedArticle, Entity, EntityType, Mention

from .clusters import LocalCluster, cluster_mentions, salient
from .linking import EntityLinking, MentionKey
from .names import (
    acronym,
    is_acronym,
    person_key_tokens,
    person_words,
    without_nicknames,
    words,
)
from .nicknames import same_given_name
from .propagate import link_foreign_names, propagate_names
from .roles import find_role_descriptions, resolve_role, roles_of_mention
from .sources import news_source_name

_TYPE_RANK: dict[EntityType, int] = {"PERSON": 0, "ORG": 1, "LOC": 2, "PRODUCT": 3, "OTHER": 4}


@dataclass(frozen=True, slots=True)
class ArticleMentions:
    """What the linker needs from one article: its id, text and mentions."""

    article_id: str
    text: str
    mentions: tuple[Mention, ...]


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _merge_by_key(clusters: Sequence[LocalCluster], uf: _UnionFind) -> None:
    """Merge clusters with one key, whatever spaCy's type, and full names with one first+last.

    spaCy often types one name differently from article to article ("Bettie Page" as
    ORG and PERSON, "IE" as PRODUCT and ORG); an identical key is stronger evidence
    than the type. The guard: a person never merges with a gazetteer place or a news
    source ("Jordan" the player and Jordan the country stay apart).
    """
    by_key: dict[str, list[int]] = defaultdict(list)
    first_last: dict[tuple[str, str], int] = {}
    for i, c in enumerate(clusters):
        by_key[c.joined_key].append(i)
        if c.type == "PERSON" and len(c.key) >= 2:
            fl = (c.key[0], c.key[-1])
            if fl in first_last:
                uf.union(first_last[fl], i)
            else:
                first_last[fl] = i
    for members in by_key.values():
        _merge_same_key(clusters, members, uf)


def _merge_same_key(
    clusters: Sequence[LocalCluster], members: Sequence[int], uf: _UnionFind
) -> None:
    """Merge the clusters of one key: people with people, the rest with the rest, and
    the two sides with each other unless a place or news source pins the key."""
    people = [i for i in members if clusters[i].type == "PERSON"]
    rest = [i for i in members if clusters[i].type != "PERSON"]
    for side in (people, rest):
        for i in side[1:]:
            uf.union(side[0], i)
    pinned = any(clusters[i].source is not None or clusters[i].place is not None for i in members)
    if people and rest and not pinned:
        uf.union(people[0], rest[0])


# Words that make a name an institution of a place: "the Government of Japan", "the Bank
# of England", "the Japanese Defence Ministry" name bodies, not the country.
_INSTITUTION_WORDS = frozenset(
    {
        "government",
        "administration",
        "cabinet",
        "ministry",
        "department",
        "bank",
        "reserve",
        "treasury",
        "parliament",
        "congress",
        "senate",
        "assembly",
        "council",
        "army",
        "navy",
        "military",
        "police",
        "court",
        "embassy",
        "agency",
        "commission",
        "authority",
        "office",
        "forces",
        "force",
    }
)


def _kind(c: LocalCluster) -> str:
    """What a cluster names, for the merge guard: a product, an institution, a place or
    an organisation or person (its type)."""
    if Counter(c.labels).most_common(1)[0][0] == "PRODUCT":
        return "PRODUCT"
    if c.type != "PERSON" and _INSTITUTION_WORDS & set(c.key):
        return "INSTITUTION"
    if c.place is not None or c.type == "LOC":
        return "PLACE"
    return c.type


def _is_maker_of(org: LocalCluster, product: LocalCluster) -> bool:
    """ "Boeing" and "Boeing 787": an organisation whose name starts a product's name."""
    return len(org.key) < len(product.key) and tuple(product.key[: len(org.key)]) == tuple(org.key)


def may_merge(a: LocalCluster, b: LocalCluster) -> bool:
    """Whether two clusters of different names may be one referent: never a company with
    its product ("Boeing", "Boeing 787 Dreamliner"), nor a country with its government or
    central bank ("Japan", "the Government of Japan", "the Bank of Japan")."""
    kinds = {_kind(a), _kind(b)}
    if kinds == {"PLACE", "INSTITUTION"}:
        return False
    if "PRODUCT" in kinds and len(kinds) == 2:
        product, other = (a, b) if _kind(a) == "PRODUCT" else (b, a)
        return not _is_maker_of(other, product)
    return True


def _merge_short_forms(clusters: Sequence[LocalCluster], uf: _UnionFind) -> None:
    """A shorter name joins the one longer name of its type that ends with it.

    "Colts" joins "Indianapolis Colts" and "Lo Presti" joins "Gaetano Lo Presti"
    when no other longer name of that type ends the same way. Personal names with
    one word are left to the surname rule, which has a context guard.
    """
    by_suffix: dict[tuple[EntityType, tuple[str, ...]], set[int]] = defaultdict(set)
    for i, c in enumerate(clusters):
        for n in range(1, len(c.key)):
            by_suffix[(c.type, c.key[-n:])].add(i)
    for i, c in enumerate(clusters):
        if c.source is not None or (c.type == "PERSON" and len(c.key) < 2):
            continue
        fits = [j for j in by_suffix.get((c.type, c.key), set()) if may_merge(c, clusters[j])]
        groups = {uf.find(j) for j in fits}
        if len(groups) == 1 and len(fits) == len(by_suffix.get((c.type, c.key), set())):
            uf.union(groups.pop(), i)


def _merge_contained_names(clusters: Sequence[LocalCluster], uf: _UnionFind) -> None:
    """A name of two or more words joins the one longer name with its words, in order, and
    the same last word: "Betty Ford Center" joins "Betty Ford Treatment Center".

    People, places and news sources are left out; so is any name that fits several.
    """
    by_last: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(clusters):
        if _is_plain_name(c):
            by_last[c.key[-1]].append(i)
    for i, c in enumerate(clusters):
        if not _is_plain_name(c) or len(c.key) < 2:
            continue
        groups = {
            uf.find(j)
            for j in by_last[c.key[-1]]
            if len(clusters[j].key) > len(c.key)
            and _is_subsequence(c.key, clusters[j].key)
            and may_merge(c, clusters[j])
        }
        if len(groups) == 1:
            uf.union(groups.pop(), i)


def _is_plain_name(c: LocalCluster) -> bool:
    return c.type != "PERSON" and c.source is None and c.place is None


def _is_subsequence(short: Sequence[str], long: Sequence[str]) -> bool:
    rest = iter(long)
    return all(token in rest for token in short)


def _merge_short_given_names(clusters: Sequence[LocalCluster], uf: _UnionFind) -> None:
    """ "Fred LaRue" joins "Frederick C. LaRue" and "Katie Jenkin" joins "Kathryn Jenkin":
    same surname, and one given name is a short form of the other (see :mod:`.nicknames`)."""
    by_last: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(clusters):
        if c.type == "PERSON" and len(c.key) >= 2:
            by_last[c.key[-1]].append(i)
    for members in by_last.values():
        for pos, a in enumerate(members):
            for b in members[pos + 1 :]:
                if same_given_name(clusters[a].key[0], clusters[b].key[0]):
                    uf.union(a, b)


def _vote_types(clusters: Sequence[LocalCluster]) -> None:
    """Give every cluster of one key the type most of that key's mentions carry.

    Full personal names, gazetteer places and news sources keep their type; they
    still vote. A one-word name that is the surname of a full personal name in the
    batch votes PERSON with that name's mentions.
    """
    votes: dict[str, Counter[EntityType]] = defaultdict(Counter)
    for c in clusters:
        votes[c.joined_key][c.type] += len(c.spans)
        if c.type == "PERSON" and len(c.key) >= 2:
            votes[c.key[-1]]["PERSON"] += len(c.spans)
    for c in clusters:
        fixed = c.source is not None or c.place is not None
        if fixed or (c.type == "PERSON" and len(c.key) >= 2):
            continue
        c.type = _majority(dict(votes[c.joined_key]))


def _merge_acronyms(clusters: Sequence[LocalCluster], uf: _UnionFind) -> None:
    """Across the batch, an acronym ("IE") joins the one longer name it abbreviates.

    spaCy's type is not required to agree ("IE" as ORG, "Internet Explorer" as
    PRODUCT); people are left out on both sides.
    """
    by_acronym: dict[str, set[int]] = defaultdict(set)
    for i, c in enumerate(clusters):
        if len(c.key) >= 2 and c.source is None and c.type != "PERSON":
            short = acronym(c.surfaces[0])
            if short:
                by_acronym[short.casefold()].add(i)
    for i, c in enumerate(clusters):
        if len(c.key) == 1 and c.source is None and is_acronym(c.surfaces[0]):
            if c.type == "PERSON":
                continue
            fits = by_acronym.get(c.key[0], set())
            groups = {uf.find(g) for g in fits if may_merge(c, clusters[g])}
            if len(groups) == 1:
                uf.union(groups.pop(), i)


def _majority(counts: dict[EntityType, int]) -> EntityType:
    """The type with the most mentions; ties go to PERSON, then ORG, then LOC."""
    return sorted(counts.items(), key=_count_then_rank)[0][0]


def _count_then_rank(item: tuple[EntityType, int]) -> tuple[int, int]:
    return (-item[1], _TYPE_RANK[item[0]])


def _context(clusters: Sequence[LocalCluster]) -> dict[str, set[str]]:
    """Article id -> the keys of every cluster in it."""
    out: dict[str, set[str]] = defaultdict(set)
    for c in clusters:
        out[c.article_id].add(c.joined_key)
    return out


def _attach_single_names(clusters: Sequence[LocalCluster], uf: _UnionFind) -> None:
    """Attach one-word personal names to the full name they fit, with a context guard."""
    context = _context(clusters)
    by_surname: dict[str, set[int]] = defaultdict(set)
    by_given_name: dict[str, set[int]] = defaultdict(set)
    for i, c in enumerate(clusters):
        if c.type == "PERSON" and len(c.key) >= 2:
            by_given_name[c.key[0]].add(uf.find(i))
            by_surname[c.key[-1]].add(uf.find(i))
    group_context: dict[int, set[str]] = defaultdict(set)
    size: Counter[int] = Counter()
    for i, c in enumerate(clusters):
        group_context[uf.find(i)] |= context[c.article_id]
        size[uf.find(i)] += len(c.spans)
    for i, c in enumerate(clusters):
        if c.type != "PERSON" or len(c.key) != 1 or c.ambiguous:
            continue
        # a surname reading wins over a given-name reading (see clusters.fitting_names)
        fits = by_surname.get(c.key[0]) or by_given_name.get(c.key[0], set())
        groups = sorted({uf.find(g) for g in fits})
        if len(groups) == 1:
            uf.union(groups[0], i)
            continue
        own = context[c.article_id] - {c.joined_key}
        scored = sorted(((len(own & group_context[g]), g) for g in groups), reverse=True)
        if len(scored) >= 2 and scored[0][0] > scored[1][0]:
            uf.union(scored[0][1], i)
            continue
        # no context decides: the one name the batch mentions far more often than the others
        tied = [g for n, g in scored if n == scored[0][0]]
        best = salient([size[g] for g in tied], tied)
        if len(best) == 1:
            uf.union(best[0], i)


def _clean_surface(surface: str, kind: EntityType) -> str:
    if kind == "PERSON":
        return " ".join(person_words(without_nicknames(surface))) or surface
    parts = words(surface)
    if parts and parts[0] in {"the", "The"} and len(parts) > 1:
        surface = surface.split(None, 1)[1]
    return surface.removesuffix("'s").removesuffix("’s").strip()


def _entity_of(members: Sequence[LocalCluster]) -> tuple[Entity, str]:
    """The entity of one merged group, and the key its id hashes."""
    types: Counter[EntityType] = Counter()
    for c in members:
        types[c.type] += len(c.spans)
    kind = _majority(dict(types))
    forms: Counter[str] = Counter()
    keys: dict[str, str] = {}
    for c in members:
        for surface in c.surfaces:
            form = c.source or c.place or _clean_surface(surface, c.type)
            forms[form] += 1
            keys.setdefault(form, c.joined_key)
    ranked = sorted((_form_rank(f, forms[f], kind), f) for f in forms)
    name = ranked[0][1]
    aliases = tuple(sorted(f for f in forms if f != name))
    return Entity(id="", name=name, type=kind, aliases=aliases), keys[name]


def _form_rank(form: str, count: int, kind: EntityType) -> tuple[int, bool, bool, int]:
    """Fullest personal name first, then spelled-out over acronyms and capitals, then frequency."""
    length = len(person_key_tokens(form)) if kind == "PERSON" else 0
    shouted = form.isupper() and len(form) > 1
    return (-length, is_acronym(form), shouted, -count)


def _entity_id(kind: str, key: str) -> str:
    return "ent_" + hashlib.sha1(f"{kind}|{key}".encode()).hexdigest()[:12]


def link_mentions(
    articles: Sequence[ArticleMentions],
) -> tuple[list[Entity], dict[MentionKey, str]]:
    """Link mentions across articles, without roles (the core of :func:`link_entities`).

    Returns the entities (sorted by id) and the (article, start, end) -> entity id map.
    """
    clusters: list[LocalCluster] = []
    for art in sorted(articles, key=_article_order):
        clusters += cluster_mentions(art.article_id, art.text, art.mentions)
    _vote_types(clusters)
    uf = _UnionFind(len(clusters))
    _merge_by_key(clusters, uf)
    _merge_acronyms(clusters, uf)
    _merge_short_given_names(clusters, uf)
    _merge_short_forms(clusters, uf)
    _merge_contained_names(clusters, uf)
    _attach_single_names(clusters, uf)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(clusters)):
        groups[uf.find(i)].append(i)
    entities: list[Entity] = []
    mention_entity: dict[MentionKey, str] = {}
    used: set[str] = set()
    ordered = sorted((_group_order(clusters, m), m) for m in groups.values())
    for _, members in ordered:
        ent, key = _entity_of([clusters[i] for i in members])
        ent_id = _entity_id(ent.type, key)
        n = 1
        while ent_id in used:
            n += 1
            ent_id = _entity_id(ent.type, f"{key}#{n}")
        used.add(ent_id)
        entities.append(Entity(id=ent_id, name=ent.name, type=ent.type, aliases=ent.aliases))
        for i in members:
            for span in clusters[i].spans:
                mention_entity[(clusters[i].article_id, span.start, span.end)] = ent_id
    return sorted(entities, key=_entity_order), mention_entity


def _article_order(art: ArticleMentions) -> str:
    return art.article_id


def _entity_order(ent: Entity) -> str:
    return ent.id


def _group_order(clusters: Sequence[LocalCluster], members: Sequence[int]) -> tuple[str, int]:
    return min((clusters[i].article_id, clusters[i].spans[0].start) for i in members)


def _by_frequency(counts: Counter[str]) -> tuple[str, ...]:
    return tuple(r for _, r in sorted((-n, r) for r, n in counts.items()))


def link_entities(items: Sequence[AnnotatedArticle]) -> EntityLinking:
    """Link the mentions of ``items`` into entities, within and across articles.

    Mentions should already be repaired (stage ``mention_repair``). Role phrases
    come from each article's spaCy ``doc`` when it is present; role descriptions
    ("the Kremlin leader") are linked to the one entity holding that role, and
    occurrences of a linked multi-word name that spaCy missed are linked to its
    entity (:mod:`.propagate`).

    Returns:
        An :class:`EntityLinking`; its ids do not depend on the order of ``items``.
    """
    arts = [ArticleMentions(i.article.id, i.article.text, i.mentions) for i in items]
    entities, mention_entity = link_mentions(arts)
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    for item in items:
        if item.doc is None:
            continue
        for m in item.mentions:
            ent_id = mention_entity.get((item.article.id, m.span.start, m.span.end))
            if ent_id is None or m.label != "PERSON":
                continue
            for role in roles_of_mention(item.article.text, m.span, item.doc):
                roles[ent_id][role] += 1
    role_table = {ent_id: _by_frequency(c) for ent_id, c in sorted(roles.items())}
    linking = EntityLinking(
        entities=tuple(entities),
        mention_entity=mention_entity,
        roles=role_table,
        news_sources=frozenset(
            e.id for e in entities if e.type == "ORG" and news_source_name(e.name) is not None
        ),
    )
    for key, ent_id in propagate_names(items, mention_entity).items():
        mention_entity.setdefault(key, ent_id)
    for key, ent_id in link_foreign_names(items, mention_entity, entities).items():
        mention_entity.setdefault(key, ent_id)
    for item in items:
        for span in find_role_descriptions(item):
            ent_id = resolve_role(item, linking, span)
            if ent_id is not None:
                mention_entity.setdefault((item.article.id, span.start, span.end), ent_id)
    return linking
