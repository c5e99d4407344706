from __future__ import annotations

import storyweave


def test_all_matches_the_public_names() -> None:
    public = {n for n in dir(storyweave) if not n.startswith("_")}
    modules = {n for n in public if type(getattr(storyweave, n)).__name__ == "module"}
    assert set(storyweave.__all__) == public - modules - {"annotations"}


def test_every_public_name_is_documented() -> None:
    for name in storyweave.__all__:
        assert getattr(storyweave, name).__doc__, name
