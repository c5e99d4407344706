"""Read-side views of the store for the API and the pages, built from the JSON report.

The JSON report (:func:`storyweave.report.build_report`) is the single source of
truth for what a story holds; every view here is cut from it, so the API and the
UI show claims, timelines and briefs as soon as the report carries them.

Reports are cached and the cache is keyed on :meth:`SQLStore.revision`, which
changes with every write (from this server's jobs or from a CLI run on the same
store): a read never shows stale data, and repeated reads cost one query.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, Literal

from .._types import JSON, ArticleId
from ..errors import NotFound
from ..report import attribution_kept, build_report
from ..storage import SQLStore

ReportBuilder = Callable[[SQLStore, Sequence[ArticleId]], JSON]
StorySort = Literal["newest", "largest", "disputed"]
STATUSES = ("corroborated", "single_source", "conflicting", "updated")
# Story reports kept per store revision (a story page or story API read builds one).
STORY_CACHE_SIZE = 256
# Characters of context either side of a search match in a snippet.
SNIPPET_CONTEXT = 120


def default_builder(store: SQLStore, article_ids: Sequence[ArticleId]) -> JSON:
    """The report as the CLI writes it."""
    return build_report(store, article_ids)


class Catalogue:
    """Cached reports and the views cut from them."""

    def __init__(self, store: SQLStore, *, builder: ReportBuilder = default_builder) -> None:
        self.store = store
        self.builder = builder
        self._lock = threading.RLock()
        self._revision: str | None = None
        self._all: JSON | None = None
        self._stories: OrderedDict[str, JSON] = OrderedDict()
        self._summaries: dict[str, list[JSON]] = {}

    # -- reports ----------------------------------------------------------------------------

    def _check(self) -> None:
        revision = self.store.revision()
        if revision != self._revision:
            self._revision, self._all = revision, None
            self._stories.clear()
            self._summaries.clear()

    def everything(self) -> JSON:
        """The report over every stored article."""
        with self._lock:
            self._check()
            if self._all is None:
                self._all = self.builder(self.store, [a.id for a in self.store.articles()])
            return self._all

    def story(self, story_id: str) -> JSON:
        """The report for one story's articles (its ``stories`` list holds that story)."""
        with self._lock:
            self._check()
            cached = self._stories.get(story_id)
            if cached is not None:
                self._stories.move_to_end(story_id)
                return cached
            story = self.store.story(story_id)
            report = self.builder(self.store, story.article_ids)
            report["stories"] = [s for s in report["stories"] if s["id"] == story_id]
            self._stories[story_id] = report
            while len(self._stories) > STORY_CACHE_SIZE:
                self._stories.popitem(last=False)
            return report

    def article(self, article_id: str) -> JSON:
        """The report for one article (raises NotFound for an unknown id)."""
        self.store.article(article_id)
        return self.builder(self.store, [article_id])

    # -- lists ------------------------------------------------------------------------------

    def story_summaries(self, sort: StorySort = "newest") -> list[JSON]:
        """One line per story (counts, dates, outlets, top entities), in ``sort`` order."""
        report = self.everything()
        with self._lock:
            cached = self._summaries.get(sort)
            if cached is None:
                cached = self._summaries[sort] = _summaries(report, sort)
            return cached

    def entity_summaries(self, *, query: str = "", etype: str | None = None) -> list[JSON]:
        report = self.everything()
        stories_of = _stories_of_article(report)
        needle = query.casefold().strip()
        out = []
        for e in report["entities"]:
            if etype and e["type"] != etype:
                continue
            names = [e["name"], *e["aliases"]]
            if needle and not any(needle in n.casefold() for n in names):
                continue
            articles = {m["article"] for m in e["mentions"]}
            stories = {s for a in articles for s in stories_of.get(a, ())}
            out.append(
                {
                    "id": e["id"],
                    "name": e["name"],
                    "type": e["type"],
                    "aliases": e["aliases"],
                    "mentions": len(e["mentions"]),
                    "articles": len(articles),
                    "stories": len(stories),
                }
            )
        return out

    def entity(self, entity_id: str) -> JSON:
        report = self.everything()
        found = [e for e in report["entities"] if e["id"] == entity_id]
        if not found:
            raise NotFound("E303", kind="entity", ident=entity_id)
        ent = found[0]
        articles = {m["article"] for m in ent["mentions"]}
        story_ids = {s for a in articles for s in _stories_of_article(report).get(a, ())}
        return {
            "entity": ent,
            "articles": [_article_brief(a) for a in report["articles"] if a["id"] in articles],
            "stories": [s for s in self.story_summaries() if s["id"] in story_ids],
            "quotes": self.quotes(speaker=entity_id),
        }

    def quotes(
        self,
        *,
        speaker: str | None = None,
        story: str | None = None,
        statements: bool = False,
        kind: str | None = None,
    ) -> list[JSON]:
        """Attributions with their speaker's name and stories; with ``statements``, only what
        someone stated (no acts or stances); with ``kind``, only that kind."""
        report = self.everything()
        names = {e["id"]: e["name"] for e in report["entities"]}
        stories_of = _stories_of_article(report)
        members = self._members(report, story)
        needle = (speaker or "").casefold().strip()
        out = []
        for q in report["attributions"]:
            if members is not None and q["article"] not in members:
                continue
            if not attribution_kept(q, statements=statements, kind=kind):
                continue
            name = speaker_name(q, names)
            if needle and q["speaker"] != speaker and needle not in (name or "").casefold():
                continue
            out.append({**q, "speaker_name": name, "stories": stories_of.get(q["article"], [])})
        return out

    def claims(self, *, status: str | None = None, story: str | None = None) -> list[JSON]:
        out = []
        for s in self.everything()["stories"]:
            if story and s["id"] != story:
                continue
            for c in s["claims"]:
                if status is None or c["status"] == status:
                    out.append({**c, "story": s["id"], "story_title": s["title"]})
        if story and not out:
            self.store.story(story)  # NotFound for an unknown story; an empty list otherwise
        return out

    def timeline(self, *, story: str | None = None) -> list[JSON]:
        out = []
        for s in self.everything()["stories"]:
            if story and s["id"] != story:
                continue
            out += [{**entry, "story": s["id"]} for entry in s["timeline"]]
        if story and not out:
            self.store.story(story)
        out.sort(key=_by_date)
        return out

    def search(self, query: str, *, limit: int = 20) -> JSON:
        report = self.everything()
        texts = {a["id"]: a for a in report["articles"]}
        stories_of = _stories_of_article(report)
        articles = []
        for hit in self.store.search(query, limit=limit):
            a = texts.get(hit.article_id)
            if a is None:
                continue
            start, end = snippet_bounds(a["text"], [(s.start, s.end) for s in hit.spans])
            articles.append(
                {
                    **_article_brief(a),
                    "stories": stories_of.get(a["id"], []),
                    "matches": [{"start": s.start, "end": s.end} for s in hit.spans],
                    "snippet": {"start": start, "end": end, "text": a["text"][start:end]},
                }
            )
        needle = query.casefold().strip()
        stories = [s for s in self.story_summaries() if needle and needle in s["title"].casefold()]
        entities = self.entity_summaries(query=query) if needle else []
        return {
            "query": query,
            "articles": articles,
            "stories": stories[:limit],
            "entities": entities[:limit],
        }

    def _members(self, report: JSON, story: str | None) -> set[str] | None:
        if story is None:
            return None
        for s in report["stories"]:
            if s["id"] == story:
                return set(s["articles"])
        self.store.story(story)  # raises NotFound
        return set()


def _summaries(report: JSON, sort: str) -> list[JSON]:
    rank = {a["id"]: i for i, a in enumerate(report["articles"])}
    outlets = {a["id"]: a["outlet"] for a in report["articles"]}
    per_story = _entities_per_story(report)
    out = []
    for s in report["stories"]:
        counts = dict.fromkeys(STATUSES, 0)
        for c in s["claims"]:
            counts[c["status"]] = counts.get(c["status"], 0) + 1
        out.append(
            {
                "id": s["id"],
                "title": s["title"],
                "articles": len(s["articles"]),
                "article_ids": list(s["articles"]),
                "outlets": sorted({o for a in s["articles"] if (o := outlets.get(a))}),
                "first_seen": s.get("first_seen"),
                "last_seen": s.get("last_seen"),
                "claims": counts,
                "has_brief": bool(s["brief"]["sentences"] or s["brief"]["markdown"]),
                "top_entities": per_story.get(s["id"], [])[:5],
                "_latest": max((rank.get(a, -1) for a in s["articles"]), default=-1),
            }
        )
    out.sort(key=_SORT_KEYS[sort], reverse=True)
    for item in out:
        del item["_latest"]
    return out


def speaker_name(quote: JSON, names: dict[str, str]) -> str | None:
    """Who is credited: the linked entity, else the source span, else the innermost chain name."""
    if quote.get("speaker") and quote["speaker"] in names:
        return names[quote["speaker"]]
    if quote.get("source"):
        return str(quote["source"]["text"])
    chain = quote.get("chain") or []
    return str(chain[-1]) if chain else None


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


def page(items: list[JSON], *, limit: int, offset: int) -> dict[str, Any]:
    return {
        "ok": True,
        "total": len(items),
        "limit": limit,
        "offset": offset,
        "items": items[offset : offset + limit],
    }


def _article_brief(a: JSON) -> JSON:
    keys = ("id", "ref", "title", "outlet", "published", "language", "url")
    return {k: a.get(k) for k in keys}


def _stories_of_article(report: JSON) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for s in report["stories"]:
        for a in s["articles"]:
            out.setdefault(a, []).append(s["id"])
    return out


def _entities_per_story(report: JSON) -> dict[str, list[JSON]]:
    stories_of = _stories_of_article(report)
    counts: dict[str, dict[str, int]] = {}
    for e in report["entities"]:
        for m in e["mentions"]:
            for sid in stories_of.get(m["article"], ()):
                per = counts.setdefault(sid, {})
                per[e["id"]] = per.get(e["id"], 0) + 1
    by_id = {e["id"]: e for e in report["entities"]}
    out: dict[str, list[JSON]] = {}
    for sid, per in counts.items():
        rows = [
            {"id": eid, "name": by_id[eid]["name"], "type": by_id[eid]["type"], "mentions": n}
            for eid, n in per.items()
        ]
        rows.sort(key=_by_mentions)
        out[sid] = rows
    return out


def _by_mentions(row: JSON) -> tuple[int, str]:
    return (-row["mentions"], row["name"])


def _by_date(entry: JSON) -> tuple[str, str]:
    return (str(entry.get("date") or ""), str(entry.get("text") or ""))


def _newest(s: JSON) -> tuple[str, int]:
    return (s["last_seen"] or "", s["_latest"])


def _largest(s: JSON) -> tuple[int, int, str, int]:
    return (s["articles"], len(s["outlets"]), s["last_seen"] or "", s["_latest"])


def _disputed(s: JSON) -> tuple[int, int, int, int]:
    c = s["claims"]
    return (c["conflicting"], c["single_source"], s["articles"], s["_latest"])


_SORT_KEYS: dict[str, Callable[[JSON], Any]] = {
    "newest": _newest,
    "largest": _largest,
    "disputed": _disputed,
}
