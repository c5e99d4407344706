"""Names in an article no NER reads link to the entities of the English articles, and only to
them (issue 20). Our own texts."""

from __future__ import annotations

from tests.conftest import make_article

from storyweave.entities import link_entities
from storyweave.model import AnnotatedArticle
from storyweave.pipeline import Pipeline

ENGLISH = (
    "Chancellor Olaf Brenner met President Maria Santos of Portugal in Lisbon on Monday. "
    "Brenner said the talks with Santos covered energy. Helena Santos, a trade envoy, joined "
    "them later, the Lusa news agency reported."
)
SPANISH = (
    "El canciller Olaf Brenner se reunió el lunes en Lisboa con la presidenta de Portugal. "
    "Según la agencia Lusa, Brenner habló de energía con Santos. Mañana viajará a Oporto."
)


def linked(items: list[AnnotatedArticle]) -> dict[str, str]:
    """Surface in the Spanish article -> entity name."""
    linking = link_entities(items)
    names = {e.id: e.name for e in linking.entities}
    spanish = items[1].article
    return {
        spanish.text[s:e]: names[ent]
        for (art, s, e), ent in linking.mention_entity.items()
        if art == spanish.id
    }


def test_foreign_names_link_to_english_entities_only() -> None:
    items = (
        Pipeline()
        .run([make_article(ENGLISH, ref="en.txt"), make_article(SPANISH, ref="es.txt")])
        .articles
    )
    assert items[1].language == "es" and items[1].mentions == ()
    english_only = link_entities(items[:1])
    got = linked(items)
    assert got["Olaf Brenner"] == "Olaf Brenner"
    assert got["Brenner"] == "Olaf Brenner"  # a surname one person holds
    assert "Lisboa" not in got  # another language's name for a place is no spelling of it
    assert "Santos" not in got  # two English people are called Santos
    assert got.get("Portugal") == "Portugal"
    assert "Mañana" not in got and "Según" not in got and "Oporto" not in got
    # nothing is created or renamed: the entities are the English article's
    with_spanish = link_entities(items)
    assert sorted(e.name for e in with_spanish.entities) == sorted(
        e.name for e in english_only.entities
    )
