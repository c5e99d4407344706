"""Entities across languages on MEANTIME: do Spanish, Italian and Dutch names link to the
entities of the English articles?

Reads ``../shared/data/meantime_multi_dev/documents.jsonl`` (or
``$STORYWEAVE_SHARED_DATA/meantime_multi_dev``); prints "skipped: ..." and exits 0 when it is
absent. The 60 English articles and, per language, their 60 translations run through the
product's pipeline (the declared language of each document) and are linked as one batch by
:func:`storyweave.entities.link_entities`. Gold: the named mentions (NAM, PRE.NAM) with an
``instance_id`` in each document's headline, date line and first four sentences (the fully
annotated lines); a gold mention takes the entity of the rightmost linked storyweave mention
overlapping its head phrase (as in ``meantime_entities.py``), else it is a singleton.

Printed per language (issue 20): B³ F1 against ``instance_id`` over the English and the foreign
mentions together, the English mentions' B³ alone, and the share of foreign gold mentions linked
to the entity their English counterparts (same ``instance_id``) mostly link to.

Usage: python evals/multilingual_entities.py
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from meantime_entities import (
    NAMED,
    SCORED_LINES,
    Gold,
    _core_end,
    _group,
    _overlap,
    detokenise,
    documents,
)

from storyweave.entities import link_entities
from storyweave.eval.coref import b_cubed
from storyweave.model import AnnotatedArticle, Article
from storyweave.pipeline import Pipeline

LANGUAGES = ("es", "it", "nl")


def load(path: Path) -> tuple[list[Article], dict[str, list[Gold]]]:
    """The documents as articles, and their gold named mentions. The translations carry no
    syntactic type: a foreign mention counts when it is capitalised and its ``instance_id`` is
    one an English named mention has."""
    arts: list[Article] = []
    gold: dict[str, list[Gold]] = {}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    named = {
        m["instance_id"]
        for raw in rows
        if raw["lang"] == "en"
        for m in raw["entity_mentions"]
        if m.get("syntactic_type") in NAMED and m.get("instance_id")
    }
    for raw in rows:
        if raw["lang"] == "en":
            text, where = detokenise(raw["text"])
        else:
            text, where = raw["text"], {}
        scored_end = len("\n".join(text.split("\n")[:SCORED_LINES]))
        found = []
        for m in raw["entity_mentions"]:
            if raw["lang"] == "en" and m.get("syntactic_type") not in NAMED:
                continue
            if m.get("instance_id") not in named or not m["text"][:1].isupper():
                continue
            start, end = where.get(m["start"], m["start"]), where.get(m["end"], m["end"])
            if start < scored_end:
                found.append(
                    Gold(raw["doc_id"], raw["corpus"], start, end, m["ent_type"], m["instance_id"])
                )
        gold[raw["doc_id"]] = found
        arts.append(Article(id=raw["doc_id"], text=text, ref=raw["doc_id"], language=raw["lang"]))
    return arts, gold


def scores(
    items: Sequence[AnnotatedArticle], gold: dict[str, list[Gold]]
) -> tuple[float, float, float, int]:
    """B³ F1 of all mentions, of the English ones, and the foreign mentions' link rate."""
    linking = link_entities(list(items))
    keys: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for (doc_id, start, end), ent in linking.mention_entity.items():
        keys[doc_id].append((start, end, ent))
    texts = {i.article.id: i.article.text for i in items}
    pairs: dict[str, list[tuple[Hashable, Hashable]]] = {"all": [], "en": []}
    system: dict[str, list[tuple[Hashable, Hashable]]] = {"all": [], "en": []}
    english_entity: dict[str, Counter[str]] = defaultdict(Counter)
    foreign: list[tuple[str, str | None]] = []
    for item in items:
        doc_id = item.article.id
        english = doc_id.startswith("en_")
        for g in gold[doc_id]:
            ident = (doc_id, g.start, g.end)
            core = (g.start, _core_end(texts[doc_id], g))
            best = max(
                keys[doc_id],
                key=lambda k: (_overlap((k[0], k[1]), core) > 0, k[1], -k[0]),
                default=None,
            )
            ent: Any = best[2] if best and _overlap((best[0], best[1]), core) else ident
            for part in ("all", "en") if english else ("all",):
                pairs[part].append((g.instance, ident))
                system[part].append((ent, ident))
            if english and isinstance(ent, str):
                english_entity[g.instance][ent] += 1
            elif not english:
                foreign.append((g.instance, ent if isinstance(ent, str) else None))
    linked = sum(
        1
        for inst, ent in foreign
        if ent
        and english_entity[inst].most_common(1)[0:1]
        and english_entity[inst].most_common(1)[0][0] == ent
    )
    b_all = b_cubed(_group(pairs["all"]), _group(system["all"])).f1
    b_en = b_cubed(_group(pairs["en"]), _group(system["en"])).f1
    return b_all, b_en, linked / max(1, len(foreign)), len(foreign)


def main() -> int:
    path = documents()
    if path is None:
        return 0
    started = time.monotonic()
    arts, gold = load(path)
    items = {i.article.id: i for i in Pipeline().run(arts).articles}
    english = [items[a.id] for a in arts if a.language == "en"]
    head = f"{'language':9} {'B3 F1, en+xx':>13} {'B3 F1, en':>10} {'xx linked':>10}"
    print(f"{head} {'xx mentions':>12}")
    for lang in LANGUAGES:
        mixed = english + [items[a.id] for a in arts if a.language == lang]
        b_all, b_en, rate, n = scores(mixed, gold)
        print(f"{lang:9} {b_all:13.3f} {b_en:10.3f} {rate:10.3f} {n:12d}")
    print(f"({time.monotonic() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
