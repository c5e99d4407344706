"""The approximate-nearest-neighbour index of article vectors (usearch, cosine).

Keys are integers handed out by the cluster state; the index only maps keys to
vectors. It lives in a folder beside the store (``index.usearch`` plus
``index.json``, which names the embedding model so that vectors of two models
are never mixed). Small indexes are searched exactly, so results do not depend
on the order in which the graph was built.

DOCS: docs/stages/stories.md
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from storyweave.errors import StorageError

INDEX_FILE = "index.usearch"
META_FILE = "index.json"
EXACT_BELOW = 5_000
"""Search by brute force below this many vectors: exact and order-independent, still < 1 ms."""

Neighbours = list[tuple[int, float]]


class StoryIndex:
    """A usearch HNSW index over unit vectors; search returns ``(key, cosine)`` pairs."""

    def __init__(self, dim: int, model_id: str, *, folder: Path | None = None) -> None:
        self.dim = dim
        self.model_id = model_id
        self.folder = folder
        self.top = 0
        """The highest key added (keys only grow: a cache of the index is tagged with it)."""
        self._index: Any = _new_index(dim)

    def __len__(self) -> int:
        return len(self._index)

    def add(self, keys: Sequence[int], vectors: NDArray[np.float32]) -> None:
        """Add ``vectors`` under ``keys`` (one thread: the graph is then reproducible)."""
        if not keys:
            return
        self._index.add(np.asarray(keys, dtype=np.uint64), vectors, threads=1)
        self.top = max(self.top, *keys)

    def search(self, vectors: NDArray[np.float32], count: int) -> list[Neighbours]:
        """The ``count`` nearest keys of each row of ``vectors``, most similar first."""
        if len(self._index) == 0 or len(vectors) == 0:
            return [[] for _ in range(len(vectors))]
        count = min(count, len(self._index))
        exact = len(self._index) < EXACT_BELOW
        matches = self._index.search(vectors, count, exact=exact)
        keys = np.atleast_2d(matches.keys)
        dists = np.atleast_2d(matches.distances)
        # one query row comes back as ``Matches`` (no ``counts``), several as ``BatchMatches``
        counts = np.atleast_1d(getattr(matches, "counts", len(matches)))
        out: list[Neighbours] = []
        for row in range(len(vectors)):
            found = int(counts[row])
            pairs = [(int(keys[row, j]), float(1.0 - dists[row, j])) for j in range(found)]
            # ties broken by key, so equal vectors always come back in one order
            pairs.sort(key=_by_similarity_then_key)
            out.append(pairs)
        return out

    def vectors(self, keys: Sequence[int]) -> NDArray[np.float32]:
        """The stored vectors of ``keys``, one row each."""
        if not keys:
            return np.zeros((0, self.dim), dtype=np.float32)
        got = self._index.get(np.asarray(keys, dtype=np.uint64))
        return np.atleast_2d(np.asarray(got, dtype=np.float32))

    def meta(self) -> dict[str, Any]:
        """What a reader checks before loading the index: its model, dimensions and size."""
        return {"model": self.model_id, "dim": self.dim, "size": len(self._index)}

    def save(self, folder: Path | None = None, *, name: str | None = None) -> None:
        """Write the index to ``folder`` (default: where it was opened). With ``name``, only
        the index file of that name is written (the caller's manifest holds the metadata);
        without, ``index.usearch`` and its metadata file ``index.json``."""
        target = folder or self.folder
        if target is None:
            raise StorageError("E301", url="(no folder)", detail="the index has no folder")
        target.mkdir(parents=True, exist_ok=True)
        self._index.save(str(target / (name or INDEX_FILE)))
        if name is None:
            (target / META_FILE).write_text(json.dumps(self.meta()), encoding="utf-8")

    def load(self, path: Path) -> None:
        """Replace the contents by the index saved at ``path``; raises RuntimeError for a
        damaged file, ValueError for one of other dimensions (a file brings its own)."""
        self._index.load(str(path))
        if int(self._index.ndim) != self.dim:
            found = int(self._index.ndim)
            self._index = _new_index(self.dim)
            raise ValueError(f"{path} holds {found}-dimensional vectors, not {self.dim}")

    @classmethod
    def open(
        cls,
        folder: Path,
        *,
        dim: int,
        model_id: str,
        name: str | None = None,
        meta: dict[str, Any] | None = None,
    ) -> StoryIndex:
        """Open the index in ``folder``, or a new empty one if there is none yet. ``name`` and
        ``meta`` come from a manifest; without them ``index.usearch`` and ``index.json``."""
        index = cls(dim, model_id, folder=folder)
        if meta is None:
            meta_path = folder / META_FILE
            if not meta_path.exists():
                return index
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if meta.get("model") != model_id or meta.get("dim") != dim:
            found = f"{meta.get('model')} ({meta.get('dim')} dims)"
            raise StorageError(
                "E703", path=folder, found=found, expected=f"{model_id} ({dim} dims)"
            )
        index._index.load(str(folder / (name or INDEX_FILE)))
        return index


def _new_index(dim: int) -> Any:
    _import_onnxruntime_first()
    from usearch.index import Index

    return Index(ndim=dim, metric="cos", dtype="f32")


def _import_onnxruntime_first() -> None:
    """Load onnxruntime before usearch: the other order segfaults the process.

    Measured with usearch 2.26.6 + onnxruntime 1.32.0 (Python 3.11, x86-64):
    ``import usearch.index; import onnxruntime`` crashes, the reverse order works.
    """
    import onnxruntime  # noqa: F401


def _by_similarity_then_key(pair: tuple[int, float]) -> tuple[float, int]:
    return (-round(pair[1], 6), pair[0])
