"""The pages: story list, story, article, entities, quotes by speaker, search.

Each page asks the catalogue for one view and renders one template.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from ..._types import JSON
from ...storage import StorySort
from ..deps import ServicesDep
from ..routes.params import ArticleIdPath, EntityIdPath, StoryIdPath
from .render import render
from .story_view import article_view, story_view

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 30
# Entities and quotes shown on one list page (the count says how many there are in all).
ENTITY_LIMIT = 500
QUOTE_LIMIT = 500
# Characters of text shown either side of a mention on an entity's page.
KWIC_CONTEXT = 70
SORTS: tuple[tuple[str, str], ...] = (
    ("newest", "Newest"),
    ("largest", "Largest"),
    ("disputed", "Most disputed"),
)


@router.get("/", response_class=HTMLResponse)
def story_list(
    svc: ServicesDep,
    sort: StorySort = "newest",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    found = svc.catalogue.story_summaries(sort, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    return HTMLResponse(
        render(
            "stories.html",
            title="Stories",
            stories=found.items,
            total=found.total,
            sort=sort,
            sorts=SORTS,
            page=page,
            pages=max(1, -(-found.total // PAGE_SIZE)),
        )
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(svc: ServicesDep, story_id: StoryIdPath) -> HTMLResponse:
    view = story_view(svc.catalogue.story(story_id))
    return HTMLResponse(render("story.html", title=view.story["title"], view=view))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(svc: ServicesDep, article_id: ArticleIdPath) -> HTMLResponse:
    report = svc.catalogue.article(article_id)
    view = article_view(report)
    a = view.article
    return HTMLResponse(
        render(
            "article.html",
            title=a["title"] or a["ref"],
            view=view,
            stories=report["stories"],
            duplicates=report["duplicates"],
        )
    )


@router.get("/entities", response_class=HTMLResponse)
def entity_list(
    svc: ServicesDep,
    q: Annotated[str, Query(max_length=200)] = "",
    type: Annotated[Literal["PERSON", "ORG", "LOC", "PRODUCT", "OTHER"] | None, Query()] = None,
) -> HTMLResponse:
    found = svc.catalogue.entity_summaries(query=q, etype=type, limit=ENTITY_LIMIT)
    return HTMLResponse(
        render(
            "entities.html",
            title="Entities",
            entities=found.items,
            total=found.total,
            q=q,
            type=type,
        )
    )


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(svc: ServicesDep, entity_id: EntityIdPath) -> HTMLResponse:
    found = svc.catalogue.entity(entity_id)
    ent = found["entity"]
    texts = svc.catalogue.texts(m["article"] for m in ent["mentions"])
    return HTMLResponse(
        render(
            "entity.html",
            title=ent["name"],
            entity=ent,
            lines=kwic(ent["mentions"], texts),
            stories=found["stories"],
            quotes=found["quotes"],
        )
    )


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(
    svc: ServicesDep,
    speaker: Annotated[str, Query(max_length=200)] = "",
    statements: bool = False,
    kind: Annotated[Literal["", "direct", "indirect", "according_to"], Query()] = "",
) -> HTMLResponse:
    found = svc.catalogue.quotes(
        speaker=speaker or None, statements=statements, kind=kind or None, limit=QUOTE_LIMIT
    )
    quotes = found.items
    texts = svc.catalogue.titles(q["article"] for q in quotes)
    groups: dict[str, list[JSON]] = {}
    for q in quotes:
        a = texts.get(q["article"], {})
        groups.setdefault(q["speaker_name"] or "unattributed", []).append(
            {**q, "article_title": a.get("title") or a.get("ref"), "outlet": a.get("outlet")}
        )
    ordered = sorted(groups.items(), key=_group_order)
    return HTMLResponse(
        render(
            "quotes.html",
            title="Quotes",
            groups=ordered,
            speaker=speaker,
            statements=statements,
            kind=kind,
            total=found.total,
        )
    )


@router.get("/search", response_class=HTMLResponse)
def search_page(svc: ServicesDep, q: Annotated[str, Query(max_length=200)] = "") -> HTMLResponse:
    results = svc.catalogue.search(q) if q.strip() else None
    snippets = []
    if results:
        for a in results["articles"]:
            snippets.append({**a, "pieces": snippet_pieces(a)})
    return HTMLResponse(
        render("search.html", title="Search", q=q, results=results, articles=snippets)
    )


def kwic(mentions: list[JSON], articles: dict[str, JSON]) -> list[JSON]:
    """Key word in context: each mention with the text around it (slices, never rewritten)."""
    out = []
    for m in mentions:
        a = articles.get(m["article"])
        if a is None:
            continue
        text = a["text"]
        left = text[max(0, m["start"] - KWIC_CONTEXT) : m["start"]].replace("\n", " ")
        right = text[m["end"] : m["end"] + KWIC_CONTEXT].replace("\n", " ")
        out.append(
            {
                "article": a,
                "left": left,
                "match": text[m["start"] : m["end"]],
                "right": right,
                "start": m["start"],
            }
        )
    return out


def snippet_pieces(hit: JSON) -> list[tuple[str, bool]]:
    """The snippet as (text, is_match) pieces; the matches are relative to the article."""
    snip = hit["snippet"]
    text, base = snip["text"], snip["start"]
    out: list[tuple[str, bool]] = []
    cursor = 0
    for m in hit["matches"]:
        s, e = m["start"] - base, m["end"] - base
        if s < cursor or e > len(text):
            continue
        out.append((text[cursor:s], False))
        out.append((text[s:e], True))
        cursor = e
    out.append((text[cursor:], False))
    return [p for p in out if p[0]]


def _group_order(item: tuple[str, list[JSON]]) -> tuple[int, str]:
    return (-len(item[1]), item[0])
