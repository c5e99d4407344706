"""A story's timeline as Markdown or as an HTML fragment (``storyweave timeline``).

Each entry: its date as a reader says it ("13 September 2023", "early 2023"), "(planned)"
when the event was still to come when reported (the date is the plan's, not the report's),
its text, and the sources it cites; the HTML is rendered by an autoescaping template, so
article text never becomes markup.

DOCS: docs/user-guide.md
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .._types import JSON
from ..brief.render import md_escape
from ..templating import environment
from ..timex.labels import date_label

_TEMPLATE = """<div class="timeline"><ol>
{% for e in entries %}<li><b class="date">{{ e.label }}</b>{% if e.planned %} <i class="planned">\
(planned)</i>{% endif %} <span class="tl">{{ e.text }}</span>
 <span class="src">({{ e.sources }})</span>{% if e.status %} <span class="status {{ e.status }}">\
{{ e.status }}</span>{% endif %}</li>
{% endfor %}</ol></div>
"""


def timeline_rows(entries: Sequence[JSON], labels: Mapping[str, str]) -> list[JSON]:
    """The entries with their date label and the names of the sources they cite."""
    rows = []
    for e in entries:
        sources = dict.fromkeys(labels.get(str(ev["article"]), "?") for ev in e["evidence"])
        rows.append({
            "label": date_label(str(e["date"]), e.get("mod")), "text": e["text"],
            "sources": "; ".join(sources), "status": e.get("status") or "",
            "date": e["date"], "precision": e.get("precision"), "planned": bool(e.get("planned")),
        })  # fmt: skip
    return rows


def render_timeline_markdown(entries: Sequence[JSON], labels: Mapping[str, str]) -> str:
    lines = [
        f"- **{md_escape(r['label'])}**{' (planned)' if r['planned'] else ''}: "
        f"{md_escape(r['text'])} ({md_escape(r['sources'])})"
        for r in timeline_rows(entries, labels)
    ]
    return "\n".join(lines) + "\n" if lines else ""


def render_timeline_html(entries: Sequence[JSON], labels: Mapping[str, str]) -> str:
    template = environment().from_string(_TEMPLATE)
    return str(template.render(entries=timeline_rows(entries, labels)))
