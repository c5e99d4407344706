"""The entity graph of a story: who appears with whom, laid out on a circle as SVG shapes.

Two entities are linked when both are mentioned in the same paragraph of an
article; the link's weight is the number of such paragraphs. The graph is cut
from the report alone (entity mentions and article texts), so it needs no
stage of its own, and it is drawn server-side (no script, no CDN).
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from itertools import combinations

from ..._types import JSON

# Entities drawn: the most mentioned ones; more would not be legible in the panel.
MAX_NODES = 14
WIDTH, HEIGHT = 560, 400


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    name: str
    type: str
    mentions: int
    x: float
    y: float
    r: float
    anchor: str  # text-anchor of the label: start (right half) or end (left half)
    lx: float
    ly: float


@dataclass(frozen=True, slots=True)
class Edge:
    a: str
    b: str
    weight: int
    x1: float
    y1: float
    x2: float
    y2: float
    width: float


@dataclass(frozen=True, slots=True)
class Graph:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    width: int = WIDTH
    height: int = HEIGHT


def entity_graph(report: JSON, *, limit: int = MAX_NODES) -> Graph:
    """The co-mention graph of the report's most mentioned entities."""
    texts = {a["id"]: a["text"] for a in report["articles"]}
    breaks = {aid: [i for i, ch in enumerate(t) if ch == "\n"] for aid, t in texts.items()}
    top = sorted(report["entities"], key=_by_mentions)[:limit]
    places: dict[str, set[tuple[str, int]]] = {}
    for e in top:
        for m in e["mentions"]:
            if m["article"] in breaks:
                para = bisect.bisect_right(breaks[m["article"]], m["start"])
                places.setdefault(e["id"], set()).add((m["article"], para))
    weights: dict[tuple[str, str], int] = {}
    for a, b in combinations([e["id"] for e in top], 2):
        shared = len(places.get(a, set()) & places.get(b, set()))
        if shared:
            weights[(a, b)] = shared
    return _layout(top, weights)


def _layout(top: list[JSON], weights: dict[tuple[str, str], int]) -> Graph:
    cx, cy, radius = WIDTH / 2, HEIGHT / 2, HEIGHT * 0.36
    most = max((len(e["mentions"]) for e in top), default=1)
    nodes: dict[str, Node] = {}
    for i, e in enumerate(top):
        angle = 2 * math.pi * i / max(1, len(top)) - math.pi / 2
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        r = 5 + 9 * math.sqrt(len(e["mentions"]) / most)
        lx = cx + (radius + r + 6) * math.cos(angle)
        ly = cy + (radius + r + 6) * math.sin(angle)
        nodes[e["id"]] = Node(
            id=e["id"],
            name=e["name"],
            type=e["type"],
            mentions=len(e["mentions"]),
            x=round(x, 1),
            y=round(y, 1),
            r=round(r, 1),
            anchor="start" if math.cos(angle) >= -1e-9 else "end",
            lx=round(lx, 1),
            ly=round(ly + 4, 1),
        )
    heaviest = max(weights.values(), default=1)
    edges = tuple(
        Edge(
            a=a,
            b=b,
            weight=w,
            x1=nodes[a].x,
            y1=nodes[a].y,
            x2=nodes[b].x,
            y2=nodes[b].y,
            width=round(1 + 4 * w / heaviest, 1),
        )
        for (a, b), w in sorted(weights.items())
    )
    return Graph(nodes=tuple(nodes.values()), edges=edges)


def _by_mentions(e: JSON) -> tuple[int, str]:
    return (-len(e["mentions"]), e["name"])
