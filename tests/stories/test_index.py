from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from storyweave.errors import StorageError
from storyweave.stories.index import StoryIndex

from .helpers import topic_vector


def test_search_returns_nearest_first_and_survives_save(tmp_path: Path) -> None:
    index = StoryIndex(32, "test-model", folder=tmp_path)
    vectors = np.stack([topic_vector(t % 4, f"a{t}") for t in range(12)])
    index.add(list(range(1, 13)), vectors)
    (found,) = index.search(vectors[:1], 3)
    assert found[0][0] == 1
    assert found[0][1] == pytest.approx(1.0, abs=1e-5)
    assert {key for key, _ in found[1:]} <= {5, 9}
    index.save()
    again = StoryIndex.open(tmp_path, dim=32, model_id="test-model")
    assert len(again) == 12
    assert again.search(vectors[:1], 3) == index.search(vectors[:1], 3)
    assert np.allclose(again.vectors([3]), vectors[2:3], atol=1e-6)


def test_empty_index_finds_nothing(tmp_path: Path) -> None:
    index = StoryIndex.open(tmp_path, dim=8, model_id="m")
    assert index.search(np.ones((2, 8), dtype=np.float32), 5) == [[], []]


def test_opening_with_another_model_is_refused(tmp_path: Path) -> None:
    index = StoryIndex(32, "model-a", folder=tmp_path)
    index.add([1], topic_vector(0, "a")[None, :])
    index.save()
    with pytest.raises(StorageError, match="E703"):
        StoryIndex.open(tmp_path, dim=32, model_id="model-b")
