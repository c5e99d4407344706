"""Score attribution extraction on PolNeAR (train for tuning, dev for reporting).

Usage: python evals/polnear.py [--split dev|train|both] [--limit N] [--train-sample N]
       [--show-errors N]

Reads ``<shared>/polnear/{train,dev}.jsonl`` where ``<shared>`` is
``../shared/data`` next to the repository (or $STORYWEAVE_SHARED_DATA). Prints
"skipped: ..." and exits 0 when the data is absent.

Measures (see docs/stages/quotes.md for the definitions):
* content P/R/F1, exact match and >=50% overlap, for all attributions and for
  direct quotes (content containing quotation marks);
* speaker accuracy: on overlap-matched pairs whose gold has a source, the share
  whose predicted source span overlaps the gold source span.

PolNeAR has several annotators for a few articles; the first line of each
article in file order is used and the rest are ignored.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storyweave.eval.attribution import Item, Parts, Tally, score
from storyweave.model import Attribution
from storyweave.nlp.models import load_nlp
from storyweave.quotes import find_attributions

_QUOTE_CHARS = ("“", "”", '"', "''", "``", "«", "»", "„")
_DEFAULT_TRAIN_SAMPLE = 150


def shared_data() -> Path:
    env = os.environ.get("STORYWEAVE_SHARED_DATA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[1].parent / "shared" / "data"


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _has_quote(text: str, parts: Parts) -> bool:
    return any(q in text[s:e] for s, e in parts for q in _QUOTE_CHARS)


def gold_items(row: dict[str, Any]) -> list[Item]:
    text = row["text"]
    out = []
    for att in row["attributions"]:
        parts = tuple(
            sorted(_strip(text, s, e) for c in att["content"] for s, e in c["offsets"] if e > s)
        )
        if not parts:
            continue
        source = tuple(sorted((s, e) for c in att["source"] for s, e in c["offsets"]))
        out.append(Item(parts, source, _has_quote(text, parts)))
    return out


def pred_items(text: str, atts: list[Attribution]) -> list[Item]:
    """Group attributions sharing cue and source into one multi-part item (split quotes)."""
    groups: dict[tuple[Any, Any, int], list[Attribution]] = {}
    for n, att in enumerate(atts):
        key = (att.cue, att.source, -1 if att.cue is not None else n)
        groups.setdefault(key, []).append(att)
    out = []
    for group in groups.values():
        parts = tuple(sorted((a.content.start, a.content.end) for a in group))
        src = group[0].source
        source = ((src.start, src.end),) if src is not None else ()
        out.append(Item(parts, source, _has_quote(text, parts)))
    return out


def first_annotations(path: Path) -> Iterator[dict[str, Any]]:
    seen: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["article"] in seen:
                continue
            seen.add(row["article"])
            yield row


def run(rows: list[dict[str, Any]], nlp: Any) -> tuple[Tally, Tally, dict[str, str]]:
    every, direct = Tally(), Tally()
    texts = {r["article"]: r["text"] for r in rows}
    for row, doc in zip(rows, nlp.pipe([r["text"] for r in rows], batch_size=16), strict=True):
        gold = gold_items(row)
        pred = pred_items(row["text"], find_attributions(doc))
        score(row["article"], gold, pred, every, speakers=True)
        score(
            row["article"],
            [g for g in gold if g.direct],
            [p for p in pred if p.direct],
            direct,
            speakers=True,
        )
    return every, direct, texts


def _row(name: str, t: Tally) -> str:
    ep, er, ef = t.prf(t.exact)
    op, orr, of = t.prf(t.overlap)
    acc = t.speaker_ok / t.speaker_total if t.speaker_total else 0.0
    return (
        f"{name:<22}{t.gold:>6}{t.pred:>6}  {ep:6.3f}{er:6.3f}{ef:6.3f}  "
        f"{op:6.3f}{orr:6.3f}{of:6.3f}  {acc:6.3f} ({t.speaker_total})"
    )


def _show(texts: dict[str, str], label: str, items: list[tuple[str, Item]], n: int) -> None:
    rng = random.Random(7)
    for article, item in rng.sample(items, min(n, len(items))):
        text = texts[article]
        content = " | ".join(text[s:e] for s, e in item.parts)
        source = " | ".join(text[s:e] for s, e in item.source)
        print(f"  {label} [{source}] {content[:220]!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "train", "both"), default="both")
    ap.add_argument("--limit", type=int, default=0, help="dev articles to score (0 = all)")
    ap.add_argument("--train-sample", type=int, default=_DEFAULT_TRAIN_SAMPLE)
    ap.add_argument("--show-errors", type=int, default=0)
    args = ap.parse_args(argv)
    root = shared_data() / "polnear"
    if not (root / "dev.jsonl").exists():
        print(f"skipped: {root} not found")
        return 0
    nlp = load_nlp()  # the product's pipeline (line breaks end sentences)
    splits: list[tuple[str, list[dict[str, Any]]]] = []
    if args.split in ("dev", "both"):
        dev = list(first_annotations(root / "dev.jsonl"))
        splits.append(("dev", dev[: args.limit] if args.limit else dev))
    if args.split in ("train", "both"):
        train = list(first_annotations(root / "train.jsonl"))
        n = args.train_sample
        if n and n < len(train):
            train = random.Random(0).sample(train, n)
        splits.append((f"train (sample {len(train)})", train))
    print("PolNeAR attribution extraction (first annotator per article)")
    header = (
        f"{'set / subset':<22}{'gold':>6}{'pred':>6}  {'exP':>6}{'exR':>6}{'exF1':>6}  "
        f"{'ovP':>6}{'ovR':>6}{'ovF1':>6}  speaker-acc (n)"
    )
    for name, rows in splits:
        began = time.perf_counter()
        every, direct, texts = run(rows, nlp)
        took = time.perf_counter() - began
        print(f"\n{name}: {len(rows)} articles, {took:.0f} s")
        print(header)
        print(_row("all attributions", every))
        print(_row("direct quotes", direct))
        if args.show_errors:
            _show(texts, "MISS", every.misses, args.show_errors)
            _show(texts, "FALSE", every.false, args.show_errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
