"""Read-side questions the CLI and the HTTP API ask of a store: entities and their mentions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ._types import JSON, ArticleId, StoryId
from .entities.names import translit, words
from .model import ANALYSIS_VERSION, AttributionKind, Entity, Span, Story
from .storage import SQLStore


@dataclass(frozen=True)
class MentionInContext:
    article: ArticleId
    span: Span
    text: str
    sentence: str  # the sentence holding the mention, for display


@dataclass
class EntityView:
    """An entity with its mentions, and the stories whose articles mention it."""

    entity: Entity
    mentions: list[MentionInContext] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)

    @property
    def articles(self) -> set[ArticleId]:
        return {m.article for m in self.mentions}


def name_tokens(name: str) -> tuple[str, ...]:
    """Transliteration-folded words: "Yury Gagarin" and "yuri gagarin" give the same tokens."""
    return tuple(translit(w) for w in words(name))


def entity_views(store: SQLStore, *, story: StoryId | None = None) -> list[EntityView]:
    """Every entity mentioned in the store (or in one story), most mentioned first."""
    article_ids: Sequence[ArticleId] | None = store.story(story).article_ids if story else None
    return _views(store, article_ids=article_ids)


def find_entities(store: SQLStore, name: str) -> list[EntityView]:
    """Entities whose name or an alias matches ``name`` (every word of it, spelling-folded)."""
    wanted = set(name_tokens(name))
    if not wanted:
        return []
    matches = [
        e.id
        for e in store.entities()
        if any(wanted <= set(name_tokens(n)) for n in (e.name, *e.aliases))
    ]
    return _views(store, entity_ids=matches) if matches else []


def _views(
    store: SQLStore,
    *,
    article_ids: Sequence[ArticleId] | None = None,
    entity_ids: Sequence[str] | None = None,
) -> list[EntityView]:
    rows = store.entity_mentions(article_ids=article_ids, entity_ids=entity_ids)
    views = {e.id: EntityView(e) for e in store.entities({r[0] for r in rows})}
    texts: dict[ArticleId, str] = {}
    for eid, aid, start, end in rows:
        if aid not in texts:
            texts[aid] = store.article(aid).text
        text = texts[aid]
        dot = text.rfind(". ", 0, start)
        left = max(text.rfind("\n", 0, start) + 1, dot + 2 if dot >= 0 else 0)
        right_candidates = [p for p in (text.find("\n", end), text.find(". ", end)) if p >= 0]
        right = min(right_candidates) + 1 if right_candidates else len(text)
        views[eid].mentions.append(
            MentionInContext(aid, Span(start, end), text[start:end], text[left:right].strip())
        )
    story_of: dict[ArticleId, Story] = {}
    for st in store.stories():
        for aid in st.article_ids:
            story_of[aid] = st
    by_story: dict[str, dict[str, Story]] = defaultdict(dict)
    for view in views.values():
        for aid in sorted(view.articles):
            if aid in story_of:
                by_story[view.entity.id][story_of[aid].id] = story_of[aid]
        view.stories = list(by_story[view.entity.id].values())
    return sorted(views.values(), key=_view_order)


def _view_order(view: EntityView) -> tuple[int, str]:
    return (-len(view.mentions), view.entity.name)


def quotes(
    store: SQLStore,
    *,
    story: StoryId | None = None,
    speaker: str | None = None,
    statements: bool = False,
    kind: AttributionKind | None = None,
) -> list[JSON]:
    """Attributions as the report shows them, for one story or the whole store, read from
    the stories' stored analyses.

    With ``speaker``, only those whose speaker entity, resolved speaker name, chain or source
    phrase matches it. With ``statements``, only what someone stated: acts and stances
    ("Kozlov welcomed Kim", "Sanders wants to ...") are left out. With ``kind``, only direct
    quotes, reported speech or "according to" attributions.
    """
    if story:
        store.story(story)  # NotFound for an unknown story
    _fresh(store, [story] if story else None)
    found = store.analyses.quotes(story=story, statements=statements, kind=kind).items
    names = {e.id: e for e in store.entities({q["speaker"] for q in found if q.get("speaker")})}
    wanted = set(name_tokens(speaker)) if speaker else set()
    rows = []
    for q in found:
        ent = names.get(q.get("speaker") or "")
        q["speaker_entity"] = ent.name if ent else None
        q.pop("speaker_label", None)
        q.pop("stories", None)
        if wanted:
            forms = [*q["chain"], q["speaker_name"] or "", (q["source"] or {}).get("text", "")]
            if ent:
                forms += [ent.name, *ent.aliases]
            if not any(wanted <= set(name_tokens(f)) for f in forms if f):
                continue
        rows.append(q)
    return rows


@dataclass(frozen=True)
class StoryWhy:
    """Why a story holds its articles: each member's assignment, and the merges into it."""

    assignments: list[Any]  # storyweave.stories.Assignment
    merges: list[Any]  # storyweave.stories.Merge


def explain_story(store: SQLStore, story_id: StoryId) -> StoryWhy:
    """Each article's score, shared entities and nearest articles, and the story's merges,
    from the clusterer's state in the store (a read: no lock, no embedding model)."""
    from .storage.clusters import cluster_state
    from .stories.cache import open_stored
    from .stories.embed import MINILM_DIM, MINILM_ID

    story = store.story(story_id)
    folder = store.sidecar_dir("stories")
    with cluster_state(store, write=False) as state:
        clusterer = open_stored(state, folder, dim=MINILM_DIM, model_id=MINILM_ID, write=False)
        found = [clusterer.explain(aid) for aid in story.article_ids]
        merges = clusterer.state.merges(into=story_id)
    return StoryWhy(found, merges)


def story_claims_view(
    store: SQLStore, story_id: StoryId, *, status: str | None = None
) -> list[JSON]:
    """The story's claims as the report gives them (from its stored analysis), optionally
    only those with ``status``."""
    store.story(story_id)
    _fresh(store, [story_id])
    found = store.analyses.claims(story=story_id, status=status).items
    for c in found:
        c.pop("story", None)
        c.pop("story_title", None)
    return found


def _fresh(store: SQLStore, story_ids: Sequence[StoryId] | None) -> None:
    """Analyse the stories (of ``story_ids``, or all) whose stored analysis is stale; this
    loads models only when one is (a store written before analyses were stored)."""
    if not store.analyses.current(ANALYSIS_VERSION, story_ids):
        from .report import refresh_analyses

        refresh_analyses(store, story_ids)
