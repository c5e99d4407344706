"""What a story's report says about the evidence of one brief sentence, for the checker.

Who its evidence is attributed to (claim rows' speakers and chains, attributions whose
content covers a span, less the article's own outlet and credit), which sources the evidence
shows at all, the names a sentence must carry, the article sentences around its cited spans
(:func:`contexts`) and the modality its claims and those sentences give what it cites.

DOCS: docs/stages/brief.md
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final
from urllib.parse import urlsplit

from .._types import JSON
from ..claims.lexicon import stem
from ..quotes.cues import ORG_NOUNS, ROLE_CLASSES, UNNAMED_SOURCES
from . import sentence_checks as sc
from .check_claims import overlap, stated_claims, stems, valid, words_of
from .support import STOP_WORDS, content_words, evidence_ok, supported, unsupported_words

COVER_MIN: Final = 0.5
"""An attribution (or, for a sentence that states no claim, a claim row) speaks for an
evidence span when its content covers at least this share of the span's characters."""
_WORD: Final = re.compile(r"[^\W_]+", re.UNICODE)
_CUT: Final = frozenset({"of", "at", "in", "from", "with", "for", "to", "on", "by", "close"})
_SOURCE_NOUNS: Final = UNNAMED_SOURCES | ORG_NOUNS | frozenset(ROLE_CLASSES)


def name_keys(name: str) -> set[str]:
    """The words by which a sentence names a source: the capitalised words of a name
    ("Vladimir Putin" -> putin, vladimir); for an unnamed source, its head noun before any
    preposition ("a friend of the actress" -> friend, "the museum's director" -> director)."""
    words = _WORD.findall(name.replace("’", "'"))
    caps = [w.lower() for w in words if w[:1].isupper() and w.lower() not in STOP_WORDS]
    if caps:
        return stems(caps)
    head: list[str] = []
    for w in (w.lower() for w in words):
        if w in _CUT and head:
            break
        if w not in STOP_WORDS:
            head.append(w)
    nouns = [w for w in head if w in _SOURCE_NOUNS or w.rstrip("s") in _SOURCE_NOUNS]
    return stems((nouns or head)[-1:])


@dataclass
class StoryEvidence:
    texts: dict[str, str]
    own: dict[str, set[str]]
    """Per article, the words of its own outlet, credit line and web host."""
    labels: dict[str, list[str]]
    """Per article, the names a brief may give its source: outlet, credit, host, title."""
    attributions: dict[str, list[JSON]]
    aliases: dict[str, set[str]]
    claims: list[JSON]
    parse: Callable[[Sequence[str]], list[Any]]
    rows: dict[str, list[JSON]] = field(default_factory=dict)
    bounds: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def sentences(self, article: str) -> list[tuple[int, int]]:
        """The article's sentence spans (the pipeline's splitter), computed once."""
        if article not in self.bounds:
            from ..pipeline.language import split_sentences

            spans = split_sentences(self.texts[article])
            self.bounds[article] = [(s.start, s.end) for s in spans]
        return self.bounds[article]

    def span_text(self, row: JSON) -> str:
        return self.texts[str(row["article"])][int(row["start"]) : int(row["end"])]

    def names(self, raw: Iterable[Any], article: str, *, own: bool = False) -> set[str]:
        """Source names with the aliases of their entities; less the article's own outlet and
        credit unless ``own``."""
        out: set[str] = set()
        for name in (str(n) for n in raw if n):
            if own or not words_of(name) <= self.own.get(article, set()):
                out |= {name} | self.aliases.get(name.casefold(), set())
        return out


def _labels(article: JSON) -> list[str]:
    """Outlet, credit line, web host and title of an article (the title last)."""
    url = str(article.get("url") or "")
    host = urlsplit(url).hostname if url.startswith(("http://", "https://")) else None
    keys = ("outlet", "credit")
    return [*(str(article.get(k) or "") for k in keys), host or "", str(article.get("title") or "")]


def story_evidence(story: JSON, report: JSON, nlp: Any) -> StoryEvidence:
    ids = set(story.get("articles", []))
    articles = [a for a in report.get("articles", []) if a.get("id") in ids]
    texts = {str(a["id"]): str(a.get("text", "")) for a in articles}
    labels = {str(a["id"]): _labels(a) for a in articles}
    own = {aid: words_of(" ".join(names[:-1])) for aid, names in labels.items()}
    attributions: dict[str, list[JSON]] = {}
    for row in report.get("attributions", []):
        if str(row.get("article")) in texts:
            attributions.setdefault(str(row["article"]), []).append(row)
    aliases: dict[str, set[str]] = {}
    for e in report.get("entities", []):
        names = {str(e.get("name", "")), *map(str, e.get("aliases", []))} - {""}
        for n in names:
            aliases.setdefault(n.casefold(), set()).update(names)
        aliases.setdefault(str(e.get("id")), set()).update(names)
    if nlp is None:
        from ..nlp.sentences import parse_sentences

        parse: Callable[[Sequence[str]], list[Any]] = parse_sentences
    else:

        def parse(texts: Sequence[str]) -> list[Any]:
            return [nlp(t) for t in texts]

    claims = [c for c in story.get("claims", []) if isinstance(c, dict) and c.get("id")]
    ctx = StoryEvidence(texts, own, labels, attributions, aliases, claims, parse)
    ctx.rows = {str(c["id"]): [r for r in c.get("evidence", []) if valid(r, texts)] for c in claims}
    return ctx


def _part(row: JSON, key: str) -> JSON | None:
    """An attribution's ``source``, ``cue`` or ``content`` as a span of its article."""
    part = row.get(key)
    if not isinstance(part, dict) or not isinstance(part.get("start"), int):
        return None
    return {"article": row["article"], "start": part["start"], "end": part["end"]}


def _covers(part: JSON | None, span: JSON) -> bool:
    length = int(span["end"]) - int(span["start"])
    return part is not None and overlap(part, span) >= COVER_MIN * length


def _frame_span(ctx: StoryEvidence, span: JSON) -> bool:
    """Whether ``span`` is the source or cue of an attribution (not words it attributes)."""
    for row in ctx.attributions.get(str(span["article"]), []):
        frame = [p for p in (_part(row, "source"), _part(row, "cue")) if p is not None]
        content = _part(row, "content")
        if any(overlap(p, span) for p in frame) and not (content and overlap(content, span)):
            return True
    return False


def _attribution_rows(ctx: StoryEvidence, span: JSON, *, content: bool) -> list[JSON]:
    """Attributions of the span's article whose content covers it (``content``), or whose
    source, cue or content overlaps it."""
    out = []
    for row in ctx.attributions.get(str(span["article"]), []):
        if content:
            if row.get("statement") is not False and _covers(_part(row, "content"), span):
                out.append(row)
        elif any(overlap(p, span) for k in ("source", "cue", "content") if (p := _part(row, k))):
            out.append(row)
    return out


def _row_names(ctx: StoryEvidence, row: JSON, article: str, *, own: bool = False) -> set[str]:
    source = _part(row, "source")
    raw = [row.get("speaker_name"), *row.get("chain", [])]
    if source is not None:
        raw.append(ctx.span_text(source))
    names = ctx.names(raw, article, own=own)
    return names | ctx.aliases.get(str(row.get("speaker") or ""), set()) if names else names


def _span_sources(
    ctx: StoryEvidence, span: JSON, stated: Sequence[str]
) -> tuple[set[str], list[str]]:
    """Who the evidence span is attributed to, beyond its article's own outlet (empty: the
    article says it in its own voice), and the attributed words (claim rows, attribution
    contents) that name them."""
    article = str(span["article"])
    names: set[str] = set()
    said: list[str] = []
    ids = stated or [str(c["id"]) for c in ctx.claims]
    for cid in ids:
        for row in ctx.rows.get(cid, []):
            if (stated and overlap(row, span)) or (not stated and _covers(row, span)):
                found = ctx.names([row.get("speaker"), *row.get("chain", [])], article)
                names |= found
                said += [ctx.span_text(row)] if found else []
    for row in _attribution_rows(ctx, span, content=True):
        found = _row_names(ctx, row, article)
        names |= found
        content = _part(row, "content")
        said += [ctx.span_text(content)] if found and content else []
    return names, said


def _shown(ctx: StoryEvidence, spans: Sequence[JSON]) -> set[str]:
    """Every source the evidence shows for the sentence, the article's own outlet included."""
    names: set[str] = set()
    for span in spans:
        article = str(span["article"])
        for row in _attribution_rows(ctx, span, content=False):
            names |= _row_names(ctx, row, article, own=True)
        for rows in ctx.rows.values():
            for row in rows:
                if overlap(row, span):
                    raw = [row.get("speaker"), *row.get("chain", [])]
                    names |= ctx.names(raw, article, own=True)
    return names


def _keys(text: str) -> Counter[str]:
    return Counter(stem(w.lower()) for w in _WORD.findall(text.replace("’", "'")))


_SUBJECT: Final = frozenset({"nsubj", "nsubjpass"})
_CORE: Final = frozenset({"compound", "amod", "poss", "nmod", "flat", "case", "det", "nummod"})


def _core(head: Any) -> list[Any]:
    """A noun phrase's head with its modifiers, less its prepositional phrases and clauses."""
    return [head, *(t for c in head.children if c.dep_ in _CORE for t in _core(c))]


def _names_in(names: Iterable[str], doc: Any, said: Sequence[str] = ()) -> bool:
    """Whether the sentence (its parse ``doc``) names one of ``names``: in the subject of one
    of its verbs ("Consumer groups welcomed the penalty": their own act or stance), or more
    often than the attributed words ``said`` do ("Lithuanian" in "... violated Lithuanian
    airspace" does not name the "Lithuanian" forces that said it)."""
    words, inside = _keys(doc.text), [_keys(t) for t in said]
    subjects = {stem(t.lower_) for s in doc if s.dep_ in _SUBJECT for t in _core(s)}
    keys = {k for n in names for k in name_keys(n)}
    return any(k in subjects or words[k] > max((c[k] for c in inside), default=0) for k in keys)


def _added(frames: Sequence[sc.Frame], shown: set[str], quoted: Sequence[str]) -> str:
    """The source of the first frame that the evidence does not show ("" when none)."""
    shown_words = set().union(*(words_of(n) for n in shown)) if shown else set()
    for frame in frames:
        if any(frame.text.casefold() in q.casefold() for q in quoted):
            continue  # the evidence itself reads "X said"
        if frame.pronoun and shown:
            continue
        if not frame.pronoun and (words_of(frame.source) & shown_words):
            continue
        return frame.source
    return ""


def _modality(ctx: StoryEvidence, sentence: JSON, doc: Any, cited: _Cited) -> str:
    """What modality the sentence lost: the claim rows it rests on are all hedged, denied or
    conditional (or the sentence says it is) and it marks none; or a marker of the article
    sentence it cites (in a cited span, between two, or governing them: "denied that ...")
    bears on words it kept and it marks no such modality."""
    present = sc.markers(doc)
    rows = [r for cid in cited.claims for r in ctx.rows.get(cid, []) if _touches(r, cited.content)]
    kinds = {str(r.get("modality") or "asserted") for r in rows}
    declared = str(sentence.get("modality") or "asserted")
    required = [k for k in (declared, *sorted(kinds)) if k != "asserted"]
    plain = declared != "asserted" or "asserted" not in kinds
    if required and plain and not sc.satisfies(required[0], present):
        return f"{required[0]} (claim evidence)"
    words = sc.words_of(doc)
    for where, around in zip(cited.contexts, cited.docs, strict=True):
        for kind, marker in sc.dropped_markers(words, around, where.inside):
            if not sc.satisfies(kind, present):
                return f"{kind}: {marker}"
    return ""


def _touches(row: JSON, spans: Sequence[JSON]) -> bool:
    return any(overlap(row, s) for s in spans)


@dataclass(frozen=True, slots=True)
class Context:
    """The article sentence(s) around cited spans: ``[start, end)`` of ``article``, and the
    cited ranges inside it, relative to ``start``."""

    article: str
    start: int
    end: int
    inside: tuple[tuple[int, int], ...]


def contexts(ctx: StoryEvidence, spans: Sequence[JSON]) -> list[Context]:
    """The article sentences that hold a sentence's cited spans: one stretch of text per run
    of overlapping sentences, with the cited ranges in it."""
    found: list[tuple[str, int, int, int, int]] = []
    for e in spans:
        if valid(e, ctx.texts):
            aid, start, end = str(e["article"]), int(e["start"]), int(e["end"])
            bounds = ctx.sentences(aid)
            first = next((a for a, b in bounds if a <= start < b), start)
            last = next((b for a, b in bounds if a < end <= b), end)
            found.append((aid, min(first, start), max(last, end), start, end))
    merged: list[tuple[str, int, int, list[tuple[int, int]]]] = []
    for aid, first, last, start, end in sorted(found):
        if merged and merged[-1][0] == aid and first < merged[-1][2]:
            merged[-1] = (aid, merged[-1][1], max(last, merged[-1][2]), merged[-1][3])
        else:
            merged.append((aid, first, last, []))
        merged[-1][3].append((start, end))
    return [
        Context(aid, a, b, tuple((s - a, e - a) for s, e in inside)) for aid, a, b, inside in merged
    ]


@dataclass(frozen=True, slots=True)
class _Cited:
    spans: Sequence[JSON]
    content: Sequence[JSON]
    contexts: Sequence[Context]
    docs: Sequence[Any]
    claims: Sequence[str]


def content_spans(ctx: StoryEvidence, spans: Sequence[JSON]) -> list[JSON]:
    """The valid spans of a sentence's evidence less the sources and cues of attributions
    (those the sentence says; what it states is in the rest); all of them when nothing else."""
    usable = [e for e in spans if valid(e, ctx.texts)]
    own = [e for e in usable if not _frame_span(ctx, e)]
    return own or usable


@dataclass(frozen=True, slots=True)
class EvidenceFindings:
    """What the evidence says of one sentence: the claims it states and what it dropped or
    added of their attribution and modality (empty values: nothing)."""

    claims: tuple[str, ...]
    unsupported: bool
    """The evidence is invalid or misses a content word (a frame naming the cited article's
    own outlet or title, "According to Harbour Times,", is the brief's own wording)."""
    attribution_dropped: tuple[str, ...]
    attribution_added: str
    modality_dropped: str


def judge(
    ctx: StoryEvidence,
    sentence: JSON,
    doc: Any,
    content: Sequence[JSON],
    around: Sequence[Context],
    docs: Sequence[Any],
) -> EvidenceFindings:
    """The evidence findings on one sentence: ``doc`` is its parse, ``content`` its
    :func:`content_spans` and ``docs`` their parses."""
    text = str(sentence.get("text", ""))
    evidence = [e for e in sentence.get("evidence", []) if isinstance(e, dict)]
    spans = [e for e in evidence if valid(e, ctx.texts)]
    stated = stated_claims(ctx.claims, ctx.rows, ctx.texts, sentence, content, doc)
    labels = [n for e in spans for n in ctx.labels.get(str(e["article"]), []) if n]
    own_frames = [f for f in sc.frames(doc) if _own_frame(f, labels)]
    frames = [f for f in sc.frames(doc) if f not in own_frames]
    allowed = {w for f in own_frames for w in content_words(f.cue)}
    allowed |= {w for f in own_frames for n in labels if _names(f, n) for w in content_words(n)}
    quoted = [ctx.span_text(e) for e in spans]
    unsupported = not supported(text, evidence, ctx.texts) and not (
        evidence_ok(evidence, ctx.texts) and not unsupported_words(text, quoted) - allowed
    )
    raw = sentence.get("attribution")
    given: JSON = raw if isinstance(raw, dict) else {}
    wanted = ctx.names([given.get("speaker"), *given.get("chain", [])], "", own=True)
    sources = [_span_sources(ctx, e, stated) for e in content]
    dropped: tuple[str, ...] = ()
    if sources and all(names for names, _ in sources):
        names = set().union(*(n for n, _ in sources)) | wanted
        said = [t for _, texts in sources for t in texts]
        evidential = any(t.lower_ in sc.EVIDENTIALS for t in doc)
        if not frames and not evidential and not _names_in(names, doc, said):
            dropped = tuple(sorted(names))
    shown = _shown(ctx, spans) | set(labels)
    added = _added(frames, shown, quoted)
    shown_words = set().union(*(words_of(n) for n in shown)) if shown else set()
    named = {n for n in wanted if words_of(n)}  # a pronoun ("she") is checked by its frame
    if not added and named and not any(words_of(n) & shown_words for n in named):
        added = sorted(named)[0]
    cited = _Cited(spans, content, around, docs, stated)
    modality = _modality(ctx, sentence, doc, cited)
    return EvidenceFindings(tuple(stated), unsupported, dropped, added, modality)


def _names(frame: sc.Frame, label: str) -> bool:
    words = content_words(frame.source)
    return bool(words) and words <= content_words(label)


def _own_frame(frame: sc.Frame, labels: Sequence[str]) -> bool:
    """A frame naming the cited article itself ("According to Harbour Times, ...")."""
    return any(_names(frame, label) for label in labels)
