"""The entity graph of a story: entities as nodes, evidence-backed relations as edges.

Edge kinds:

- ``met`` (undirected): a sentence says the two met (:mod:`.meetings`);
- ``said_about`` (directed, speaker → entity): an attribution whose speaker is an entity
  and whose content names the other;
- ``co_occurs`` (undirected): both are named in one sentence, or in one claim's evidence.

Every edge carries the spans it rests on; its ``weight`` is how many sentences,
attributions or claims state it.

DOCS: docs/stages/brief.md (Entity graph)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final, Literal

from .._types import JSON, ArticleId, EntityId
from ..model import AnnotatedArticle, Mention, Sentence, Span
from ..nlp.sentences import span_docs
from ..timeline.parsing import Cite, cite_of
from .meetings import MEET_VERBS, MEETING_NOUNS, meetings

EdgeKind = Literal["met", "said_about", "co_occurs"]
DIRECTED: Final[frozenset[str]] = frozenset({"said_about"})
_MEETING_WORDS: Final = tuple(sorted(MEET_VERBS | MEETING_NOUNS | {"discuss", "held", "met"}))


@dataclass(frozen=True, slots=True)
class GraphNode:
    id: EntityId
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    mentions: int = 0
    news_source: bool = False


@dataclass(slots=True)
class GraphEdge:
    """A relation between two entities; undirected kinds keep ``source`` < ``target``."""

    source: EntityId
    target: EntityId
    kind: EdgeKind
    evidence: list[Cite] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)
    reports: int = 0
    """How many sentences, attributions or claims state this relation."""

    @property
    def directed(self) -> bool:
        return self.kind in DIRECTED

    @property
    def weight(self) -> int:
        return self.reports


@dataclass(slots=True)
class EntityGraph:
    nodes: dict[EntityId, GraphNode] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], GraphEdge] = field(default_factory=dict)
    texts: dict[ArticleId, str] = field(default_factory=dict)

    def add(
        self, kind: EdgeKind, a: EntityId, b: EntityId, cites: Iterable[Cite], claim: str = ""
    ) -> None:
        """Add evidence for (a, b) of ``kind``; unknown entities and self-loops are ignored."""
        if a == b or a not in self.nodes or b not in self.nodes:
            return
        if kind not in DIRECTED and b < a:
            a, b = b, a
        edge = self.edges.setdefault((kind, a, b), GraphEdge(a, b, kind))
        new = [c for c in cites if c not in edge.evidence]
        edge.evidence += new
        edge.reports += bool(new)
        if claim and claim not in edge.claims:
            edge.claims.append(claim)

    def neighbours(self, entity: EntityId, kind: EdgeKind | None = None) -> set[EntityId]:
        out: set[EntityId] = set()
        for e in self.edges.values():
            if kind is None or e.kind == kind:
                if e.source == entity:
                    out.add(e.target)
                elif e.target == entity:
                    out.add(e.source)
        return out


def build_graph(
    items: Sequence[AnnotatedArticle], report: JSON, *, story: JSON | None = None
) -> EntityGraph:
    """The entity graph of ``items``.

    Args:
        items: the story's annotated articles (sentences and linked mentions).
        report: a report (or a dict with its ``entities`` and ``attributions`` rows) that
            covers these articles: nodes come from its entities, ``said_about`` edges from
            its attributions (speakers resolved to entities).
        story: the story's report entry; its ``claims`` add ``co_occurs`` edges.
    """
    graph = EntityGraph(texts={i.article.id: i.article.text for i in items})
    ids = set(graph.texts)
    for e in report.get("entities", []):
        mentions = [m for m in e.get("mentions", []) if m["article"] in ids]
        if mentions:
            graph.nodes[e["id"]] = GraphNode(
                id=e["id"], name=e["name"], type=e["type"], aliases=tuple(e.get("aliases", ())),
                mentions=len(mentions), news_source=bool(e.get("news_source", False)),
            )  # fmt: skip
    for item in items:
        _sentence_edges(graph, item)
    for row in report.get("attributions", []):
        if row["article"] in ids:
            _said_about(graph, row, _item_of(items, row["article"]))
    for claim in (story or {}).get("claims", []):
        _claim_edges(graph, claim, items)
    return graph


def _item_of(items: Sequence[AnnotatedArticle], aid: str) -> AnnotatedArticle:
    return next(i for i in items if i.article.id == aid)


def _linked(mentions: Iterable[Mention], span: Span) -> list[Mention]:
    return [
        m for m in mentions
        if m.entity_id and span.start <= m.span.start and m.span.end <= span.end
    ]  # fmt: skip


def _sentence_edges(graph: EntityGraph, item: AnnotatedArticle) -> None:
    text = item.article.text
    body_end = len(item.article.body)
    candidates: list[tuple[Sentence, list[Mention]]] = []
    for sent in item.sentences:
        if sent.span.start >= body_end:
            continue
        inside = _linked(item.mentions, sent.span)
        names = list(dict.fromkeys(m.entity_id for m in inside if m.entity_id in graph.nodes))
        cite = Cite(item.article.id, sent.span)
        for k, a in enumerate(names):
            for b in names[k + 1 :]:
                graph.add("co_occurs", a or "", b or "", [cite])
        lowered = sent.span.text_in(text).lower()
        if len(names) >= 2 and any(w in lowered for w in _MEETING_WORDS):
            candidates.append((sent, inside))
    docs = span_docs(
        [(item.doc, s.span.start, s.span.end, s.span.text_in(text)) for s, _ in candidates]
    )
    for (sent, inside), doc in zip(candidates, docs, strict=True):
        cite = Cite(item.article.id, sent.span)
        for a, b in meetings(doc, _EntityLocator(graph, inside, sent.span.start)):
            graph.add("met", a, b, [cite])


@dataclass(frozen=True, slots=True)
class _EntityLocator:
    """Finds the linked entity over a sentence-relative character range."""

    graph: EntityGraph
    mentions: list[Mention]
    base: int

    def __call__(self, start: int, end: int) -> tuple[str, str] | None:
        s, e = self.base + start, self.base + end
        for m in self.mentions:
            node = self.graph.nodes.get(m.entity_id or "")
            if node and m.span.start <= s and e <= m.span.end:
                return node.id, node.type
        return None


def _said_about(graph: EntityGraph, row: Mapping[str, object], item: AnnotatedArticle) -> None:
    speaker = row.get("speaker")
    content = row.get("content")
    if not isinstance(speaker, str) or not isinstance(content, dict):
        return
    span = Span(int(content["start"]), int(content["end"]))
    cites = [Cite(item.article.id, span)]
    source = row.get("source")
    if isinstance(source, dict):
        cites.insert(0, Cite(item.article.id, Span(int(source["start"]), int(source["end"]))))
    for m in _linked(item.mentions, span):
        graph.add("said_about", speaker, m.entity_id or "", cites)


def _claim_edges(graph: EntityGraph, claim: JSON, items: Sequence[AnnotatedArticle]) -> None:
    cites = [cite_of(ev) for ev in claim.get("evidence", []) if ev["article"] in graph.texts]
    named: list[str] = []
    for c in cites:
        for m in _linked(_item_of(items, c.article).mentions, c.span):
            if m.entity_id and m.entity_id not in named:
                named.append(m.entity_id)
    for k, a in enumerate(named):
        for b in named[k + 1 :]:
            graph.add("co_occurs", a, b, cites, claim=str(claim.get("id", "")))
