"""The ``claim_units`` stage: each article's claim units and their sentence embeddings, cut
from its parse once, at ingest, and stored with its other layers, so a report neither cuts
nor embeds them again (docs/decisions/claim-units-at-ingest.md)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..claims.units import UNITS_VERSION
from ..errors import ConfigError
from ..model import AnnotatedArticle
from .registry import BatchResult, stage


def _embedder() -> Any:
    """The story embedder (MiniLM), or None when its model is not installed: the units are
    stored without vectors and claims fall back to word overlap, as they would anyway."""
    from ..stories import default_embedder

    try:
        return default_embedder()
    except ConfigError:
        return None


@stage(
    "claim_units",
    requires={"sentences", "attributions", "doc"},
    produces={"claim_units"},
    version=UNITS_VERSION,
    batch=True,
)
def claim_units_stage(batch: Sequence[AnnotatedArticle]) -> list[BatchResult]:
    """Cut each body's claim units from its parse and embed their texts (one call a batch)."""
    from ..claims.stored import compute_units

    return [{"claim_units": cu} for cu in compute_units(batch, _embedder())]
