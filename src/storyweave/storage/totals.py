"""How many rows each list has, kept in ``list_totals`` in step with the rows themselves.

A list's total (the story list's "of 31,204", the claims list's per status) would otherwise
be a ``count(*)`` over the matching rows at every read: linear in the store, and at 100k
articles slower than the page it goes with. Instead every write of a story's analysis rows
and of the entity counts adds its change to ``list_totals`` in the same transaction, per
facet (a claim's status, a quote's kind and statement flag, an entity's type), and a total is
the sum of a few rows. :func:`recount` computes the whole table again from the rows (a
migration fills it that way, and a test checks that the kept totals equal a recount).

DOCS: docs/architecture.md (Story analyses)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import sqlalchemy as sa

from .._types import StoryId
from . import schema as t

Key = tuple[str, str]  # (list, facet)

LISTS = ("stories", "claims", "timeline", "quotes", "entities")


def quote_facet(kind: str, statement: bool | None) -> str:
    """A quote's facet: its kind and whether it is a statement ("t"), an act or stance ("f"),
    or unknown ("n")."""
    flag = "n" if statement is None else ("t" if statement else "f")
    return f"{kind}:{flag}"


def read(conn: sa.Connection, name: str) -> dict[str, int]:
    """The facets of list ``name`` and their totals."""
    c = t.list_totals.c
    rows = conn.execute(sa.select(c.facet, c.n).where(c.list == name))
    return {r.facet: int(r.n) for r in rows}


def add(conn: sa.Connection, change: Mapping[Key, int]) -> None:
    """Add ``change`` to the kept totals (keys in order, so two writers lock rows alike)."""
    rows = [{"list": k[0], "facet": k[1], "n": n} for k, n in sorted(change.items()) if n]
    if not rows:
        return
    from sqlalchemy.dialects import postgresql, sqlite

    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    for row in rows:
        stmt = dialect.insert(t.list_totals).values(**row)
        conn.execute(
            stmt.on_conflict_do_update(
                index_elements=["list", "facet"], set_={"n": t.list_totals.c.n + stmt.excluded.n}
            )
        )


def of_stories(conn: sa.Connection, story_ids: Iterable[StoryId]) -> Counter[Key]:
    """What the stored analysis rows of ``story_ids`` add to the totals."""
    ids = sorted(set(story_ids))
    out: Counter[Key] = Counter()
    for lo in range(0, len(ids), 500):
        part = ids[lo : lo + 500]
        out += _story_rows(conn, part)
    return out


def of_analysis(analysis: Any) -> Counter[Key]:
    """What one :class:`~storyweave.model.StoryAnalysis` adds to the totals."""
    out: Counter[Key] = Counter({("stories", ""): 1})
    for claim in analysis.claims:
        out["claims", claim["status"]] += 1
    out["timeline", ""] += len(analysis.timeline)
    for q in analysis.quotes:
        out["quotes", quote_facet(q["kind"], q.get("statement"))] += 1
    return out


def change(new: Mapping[Key, int], old: Mapping[Key, int]) -> dict[Key, int]:
    """What to add to the totals when rows counted ``old`` become rows counted ``new``
    (negative where rows went: a Counter's ``-`` would drop those)."""
    return {k: new.get(k, 0) - old.get(k, 0) for k in {*new, *old}}


def recount(conn: sa.Connection) -> None:
    """Compute every total again from the rows, replacing what was kept."""
    counts = _story_rows(conn, None)
    s = t.entity_stats.c
    for etype, n in conn.execute(sa.select(s.type, sa.func.count()).group_by(s.type)):
        counts["entities", str(etype)] += int(n)
    conn.execute(sa.delete(t.list_totals))
    add(conn, counts)


def _story_rows(conn: sa.Connection, part: list[StoryId] | None) -> Counter[Key]:
    """What the analysis rows of the stories ``part`` (None: every story) add to the totals."""
    out: Counter[Key] = Counter()

    def among(table: sa.Table) -> list[Any]:
        return [table.c.story_id.in_(part)] if part is not None else []

    revisions = t.story_revisions
    n = conn.execute(sa.select(sa.func.count()).select_from(revisions).where(*among(revisions)))
    out["stories", ""] += int(n.scalar_one())
    c = t.story_claims.c
    query = sa.select(c.status, sa.func.count()).where(*among(t.story_claims)).group_by(c.status)
    for status, k in conn.execute(query):
        out["claims", str(status)] += int(k)
    n = conn.execute(
        sa.select(sa.func.count()).select_from(t.story_timeline).where(*among(t.story_timeline))
    )
    out["timeline", ""] += int(n.scalar_one())
    q = t.story_quotes.c
    query = (
        sa.select(q.kind, q.statement, sa.func.count())
        .where(*among(t.story_quotes))
        .group_by(q.kind, q.statement)
    )
    for kind, statement, k in conn.execute(query):
        out["quotes", quote_facet(str(kind), statement)] += int(k)
    return +out
