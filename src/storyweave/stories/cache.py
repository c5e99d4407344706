"""A clusterer over a stored state, with the vector index as a cache in the store's folder.

The store's member rows hold every article's vector; the usearch index is only a faster
copy of them, saved in the folder as ``vectors-<model>-<count>-<top>.usearch`` (the members
it holds and the highest key among them). Opening checks the tag against the rows: a cache
that covers a prefix of the keys is topped up with the rows above its highest key (another
process added them), one that is missing, unreadable, of another model or inconsistent with
the rows is rebuilt from them. The folder can be deleted at any time; nothing is lost.

A cache file is written under a temporary name and renamed, so a reader never sees half of
one; saving is best effort (a failed save only costs the next run a top-up).

DOCS: docs/stages/stories.md
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from storyweave.errors import StorageError
from storyweave.faults import checkpoint

from .cluster import StoryClusterer
from .embed import Vectors
from .index import StoryIndex
from .legacy import drop_folder_state, has_folder_state, read_folder
from .score import ClusterOptions
from .state import ClusterState, MemoryClusterState

log = logging.getLogger(__name__)

_CACHE = re.compile(r"^vectors-([0-9a-f]{8})-(\d+)-(\d+)\.usearch$")
_TMP = re.compile(r"^vectors-.+\.tmp$")  # a save cut short (or under way in another process)


class StoredState(ClusterState, Protocol):
    """A :class:`ClusterState` that keeps each member's vector (the store's tables)."""

    def index_tag(self) -> tuple[int, int]:
        """(members, highest key)."""
        ...

    def keyed_vectors(self, after: int) -> Iterator[tuple[list[int], Vectors]]:
        """Stored vectors of the keys above ``after``, in key order, in chunks."""
        ...

    def is_empty(self) -> bool: ...

    def model(self) -> str | None: ...

    def set_model(self, model: str) -> None: ...

    def import_state(self, state: MemoryClusterState, vectors: dict[int, Vectors]) -> None: ...


def model_label(dim: int, model_id: str) -> str:
    return f"{model_id} ({dim} dims)"


def open_stored(
    state: StoredState,
    folder: Path | None,
    *,
    dim: int,
    model_id: str,
    options: ClusterOptions | None = None,
    write: bool = True,
) -> StoryClusterer:
    """A clusterer over ``state`` with its index from the cache in ``folder`` (or the rows).

    A store whose tables are still empty and whose folder holds an earlier version's state
    has that state imported (``write``) or, read-only, is read from the folder as it is.
    """
    label = model_label(dim, model_id)
    if has_folder_state(folder) and state.is_empty():
        assert folder is not None
        found = read_folder(folder, dim=dim, model_id=model_id)
        if found is not None:
            legacy, index = found
            if not write:
                return StoryClusterer(legacy, index, options=options)
            keys = [m.key for rec in legacy.stories() for m in legacy.members(rec.id)]
            vectors = dict(zip(keys, index.vectors(keys), strict=True))
            state.import_state(legacy, vectors)
            state.set_model(label)
            log.info("imported the story state of %s into the store", folder)
    recorded = state.model()
    if recorded is None and write:
        state.set_model(label)
    elif recorded is not None and recorded != label:
        where = folder or Path("(the store)")
        raise StorageError("E703", path=where, found=recorded, expected=label)
    index = load_index(folder, state, dim=dim, model_id=model_id)
    return StoryClusterer(state, index, options=options)


def load_index(folder: Path | None, state: StoredState, *, dim: int, model_id: str) -> StoryIndex:
    """The index of every stored vector: the cache in ``folder`` topped up, else rebuilt."""
    count, top = state.index_tag()
    index = StoryIndex(dim, model_id, folder=folder)
    cached = _best_cache(folder, dim, model_id, top)
    if cached is not None:
        path, size, key = cached
        try:
            index.load(path)
            whole = len(index) == size
        except (RuntimeError, OSError, ValueError) as e:
            log.warning("story index cache %s unreadable (%s); rebuilding it", path, e)
            whole = False
        if whole:
            index.top = key
        else:
            index = StoryIndex(dim, model_id, folder=folder)
    _top_up(index, state)
    if len(index) != count:  # the cache holds keys the rows lack: not this store's
        log.warning("story index cache in %s does not match the store; rebuilding it", folder)
        index = StoryIndex(dim, model_id, folder=folder)
        _top_up(index, state)
    return index


def save_index(index: StoryIndex) -> None:
    """Save ``index`` as the cache in its folder unless a cache of the same tag is there;
    then delete older caches and an earlier version's state (the store holds it now)."""
    folder = index.folder
    if folder is None:
        return
    name = _cache_name(index.dim, index.model_id, len(index), index.top)
    try:
        if not (folder / name).exists():
            tmp = folder / f"{name}.{os.getpid()}.tmp"
            index.save(folder, name=tmp.name)
            checkpoint("index-cache-written")
            tmp.replace(folder / name)
        for path in folder.iterdir():
            found = _CACHE.match(path.name)
            older = found is not None and int(found.group(3)) <= index.top
            if (older or _TMP.match(path.name)) and path.name != name:
                path.unlink(missing_ok=True)  # a newer cache (another process's) is kept
        drop_folder_state(folder)
    except OSError as e:  # another process's save removed a file under us, a full disk...
        log.warning("could not save the story index cache in %s: %s", folder, e)


def _top_up(index: StoryIndex, state: StoredState) -> None:
    for keys, vectors in state.keyed_vectors(index.top):
        index.add(keys, vectors)


def _best_cache(
    folder: Path | None, dim: int, model_id: str, top: int
) -> tuple[Path, int, int] | None:
    """The cache of this model covering the most keys, none above ``top`` (the rows')."""
    if folder is None or not folder.is_dir():
        return None
    model = _model_hash(dim, model_id)
    best: tuple[Path, int, int] | None = None
    for path in folder.iterdir():
        found = _CACHE.match(path.name)
        if found is None or found.group(1) != model:
            continue
        size, key = int(found.group(2)), int(found.group(3))
        if key <= top and (best is None or key > best[2]):
            best = (path, size, key)
    return best


def _cache_name(dim: int, model_id: str, size: int, top: int) -> str:
    return f"vectors-{_model_hash(dim, model_id)}-{size}-{top}.usearch"


def _model_hash(dim: int, model_id: str) -> str:
    return hashlib.sha1(model_label(dim, model_id).encode("utf-8")).hexdigest()[:8]
