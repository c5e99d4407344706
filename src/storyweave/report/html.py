"""The static HTML report: one self-contained file (inline CSS, no external assets).

Article text is untrusted: the template autoescapes everything, and highlighted
text is passed as (text, class) segments, never as markup.
"""

from __future__ import annotations

import functools
from typing import Any

from .._types import JSON


@functools.lru_cache(maxsize=1)
def _environment() -> Any:
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(
        loader=PackageLoader("storyweave", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


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


def render_html(report: JSON) -> str:
    """Render the report as one HTML page."""
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
        views.append({"article": a, "segments": segments(a["text"], spans)})
    articles = {v["article"]["id"]: v for v in views}
    return str(
        _environment()
        .get_template("report.html")
        .render(report=report, articles=articles, entities=report["entities"])
    )
