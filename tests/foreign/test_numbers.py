"""Figures read with each language's separators, scale words and hedges (issue 20). Sentences
are our own."""

from __future__ import annotations

import pytest

from storyweave.foreign import find_figures
from storyweave.foreign.numbers import figure_clauses, read_number


@pytest.mark.parametrize(
    ("language", "written", "value"),
    [
        ("es", "1.000", 1000.0), ("es", "1,5", 1.5), ("de", "12.345,6", 12345.6),
        ("fr", "1 000", 1000.0), ("ru", "2\u00a0500", 2500.0), ("vi", "3.000", 3000.0),
        ("nl", "2.5", 2.5), ("en", "1,000", 1000.0),
    ],
)  # fmt: skip
def test_a_number_is_read_with_its_languages_separators(
    language: str, written: str, value: float
) -> None:
    assert read_number(written, language) == value


def _read(text: str, language: str) -> list[tuple[float, str, str | None]]:
    return [(f.value, f.unit, f.hedge) for f in find_figures(text, language)]


def test_scale_words_hedges_and_what_is_counted() -> None:
    assert _read("Hubo unos 2,5 millones de votantes y más de 40 heridos.", "es") == [
        (2_500_000.0, "votantes", "about"), (40.0, "heridos", "at_least"),
    ]  # fmt: skip
    assert _read("Погибли не менее 7 человек, ущерб оценили в 3 млрд рублей.", "ru") == [
        (7.0, "человек", "at_least"), (3e9, "рублей", None),
    ]  # fmt: skip
    assert _read("Gần 500 ngôi nhà bị ngập.", "vi") == [(500.0, "ngôi nhà", "about")]


def test_a_share_is_a_percentage() -> None:
    (share,) = find_figures("La participation a atteint 61,2 pour cent.", "fr")
    assert share.percent and share.value == 61.2
    (sign,) = find_figures("Die Arbeitslosigkeit sank auf 5,1 %.", "de")
    assert sign.percent and sign.value == 5.1


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "El juicio empieza el 14 de julio de 2027."),
        ("de", "Am 3. Oktober wird gewählt."),
        ("vi", "Ngày 12 tháng 8 năm 2026, trận đấu diễn ra."),
        ("it", "Il treno parte alle 18:45 da Milano."),
        ("nl", "De Boeing 737 en de F-16 landden in 1999."),
        ("pt", "O modelo A320neo e o formato 4K chegaram."),
        ("fr", "La réunion commence à 14 heures."),
        ("de", "Der Zug fährt um 14.30 Uhr ab."),
    ],
)
def test_dates_times_years_and_codes_are_no_figures(language: str, text: str) -> None:
    assert find_figures(text, language) == []


def test_the_span_holds_the_figure_as_written() -> None:
    text = "Selon la police, plus de 1 200 manifestants ont défilé."
    (fig,) = find_figures(text, "fr")
    assert text[fig.span.start : fig.span.end] == "plus de 1 200 manifestants"


def test_clauses_part_at_commas_and_conjunctions_not_at_a_decimal_comma() -> None:
    text = "Murieron 3 personas y 1,5 millones quedaron sin luz, dijo el alcalde."
    parts = [text[s.start : s.end] for s in figure_clauses(text, "es", 0, len(text))]
    assert parts == ["Murieron 3 personas", "y 1,5 millones quedaron sin luz", "dijo el alcalde"]


def test_a_space_groups_thousands_in_every_language() -> None:
    assert _read("La ciudad tiene 1 000 000 habitantes.", "es") == [(1e6, "habitantes", None)]


def test_hours_are_a_clock_time_after_at_and_a_count_otherwise() -> None:
    assert find_figures("Die Sitzung beginnt um 9 Uhr.", "de") == []
    assert _read("La batería dura 150 horas.", "es") == [(150.0, "horas", None)]
