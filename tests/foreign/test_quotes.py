"""Quotes and credits in other languages, by their marks and verbs of saying (issue 20).
Sentences are our own."""

from __future__ import annotations

from typing import Any

from storyweave.foreign import find_foreign_attributions, stance
from storyweave.pipeline.language import split_sentences


def _found(text: str, language: str) -> list[tuple[str, str, str | None]]:
    spans = split_sentences(text, language=language)
    return [
        (a.kind, text[a.content.start : a.content.end], a.speaker_name)
        for a in find_foreign_attributions(text, spans, language)
    ]


def test_guillemets_with_the_speaker_after_the_verb() -> None:
    text = "« Le pont restera fermé jusqu'à nouvel ordre », a précisé Claire Martin mardi."
    assert _found(text, "fr") == [("direct", "Le pont restera fermé jusqu'à nouvel ordre",
                                   "Claire Martin")]  # fmt: skip


def test_german_low_quotes_with_the_speaker_first() -> None:
    text = "Becker erklärte: „Wir öffnen die Schleusen erst morgen früh.“"
    assert _found(text, "de") == [("direct", "Wir öffnen die Schleusen erst morgen früh.",
                                   "Becker")]  # fmt: skip


def test_russian_dash_attribution() -> None:
    text = "«Запасов воды хватит на неделю», — сообщила Ольга Смирнова."
    assert _found(text, "ru") == [("direct", "Запасов воды хватит на неделю", "Ольга Смирнова")]


def test_corner_brackets_need_a_verb_of_saying() -> None:
    # 「」 are Japanese marks; a language without word lists gets no attribution at all
    assert _found("「明日は休みです」と田中さんは言った。", "ja") == []


def test_reported_speech_after_the_complementiser() -> None:
    text = "El portavoz Luis Ortega afirmó que el embalse está al 30 por ciento de su capacidad."
    assert _found(text, "es") == [
        ("indirect", "el embalse está al 30 por ciento de su capacidad.", "Luis Ortega")
    ]


def test_a_credit_phrase_gives_the_rest_of_the_sentence_to_its_source() -> None:
    text = "Volgens het KNMI viel er in Limburg 80 millimeter regen."
    assert _found(text, "nl") == [("according_to", "viel er in Limburg 80 millimeter regen.",
                                   "KNMI")]  # fmt: skip
    vi = "Theo Cục Thống kê, lạm phát tháng trước là 4 phần trăm."
    assert _found(vi, "vi")[0][2] == "Cục Thống"


def test_a_quote_without_a_verb_of_saying_is_no_attribution() -> None:
    assert _found("El lema «nunca más» volvió a las calles de la ciudad.", "es") == []


def test_stance_by_the_languages_words() -> None:
    assert stance("La empresa desmintió que hubiera despidos.", "es") == "denied"
    assert stance("Il sindaco potrebbe dimettersi entro venerdì.", "it") == "hedged"
    assert stance("Das Feuer hätte, wenn es regnet, keine Chance.", "de") == "conditional"
    assert stance("Não houve feridos no acidente.", "pt") == "negated"
    assert stance("A ponte foi reaberta na segunda-feira.", "pt") == "asserted"


def test_a_report_without_a_complementiser_where_the_language_drops_it() -> None:
    vi = "Hôm thứ Năm, ông Lê Minh Quân cho biết nhà máy sẽ hoạt động trở lại vào tháng sau."
    assert _found(vi, "vi") == [
        ("indirect", "nhà máy sẽ hoạt động trở lại vào tháng sau.", "Lê Minh Quân")
    ]
    de = "Bürgermeisterin Petra Vogel sagte, die Brücke bleibe bis Ende Mai gesperrt."
    assert _found(de, "de") == [
        ("indirect", "die Brücke bleibe bis Ende Mai gesperrt.", "Petra Vogel")
    ]


def test_denials_hedges_and_conditions_in_more_of_their_forms() -> None:
    assert stance("Los vecinos niegan que el dique se rompiera.", "es") == "denied"
    assert stance("Ведомство опровергло сообщения о жертвах.", "ru") == "denied"
    assert stance("Der Konzern wies die Vorwürfe am Montag zurück.", "de") == "denied"
    assert stance("Al menos 30 personas habrían muerto en el derrumbe.", "es") == "hedged"
    assert stance("Dix personnes seraient blessées.", "fr") == "hedged"
    assert stance("El alcalde avisó que si sube el río, 200 casas quedarán aisladas.", "es") == (
        "conditional"
    )
    # a bound is no negation
    assert stance("Погибли не менее 12 человек.", "ru") == "asserted"
    assert stance("Số người bị thương không quá 20 người.", "vi") == "asserted"


def test_spans_stay_right_after_a_letter_that_lowers_to_two() -> None:
    text = "Der Bürgermeister der Großstadt Straßburg sagte, dass die Brücke gesperrt bleibt."
    (a,) = _found_spans(text, "de")
    assert text[a.cue.start : a.cue.end] == "sagte"


def _found_spans(text: str, language: str) -> list[Any]:
    return find_foreign_attributions(text, split_sentences(text, language=language), language)
