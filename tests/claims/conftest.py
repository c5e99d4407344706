"""Stories for the claims tests: the seed articles in examples/, and planted edits of them.

The pipeline runs once per distinct article text (cached for the session), so the
many stories built from the same two seeds stay fast.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from storyweave.claims import Claim, find_claims
from storyweave.entities import link_entities
from storyweave.ingest import IngestOptions, build_article
from storyweave.ingest.draft import Draft
from storyweave.model import AnnotatedArticle, Article, Duplicate
from storyweave.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "examples" / "kim-putin-summit.jsonl"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

_ANNOTATED: dict[tuple[str, str | None, str | None], AnnotatedArticle] = {}


def seed_lines() -> list[dict[str, Any]]:
    return [json.loads(line) for line in SEEDS.read_text(encoding="utf-8").splitlines() if line]


def make(
    text: str, *, ref: str, outlet: str | None = None, published: str = "2023-09-13"
) -> Article:
    """An article as ingest builds it (credit line, body end, content-hash id)."""
    draft = Draft(text=text, ref=ref, outlet=outlet, published=dt.date.fromisoformat(published))
    return build_article(draft, IngestOptions())


def annotate(articles: Sequence[Article]) -> list[AnnotatedArticle]:
    """Run the default pipeline, once per distinct article."""
    todo = [a for a in articles if (a.text, a.outlet, str(a.published)) not in _ANNOTATED]
    if todo:
        for item in Pipeline().run(todo).articles:
            a = item.article
            _ANNOTATED[(a.text, a.outlet, str(a.published))] = item
    return [_ANNOTATED[(a.text, a.outlet, str(a.published))] for a in articles]


def claims_of(
    items: Sequence[AnnotatedArticle], duplicates: Sequence[Duplicate] = ()
) -> list[Claim]:
    return find_claims(items, entities=link_entities(items), duplicates=duplicates)


def planted_story(case: dict[str, Any]) -> tuple[list[AnnotatedArticle], list[Duplicate]]:
    """The story a fixture file describes: seed copies with its edits applied."""
    seeds = seed_lines()
    articles = []
    for n, spec in enumerate(case["articles"]):
        text = seeds[spec["from"]]["text"]
        for old, new in spec.get("edits", []):
            assert old in text, f"{case['name']}: {old!r} is not in seed {spec['from']}"
            text = text.replace(old, new, 1)
        articles.append(
            make(
                text,
                ref=f"{case['name']}-{n}",
                outlet=spec.get("outlet"),
                published=spec.get("published", "2023-09-13"),
            )
        )
    items = annotate(articles)
    dups = [
        Duplicate(
            article=items[c].article.id, original=items[o].article.id, kind="near", similarity=0.9
        )
        for c, o in case["duplicates"]
    ]
    return items, dups


@pytest.fixture(scope="session")
def seed_items() -> list[AnnotatedArticle]:
    seeds = seed_lines()
    return annotate([make(s["text"], ref=s["id"]) for s in seeds])


@pytest.fixture(scope="session")
def seed_claims(seed_items: list[AnnotatedArticle]) -> list[Claim]:
    return claims_of(seed_items)


def claim_covering(
    claims: Sequence[Claim], items: Sequence[AnnotatedArticle], phrase: str, article: int
) -> Claim | None:
    """The claim whose evidence in ``items[article]`` covers ``phrase``."""
    item = items[article]
    start = item.article.text.find(phrase)
    assert start >= 0, f"{phrase!r} not in article {article}"
    end = start + len(phrase)
    for c in claims:
        for e in c.evidence:
            if e.article == item.article.id and e.span.start <= start and end <= e.span.end:
                return c
    return None


Finder = Callable[[str, int], Claim | None]
