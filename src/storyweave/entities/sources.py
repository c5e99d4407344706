"""News organisations: agencies and outlets that other articles cite as sources.

The quotes and claims stages rely on :func:`is_news_source` to tell "TASS reported"
(a relayed source) from "the Kremlin said" (a speaker).
"""

from __future__ import annotations

import functools
import re

from .names import fold

# Canonical name first, then aliases.
NEWS_SOURCES: tuple[tuple[str, ...], ...] = (
    ("TASS", "ITAR-TASS"),
    ("AFP", "Agence France-Presse", "Agence France Presse", "France-Presse"),
    ("RIA Novosti", "RIA"),
    ("Reuters", "Thomson Reuters"),
    ("AP", "Associated Press", "The Associated Press"),
    ("Xinhua", "Xinhua News Agency", "New China News Agency"),
    ("Yonhap", "Yonhap News Agency"),
    ("KCNA", "Korean Central News Agency"),
    ("Interfax",),
    ("Kyodo", "Kyodo News"),
    ("Jiji Press", "Jiji"),
    ("dpa", "Deutsche Presse-Agentur"),
    ("ANSA",),
    ("EFE",),
    ("Anadolu", "Anadolu Agency"),
    ("UPI", "United Press International"),
    ("Sputnik",),
    ("RT", "Russia Today"),
    ("Bloomberg", "Bloomberg News"),
    ("BBC", "British Broadcasting Corporation"),
    ("CNN",),
    ("Al Jazeera",),
    ("NHK",),
    ("PTI", "Press Trust of India"),
    ("ANI", "Asian News International"),
    ("Bernama",),
    ("Antara",),
    ("VNA", "Vietnam News Agency"),
    ("Tin Tuc", "Tin Tức"),
    ("AAP", "Australian Associated Press"),
    ("Canadian Press", "CP"),
    ("PA", "Press Association", "PA Media"),
    ("IRNA", "Islamic Republic News Agency"),
    ("WAFA",),
    ("MENA", "Middle East News Agency"),
    ("SANA", "Syrian Arab News Agency"),
    ("Ukrinform",),
    ("Unian",),
    ("Kyiv Independent",),
    ("Meduza",),
    ("Kommersant",),
    ("Izvestia",),
    ("The New York Times", "New York Times", "NYT"),
    ("The Washington Post", "Washington Post"),
    ("The Wall Street Journal", "Wall Street Journal", "WSJ"),
    ("The Guardian", "Guardian"),
    ("Financial Times", "FT"),
    ("The Times", "Times of London"),
    ("Los Angeles Times", "LA Times", "L.A. Times"),
    ("USA Today",),
    ("NPR", "National Public Radio"),
    ("ABC News",),
    ("CBS News",),
    ("NBC News",),
    ("Fox News",),
    ("Politico",),
    ("Axios",),
    ("The Economist", "Economist"),
    ("Nikkei", "Nikkei Asia"),
    ("South China Morning Post", "SCMP"),
    ("Global Times",),
    ("People's Daily",),
    ("Rodong Sinmun",),
    ("Korea Herald",),
    ("Korea JoongAng Daily", "JoongAng Ilbo"),
    ("Chosun Ilbo",),
    ("Der Spiegel", "Spiegel"),
    ("Le Monde",),
    ("El País", "El Pais"),
)

# A descriptor after or around a source's name: "AFP news agency", "the TASS agency".
_DESCRIPTOR = re.compile(
    r"^(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:state\s+)?(?:news\s+agency|agency|newspaper)\s+"
    r"|\s+(?:news\s+agency|agency|newspaper|wire(?:\s+service)?)$",
    re.IGNORECASE,
)


def _key(name: str) -> str:
    return " ".join(fold(name).replace("’", "'").replace(".", "").split())


@functools.lru_cache(maxsize=1)
def _canonical_by_key() -> dict[str, str]:
    out: dict[str, str] = {}
    for names in NEWS_SOURCES:
        for name in names:
            out.setdefault(_key(name), names[0])
    return out


def strip_descriptor(name: str) -> str:
    """Drop a news-agency descriptor: "AFP news agency" -> "AFP"."""
    return _DESCRIPTOR.sub("", name.strip()).strip()


def news_source_name(name: str) -> str | None:
    """The canonical name of the news organisation ``name`` refers to, or None."""
    table = _canonical_by_key()
    for candidate in (name, strip_descriptor(name)):
        key = _key(candidate)
        if key.endswith("'s"):
            key = key[:-2]
        if key in table:
            return table[key]
        if key.startswith("the ") and key[4:] in table:
            return table[key[4:]]
    if re.search(r"\bnews\s+agency$", name.strip(), re.IGNORECASE) and name.strip()[:1].isupper():
        return name.strip()
    return None


def is_news_source(name: str) -> bool:
    """True when ``name`` is a news agency or outlet ("TASS", "AFP news agency", "Reuters")."""
    return news_source_name(name) is not None
