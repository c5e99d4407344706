"""Claims time per story of 2, 10 and 50 articles, with the number of pairs scored.

Stories are built from the seed articles (examples/kim-putin-summit.jsonl): copy
``i`` keeps about four sentences in five, in a shuffled order, with words varied,
so that its units are worded unlike the other copies'. The pipeline runs first
and is not timed; the timed part is :func:`storyweave.claims.find_claims` (units,
slots, alignment, conflicts, origins). "pairs scored" against "all pairs" shows the
candidate pruning at work. Run: ``make bench``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
from pathlib import Path

from storyweave.claims import align, find_claims
from storyweave.entities import link_entities
from storyweave.hashing import article_id
from storyweave.model import Article
from storyweave.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
_VARIANTS = ("new", "local", "latest", "main", "key", "first", "wider", "official")
_THE = re.compile(r"\bthe ")


class _Vary:
    """Replacement for "the ": half the time "the <adjective> "."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def __call__(self, match: re.Match[str]) -> str:
        if self.rng.random() < 0.5:
            return f"the {self.rng.choice(_VARIANTS)} "
        return match.group(0)


def story(n: int, *, seed: int = 7) -> list[Article]:
    """``n`` perturbed copies of the seed articles."""
    lines = (ROOT / "examples" / "kim-putin-summit.jsonl").read_text(encoding="utf-8")
    texts = [json.loads(line)["text"] for line in lines.splitlines() if line]
    rng = random.Random(seed)
    out = []
    for i in range(n):
        base = texts[i % len(texts)].split("\n")
        if base[-1].startswith("According to"):
            base = base[:-1]
        kept = [s for s in base if rng.random() < 0.8] or base[:1]
        rng.shuffle(kept)
        varied = [_THE.sub(_Vary(rng), s) for s in kept]
        text = "\n".join(varied)
        out.append(Article(id=article_id(text, outlet=f"Outlet {i}"), text=text, ref=f"b{i}"))
    return out


class _CountingPairs:
    """Counts the pairs ``align.candidate_pairs`` proposes (over units worded differently)."""

    def __init__(self) -> None:
        self.pairs = 0
        self.units = 0
        self._inner = align.candidate_pairs

    def __call__(self, slots, blocked, **kw):  # type: ignore[no-untyped-def]
        out = self._inner(slots, blocked, **kw)
        self.pairs += len(out)
        self.units += len(slots)
        return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="2,10,50,200", help="story sizes (default 2,10,50,200)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; best is kept")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    from storyweave.claims import find as find_module

    print(
        f"{'articles':>8} {'distinct units':>14} {'pairs scored':>12} {'all pairs':>10} "
        f"{'claims':>6} {'seconds':>8} {'ms/article':>10}"
    )
    for n in sizes:
        items = Pipeline().run(story(n)).articles
        links = link_entities(items)
        best = float("inf")
        counter = _CountingPairs()
        for _ in range(args.repeat):
            counter = _CountingPairs()
            find_module.candidate_pairs = counter  # type: ignore[assignment]
            t0 = time.perf_counter()
            claims = find_claims(items, entities=links)
            best = min(best, time.perf_counter() - t0)
            find_module.candidate_pairs = align.candidate_pairs
        all_pairs = counter.units * (counter.units - 1) // 2
        print(
            f"{n:>8} {counter.units:>14} {counter.pairs:>12} {all_pairs:>10} "
            f"{len(claims):>6} {best:>8.2f} {1000 * best / n:>10.1f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
