"""Files kept beside a store belong to that store: a database made again at the same place
does not inherit the deleted one's story state."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from storyweave.model import Story
from storyweave.storage import open_store
from storyweave.storage.sidecar import OWNER_FILE
from tests.conftest import make_article


def _store_with_story(path: Path) -> None:
    store = open_store(path)
    aid = store.add_article(make_article("Kim Jong-un met Vladimir Putin on Wednesday.")).article_id
    store.save_story(Story("st_1", "Summit", (aid,)), method="test")
    store.close()


def test_sidecar_is_marked_with_the_store_id(tmp_path: Path) -> None:
    store = open_store(tmp_path / "a.db")
    folder = store.sidecar_dir("stories")
    assert folder is not None
    assert (folder / OWNER_FILE).read_text().strip() == store.store_id()
    assert len(store.store_id()) == 32
    store.close()


def test_reopening_the_same_store_keeps_its_files(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    store = open_store(path)
    folder = store.sidecar_dir("stories")
    assert folder is not None
    (folder / "state.json").write_text("{}")
    store.close()
    again = open_store(path)
    assert again.sidecar_dir("stories") == folder
    assert (folder / "state.json").exists()
    again.close()


def test_a_store_made_again_at_the_same_place_starts_afresh(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "a.db"
    old = open_store(path)
    folder = old.sidecar_dir("stories")
    assert folder is not None
    (folder / "state.json").write_text("{}")
    (folder / "sub").mkdir()
    (folder / ".lock").write_text("")
    old_id = old.store_id()
    old.close()
    path.unlink()
    new = open_store(path)
    assert new.store_id() != old_id
    with caplog.at_level(logging.WARNING):
        assert new.sidecar_dir("stories") == folder
    assert sorted(p.name for p in folder.iterdir()) == [".lock", OWNER_FILE]
    assert "another store" in caplog.text
    new.close()


@pytest.mark.parametrize(("has_story", "kept"), [(True, True), (False, False)])
def test_an_unmarked_folder_is_adopted_only_by_a_store_with_stories(
    tmp_path: Path, has_story: bool, kept: bool
) -> None:
    # a folder written before stores had ids
    path = tmp_path / "a.db"
    if has_story:
        _store_with_story(path)
    folder = tmp_path / "a.db.stories"
    folder.mkdir()
    (folder / "state.json").write_text("{}")
    store = open_store(path)
    assert store.sidecar_dir("stories") == folder
    assert (folder / "state.json").exists() == kept
    assert (folder / OWNER_FILE).read_text().strip() == store.store_id()
    store.close()
