"""Claim alignment across articles on ECB+: pairwise P/R/F1 against gold event coreference.

Reads ../shared/data/ecbplus (or $STORYWEAVE_SHARED_DATA/ecbplus). Every gold
subtopic (one real-world event, several articles) is one story: the articles run
through the default pipeline and :func:`storyweave.claims.find_claims`. Two
claim units from different articles are a gold pair when both contain (in their own
words, not merely inside their span) a mention of the same cross-document event
chain (reporting verbs left out), and a predicted pair when they end up in the same
claim ("claims": what supports what) or in claims linked as one event ("events": the same claim,
or ``Claim.same_event``, where one unit states a place, figure or party the other leaves out).
Units outside the sentences ECB+ annotated for coreference are left out.
The baseline pairs units whose content-lemma sets have a Jaccard of at least 0.3,
over the same units.

ECB+ has no conflicts and no sources to count: this measures alignment only. The
gold is loose (two sentences that mention one event may state different things
about it), so precision here is a lower bound.

Usage: python evals/eval_claims.py [--split train|dev|both] [--topics N] [--align-score X]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from storyweave.claims import find as claims_find
from storyweave.claims import find_claims
from storyweave.claims.units import claim_units
from storyweave.entities import link_entities
from storyweave.hashing import article_id
from storyweave.model import AnnotatedArticle, Article
from storyweave.nlp.attach import docs_for
from storyweave.pipeline import Pipeline

BASELINE_JACCARD = 0.3


def data_dir() -> Path:
    env = os.environ.get("STORYWEAVE_SHARED_DATA")
    base = Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared" / "data"
    return base / "ecbplus"


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set[tuple[Any, Any]], gold: set[tuple[Any, Any]]) -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def _offsets(doc: dict[str, Any]) -> list[tuple[int, int, int]]:
    """(start, end, sent_id) of every token of ``doc["text"]``; gold token ids are 1-based
    positions in this list (across sentences)."""
    out: list[tuple[int, int, int]] = []
    pos = 0
    for sent in doc["sentences"]:
        for tok in sent["tokens"]:
            out.append((pos, pos + len(tok), sent["sent_id"]))
            pos += len(tok) + 1
    return out


def load(split: str) -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[dict[str, Any]]]]:
    root = data_dir()
    docs: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with (root / "documents.jsonl").open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if split == "both" or d["split"] == split:
                docs[d["subtopic"]].append(d)
    events: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with (root / "mentions.jsonl").open(encoding="utf-8") as f:
        for line in f:
            m = json.loads(line)
            if (
                m["kind"] == "event"
                and m["relation"] == "CROSS_DOC_COREF"
                and m["tag"] != "ACTION_REPORTING"
            ):
                events[m["doc_id"]].append(m)
    return docs, events


def _lemmas(doc: Any, tokens: tuple[int, ...]) -> frozenset[str]:
    return frozenset(
        doc[i].lemma_.casefold() for i in tokens if doc[i].is_alpha and not doc[i].is_stop
    )


def evaluate_story(
    docs: list[dict[str, Any]], events: dict[str, list[dict[str, Any]]], pipeline: Pipeline
) -> tuple[set[Any], set[Any], set[Any], set[Any]]:
    articles = [Article(id=article_id(d["text"]), text=d["text"], ref=d["doc_id"]) for d in docs]
    items: list[AnnotatedArticle] = pipeline.run(articles).articles
    by_id = {a.id: d for a, d in zip(articles, docs, strict=True)}
    chains_of: dict[tuple[str, int, int], set[str]] = {}
    lemmas: dict[tuple[str, int, int], frozenset[str]] = {}
    for item, doc in zip(items, docs_for(items), strict=True):
        d = by_id[item.article.id]
        offs = _offsets(d)
        annotated = set(d["coref_annotated_sentences"] or [])
        spans = [
            (offs[min(m["token_ids"]) - 1][0], offs[max(m["token_ids"]) - 1][1], m["chain_id"])
            for m in events.get(d["doc_id"], [])
            if min(m["token_ids"]) > 0 and max(m["token_ids"]) <= len(offs)
        ]
        for u in claim_units(item, doc):
            sent = next((sid for start, _, sid in offs if start >= u.span.start), None)
            if sent is None or sent not in annotated:
                continue
            key = (item.article.id, u.span.start, u.span.end)
            # the unit's own words (its span may also take in an inherited subject's clause)
            own = [(doc[i].idx, doc[i].idx + len(doc[i])) for i in u.tokens]
            chains_of[key] = {c for s, e, c in spans if any(s <= ts and te <= e for ts, te in own)}
            lemmas[key] = _lemmas(doc, u.tokens)
    claims = find_claims(items, entities=link_entities(items))
    claim_of: dict[tuple[str, int, int], str] = {}
    linked: set[frozenset[str]] = set()
    for c in claims:
        for e in c.evidence:
            claim_of[(e.article, e.span.start, e.span.end)] = c.id
        linked |= {frozenset((c.id, other)) for other in c.same_event}
    gold, predicted, baseline, event = set(), set(), set(), set()
    for a, b in combinations(sorted(chains_of), 2):
        if a[0] == b[0]:
            continue
        if chains_of[a] & chains_of[b]:
            gold.add((a, b))
        ca, cb = claim_of.get(a), claim_of.get(b)
        if ca is not None and ca == cb:
            predicted.add((a, b))
        if ca is not None and cb is not None and (ca == cb or frozenset((ca, cb)) in linked):
            event.add((a, b))
        la, lb = lemmas[a], lemmas[b]
        if la and lb and len(la & lb) / len(la | lb) >= BASELINE_JACCARD:
            baseline.add((a, b))
    return gold, predicted, baseline, event


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", default="both", choices=["train", "dev", "both"])
    parser.add_argument(
        "--topics", type=int, default=0, help="first N subtopics per split (0: all)"
    )
    parser.add_argument("--align-score", type=float, default=None, help="override ALIGN_SCORE")
    args = parser.parse_args()
    if not data_dir().is_dir():
        print(f"skipped: {data_dir()} not found")
        return 0
    if args.align_score is not None:
        claims_find.ALIGN_SCORE = args.align_score
    pipeline = Pipeline()
    splits = ["train", "dev"] if args.split == "both" else [args.split]
    print(f"ALIGN_SCORE = {claims_find.ALIGN_SCORE}")
    print(
        f"{'split':6} {'system':10} {'stories':>7} {'gold pairs':>10} {'P':>6} {'R':>6} {'F1':>6}"
    )
    for split in splits:
        docs, events = load(split)
        names = sorted(docs)[: args.topics or None]
        ours, same, base = Counts(), Counts(), Counts()
        t0 = time.perf_counter()
        for name in names:
            gold, predicted, baseline, event = evaluate_story(docs[name], events, pipeline)
            ours.add(predicted, gold)
            same.add(event, gold)
            base.add(baseline, gold)
        n_gold = ours.tp + ours.fn
        for label, counts in (("claims", ours), ("events", same), ("baseline", base)):
            p, r, f = counts.prf()
            print(f"{split:6} {label:10} {len(names):>7} {n_gold:>10} {p:6.3f} {r:6.3f} {f:6.3f}")
        print(f"       ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
