"""Assemble the JSON report from the store's rows; validate it against the bundled JSON Schema.

The per-article parts (articles, entities, timexes, attributions) are cut from the articles'
stored layers; each story's claims, timeline and brief are its stored analysis
(:mod:`.analyse`), computed only when missing or stale. No model runs for a current story.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any

from .._types import JSON, ArticleId
from ..errors import ValidationError
from ..graph import EntityGraph, build_graph
from ..model import AnnotatedArticle, Duplicate, Story
from ..nlp import languages
from ..storage import SQLStore
from .analyse import analysis_of, with_parses
from .coverage import story_coverage
from .rows import article_row, attribution_row, report_entities, span_json

SCHEMA_ID = "storyweave.report/1"


def language_notes(items: Sequence[AnnotatedArticle]) -> list[str]:
    """The report's note on the articles not analysed for their language, if any."""
    note = languages.unanalysed_note(i.article_language for i in items)
    return [note] if note else []


def build_report(
    store: SQLStore, article_ids: Sequence[ArticleId], *, notes: Sequence[str] = ()
) -> JSON:
    """The report for these articles and the stories they belong to (with all their articles,
    so each story's claims, timeline and brief rest on every report of it)."""
    story_ids = sorted({s for ss in store.analyses.stories_of(article_ids).values() for s in ss})
    stories = [store.story(sid) for sid in story_ids]
    ids = dict.fromkeys([*article_ids, *(a for s in stories for a in s.article_ids)])
    items = [store.annotated(a) for a in ids]
    by_id = {i.article.id: i for i in items}
    entities = report_entities(store, items)
    names = {e["id"]: e for e in entities}
    duplicates = store.duplicates(by_id)
    return {
        "schema": SCHEMA_ID,
        "notes": [*notes, *language_notes(items)],
        "articles": [article_row(i) for i in items],
        "entities": entities,
        "timexes": [
            {
                "article": i.article.id,
                **(span_json(i, x.span) or {}),
                "type": x.type,
                "value": x.value,
                "anchor": x.anchor,
                "anchored": x.anchored,
                "mod": x.mod,
            }
            for i in items
            for x in i.timexes
        ],
        "attributions": [attribution_row(i, a, names) for i in items for a in i.attributions],
        "duplicates": [
            {
                "article": d.article,
                "original": d.original,
                "kind": d.kind,
                "similarity": d.similarity,
            }
            for d in duplicates
        ],
        "failures": [
            {"stage": f.stage, "ref": f.ref, "article": f.article, "code": f.code, "error": f.error}
            for f in store.failures()
            if f.article in by_id
        ],
        "stories": [_story_entry(store, s, by_id, duplicates) for s in stories],
    }


def _story_entry(
    store: SQLStore,
    story: Story,
    by_id: Mapping[str, AnnotatedArticle],
    duplicates: Sequence[Duplicate],
) -> JSON:
    """One ``stories[]`` entry: the story's analysis and its coverage."""
    analysis = analysis_of(store, story)
    members = [a for a in story.article_ids if a in by_id]
    return {
        **analysis.story_json(),
        "coverage": story_coverage(
            [by_id[a].article for a in members],
            duplicates,
            {a: by_id[a].article_language for a in members},
            analysis.translations,
        ),
    }


def story_graph(store: SQLStore, story_id: str) -> EntityGraph:
    """The entity graph of the stored story ``story_id`` (its claims from its analysis).

    Raises:
        NotFound: no story has this id.
    """
    story = store.story(story_id)
    report = build_report(store, story.article_ids)
    entry = next((s for s in report["stories"] if s["id"] == story_id), None)
    items = with_parses(store, [store.annotated(a) for a in story.article_ids])
    return build_graph(items, report, story=entry)


@functools.lru_cache(maxsize=1)
def report_schema() -> Any:
    text = resources.files("storyweave").joinpath("schema/report.schema.json").read_text("utf-8")
    return json.loads(text)


def validate_report(report: JSON) -> None:
    """Raise :class:`ValidationError` naming the first place the report breaks its schema,
    or where a span's text does not match its article's text."""
    import jsonschema

    try:
        jsonschema.validate(report, report_schema())
    except jsonschema.ValidationError as e:
        where = "/".join(str(p) for p in e.absolute_path)
        raise ValidationError("E402", field=f"report at /{where}", detail=e.message) from None
    texts = {a["id"]: a["text"] for a in report["articles"]}
    for span in _spans(report):
        got = texts[span["article"]][span["start"] : span["end"]]
        if got != span["text"]:
            raise ValidationError("E402", field="report span", detail=f"{span} != {got!r}")


def _spans(report: JSON) -> list[JSON]:
    out: list[JSON] = [m for e in report["entities"] for m in e["mentions"]]
    out += report["timexes"]
    for a in report["attributions"]:
        out += [{"article": a["article"], **s} for s in (a["content"], a["cue"], a["source"]) if s]
    for s in report["stories"]:
        for c in s["claims"]:
            out += c["evidence"]
        for t in s["timeline"]:
            out += t["evidence"]
        for b in s["brief"]["sentences"]:
            out += b["evidence"]
    return out
