"""The story folder of earlier versions: read once, to import its state into the store.

Before the state moved into the store's tables (docs/decisions/cluster-state-in-store.md), a
store kept the clusterer's state and index in a folder beside it, in one of two layouts:

* generations named by ``manifest.json`` (``index-<g>.usearch``, ``state-<g>.json``,
  ``sums-<g>.npy``; the manifest also holds the index's model and size);
* before manifests, unversioned files (``index.usearch`` + ``index.json``, ``state.json`` +
  ``sums.npy``).

:func:`read_folder` reads either; :func:`drop_folder_state` deletes their files once the
store holds the state.

DOCS: docs/stages/stories.md
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from storyweave.errors import StorageError

from .index import StoryIndex
from .state import MemoryClusterState

MANIFEST = "manifest.json"
MANIFEST_FORMAT = "storyweave.stories.folder/1"
_GENERATION_FILE = re.compile(r"^(index-.+\.usearch|state-.+\.json(\.tmp)?|sums-.+\.npy)$")
_UNVERSIONED_FILES = frozenset(
    {"index.usearch", "index.json", "state.json", "state.json.tmp", "sums.npy", MANIFEST}
)


def has_folder_state(folder: Path | None) -> bool:
    """Whether ``folder`` holds a state saved by an earlier version."""
    return folder is not None and ((folder / MANIFEST).exists() or (folder / "state.json").exists())


def read_folder(
    folder: Path, *, dim: int, model_id: str
) -> tuple[MemoryClusterState, StoryIndex] | None:
    """The state and index an earlier version saved in ``folder``; None when it holds none.

    Raises :class:`StorageError` (E301) for an unreadable state, E703 for another model's index.
    """
    manifest = read_manifest(folder)
    if manifest is None:
        if not (folder / "state.json").exists():
            return None
        index = StoryIndex.open(folder, dim=dim, model_id=model_id)
        return MemoryClusterState.load(folder), index
    index = StoryIndex.open(
        folder, dim=dim, model_id=model_id, name=manifest["index"], meta=manifest["index_meta"]
    )
    state = MemoryClusterState.load(
        folder, state_name=manifest["state"], sums_name=manifest["sums"]
    )
    return state, index


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


def drop_folder_state(folder: Path) -> None:
    """Delete an earlier version's state and index files (the store holds the state now)."""
    for path in folder.iterdir():
        name = path.name
        if name in _UNVERSIONED_FILES or _GENERATION_FILE.match(name):
            path.unlink(missing_ok=True)
