"""The static HTML report: one self-contained file (inline CSS, no external assets).

Article text is untrusted: the template autoescapes everything, and highlighted
text is passed as (text, class) segments, never as markup.
"""

from __future__ import annotations

from .._types import JSON
from ..templating import environment


def segments(text: str, spans: list[tuple[int, int, str, str]]) -> list[tuple[str, str, str]]:
    """Cut ``text`` into (text, css class, title) pieces; overlapping spans keep the earliest."""
    out: list[tuple[str, str, str]] = []
    cursor = 0
    for start, end, css, title in sorted(spans, key=_span_order):
        if start < cursor or end <= start:
            continue
        if start > cursor:
            out.append((text[cursor:start], "", ""))
        out.append((text[start:end], css, title))
        cursor = end
    if cursor < len(text):
        out.append((text[cursor:], "", ""))
    return out


def _span_order(span: tuple[int, int, str, str]) -> tuple[int, int]:
    return (span[0], -span[1])


def layered(
    text: str, outer: list[tuple[int, int, str, str]], inner: list[tuple[int, int, str, str]]
) -> list[JSON]:
    """Cut ``text`` by the ``outer`` spans (claim evidence), then each piece by the ``inner``
    ones (entities, timexes) clipped to it: ``[{"css", "title", "pieces": segments}]``."""
    out: list[JSON] = []
    for piece, css, title in segments(text, outer):
        start = sum(len(p["text"]) for p in out)
        end = start + len(piece)
        clipped = [
            (max(s, start) - start, min(e, end) - start, c, t)
            for s, e, c, t in inner
            if s < end and e > start
        ]
        out.append({"text": piece, "css": css, "title": title, "pieces": segments(piece, clipped)})
    return out


def _claim_spans(report: JSON, aid: str) -> list[tuple[int, int, str, str]]:
    spans: list[tuple[int, int, str, str]] = []
    for story in report["stories"]:
        for c in story["claims"]:
            for ev in c["evidence"]:
                if ev["article"] == aid:
                    css = f"claim claim-{c['status'].replace('_', '-')}"
                    spans.append((ev["start"], ev["end"], css, f"{c['status']}: {c['text']}"))
    return spans


def render_html(report: JSON) -> str:
    """Render the report as one HTML page: per story its brief, timeline and claims (coloured
    by status), and its articles side by side with the claims' evidence highlighted."""
    from ..brief import render_brief_html
    from ..brief.wording import article_label

    entity_of = {}
    for e in report["entities"]:
        for m in e["mentions"]:
            entity_of[(m["article"], m["start"], m["end"])] = e
    views = []
    for a in report["articles"]:
        spans: list[tuple[int, int, str, str]] = []
        for (aid, start, end), e in entity_of.items():
            if aid == a["id"]:
                spans.append(
                    (start, end, f"ent ent-{e['type'].lower()}", f"{e['name']} ({e['type']})")
                )
        for x in report["timexes"]:
            if x["article"] == a["id"]:
                spans.append((x["start"], x["end"], "timex", f"{x['type']} {x['value']}"))
        layers = layered(a["text"], _claim_spans(report, a["id"]), spans)
        views.append({"article": a, "layers": layers})
    articles = {v["article"]["id"]: v for v in views}
    outlets = {a["id"]: article_label(a) for a in report["articles"]}
    briefs = {
        s["id"]: render_brief_html(
            [b for b in s["brief"]["sentences"] if b.get("section") != "timeline"],
            outlets,
            prefix=s["id"],
        )
        for s in report["stories"]
        if s["brief"]["sentences"]
    }
    return str(
        environment()
        .get_template("report.html")
        .render(
            report=report,
            articles=articles,
            entities=report["entities"],
            briefs=briefs,
            outlets=outlets,
            date_label=_date_label,
        )
    )


def _date_label(value: str, mod: str | None = None) -> str:
    from ..timex.labels import date_label

    return date_label(value, mod)
