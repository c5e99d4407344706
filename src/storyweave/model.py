"""The core data model: frozen dataclasses, no I/O.

The :class:`Article` owns its text. Every annotation is a half-open character
span ``[start, end)`` into ``Article.text``; the surface string is derived with
:meth:`Span.text_in` and never stored twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from ._types import JSON, ArticleId, EntityId, StoryId
from .errors import ValidationError

EntityType = Literal["PERSON", "ORG", "LOC", "PRODUCT", "OTHER"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
AttributionKind = Literal["direct", "indirect", "according_to"]
DuplicateKind = Literal["exact", "near"]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character span ``[start, end)`` into an article's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not (0 <= self.start <= self.end):
            raise ValidationError("E402", field="span", detail=f"[{self.start}, {self.end})")

    def text_in(self, text: str) -> str:
        """The surface string of this span in ``text``."""
        if self.end > len(text):
            raise ValidationError("E401", start=self.start, end=self.end, length=len(text))
        return text[self.start : self.end]

    def within(self, length: int) -> bool:
        return 0 <= self.start <= self.end <= length


@dataclass(frozen=True, slots=True)
class Article:
    """One news article. Its ``id`` is a content hash (see :mod:`storyweave.hashing`).

    ``body_start`` and ``body_end`` mark where the article's own reporting starts and ends:
    a dateline or byline ("SHAWNEE, Okla. (AP) —") lies before it, trailing credit lines
    ("According to Tin Tuc newspaper", "Reporting by ...") after it, and both are kept out
    of the analysis while the text itself stays whole. ``credits`` names the organisations
    the copy is credited to (dateline, byline, credit lines, the source's metadata),
    outermost first; ``credit`` is the trailing credit text as written.
    """

    id: ArticleId
    text: str
    ref: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    language: str | None = None
    author: str | None = None
    credit: str | None = None
    body_end: int | None = None
    body_start: int | None = None
    credits: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.text.strip():
            raise ValidationError("E402", field="text", detail="empty")
        if self.body_end is not None and not (0 < self.body_end <= len(self.text)):
            raise ValidationError("E402", field="body_end", detail=str(self.body_end))
        end = len(self.text) if self.body_end is None else self.body_end
        if self.body_start is not None and not (0 <= self.body_start < end):
            raise ValidationError("E402", field="body_start", detail=str(self.body_start))

    @property
    def body(self) -> str:
        """The text the stages analyse: everything before the trailing credits. A leading
        dateline or byline stays in it (the parser reads the first sentence as written)
        and the stages keep what lies before ``body_start`` out of mentions and claims."""
        return self.text if self.body_end is None else self.text[: self.body_end]

    @property
    def own_start(self) -> int:
        """Where the article's own words start: after its dateline or byline, else 0."""
        return self.body_start or 0


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    index: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention. ``label`` is the model's fine label (PERSON, GPE, ...)."""

    span: Span
    label: str
    entity_id: EntityId | None = None

    @property
    def type(self) -> EntityType:
        return entity_type(self.label)


_TYPE_OF_LABEL: dict[str, EntityType] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "PRODUCT": "PRODUCT",
}


def entity_type(label: str) -> EntityType:
    """Map a fine NER label to the report's coarse entity type."""
    return _TYPE_OF_LABEL.get(label, "OTHER")


@dataclass(frozen=True, slots=True)
class Entity:
    """A real-world referent. ``aliases`` are its other names; ``roles`` the roles the articles
    give it ("Kremlin spokesman"); ``news_source`` marks agencies and outlets (TASS, AFP)."""

    id: EntityId
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    news_source: bool = False


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression normalised to a TIMEX3 value ("2023-09-13", "P3D", ...).

    ``anchor`` says what a relative value was resolved against: ``"published"``,
    ``"timex:<start>"`` (an earlier expression in the same article), or ``None``
    when the value needs no anchor. ``anchored`` is False when the value needed
    an anchor that was not known (no publication date): never a guessed date.
    """

    span: Span
    type: TimexType
    value: str
    anchor: str | None = None
    anchored: bool = True
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said what, and through whom. ``chain`` lists credited sources, outermost first."""

    kind: AttributionKind
    content: Span
    cue: Span | None = None
    source: Span | None = None
    speaker: EntityId | None = None
    chain: tuple[str, ...] = ()
    source_type: str | None = None
    """person | org | role | unnamed | pronoun | other: what kind of phrase ``source`` is."""
    speaker_name: str | None = None
    """The name ``source`` stands for, resolved through names, pronouns and roles."""
    statement: bool | None = None
    """Whether this reports what someone stated: quotes, "according to", and reported speech
    after a verb or noun of saying ("said", "his claim that"). False for an act or a stance
    ("Kozlov welcomed Kim", "Sanders wants to ..."); None in stores written before the field."""


@dataclass(frozen=True, slots=True)
class Duplicate:
    """``article`` repeats ``original`` (exactly, or nearly with Jaccard ``similarity``)."""

    article: ArticleId
    original: ArticleId
    kind: DuplicateKind
    similarity: float


@dataclass(frozen=True, slots=True)
class Failure:
    """A stage (or ingest) that failed on one article, or on one input."""

    stage: str
    error: str
    article: ArticleId | None = None
    ref: str | None = None
    code: str | None = None


@dataclass(frozen=True, slots=True)
class Story:
    id: StoryId
    title: str
    article_ids: tuple[ArticleId, ...]
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None


@dataclass(frozen=True, slots=True)
class StoryAnalysis:
    """What is computed when a story changes, kept as the rows of one story revision.

    ``members`` is the digest of the story's article ids (sorted) that this analysis was
    computed from, and ``version`` the analysis code's version: a stored analysis whose
    digest or version differs from the story's current ones is stale and is computed again.
    ``claims``, ``timeline``, ``edges`` and ``quotes`` hold the report's rows for this story
    (``docs/report-format.md``), so every read (CLI, API, pages, exports) reads them and no
    view parses, embeds or aligns anything.
    """

    story_id: StoryId
    members: str
    version: str
    title: str
    article_ids: tuple[ArticleId, ...]
    first_seen: dt.date | None
    last_seen: dt.date | None
    outlets: tuple[str, ...]
    claims: tuple[JSON, ...]
    timeline: tuple[JSON, ...]
    brief: JSON
    edges: tuple[JSON, ...]
    quotes: tuple[JSON, ...]
    top_entities: tuple[JSON, ...]
    translations: tuple[JSON, ...] = ()
    """The story's foreign articles that translate one of its English articles (issue 20):
    ``{"article", "original", "share"}`` rows, so coverage counts a translation as its
    original's origin, as the claims do."""

    def counts(self) -> dict[str, int]:
        """How many claims have each status (every status present, zero when none)."""
        out = dict.fromkeys(CLAIM_STATUSES, 0)
        for c in self.claims:
            out[c["status"]] = out.get(c["status"], 0) + 1
        return out

    @property
    def has_brief(self) -> bool:
        return bool(self.brief.get("sentences") or self.brief.get("markdown"))

    def story_json(self) -> JSON:
        """The story as the report's ``stories[]`` entry."""
        return {
            "id": self.story_id,
            "title": self.title,
            "articles": list(self.article_ids),
            "first_seen": self.first_seen.isoformat() if self.first_seen else None,
            "last_seen": self.last_seen.isoformat() if self.last_seen else None,
            "claims": [dict(c) for c in self.claims],
            "timeline": [dict(t) for t in self.timeline],
            "brief": dict(self.brief),
            "edges": [
                {k: e[k] for k in ("source", "target", "kind", "directed", "weight") if k in e}
                for e in self.edges
            ],
        }


ANALYSIS_VERSION = "story-analysis/5"
"""The version of what a :class:`StoryAnalysis` holds and how it is computed
(:mod:`storyweave.report.analyse`). Bump it when either changes: every stored revision of
another version is stale and is computed again by the next ingest (or on first read)."""

CLAIM_STATUSES: tuple[str, ...] = ("corroborated", "single_source", "conflicting", "updated")


def _initial_layers() -> set[str]:
    return {"text"}


@dataclass(slots=True)
class AnnotatedArticle:
    """An article and the annotation layers the stages have added so far.

    Stages never change the article; they return layers, which the pipeline
    attaches. ``doc`` holds the spaCy ``Doc`` of the body for later stages; the
    store keeps it as a parse, which the report puts back for the claims, timeline and brief.
    ``claim_units`` holds the article's claim units and their sentence embeddings
    (:class:`storyweave.claims.stored.ClaimUnits`), stored beside the parse.
    """

    article: Article
    language: str | None = None
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    timexes: tuple[Timex, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    doc: Any = None
    claim_units: Any = None
    layers: set[str] = field(default_factory=_initial_layers)

    @property
    def article_language(self) -> str | None:
        """The language the ``language`` stage found, else the one the input declared."""
        return self.language or self.article.language

    def spans(self) -> list[Span]:
        """Every span of every layer (for invariant checks)."""
        out: list[Span] = [s.span for s in self.sentences]
        out += [m.span for m in self.mentions]
        out += [t.span for t in self.timexes]
        for a in self.attributions:
            out += [s for s in (a.content, a.cue, a.source) if s is not None]
        return out


LAYERS: frozenset[str] = frozenset(
    {"text", "language", "sentences", "mentions", "timexes", "attributions", "doc", "claim_units"}
)
