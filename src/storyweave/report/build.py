"""Build the JSON report from the store; validate it against the bundled JSON Schema."""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from importlib import resources
from typing import Any

from .._types import JSON, ArticleId
from ..brief import attach_briefs
from ..claims import story_claims
from ..claims.stored import attach_units
from ..errors import ValidationError
from ..model import AnnotatedArticle, Attribution, Mention, Span, Story
from ..nlp.attach import with_docs
from ..storage import SQLStore
from ..storage.units import read_units
from ..timeline import build_timeline

SCHEMA_ID = "storyweave.report/1"


def _span(item: AnnotatedArticle, span: Span | None, *, article: bool = False) -> JSON | None:
    if span is None:
        return None
    out: JSON = {"article": item.article.id} if article else {}
    out.update(start=span.start, end=span.end, text=span.text_in(item.article.text))
    return out


def build_report(
    store: SQLStore, article_ids: Sequence[ArticleId], *, notes: Sequence[str] = ()
) -> JSON:
    """The report for these articles and the stories they belong to (with all their articles,
    so each story's claims, timeline and brief rest on every report of it)."""
    wanted = set(article_ids)
    stories = [s for s in store.stories() if wanted & set(s.article_ids)]
    ids = dict.fromkeys([*article_ids, *(a for s in stories for a in s.article_ids)])
    items = _with_parses(store, [store.annotated(a) for a in ids], stories)
    by_id = {i.article.id: i for i in items}
    entities = report_entities(store, items)
    names = {e["id"]: e for e in entities}
    texts = {i.article.id: i.article.text for i in items}
    duplicates = store.duplicates(by_id)
    embed = _embed()
    report: JSON = {
        "schema": SCHEMA_ID,
        "notes": list(notes),
        "articles": [_article(i) for i in items],
        "entities": entities,
        "timexes": [
            {
                "article": i.article.id,
                **(_span(i, x.span) or {}),
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
        "stories": [
            {
                "id": s.id,
                "title": s.title,
                "articles": list(s.article_ids),
                "first_seen": s.first_seen.isoformat() if s.first_seen else None,
                "last_seen": s.last_seen.isoformat() if s.last_seen else None,
                "claims": story_claims(
                    [by_id[a] for a in s.article_ids if a in by_id],
                    duplicates=duplicates,
                    embed=embed,
                ),
                "timeline": [
                    e.to_json(texts)
                    for e in build_timeline([by_id[a] for a in s.article_ids if a in by_id])
                ],
                "brief": {"markdown": "", "sentences": []},
            }
            for s in stories
        ],
    }
    return attach_briefs(report, docs={i.article.id: i.doc for i in items})


def _with_parses(
    store: SQLStore, items: list[AnnotatedArticle], stories: Sequence[Story]
) -> list[AnnotatedArticle]:
    """``items`` with the stored parses and claim units of the stories' articles: claims,
    timeline and brief share each article's one ``Doc``; only a story article without a
    usable parse is parsed."""
    members = {a for s in stories for a in s.article_ids}
    if not members:
        return items
    parsed = with_docs([i for i in items if i.article.id in members], store.parses(members))
    ready = {i.article.id: i for i in attach_units(parsed, read_units(store.engine, members))}
    return [ready.get(i.article.id, i) for i in items]


def report_entities(store: SQLStore, items: Sequence[AnnotatedArticle]) -> list[JSON]:
    """The entities mentioned in ``items``, as the report lists them (most mentioned first)."""
    entity_mentions: dict[str, list[JSON]] = {}
    for item in items:
        for m in item.mentions:
            if m.entity_id:
                entity_mentions.setdefault(m.entity_id, []).append(
                    _span(item, m.span, article=True) or {}
                )
    entities: list[JSON] = [
        {
            "id": e.id,
            "name": e.name,
            "type": e.type,
            "aliases": list(e.aliases),
            "roles": list(e.roles),
            "news_source": e.news_source,
            "mentions": entity_mentions[e.id],
        }
        for e in store.entities(entity_mentions)
    ]
    entities.sort(key=_entity_order)
    return entities


def attribution_rows(
    store: SQLStore, article_ids: Sequence[ArticleId]
) -> tuple[list[JSON], list[JSON]]:
    """The report's ``attributions`` and ``entities`` for these articles alone, without the
    stories' claims, timelines and briefs (what the quotes views need)."""
    items = [store.annotated(a) for a in dict.fromkeys(article_ids)]
    entities = report_entities(store, items)
    names = {e["id"]: e for e in entities}
    return [attribution_row(i, a, names) for i in items for a in i.attributions], entities


def attribution_row(item: AnnotatedArticle, a: Attribution, entities: dict[str, JSON]) -> JSON:
    """One attribution as the report shows it: speaker resolved to an entity, and the
    article's credited outlet (from its credit line) as the outermost link of the chain."""
    chain = canonical_chain(item, a.chain, entities)
    credit = item.article.outlet if item.article.credit else None
    if credit and (not chain or chain[0] != credit):
        chain.insert(0, credit)
    return {
        "article": item.article.id,
        "kind": a.kind,
        "content": _span(item, a.content),
        "cue": _span(item, a.cue),
        "source": _span(item, a.source),
        "speaker": a.speaker or speaker_entity(item, a, entities),
        "speaker_name": a.speaker_name,
        "source_type": a.source_type,
        "statement": a.statement,
        "chain": chain,
    }


def canonical_chain(
    item: AnnotatedArticle, chain: Sequence[str], entities: dict[str, JSON]
) -> list[str]:
    """``chain`` with each link that names a linked entity of this article written as that
    entity's canonical name ("Kim Jong Un" -> "Kim Jong-un"); other links are kept as written.

    A link is matched, case-insensitively, first to the text of the article's own linked
    mentions, then to their entities' names, then to their aliases. The stored attributions
    keep the names extraction gave: canonical names are cross-document and can change as the
    store grows, so they are applied here, whenever a chain is reported."""
    text = item.article.text
    linked = [
        (m, entities[m.entity_id]) for m in item.mentions if m.entity_id and m.entity_id in entities
    ]
    forms: dict[str, str] = {}
    for m, ent in linked:
        forms.setdefault(m.span.text_in(text).casefold(), str(ent["name"]))
    for _, ent in linked:
        forms.setdefault(str(ent["name"]).casefold(), str(ent["name"]))
    for _, ent in linked:
        for alias in ent["aliases"]:
            forms.setdefault(str(alias).casefold(), str(ent["name"]))
    return [forms.get(link.casefold(), link) for link in chain]


def attribution_kept(row: JSON, *, statements: bool = False, kind: str | None = None) -> bool:
    """Whether an :func:`attribution_row` passes the quotes filters: with ``statements``, only
    what someone stated (not an act or a stance); with ``kind``, only that kind."""
    if statements and row.get("statement") is False:
        return False
    return kind is None or row["kind"] == kind


def speaker_entity(item: AnnotatedArticle, a: Attribution, entities: dict[str, JSON]) -> str | None:
    """The entity the source phrase names, else the one named by the resolved ``speaker_name``.

    A linked mention inside the phrase names the speaker when it is the phrase's head (it ends
    the phrase: "Kremlin spokesman Dmitry Peskov") or heads an apposition ("An Chan-il, a
    researcher"); "Pyongyang's space agency" is not Pyongyang. People rank first, then length.
    """
    if a.source is not None:
        text = item.article.text
        inside = [
            m for m in item.mentions
            if m.entity_id and m.entity_id in entities
            and a.source.start <= m.span.start and m.span.end <= a.source.end
            and (m.span.end == a.source.end or text[m.span.end : a.source.end].startswith(","))
        ]  # fmt: skip
        if inside:
            best = max(inside, key=_speaker_rank)
            return best.entity_id
    if a.speaker_name:
        wanted = a.speaker_name.casefold()
        for m in item.mentions:
            ent = entities.get(m.entity_id or "")
            if ent and wanted in {n.casefold() for n in (ent["name"], *ent["aliases"])}:
                return str(ent["id"])
    return None


def _speaker_rank(m: Mention) -> tuple[bool, int]:
    return (m.label == "PERSON", m.span.end - m.span.start)


def _embed() -> Any:
    """The sentence embedder for claim alignment, or None (word overlap) when its model is
    not installed."""
    from ..errors import ConfigError
    from ..stories import default_embedder

    try:
        return default_embedder().embed
    except ConfigError:
        return None


def _entity_order(e: JSON) -> tuple[int, str]:
    return (-len(e["mentions"]), e["name"])


def _article(item: AnnotatedArticle) -> JSON:
    a = item.article
    return {
        "id": a.id,
        "ref": a.ref,
        "title": a.title,
        "outlet": a.outlet,
        "published": a.published.isoformat() if a.published else None,
        "language": item.language or a.language,
        "url": a.url,
        "author": a.author,
        "credit": a.credit,
        "body_end": a.body_end if a.body_end is not None else len(a.text),
        "text": a.text,
    }


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
