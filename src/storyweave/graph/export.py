"""Export an :class:`~.build.EntityGraph` as JSON (node-link) or GraphML.

GraphML attributes must be scalars, so each edge's evidence goes in as a JSON string
(``evidence``) beside its ``kind``, ``weight`` and ``directed`` flag; the graph itself is
a directed multigraph so that one pair can carry several kinds of edge.

DOCS: docs/stages/brief.md (Entity graph)
"""

from __future__ import annotations

import json
from typing import Any, Literal

from .._types import JSON
from .build import EntityGraph, GraphEdge

GraphFormat = Literal["json", "graphml"]
GRAPH_SCHEMA = "storyweave.graph/1"


def _edge_json(graph: EntityGraph, edge: GraphEdge) -> JSON:
    return {
        "source": edge.source,
        "target": edge.target,
        "kind": edge.kind,
        "directed": edge.directed,
        "weight": edge.weight,
        "claims": list(edge.claims),
        "evidence": [c.to_json(graph.texts[c.article]) for c in edge.evidence],
    }


def graph_json(graph: EntityGraph) -> JSON:
    """The graph as ``{"schema", "nodes": [...], "edges": [...]}`` with evidence spans."""
    return {
        "schema": GRAPH_SCHEMA,
        "nodes": [
            {
                "id": n.id,
                "name": n.name,
                "type": n.type,
                "aliases": list(n.aliases),
                "mentions": n.mentions,
                "news_source": n.news_source,
            }
            for n in graph.nodes.values()
        ],
        "edges": [_edge_json(graph, e) for e in graph.edges.values()],
    }


def to_networkx(graph: EntityGraph) -> Any:
    """A ``networkx.MultiDiGraph`` with GraphML-safe (scalar) attributes."""
    import networkx as nx

    g = nx.MultiDiGraph(name="storyweave entity graph")
    for n in graph.nodes.values():
        g.add_node(
            n.id, name=n.name, type=n.type, aliases="; ".join(n.aliases),
            mentions=n.mentions, news_source=n.news_source,
        )  # fmt: skip
    for e in graph.edges.values():
        row = _edge_json(graph, e)
        g.add_edge(
            e.source, e.target, key=e.kind, kind=e.kind, directed=e.directed, weight=e.weight,
            claims=" ".join(e.claims), evidence=json.dumps(row["evidence"], ensure_ascii=False),
        )  # fmt: skip
    return g


def graphml(graph: EntityGraph) -> str:
    """The graph as a GraphML document."""
    import networkx as nx

    return "\n".join(nx.generate_graphml(to_networkx(graph))) + "\n"


def export_graph(graph: EntityGraph, fmt: GraphFormat) -> str:
    """The graph as text in ``fmt`` ("json" or "graphml")."""
    if fmt == "graphml":
        return graphml(graph)
    return json.dumps(graph_json(graph), ensure_ascii=False, indent=2) + "\n"
