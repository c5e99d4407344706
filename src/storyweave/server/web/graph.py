"""The entity graph of a story: who met whom, who spoke about whom, who appears with whom.

Cut from the report alone, with the edge kinds of :mod:`storyweave.graph`:

- ``said_about`` (speaker → entity): an attribution whose speaker is an entity and whose
  content names the other (as :func:`storyweave.graph.build_graph` reads it);
- ``met``: a sentence that names two people or organisations and a meeting word
  ("met", "talks", "summit", "welcomed"): a lexical reading of what the graph stage
  reads from the parse, since the page has no parse;
- ``co_occurs``: both named in one sentence.

An edge's weight is the number of sentences or attributions that state it. The most
mentioned entities are drawn; each connected component is laid out on its own by a
deterministic force layout (Fruchterman-Reingold from a circle, fixed iterations) in
its own column, largest first, and entities linked to none sit in a row beneath, so
separate clusters never tangle. Everything is computed once per report (the story view
is cached) and drawn server-side as SVG shapes (no script, no CDN).
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from typing import Final

from ..._types import JSON

# Entities drawn: the most mentioned ones; more would not be legible in the panel.
MAX_NODES = 16
WIDTH, HEIGHT = 960, 440
ISOLATED_ROW = 56  # height of the row of unlinked entities
KINDS: Final = ("met", "said_about", "co_occurs")
KIND_LABELS: Final = {"met": "met", "said_about": "spoke about", "co_occurs": "named together"}
_MEETING = re.compile(
    r"\b(?:met|meets?|meetings?|talks?|talked|summit|welcom\w*|host\w*|receiv\w*|greet\w*"
    r"|hugg?\w*|visit\w*|confer\w*|conversations?|discussions?|negotiations?)\b",
    re.IGNORECASE,
)  # the meeting verbs and nouns of storyweave.graph.meetings, inflected
_MEETERS: Final = frozenset({"PERSON", "ORG"})
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n+")


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    name: str
    type: str
    mentions: int
    x: float
    y: float
    r: float
    anchor: str  # text-anchor of the label: start (right of the node) or end (left)
    lx: float
    ly: float


@dataclass(frozen=True, slots=True)
class Edge:
    a: str
    b: str
    kind: str
    weight: int
    x1: float
    y1: float
    x2: float
    y2: float
    width: float
    path: str  # an SVG path: a line, or for a second kind on one pair a curve beside it
    title: str  # "Vladimir Putin spoke about Kim Jong-un (3)"
    directed: bool = False


@dataclass(frozen=True, slots=True)
class Graph:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def kinds(self) -> list[tuple[str, str, int]]:
        """The edge kinds drawn, in legend order: (kind, label, edges of that kind)."""
        counts = {k: sum(1 for e in self.edges if e.kind == k) for k in KINDS}
        return [(k, KIND_LABELS[k], n) for k, n in counts.items()]

    @property
    def types(self) -> list[str]:
        """The entity types drawn, in a fixed order."""
        present = {n.type for n in self.nodes}
        return [t for t in ("PERSON", "ORG", "LOC", "PRODUCT", "OTHER") if t in present]


def entity_graph(report: JSON, *, limit: int = MAX_NODES) -> Graph:
    """The typed graph of the report's most mentioned entities, laid out: the graph stage's
    stored edges (``stories[0].edges``) when the report carries them, else relations read off
    the report's mentions and attributions."""
    top = sorted(report["entities"], key=_by_mentions)[:limit]
    stories = report.get("stories") or [{}]
    stored = stories[0].get("edges")
    weights = stored_relations(stored, top) if stored else relations(report, top)
    return _layout(top, weights)


def stored_relations(edges: list[JSON], entities: list[JSON]) -> dict[tuple[str, str, str], int]:
    """(kind, a, b) -> weight from the graph stage's edges, among ``entities`` and of the kinds
    drawn; an undirected pair in the list's order."""
    order = {e["id"]: i for i, e in enumerate(entities)}
    weights: dict[tuple[str, str, str], int] = {}
    for e in edges:
        kind, a, b = str(e.get("kind")), str(e.get("source")), str(e.get("target"))
        if kind not in KINDS or a not in order or b not in order or a == b:
            continue
        if kind != "said_about" and order[b] < order[a]:
            a, b = b, a
        weights[(kind, a, b)] = weights.get((kind, a, b), 0) + int(e.get("weight") or 1)
    return weights


def relations(report: JSON, entities: list[JSON]) -> dict[tuple[str, str, str], int]:
    """(kind, a, b) -> weight among ``entities``; undirected pairs keep the list's order."""
    texts = {a["id"]: a["text"] for a in report["articles"]}
    bounds = {aid: _sentence_starts(t) for aid, t in texts.items()}
    order = {e["id"]: i for i, e in enumerate(entities)}
    types = {e["id"]: e["type"] for e in entities}
    in_sentence: dict[tuple[str, int], list[str]] = {}
    spans: dict[str, list[tuple[str, int, int]]] = {}
    for e in entities:
        for m in e["mentions"]:
            if m["article"] not in bounds:
                continue
            key = (m["article"], bisect.bisect_right(bounds[m["article"]], m["start"]))
            names = in_sentence.setdefault(key, [])
            if e["id"] not in names:
                names.append(e["id"])
            spans.setdefault(e["id"], []).append((m["article"], m["start"], m["end"]))
    weights: dict[tuple[str, str, str], int] = {}
    for (aid, i), names in in_sentence.items():
        start = bounds[aid][i - 1] if i else 0
        end = bounds[aid][i] if i < len(bounds[aid]) else len(texts[aid])
        meeting = _MEETING.search(texts[aid], start, end) is not None
        for a, b in combinations(sorted(names, key=order.__getitem__), 2):
            weights[("co_occurs", a, b)] = weights.get(("co_occurs", a, b), 0) + 1
            if meeting and types[a] in _MEETERS and types[b] in _MEETERS:
                weights[("met", a, b)] = weights.get(("met", a, b), 0) + 1
    for q in report.get("attributions", []):
        speaker, content = q.get("speaker"), q.get("content")
        if speaker not in order or not isinstance(content, dict):
            continue
        named = {
            eid
            for eid, places in spans.items()
            if eid != speaker
            and any(
                aid == q["article"] and content["start"] <= s and t <= content["end"]
                for aid, s, t in places
            )
        }
        for eid in sorted(named, key=order.__getitem__):
            weights[("said_about", speaker, eid)] = weights.get(("said_about", speaker, eid), 0) + 1
    return weights


def _sentence_starts(text: str) -> list[int]:
    return [m.end() for m in _SENTENCE_END.finditer(text)]


# -- layout -----------------------------------------------------------------------------------


def _layout(top: list[JSON], weights: dict[tuple[str, str, str], int]) -> Graph:
    ids = [e["id"] for e in top]
    linked = {(a, b) if ids.index(a) < ids.index(b) else (b, a) for _, a, b in weights}
    components = _components(ids, linked)
    clusters = [c for c in components if len(c) > 1]
    isolated = [n for c in components if len(c) == 1 for n in c]
    height = HEIGHT if clusters else ISOLATED_ROW + 20
    area_h = height - (ISOLATED_ROW if isolated else 0)
    pos: dict[str, tuple[float, float]] = {}
    total = sum(math.sqrt(len(c)) for c in clusters) or 1.0
    left = 0.0
    for c in clusters:
        w = WIDTH * math.sqrt(len(c)) / total
        box = (left + 70, 24, left + w - 70, area_h - 24)  # room for labels either side
        pos.update(_force(c, linked, box))
        left += w
    if isolated:
        step = WIDTH / len(isolated)
        for i, n in enumerate(isolated):
            pos[n] = (step * (i + 0.3), height - ISOLATED_ROW / 2)
    most = max((len(e["mentions"]) for e in top), default=1)
    nodes: dict[str, Node] = {}
    for e in top:
        x, y = pos[e["id"]]
        r = 5 + 9 * math.sqrt(len(e["mentions"]) / most)
        right = e["id"] in isolated or x < WIDTH - 110
        nodes[e["id"]] = Node(
            id=e["id"],
            name=e["name"],
            type=e["type"],
            mentions=len(e["mentions"]),
            x=round(x, 1),
            y=round(y, 1),
            r=round(r, 1),
            anchor="start" if right else "end",
            lx=round(x + (r + 4 if right else -r - 4), 1),
            ly=round(y + 4, 1),
        )
    return Graph(nodes=tuple(nodes.values()), edges=_edges(nodes, weights), height=height)


def _edges(nodes: dict[str, Node], weights: dict[tuple[str, str, str], int]) -> tuple[Edge, ...]:
    heaviest = {
        k: max((w for (kk, _, _), w in weights.items() if kk == k), default=1) for k in KINDS
    }
    drawn: dict[frozenset[str], int] = {}
    out: list[Edge] = []
    # co-occurrence first (underneath), then the stronger kinds on top
    for kind, a, b in sorted(weights, key=lambda k: (-KINDS.index(k[0]), k[1], k[2])):
        w = weights[(kind, a, b)]
        na, nb = nodes[a], nodes[b]
        pair = frozenset((a, b))
        bend = drawn.get(pair, 0)
        drawn[pair] = bend + 1
        x1, y1, x2, y2 = na.x, na.y, nb.x, nb.y
        if kind == "said_about":  # stop at the target's rim so the arrowhead shows
            d = math.hypot(x2 - x1, y2 - y1) or 1.0
            x2, y2 = x2 - (x2 - x1) * (nb.r + 2) / d, y2 - (y2 - y1) * (nb.r + 2) / d
        out.append(
            Edge(
                a=a, b=b, kind=kind, weight=w,
                x1=x1, y1=y1, x2=round(x2, 1), y2=round(y2, 1),
                width=round((1 if kind == "co_occurs" else 1.6) + 3 * w / heaviest[kind], 1),
                path=_path(x1, y1, x2, y2, bend), directed=kind == "said_about",
                title=f"{na.name} {KIND_LABELS[kind]} {nb.name} ({_times(kind, w)})",
            )
        )  # fmt: skip
    return tuple(out)


def _times(kind: str, weight: int) -> str:
    unit = "attribution" if kind == "said_about" else "sentence"
    return f"{weight} {unit}{'' if weight == 1 else 's'}"


def _path(x1: float, y1: float, x2: float, y2: float, bend: int) -> str:
    """A straight line for the first kind on a pair; a curve (alternating sides) after."""
    if not bend:
        return f"M{x1:.1f},{y1:.1f} L{x2:.1f},{y2:.1f}"
    dx, dy = x2 - x1, y2 - y1
    d = math.hypot(dx, dy) or 1.0
    off = 18 * ((bend + 1) // 2) * (1 if bend % 2 else -1)
    cx, cy = (x1 + x2) / 2 - dy / d * off, (y1 + y2) / 2 + dx / d * off
    return f"M{x1:.1f},{y1:.1f} Q{cx:.1f},{cy:.1f} {x2:.1f},{y2:.1f}"


def _components(ids: list[str], linked: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Connected components, largest first, each in ``ids`` order (ties by first member)."""
    parent = {i: i for i in ids}

    def root(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in linked:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb, key=ids.index)] = min(ra, rb, key=ids.index)
    groups: dict[str, list[str]] = {}
    for i in ids:
        groups.setdefault(root(i), []).append(i)
    return sorted(groups.values(), key=lambda g: (-len(g), ids.index(g[0])))


def _force(
    members: list[str],
    linked: set[tuple[str, str]],
    box: tuple[float, float, float, float],
    iterations: int = 120,
) -> dict[str, tuple[float, float]]:
    """Fruchterman-Reingold in ``box``, from a circle: the same input, the same picture."""
    x0, y0, x1, y1 = box
    w, h = max(x1 - x0, 40.0), max(y1 - y0, 40.0)
    n = len(members)
    k = math.sqrt(w * h / n) * 0.75
    pos = {
        m: [
            x0 + w / 2 + w / 3 * math.cos(2 * math.pi * i / n - math.pi / 2),
            y0 + h / 2 + h / 3 * math.sin(2 * math.pi * i / n - math.pi / 2),
        ]
        for i, m in enumerate(members)
    }
    edges = sorted((a, b) for a, b in linked if a in pos and b in pos)
    temperature = w / 8
    for _ in range(iterations):
        disp = {m: [0.0, 0.0] for m in members}
        for a, b in combinations(members, 2):
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            d = max(math.hypot(dx, dy), 0.01)
            f = k * k / d
            disp[a][0] += dx / d * f
            disp[a][1] += dy / d * f
            disp[b][0] -= dx / d * f
            disp[b][1] -= dy / d * f
        for a, b in edges:
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            d = max(math.hypot(dx, dy), 0.01)
            f = d * d / k
            disp[a][0] -= dx / d * f
            disp[a][1] -= dy / d * f
            disp[b][0] += dx / d * f
            disp[b][1] += dy / d * f
        for m in members:
            dx, dy = disp[m]
            d = max(math.hypot(dx, dy), 0.01)
            step = min(d, temperature)
            pos[m][0] = min(x1, max(x0, pos[m][0] + dx / d * step))
            pos[m][1] = min(y1, max(y0, pos[m][1] + dy / d * step))
        temperature = max(temperature * 0.95, 0.5)
    return _fill(pos, box)


def _fill(
    pos: dict[str, list[float]], box: tuple[float, float, float, float]
) -> dict[str, tuple[float, float]]:
    """Stretch the layout to fill ``box``: the forces settle in its middle."""
    x0, y0, x1, y1 = box
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    w, h = max(xs) - min(xs), max(ys) - min(ys)
    sx = (x1 - x0) / w if w > 1 else 1.0
    sy = (y1 - y0) / h if h > 1 else 1.0
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    return {m: (mx + (p[0] - cx) * sx, my + (p[1] - cy) * sy) for m, p in pos.items()}


def _by_mentions(e: JSON) -> tuple[int, str]:
    return (-len(e["mentions"]), e["name"])
