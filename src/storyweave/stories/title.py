"""Story titles: the most representative headline, or a label from the main entities.

The representative headline belongs to the member whose vector is closest to
the story's centroid (the medoid); ties go to the earlier article id. A story
whose members have no usable headline gets a label made of its heaviest entity
keys ("Reid · Promises Treatment Center").

DOCS: docs/stages/stories.md
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from numpy.typing import NDArray

MIN_HEADLINE_CHARS = 12
LABEL_ENTITIES = 3


def representative(
    article_ids: Sequence[str], vectors: NDArray[np.float32], centroid: NDArray[np.float64]
) -> int | None:
    """Index of the member closest to ``centroid`` (ties: smaller article id), or ``None``."""
    if not article_ids:
        return None
    sims = vectors.astype(np.float64) @ centroid
    keys = [(-round(float(s), 6), a) for s, a in zip(sims, article_ids, strict=True)]
    return min(range(len(article_ids)), key=keys.__getitem__)


def entity_label(entity_sum: Mapping[str, float], *, count: int = LABEL_ENTITIES) -> str:
    """A label from the story's heaviest entity keys, title-cased where lower-case."""
    ranked = sorted(entity_sum.items(), key=_by_weight_then_key)[:count]
    names = [key if any(c.isupper() for c in key) else key.title() for key, w in ranked if w > 0]
    return " · ".join(names)


def story_title(
    headlines: Sequence[str],
    article_ids: Sequence[str],
    vectors: NDArray[np.float32],
    centroid: NDArray[np.float64],
    entity_sum: Mapping[str, float],
) -> str:
    """The representative member's headline, else an entity label, else "Untitled story"."""
    usable = [i for i, h in enumerate(headlines) if len(h.strip()) >= MIN_HEADLINE_CHARS]
    if usable:
        best = representative([article_ids[i] for i in usable], vectors[usable], centroid)
        if best is not None:
            return headlines[usable[best]].strip()
    return entity_label(entity_sum) or "Untitled story"


def _by_weight_then_key(item: tuple[str, float]) -> tuple[float, str]:
    return (-item[1], item[0])
