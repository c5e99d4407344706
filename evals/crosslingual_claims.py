"""Claims across languages: do the figures of a foreign report join the English claims that
state them, and dispute only what they contradict? (issue 20)

MEANTIME dev (``../shared/data/meantime_multi_dev``; "skipped: ..." when absent): each Spanish,
Italian or Dutch translation is put in one story with its English original and the next English
article of its corpus (a report of another event, with figures of its own). A foreign figure
unit is *expected* to join a claim of its original when one English unit of the original states
all its figures, agreeing (the translation says the same). Printed per language:

- joined: expected units that joined a claim of the original (recall of support);
- wrong: units that joined or disputed a claim of the other article (precision);
- disputed: units flagged as disagreeing with their original (a translation disagrees with
  nothing: each is a false conflict);
- translated: translations found to be translations (one origin with their original);
- stmts / in own: the translation's statement units (sentences with no figure that name
  someone or somewhere) and those that joined a claim of their original alone.

Then the independently written report pairs of ``tests/stories/fixtures/multilingual.jsonl``
(other figures, other wording): every support and dispute link is printed, to read.

``--sweep`` prints the figures for other thresholds (``CROSS_ALIGN``, ``CROSS_CONFLICT``).

Usage: python evals/crosslingual_claims.py [--sweep] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from multilingual_stories import FIXTURES, annotated

from storyweave.claims import crosslingual
from storyweave.claims.find import find_claims
from storyweave.entities import link_entities
from storyweave.model import AnnotatedArticle, Article
from storyweave.nlp.multilingual import multilingual_embed
from storyweave.pipeline import Pipeline
from storyweave.stories.embed import default_embedder

LANGUAGES = ("es", "it", "nl")
VERBOSE = False


def _claims(items: Sequence[AnnotatedArticle], embed: Any) -> list[Any]:
    return find_claims(
        items, entities=link_entities(items), embed=embed, multilingual=multilingual_embed
    )


def _expected(original: AnnotatedArticle, translation: AnnotatedArticle) -> set[int]:
    """Span starts of the translation's figure units that the original states, agreeing."""
    english = [s for u, s in _english_units(original) if s.quantities and s.modality == "asserted"]
    out = set()
    for u, s in crosslingual.foreign_units(translation):
        if any(crosslingual._states_all(e, s) for e in english):
            out.add(u.span.start)
    return out


def _english_units(item: AnnotatedArticle) -> list[Any]:
    from storyweave.claims.slots import linked_mentions, read_slots
    from storyweave.claims.stored import units_of
    from storyweave.nlp.attach import docs_for

    (doc,) = docs_for([item])
    mentions = linked_mentions(item, doc, lambda a, m: m.entity_id)
    return [(u, read_slots(item, doc, u, mentions)) for u in units_of(item, doc)]


Counts = dict[str, int]


def measure(
    items: dict[str, AnnotatedArticle], docs: Sequence[dict[str, Any]], embed: Any, limit: int
) -> dict[str, Counts]:
    english = [d for d in docs if d["lang"] == "en"]
    by_corpus: dict[str, list[str]] = {}
    for d in english:
        by_corpus.setdefault(d["corpus"], []).append(d["doc_id"])
    out: dict[str, Counts] = {}
    for lang in LANGUAGES:
        n: Counts = defaultdict(int)
        for d in [d for d in docs if d["lang"] == lang][:limit]:
            original = items[f"en_{d['english_doc_id']}"]
            peers = by_corpus[d["corpus"]]
            other = items[peers[(peers.index(original.article.ref) + 1) % len(peers)]]
            tr = items[d["doc_id"]]
            want = _expected(original, tr)
            claims = _claims([original, other, tr], embed)
            n["total"] += 1
            n["expected"] += len(want)
            by_id = {c.id: c for c in claims}
            for c in claims:
                mine = [e for e in c.evidence if e.article == tr.article.id]
                arts = {e.article for e in c.evidence} - {tr.article.id}
                for e in mine:
                    kind = "fig" if "how many" in e.states else "stmt"
                    n[f"{kind}_units"] += 1
                    if arts & {other.article.id}:
                        n["wrong"] += 1
                    elif arts == {original.article.id}:
                        n[
                            "joined" if kind == "fig" and e.span.start in want else f"{kind}_own"
                        ] += 1
                for dis in c.disagreements:
                    x = by_id.get(dis.claim)
                    if x is None or not mine:
                        continue
                    if {e.article for e in x.evidence} & {other.article.id}:
                        n["wrong"] += len(mine)
                    elif {e.article for e in x.evidence} & {original.article.id}:
                        n["disputed"] += len(mine)
                        if VERBOSE:
                            texts = [e.text for e in mine]
                            print(f"  disputed {tr.article.ref} ({dis.slot}): {texts}"
                                  f" vs {x.evidence[0].text!r}")  # fmt: skip
            pairs = crosslingual.translated_pairs([original, other, tr], multilingual_embed)
            n["translated"] += any(
                p[0] == tr.article.id and p[1] == original.article.id for p in pairs
            )
        out[lang] = n
    return out


def fixtures(embed: Any) -> None:
    rows = [json.loads(line) for line in FIXTURES.read_text(encoding="utf-8").splitlines()]
    arts = [
        Article(id=f"fx-{r['id']}", text=r["title"] + "\n" + r["text"], ref=r["id"],
                title=r["title"], published=None, language=r["lang"])
        for r in rows
    ]  # fmt: skip
    items = {i.article.ref: i for i in Pipeline().run(arts).articles}
    events: dict[str, list[str]] = {}
    for r in rows:
        events.setdefault(r["event"], []).append(r["id"])
    support = dispute = 0
    for event, ids in events.items():
        if len(ids) < 2:
            continue
        group = [items[i] for i in ids]
        claims = _claims(group, embed)
        for c in claims:
            langs = {items_by_id(group)[e.article] for e in c.evidence}
            if len(langs) > 1:
                support += 1
                print(f"  support  {event}: " + " | ".join(e.text for e in c.evidence))
            for d in c.disagreements:
                dispute += 1
                print(f"  dispute  {event}: {d.mine!r} vs {d.theirs!r}")
    print(f"fixtures: {support} cross-language supports, {dispute} disputes (both sides count)")


def items_by_id(items: Sequence[AnnotatedArticle]) -> dict[str, str]:
    return {i.article.id: i.language or "" for i in items}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sweep", action="store_true")
    ap.add_argument("--limit", type=int, default=60)
    ap.add_argument("-v", action="store_true", help="print each dispute found in MEANTIME")
    args = ap.parse_args()
    global VERBOSE
    VERBOSE = args.v
    started = time.monotonic()
    found = annotated()
    if found is None:
        return 0
    docs, items = found
    embed = default_embedder().embed
    c = crosslingual
    settings = [(c.CROSS_ALIGN, c.CROSS_CONFLICT, c.CROSS_CLAUSE)]
    if args.sweep:
        settings += [(0.84, 0.88, 0.85), (0.88, 0.88, 0.85), (0.86, 0.86, 0.85)]
        settings += [(0.86, 0.88, 0.82), (0.86, 0.88, 0.80), (0.86, 0.9, 0.85)]
    print(f"{'align':>5} {'confl':>5} {'claus':>5} {'lang':4} {'expected':>8} {'joined':>6}"
          f" {'stmts':>5} {'in own':>6} {'wrong':>5} {'disputed':>8}"
          f" {'translated':>10}")  # fmt: skip
    for align, conflict, clause in settings:
        c.CROSS_ALIGN, c.CROSS_CONFLICT, c.CROSS_CLAUSE = align, conflict, clause
        for lang, n in measure(items, docs, embed, args.limit).items():
            print(f"{align:5.2f} {conflict:5.2f} {clause:5.2f} {lang:4} {n['expected']:8}"
                  f" {n['joined']:6} {n['stmt_units']:5} {n['stmt_own']:6} {n['wrong']:5}"
                  f" {n['disputed']:8} {n['translated']:>5}/{n['total']}")  # fmt: skip
        if args.sweep:
            fixtures(embed)
    c.CROSS_ALIGN, c.CROSS_CONFLICT, c.CROSS_CLAUSE = settings[0]
    if not args.sweep:
        fixtures(embed)
    print(f"({time.monotonic() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
