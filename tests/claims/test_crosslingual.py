"""Claims across languages: a foreign report's figures support, dispute or stand apart from
the English claims of its story (issue 20). Real models: the multilingual e5 wheel and the
English pipeline. Texts are our own."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from storyweave.claims.find import find_claims
from storyweave.entities import link_entities
from storyweave.nlp.multilingual import multilingual_embed
from storyweave.pipeline import Pipeline
from tests.conftest import make_article

DAY = dt.date(2026, 5, 12)
ENGLISH = (
    "A landslide buried part of the mountain village of Santa Clara on Monday, killing at "
    "least 12 people. Rescuers were still digging through the mud at nightfall."
)


def _claims(*texts: tuple[str, str, dt.date]) -> tuple[list[Any], dict[str, str]]:
    arts = [
        make_article(text, ref=f"{outlet}.txt", outlet=outlet, published=day)
        for text, outlet, day in texts
    ]
    items = Pipeline().run(arts).articles
    claims = find_claims(items, entities=link_entities(items), multilingual=multilingual_embed)
    return claims, {i.article.id: i.language or "" for i in items}


def _with(claims: list[Any], languages: dict[str, str], lang: str) -> list[Any]:
    """The claims with evidence in ``lang`` that state a figure."""
    return [
        c
        for c in claims
        if any(languages[e.article] == lang and "how many" in e.states for e in c.evidence)
    ]


def test_a_foreign_report_of_the_same_figure_corroborates() -> None:
    spanish = (
        "El Gobierno regional envió maquinaria pesada a Santa Clara. Al menos 12 personas "
        "murieron el lunes en esa aldea de montaña, sepultada en parte por un deslizamiento de "
        "tierra, y decenas de vecinos pasaron la noche en el polideportivo."
    )
    claims, langs = _claims((ENGLISH, "Daily Ledger", DAY), (spanish, "El Heraldo", DAY))
    (claim,) = _with(claims, langs, "es")
    assert claim.status == "corroborated" and claim.independent_sources == 2
    assert {langs[e.article] for e in claim.evidence} == {"en", "es"}
    assert "12 people" in claim.text  # the English wording stands for the claim
    spanish_evidence = next(e for e in claim.evidence if langs[e.article] == "es")
    assert spanish_evidence.text.startswith("Al menos 12 personas murieron")  # as written


def test_a_foreign_report_of_another_figure_disputes_it() -> None:
    spanish = (
        "Un deslizamiento de tierra sepultó el lunes parte de la aldea de montaña de Santa "
        "Clara, causando al menos 19 muertos."
    )
    claims, langs = _claims((ENGLISH, "Daily Ledger", DAY), (spanish, "El Heraldo", DAY))
    (foreign,) = _with(claims, langs, "es")
    assert foreign.status == "conflicting"
    (d,) = foreign.disagreements
    assert d.slot == "how many" and "19" in d.mine and "12" in d.theirs
    english = next(c for c in claims if c.id == d.claim)
    assert english.status == "conflicting"


def test_a_later_foreign_figure_is_an_update() -> None:
    spanish = (
        "Un deslizamiento de tierra sepultó parte de la aldea de montaña de Santa Clara, "
        "causando al menos 19 muertos."
    )
    claims, _ = _claims(
        (ENGLISH, "Daily Ledger", DAY), (spanish, "El Heraldo", DAY + dt.timedelta(days=1))
    )
    english = next(c for c in claims if "12" in c.text)
    assert english.status == "updated" and english.superseded_by


def test_a_denial_never_supports() -> None:
    spanish = (
        "El gobernador negó que el deslizamiento de tierra en Santa Clara causara al menos 12 "
        "muertos."
    )
    claims, langs = _claims((ENGLISH, "Daily Ledger", DAY), (spanish, "El Heraldo", DAY))
    (foreign,) = _with(claims, langs, "es")
    assert foreign.slots.modality == "denied"
    assert {langs[e.article] for e in foreign.evidence} == {"es"}
    english = next(c for c in claims if "12" in c.text and c is not foreign)
    assert english.status == "single_source"


def test_a_source_relayed_in_two_languages_is_one_origin() -> None:
    english = (
        "The storm destroyed 340 homes in the coastal province, the civil protection agency "
        "Protecta said on Tuesday."
    )
    french = (
        "La tempête a détruit 340 maisons dans la province côtière, selon l'agence de "
        "protection civile Protecta."
    )
    claims, langs = _claims((english, "Coast Post", DAY), (french, "Le Matin", DAY))
    (claim,) = _with(claims, langs, "fr")
    assert {langs[e.article] for e in claim.evidence} == {"en", "fr"}
    assert claim.status == "single_source" and claim.independent_sources == 1


def test_a_translation_shares_its_originals_origin() -> None:
    french = (
        "Un glissement de terrain a enseveli lundi une partie du village de montagne de Santa "
        "Clara, tuant au moins 12 personnes. Les secouristes creusaient encore dans la boue à "
        "la tombée de la nuit."
    )
    claims, langs = _claims((ENGLISH, "Daily Ledger", DAY), (french, "Le Matin", DAY))
    (claim,) = _with(claims, langs, "fr")
    assert claim.independent_sources == 1
    assert "likely translated" in claim.origins[0].label


@pytest.mark.parametrize("lang", ["es"])
def test_without_the_multilingual_model_a_foreign_article_states_no_claim(lang: str) -> None:
    spanish = "Al menos 12 personas murieron en Santa Clara, según los bomberos."
    items = (
        Pipeline().run([make_article(ENGLISH, ref="en"), make_article(spanish, ref=lang)]).articles
    )
    claims = find_claims(items, entities=link_entities(items))
    assert all(e.article == items[0].article.id for c in claims for e in c.evidence)


def test_a_figure_of_another_outcome_neither_supports_nor_disputes() -> None:
    # the embedding puts "12 heridos" as close to "killing 12" as a translation: the count
    # frames (dead / injured) keep them apart
    spanish = (
        "Un deslizamiento de tierra sepultó el lunes parte de la aldea de montaña de Santa "
        "Clara y dejó al menos 12 heridos."
    )
    claims, langs = _claims((ENGLISH, "Daily Ledger", DAY), (spanish, "El Heraldo", DAY))
    (foreign,) = _with(claims, langs, "es")
    assert {langs[e.article] for e in foreign.evidence} == {"es"}
    assert foreign.status == "single_source" and not foreign.disagreements


STATEMENT = (
    "Interior Minister Ana Pereira met the leaders of the striking dock workers in Valparaiso "
    "on Tuesday. The talks lasted four hours."
)
TUESDAY = dt.date(2026, 5, 13)  # a Wednesday: "on Tuesday" is the 12th


def _statements(spanish: str) -> tuple[list[Any], dict[str, str]]:
    return _claims((STATEMENT, "Daily Ledger", TUESDAY), (spanish, "El Heraldo", TUESDAY))


def _met(claims: list[Any]) -> Any:
    return next(c for c in claims if c.text.startswith("Interior Minister Ana Pereira met"))


def test_a_foreign_sentence_naming_the_same_parties_corroborates() -> None:
    claims, langs = _statements(
        "La ministra del Interior, Ana Pereira, se reunió el martes en Valparaíso con los "
        "dirigentes de los estibadores en huelga, según fuentes del ministerio."
    )
    claim = _met(claims)
    assert {langs[e.article] for e in claim.evidence} == {"en", "es"}
    assert claim.status == "corroborated"


def test_another_day_disputes_the_date() -> None:
    claims, _ = _statements(
        "La ministra del Interior, Ana Pereira, se reunió el jueves en Valparaíso con los "
        "dirigentes de los estibadores en huelga."
    )
    claim = _met(claims)
    assert claim.status == "conflicting"
    (d,) = claim.disagreements
    assert d.slot == "when" and d.mine == "2026-05-12" and d.theirs == "2026-05-07"


def test_a_sentence_that_does_not_name_the_parties_is_its_own_claim() -> None:
    claims, langs = _statements(
        "El ministro de Trabajo, Jorge Salinas, se reunió el martes en Valparaíso con los "
        "dirigentes de los estibadores en huelga."
    )
    claim = _met(claims)
    assert {langs[e.article] for e in claim.evidence} == {"en"}
    assert claim.status == "single_source"


def test_a_figure_of_things_never_supports_a_count_of_people() -> None:
    spanish = (
        "El deslizamiento de tierra del lunes en la aldea de montaña de Santa Clara sepultó al "
        "menos 12 casas."
    )
    claims, langs = _claims((ENGLISH, "Daily Ledger", DAY), (spanish, "El Heraldo", DAY))
    english = next(c for c in claims if "12 people" in c.text)
    assert {langs[e.article] for e in english.evidence} == {"en"}
    assert english.status == "single_source"
