"""The report's rows for single articles: the article, its entities with their mentions,
its attributions with speakers resolved and chains in canonical names.

These read one article's stored layers and the entities table; they load no model, so every
view may build them for the articles it shows.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._types import JSON, ArticleId
from ..model import AnnotatedArticle, Attribution, Mention, Span
from ..nlp import languages
from ..storage import SQLStore


def span_json(item: AnnotatedArticle, span: Span | None, *, article: bool = False) -> JSON | None:
    if span is None:
        return None
    out: JSON = {"article": item.article.id} if article else {}
    out.update(start=span.start, end=span.end, text=span.text_in(item.article.text))
    return out


def report_entities(store: SQLStore, items: Sequence[AnnotatedArticle]) -> list[JSON]:
    """The entities mentioned in ``items``, as the report lists them (most mentioned first)."""
    entity_mentions: dict[str, list[JSON]] = {}
    for item in items:
        for m in item.mentions:
            if m.entity_id:
                entity_mentions.setdefault(m.entity_id, []).append(
                    span_json(item, m.span, article=True) or {}
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
        "content": span_json(item, a.content),
        "cue": span_json(item, a.cue),
        "source": span_json(item, a.source),
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


def _entity_order(e: JSON) -> tuple[int, str]:
    return (-len(e["mentions"]), e["name"])


def article_row(item: AnnotatedArticle) -> JSON:
    a = item.article
    return {
        "id": a.id,
        "ref": a.ref,
        "title": a.title,
        "outlet": a.outlet,
        "published": a.published.isoformat() if a.published else None,
        "language": item.article_language,
        "analysis": languages.analysis(item.article_language),
        "url": a.url,
        "author": a.author,
        "credit": a.credit,
        "body_end": a.body_end if a.body_end is not None else len(a.text),
        "body_start": a.body_start or 0,
        "credits": list(a.credits),
        "text": a.text,
    }


def speaker_label(row: JSON, names: dict[str, str]) -> str | None:
    """Who an attribution row credits: the linked entity's name, else the source phrase, else
    the innermost name of its chain."""
    if row.get("speaker") and row["speaker"] in names:
        return names[row["speaker"]]
    if row.get("source"):
        return str(row["source"]["text"])
    chain = row.get("chain") or []
    return str(chain[-1]) if chain else None
