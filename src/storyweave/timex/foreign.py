"""The date line of an article in a language the time rules do not read (issue 20).

The English rules (:func:`storyweave.timex.find_timexes`) read English only. For another
language, the one date read is the article's date line: a line of its own at the head of the
text that is a full date ("20 de noviembre de 2004", "24 novembre 2004", "13 сентября 2023
года"), or the date in a wire dateline ("MADRID, 5 de marzo de 2024 (EFE) -"). ``dateparser``
parses it in the article's language or in English (a site's date stamp is often English,
"06-Mar-05" in a Dutch text), strictly: day, month and year must all be written, so a
line that only looks like a date never becomes one.

DOCS: docs/stages/timex.md ("Other languages")
"""

from __future__ import annotations

import functools
import re
from typing import Any, Final

from storyweave.model import Span, Timex
from storyweave.nlp.languages import primary

HEAD_LINES: Final = 3
"""The date line is among the text's first three lines (headline, date line, first sentence)."""
MAX_DATE_CHARS: Final = 60
_WIRE: Final = re.compile(r"^[^,\n]{2,40},\s*(?P<date>[^()\n]{6,40}?)\s*\(")
_SETTINGS: Final = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}


@functools.lru_cache(maxsize=1)
def _parser() -> Any:
    import dateparser

    return dateparser


def dateline_timex(text: str, language: str, *, end: int | None = None) -> Timex | None:
    """The DATE timex of the date line in ``text`` (up to ``end``), read in ``language``; None
    when no head line is a full date."""
    limit = len(text) if end is None else end
    pos = 0
    for line in text[:limit].split("\n")[:HEAD_LINES]:
        stripped = line.strip()
        start = pos + (len(line) - len(line.lstrip()))
        pos += len(line) + 1
        if not stripped:
            continue
        candidates = [(start, stripped)] if len(stripped) <= MAX_DATE_CHARS else []
        wire = _WIRE.match(stripped)
        if wire is not None:
            candidates.append((start + wire.start("date"), wire["date"]))
        for at, phrase in candidates:
            found = _parse(phrase, language)
            if found is not None:
                return Timex(span=Span(at, at + len(phrase)), type="DATE", value=found)
    return None


def _parse(phrase: str, language: str) -> str | None:
    """The phrase read in its language first, then in English (each on its own: read together,
    "06/03/2005" would be taken month first, and a language dateparser does not know would
    lose the English reading too)."""
    for languages in ([primary(language)], ["en"]):
        try:
            parsed = _parser().parse(phrase, languages=languages, settings=_SETTINGS)
        except (ValueError, KeyError, TypeError, OverflowError):
            continue  # a language dateparser does not know, or a malformed number
        if parsed is not None:
            return str(parsed.date().isoformat())
    return None
