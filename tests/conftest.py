"""Small shared fixtures: hand-made articles and throwaway stores."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyweave.hashing import article_id
from storyweave.model import Article
from storyweave.storage import SQLStore, open_store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def make_article(
    text: str,
    *,
    ref: str = "test.txt",
    outlet: str | None = None,
    published: dt.date | None = None,
    title: str | None = None,
    body_end: int | None = None,
) -> Article:
    return Article(
        id=article_id(text, outlet=outlet),
        text=text,
        ref=ref,
        outlet=outlet,
        published=published,
        title=title,
        body_end=body_end,
    )


@pytest.fixture
def memory_store() -> Iterator[SQLStore]:
    store = open_store(":memory:")
    yield store
    store.close()


@pytest.fixture
def file_store(tmp_path: Path) -> Iterator[SQLStore]:
    store = open_store(tmp_path / "store.db")
    yield store
    store.close()
