"""The entity graph of a story: who met whom, who said what about whom, who appears with whom.

Public API: :func:`build_graph`, :func:`export_graph`,
:func:`graph_json`, :func:`graphml`.

DOCS: docs/stages/brief.md (Entity graph)
"""

from __future__ import annotations

from .build import EntityGraph, GraphEdge, GraphNode, build_graph
from .export import GraphFormat, export_graph, graph_json, graphml, to_networkx

__all__ = [
    "EntityGraph",
    "GraphEdge",
    "GraphFormat",
    "GraphNode",
    "build_graph",
    "export_graph",
    "graph_json",
    "graphml",
    "to_networkx",
]
