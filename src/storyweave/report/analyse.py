"""Story analyses: what is computed when a story changes, once, and kept as rows.

:func:`refresh_analyses` finds the stories whose stored revision is missing or stale (another
membership, another :data:`ANALYSIS_VERSION`) and computes each one's claims, timeline, entity
graph edges, attributions and brief (:func:`analyse_story`), writing it as one transaction
(:meth:`storyweave.storage.AnalysisRows.save`). Ingest calls it for the stories it changed;
every read then reads rows (:mod:`.build` assembles reports from them).

DOCS: docs/architecture.md (Story analyses)
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from .._types import JSON, StoryId
from ..brief import build_brief
from ..brief.title import fact_title
from ..claims import story_claims, story_translations
from ..claims.stored import attach_units
from ..faults import checkpoint
from ..graph import build_graph, graph_json
from ..hashing import members_digest
from ..model import ANALYSIS_VERSION, AnnotatedArticle, Duplicate, Story, StoryAnalysis
from ..nlp.attach import with_docs
from ..nlp.languages import analysed
from ..storage import SQLStore
from ..storage.units import read_units
from ..stories.features import headline
from ..stories.title import MIN_HEADLINE_CHARS
from ..timeline import build_timeline
from .rows import article_row, attribution_row, report_entities, speaker_label

log = logging.getLogger(__name__)

TOP_ENTITIES = 5


def refresh_analyses(
    store: SQLStore,
    story_ids: Iterable[StoryId] | None = None,
    *,
    embed: Any = None,
    done: Callable[[], None] | None = None,
) -> list[StoryId]:
    """Compute and store the analysis of every stale story (of ``story_ids``, or all);
    return the ids written (``done`` is called after each story). Rows of stories that no
    longer exist are deleted."""
    stale = store.analyses.stale(ANALYSIS_VERSION, story_ids)
    written: list[StoryId] = []
    members: list[str] = []
    if stale:
        embed = embed if embed is not None else sentence_embedder()
    for sid in stale:
        analysis = analyse_story(store, store.story(sid), embed=embed)
        if store.analyses.save(analysis):
            written.append(sid)
            members += analysis.article_ids
            checkpoint("story-analysed")
        else:  # another writer changed the story meanwhile; its run writes the new revision
            log.info("story %s changed while it was analysed; left for the next run", sid)
        if done is not None:
            done()
    store.analyses.purge()
    if written:
        store.listing.refresh_entity_stats(store.listing.entities_in(members))
    return written


def analysis_of(store: SQLStore, story: Story, *, embed: Any = None) -> StoryAnalysis:
    """The story's stored analysis when current, else one computed now (and stored)."""
    found = store.analyses.get(story.id)
    if (
        found is not None
        and found.version == ANALYSIS_VERSION
        and found.members == members_digest(story.article_ids)
    ):
        return found
    analysis = analyse_story(store, story, embed=embed)
    store.analyses.save(analysis)
    return analysis


def analyse_story(store: SQLStore, story: Story, *, embed: Any = None) -> StoryAnalysis:
    """Compute one story's analysis from its stored articles (and their stored parses);
    claims are aligned with ``embed`` (default: the sentence embedder, when installed)."""
    embed = embed if embed is not None else sentence_embedder()
    items = with_parses(store, [store.annotated(a) for a in story.article_ids])
    duplicates = store.duplicates([i.article.id for i in items])
    return compute_analysis(story, items, store=store, duplicates=duplicates, embed=embed)


def readable_title(story: Story, items: Sequence[AnnotatedArticle]) -> str:
    """The story's title, but never a headline in a language storyweave does not analyse while
    an analysed member has one (a Spanish report joining an English story does not rename it);
    "" when only foreign members have headlines, so the title comes from the headline fact (the
    foreign headline again only when there is no fact to title it by)."""
    read = [i for i in items if analysed(i.article_language)]
    foreign = {headline(i) for i in items if i not in read}
    if story.title not in foreign or not read:
        return story.title
    for item in read:
        if len(headline(item)) >= MIN_HEADLINE_CHARS:
            return headline(item)
    return ""  # no analysed member has a headline: the title comes from the headline fact


def compute_analysis(
    story: Story,
    items: Sequence[AnnotatedArticle],
    *,
    store: SQLStore,
    duplicates: Sequence[Duplicate] = (),
    embed: Any = None,
) -> StoryAnalysis:
    entities = report_entities(store, items)
    by_id = {e["id"]: e for e in entities}
    names = {e["id"]: str(e["name"]) for e in entities}
    quotes = []
    for item in items:
        for a in item.attributions:
            row = attribution_row(item, a, by_id)
            quotes.append({**row, "speaker_label": speaker_label(row, names)})
    texts = {i.article.id: i.article.text for i in items}
    translations = story_translations(items)  # found once: for the claims and the coverage
    claims = story_claims(items, duplicates=duplicates, embed=embed, translations=translations)
    entry: JSON = {
        "id": story.id,
        "title": readable_title(story, items),
        "articles": list(story.article_ids),
        "first_seen": story.first_seen.isoformat() if story.first_seen else None,
        "last_seen": story.last_seen.isoformat() if story.last_seen else None,
        "claims": claims,
        "timeline": [e.to_json(texts) for e in build_timeline(items, claims=claims)],
        "brief": {"markdown": "", "sentences": []},
    }
    context: JSON = {
        "articles": [article_row(i) for i in items],
        "entities": entities,
        "attributions": quotes,
    }
    brief = build_brief(entry, context, docs={i.article.id: i.doc for i in items})
    if not entry["title"] or not any(len(headline(i)) >= MIN_HEADLINE_CHARS for i in items):
        entry["title"] = fact_title(brief, claims) or story.title  # no member has a title
    edges = graph_json(build_graph(items, context, story=entry))["edges"]
    return StoryAnalysis(
        story_id=story.id,
        members=members_digest(story.article_ids),
        version=ANALYSIS_VERSION,
        title=str(entry["title"]),
        article_ids=tuple(story.article_ids),
        first_seen=story.first_seen,
        last_seen=story.last_seen,
        outlets=tuple(sorted({o for i in items if (o := i.article.outlet)})),
        claims=tuple(entry["claims"]),
        timeline=tuple(entry["timeline"]),
        brief=brief,
        edges=tuple(edges),
        quotes=tuple(quotes),
        top_entities=tuple(
            {"id": e["id"], "name": e["name"], "type": e["type"], "mentions": len(e["mentions"])}
            for e in entities[:TOP_ENTITIES]
        ),
        translations=tuple(translations),
    )


def with_parses(store: SQLStore, items: list[AnnotatedArticle]) -> list[AnnotatedArticle]:
    """``items`` with their stored parses and claim units: claims, timeline and brief share
    each article's one ``Doc``, and only an article without a usable parse is parsed."""
    ids = [i.article.id for i in items]
    if not ids:
        return items
    return attach_units(with_docs(items, store.parses(ids)), read_units(store.engine, ids))


def sentence_embedder() -> Any:
    """The sentence embedder for claim alignment, or None (word overlap) when its model is
    not installed."""
    from ..errors import ConfigError
    from ..stories import default_embedder

    try:
        return default_embedder().embed
    except ConfigError:
        return None
