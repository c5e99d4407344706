"""The story page's entity graph: typed edges (met, said_about, co_occurs), laid out by
connected component, deterministically."""

from __future__ import annotations

from storyweave._types import JSON
from storyweave.server.web.graph import HEIGHT, WIDTH, entity_graph

TEXT = "Kim met Putin.\nShoigu spoke.\nPutin and Shoigu left. Lohan sang in Malibu."


def _ent(eid: str, name: str, *starts: int, etype: str = "PERSON") -> JSON:
    mentions = [{"article": "a", "start": s, "end": s + len(name), "text": name} for s in starts]
    return {"id": eid, "name": name, "type": etype, "aliases": [], "mentions": mentions}


def _report() -> JSON:
    return {
        "articles": [{"id": "a", "text": TEXT}],
        "entities": [
            _ent("kim", "Kim", 0),
            _ent("putin", "Putin", 8, TEXT.index("Putin and")),
            _ent("shoigu", "Shoigu", 15, TEXT.index("Shoigu left")),
            _ent("lohan", "Lohan", TEXT.index("Lohan")),
            _ent("malibu", "Malibu", TEXT.index("Malibu"), etype="LOC"),
        ],
        "attributions": [
            {"article": "a", "speaker": "shoigu", "kind": "indirect",
             "content": {"start": 29, "end": 51, "text": TEXT[29:51]}},
        ],
    }  # fmt: skip


def test_edges_are_typed() -> None:
    g = entity_graph(_report())
    assert [n.id for n in g.nodes][:3] == ["putin", "shoigu", "kim"]  # most mentioned first
    edges = {(e.kind, e.a, e.b, e.weight) for e in g.edges}
    assert edges == {
        ("co_occurs", "putin", "kim", 1),  # one sentence names both
        ("met", "putin", "kim", 1),  # ... and says they met
        ("co_occurs", "putin", "shoigu", 1),
        ("said_about", "shoigu", "putin", 1),  # Shoigu's words name Putin
        ("co_occurs", "lohan", "malibu", 1),  # a place never "meets"
    }
    said = next(e for e in g.edges if e.kind == "said_about")
    assert said.directed and said.title == "Shoigu spoke about Putin (1 attribution)"
    # the second kind on one pair is drawn as a curve beside the first
    kinds_on_pair = [
        e.path[e.path.index(" ") + 1] for e in g.edges if {e.a, e.b} == {"putin", "kim"}
    ]
    assert sorted(kinds_on_pair) == ["L", "Q"]
    assert [k for k, _, n in g.kinds if n] == ["met", "said_about", "co_occurs"]
    assert g.types == ["PERSON", "LOC"]


def test_components_are_laid_out_apart_and_the_same_every_time() -> None:
    g = entity_graph(_report())
    pos = {n.id: (n.x, n.y) for n in g.nodes}
    big = [pos[i] for i in ("kim", "putin", "shoigu")]
    small = [pos[i] for i in ("lohan", "malibu")]
    # the larger cluster on the left, the pair in its own column to the right
    assert max(x for x, _ in big) < min(x for x, _ in small)
    for n in g.nodes:
        assert 0 <= n.x <= WIDTH and 0 <= n.y <= HEIGHT
    assert entity_graph(_report()) == g


def test_unlinked_entities_sit_in_a_row_and_limit_and_empty() -> None:
    lohan = _ent("lohan", "Lohan", TEXT.index("Lohan"))
    report = {"articles": [{"id": "a", "text": TEXT}], "entities": [_ent("kim", "Kim", 0), lohan]}
    g = entity_graph(report)
    assert g.edges == () and len({n.y for n in g.nodes}) == 1 and g.height < HEIGHT
    assert len(entity_graph(report, limit=0).nodes) == 0
    g = entity_graph({"articles": [], "entities": []})
    assert g.nodes == () and g.edges == ()


def test_the_graph_stages_stored_edges_are_drawn_when_the_report_has_them() -> None:
    from storyweave.server.web.graph import entity_graph

    def ent(eid: str, name: str, n: int) -> dict[str, object]:
        mentions = [{"article": "a", "start": 0, "end": 1, "text": name}] * n
        return {"id": eid, "name": name, "type": "PERSON", "mentions": mentions}

    report = {
        "articles": [{"id": "a", "text": "Lena met Omar. Omar praised Lena."}],
        "entities": [ent("e1", "Lena", 3), ent("e2", "Omar", 2), ent("e3", "Ivo", 1)],
        "attributions": [],
        "stories": [{"edges": [
            {"source": "e2", "target": "e1", "kind": "met", "directed": False, "weight": 2},
            {"source": "e2", "target": "e1", "kind": "said_about", "directed": True, "weight": 1},
            {"source": "e1", "target": "e9", "kind": "met", "weight": 1},  # not drawn: no node
        ]}],
    }  # fmt: skip
    graph = entity_graph(report)
    drawn = {(e.kind, e.a, e.b, e.weight) for e in graph.edges}
    assert drawn == {("met", "e1", "e2", 2), ("said_about", "e2", "e1", 1)}
