from __future__ import annotations

from collections.abc import Iterator

import pytest

from storyweave.errors import PipelineError, StageContractError, StageFailure
from storyweave.model import AnnotatedArticle
from storyweave.pipeline import Pipeline, registry
from tests.conftest import make_article


@pytest.fixture
def scratch_stages() -> Iterator[None]:
    """Register throwaway stages and remove them afterwards."""
    before = dict(registry._REGISTRY)

    @registry.stage("t_lang", requires={"text"}, produces={"language"})
    def t_lang(item: AnnotatedArticle) -> dict[str, object]:
        if "boom" in item.article.text:
            raise RuntimeError("boom")
        return {"language": "en"}

    @registry.stage("t_needs_lang", requires={"language"}, produces={"sentences"})
    def t_needs_lang(item: AnnotatedArticle) -> dict[str, object]:
        return {"sentences": ()}

    @registry.stage("t_wrong", requires={"text"}, produces={"language"})
    def t_wrong(item: AnnotatedArticle) -> dict[str, object]:
        return {"mentions": ()}

    yield
    registry._REGISTRY.clear()
    registry._REGISTRY.update(before)


@pytest.mark.usefixtures("scratch_stages")
def test_chain_is_checked_before_any_article_runs() -> None:
    with pytest.raises(StageContractError, match=r"t_needs_lang.*language.*t_lang"):
        Pipeline(["t_needs_lang"])


def test_unknown_stage_lists_known_ones() -> None:
    with pytest.raises(PipelineError, match=r"E202.*sentences"):
        Pipeline(["nope"])


@pytest.mark.usefixtures("scratch_stages")
def test_one_failing_article_is_recorded_and_the_batch_goes_on() -> None:
    good, bad = make_article("fine text"), make_article("boom text")
    result = Pipeline(["t_lang", "t_needs_lang"]).run([good, bad])
    (failure,) = result.failures
    assert failure.article == bad.id and failure.stage == "t_lang" and "boom" in failure.error
    done = {a.article.id: a for a in result.articles}
    assert done[good.id].layers == {"text", "language", "sentences"}
    assert done[bad.id].layers == {"text"}  # later stages skipped what they could not use


@pytest.mark.usefixtures("scratch_stages")
def test_strict_raises() -> None:
    with pytest.raises(StageFailure, match="t_lang"):
        Pipeline(["t_lang"], strict=True).run([make_article("boom")])


@pytest.mark.usefixtures("scratch_stages")
def test_stage_must_produce_what_it_declares() -> None:
    with pytest.raises(PipelineError, match="E204"):
        Pipeline(["t_wrong"]).run([make_article("x y")])


def test_duplicate_registration_is_refused() -> None:
    Pipeline()  # loads the built-ins
    with pytest.raises(PipelineError, match="E205"):
        registry.stage("ner", requires={"text"}, produces={"mentions"})(lambda item: {})


def test_every_builtin_stage_declares_known_layers() -> None:
    Pipeline()
    for st in registry.registered().values():
        assert st.produces and st.doc
