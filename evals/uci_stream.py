"""Story clustering on a real headline stream (UCI News Aggregator, dev half), BCubed P/R/F1.

Each headline becomes an article as a feed without descriptions gives it (text =
title = the headline, the publisher as outlet, the timestamp's day as date) and
goes through the product's own stages (language, sentences, ner, mention_repair)
and story features. The stream is clustered in timestamp order, as one batch and
in time-ordered batches, with the fixed constants of storyweave.stories.score.

Baseline: TF-IDF single-pass clustering (each headline joins the most similar
story centroid at or above a threshold, else starts one). Its threshold is
chosen on one time half of the stream and scored on the other, both ways (the
issue's baseline chose it on the other half of the whole stream).

Reads ../shared/data/uci_stream_dev (override the root with STORYWEAVE_SHARED_DATA);
prints "skipped: ..." and exits 0 when the data is absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from storyweave.hashing import article_id
from storyweave.model import Article
from storyweave.pipeline import Pipeline
from storyweave.stories.cluster import StoryClusterer
from storyweave.stories.embed import default_embedder
from storyweave.stories.features import StoryFeatures, extract_features
from storyweave.stories.index import StoryIndex
from storyweave.stories.score import ClusterOptions
from storyweave.stories.state import MemoryClusterState

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ecb_stories import bcubed

SHARED = Path(
    os.environ.get(
        "STORYWEAVE_SHARED_DATA", Path(__file__).resolve().parents[1].parent / "shared" / "data"
    )
)
DATA = SHARED / "uci_stream_dev" / "headlines.jsonl"
STAGES = ("language", "sentences", "ner", "mention_repair")
BATCHES = 4
SHORT_THRESHOLDS = (0.06, 0.08, 0.1, 0.12, 0.14, 0.16, 0.2)


def load() -> list[dict[str, Any]]:
    with DATA.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return sorted(rows, key=lambda r: (r["timestamp_ms"], r["id"]))


def to_article(row: dict[str, Any]) -> Article:
    title = " ".join(str(row["title"]).split())
    published = dt.datetime.fromtimestamp(row["timestamp_ms"] / 1000, tz=dt.UTC).date()
    return Article(
        id=article_id(f"{row['id']}\n{title}"),
        text=title,
        ref=f"uci:{row['id']}",
        title=title,
        outlet=row.get("publisher") or None,
        published=published,
    )


def features(rows: list[dict[str, Any]]) -> list[StoryFeatures]:
    articles = [to_article(r) for r in rows]
    result = Pipeline(STAGES, batch_size=256).run(articles)
    by_id = {item.article.id: item for item in result.articles}
    items = [by_id[a.id] for a in articles]
    return extract_features(items, default_embedder())


def cluster(
    feats: Sequence[StoryFeatures], options: ClusterOptions, *, batches: int = 1
) -> dict[str, str]:
    clusterer = StoryClusterer(
        MemoryClusterState(), StoryIndex(feats[0].vector.shape[0], "eval"), options=options
    )
    size = math.ceil(len(feats) / batches)
    for start in range(0, len(feats), size):
        clusterer.add(list(feats[start : start + size]))
    return {a: s for s, arts in clusterer.partition().items() for a in arts}


def score(
    part: dict[str, str], feats: Sequence[StoryFeatures], gold: Sequence[str]
) -> tuple[float, float, float]:
    return bcubed([part[f.article_id] for f in feats], list(gold))


# -- TF-IDF single-pass baseline -----------------------------------------------------------

_WORD = re.compile(r"[a-z0-9]+")


def tfidf_rows(texts: Sequence[str]) -> list[dict[str, float]]:
    from spacy.lang.en.stop_words import STOP_WORDS

    tokens = [[w for w in _WORD.findall(t.lower()) if w not in STOP_WORDS] for t in texts]
    df = Counter(w for toks in tokens for w in set(toks))
    n = len(texts)
    out = []
    for toks in tokens:
        weights = {
            w: (1 + math.log(c)) * math.log((1 + n) / (1 + df[w])) for w, c in Counter(toks).items()
        }
        norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        out.append({w: v / norm for w, v in weights.items()})
    return out


def single_pass(vectors: Sequence[dict[str, float]], threshold: float) -> list[int]:
    """Each headline joins the most similar centroid above ``threshold`` (0: any shared word)."""
    centroids: list[dict[str, float]] = []
    labels = []
    postings: dict[str, set[int]] = {}
    for vec in vectors:
        best, best_sim = -1, threshold
        for c in sorted(set().union(*(postings.get(w, set()) for w in vec))):
            cen = centroids[c]
            norm = math.sqrt(sum(v * v for v in cen.values())) or 1.0
            sim = sum(v * cen.get(w, 0.0) for w, v in vec.items()) / norm
            if sim > best_sim or (best < 0 and sim >= best_sim and sim > 0):
                best, best_sim = c, sim
        if best < 0:
            best = len(centroids)
            centroids.append({})
        cen = centroids[best]
        for w, v in vec.items():
            cen[w] = cen.get(w, 0.0) + v
            postings.setdefault(w, set()).add(best)
        labels.append(best)
    return labels


def baseline_halves(texts: Sequence[str], gold: Sequence[str]) -> list[tuple[float, float]]:
    """For each half: (threshold chosen on the other half, F1 on this half)."""
    half = len(texts) // 2
    parts = [(0, half), (half, len(texts))]
    grid = [round(t, 3) for t in np.arange(0.0, 0.6, 0.025)]
    out = []
    for i, (lo, hi) in enumerate(parts):
        olo, ohi = parts[1 - i]
        other = tfidf_rows(texts[olo:ohi])
        chosen = max(grid, key=lambda t: bcubed(single_pass(other, t), list(gold[olo:ohi]))[2])
        mine = tfidf_rows(texts[lo:hi])
        out.append((chosen, bcubed(single_pass(mine, chosen), list(gold[lo:hi]))[2]))
    return out


def halves_curve(feats: Sequence[StoryFeatures], gold: Sequence[str]) -> None:
    """The precision/recall curve of the headline bar on each time half, and each half
    scored at the bar the other half chooses."""
    half = len(feats) // 2
    parts = [(0, half), (half, len(feats))]
    curve: dict[float, list[tuple[float, float, float]]] = {}
    for t in SHORT_THRESHOLDS:
        opts = ClusterOptions(short_threshold=t)
        curve[t] = [
            score(cluster(feats[lo:hi], opts), feats[lo:hi], gold[lo:hi]) for lo, hi in parts
        ]
    print("  headline bar   first half P / R / F1    second half P / R / F1")
    fixed = ClusterOptions().short_threshold
    for t, (a, b) in curve.items():
        mark = "  <- fixed" if math.isclose(t, fixed) else ""
        print(
            f"  {t:<14} {a[0]:.3f} / {a[1]:.3f} / {a[2]:.3f}    "
            f"{b[0]:.3f} / {b[1]:.3f} / {b[2]:.3f}{mark}"
        )
    for k, name in enumerate(("first", "second")):
        chosen = max(curve, key=lambda t: curve[t][1 - k][2])
        print(
            f"  {name} half at the bar the other half chooses ({chosen}): "
            f"F1 {curve[chosen][k][2]:.3f}"
        )


def row(name: str, prf: tuple[float, float, float], extra: str = "") -> str:
    return f"  {name:<46} P {prf[0]:.3f}  R {prf[1]:.3f}  F1 {prf[2]:.3f}{extra}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N headlines")
    args = parser.parse_args(argv)
    if not DATA.exists():
        print(f"skipped: {DATA} not found")
        return 0
    started = time.perf_counter()
    rows = load()
    if args.limit:
        rows = rows[: args.limit]
    gold = [r["story"] for r in rows]
    feats = features(rows)
    fixed = ClusterOptions()
    print(f"UCI headline stream (dev half): {len(rows)} headlines, {len(set(gold))} gold stories")
    part = cluster(feats, fixed)
    print(
        row(
            "storyweave, one batch",
            score(part, feats, gold),
            f"  stories {len(set(part.values()))}",
        )
    )
    streamed = cluster(feats, fixed, batches=BATCHES)
    print(
        row(
            f"storyweave, {BATCHES} time-ordered batches",
            score(streamed, feats, gold),
            f"  stories {len(set(streamed.values()))}",
        )
    )
    halves_curve(feats, gold)
    texts = [r["title"] for r in rows]
    for (threshold, f1), name in zip(
        baseline_halves(texts, gold), ("first", "second"), strict=True
    ):
        print(
            f"  TF-IDF single-pass baseline, {name} half: F1 {f1:.3f} "
            f"(threshold {threshold} chosen on the other half)"
        )
    print(f"took {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
