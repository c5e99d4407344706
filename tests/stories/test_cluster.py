from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyweave.errors import NotFound
from storyweave.stories import add_articles, open_clusterer
from storyweave.stories.cluster import StoryClusterer, story_id_for
from storyweave.stories.features import StoryFeatures
from storyweave.stories.index import StoryIndex
from storyweave.stories.score import ClusterOptions
from storyweave.stories.state import MemoryClusterState

from .helpers import make_article, make_features

D = dt.date


def new_clusterer(dim: int = 32, options: ClusterOptions | None = None) -> StoryClusterer:
    return StoryClusterer(MemoryClusterState(), StoryIndex(dim, "test"), options=options)


def as_sets(clusterer: StoryClusterer) -> set[frozenset[str]]:
    return {frozenset(arts) for arts in clusterer.partition().values()}


# three events; events 0 and 1 share a topic direction-free entity "rehab" only
FIXTURE: list[StoryFeatures] = [
    make_features("reid-1", 0, {"reid": 2, "promises": 1}),
    make_features("reid-2", 0, {"reid": 1, "promises": 1, "people": 1}),
    make_features("reid-3", 0, {"reid": 3}),
    make_features("lohan-1", 1, {"lohan": 2, "betty ford center": 1}),
    make_features("lohan-2", 1, {"lohan": 1, "betty ford center": 1, "holley": 1}),
    make_features("quake-1", 2, {"indonesia": 1, "sumatra": 1}),
    make_features("quake-2", 2, {"indonesia": 2}),
    make_features("alone", 3, {"apple": 1}),
]
EXPECTED = {
    frozenset({"reid-1", "reid-2", "reid-3"}),
    frozenset({"lohan-1", "lohan-2"}),
    frozenset({"quake-1", "quake-2"}),
    frozenset({"alone"}),
}


def test_fixture_forms_the_expected_stories() -> None:
    clusterer = new_clusterer()
    out = clusterer.add(FIXTURE)
    assert as_sets(clusterer) == EXPECTED
    assert [a.article_id for a in out] == [f.article_id for f in FIXTURE]
    alone = out[-1]
    assert alone.new_story
    assert alone.nearest_articles == ()
    assert alone.shared_entities == ()
    reid = out[0]
    assert reid.shared_entities[0] == "reid"
    assert {a for a, _ in reid.nearest_articles} == {"reid-2", "reid-3"}
    assert reid.score >= clusterer.options.threshold
    assert reid.threshold == clusterer.options.threshold  # words unknown: read as long


def test_an_article_left_alone_says_which_story_it_missed_and_what_it_lacked() -> None:
    clusterer = new_clusterer()
    clusterer.add(FIXTURE[:3])
    # the same direction as the Reid story, but no entity and no word in common
    stray = make_features("stray", 0, {})
    stray = StoryFeatures(
        article_id="stray",
        vector=stray.vector,
        entities=(),
        date=None,
        headline="a stray",
        terms=(("unrelated", 1),),
        words=120,
    )
    (got,) = clusterer.add([stray])
    assert got.new_story
    best = got.nearest_other
    assert best is not None and best.story_id == story_id_for("reid-1")
    assert best.score < best.threshold == clusterer.options.threshold
    assert got.score == best.score
    assert "no shared entity" in best.missing
    assert "no shared content word" in best.missing
    assert best.parts.entities == 0.0 and best.parts.embedding > 0.0
    # an article in its story is told the nearest story it is not in, if any
    reid = clusterer.explain("reid-1")
    assert reid.nearest_other is None or reid.nearest_other.story_id != reid.story_id


@settings(max_examples=25, deadline=None)
@given(st.permutations(FIXTURE))
def test_batch_partition_does_not_depend_on_input_order(order: list[StoryFeatures]) -> None:
    reference = new_clusterer()
    reference.add(FIXTURE)
    shuffled = new_clusterer()
    shuffled.add(order)
    assert shuffled.partition() == reference.partition()


@settings(max_examples=15, deadline=None)
@given(st.permutations(FIXTURE))
def test_one_at_a_time_gives_the_same_stories_on_separable_data(
    order: list[StoryFeatures],
) -> None:
    clusterer = new_clusterer()
    for feats in order:
        clusterer.assign(feats)
    assert as_sets(clusterer) == EXPECTED


def test_story_ids_are_stable_and_re_adding_is_idempotent() -> None:
    clusterer = new_clusterer()
    clusterer.add(FIXTURE[:2])
    story = clusterer.state.story_of("reid-1")
    assert story == story_id_for("reid-1")
    again = clusterer.add([FIXTURE[0]])
    assert again[0].story_id == story
    assert clusterer.state.article_count() == 2
    later = clusterer.assign(FIXTURE[2])
    assert later.story_id == story
    assert not later.new_story


def _unit(*topics: int) -> np.ndarray:
    vec = np.zeros(32, dtype=np.float32)
    vec[list(topics)] = 1.0
    return vec / np.linalg.norm(vec)


def _feats(article_id: str, vector: np.ndarray, *entities: str) -> StoryFeatures:
    return StoryFeatures(article_id, vector, tuple((e, 1) for e in entities), None, article_id)


def test_a_bridging_article_merges_two_stories_and_the_merge_is_recorded() -> None:
    clusterer = new_clusterer()
    # one event told twice with different entities: alike (cosine 0.71) but below threshold
    first = clusterer.assign(_feats("a", _unit(5), "kim"))
    second = clusterer.assign(_feats("b", _unit(5, 6), "putin"))
    assert first.story_id != second.story_id
    result = clusterer.assign(_feats("bridge", _unit(5, 5, 6) + _unit(5, 6), "kim", "putin"))
    assert len(clusterer.partition()) == 1
    (merge,) = clusterer.state.merges()
    assert merge.into == story_id_for("a")
    assert merge.absorbed == story_id_for("b")
    assert merge.bridge == ("bridge",)
    assert merge.score >= clusterer.options.threshold
    assert result.story_id == story_id_for("a")
    assert result.merged == (story_id_for("b"),)
    assert clusterer.state.story(story_id_for("b")) is None
    assert clusterer.explain("b").story_id == story_id_for("a")


def test_dormant_story_does_not_take_a_late_article() -> None:
    clusterer = new_clusterer()
    clusterer.add([make_features("old", 0, {"reid": 1}, date=D(2023, 1, 1))])
    late = clusterer.assign(make_features("late", 0, {"reid": 1}, date=D(2023, 6, 1)))
    soon = clusterer.assign(make_features("soon", 0, {"reid": 1}, date=D(2023, 1, 3)))
    assert late.new_story
    assert late.story_id != soon.story_id
    assert soon.story_id == story_id_for("old")


def test_explain_unknown_article_raises() -> None:
    with pytest.raises(NotFound):
        new_clusterer().explain("nope")


def test_an_earlier_versions_folder_is_read_in_either_layout(tmp_path: Path) -> None:
    """A folder saved by an earlier version (generations named by a manifest, or the
    unversioned files before manifests) is read as it was: the source of the one-time import
    into the store (docs/decisions/cluster-state-in-store.md)."""
    from storyweave.stories.embed import HashingEmbedder
    from tests.stories.legacy import save_generation, save_unversioned

    emb = HashingEmbedder(64)
    clusterer = open_clusterer(embedder=emb)
    reid = "Tara Reid checked into Promises Treatment Center, her rep told People."
    items = [
        make_article("r1", reid, entities={"Tara Reid": "PERSON", "Promises": "ORG"}),
        make_article("r2", reid + " Friends support her.", entities={"Tara Reid": "PERSON"}),
        make_article("f1", "Floods closed the port of Lisbon.", entities={"Lisbon": "GPE"}),
    ]
    add_articles(clusterer, items, embedder=emb)
    for layout, save in (("manifest", save_generation), ("unversioned", save_unversioned)):
        folder = tmp_path / layout
        save(clusterer, folder)
        reopened = open_clusterer(folder, embedder=emb)
        assert reopened.partition() == clusterer.partition(), layout
        assert reopened.explain("r1") == clusterer.explain("r1")
        # no article has a title: the stories are labelled by their entities, never a sentence
        assert [s.title for s in reopened.stories()] == ["Reid · Promises", "Lisbon"]
    assert open_clusterer(tmp_path / "empty", embedder=emb).partition() == {}


@pytest.mark.issue(6)
def test_two_rehab_stories_about_two_actresses_stay_apart() -> None:
    """The real embedder: one story per actress, and an unrelated article alone."""
    texts = {
        "reid-1": (
            "Actress Tara Reid has checked herself into Promises Treatment Center in Malibu, "
            "her representative told People magazine."
        ),
        "reid-2": "The American Pie star Tara Reid entered Promises Treatment Center on Tuesday.",
        "lohan-1": (
            "Actress Lindsay Lohan has checked into the Betty Ford Center to begin a 90-day "
            "court-ordered stay, her lawyer said."
        ),
        "lohan-2": "Lindsay Lohan arrived at the Betty Ford Center late Thursday for rehab.",
        "phone": "Apple on Tuesday introduced a new iPhone with a faster chip in Cupertino.",
    }
    entities = {
        "Tara Reid": "PERSON",
        "Promises Treatment Center": "ORG",
        "Lindsay Lohan": "PERSON",
        "Betty Ford Center": "ORG",
        "Apple": "ORG",
        "Cupertino": "GPE",
        "Malibu": "GPE",
    }
    items = [make_article(k, v, entities=entities) for k, v in texts.items()]
    clusterer = open_clusterer()
    add_articles(clusterer, items)
    assert as_sets(clusterer) == {
        frozenset({"reid-1", "reid-2"}),
        frozenset({"lohan-1", "lohan-2"}),
        frozenset({"phone"}),
    }


def test_headlines_of_one_story_join_though_they_share_few_words() -> None:
    """Headline-only items (a feed without descriptions) are judged by the short-text bar."""
    heads = {
        "ferry-1": "Ferry carrying 300 capsizes off Lesbos, dozens missing",
        "ferry-2": "Coast guard searches for survivors after Greek ferry sinks",
        "ferry-3": "Lesbos ferry disaster: divers recover first bodies",
        "bank-1": "Norway's central bank holds interest rates at 4.5%",
        "bank-2": "Norges Bank keeps key rate unchanged, signals cut in spring",
        "film-1": "Animated sequel tops weekend box office in North America",
    }
    entities = {"Lesbos": "GPE", "Greek": "NORP", "Norway": "GPE", "Norges Bank": "ORG"}
    items = [make_article(k, v, entities=entities, title=v) for k, v in heads.items()]
    clusterer = open_clusterer()
    add_articles(clusterer, items)
    assert as_sets(clusterer) == {
        frozenset({"ferry-1", "ferry-2", "ferry-3"}),
        frozenset({"bank-1", "bank-2"}),
        frozenset({"film-1"}),
    }
    # the same pair of headlines judged by the full-article bar stays apart
    strict = open_clusterer(options=ClusterOptions(short_threshold=ClusterOptions().threshold))
    add_articles(strict, items)
    assert len(as_sets(strict)) > 3
