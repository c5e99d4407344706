"""Report time from the store with the stored parses against parsing every body again.

Ingests ``n`` articles (the bundled examples, repeated with a small change each time) into a
fresh SQLite store, copies it and deletes the copy's parses, then builds the report of every
article from each store in turn (after one untimed build, so the embedder and the sentence-parse
cache are warm in both). Prints the best of ``--repeat`` builds of each, with the ratio, and the
stored parse's size. Run: ``make bench``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa
from bench_pipeline import corpus

from storyweave.analysis import ingest
from storyweave.report import build_report
from storyweave.storage import SQLStore, open_store
from storyweave.storage import schema as t


def _timed_report(store: SQLStore, ids: list[str]) -> float:
    t0 = time.perf_counter()
    build_report(store, ids)
    return time.perf_counter() - t0


def _parse_bytes(store: SQLStore) -> float:
    """Mean bytes of a stored parse."""
    with store.engine.connect() as conn:
        mean = sa.select(sa.func.avg(sa.func.length(t.parses.c.data)))
        return float(conn.execute(mean).scalar_one() or 0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=48, help="articles (default 48)")
    parser.add_argument("--repeat", type=int, default=3, help="builds of each; best is kept")
    args = parser.parse_args()
    articles = corpus(args.n)
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "in.jsonl"
        with jsonl.open("w", encoding="utf-8") as fh:
            for a in articles:
                fh.write(json.dumps({"id": a.ref, "text": a.text}) + "\n")
        stored_db, parsed_db = Path(tmp) / "stored.db", Path(tmp) / "parsed.db"
        with open_store(stored_db) as store:
            ids = ingest([jsonl], store=store).article_ids
        shutil.copy(stored_db, parsed_db)
        with open_store(parsed_db) as store, store.engine.begin() as conn:
            conn.execute(sa.delete(t.parses))
        with open_store(stored_db) as stored, open_store(parsed_db) as parsed:
            n_stories = len(build_report(stored, ids)["stories"])  # warm-up, not timed
            best_stored = best_parsed = float("inf")
            for _ in range(args.repeat):
                best_stored = min(best_stored, _timed_report(stored, ids))
                best_parsed = min(best_parsed, _timed_report(parsed, ids))
            size = _parse_bytes(stored)
    print(f"{len(ids)} articles in {n_stories} stories; stored parse {size:.0f} bytes/article")
    for label, seconds in (("stored parses", best_stored), ("parsing again", best_parsed)):
        print(f"report, {label}: {seconds:6.2f} s ({1000 * seconds / len(ids):.0f} ms/article)")
    print(f"ratio (parsing again / stored): {best_parsed / best_stored:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
