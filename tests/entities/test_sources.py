from __future__ import annotations

import pytest

from storyweave.entities import is_news_source
from storyweave.entities.sources import news_source_name, strip_descriptor


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("TASS", "TASS"),
        ("AFP news agency", "AFP"),
        ("Agence France-Presse", "AFP"),
        ("the Russian news agency TASS", "TASS"),
        ("RIA Novosti", "RIA Novosti"),
        ("Reuters", "Reuters"),
        ("The Associated Press", "AP"),
        ("Xinhua", "Xinhua"),
        ("Yonhap News Agency", "Yonhap"),
        ("Korean Central News Agency", "KCNA"),
        ("Tin Tuc newspaper", "Tin Tuc"),
        ("Vatican News Agency", "Vatican News Agency"),
    ],
)
def test_news_sources_are_recognised(name, canonical):
    assert is_news_source(name)
    assert news_source_name(name) == canonical


@pytest.mark.parametrize(
    "name",
    [
        "Kremlin",
        "Vladimir Putin",
        "Pyongyang",
        "Foreign Ministry",
        "World Institute for Korean Affairs",
        "news agency",
        "",
    ],
)
def test_other_names_are_not_news_sources(name):
    assert not is_news_source(name)


def test_strip_descriptor():
    assert strip_descriptor("TASS news agency") == "TASS"
