"""A story's brief: a short account in which every sentence cites the spans it rests on.

Sections, in order: a headline; a lead paragraph from the best-corroborated claims;
"Reported by only one source"; "Disputed" (both sides, each with its sources); "Who said
what" (attributions with their speakers and chains); "Timeline". Claims arrive as the
report's claim dicts (``id, text, status, evidence, independent_sources, conflicts_with,
why``), so this module needs nothing from the claims code.

Every candidate sentence passes :func:`.support.supported` or is dropped (fail closed):
its evidence must lie in the articles and hold every content word of it. The wording
is the articles': a claim's own text when its evidence supports it, else the text of
its first evidence span, lightly compressed.

DOCS: docs/stages/brief.md
"""

from __future__ import annotations

import calendar
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from .._types import JSON, ArticleId
from ..nlp.sentences import span_doc
from ..pipeline.language import split_sentences
from ..timeline.compress import compress_sentence
from .support import evidence_ok, supported

log = logging.getLogger(__name__)

LEAD_MAX: Final = 3
SINGLE_SOURCE_MAX: Final = 8
DISPUTED_MAX: Final = 6
QUOTES_MAX: Final = 12
QUOTES_PER_SPEAKER: Final = 3
SECTIONS: Final[dict[str, str]] = {
    "headline": "",
    "lead": "",
    "single_source": "Reported by only one source",
    "disputed": "Disputed",
    "who_said_what": "Who said what",
    "timeline": "Timeline",
}
_OPENING_QUOTES: Final = ("“", '"', "‘", "«")


@dataclass(frozen=True, slots=True)
class BriefSentence:
    """One emitted sentence. ``label`` names its sources, speaker or date; ``group`` ties
    the two sides of a dispute, or the quotes of one speaker, together."""

    section: str
    text: str
    evidence: tuple[JSON, ...]
    label: str = ""
    group: str = ""
    label_is_entity: bool = False

    def to_json(self) -> JSON:
        return {
            "text": self.text,
            "evidence": [dict(e) for e in self.evidence],
            "section": self.section,
            "label": self.label,
            "group": self.group,
        }


@dataclass
class _Context:
    story: JSON
    texts: dict[ArticleId, str]
    body_ends: dict[ArticleId, int]
    outlets: dict[ArticleId, str]
    entities: dict[str, JSON]
    docs: Mapping[ArticleId, Any] = field(default_factory=dict)
    """The parse of each article's body (from the store), which spans are cut from."""
    out: list[BriefSentence] = field(default_factory=list)
    dropped: int = 0

    def evidence(self, rows: Iterable[JSON]) -> tuple[JSON, ...]:
        """Rows with their ``text`` filled in from the articles where it is missing; a given
        ``text`` is kept, so that a span that does not say it fails the support check."""
        out: list[JSON] = []
        for ev in rows:
            row = {"article": ev.get("article"), "start": ev.get("start"), "end": ev.get("end")}
            text = self.texts.get(str(row["article"]))
            start, end = row["start"], row["end"]
            if "text" in ev:
                row["text"] = ev["text"]
            elif text is not None and isinstance(start, int) and isinstance(end, int):
                row["text"] = text[start:end]
            out.append(row)
        return tuple(out)

    def emit(self, sentence: BriefSentence) -> bool:
        """Keep ``sentence`` only if its evidence supports it (fail closed)."""
        if not supported(sentence.text, sentence.evidence, self.texts):
            log.info("brief: dropped unsupported sentence %r", sentence.text)
            self.dropped += 1
            return False
        self.out.append(sentence)
        return True

    def span_doc(self, aid: ArticleId, start: int, end: int, text: str) -> Any:
        """The ``Doc`` of ``text``, the span ``[start, end)`` of article ``aid``: cut from the
        article's parse, or parsed on its own when there is none."""
        return span_doc(self.docs.get(aid), start, end, text)

    def sources(self, evidence: Iterable[JSON]) -> str:
        names = dict.fromkeys(self.outlets.get(str(e["article"]), "?") for e in evidence)
        return "; ".join(names)


def build_brief(story: JSON, report: JSON, *, docs: Mapping[ArticleId, Any] | None = None) -> JSON:
    """The brief of one story.

    Args:
        story: the story's report entry (``id``, ``articles``, ``claims``, ``timeline``).
        report: the report (or a dict with its ``articles``, ``entities`` and
            ``attributions``) the story belongs to; only the story's articles are read.
        docs: the parse of each article's body (``AnnotatedArticle.doc``); the brief cuts the
            spans it compresses from them, and parses only a span of an article without one.
    Returns:
        ``{"markdown", "html", "sentences": [{"text", "evidence", "section", "label",
        "group"}], "dropped"}``; ``dropped`` counts sentences left out for want of support.
    """
    from .render import render_brief_html, render_brief_markdown

    ctx = _context(story, report)
    ctx.docs = docs or {}
    _headline(ctx)
    _claim_sections(ctx)
    _who_said_what(ctx, report.get("attributions", []))
    for entry in story.get("timeline", []):
        ctx.emit(
            BriefSentence(
                "timeline", entry["text"], ctx.evidence(entry["evidence"]),
                label=date_label(entry["date"], entry.get("mod")),
            )
        )  # fmt: skip
    sentences = [s.to_json() for s in ctx.out]
    return {
        "markdown": render_brief_markdown(sentences, ctx.outlets),
        "html": render_brief_html(sentences, ctx.outlets, prefix=str(story.get("id", "brief"))),
        "sentences": sentences,
        "dropped": ctx.dropped,
    }


def _context(story: JSON, report: JSON) -> _Context:
    ids = set(story.get("articles", []))
    articles = [a for a in report.get("articles", []) if a["id"] in ids]
    return _Context(
        story=story,
        texts={a["id"]: a["text"] for a in articles},
        body_ends={a["id"]: int(a.get("body_end") or len(a["text"])) for a in articles},
        outlets={a["id"]: a.get("outlet") or a.get("ref") or a["id"] for a in articles},
        entities={e["id"]: e for e in report.get("entities", [])},
    )


def claim_rank(claim: JSON) -> tuple[int, int, int]:
    """Best-corroborated first: corroborated, then more independent sources, more evidence."""
    status = {"corroborated": 0, "conflicting": 1}.get(claim.get("status", ""), 2)
    return (status, -int(claim.get("independent_sources", 0)), -len(claim.get("evidence", [])))


def _claim_sentence(ctx: _Context, claim: JSON, section: str, group: str = "") -> bool:
    """Emit the claim's own text, else its first evidence span's text, lightly compressed."""
    evidence = ctx.evidence(claim.get("evidence", []))
    if not evidence_ok(evidence, ctx.texts):
        ctx.dropped += 1
        return False
    label = ctx.sources(evidence)
    text = str(claim.get("text", "")).strip()
    if supported(text, evidence, ctx.texts):
        return ctx.emit(BriefSentence(section, _sentence_case(text), evidence, label, group))
    first = evidence[0]
    doc = ctx.span_doc(str(first["article"]), first["start"], first["end"], first["text"])
    clause = compress_sentence(doc)
    fallback = clause.text if clause else first["text"].strip()
    return ctx.emit(BriefSentence(section, fallback, evidence, label, group))


def _sentence_case(text: str) -> str:
    text = text[0].upper() + text[1:] if text and text[0].islower() else text
    return text if text.endswith((".", "!", "?", "”", '"')) else text + "."


def _headline(ctx: _Context) -> None:
    claims = sorted(ctx.story.get("claims", []), key=claim_rank)
    if claims and _claim_sentence(ctx, claims[0], "headline"):
        return
    # no claims: the shortest opening sentence among the story's articles
    openings: list[BriefSentence] = []
    for aid in ctx.story.get("articles", []):
        text = ctx.texts.get(aid)
        if text is None:
            continue
        for span in split_sentences(text[: ctx.body_ends[aid]])[:1]:
            doc = ctx.span_doc(aid, span.start, span.end, span.text_in(text))
            clause = compress_sentence(doc)
            if clause is None:
                continue
            start, end = span.start + clause.start, span.start + clause.end
            ev = ctx.evidence([{"article": aid, "start": start, "end": end}])
            openings.append(BriefSentence("headline", clause.text, ev, ctx.sources(ev)))
    for sentence in sorted(openings, key=_length):
        if ctx.emit(sentence):
            return


def _length(sentence: BriefSentence) -> int:
    return len(sentence.text)


def _claim_sections(ctx: _Context) -> None:
    claims: list[JSON] = sorted(ctx.story.get("claims", []), key=claim_rank)
    headline = claims[0]["id"] if claims and ctx.out and ctx.out[0].section == "headline" else ""
    lead = [c for c in claims if c["status"] == "corroborated" and c["id"] != headline]
    for claim in lead[:LEAD_MAX]:
        _claim_sentence(ctx, claim, "lead")
    single = [c for c in claims if c["status"] == "single_source" and c["id"] != headline]
    for claim in sorted(single, key=_claim_position)[:SINGLE_SOURCE_MAX]:
        _claim_sentence(ctx, claim, "single_source")
    _disputed(ctx, [c for c in claims if c["status"] == "conflicting"])


def _claim_position(claim: JSON) -> tuple[str, int]:
    ev = claim.get("evidence") or [{"article": "", "start": 0}]
    return (str(ev[0]["article"]), int(ev[0]["start"]))


def _disputed(ctx: _Context, conflicting: Sequence[JSON]) -> None:
    by_id = {c["id"]: c for c in ctx.story.get("claims", [])}
    done: set[str] = set()
    groups = 0
    for claim in sorted(conflicting, key=_claim_position):
        if claim["id"] in done or groups >= DISPUTED_MAX:
            continue
        sides = [claim] + [by_id[o] for o in claim.get("conflicts_with", []) if o in by_id]
        group = "d" + str(groups + 1)
        emitted = [_claim_sentence(ctx, side, "disputed", group) for side in sides]
        done |= {side["id"] for side in sides}
        groups += any(emitted)


def _who_said_what(ctx: _Context, attributions: Iterable[JSON]) -> None:
    groups: dict[str, list[BriefSentence]] = {}
    for row in attributions:
        if row.get("article") not in ctx.texts or not row.get("source"):
            continue
        if row.get("statement") is False:  # an act or a stance ("Kozlov welcomed Kim")
            continue
        sentence = _quote_sentence(ctx, row)
        if sentence is not None:
            groups.setdefault(sentence.group, []).append(sentence)
    emitted = 0
    for items in sorted(groups.values(), key=_speaker_order):
        for sentence in items[:QUOTES_PER_SPEAKER]:
            if emitted < QUOTES_MAX and ctx.emit(sentence):
                emitted += 1


def _words_at(ctx: _Context, aid: str, span: JSON) -> str:
    """The article's own words at ``span`` (never the row's copy of them)."""
    return ctx.texts[aid][int(span["start"]) : int(span["end"])].strip()


def _speaker_order(items: list[BriefSentence]) -> tuple[bool, int]:
    """Speakers that are entities first, then those quoted most (the sort is stable)."""
    return (not items[0].label_is_entity, -len(items))


def _quote_sentence(ctx: _Context, row: JSON) -> BriefSentence | None:
    aid = str(row["article"])
    source, cue, content = row["source"], row.get("cue"), row.get("content")
    parts = [p for p in (source, cue, content) if isinstance(p, dict)]
    if content is None or len(parts) < 2:
        return None
    relayed = _relayed_from(ctx.texts[aid], source, content)
    if relayed is not None:  # "Citing Peskov, TASS reported that ...": the carrier said it
        parts = [{"start": relayed, "end": content["end"]}]
    evidence = ctx.evidence(
        {"article": aid, "start": p.get("start"), "end": p.get("end")} for p in parts
    )
    if not evidence_ok(evidence, ctx.texts):
        return None
    said = _words_at(ctx, aid, content)
    who = _words_at(ctx, aid, source)
    if relayed is not None:
        text = ctx.texts[aid][relayed : content["end"]].strip()
    elif content["start"] <= source["start"] and source["end"] <= content["end"]:
        text = said  # the speaker is inside the words ("Warner Brothers appears to be ...")
    elif row.get("kind") == "according_to" and cue:
        text = f"{_words_at(ctx, aid, cue)} {who}, {said}"
    elif cue:
        sep = ":" if said.startswith(_OPENING_QUOTES) else ""
        text = f"{who} {_words_at(ctx, aid, cue)}{sep} {said}"
    else:
        text = f"{who}: {said}"
    entity = ctx.entities.get(str(row.get("speaker") or ""))
    speaker = entity["name"] if entity else (row.get("speaker_name") or who)
    own = {speaker, *(entity["aliases"] if entity else ())}
    chain = [c for c in row.get("chain", []) if c not in own and not _part_of(c, speaker)]
    label = speaker + (f" (via {' → '.join(chain)})" if chain else "")
    return BriefSentence(
        "who_said_what", _sentence_case(text), evidence, label, speaker, entity is not None
    )


_RELAY = re.compile(r"\b(?:citing|quoting)\s+$", re.IGNORECASE)


def _relayed_from(text: str, source: JSON, content: JSON) -> int | None:
    """Where "Citing"/"quoting" opens the source phrase, when the source comes before the
    content: the cue then belongs to the outlet that relays the words, and the brief keeps the
    article's own words from "Citing" on, in order."""
    start = int(source["start"])
    found = _RELAY.search(text, max(0, start - 12), start)
    if found is None or start >= int(content["start"]):
        return None
    return found.start()


def _part_of(name: str, speaker: str) -> bool:
    """Whether ``name`` is the speaker under a shorter name ("Lohan" of "Lindsay Lohan")."""
    words = name.casefold().split()
    return bool(words) and set(words) <= set(speaker.casefold().split())


_MONTHS: Final = tuple(calendar.month_name[1:])
_MODS: Final = {"START": "early", "MID": "mid-", "END": "late", "APPROX": "about"}


def date_label(value: str, mod: str | None = None) -> str:
    """A reader's label for a TIMEX3 value: "2023-05" -> "May 2023", "2023-09-13" ->
    "13 September 2023"; other values stay as they are. ``mod`` START gives "early 2023"."""
    parts = value.split("T", 1)[0].split("-")
    label = value
    month = int(parts[1]) if len(parts) in {2, 3} and all(p.isdigit() for p in parts) else 0
    if 1 <= month <= 12 and len(parts) == 3:
        label = f"{int(parts[2])} {_MONTHS[month - 1]} {parts[0]}"
    elif 1 <= month <= 12:
        label = f"{_MONTHS[month - 1]} {parts[0]}"
    prefix = _MODS.get(mod or "")
    if prefix:
        label = f"{prefix}{label}" if prefix.endswith("-") else f"{prefix} {label}"
    return label
