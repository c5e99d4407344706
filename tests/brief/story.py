"""A hand-made two-article story (our own wording) run through the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

from storyweave._types import JSON
from storyweave.analysis import ingest
from storyweave.model import AnnotatedArticle
from storyweave.report import build_report
from storyweave.storage import SQLStore
from storyweave.timeline import build_timeline

ARTICLE_A = (
    "On September 13, Russian President Vladimir Putin and North Korean leader Kim Jong Un met "
    "at the Vostochny Cosmodrome. A day earlier, Putin announced plans to host the North Korean "
    "leader. Defence Minister Sergei Shoigu, who travelled to Pyongyang in July, joined the talks. "
    "“We will discuss everything,” Putin told reporters. Recently, officials said the talks "
    "would last for three days."
)
ARTICLE_B = (
    "Kim Jong Un and Vladimir Putin held talks at the Vostochny Cosmodrome on September 13. "
    "North Korea has failed twice to put a spy satellite into orbit. Its first launch in May "
    "ended with the rocket falling into the sea, while the second launch last month broke up in "
    "its third stage. The space agency of North Korea said it would try again in October. "
    "Analysts said Kim wants Russian help with satellites."
)
STORY = [
    {"id": "a", "text": ARTICLE_A, "outlet": "Harbour Times", "published": "2023-09-13"},
    {"id": "b", "text": ARTICLE_B, "outlet": "Coastal Herald", "published": "2023-09-13"},
]


def ingest_story(store: SQLStore, folder: Path) -> tuple[list[AnnotatedArticle], JSON]:
    """Ingest the story; return its annotated articles and its report, whose one story holds
    both articles (story clustering would make it one; until then each is its own)."""
    path = folder / "story.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in STORY) + "\n", encoding="utf-8")
    result = ingest([path], store=store)
    items = [store.annotated(a) for a in result.article_ids]
    report = build_report(store, result.article_ids)
    texts = {i.article.id: i.article.text for i in items}
    timeline = [e.to_json(texts) for e in build_timeline(items)]
    story = dict(report["stories"][0], articles=list(result.article_ids), timeline=timeline)
    report["stories"] = [story]
    return items, report
