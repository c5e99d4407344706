"""Storage per article, for sizing: ingest N articles into fresh stores and measure their size.

Prints bytes per article for the SQLite file, the story index beside it, and (when a server is
reachable) PostgreSQL, with the figure for 100,000 articles. Run: ``make bench``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

from bench_pipeline import corpus

from storyweave.analysis import ingest
from storyweave.storage import open_store


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _postgres_bytes(jsonl: Path, n: int) -> float | None:
    url = os.environ.get("STORYWEAVE_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
    try:
        import psycopg

        admin = psycopg.connect(url, autocommit=True, connect_timeout=2)
    except Exception:
        return None
    schema = "bench_" + uuid.uuid4().hex[:8]
    with admin:
        admin.execute(f"CREATE SCHEMA {schema}")
        try:
            with open_store(f"{url}?options=-csearch_path%3D{schema}") as store:
                ingest([jsonl], store=store)
            row = admin.execute(
                "SELECT sum(pg_total_relation_size(quote_ident(schemaname) || '.' || "
                "quote_ident(tablename))) FROM pg_tables WHERE schemaname = %s",
                (schema,),
            ).fetchone()
            return float(row[0]) / n if row and row[0] else None
        finally:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=300)
    args = parser.parse_args()
    articles = corpus(args.n)
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "in.jsonl"
        with jsonl.open("w", encoding="utf-8") as fh:
            for a in articles:
                fh.write(json.dumps({"id": a.ref, "text": a.text}) + "\n")
        text_bytes = sum(len(a.text.encode()) for a in articles) / args.n
        db = Path(tmp) / "store.db"
        t0 = time.perf_counter()
        with open_store(db) as store:
            ingest([jsonl], store=store)
        seconds = time.perf_counter() - t0
        sqlite_b = _size(db) / args.n
        index_b = _size(Path(str(db) + ".stories")) / args.n
        pg_b = _postgres_bytes(jsonl, args.n)
    print(f"{args.n} articles, {text_bytes:.0f} bytes of text each, ingested in {seconds:.1f} s")
    for label, size in (("SQLite store", sqlite_b), ("story index", index_b), ("PostgreSQL", pg_b)):
        if size is not None:
            print(f"{label:13} {size:8.0f} bytes/article -> {size * 1e5 / 2**30:.2f} GiB per 100k")
    if pg_b is None:
        print("PostgreSQL not reachable: skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
