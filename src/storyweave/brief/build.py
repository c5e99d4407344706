"""A story's brief, written from its claim ledger: every sentence cites the spans it rests on.

Sections, in the order a reader scans them (:mod:`.sections`):

1. **Headline**: the best-corroborated claim that an article asserts in its own voice; never
   a hedged, denied, disputed, single-source or only-attributed claim (no headline otherwise).
2. **What is established**: the other corroborated claims, each once, with their origins.
3. **What is disputed**: each disagreement, both sides with their sources.
4. **What changed**: update chains, each figure with its date and source.
5. **Reported by one source**: single-source claims, attributed in the sentence itself.
6. **Who said what**: speakers with their chains; their direct quotes complete.

Rules (:mod:`.wording`): a sentence is a whole clause and does not open with an unresolved
pronoun; an attributed claim is written with its attribution, a hedged or denied one with
its hedge or negation (in the articles' words); one fact is stated once (a sentence whose
evidence repeats an earlier sentence's is left out); every sentence passes
:func:`.support.supported` or is dropped (fail closed). Generated words are a closed set
(:data:`.wording.TEMPLATE_WORDS`) plus the source label they introduce.

DOCS: docs/stages/brief.md
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from .._types import JSON, ArticleId
from ..nlp.models import DATELINE
from ..nlp.sentences import span_doc
from ..pipeline.language import split_sentences
from .support import content_words, evidence_ok, supported
from .wording import article_label, is_clause, leading_pronoun

log = logging.getLogger(__name__)

# Two sentences state one fact when the later one's evidence overlaps an earlier one's by
# this share of its length (the same span cut twice, or a claim and the quote it came from).
REPEAT_OVERLAP: Final = 0.5
# A reference (path, id) this long is renamed inside an origin label too ("<path> (citing AP)").
_REF_MIN: Final = 8


@dataclass(frozen=True, slots=True)
class BriefSentence:
    """One emitted sentence. ``label`` names its sources, speaker or date; ``group`` ties
    the sides of a dispute, the steps of an update, or the quotes of one speaker together;
    ``claims`` are the ledger claims it states; ``allowed`` the generated words it may use
    beyond its evidence's (a template's and its source label's)."""

    section: str
    text: str
    evidence: tuple[JSON, ...]
    label: str = ""
    group: str = ""
    label_is_entity: bool = False
    claims: tuple[str, ...] = ()
    modality: str = "asserted"
    attribution: JSON | None = None
    allowed: frozenset[str] = frozenset()

    def to_json(self) -> JSON:
        out: JSON = {
            "text": self.text,
            "evidence": [dict(e) for e in self.evidence],
            "section": self.section,
            "label": self.label,
            "group": self.group,
            "claims": list(self.claims),
            "modality": self.modality,
        }
        if self.attribution:
            out["attribution"] = dict(self.attribution)
        return out


@dataclass
class Context:
    story: JSON
    texts: dict[ArticleId, str]
    body_ends: dict[ArticleId, int]
    labels: dict[ArticleId, str]
    articles: dict[ArticleId, JSON]
    entities: dict[str, JSON]
    attributions: dict[ArticleId, list[JSON]]
    docs: Mapping[ArticleId, Any] = field(default_factory=dict)
    """The parse of each article's body (from the store), which spans are cut from."""
    out: list[BriefSentence] = field(default_factory=list)
    dropped: int = 0
    stated: list[tuple[str, int, int]] = field(default_factory=list)
    done: set[str] = field(default_factory=set)
    parsed: dict[str, Any] = field(default_factory=dict)

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

    def repeats(self, evidence: Iterable[JSON]) -> bool:
        """Whether the first span of ``evidence`` and a span an earlier sentence stated
        overlap by :data:`REPEAT_OVERLAP` of the shorter one (one states the other's fact)."""
        first = next(iter(evidence), None)
        if first is None:
            return False
        aid, start, end = str(first["article"]), int(first["start"]), int(first["end"])
        for a, s, e in self.stated:
            shorter = min(end - start, e - s)
            if a == aid and (min(end, e) - max(start, s)) >= REPEAT_OVERLAP * shorter:
                return True
        return False

    def emit(self, sentence: BriefSentence) -> bool:
        """Keep ``sentence`` only if it is supported, whole and new (fail closed)."""
        allowed = sentence.allowed
        if not supported(sentence.text, sentence.evidence, self.texts, allowed=allowed):
            log.info("brief: dropped unsupported sentence %r", sentence.text)
            self.dropped += 1
            return False
        if leading_pronoun(sentence.text) or self.repeats(sentence.evidence):
            return False
        if self.restates(sentence.text):
            return False
        self.out.append(sentence)
        self.stated += [(str(e["article"]), int(e["start"]), int(e["end"])) for e in
                        sentence.evidence]  # fmt: skip
        self.done.update(sentence.claims)
        return True

    def restates(self, text: str) -> bool:
        """Whether ``text`` states an earlier sentence's fact in other words (the checker's
        measure, :func:`.check.repeat_score` >= :data:`.check.REPEAT_JACCARD`: a wire copy
        run by two outlets, a quote restating a claim)."""
        from .check import REPEAT_JACCARD, repeat_score

        doc = self.parse(text)
        return any(
            repeat_score(text, doc, s.text, self.parse(s.text)) >= REPEAT_JACCARD for s in self.out
        )

    def take_back(self) -> None:
        """Undo the last :meth:`emit` (a dispute with one side left, a one-step change)."""
        sentence = self.out.pop()
        del self.stated[len(self.stated) - len(sentence.evidence) :]

    def span_doc(self, aid: ArticleId, start: int, end: int, text: str) -> Any:
        """The ``Doc`` of ``text``, the span ``[start, end)`` of article ``aid``: cut from the
        article's parse, or parsed on its own when there is none."""
        return span_doc(self.docs.get(aid), start, end, text)

    def whole(self, ev: JSON) -> JSON | None:
        """The span of the body sentence holding ``ev``, when that sentence is a clause."""
        aid = str(ev["article"])
        text = self.texts.get(aid)
        if text is None:
            return None
        for span in split_sentences(text[: self.body_ends[aid]]):
            if span.start <= int(ev["start"]) < span.end:
                words = span.text_in(text)
                cut = len(words) - len(words.lstrip())
                dateline = DATELINE.match(words)  # "SHAWNEE, Okla. (AP) — ": not the sentence's
                cut = max(cut, dateline.end() if dateline else 0)
                start, end = span.start + cut, span.start + len(words.rstrip())
                if start < end and is_clause(self.span_doc(aid, start, end, text[start:end])):
                    return {"article": aid, "start": start, "end": end, "text": text[start:end]}
                return None
        return None

    def parse(self, text: str) -> Any:
        """The parse of a sentence the brief composed (parsed on its own, cached by text)."""
        found = self.parsed.get(text)
        if found is None:
            found = self.parsed[text] = span_doc(None, 0, len(text), text)
        return found

    def clause(self, ev: JSON) -> bool:
        return is_clause(
            self.span_doc(str(ev["article"]), int(ev["start"]), int(ev["end"]), ev["text"])
        )

    def sources(self, evidence: Iterable[JSON]) -> str:
        return "; ".join(dict.fromkeys(self.labels.get(str(e["article"]), "?") for e in evidence))

    def origins(self, claim: JSON) -> str:
        """The claim's independent origins, with readable names where the ledger used an
        article's reference (a file path) for an article without an outlet."""
        out = []
        for origin in claim.get("origins") or []:
            label = str(origin)
            for aid, article in self.articles.items():
                for ref in (str(article.get("ref") or ""), aid):
                    if ref == label or (len(ref) >= _REF_MIN and ref in label):
                        label = label.replace(ref, self.labels[aid])
            out.append(label)
        return "; ".join(dict.fromkeys(out)) or self.sources(claim.get("evidence", []))


def build_brief(story: JSON, report: JSON, *, docs: Mapping[ArticleId, Any] | None = None) -> JSON:
    """The brief of one story.

    Args:
        story: the story's report entry (``id``, ``articles``, ``claims``).
        report: the report (or a dict with its ``articles``, ``entities`` and
            ``attributions``) the story belongs to; only the story's articles are read.
        docs: the parse of each article's body (``AnnotatedArticle.doc``); the brief cuts the
            spans it checks from them, and parses only a span of an article without one.
    Returns:
        ``{"markdown", "html", "sentences": [{"text", "evidence", "section", "label",
        "group", "claims", "modality", "attribution"?}], "dropped"}``; ``dropped`` counts
        sentences left out for want of support.
    """
    from .render import render_brief_html, render_brief_markdown
    from .sections import write_sections

    ctx = context(story, report)
    ctx.docs = docs or {}
    write_sections(ctx, report.get("attributions", []))
    sentences = [s.to_json() for s in ctx.out]
    return {
        "markdown": render_brief_markdown(sentences, ctx.labels),
        "html": render_brief_html(sentences, ctx.labels, prefix=str(story.get("id", "brief"))),
        "sentences": sentences,
        "dropped": ctx.dropped,
    }


def context(story: JSON, report: JSON) -> Context:
    ids = set(story.get("articles", []))
    articles = [a for a in report.get("articles", []) if a["id"] in ids]
    attributions: dict[ArticleId, list[JSON]] = {}
    for row in report.get("attributions", []):
        attributions.setdefault(str(row.get("article")), []).append(row)
    return Context(
        story=story,
        texts={a["id"]: a["text"] for a in articles},
        body_ends={a["id"]: int(a.get("body_end") or len(a["text"])) for a in articles},
        labels={a["id"]: article_label(a) for a in articles},
        articles={a["id"]: a for a in articles},
        entities={e["id"]: e for e in report.get("entities", [])},
        attributions=attributions,
    )


def claim_rank(claim: JSON) -> tuple[int, int, int]:
    """Best-corroborated first: corroborated, then more independent sources, more evidence."""
    status = {"corroborated": 0, "conflicting": 1}.get(claim.get("status", ""), 2)
    return (status, -int(claim.get("independent_sources", 0)), -len(claim.get("evidence", [])))


def label_words(label: str) -> frozenset[str]:
    return frozenset(content_words(label))


def has_evidence(ctx: Context, claim: JSON) -> bool:
    return evidence_ok(ctx.evidence(claim.get("evidence", [])), ctx.texts)
