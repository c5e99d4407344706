"""The read service: every question the HTTP API, the pages and the CLI ask of a store.

Lists (stories, claims, timeline, quotes, entities, articles) are answered from rows with the
paging done by the database: each story's analysis is stored when the story changes
(:mod:`storyweave.report.analyse`), so no read parses, embeds or builds a report over the
whole store. One story's or one article's report is assembled from its rows
(:func:`storyweave.report.build_report`) and cached per store revision.

A store written before story analyses existed (or by another analysis version) has stale
stories: the first read after a change computes what is missing, once.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .._types import JSON, ArticleId, StoryId
from ..errors import NotFound
from ..model import AttributionKind
from ..report import ANALYSIS_VERSION, build_report, refresh_analyses
from ..storage import SQLStore, StorySort
from .names import entities_named, matches, name_tokens, sentence_around

log = logging.getLogger(__name__)

STATUSES = ("corroborated", "single_source", "conflicting", "updated")
# Story reports kept per store revision (a story page or story API read builds one).
STORY_CACHE_SIZE = 256
# Characters of context either side of a search match in a snippet.
SNIPPET_CONTEXT = 120
# Mentions of one entity shown on its page, and attributions credited to it.
ENTITY_MENTIONS = 200
ENTITY_QUOTES = 200
# Articles (and so stories) listed on an entity's page; its counts give how many there are.
ENTITY_ARTICLES = 100


@dataclass(frozen=True, slots=True)
class Listed:
    """One page of a list: its rows and how many there are in all."""

    total: int
    items: list[JSON]
    limit: int | None = None
    offset: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": True,
            "total": self.total,
            "limit": self.limit,
            "offset": self.offset,
            "items": self.items,
        }


class Catalogue:
    """The read service of one store: paged lists from rows, cached per-story reports."""

    def __init__(self, store: SQLStore) -> None:
        self.store = store
        self._lock = threading.RLock()
        self._revision: str | None = None
        self._stories: OrderedDict[str, JSON] = OrderedDict()

    # -- freshness --------------------------------------------------------------------------

    def _check(self) -> None:
        """Drop cached reports when the store changed, and analyse stale stories once."""
        revision = self.store.revision()
        if revision == self._revision:
            return
        with self._lock:
            if revision == self._revision:
                return
            self._stories.clear()
            if not self.store.analyses.current(ANALYSIS_VERSION):
                written = refresh_analyses(self.store)
                log.info("analysed %d stale stories", len(written))
                revision = self.store.revision()
            self._revision = revision

    # -- reports ----------------------------------------------------------------------------

    def story(self, story_id: StoryId) -> JSON:
        """The report for one story's articles (its ``stories`` list holds that story)."""
        self._check()
        with self._lock:
            cached = self._stories.get(story_id)
            if cached is not None:
                self._stories.move_to_end(story_id)
                return cached
        story = self.store.story(story_id)
        report = build_report(self.store, story.article_ids)
        report["stories"] = [s for s in report["stories"] if s["id"] == story_id]
        with self._lock:
            self._stories[story_id] = report
            while len(self._stories) > STORY_CACHE_SIZE:
                self._stories.popitem(last=False)
        return report

    def article(self, article_id: ArticleId) -> JSON:
        """The report for one article and its story (raises NotFound for an unknown id)."""
        self._check()
        self.store.article(article_id)
        return build_report(self.store, [article_id])

    # -- lists ------------------------------------------------------------------------------

    def articles(self, *, limit: int | None = None, offset: int = 0) -> Listed:
        """Stored articles' metadata, newest first."""
        total, rows = self.store.listing.articles(limit=limit, offset=offset)
        return Listed(total, rows, limit, offset)

    def story_summaries(
        self, sort: StorySort = "newest", *, limit: int | None = None, offset: int = 0
    ) -> Listed:
        """One line per story (counts, dates, outlets, top entities), in ``sort`` order."""
        self._check()
        total, rows = self.store.analyses.summaries(sort=sort, limit=limit, offset=offset)
        return Listed(total, [r.to_json() for r in rows], limit, offset)

    def entity_summaries(
        self,
        *,
        query: str = "",
        etype: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Listed:
        """Entities with their mention, article and story counts, most mentioned first."""
        self._check()
        total, rows = self.store.listing.entities(
            query=query, etype=etype, limit=limit, offset=offset
        )
        return Listed(total, [r.to_json() for r in rows], limit, offset)

    def entity(self, entity_id: str) -> JSON:
        """One entity: its row with aliases and roles, its counts (mentions, articles,
        stories, as kept by the store), its first :data:`ENTITY_MENTIONS` mentions (each
        with the text it spans), the first :data:`ENTITY_ARTICLES` articles that mention it
        and their stories, and the first :data:`ENTITY_QUOTES` things it is credited with
        saying. Every part is a bounded read: the most mentioned entity of a big store costs
        what a rare one does."""
        self._check()
        found = self.store.entities([entity_id])
        if not found:
            raise NotFound("E303", kind="entity", ident=entity_id)
        ent = found[0]
        listing = self.store.listing
        counted = listing.entity_count(entity_id)
        shown = listing.entity_mentions(entity_id, limit=ENTITY_MENTIONS)
        texts = {a.id: a.text for a in self.store.articles({aid for aid, _, _ in shown})}
        mentions = [
            {"article": aid, "start": s, "end": e, "text": texts[aid][s:e],
             "sentence": sentence_around(texts[aid], s, e)}
            for aid, s, e in shown
        ]  # fmt: skip
        article_ids = listing.entity_articles(entity_id, limit=ENTITY_ARTICLES)
        story_ids = sorted(
            {s for ss in self.store.analyses.stories_of(article_ids).values() for s in ss}
        )
        _, stories = self.store.analyses.summaries(story_ids=story_ids)
        _, briefs = listing.articles(ids=article_ids, newest_first=False)
        briefs.sort(key=lambda a: a["id"])
        quotes = self.store.analyses.quotes(speaker=entity_id, limit=ENTITY_QUOTES, count=False)
        return {
            "entity": {
                **_entity_row(ent),
                "mentions": mentions,
                "mention_count": counted.mentions if counted else len(mentions),
                "article_count": counted.articles if counted else len(article_ids),
                "story_count": counted.stories if counted else len(stories),
            },
            "articles": briefs,
            "stories": [s.to_json() for s in stories],
            "quotes": [_quote(q) for q in quotes.items],
        }

    def titles(self, article_ids: Iterable[ArticleId]) -> dict[ArticleId, JSON]:
        """The metadata (no text) of each of ``article_ids``."""
        _, rows = self.store.listing.articles(ids=list(set(article_ids)))
        return {r["id"]: r for r in rows}

    def texts(self, article_ids: Iterable[ArticleId]) -> dict[ArticleId, JSON]:
        """The id, ref, title, outlet and text of each of ``article_ids`` (for context)."""
        return {
            a.id: {"id": a.id, "ref": a.ref, "title": a.title, "outlet": a.outlet, "text": a.text}
            for a in self.store.articles(set(article_ids))
        }

    def quotes(
        self,
        *,
        speaker: str | None = None,
        story: StoryId | None = None,
        statements: bool = False,
        kind: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Listed:
        """Attributions with the name they are credited to and their story; ``speaker`` is an
        entity id or a part of the credited name; with ``statements``, only what someone
        stated (no acts or stances); with ``kind``, only that kind."""
        self._check()
        if story:
            self.store.story(story)  # NotFound for an unknown story
        needle = (speaker or "").strip()
        found = self.store.analyses.quotes(
            story=story,
            speaker=needle or None,
            speaker_text=needle or None,
            statements=statements,
            kind=kind,
            limit=limit,
            offset=offset,
        )
        items = [_quote(q) for q in found.items]
        return Listed(found.total, items, limit, offset)

    def claims(
        self,
        *,
        status: str | None = None,
        story: StoryId | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Listed:
        """Claims with their story's id and title, story by story."""
        self._check()
        if story:
            self.store.story(story)
        found = self.store.analyses.claims(status=status, story=story, limit=limit, offset=offset)
        return Listed(found.total, found.items, limit, offset)

    def timeline(
        self, *, story: StoryId | None = None, limit: int | None = None, offset: int = 0
    ) -> Listed:
        """Timeline entries of every story (or one), undated first, then by date."""
        self._check()
        if story:
            self.store.story(story)
        found = self.store.analyses.timeline(story=story, limit=limit, offset=offset)
        return Listed(found.total, found.items, limit, offset)

    def search(self, query: str, *, limit: int = 20) -> JSON:
        """Articles holding every word of ``query`` (with a snippet around the first match),
        the stories those articles are in, and the entities whose names hold it."""
        self._check()
        hits = self.store.search(query, limit=limit)
        texts = {a.id: a for a in self.store.articles([h.article_id for h in hits])}
        stories_of = self.store.analyses.stories_of(texts)
        articles = []
        for hit in hits:
            a = texts.get(hit.article_id)
            if a is None:
                continue
            start, end = snippet_bounds(a.text, [(s.start, s.end) for s in hit.spans])
            articles.append(
                {
                    "id": a.id,
                    "ref": a.ref,
                    "title": a.title,
                    "outlet": a.outlet,
                    "published": a.published.isoformat() if a.published else None,
                    "language": a.language,
                    "url": a.url,
                    "stories": stories_of.get(a.id, []),
                    "matches": [{"start": s.start, "end": s.end} for s in hit.spans],
                    "snippet": {"start": start, "end": end, "text": a.text[start:end]},
                }
            )
        needle = query.casefold().strip()
        stories: list[JSON] = []
        entities: list[JSON] = []
        if needle:
            # the stories of the matching articles, in the order of their best article
            order = list(dict.fromkeys(s for h in hits for s in stories_of.get(h.article_id, [])))
            _, found = self.store.analyses.summaries(story_ids=order)
            rank = {sid: i for i, sid in enumerate(order)}
            stories = [s.to_json() for s in sorted(found, key=lambda s: rank[s.id])]
            entities = self.entity_summaries(query=query, limit=limit).items
        return {"query": query, "articles": articles, "stories": stories, "entities": entities}

    # -- the CLI's views ----------------------------------------------------------------------

    def story_entities(self, story_id: StoryId) -> list[JSON]:
        """The entities mentioned in one story, with how often (there), most mentioned first."""
        story = self.store.story(story_id)
        counts = self.store.listing.counts_in(story.article_ids)
        found = {e.id: e for e in self.store.entities(set(counts))}
        rows = [
            {**_entity_row(found[eid]), "mention_count": n, "article_count": a}
            for eid, (n, a) in counts.items()
            if eid in found
        ]
        return sorted(rows, key=lambda r: (-r["mention_count"], r["name"]))

    def entities_named(self, name: str) -> list[JSON]:
        """The pages (:meth:`entity`) of the entities whose name or an alias holds every word
        of ``name``, spelling-folded ("yuri gagarin" finds "Yury Gagarin")."""
        self._check()
        return [self.entity(e.id) for e in entities_named(self.store, name)]

    def attributions(
        self,
        *,
        story: StoryId | None = None,
        speaker: str | None = None,
        statements: bool = False,
        kind: AttributionKind | None = None,
    ) -> list[JSON]:
        """Attributions as the report shows them, for one story or the whole store.

        With ``speaker``, only those whose speaker entity (name or alias), credited name,
        chain or source phrase holds every word of it (spelling-folded). With
        ``statements``, only what someone stated: acts and stances ("Kozlov welcomed Kim")
        are left out. With ``kind``, only direct quotes, reported speech or "according to"."""
        self._check()
        if story:
            self.store.story(story)
        found = self.store.analyses.quotes(story=story, statements=statements, kind=kind).items
        speakers = {q["speaker"] for q in found if q.get("speaker")}
        names = {e.id: e for e in self.store.entities(speakers)}
        wanted = set(name_tokens(speaker)) if speaker else set()
        rows = []
        for q in found:
            ent = names.get(q.get("speaker") or "")
            q["speaker_entity"] = ent.name if ent else None
            q.pop("speaker_label", None)
            q.pop("stories", None)
            forms = [*q["chain"], q["speaker_name"] or "", (q["source"] or {}).get("text", "")]
            forms += [ent.name, *ent.aliases] if ent else []
            if not wanted or matches(wanted, forms):
                rows.append(q)
        return rows

    def story_claims(self, story_id: StoryId, *, status: str | None = None) -> list[JSON]:
        """One story's claims as its report gives them, optionally only those of ``status``."""
        found = self.claims(story=story_id, status=status).items
        return [{k: v for k, v in c.items() if k not in ("story", "story_title")} for c in found]

    def explain(self, story_id: StoryId) -> StoryWhy:
        """Each member's score, shared entities and nearest articles, and the merges into the
        story, from the clusterer's state in the store (a read: no lock, no model)."""
        from ..storage.clusters import cluster_state
        from ..stories.cache import open_stored
        from ..stories.embed import MINILM_DIM, MINILM_ID

        story = self.store.story(story_id)
        folder = self.store.sidecar_dir("stories")
        with cluster_state(self.store, write=False) as state:
            clusterer = open_stored(state, folder, dim=MINILM_DIM, model_id=MINILM_ID, write=False)
            found = [clusterer.explain(aid) for aid in story.article_ids]
            merges = clusterer.state.merges(into=story_id)
        return StoryWhy(found, merges)


@dataclass(frozen=True)
class StoryWhy:
    """Why a story holds its articles: each member's assignment, and the merges into it."""

    assignments: list[Any]  # storyweave.stories.Assignment
    merges: list[Any]  # storyweave.stories.Merge


def _entity_row(e: Any) -> JSON:
    return {"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases),
            "roles": list(e.roles), "news_source": e.news_source}  # fmt: skip


def _quote(row: JSON) -> JSON:
    out = {k: v for k, v in row.items() if k != "speaker_label"}
    out["speaker_name"] = row.get("speaker_label")
    return out


def snippet_bounds(text: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """A window of about ``SNIPPET_CONTEXT`` characters around the first match, cut at spaces."""
    if not spans:
        return 0, min(len(text), 2 * SNIPPET_CONTEXT)
    first = min(spans)
    start = max(0, first[0] - SNIPPET_CONTEXT)
    end = min(len(text), first[1] + SNIPPET_CONTEXT)
    if start > 0:
        space = text.find(" ", start, first[0])
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.rfind(" ", first[1], end)
        end = space if space != -1 else end
    return start, end
