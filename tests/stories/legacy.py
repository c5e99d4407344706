"""Folders as earlier versions saved them (before the state moved into the store)."""

from __future__ import annotations

import json
from pathlib import Path

from storyweave.stories import MemoryClusterState, StoryClusterer
from storyweave.stories.legacy import MANIFEST, MANIFEST_FORMAT


def save_generation(clusterer: StoryClusterer, folder: Path, generation: str = "18a-1") -> None:
    """The layout with generations named by ``manifest.json``."""
    assert isinstance(clusterer.state, MemoryClusterState)
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "index": f"index-{generation}.usearch",
        "state": f"state-{generation}.json",
        "sums": f"sums-{generation}.npy",
    }
    clusterer.index.save(folder, name=files["index"])
    clusterer.state.save(folder, state_name=files["state"], sums_name=files["sums"])
    manifest = {
        "format": MANIFEST_FORMAT,
        "generation": generation,
        "index_meta": clusterer.index.meta(),
        **files,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


def save_unversioned(clusterer: StoryClusterer, folder: Path) -> None:
    """The layout before manifests: index.usearch + index.json, state.json + sums.npy."""
    assert isinstance(clusterer.state, MemoryClusterState)
    clusterer.index.save(folder)
    clusterer.state.save(folder)
