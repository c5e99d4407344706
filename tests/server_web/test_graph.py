"""The entity graph links entities mentioned in the same paragraph."""

from __future__ import annotations

from storyweave._types import JSON
from storyweave.server.web.graph import HEIGHT, WIDTH, entity_graph

TEXT = "Kim met Putin.\nShoigu spoke.\nPutin and Shoigu left."


def _ent(eid: str, name: str, *starts: int) -> JSON:
    mentions = [{"article": "a", "start": s, "end": s + len(name), "text": name} for s in starts]
    return {"id": eid, "name": name, "type": "PERSON", "aliases": [], "mentions": mentions}


def test_edges_join_entities_sharing_a_paragraph() -> None:
    report = {
        "articles": [{"id": "a", "text": TEXT}],
        "entities": [
            _ent("kim", "Kim", 0),
            _ent("putin", "Putin", 8, TEXT.index("Putin and")),
            _ent("shoigu", "Shoigu", 15, TEXT.index("Shoigu left")),
        ],
    }
    g = entity_graph(report)
    assert [n.id for n in g.nodes] == ["putin", "shoigu", "kim"]  # most mentioned first
    assert {(e.a, e.b, e.weight) for e in g.edges} == {("putin", "kim", 1), ("putin", "shoigu", 1)}
    for n in g.nodes:
        assert 0 <= n.x <= WIDTH and 0 <= n.y <= HEIGHT


def test_limit_and_empty() -> None:
    report = {"articles": [{"id": "a", "text": TEXT}], "entities": [_ent("kim", "Kim", 0)]}
    assert len(entity_graph(report, limit=0).nodes) == 0
    g = entity_graph({"articles": [], "entities": []})
    assert g.nodes == () and g.edges == ()
