"""Pipeline cost against bare spaCy NER, on the same texts, in the same run.

Prints articles/s for (1) bare ``nlp.pipe`` over the bodies, (2) the pipeline's
stages (language, sentences, ner), (3) the whole ingest into a fresh SQLite
store, and the ratios of (2) and (3) to (1). Run: ``make bench``.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from storyweave.analysis import ingest
from storyweave.hashing import article_id
from storyweave.model import Article
from storyweave.nlp.models import load_nlp
from storyweave.pipeline import Pipeline
from storyweave.storage import open_store

ROOT = Path(__file__).resolve().parents[1]


def corpus(n: int) -> list[Article]:
    """The bundled examples repeated with a small change each time, ``n`` articles in all."""
    texts = []
    for path in sorted((ROOT / "examples").glob("*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        texts += [json.loads(line)["text"] for line in lines]
    out = []
    for i in range(n):
        text = texts[i % len(texts)] + f"\nCopy {i}."
        out.append(Article(id=article_id(text), text=text, ref=f"bench-{i}"))
    return out


def rate(n: int, seconds: float) -> float:
    return n / seconds if seconds > 0 else float("inf")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", type=int, default=300, help="articles (default 300)")
    args = parser.parse_args()
    articles = corpus(args.n)
    words = sum(len(a.text.split()) for a in articles)
    nlp = load_nlp()
    list(nlp.pipe(["warm up the model."]))

    t0 = time.perf_counter()
    for _ in nlp.pipe([a.body for a in articles], batch_size=32):
        pass
    bare = time.perf_counter() - t0

    pipeline = Pipeline()
    t0 = time.perf_counter()
    pipeline.run(articles)
    stages = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "bench.jsonl"
        with jsonl.open("w", encoding="utf-8") as fh:
            for a in articles:
                fh.write(json.dumps({"id": a.ref, "text": a.text}) + "\n")
        store = open_store(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        ingest([jsonl], store=store, pipeline=pipeline)
        full = time.perf_counter() - t0
        store.close()

    dask_rate = None
    try:
        from storyweave.distributed import DaskPipeline, connect
    except ImportError:
        print("Dask not installed: skipping the Dask comparison")
    else:
        with connect("local:2") as client:
            runner = DaskPipeline(client, batch_size=16)
            list(runner.stream(articles[:4]))  # start the workers and load their models
            t0 = time.perf_counter()
            for _ in runner.stream(articles):
                pass
            dask_rate = rate(args.n, time.perf_counter() - t0)
            client.cluster.close()

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.n} articles, {words} words")
    print(f"{'bare spaCy NER (nlp.pipe)':34} {rate(args.n, bare):8.1f} articles/s")
    print(f"{'pipeline stages (lang+sent+ner)':34} {rate(args.n, stages):8.1f} articles/s")
    print(f"{'full ingest into SQLite':34} {rate(args.n, full):8.1f} articles/s")
    print(f"ratio pipeline / bare NER: {bare / stages:.2f}  (1.00 = no overhead)")
    print(f"ratio full ingest / bare NER: {bare / full:.2f}")
    if dask_rate is not None:
        single = rate(args.n, stages)
        print(f"{'stages on Dask, 2 local workers':34} {dask_rate:8.1f} articles/s")
        print(f"ratio Dask (2 workers) / single process: {dask_rate / single:.2f}")
    print(f"peak RSS (this process): {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
