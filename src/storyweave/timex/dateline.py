"""Publication dates from HTML metadata, datelines and bylines.

Only a full date (with its year) counts: a dateline such as
"MOSCOW, Sept 13 (Reuters) -" names no year, so it gives no publication date
rather than a guessed one.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from .grammar import DAY, MONTH, YEAR
from .rule import month_number

_META_KEYS: Final = (
    r"article:published_time|og:published_time|datePublished|pubdate|publishdate|"
    r"publish[_-]date|date|dc\.date|dc\.date\.issued|dcterms\.created|dcterms\.date|"
    r"sailthru\.date|parsely-pub-date|cxenseparse:recs:publishtime|release_date|"
    r"original-publish-date"
)
_META_TAG: Final = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_META_NAME: Final = re.compile(
    rf"""\b(?:name|property|itemprop|http-equiv)\s*=\s*["']?(?:{_META_KEYS})["'\s/>]""",
    re.IGNORECASE,
)
_META_CONTENT: Final = re.compile(r"""\bcontent\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_JSON_LD: Final = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_TIME_TAG: Final = re.compile(
    r"""<time\b[^>]*\bdatetime\s*=\s*["']([^"']+)["'][^>]*>""", re.IGNORECASE
)
_ISO: Final = re.compile(r"((?:19|20)\d\d)[-/](\d{1,2})[-/](\d{1,2})")

_HEAD_CHARS: Final = 400
_LABELLED: Final = re.compile(
    r"(?:published|posted|updated|date|first\s+published)\s*(?:on|:)?\s*"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?P<date>.{6,40})",
    re.IGNORECASE,
)
_DATELINE: Final = re.compile(
    r"^\s*(?:[A-Z][A-Za-z.'-]+(?:\s+[A-Z][A-Za-z.'-]+)*,\s+(?:[A-Z][A-Za-z.'-]+\s*,\s+)?)?"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?P<date>.{6,30})"
)
_MONTH_FIRST: Final = re.compile(rf"^(?P<month>{MONTH})\s*(?P<day>{DAY}),?\s*(?P<year>{YEAR})")
_DAY_FIRST: Final = re.compile(rf"^(?P<day>{DAY})\s+(?P<month>{MONTH}),?\s*(?P<year>{YEAR})")


def find_publication_date(text: str, html: str | None = None) -> dt.date | None:
    """The publication date the HTML metadata or the text's head states, or None.

    Looks, in order, at ``<meta>`` publication tags, JSON-LD ``datePublished``,
    ``<time datetime>``, then in the first lines of ``text`` for a labelled date
    ("Published: 13 September 2023", "Updated Sept. 13, 2023") or a dateline
    with a year ("WASHINGTON, Aug. 7, 1998 (AP) -"). A date without a year is
    never completed by guessing.

    DOCS: docs/stages/timex.md
    """
    if html:
        found = _from_html(html)
        if found is not None:
            return found
    return _from_text(text[:_HEAD_CHARS])


def _from_html(html: str) -> dt.date | None:
    for tag in _META_TAG.findall(html):
        if _META_NAME.search(tag):
            content = _META_CONTENT.search(tag)
            if content:
                found = _parse_iso(content.group(1))
                if found is not None:
                    return found
    for pattern in (_JSON_LD, _TIME_TAG):
        for m in pattern.finditer(html):
            found = _parse_iso(m.group(1))
            if found is not None:
                return found
    return None


def _from_text(head: str) -> dt.date | None:
    for m in _LABELLED.finditer(head):
        found = _parse_written(m["date"]) or _parse_iso(m["date"][:12])
        if found is not None:
            return found
    for line in head.splitlines()[:3]:
        line_match = _DATELINE.match(line)
        if line_match:
            date = line_match["date"]
            found = _parse_written(date) or _parse_iso_at_start(date)
            if found is not None:
                return found
    return None


def _parse_iso(text: str) -> dt.date | None:
    m = _ISO.search(text)
    return _date(int(m[1]), int(m[2]), int(m[3])) if m else None


def _parse_iso_at_start(text: str) -> dt.date | None:
    m = _ISO.match(text)
    return _date(int(m[1]), int(m[2]), int(m[3])) if m else None


def _parse_written(text: str) -> dt.date | None:
    m = _MONTH_FIRST.match(text) or _DAY_FIRST.match(text)
    if m is None:
        return None
    day = int(re.sub(r"\D", "", m["day"]))
    return _date(int(m["year"]), month_number(m["month"]), day)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
