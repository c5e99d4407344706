"""Entity stages: mention repair per article.

Linking across articles is not a per-article stage: it needs the whole run, so
the report calls :func:`storyweave.entities.link_entities` once over all articles.
"""

from __future__ import annotations

from storyweave.entities import repair_mentions
from storyweave.model import AnnotatedArticle
from storyweave.nlp import languages

from .registry import Layers, stage


@stage("mention_repair", requires={"mentions", "doc"}, produces={"mentions"}, version="4")
def mention_repair_stage(item: AnnotatedArticle) -> Layers:
    """Trim spaCy's mention spans and repair their labels (gazetteer, sources, votes)."""
    if not languages.analysed(item.language):
        return {"mentions": ()}
    mentions = repair_mentions(
        item.article.text, item.mentions, item.doc, outlet=item.article.outlet
    )
    return {"mentions": mentions}
