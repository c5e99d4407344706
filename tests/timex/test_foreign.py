"""The date line of an article in another language (issue 20); our own lines."""

from __future__ import annotations

import pytest

from storyweave.timex.foreign import dateline_timex


@pytest.mark.parametrize(
    ("text", "language", "value", "phrase"),
    [
        ("Cierra el puerto\n3 de febrero de 2025\nEl temporal ...", "es", "2025-02-03",
         "3 de febrero de 2025"),
        ("Le port ferme\n3 février 2025\nLa tempête ...", "fr", "2025-02-03", "3 février 2025"),
        ("Hafen geschlossen\n3. Februar 2025\nDer Sturm ...", "de", "2025-02-03",
         "3. Februar 2025"),
        ("Porto fechado\n3 de fevereiro de 2025\nA tempestade ...", "pt", "2025-02-03",
         "3 de fevereiro de 2025"),
        ("Porto chiuso\n3 febbraio 2025\nLa tempesta ...", "it", "2025-02-03",
         "3 febbraio 2025"),
        ("Порт закрыт\n3 февраля 2025 года\nШторм ...", "ru", "2025-02-03",
         "3 февраля 2025 года"),
        # an English stamp in a Dutch text
        ("Haven dicht\n03-Feb-25\nDe storm ...", "nl", "2025-02-03", "03-Feb-25"),
        ("VALPARAÍSO, 3 de febrero de 2025 (EFE) - El temporal ...", "es", "2025-02-03",
         "3 de febrero de 2025"),
    ],
)  # fmt: skip
def test_a_date_line_is_read_in_its_language(
    text: str, language: str, value: str, phrase: str
) -> None:
    found = dateline_timex(text, language)
    assert found is not None and found.type == "DATE" and found.value == value
    assert text[found.span.start : found.span.end] == phrase


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Cierra el puerto\nEl martes el temporal cerró el puerto.", "es"),  # no year: no date
        ("Le port ferme\nfévrier 2025\nLa tempête ...", "fr"),  # no day
        ("Kop\nTekst\nNog meer tekst\n3 februari 2025", "nl"),  # not in the head
        ("Tiêu đề\nngày 3 tháng 2\nBão ...", "vi"),
    ],
)
def test_no_date_line_no_date(text: str, language: str) -> None:
    assert dateline_timex(text, language) is None


def test_a_numeric_date_is_read_day_first_where_its_language_reads_it_so() -> None:
    found = dateline_timex("Titular\n06/03/2005\nTexto ...", "es")
    assert found is not None and found.value == "2005-03-06"


def test_an_unknown_language_still_reads_an_english_date_line() -> None:
    found = dateline_timex("Headline\n20 November 2004\nText ...", "zz")
    assert found is not None and found.value == "2004-11-20"


def test_words_that_only_look_like_weekdays_are_no_dates() -> None:
    import datetime as dt

    from storyweave.timex.foreign import body_timexes

    day = dt.date(2026, 5, 13)
    for language, text in [
        ("pt", "O presidente visitou a cidade pela segunda vez."),
        ("vi", "Đây là lần thứ hai đội bóng vô địch."),
        ("ru", "Окружающая среда страдает от выбросов."),
        ("es", "El tenor Plácido Domingo cantó en Madrid."),
    ]:
        assert body_timexes(text, language, day) == [], text
    (x,) = body_timexes("Die Straße in Großbach wurde am 5. März gesperrt.", "de", day)
    assert x.value == "2026-03-05"
    assert "Die Straße in Großbach wurde am 5. März gesperrt."[x.span.start : x.span.end] == (
        "5. März"
    )
