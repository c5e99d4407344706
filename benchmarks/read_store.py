"""The store bench_reads.py measures: the bundled examples, analysed, grown by copying rows.

``build_base`` ingests the examples into a SQLite file; :class:`Grower` copies every article
with its layers, the stories with their analysis rows, and the entities (about one in seven,
and every news source, shared by all copies) with fresh ids, by ``INSERT ... SELECT`` from
templates in temporary tables, ``CHUNK`` copies a transaction; ``refresh_kept`` then counts
the shared entities and the lists' kept totals again. See bench_reads.py for the figures.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sqlite3
from pathlib import Path
from typing import Any

from storyweave.analysis import ingest
from storyweave.hashing import members_digest
from storyweave.storage import SQLStore, open_store, totals

ROOT = Path(__file__).resolve().parents[1]
CHUNK = 250  # copies of the base store per transaction
MARK = "\x01"  # stands for a copy's suffix in the templates

# rows keyed by article: copied with every article
ARTICLE_TABLES = ("sentences", "mentions", "timexes", "attributions", "stage_runs", "entity_links")
# rows keyed by story (story_revisions is written apart: its membership digest is recomputed)
STORY_TABLES = ("stories", "story_articles", "story_claims", "claim_evidence", "story_timeline",
                "story_edges", "story_quotes")  # fmt: skip
# how a copied column is rewritten, beyond putting the copy's suffix in for MARK
SPECIAL = {
    ("articles", "title"): "t.title || c.tag",
    ("articles", "text"): "t.text || c.tag",
    # the copy's mark lies after the body, as a credit line does: the body is the base's
    ("articles", "body_end"): "coalesce(t.body_end, length(t.text))",
    ("articles", "ref"): "t.ref || c.sfx",
    ("articles", "url"): "t.url || '?copy=' || c.k",
    ("articles", "published"): "date(t.published, c.days)",
    ("articles", "fingerprint"): "substr(t.fingerprint, 1, 48) || printf('%016x', c.k)",
    ("articles", "ingested_at"): "{shift}(t.ingested_at)",
    ("stage_runs", "ran_at"): "{shift}(t.ran_at)",
    ("entity_links", "linked_at"): "{shift}(t.linked_at)",
    ("stories", "created_at"): "{shift}(t.created_at)",
}
_ID = re.compile(r"[0-9a-f]{20}|ent_[0-9a-f]{12}|st_[0-9a-f]{12}|clm_[0-9a-f]{16}")


def days(k: int) -> int:
    """Copy ``k``'s publication dates move this many days (back: the base stays the newest)."""
    return -(k // 4)


def seconds(k: int) -> int:
    """Copy ``k``'s ingest and stage times move this many seconds (back, so that a write made
    now is the newest, as a real one is: the store's revision is its newest stamps)."""
    return -600 * k


def shift_sql(expr: str) -> str:
    return f"(strftime('%Y-%m-%dT%H:%M:%S', substr({expr}, 1, 19), c.secs) || substr({expr}, 20))"


# -- the store ---------------------------------------------------------------------------------


def build_base(db: Path) -> None:
    store = open_store(db)
    try:
        ingest(sorted((ROOT / "examples").glob("*.jsonl")), store=store)
    finally:
        store.close()


class Grower:
    """Copies the base store's rows into the same SQLite file, ``CHUNK`` copies at a time."""

    def __init__(self, db: Path) -> None:
        self.conn = sqlite3.connect(db, isolation_level=None)
        self.conn.execute("PRAGMA synchronous=OFF")
        self.conn.execute("PRAGMA cache_size=-262144")
        self.conn.execute("PRAGMA temp_store=MEMORY")
        q = self.conn.execute
        self.articles = [r[0] for r in q("SELECT id FROM articles ORDER BY id")]
        self.base = len(self.articles)
        self.stories = [r[0] for r in q("SELECT id FROM stories ORDER BY id")]
        self.members: dict[str, list[str]] = {}
        for aid, sid in q("SELECT article_id, story_id FROM story_articles"):
            self.members.setdefault(sid, []).append(aid)
        self.shared = {
            r[0] for r in q("SELECT id, news_source FROM entities") if r[1] or _shared(r[0])
        }
        self.entities = q("SELECT count(*) FROM entities").fetchone()[0]
        self.copied = {*self.articles, *self.stories}
        self.copied |= {r[0] for r in q("SELECT id FROM entities")} - self.shared
        self.copied |= {r[0] for r in q("SELECT claim_id FROM story_claims")}
        self.copies = 1  # copy 0 is the base
        self.inserts = self._templates()
        self.revisions = [
            tuple(self._mark(v) for v in r) for r in q("SELECT * FROM story_revisions")
        ]
        self.revision_cols = [c[1] for c in q("PRAGMA table_info(story_revisions)")]
        q("CREATE TEMP TABLE c (k INTEGER PRIMARY KEY, sfx TEXT, tag TEXT, days TEXT, secs TEXT)")

    @property
    def size(self) -> int:
        return self.copies * self.base

    def _mark(self, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        return _ID.sub(lambda m: m.group(0) + MARK if m.group(0) in self.copied else m.group(0),
                       value)  # fmt: skip

    def _templates(self) -> list[str]:
        q = self.conn.execute
        shared = ",".join(f"'{e}'" for e in sorted(self.shared)) or "''"
        sources = {"entities": f"WHERE id NOT IN ({shared})",
                   "entity_stats": f"WHERE entity_id NOT IN ({shared})"}  # fmt: skip
        inserts = []
        for table in ("articles", *ARTICLE_TABLES, *STORY_TABLES, "entities", "entity_stats"):
            cols = [c[1] for c in q(f'PRAGMA table_info("{table}")')]
            rows = [tuple(self._mark(v) for v in r)
                    for r in q(f'SELECT * FROM "{table}" {sources.get(table, "")}')]  # fmt: skip
            q(f'CREATE TEMP TABLE "t_{table}" AS SELECT * FROM main."{table}" WHERE 0')
            marks = ",".join("?" * len(cols))
            q("BEGIN")
            self.conn.executemany(f'INSERT INTO "t_{table}" VALUES ({marks})', rows)
            q("COMMIT")
            marked = {c for i, c in enumerate(cols)
                      if any(isinstance(r[i], str) and MARK in r[i] for r in rows)}  # fmt: skip
            exprs = []
            for col in cols:
                special = SPECIAL.get((table, col))
                if special:
                    exprs.append(shift_sql(f't."{col}"') if "{shift}" in special else special)
                elif col in marked:
                    exprs.append(f'replace(t."{col}", char(1), c.sfx)')
                else:
                    exprs.append(f't."{col}"')
            names = ",".join(f'"{c}"' for c in cols)
            inserts.append(f'INSERT INTO main."{table}" ({names}) SELECT {",".join(exprs)} '
                           f'FROM "t_{table}" AS t, c ORDER BY c.k')  # fmt: skip
        return inserts

    def grow(self, target: int) -> None:
        """Add copies until the store holds ``target`` articles (to the next whole copy)."""
        while self.size < target:
            n = min(CHUNK, -(-(target - self.size) // self.base))
            ks = range(self.copies, self.copies + n)
            q = self.conn.execute
            q("BEGIN")
            q("DELETE FROM c")
            self.conn.executemany(
                "INSERT INTO c VALUES (?, ?, ?, ?, ?)",
                [(k, f"x{k}", f" ({k})", f"{days(k):+d} days", f"{seconds(k):+d} seconds")
                 for k in ks],
            )  # fmt: skip
            for insert in self.inserts:
                q(insert)
            marks = ",".join("?" * len(self.revision_cols))
            self.conn.executemany(
                f"INSERT INTO story_revisions VALUES ({marks})",
                (self._revision(row, k) for k in ks for row in self.revisions),
            )
            q("COMMIT")
            self.copies += n

    def _revision(self, row: tuple[Any, ...], k: int) -> tuple[Any, ...]:
        sfx = f"x{k}"
        out = dict(zip(self.revision_cols, row, strict=True))
        out = {c: v.replace(MARK, sfx) if isinstance(v, str) else v for c, v in out.items()}
        base = str(out["story_id"])[: -len(sfx)]
        out["members"] = members_digest(a + sfx for a in self.members[base])
        for col in ("first_seen", "last_seen"):
            if out[col]:
                out[col] = (dt.date.fromisoformat(out[col]) + dt.timedelta(days(k))).isoformat()
        latest = str(out["latest"])
        if latest:
            moved = dt.datetime.fromisoformat(latest) + dt.timedelta(seconds=seconds(k))
            out["latest"] = moved.isoformat()
        return tuple(out.values())

    def close(self) -> None:
        self.conn.close()


def _shared(entity_id: str) -> bool:
    return int(hashlib.sha1(entity_id.encode(), usedforsecurity=False).hexdigest(), 16) % 7 == 0


def refresh_kept(store: SQLStore, shared: set[str]) -> None:
    """Count the shared entities' mentions again (they are in every copy), and the lists'
    kept totals (the copies' rows were written beside the store's own bookkeeping)."""
    store.listing.refresh_entity_stats(shared)
    with store.engine.begin() as conn:
        totals.recount(conn)
