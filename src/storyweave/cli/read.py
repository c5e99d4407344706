"""The commands that read the store: ``articles``, ``stories``, ``show``, ``claims``,
``entities``, ``entity`` and ``quotes``. Reading needs no model: keep the imports here light
(tests/test_cli.py checks that these commands import none)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import click
from rich.markup import escape

from ..catalogue import Catalogue
from ..errors import StoryweaveError
from ..model import AttributionKind
from ..report import build_report
from ..storage import SQLStore
from .common import out, with_store
from .output import Column, emit, rows_format

ARTICLE_COLUMNS = (
    Column("id", "id"),
    Column("published", "published"),
    Column("outlet", "outlet"),
    Column("title / ref", lambda a: a["title"] or a["ref"]),
)


@click.command()
@click.option("--limit", type=int, default=50, show_default=True)
@rows_format(json_flag="jsonl")
@with_store
def articles(store: SQLStore, limit: int, fmt: str) -> None:
    """List the stored articles, newest first (--json: JSON lines)."""
    listed = Catalogue(store).articles(limit=limit)
    rows = [
        {k: r.get(k) for k in ("id", "ref", "title", "outlet", "published", "url", "language")}
        for r in listed.items
    ]
    emit(rows, ARTICLE_COLUMNS, fmt, empty="No articles yet: run `storyweave ingest PATH`.")
    if fmt == "table":
        more = f" ({len(rows)} shown: --limit for more)" if listed.total > len(rows) else ""
        out.print(f"{listed.total} articles in {store.url}{more}", markup=False)


@click.command()
@click.option("--entities", "with_entities", is_flag=True, help="Also list each story's entities.")
@click.option(
    "--sort",
    type=click.Choice(["newest", "largest", "disputed"]),
    default="newest",
    show_default=True,
    help="Newest news first, most articles, or most disputed.",
)
@click.option("--limit", type=int, default=50, show_default=True, help="Stories to list.")
@rows_format()
@with_store
def stories(store: SQLStore, with_entities: bool, sort: Any, limit: int, fmt: str) -> None:
    """List the stories."""
    cat = Catalogue(store)
    found = cat.story_summaries(sort, limit=limit)
    if fmt != "table":
        rows = [
            {
                "id": s["id"],
                "title": s["title"],
                "articles": s["article_ids"],
                "first_seen": s.get("first_seen"),
                "last_seen": s.get("last_seen"),
                "outlets": s.get("outlets"),
            }
            for s in found.items
        ]
        emit(rows, STORY_COLUMNS, fmt)
        return
    for s in found.items:
        out.print(
            f"[bold]{s['id']}[/bold]  {escape(s['title'])}  ({s['articles']} article(s))",
            soft_wrap=True,
        )
        if with_entities:
            _print_entities(cat, s["id"])
    if not found.items:
        out.print("No stories yet: run `storyweave ingest PATH` first.")
    elif found.total > len(found.items):
        out.print(f"{len(found.items)} of {found.total} stories (--limit for more)")


STORY_COLUMNS = (
    Column("id", "id"),
    Column("title", "title"),
    Column("articles", lambda s: len(s["articles"])),
    Column("last seen", "last_seen"),
)


def _print_entities(cat: Catalogue, story_id: str, indent: str = "    ") -> None:
    """The story's entities by type, most mentioned first (no report: nothing else is needed)."""
    by_type: dict[str, list[str]] = {}
    for e in cat.story_entities(story_id):
        by_type.setdefault(e["type"], []).append(f"{e['name']} ×{e['mention_count']}")
    for etype in ("PERSON", "ORG", "LOC", "PRODUCT", "OTHER"):
        if etype in by_type:
            out.print(
                f"{indent}{etype:<7} " + ", ".join(by_type[etype]), markup=False, soft_wrap=True
            )


@click.command()
@click.argument("story_id")
@click.option("--json", "as_json", is_flag=True, help="Print the story's report as JSON.")
@click.option("--why", is_flag=True, help="Explain each article's place in the story.")
@with_store
def show(store: SQLStore, story_id: str, as_json: bool, why: bool) -> None:
    """Show one story: its articles and entities (and with --why, why they belong together)."""
    try:
        story = store.story(story_id)
    except StoryweaveError as e:
        raise click.ClickException(str(e)) from None
    if why:
        _print_why(store, story_id)
        return
    if as_json:
        out.print_json(json.dumps(build_report(store, story.article_ids)))
        return
    analysed = store.analyses.get(story.id)  # its title from the stored analysis, if any
    title = analysed.title if analysed is not None else story.title
    out.print(f"[bold]{escape(title)}[/bold]  ({story.id})", soft_wrap=True)
    for a in store.articles(story.article_ids):
        out.print(
            f"  {a.id}  {a.published or 'no date'}  {a.outlet or 'unknown outlet'}  {a.ref}",
            markup=False,
        )
    _print_entities(Catalogue(store), story.id, indent="  ")


def _print_why(store: SQLStore, story_id: str) -> None:
    found = Catalogue(store).explain(story_id)
    for a in found.assignments:
        if len(found.assignments) > 1:
            head = f"average-link score {a.score:.3f} (bar {a.threshold:.3f})"
        else:
            head = f"alone: bar {a.threshold:.3f} for its length"
        out.print(f"[bold]{a.article_id}[/bold] {head}", soft_wrap=True)
        if a.shared_entities:
            out.print("  shared: " + ", ".join(a.shared_entities), markup=False, soft_wrap=True)
        near = ", ".join(f"{aid} ({score:.2f})" for aid, score in a.nearest_articles)
        if near:
            out.print(f"  nearest: {near}", markup=False, soft_wrap=True)
        if a.nearest_other is not None:
            out.print("  " + _why_not(a.nearest_other), markup=False, soft_wrap=True)
    for m in found.merges:
        bridge = ", ".join(m.bridge)
        out.print(f"merged story {m.absorbed} (score {m.score:.3f}) when {bridge} arrived",
                  markup=False, soft_wrap=True)  # fmt: skip


def _why_not(c: Any) -> str:
    """One line on the best story an article is not in (a storyweave.stories.Candidate)."""
    p = c.parts
    parts = (
        f"embedding {p.embedding:.3f} + terms {p.terms:.3f} + entities {p.entities:.3f}"
        f" - time {p.time:.3f}"
    )
    verdict = "below" if c.score < c.threshold else "at or above"
    line = f"best other story {c.story_id}: score {c.score:.3f} {verdict} its bar"
    line += f" {c.threshold:.3f} ({parts})"
    if c.shared_entities:
        line += "; shared: " + ", ".join(c.shared_entities)
    if c.missing:
        line += "; missing: " + ", ".join(c.missing)
    return line


@click.command()
@click.argument("story_id")
@click.option("--status",
              type=click.Choice(["corroborated", "single_source", "conflicting", "updated"]),
              default=None, help="Only claims with this status.")  # fmt: skip
@rows_format()
@with_store
def claims(store: SQLStore, story_id: str, status: str | None, fmt: str) -> None:
    """The story's claims: corroborated, single-source or conflicting, and why."""
    try:
        rows = Catalogue(store).story_claims(story_id, status=status)
    except StoryweaveError as err:
        raise click.ClickException(str(err)) from None
    if fmt != "table":
        emit(rows, CLAIM_COLUMNS, fmt)
        return
    colour = {
        "corroborated": "green",
        "single_source": "yellow",
        "conflicting": "red",
        "updated": "cyan",
    }
    for c in rows:
        label = f"[{colour[c['status']]}]{c['status']}[/]"
        out.print(f"{label} ({c['independent_sources']} source(s))  {escape(c['text'])}",
                  soft_wrap=True)  # fmt: skip
        out.print(f"  why: {c['why']}", markup=False, soft_wrap=True)
    if not rows:
        out.print("No claims" + (f" with status {status}." if status else "."))


CLAIM_COLUMNS = (
    Column("status", "status"),
    Column("sources", "independent_sources"),
    Column("claim", "text"),
    Column("why", "why"),
)


@click.command()
@click.option("--story", default=None, help="Only the entities of this story.")
@click.option("--type", "etype", default=None,
              type=click.Choice(["PERSON", "ORG", "LOC", "PRODUCT", "OTHER"]))  # fmt: skip
@click.option("--limit", type=int, default=50, show_default=True,
              help="Entities to list (the most mentioned; a story's are all listed).")  # fmt: skip
@rows_format()
@with_store
def entities(store: SQLStore, story: str | None, etype: str | None, limit: int, fmt: str) -> None:
    """List entities with their mention counts, roles and aliases."""
    cat = Catalogue(store)
    total = None
    try:
        if story:
            rows = [e for e in cat.story_entities(story) if etype is None or e["type"] == etype]
        else:
            found = cat.entity_summaries(etype=etype, limit=limit)
            total = found.total
            rows = [
                {**e, "mention_count": e["mentions"], "article_count": e["articles"]}
                for e in found.items
            ]
    except StoryweaveError as err:
        raise click.ClickException(str(err)) from None
    emit(
        [{**_entity_json(e), "article_count": e["article_count"]} for e in rows],
        ENTITY_COLUMNS,
        fmt,
        empty="No entities.",
    )
    if fmt == "table" and total is not None and total > len(rows):
        out.print(f"{len(rows)} of {total} entities (--limit for more)")


ENTITY_COLUMNS = (
    Column("entity", lambda e: e["name"] + (" (news source)" if e["news_source"] else "")),
    Column("type", "type"),
    Column("mentions", "mention_count"),
    Column("articles", "article_count"),
    Column("roles", lambda e: e["roles"][:3]),
    Column("aliases", "aliases"),
)


@click.command()
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@with_store
def entity(store: SQLStore, name: str, as_json: bool) -> None:
    """Show the entities called NAME: their mentions, roles and stories."""
    pages = Catalogue(store).entities_named(name)
    if as_json:
        out.print_json(json.dumps([_entity_json(p["entity"], p) for p in pages]))
        return
    if not pages:
        raise click.ClickException(f"No entity named {name!r}. Try `storyweave entities`.")
    for page in pages:
        e = page["entity"]
        out.print(f"[bold]{escape(e['name'])}[/bold]  {e['type']}  ({e['id']})", soft_wrap=True)
        if e["news_source"]:
            out.print("  a news source")
        if e["aliases"]:
            out.print("  also: " + ", ".join(e["aliases"]), markup=False, soft_wrap=True)
        if e["roles"]:
            out.print("  roles: " + ", ".join(e["roles"]), markup=False, soft_wrap=True)
        for st in page["stories"]:
            out.print(f"  story {st['id']}: {st['title']}", markup=False, soft_wrap=True)
        for m in e["mentions"]:
            out.print(f"  - {m['text']!r} in {m['article']}: {m['sentence']}",
                      markup=False, soft_wrap=True)  # fmt: skip
        if e["mention_count"] > len(e["mentions"]):
            out.print(f"  (the first {len(e['mentions'])} of {e['mention_count']} mentions)")


@click.command("quotes")
@click.option("--story", default=None, help="Only the quotes of this story.")
@click.option("--speaker", default=None, help="Only quotes by (or relayed through) this name.")
@click.option(
    "--statements",
    is_flag=True,
    help='Only what someone stated: leave out acts and stances ("welcomed Kim").',
)
@click.option(
    "--kind",
    type=click.Choice(["direct", "indirect", "according_to"]),
    default=None,
    help='Only direct quotes, reported speech, or "according to" attributions.',
)
@rows_format()
@with_store
def quotes_cmd(
    store: SQLStore,
    story: str | None,
    speaker: str | None,
    statements: bool,
    kind: AttributionKind | None,
    fmt: str,
) -> None:
    """Who said what, and through whom: quotes and attributions."""
    try:
        rows = Catalogue(store).attributions(
            story=story, speaker=speaker, statements=statements, kind=kind
        )
    except StoryweaveError as err:
        raise click.ClickException(str(err)) from None
    if fmt != "table":
        emit(rows, QUOTE_COLUMNS, fmt)
        return
    for q in rows:
        who = _who(q)
        via = " → ".join(q["chain"])
        out.print(f"[bold]{escape(who)}[/bold] ({q['kind']}; {escape(via)})", soft_wrap=True)
        out.print(f"  {q['content']['text']}", markup=False, soft_wrap=True)
    if not rows:
        out.print("No quotes found.")


def _who(q: Mapping[str, Any]) -> str:
    return str(q["speaker_entity"] or q["speaker_name"] or (q["source"] or {}).get("text") or "?")


QUOTE_COLUMNS = (
    Column("speaker", _who),
    Column("kind", "kind"),
    Column("via", lambda q: " → ".join(q["chain"])),
    Column("what", lambda q: q["content"]["text"]),
)


def _entity_json(e: dict[str, Any], page: dict[str, Any] | None = None) -> dict[str, Any]:
    """An entity as ``entities --json`` and ``entity --json`` print it."""
    keys = ("id", "name", "type", "aliases", "roles", "news_source", "mention_count")
    data = {k: e[k] for k in keys}
    if page is not None:
        data["stories"] = [s["id"] for s in page["stories"]]
        data["mentions"] = [
            {k: m[k] for k in ("article", "start", "end", "text")} for m in e["mentions"]
        ]
    return data
