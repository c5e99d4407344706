"""The story page's view model, cut from the story's JSON report.

Claims, brief sentences, timeline entries and entities are numbered, and every
evidence span becomes a :class:`Mark` in its article carrying the same token
(``c3``, ``b0``, ``t2``, ``e5``, ``d1``), so a click on a claim lights up its
evidence in every article beside it (``storyweave.js``). Nothing here copies or
rewrites article text: the pieces are slices of it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Final

from ..._types import JSON
from ...brief.wording import article_label
from ...report import speaker_label as speaker_name
from ...timeline.dates import event_date
from .dates import readable_date
from .graph import Graph, entity_graph
from .highlight import Mark, Piece, pieces
from .timeline_svg import TimelineAxis, timeline_axis

TYPE_CSS = {
    "PERSON": "ent-person",
    "ORG": "ent-org",
    "LOC": "ent-loc",
    "PRODUCT": "ent-product",
    "OTHER": "ent-other",
}
# Time expressions listed when the report carries no timeline yet.
DATED_TYPES = ("DATE", "TIME")
# The claim groups in reading order: (status, id, title, open by default).
CLAIM_GROUPS: Final = (
    ("conflicting", "disputed", "Disputed", True),
    ("updated", "changed", "Changed figures", True),
    ("corroborated", "established", "Established facts", True),
    ("single_source", "single-source", "Single source", False),
)
# Story views kept (each holds its report, which the catalogue caches too).
VIEW_CACHE_SIZE = 16


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    status: str
    id: str
    title: str
    open: bool
    claims: list[JSON]


@dataclass
class ArticleView:
    article: JSON
    pieces: list[Piece]
    marks: int


@dataclass
class StoryView:
    story: JSON
    claims: list[JSON]
    brief: list[JSON]
    brief_markdown: str
    timeline: list[JSON]
    dates: list[JSON]
    entities: list[JSON]
    quotes: list[JSON]
    articles: list[ArticleView]
    graph: Graph
    notes: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    coverage: JSON = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    """A readable source name per article id (its outlet, domain or title)."""
    axis: TimelineAxis | None = None
    marks: dict[str, list[str]] = field(default_factory=dict)
    """Per article id, what the coverage says of it: "copy of X", "rewrite of Y", "first report"."""

    @property
    def claim_groups(self) -> list[ClaimGroup]:
        """The claims by status, disputed first, single-source last (collapsed)."""
        out = []
        for status, gid, title, is_open in CLAIM_GROUPS:
            claims = [c for c in self.claims if c["status"] == status]
            if claims:
                out.append(ClaimGroup(status, gid, title, is_open, claims))
        known = {g[0] for g in CLAIM_GROUPS}
        other = [c for c in self.claims if c["status"] not in known]
        if other:
            out.append(ClaimGroup("other", "other-claims", "Other claims", True, other))
        return out

    @property
    def brief_sections(self) -> list[tuple[str, str, list[JSON]]]:
        """The brief's sentences by section, in order: (section, title, sentences)."""
        from ...brief.render import SECTION_TITLES

        out: list[tuple[str, str, list[JSON]]] = []
        for b in self.brief:
            section = str(b.get("section", ""))
            if not out or out[-1][0] != section:
                out.append((section, SECTION_TITLES.get(section, ""), []))
            out[-1][2].append(b)
        return out


_views: OrderedDict[str, tuple[JSON, StoryView]] = OrderedDict()
_views_lock = threading.Lock()


def story_view(report: JSON) -> StoryView:
    """The view of the (only) story in ``report``, built once per report object.

    The catalogue hands out the same report object until the store changes, so the
    highlights, the graph layout and the timeline axis are computed once per story and
    revision, not on every request. Nothing renders into a view, so sharing it is safe.
    """
    key = str(report["stories"][0]["id"])
    with _views_lock:
        hit = _views.get(key)
        if hit is not None and hit[0] is report:
            _views.move_to_end(key)
            return hit[1]
    view = build_story_view(report)
    with _views_lock:
        _views[key] = (report, view)
        while len(_views) > VIEW_CACHE_SIZE:
            _views.popitem(last=False)
    return view


def build_story_view(report: JSON) -> StoryView:
    """The view of the (only) story in ``report`` (no cache)."""
    story = report["stories"][0]
    marks: dict[str, list[Mark]] = {a: [] for a in story["articles"]}
    claims = _claims(story, marks)
    brief = _numbered(story["brief"]["sentences"], "b", "ev-brief", marks)
    timeline = _numbered(sorted(story["timeline"], key=_by_date), "t", "ev-time", marks)
    for i, t in enumerate(timeline):
        t["n"] = i + 1
        t["label"] = readable_date(str(t.get("date") or ""), t.get("mod"))
    entities = _entities(report, marks)
    dates = _dates(report, marks) if not timeline else []
    quotes = _quotes(report, marks)
    for a in report["articles"]:
        body_end = a.get("body_end")
        if a["id"] in marks and isinstance(body_end, int) and body_end < len(a["text"]):
            marks[a["id"]].append(Mark(body_end, len(a["text"]), "credit", "credit line"))
        body_start = a.get("body_start")
        if a["id"] in marks and isinstance(body_start, int) and body_start > 0:
            marks[a["id"]].append(Mark(0, body_start, "credit", "dateline or byline"))
    articles = [
        ArticleView(a, pieces(a["text"], marks[a["id"]]), len(marks[a["id"]]))
        for a in report["articles"]
        if a["id"] in marks
    ]
    labels = {a["id"]: article_label(a) for a in report["articles"]}
    counts = dict.fromkeys(("corroborated", "single_source", "conflicting", "updated"), 0)
    for c in claims:
        counts[c["status"]] = counts.get(c["status"], 0) + 1
    return StoryView(
        story=story,
        claims=claims,
        brief=brief,
        brief_markdown=story["brief"]["markdown"],
        timeline=timeline,
        dates=dates,
        entities=entities,
        quotes=quotes,
        articles=articles,
        graph=entity_graph(report),
        notes=list(report.get("notes", [])),
        counts=counts,
        coverage=story.get("coverage") or {},
        labels=labels,
        axis=timeline_axis(timeline) if timeline else None,
        marks=_article_marks(story.get("coverage") or {}, labels),
    )


def article_view(report: JSON) -> ArticleView:
    """One article with its entities, time expressions and quotes marked."""
    a = report["articles"][0]
    marks: dict[str, list[Mark]] = {a["id"]: []}
    _entities(report, marks)
    _dates(report, marks)
    _quotes(report, marks)
    return ArticleView(a, pieces(a["text"], marks[a["id"]]), len(marks[a["id"]]))


def _claims(story: JSON, marks: dict[str, list[Mark]]) -> list[JSON]:
    anchors = {c["id"]: f"claim-{i}" for i, c in enumerate(story["claims"])}
    titles = {c["id"]: c["text"] for c in story["claims"]}
    out = []
    for i, c in enumerate(story["claims"]):
        ref = f"c{i}"
        css = f"ev ev-{c['status']}"
        for ev in c["evidence"]:
            if ev["article"] in marks:
                marks[ev["article"]].append(
                    Mark(ev["start"], ev["end"], css, f"{c['status']}: {c['text']}", ref)
                )
        conflicts = [
            {"anchor": anchors[x], "text": titles[x]} for x in c["conflicts_with"] if x in anchors
        ]
        revised = [
            {"anchor": anchors[x], "text": titles[x]}
            for x in c.get("superseded_by", [])
            if x in anchors
        ]
        out.append(
            {**c, "ref": ref, "anchor": anchors[c["id"]], "conflicts": conflicts,
             "revised": revised}
        )  # fmt: skip
    return out


def _numbered(items: list[JSON], prefix: str, css: str, marks: dict[str, list[Mark]]) -> list[JSON]:
    out = []
    for i, item in enumerate(items):
        ref = f"{prefix}{i}"
        for ev in item.get("evidence", []):
            if ev["article"] in marks:
                marks[ev["article"]].append(Mark(ev["start"], ev["end"], css, "cited", ref))
        out.append({**item, "ref": ref, "sources": len({e["article"] for e in item["evidence"]})})
    return out


def _entities(report: JSON, marks: dict[str, list[Mark]]) -> list[JSON]:
    out = []
    for i, e in enumerate(report["entities"]):
        ref = f"e{i}"
        css = "ent " + TYPE_CSS.get(e["type"], "ent-other")
        n = 0
        for m in e["mentions"]:
            if m["article"] in marks:
                marks[m["article"]].append(
                    Mark(m["start"], m["end"], css, f"{e['name']} · {e['type']}", ref)
                )
                n += 1
        if n:
            out.append({**e, "ref": ref, "count": n})
    return out


def _dates(report: JSON, marks: dict[str, list[Mark]]) -> list[JSON]:
    groups: dict[str, JSON] = {}
    for x in report["timexes"]:
        if x["article"] not in marks:
            continue
        marks[x["article"]].append(Mark(x["start"], x["end"], "timex", f"{x['type']} {x['value']}"))
        if x["type"] in DATED_TYPES and x.get("anchored", True):
            g = groups.setdefault(x["value"], {"value": x["value"], "texts": [], "count": 0})
            g["count"] += 1
            if x["text"] not in g["texts"]:
                g["texts"].append(x["text"])
    out = sorted(groups.values(), key=_by_value)
    for i, g in enumerate(out):
        g["ref"] = f"d{i}"
        g["label"] = readable_date(str(g["value"]))
    refs = {g["value"]: g["ref"] for g in out}
    for x in report["timexes"]:
        if x["article"] in marks and x["value"] in refs and x["type"] in DATED_TYPES:
            marks[x["article"]].append(Mark(x["start"], x["end"], "", "", refs[x["value"]]))
    return out


def _quotes(report: JSON, marks: dict[str, list[Mark]]) -> list[JSON]:
    names = {e["id"]: e["name"] for e in report["entities"]}
    out = []
    for i, q in enumerate(report["attributions"]):
        if q["article"] not in marks:
            continue
        ref = f"q{i}"
        name = speaker_name(q, names) or "unattributed"
        spans: list[tuple[Any, str]] = [
            (q["content"], f"quote quote-{q['kind']}"),
            (q.get("cue"), "cue"),
            (q.get("source"), "qsource"),
        ]
        for span, css in spans:
            if span:
                marks[q["article"]].append(
                    Mark(span["start"], span["end"], css, f"{q['kind']} quote: {name}", ref)
                )
        out.append({**q, "ref": ref, "speaker_name": name})
    return out


def _article_marks(coverage: JSON, labels: dict[str, str]) -> dict[str, list[str]]:
    marks: dict[str, list[str]] = {}
    for f in coverage.get("first_report", []):
        marks.setdefault(f["article"], []).append("first report")
    for c in coverage.get("copies", []):
        kind = "near copy" if c.get("kind") == "near" else "copy"
        of = labels.get(c.get("original", ""), c.get("original", ""))
        marks.setdefault(c["article"], []).append(f"{kind} of {of}")
    for d in coverage.get("derived", []):
        src = labels.get(d.get("source", ""), d.get("source", ""))
        marks.setdefault(d["article"], []).append(f"derived from {src}")
    for t in coverage.get("translated", []):
        of = labels.get(t.get("original", ""), t.get("original", ""))
        marks.setdefault(t["article"], []).append(f"translation of {of}")
    return marks


def _by_date(entry: JSON) -> tuple[int, Any]:
    """Calendar order (coarse before fine), then values that name no calendar point."""
    value = str(entry.get("date") or "")
    placed = event_date(value)
    return (0, placed) if placed is not None else (1, value)


def _by_value(group: JSON) -> str:
    return str(group["value"])
