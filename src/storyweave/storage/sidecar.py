"""Folders of files that belong with a store (the story index and state), tied to its id.

A SQLite store keeps them beside its file (``<db>.stories/``), a server store in the user
data directory. Deleting the database file and making a new one at the same place would
otherwise hand the old store's story state to the new store, which would then think its
articles were already placed and form no stories. Each folder therefore records the id of
the store it belongs to (``.store-id``); a folder of another store is emptied before use.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

log = logging.getLogger(__name__)

OWNER_FILE = ".store-id"
_KEEP = frozenset({OWNER_FILE, ".lock"})


def claim(folder: Path, store_id: str, *, store_has_stories: bool) -> None:
    """Make ``folder`` the store ``store_id``'s, emptying it if it holds another store's files.

    A folder without an owner comes from a version before store ids: it is adopted when the
    store has stories (they were made from it) or when it is empty, and emptied otherwise.
    """
    mark = folder / OWNER_FILE
    owner = mark.read_text(encoding="utf-8").strip() if mark.exists() else None
    if owner == store_id:
        return
    stale = owner is not None or (not store_has_stories and _has_files(folder))
    if stale:
        log.warning(
            "%s held the files of another store (%s); starting them afresh for this one",
            folder,
            f"store {owner}" if owner else "one with stories, while this one has none",
        )
        _empty(folder)
    tmp = folder / f"{OWNER_FILE}.{os.getpid()}"
    tmp.write_text(store_id + "\n", encoding="utf-8")
    tmp.replace(mark)


def _has_files(folder: Path) -> bool:
    return any(p.name not in _KEEP for p in folder.iterdir())


def _empty(folder: Path) -> None:
    for path in folder.iterdir():
        if path.name in _KEEP:
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
