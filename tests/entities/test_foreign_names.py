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


def annotate_pair(english: str, foreign: str, *, language: str) -> list[AnnotatedArticle]:
    """An English article and a foreign one through the pipeline; the second is in
    ``language``."""
    items = (
        Pipeline()
        .run([make_article(english, ref="en.txt"), make_article(foreign, ref=f"{language}.txt")])
        .articles
    )
    assert items[1].language == language
    return items


def test_foreign_names_link_to_english_entities_only() -> None:
    items = annotate_pair(ENGLISH, SPANISH, language="es")
    assert items[1].mentions == ()
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


PETROV = (
    "Governor Ivan Petrov said on Tuesday that the Novosibirsk plant would reopen. "
    "Petrov visited the site with engineers from Rosatom."
)


def test_a_name_in_cyrillic_links_to_its_latin_spelling() -> None:
    russian = (
        "Губернатор Иван Петров заявил во вторник, что завод откроется снова. "
        "По словам Петров, работы начнутся весной."
    )
    items = annotate_pair(PETROV, russian, language="ru")
    got = linked(items)
    assert got["Иван Петров"] == "Ivan Petrov"
    assert got["Петров"] == "Ivan Petrov"


def test_a_declined_russian_name_links_by_its_case_ending() -> None:
    russian = (
        "Рабочие завода в Новосибирске встретились во вторник с губернатором. По словам "
        "Петрова, работы начнутся весной, а специалисты Росатома уже на месте."
    )
    items = annotate_pair(PETROV, russian, language="ru")
    got = linked(items)
    assert got["Петрова"] == "Ivan Petrov"  # genitive of Petrov
    assert got["Новосибирске"] == "Novosibirsk"  # prepositional
    assert got["Росатома"] == "Rosatom"


def test_romanize() -> None:
    from storyweave.entities.names import romanize

    assert romanize("Путин и Шойгу") == "Putin i Shoygu"
    assert romanize("Novosibirsk, Đà Nẵng") == "Novosibirsk, Đà Nẵng"  # other scripts unchanged


def test_a_capitalised_german_noun_is_no_surname() -> None:
    english = "Actor Russell Brand opened a bakery in Hamburg on Friday, his agent said."
    german = (
        "Ein Brand zerstörte am Freitag eine Bäckerei in Hamburg. Der Brand brach in der "
        "Nacht aus, sagte die Feuerwehr."
    )
    items = annotate_pair(english, german, language="de")
    got = linked(items)
    assert "Brand" not in got
    assert got.get("Hamburg") == "Hamburg"
