from __future__ import annotations

import pytest

from storyweave.ingest import find_credit


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Kim met Putin.\nAccording to Tin Tuc newspaper", "Tin Tuc"),
        ("Kim met Putin.\nAccording to Tin Tuc newspaper.", "Tin Tuc"),
        ("Kim met Putin.\n\nSource: Reuters", "Reuters"),
        ("Kim met Putin.\n(Source: VnExpress)", "VnExpress"),
        ("Kim met Putin.\nVia the Associated Press", "Associated Press"),
        ("Kim met Putin.\nAccording to the Korea Herald", "Korea Herald"),
    ],
)
def test_credit_line_found(text: str, outlet: str) -> None:
    credit = find_credit(text)
    assert credit is not None
    assert credit.outlet == outlet
    assert text[credit.start :].strip() == credit.line


@pytest.mark.parametrize(
    "text",
    [
        "According to Tin Tuc newspaper",  # one line: it is the article itself
        "Kim met Putin.\nAccording to TASS, the talks lasted four hours.",  # reporting
        "Kim met Putin.\nAccording to officials who spoke on condition of anonymity to reporters",
        "Kim met Putin.\naccording to sources",  # lower case: not a name
        "Kim met Putin.\nThe talks went on.",
    ],
)
def test_not_a_credit_line(text: str) -> None:
    assert find_credit(text) is None
