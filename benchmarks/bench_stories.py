"""Grow a story store to 100,000 articles and time each added article at 1k, 10k and 100k.

Volume comes from repeating the ECB+ articles (../shared/data/ecbplus) with small
changes. Repetition round r is a new set of events: its dates are r × 60 days
later (the previous round's stories have gone dormant) and all its embeddings are
turned by one random rotation of the round, which keeps every cosine within the
round (ECB+'s real structure) while copies across rounds become unrelated; each
copy is then lightly edited (cosine ≈ 0.98 to its rotated base). Entities and
terms are the base article's. The MiniLM embeddings of the
772 real leads are computed once and their cost is reported separately (it does
not depend on the store's size).

Growth runs in batches of 250 articles; at each checkpoint the next articles are
added one at a time (``StoryClusterer.assign``) and timed. Prints "skipped: ..."
and exits 0 when the data is absent.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import sys
import time
from functools import lru_cache
from pathlib import Path

import numpy as np

from storyweave.stories.cluster import StoryClusterer
from storyweave.stories.embed import default_embedder
from storyweave.stories.features import StoryFeatures, entity_key, term_counts
from storyweave.stories.index import StoryIndex
from storyweave.stories.state import MemoryClusterState

SHARED = Path(
    os.environ.get(
        "STORYWEAVE_SHARED_DATA", Path(__file__).resolve().parents[1].parent / "shared" / "data"
    )
)
DATA = SHARED / "ecbplus" / "documents.jsonl"
CHECKPOINTS = (1_000, 10_000, 100_000)
TIMED = 300
GROW_BATCH = 250
NOISE = 0.012
START = dt.date(2020, 1, 1)


Keyed = list[tuple[tuple[str, int], ...]]


def load_base() -> tuple[Keyed, Keyed, np.ndarray, float]:
    docs = [json.loads(line) for line in DATA.open(encoding="utf-8")]
    leads = [" ".join(" ".join(s["tokens"]) for s in d["sentences"][:3]) for d in docs]
    # entity keys from capitalised token runs: cheap and good enough for volume
    ents = []
    for d in docs:
        counts: dict[str, int] = {}
        for sent in d["sentences"][:6]:
            for tok in sent["tokens"][1:]:
                key = entity_key(tok, "ORG") if tok[:1].isupper() and len(tok) > 3 else None
                if key:
                    counts[key] = counts.get(key, 0) + 1
        ents.append(tuple(sorted(counts.items())))
    terms = [
        tuple(sorted(term_counts(" ".join(" ".join(s["tokens"]) for s in d["sentences"])).items()))
        for d in docs
    ]
    embedder = default_embedder()
    started = time.perf_counter()
    vectors = embedder.embed(leads)
    per_article = (time.perf_counter() - started) / len(leads)
    return ents, terms, vectors, per_article


@lru_cache(maxsize=2)
def rotation(rnd: int, dim: int) -> np.ndarray:
    """A random orthogonal matrix for repetition round ``rnd`` (round 0: identity)."""
    if rnd == 0:
        return np.eye(dim, dtype=np.float32)
    q, r = np.linalg.qr(np.random.default_rng(rnd).normal(size=(dim, dim)))
    return (q * np.sign(np.diag(r))).astype(np.float32)


def variant(
    j: int, keyed: tuple[Keyed, Keyed], vectors: np.ndarray, rng: np.random.Generator
) -> StoryFeatures:
    base = j % len(vectors)
    rnd = j // len(vectors)
    vec = vectors[base] @ rotation(rnd, vectors.shape[1])
    vec += rng.normal(0.0, NOISE, vectors.shape[1]).astype(np.float32)
    vec /= np.linalg.norm(vec)
    return StoryFeatures(
        article_id=f"a{j:06d}",
        vector=vec.astype(np.float32),
        entities=keyed[0][base],
        date=START + dt.timedelta(days=60 * rnd + base % 3),
        headline=f"article {j}",
        terms=keyed[1][base],
    )


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    if not DATA.exists():
        print(f"skipped: {DATA} not found")
        return 0
    ents, terms, vectors, embed_cost = load_base()
    keyed = (ents, terms)
    rng = np.random.default_rng(0)
    clusterer = StoryClusterer(MemoryClusterState(), StoryIndex(vectors.shape[1], "bench"))
    print(f"embedding (MiniLM int8, title + lead): {embed_cost * 1000:.1f} ms per article")
    header = ("store size", "ms / added article", "p95 ms", "stories", "peak RSS MB")
    print("{:>10}  {:>18}  {:>7}  {:>8}  {:>11}".format(*header))
    started = time.perf_counter()
    size = 0
    results = []
    for checkpoint in CHECKPOINTS:
        while size < checkpoint:
            n = min(GROW_BATCH, checkpoint - size)
            clusterer.add([variant(size + i, keyed, vectors, rng) for i in range(n)])
            size += n
        timings = []
        for _ in range(TIMED):
            feats = variant(size, keyed, vectors, rng)
            t0 = time.perf_counter()
            clusterer.assign(feats)
            timings.append(time.perf_counter() - t0)
            size += 1
        ms = 1000 * float(np.mean(timings))
        p95 = 1000 * float(np.percentile(timings, 95))
        stories = sum(1 for _ in clusterer.state.stories())
        results.append(ms)
        print(f"{checkpoint:>10,}  {ms:>18.2f}  {p95:>7.2f}  {stories:>8,}  {rss_mb():>11.0f}")
    print(f"ratio 100k / 1k: {results[-1] / results[0]:.2f} (target <= 2)")
    print(f"took {time.perf_counter() - started:.0f} s (growth in batches of {GROW_BATCH})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
