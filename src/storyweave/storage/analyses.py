"""Story analyses as rows: each story's current revision (claims with their evidence, timeline
entries, graph edges, quotes, brief) written in one transaction, and the paged reads every
list view is answered from.

A revision is written only if the story's membership in ``story_articles`` is still the one
it was computed from (checked in the same transaction): a writer that lost a race, or ran
on a story another process has since changed, writes nothing and the story stays stale for
the next run. Readers see the old revision or the new one, never a mix.

DOCS: docs/architecture.md (Story analyses)
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, get_args

import sqlalchemy as sa

from .._types import JSON, ArticleId, StoryId
from ..hashing import members_digest
from ..model import AttributionKind, StoryAnalysis
from . import schema as t
from . import totals
from .engine import insert_rows, paged, write_tx
from .rows import now

StorySort = Literal["newest", "largest", "disputed"]


@dataclass(frozen=True, slots=True)
class StorySummary:
    """One line of the story list, read from the story's revision row."""

    id: StoryId
    title: str
    article_ids: tuple[ArticleId, ...]
    outlets: tuple[str, ...]
    first_seen: str | None
    last_seen: str | None
    claims: dict[str, int]
    has_brief: bool
    top_entities: tuple[JSON, ...]

    def to_json(self) -> JSON:
        return {
            "id": self.id,
            "title": self.title,
            "articles": len(self.article_ids),
            "article_ids": list(self.article_ids),
            "outlets": list(self.outlets),
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "claims": dict(self.claims),
            "has_brief": self.has_brief,
            "top_entities": [dict(e) for e in self.top_entities],
        }


@dataclass(frozen=True, slots=True)
class Page:
    """``items`` of a list of ``total`` rows, from ``offset``."""

    total: int
    items: list[JSON]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class AnalysisRows:
    """The story-analysis tables of one store."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    # -- writes -----------------------------------------------------------------------------

    def save(self, analysis: StoryAnalysis) -> bool:
        """Replace the story's revision with ``analysis``; False (nothing written) when the
        story's stored membership is no longer the one the analysis was computed from.

        The story's row is locked before its membership is read (PostgreSQL), so a
        membership change committed meanwhile is seen here; the story's stale mark goes and
        the lists' totals change in the same transaction."""
        sid = analysis.story_id
        with write_tx(self.engine) as conn:
            if conn.dialect.name == "postgresql":  # one writer of a story's rows at a time
                conn.execute(
                    sa.select(t.stories.c.id).where(t.stories.c.id == sid).with_for_update()
                )
            rows = conn.execute(
                sa.select(t.story_articles.c.article_id).where(t.story_articles.c.story_id == sid)
            ).all()
            if not rows or members_digest(r[0] for r in rows) != analysis.members:
                return False
            change = totals.change(totals.of_analysis(analysis), totals.of_stories(conn, [sid]))
            _delete(conn, [sid])
            latest = conn.execute(
                sa.select(sa.func.max(t.articles.c.ingested_at)).where(
                    t.articles.c.id.in_(list(analysis.article_ids))
                )
            ).scalar_one()
            conn.execute(sa.insert(t.story_revisions).values(**_revision_row(analysis, latest)))
            _insert_parts(conn, analysis)
            conn.execute(sa.delete(t.stale_stories).where(t.stale_stories.c.story_id == sid))
            totals.add(conn, change)
        return True

    def purge(self) -> int:
        """Delete the rows (and stale marks) of stories that no longer exist (absorbed by a
        merge, emptied); return how many revisions went. Only marked stories are looked at:
        every story deleted is marked in the transaction that deletes it."""
        m = t.stale_stories.c
        gone = sa.select(m.story_id).where(m.story_id.not_in(sa.select(t.stories.c.id)))
        with write_tx(self.engine) as conn:
            ids = [r[0] for r in conn.execute(gone)]
            if not ids:
                return 0
            had = conn.execute(
                sa.select(sa.func.count())
                .select_from(t.story_revisions)
                .where(t.story_revisions.c.story_id.in_(ids))
            ).scalar_one()
            totals.add(conn, totals.change({}, totals.of_stories(conn, ids)))
            _delete(conn, ids)
            conn.execute(sa.delete(t.stale_stories).where(m.story_id.in_(ids)))
        return int(had)

    # -- reads ------------------------------------------------------------------------------

    def stale(self, version: str, story_ids: Iterable[StoryId] | None = None) -> list[StoryId]:
        """The stories to analyse: those (of ``story_ids``, and every story marked stale by a
        membership change: another run's, or one a killed run left) whose revision is
        missing, of another analysis version, or computed from another membership; and, for
        the whole store (no ``story_ids``), every revision of another version. A marked story
        found current loses its mark."""
        wanted = sorted(set(story_ids or ()) | set(self._marked()))
        members: dict[StoryId, list[ArticleId]] = {}
        have: dict[StoryId, tuple[str, str]] = {}
        sa_, r = t.story_articles.c, t.story_revisions.c
        with self.engine.connect() as conn:
            for lo in range(0, len(wanted), 500):
                part = wanted[lo : lo + 500]
                query = sa.select(sa_.story_id, sa_.article_id).where(sa_.story_id.in_(part))
                for sid, aid in conn.execute(query):
                    members.setdefault(sid, []).append(aid)
                revs = sa.select(r.story_id, r.members, r.version).where(r.story_id.in_(part))
                have.update(
                    (row.story_id, (row.members, row.version)) for row in conn.execute(revs)
                )
        found = {
            sid for sid, ids in members.items() if have.get(sid) != (members_digest(ids), version)
        }
        self._clear_marks(sorted(set(members) - found), version)
        if story_ids is not None:  # an ingest: its stories and the marked ones, not a whole
            return sorted(found)  # store of another analysis version (its first read does that)
        return sorted(found | set(self._other_version(version)))

    def _clear_marks(self, story_ids: list[StoryId], version: str) -> None:
        """Drop the stale marks of ``story_ids`` whose revision is still current, checked
        again under the write lock (a membership change made meanwhile keeps its mark)."""
        if not story_ids:
            return
        m, sa_, r = t.stale_stories.c, t.story_articles.c, t.story_revisions.c
        with write_tx(self.engine) as conn:
            for sid in story_ids:
                if conn.dialect.name == "postgresql":
                    conn.execute(
                        sa.select(t.stories.c.id).where(t.stories.c.id == sid).with_for_update()
                    )
                ids = conn.execute(sa.select(sa_.article_id).where(sa_.story_id == sid)).scalars()
                rev = conn.execute(sa.select(r.members, r.version).where(r.story_id == sid)).first()
                if rev is not None and tuple(rev) == (members_digest(ids), version):
                    conn.execute(sa.delete(t.stale_stories).where(m.story_id == sid))

    def current(self, version: str, story_ids: Iterable[StoryId] | None = None) -> bool:
        """Whether every story (or each of ``story_ids``) has a revision of ``version`` for its
        membership: for the whole store, no story is marked stale and no revision is of
        another version (two index lookups); for given stories, each digest is checked."""
        if story_ids is None:
            m = t.stale_stories.c
            with self.engine.connect() as conn:
                if conn.execute(sa.select(m.story_id).limit(1)).first() is not None:
                    return False
            return not self._other_version(version, limit=1)
        return not self.stale(version, story_ids)

    def _marked(self) -> list[StoryId]:
        m = t.stale_stories.c
        query = sa.select(m.story_id).where(m.story_id.in_(sa.select(t.stories.c.id)))
        with self.engine.connect() as conn:
            return [r[0] for r in conn.execute(query.order_by(m.story_id))]

    def _other_version(self, version: str, *, limit: int | None = None) -> list[StoryId]:
        r = t.story_revisions.c
        query = sa.select(r.story_id).where(sa.or_(r.version < version, r.version > version))
        with self.engine.connect() as conn:
            return [row[0] for row in conn.execute(query.limit(limit))]

    def total(self, name: str, facets: Iterable[str] | None = None) -> int:
        """The kept total of list ``name`` (over ``facets``, or all of them)."""
        with self.engine.connect() as conn:
            return _sum(totals.read(conn, name), facets)

    def get(self, story_id: StoryId) -> StoryAnalysis | None:
        """The stored analysis of one story, or None when it has none."""
        with self.engine.connect() as conn:
            rev = conn.execute(
                sa.select(t.story_revisions).where(t.story_revisions.c.story_id == story_id)
            ).first()
            if rev is None:
                return None
            parts = {
                table.name: [
                    json.loads(r.data)
                    for r in conn.execute(
                        sa.select(table.c.data)
                        .where(table.c.story_id == story_id)
                        .order_by(table.c.seq)
                    )
                ]
                for table in (t.story_claims, t.story_timeline, t.story_edges, t.story_quotes)
            }
        return StoryAnalysis(
            story_id=rev.story_id,
            members=rev.members,
            version=rev.version,
            title=rev.title,
            article_ids=tuple(json.loads(rev.article_ids)),
            first_seen=_date(rev.first_seen),
            last_seen=_date(rev.last_seen),
            outlets=tuple(json.loads(rev.outlets)),
            claims=tuple(parts["story_claims"]),
            timeline=tuple(parts["story_timeline"]),
            brief=json.loads(rev.brief),
            edges=tuple(parts["story_edges"]),
            quotes=tuple(parts["story_quotes"]),
            top_entities=tuple(json.loads(rev.top_entities)),
            translations=tuple(json.loads(rev.translations or "[]")),
        )

    def summaries(
        self,
        *,
        sort: StorySort = "newest",
        limit: int | None = None,
        offset: int = 0,
        story_ids: Sequence[StoryId] | None = None,
        title: str | None = None,
    ) -> tuple[int, list[StorySummary]]:
        """The story list in ``sort`` order, one page of it, with the total; optionally only
        ``story_ids`` or the stories whose title holds ``title`` (case-folded)."""
        r = t.story_revisions.c
        where: list[sa.ColumnElement[bool]] = []
        if story_ids is not None:
            where.append(r.story_id.in_(list(story_ids)))
        if title:
            where.append(sa.func.lower(r.title).contains(title.casefold(), autoescape=True))
        order = {
            "newest": [r.last_seen.desc().nulls_last(), r.latest.desc()],
            "largest": [r.articles.desc(), r.outlet_count.desc(), r.last_seen.desc().nulls_last()],
            "disputed": [r.conflicting.desc(), r.single_source.desc(), r.articles.desc()],
        }[sort]
        query = sa.select(t.story_revisions).where(*where).order_by(*order, r.story_id)
        kept = None if where else _kept("stories")
        total, rows = paged(
            self.engine, query, t.story_revisions, where, limit=limit, offset=offset, total=kept
        )
        return total, [_summary(row) for row in rows]

    def claims(
        self,
        *,
        status: str | None = None,
        story: StoryId | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Page:
        """Claims with their story's id and title, story by story in claim order."""
        c = t.story_claims.c
        where: list[sa.ColumnElement[bool]] = []
        if status:
            where.append(c.status == status)
        if story:
            where.append(c.story_id == story)
        query = (
            sa.select(c.data, c.story_id, t.story_revisions.c.title)
            .join(t.story_revisions, t.story_revisions.c.story_id == c.story_id)
            .where(*where)
            .order_by(c.story_id, c.seq)
        )
        kept = None if story else _kept("claims", [status] if status else None)
        total, rows = paged(
            self.engine, query, t.story_claims, where, limit=limit, offset=offset, total=kept
        )
        return Page(
            total,
            [{**json.loads(r.data), "story": r.story_id, "story_title": r.title} for r in rows],
        )

    def timeline(
        self, *, story: StoryId | None = None, limit: int | None = None, offset: int = 0
    ) -> Page:
        """Timeline entries, undated first, then earliest first, with their story's id."""
        c = t.story_timeline.c
        where = [c.story_id == story] if story else []
        query = (
            sa.select(c.data, c.story_id)
            .where(*where)
            .order_by(sa.func.coalesce(c.date, sa.literal_column("''")), c.text, c.story_id, c.seq)
        )  # the order of ix_story_timeline_order (the literal keeps the expression the index's)
        kept = None if story else _kept("timeline")
        total, rows = paged(
            self.engine, query, t.story_timeline, where, limit=limit, offset=offset, total=kept
        )
        return Page(total, [{**json.loads(r.data), "story": r.story_id} for r in rows])

    def quotes(
        self,
        *,
        story: StoryId | None = None,
        speaker: str | None = None,
        speaker_text: str | None = None,
        statements: bool = False,
        kind: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        count: bool = True,
    ) -> Page:
        """Attributions with their story's id, article by article in text order (without
        ``count``, the page's ``total`` is only how many it holds).

        ``speaker`` keeps those whose speaker is that entity id or whose credited name holds
        ``speaker_text`` (case-folded); ``statements`` leaves out acts and stances."""
        q = t.story_quotes.c
        where: list[sa.ColumnElement[bool]] = []
        if story:
            where.append(q.story_id == story)
        if kind:
            where.append(q.kind == kind)
        if statements:
            where.append(sa.or_(q.statement.is_(None), q.statement.is_(True)))
        who: list[sa.ColumnElement[bool]] = []
        if speaker:
            who.append(q.speaker == speaker)
        if speaker_text:
            who.append(
                sa.func.lower(q.speaker_label).contains(speaker_text.casefold(), autoescape=True)
            )
        if who:
            where.append(sa.or_(*who))
        query = sa.select(q.data, q.story_id).where(*where).order_by(q.story_id, q.seq)
        kept = None
        if not story and not who:  # a facet filter at most: the kept total answers
            flags = ("n", "t") if statements else ("n", "t", "f")
            kinds = (kind,) if kind else QUOTE_KINDS
            kept = _kept("quotes", [f"{k}:{f}" for k in kinds for f in flags])
        if not count:
            kept = _zero
        total, rows = paged(
            self.engine, query, t.story_quotes, where, limit=limit, offset=offset, total=kept
        )
        items = [{**json.loads(r.data), "stories": [r.story_id]} for r in rows]
        return Page(total if count else len(items), items)

    def stories_of(self, article_ids: Iterable[ArticleId]) -> dict[ArticleId, list[StoryId]]:
        """The story each of ``article_ids`` is in (an article is in one story at most)."""
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            return {}
        query = sa.select(t.story_articles.c.article_id, t.story_articles.c.story_id).where(
            t.story_articles.c.article_id.in_(ids)
        )
        with self.engine.connect() as conn:
            return {r.article_id: [r.story_id] for r in conn.execute(query)}


QUOTE_KINDS: tuple[str, ...] = get_args(AttributionKind)


def _sum(kept: dict[str, int], facets: Iterable[str] | None) -> int:
    if facets is None:
        return sum(kept.values())
    return sum(kept.get(f, 0) for f in set(facets))


def _kept(name: str, facets: Iterable[str] | None = None) -> Callable[[sa.Connection], int]:
    """A ``total`` for :func:`paged`: the kept total of list ``name`` over ``facets``."""
    wanted = list(facets) if facets is not None else None
    return lambda conn: _sum(totals.read(conn, name), wanted)


def _zero(conn: sa.Connection) -> int:
    return 0


def _delete(conn: sa.Connection, story_ids: list[StoryId]) -> None:
    for table in t.ANALYSIS_TABLES:
        conn.execute(sa.delete(table).where(table.c.story_id.in_(story_ids)))


def _revision_row(a: StoryAnalysis, latest: str | None) -> dict[str, Any]:
    counts = a.counts()
    return {
        "story_id": a.story_id,
        "members": a.members,
        "version": a.version,
        "computed_at": now(),
        "title": a.title,
        "articles": len(a.article_ids),
        "article_ids": _dumps(list(a.article_ids)),
        "outlets": _dumps(list(a.outlets)),
        "outlet_count": len(a.outlets),
        "first_seen": a.first_seen.isoformat() if a.first_seen else None,
        "last_seen": a.last_seen.isoformat() if a.last_seen else None,
        "latest": latest or "",
        **{status: counts.get(status, 0) for status in _COUNTED},
        "brief_markdown": str(a.brief.get("markdown") or ""),
        "brief": _dumps(a.brief),
        "top_entities": _dumps(list(a.top_entities)),
        "translations": _dumps(list(a.translations)),
    }


_COUNTED = ("corroborated", "single_source", "conflicting", "updated")


def _insert_parts(conn: sa.Connection, a: StoryAnalysis) -> None:
    sid = a.story_id
    claims, evidence = [], []
    for i, c in enumerate(a.claims):
        claims.append({
            "story_id": sid, "seq": i, "claim_id": c["id"], "status": c["status"],
            "text": c["text"], "independent_sources": c.get("independent_sources") or 0,
            "data": _dumps(c),
        })  # fmt: skip
        for j, e in enumerate(c.get("evidence", ())):
            evidence.append({
                "story_id": sid, "claim_seq": i, "seq": j, "article_id": e["article"],
                "start": e["start"], "end": e["end"], "text": e["text"],
                "states": _dumps(e.get("states", [])), "modality": e.get("modality"),
                "speaker": e.get("speaker"),
            })  # fmt: skip
    insert_rows(conn, t.story_claims, claims)
    insert_rows(conn, t.claim_evidence, evidence)
    insert_rows(conn, t.story_timeline, [
        {"story_id": sid, "seq": i, "date": e.get("date"), "text": e.get("text") or "",
         "data": _dumps(e)}
        for i, e in enumerate(a.timeline)
    ])  # fmt: skip
    insert_rows(conn, t.story_edges, [
        {"story_id": sid, "seq": i, "source": e["source"], "target": e["target"],
         "kind": e["kind"], "weight": e.get("weight") or 1, "data": _dumps(e)}
        for i, e in enumerate(a.edges)
    ])  # fmt: skip
    insert_rows(conn, t.story_quotes, [
        {"story_id": sid, "seq": i, "article_id": q["article"], "kind": q["kind"],
         "statement": q.get("statement"), "speaker": q.get("speaker"),
         "speaker_label": q.get("speaker_label"), "data": _dumps(q)}
        for i, q in enumerate(a.quotes)
    ])  # fmt: skip


def _summary(row: Any) -> StorySummary:
    return StorySummary(
        id=row.story_id,
        title=row.title,
        article_ids=tuple(json.loads(row.article_ids)),
        outlets=tuple(json.loads(row.outlets)),
        first_seen=row.first_seen,
        last_seen=row.last_seen,
        claims={s: getattr(row, s) for s in _COUNTED},
        has_brief=bool(row.brief_markdown.strip()),
        top_entities=tuple(json.loads(row.top_entities)),
    )


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
