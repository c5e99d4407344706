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

import datetime as dt
import functools
import re
from typing import Any, Final

from storyweave.foreign.lexicon import MONTH_NAMES, RELATIVE_DAYS, WEEKDAY_BEFORE, WEEKDAYS
from storyweave.foreign.stance import lower
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
    return _full_date(phrase, primary(language))


def _full_date(phrase: str, lang: str) -> str | None:
    """A line that is one full date by the language's own month words ("ngày 13 tháng 9 năm
    2023", which ``dateparser`` does not read), or None."""
    if lang not in MONTH_NAMES and lang != "vi":
        return None
    m = _date_patterns(lang).search(lower(phrase))
    if m is None or not m.group("day") or not m.group("year"):
        return None
    if len(phrase.strip(" ,.")) > len(m.group()) + 12:  # a line that says more than a date
        return None
    value = _date_value(m, lang, None)
    return value[0] if value is not None else None


# -- the body of an article in a language read in part ---------------------------------------

NEXT_WORDS: Final[dict[str, frozenset[str]]] = {
    "es": frozenset({"próximo", "próxima", "viene"}), "fr": frozenset({"prochain", "prochaine"}),
    "de": frozenset({"nächsten", "nächste", "kommenden", "kommende"}),
    "it": frozenset({"prossimo", "prossima"}), "pt": frozenset({"próximo", "próxima"}),
    "nl": frozenset({"volgende", "komende"}),
    "ru": frozenset({"следующий", "следующую", "следующее", "будущий"}),
    "vi": frozenset({"tới", "sau"}),
}  # fmt: skip
"""Words that put a weekday after the day of writing ("el próximo martes", "mardi prochain")."""
PART_OF_DAY_BEFORE: Final = frozenset({"la", "esta", "esa", "una", "cada", "am", "der", "den"})
"""Words before "mañana" / "Morgen" that make it a part of the day, not tomorrow."""
_YEAR_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "es": ("en", "de", "desde", "hasta", "para", "antes de", "a partir de"),
    "fr": ("en", "depuis", "d'ici", "d’ici", "d'ici à", "avant", "après", "jusqu'en", "dès",
           "pour"),
    "de": ("im", "seit", "jahr", "bis", "ab", "nach", "vor", "von", "für"),
    "it": ("nel", "dal", "entro il", "entro", "fino al", "al", "il", "per il", "per"),
    "pt": ("em", "desde", "até", "a partir de", "para"),
    "nl": ("in", "sinds", "tegen", "tot", "vanaf", "voor", "na", "over"),
    "ru": ("в", "с", "до", "к"), "vi": ("năm",),
}  # fmt: skip
"""Words that make a bare year a date ("en 2019", "im Jahr 2019", "năm 2019")."""


def body_timexes(
    text: str, language: str, published: dt.date | None, *, start: int = 0, end: int | None = None
) -> list[Timex]:
    """The time expressions of ``text[start:end]`` in ``language``: full and partial dates
    ("5 de marzo de 2024", "marzo de 2024", "ngày 5 tháng 3"), weekdays ("el martes"), the
    days named from the day of writing ("ayer", "вчера", "hôm qua"), and years after a
    preposition ("en 2019"). Relative ones resolve against ``published``: a weekday to the last
    such day on or before it (news reports what happened) unless a word puts it after ("el
    próximo martes"); without a publication date they stay unanchored."""
    lang = primary(language)
    if lang not in MONTH_NAMES and lang != "vi":
        return []
    stop = len(text) if end is None else end
    folded = lower(text)
    found: list[Timex] = []
    taken: list[tuple[int, int]] = []

    def add(at: int, until: int, value: str, *, relative: bool) -> None:
        if any(a < until and at < b for a, b in taken):
            return
        taken.append((at, until))
        anchor = "published" if relative and published is not None else None
        found.append(
            Timex(Span(at, until), "DATE", value, anchor=anchor,
                  anchored=not relative or published is not None)
        )  # fmt: skip

    for m in _date_patterns(lang).finditer(folded, start, stop):
        value = _date_value(m, lang, published)
        if value is not None:
            add(m.start(), m.end(), value[0], relative=value[1])
    for n, forms in enumerate(WEEKDAYS.get(lang, ())):
        for m in _words(forms).finditer(folded, start, stop):
            if not _weekday_here(text, folded, m, lang):
                continue
            after = _weekday_after(folded, m, lang)
            add(m.start(), m.end(), _weekday(published, n, after), relative=True)
    for word, offset in RELATIVE_DAYS.get(lang, {}).items():
        for m in _words(word).finditer(folded, start, stop):
            if lang == "de" and text[m.start()].isupper() and word == "morgen":
                continue  # "am Morgen": the morning
            before = folded[max(0, m.start() - 8) : m.start()].split()
            if word in {"mañana", "morgen"} and before and before[-1] in PART_OF_DAY_BEFORE:
                continue
            day = published + dt.timedelta(days=offset) if published else None
            add(m.start(), m.end(), day.isoformat() if day else "XXXX-XX-XX", relative=True)
    for word in _YEAR_WORDS.get(lang, ()):
        for m in re.finditer(
            r"(?<!\w)" + re.escape(word) + r"\s+((?:1[89]|20)\d\d)(?!\d)(?![.,]\d)", folded[:stop]
        ):
            if m.start() >= start:
                add(m.start(1), m.end(1), m.group(1), relative=False)
    found.sort(key=lambda x: x.span.start)
    return found


@functools.lru_cache(maxsize=64)
def _words(forms: str) -> re.Pattern[str]:
    return re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms.split("|")) + r")(?![\w-])"
    )


@functools.lru_cache(maxsize=16)
def _date_patterns(lang: str) -> re.Pattern[str]:
    if lang == "vi":
        return re.compile(
            r"(?:ngày\s+(?P<day>\d{1,2})\s*(?:tháng\s+|/)(?P<month>\d{1,2})"
            r"|tháng\s+(?P<month_only>\d{1,2}))(?:\s*(?:năm\s+|/)(?P<year>\d{4}))?(?!\d)"
        )
    months = "|".join(re.escape(f) for m in MONTH_NAMES[lang] for f in m.split("|"))
    link = r"\s+(?:de\s+|del\s+|di\s+)?"
    return re.compile(
        r"(?<![\w])(?:(?P<day>\d{1,2})(?:\.|º|er)?" + link + r")?(?P<name>" + months + r")(?![\w])"
        r"(?:,?" + link + r"(?P<year>\d{4})(?!\d)(?:\s+(?:года|г\.))?)?"
    )


def _date_value(m: re.Match[str], lang: str, published: dt.date | None) -> tuple[str, bool] | None:
    """(value, relative) of a date pattern match; None for an impossible date."""
    groups = m.groupdict()
    if lang == "vi":
        month = int(groups.get("month") or groups.get("month_only") or 0)
    else:
        name = groups["name"]
        month = next(n + 1 for n, forms in enumerate(MONTH_NAMES[lang]) if name in forms.split("|"))
    if not 1 <= month <= 12:
        return None
    year_text, day_text = groups.get("year"), groups.get("day")
    relative = year_text is None
    if year_text is not None:
        year = int(year_text)
    elif published is not None:
        year = published.year
    else:
        year = None
    # a month alone ("en marzo") is the publication year's: the reading news gives it
    head = f"{year:04d}" if year is not None else "XXXX"
    if day_text is None:
        return f"{head}-{month:02d}", relative
    day = int(day_text)
    try:
        dt.date(year or 2000, month, day)
    except ValueError:
        return None
    return f"{head}-{month:02d}-{day:02d}", relative


_LOWER_WEEKDAYS = frozenset({"es", "fr", "it", "pt", "nl", "ru"})
"""Languages that write a weekday in lower case inside a sentence: a capitalised one there is a
name ("Plácido Domingo")."""


def _weekday_here(text: str, folded: str, m: re.Match[str], lang: str) -> bool:
    """Whether a weekday word is a weekday here: after the word a day needs where the name is
    also an ordinary word (:data:`WEEKDAY_BEFORE`), and not a capitalised name mid-sentence."""
    before = folded[max(0, m.start() - 12) : m.start()].split()
    needed = WEEKDAY_BEFORE.get(lang)
    if needed is not None and (not before or before[-1].strip(",;:") not in needed):
        return False
    if lang in _LOWER_WEEKDAYS and text[m.start()].isupper():
        head = text[: m.start()].rstrip()
        return not head or head[-1] in '.!?:\n"«“„—–-'  # a sentence's first word
    return True


def _weekday_after(folded: str, m: re.Match[str], lang: str) -> bool:
    near = folded[max(0, m.start() - 20) : m.end() + 20].split()
    return bool(NEXT_WORDS.get(lang, frozenset()) & {w.strip(".,;:") for w in near})


def _weekday(published: dt.date | None, weekday: int, after: bool) -> str:
    if published is None:
        return "XXXX-XX-XX"
    if after:
        ahead = (weekday - published.weekday()) % 7 or 7
        return (published + dt.timedelta(days=ahead)).isoformat()
    back = (published.weekday() - weekday) % 7
    return (published - dt.timedelta(days=back)).isoformat()
