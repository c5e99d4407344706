"""CPU of ingesting one article into a store that already holds 1k, 10k (and 100k) articles.

The stores are built fast: real ECB+ texts (../shared/data/ecbplus) stored as article rows,
and their stories formed from the varied embeddings of ``bench_stories.py`` (rounds of
rotated copies, 60 days apart) in batches through the product's own story step (the
clusterer over the store's tables, stories written in the same transaction). Then a few new
real articles are ingested one at a time with ``storyweave.analysis.ingest`` and the full
default pipeline; the CPU seconds (``time.process_time``) of each whole ingest and of its
story step are reported, medians, and the ratio between the sizes (issue 17's target: 10k /
1k <= 1.5).

``--before`` builds the state the way versions before issue 17 kept it (a folder beside the
store, ``manifest.json`` naming one generation) to time that code: run it with
``PYTHONPATH`` pointing at a checkout of such a version. ``--sizes 1000,10000,100000``
chooses the sizes. Prints "skipped: ..." and exits 0 when the data is absent.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_stories import DATA, load_base, variant

from storyweave import analysis
from storyweave.hashing import fingerprint
from storyweave.model import Article
from storyweave.storage import SQLStore, open_store
from storyweave.storage import schema as t
from storyweave.storage.rows import article_row

GROW_BATCH = 1_000
TIMED = 5


def docs() -> list[str]:
    return [json.loads(line)["text"] for line in DATA.open(encoding="utf-8")]


def store_articles(store: SQLStore, texts: list[str], n: int) -> None:
    """``n`` article rows (ids ``a000000``...) with real texts, in one transaction."""
    rows = []
    for j in range(n):
        text = f"Copy {j}. " + texts[j % len(texts)]
        art = Article(id=f"a{j:06d}", text=text, ref=f"bench:{j}", title=text.split("\n")[0])
        rows.append(article_row(art, fingerprint(art.body)))
    with store.engine.begin() as conn:
        for lo in range(0, len(rows), 5_000):
            conn.execute(sa.insert(t.articles), rows[lo : lo + 5_000])


def grow_after(store: SQLStore, base: tuple[Any, ...], n: int) -> None:
    """Form the stories of ``n`` stored articles as the story step does, batch by batch (one
    index kept in memory across the batches, saved once: only this process writes)."""
    from storyweave.storage.clusters import cluster_state
    from storyweave.stories import StoryClusterer
    from storyweave.stories.cache import open_stored, save_index
    from storyweave.stories.embed import MINILM_DIM, MINILM_ID

    ents, terms, vectors, _ = base
    rng = np.random.default_rng(0)
    folder = store.sidecar_dir("stories")
    index = None
    for lo in range(0, n, GROW_BATCH):
        feats = [
            variant(j, (ents, terms), vectors, rng) for j in range(lo, min(n, lo + GROW_BATCH))
        ]
        with cluster_state(store) as state:
            if index is None:
                clusterer = open_stored(state, folder, dim=MINILM_DIM, model_id=MINILM_ID)
                index = clusterer.index
            else:
                clusterer = StoryClusterer(state, index)
            changed = {a.story_id for a in clusterer.add(feats)}
            for sid in sorted(changed):
                if state.story(sid) is not None:
                    story = clusterer.story(sid)
                    story = dataclasses.replace(story, title=analysis.headline(story.title))
                    state.write_story(story, method=analysis.STORY_METHOD)
    if index is not None:
        save_index(index)
    # These stories have no analyses (building them would parse every text). In a real store
    # each is analysed as it forms, which removes its stale mark; left, the marks would have
    # the first timed ingest analyse every story of the store.
    with store.engine.begin() as conn:
        conn.execute(sa.delete(t.stale_stories))


def grow_before(store: SQLStore, base: tuple[Any, ...], n: int) -> None:
    """The same stories, kept as versions before issue 17 did: a folder with a manifest."""
    from storyweave.stories import MemoryClusterState, StoryClusterer, StoryIndex
    from storyweave.stories.embed import default_embedder

    ents, terms, vectors, _ = base
    rng = np.random.default_rng(0)
    model = default_embedder()
    clusterer = StoryClusterer(MemoryClusterState(), StoryIndex(model.dim, model.model_id))
    for lo in range(0, n, GROW_BATCH):
        clusterer.add(
            [variant(j, (ents, terms), vectors, rng) for j in range(lo, min(n, lo + GROW_BATCH))]
        )
    for story in clusterer.stories():
        story = dataclasses.replace(story, title=analysis.headline(story.title))
        store.save_story(story, method=analysis.STORY_METHOD)
    folder = store.sidecar_dir("stories")
    assert folder is not None and isinstance(clusterer.state, MemoryClusterState)
    files = {"index": "index-0.usearch", "state": "state-0.json", "sums": "sums-0.npy"}
    clusterer.index.save(folder, name=files["index"])
    clusterer.state.save(folder, state_name=files["state"], sums_name=files["sums"])
    manifest = {"format": "storyweave.stories.folder/1", "generation": "0"}
    manifest |= {"index_meta": clusterer.index.meta(), **files}
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def time_ingests(store: SQLStore, texts: list[str], folder: Path) -> tuple[float, float]:
    """Median CPU seconds of one whole ingest and of its story step, over :data:`TIMED`."""
    step: list[float] = []
    form = analysis._form_stories

    def timed(*args: Any, **kwargs: Any) -> list[str]:
        started = time.process_time()
        try:
            return form(*args, **kwargs)
        finally:
            step.append(time.process_time() - started)

    analysis._form_stories = timed  # type: ignore[assignment]
    whole = []
    try:
        for k in range(TIMED):
            path = folder / f"new-{k}.jsonl"
            text = f"Update {k}: " + texts[(k * 97 + 5) % len(texts)]
            path.write_text(json.dumps({"id": f"new-{k}", "text": text}) + "\n", encoding="utf-8")
            started = time.process_time()
            analysis.ingest([str(path)], store=store)
            whole.append(time.process_time() - started)
    finally:
        analysis._form_stories = form  # type: ignore[assignment]
    return statistics.median(whole), statistics.median(step)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--before", action="store_true", help="the state in a folder (old code)")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} not found")
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    texts = docs()
    base = load_base()
    grow = grow_before if args.before else grow_after
    work = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    with open_store(work / "warm.db") as warm:  # load the models once, outside the figures
        time_ingests(warm, texts, work)
    print(f"state: {'a folder beside the store (before)' if args.before else 'the store'}")
    print(
        "{:>10}  {:>12}  {:>14}  {:>10}".format("stored", "build s", "ingest CPU-s", "story step")
    )
    results = []
    for size in sizes:
        started = time.perf_counter()
        store = open_store(work / f"s{size}.db")
        store_articles(store, texts, size)
        grow(store, base, size)
        built = time.perf_counter() - started
        whole, step = time_ingests(store, texts, work)
        stories = len(store.stories())
        store.close()
        results.append((whole, step))
        print(f"{size:>10,}  {built:>12.0f}  {whole:>14.3f}  {step:>10.3f}  ({stories:,} stories)")
    for (whole, step), size in zip(results[1:], sizes[1:], strict=True):
        print(
            f"ratio {size:,} / {sizes[0]:,}: whole ingest {whole / results[0][0]:.2f}, "
            f"story step {step / results[0][1]:.2f} (target <= 1.5)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
