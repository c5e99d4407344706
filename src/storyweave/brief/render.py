"""The brief as Markdown and as an HTML fragment, both from its list of sentences.

Each sentence is followed by its citation number; the evidence list at the end quotes
every span with its outlet and offsets. The HTML is rendered by an autoescaping template
from the same sentence dicts, so article text never becomes markup.

DOCS: docs/stages/brief.md
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from .._types import JSON
from ..templating import environment

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
SECTION_TITLES = {
    "established": "What is established",
    "disputed": "What is disputed",
    "changed": "What changed",
    "single_source": "Reported by one source",
    "who_said_what": "Who said what",
    "timeline": "Timeline",
}


def md_escape(text: str) -> str:
    """Escape the characters Markdown would read as markup."""
    text = _MD_SPECIAL.sub(r"\\\1", text.replace("\n", " "))
    return "\\" + text if text.startswith(("#", "-", "+", ">")) else text


def _md_item(s: JSON, n: int, previous: JSON | None) -> str:
    text, label, section = md_escape(s["text"]), md_escape(s["label"]), s["section"]
    same = bool(previous and previous["group"] and previous["group"] == s["group"])
    if section == "timeline":
        return f"- **{label}**: {text} [{n}]"
    if section == "who_said_what":
        head = "" if same else f"- **{label}**\n"
        return f"{head}  - {text} [{n}]"
    if section == "disputed" and same:
        return f"  - versus: {text} [{n}] ({label})"
    if section == "changed" and same:
        return f"  - then: {text} [{n}] ({label})"
    return f"- {text} [{n}] ({label})"


def render_brief_markdown(sentences: Sequence[JSON], outlets: Mapping[str, str]) -> str:
    """The brief in Markdown: the headline, the sections, then the numbered evidence."""
    lines: list[str] = []
    section = ""
    previous: JSON | None = None
    for n, s in enumerate(sentences, 1):
        if s["section"] == "headline":
            lines += [f"# {md_escape(s['text'])} [{n}]", ""]
        else:
            if s["section"] != section:
                section = s["section"]
                lines += ([""] if lines and lines[-1] else []) + [
                    f"## {SECTION_TITLES[section]}",
                    "",
                ]
            lines.append(_md_item(s, n, previous))
        previous = s
    if sentences:
        lines += ["", "## Evidence", ""]
        for n, s in enumerate(sentences, 1):
            quotes = "; ".join(
                f"{md_escape(outlets.get(e['article'], e['article']))}, "
                f"{e['start']}–{e['end']}: “{md_escape(e['text'])}”"
                for e in s["evidence"]
            )
            lines.append(f"{n}. {quotes}")
    return "\n".join(lines).strip() + "\n" if lines else ""


def render_brief_html(
    sentences: Sequence[JSON], outlets: Mapping[str, str], *, prefix: str = "brief"
) -> str:
    """The brief as an HTML fragment (``<div class="brief">``); ids start with ``prefix``."""
    numbered = [{**s, "n": n} for n, s in enumerate(sentences, 1)]
    sections: list[tuple[str, list[JSON]]] = []
    for s in numbered:
        if s["section"] == "headline":
            continue
        if not sections or sections[-1][0] != s["section"]:
            sections.append((s["section"], []))
        sections[-1][1].append(s)
    return str(
        environment()
        .get_template("brief.html")
        .render(
            prefix=prefix,
            headline=[s for s in numbered if s["section"] == "headline"],
            sections=sections,
            titles=SECTION_TITLES,
            sentences=numbered,
            outlets=outlets,
        )
    )
