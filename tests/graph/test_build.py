from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyweave._types import JSON
from storyweave.cli import main
from storyweave.graph import build_graph, export_graph, graph_json, to_networkx
from storyweave.graph.build import EntityGraph
from storyweave.model import AnnotatedArticle
from storyweave.storage import open_store
from tests.brief.story import ingest_story


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[AnnotatedArticle], JSON]:
    store = open_store(":memory:")
    items, report = ingest_story(store, tmp_path_factory.mktemp("story"))
    store.close()
    return items, report


def _named(graph: EntityGraph, kind: str) -> set[tuple[str, str]]:
    name = {n.id: n.name for n in graph.nodes.values()}
    return {(name[e.source], name[e.target]) for e in graph.edges.values() if e.kind == kind}


def test_edges_of_the_story(story: tuple[list[AnnotatedArticle], JSON]) -> None:
    items, report = story
    graph = build_graph(items, report)
    met = _named(graph, "met")
    assert ("Kim Jong Un", "Vladimir Putin") in met or ("Vladimir Putin", "Kim Jong Un") in met
    # "Putin announced plans to host the North Korean leader": the role names Kim
    assert ("Vladimir Putin", "Kim Jong Un") in _named(graph, "said_about")
    assert ("Sergei Shoigu", "Pyongyang") in _named(graph, "co_occurs") | {
        p[::-1] for p in _named(graph, "co_occurs")
    }
    assert all(e.source != e.target for e in graph.edges.values())


def test_every_edge_has_evidence_in_the_articles(
    story: tuple[list[AnnotatedArticle], JSON],
) -> None:
    items, report = story
    data = graph_json(build_graph(items, report))
    texts = {i.article.id: i.article.text for i in items}
    assert data["edges"]
    for edge in data["edges"]:
        assert edge["evidence"] and edge["weight"] >= 1
        for ev in edge["evidence"]:
            assert texts[ev["article"]][ev["start"] : ev["end"]] == ev["text"]


def test_claims_add_co_occurrence(story: tuple[list[AnnotatedArticle], JSON]) -> None:
    items, report = story
    text = items[1].article.text
    start = text.index("Kim Jong Un")
    end = text.index(" on September 13")
    claim = {"id": "c1", "evidence": [{"article": items[1].article.id, "start": start, "end": end}]}
    graph = build_graph(items, report, story={"claims": [claim]})
    assert any("c1" in e.claims for e in graph.edges.values() if e.kind == "co_occurs")


def test_graphml_round_trips_through_networkx(story: tuple[list[AnnotatedArticle], JSON]) -> None:
    import networkx as nx

    items, report = story
    graph = build_graph(items, report)
    back = nx.parse_graphml(export_graph(graph, "graphml"))
    assert back.number_of_nodes() == len(graph.nodes)
    assert back.number_of_edges() == len(graph.edges) == to_networkx(graph).number_of_edges()
    _, _, data = next(iter(back.edges(data=True)))
    assert json.loads(data["evidence"]) and data["kind"] in {"met", "said_about", "co_occurs"}


def test_cli_graph(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with open_store(str(db)) as store:
        ingest_story(store, tmp_path)
        story_id = store.stories()[0].id
    runner = CliRunner()
    got = runner.invoke(main, ["graph", story_id, "--db", str(db)])
    assert got.exit_code == 0, got.output
    assert json.loads(got.output)["schema"] == "storyweave.graph/1"
    out = tmp_path / "g.graphml"
    got = runner.invoke(
        main, ["graph", story_id, "--db", str(db), "--format", "graphml", "-o", str(out)]
    )
    assert got.exit_code == 0 and out.read_text(encoding="utf-8").startswith("<graphml")
    got = runner.invoke(main, ["graph", "s-nope", "--db", str(db)])
    assert got.exit_code == 1 and "s-nope" in got.output
