"""Story clustering: articles about one real-world event become one story.

Typical use (the store's folder holds the index and, until the SQL tables
exist, the cluster state)::

    clusterer = open_clusterer(folder)
    assignments = add_articles(clusterer, annotated_articles)
    save_clusterer(clusterer)

DOCS: docs/stages/stories.md
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from storyweave.errors import StorageError
from storyweave.faults import checkpoint
from storyweave.model import AnnotatedArticle

from .cluster import Assignment, StoryClusterer, story_id_for
from .embed import Embedder, HashingEmbedder, MiniLMEmbedder, default_embedder
from .features import StoryFeatures, extract_features
from .index import StoryIndex
from .score import ClusterOptions
from .state import ClusterState, MemberRecord, MemoryClusterState, Merge, StoryRecord

MANIFEST = "manifest.json"
MANIFEST_FORMAT = "storyweave.stories.folder/1"
_GENERATION_FILE = re.compile(r"^(index-.+\.usearch|state-.+\.json(\.tmp)?|sums-.+\.npy)$")
# the files of a folder saved before manifests existed
_UNVERSIONED_FILES = frozenset({"index.usearch", "index.json", "state.json", "sums.npy"})

__all__ = [
    "Assignment",
    "ClusterOptions",
    "ClusterState",
    "Embedder",
    "HashingEmbedder",
    "MemberRecord",
    "MemoryClusterState",
    "Merge",
    "MiniLMEmbedder",
    "StoryClusterer",
    "StoryFeatures",
    "StoryIndex",
    "StoryRecord",
    "add_articles",
    "default_embedder",
    "extract_features",
    "open_clusterer",
    "save_clusterer",
    "story_id_for",
]


def open_clusterer(
    folder: Path | None = None,
    *,
    embedder: Embedder | None = None,
    state: ClusterState | None = None,
    options: ClusterOptions | None = None,
) -> StoryClusterer:
    """A clusterer over the index (and, unless ``state`` is given, the state) in ``folder``.

    ``folder=None`` gives a throwaway in-memory clusterer (``storyweave analyze``
    without a store).
    """
    model = embedder or default_embedder()
    if folder is None:
        index = StoryIndex(model.dim, model.model_id)
        return StoryClusterer(state or MemoryClusterState(), index, options=options)
    manifest = read_manifest(folder)
    if manifest is None:  # a folder saved before manifests (or a new one)
        index = StoryIndex.open(folder, dim=model.dim, model_id=model.model_id)
        return StoryClusterer(state or MemoryClusterState.load(folder), index, options=options)
    index = StoryIndex.open(
        folder,
        dim=model.dim,
        model_id=model.model_id,
        name=manifest["index"],
        meta=manifest["index_meta"],
    )
    if state is None:
        state = MemoryClusterState.load(
            folder, state_name=manifest["state"], sums_name=manifest["sums"]
        )
    return StoryClusterer(state, index, options=options)


def save_clusterer(clusterer: StoryClusterer) -> None:
    """Persist the index (and an in-memory state) to the folder it was opened from.

    Crash-safe: every save writes a new generation of files (``index-<g>.usearch``,
    ``state-<g>.json``, ``sums-<g>.npy``) and then replaces ``manifest.json``, which names
    them, in one atomic rename; older generations are deleted after. A process killed at any
    point leaves the manifest naming one complete generation.
    """
    folder = clusterer.index.folder
    if folder is None:
        return
    folder.mkdir(parents=True, exist_ok=True)
    generation = f"{time.time_ns():x}-{os.getpid()}"
    files = {"index": f"index-{generation}.usearch"}
    clusterer.index.save(folder, name=files["index"])
    checkpoint("index-saved")
    if isinstance(clusterer.state, MemoryClusterState):
        files |= {"state": f"state-{generation}.json", "sums": f"sums-{generation}.npy"}
        clusterer.state.save(folder, state_name=files["state"], sums_name=files["sums"])
    manifest = {
        "format": MANIFEST_FORMAT,
        "generation": generation,
        "index_meta": clusterer.index.meta(),
        **files,
    }
    tmp = folder / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(manifest), encoding="utf-8")
    tmp.replace(folder / MANIFEST)
    _drop_other_generations(folder, keep=set(files.values()))


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """The folder's manifest (which files make its current generation), if it has one."""
    path = folder / MANIFEST
    if not path.exists():
        return None
    try:
        manifest: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise StorageError("E301", url=str(folder), detail=f"{MANIFEST}: {e}") from e
    if manifest.get("format") != MANIFEST_FORMAT:
        detail = f"{MANIFEST}: unknown format {manifest.get('format')!r}"
        raise StorageError("E301", url=str(folder), detail=detail)
    return manifest


def _drop_other_generations(folder: Path, *, keep: set[str]) -> None:
    for path in folder.iterdir():
        stale = _GENERATION_FILE.match(path.name) or path.name in _UNVERSIONED_FILES
        if stale and path.name not in keep:
            path.unlink(missing_ok=True)


def add_articles(
    clusterer: StoryClusterer,
    items: Sequence[AnnotatedArticle],
    *,
    embedder: Embedder | None = None,
) -> list[Assignment]:
    """Embed and place ``items`` (one batch: the result does not depend on their order)."""
    if not items:
        return []
    feats = extract_features(items, embedder or default_embedder())
    return clusterer.add(feats)
