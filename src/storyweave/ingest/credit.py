"""Credits in an article's text: who the copy comes from, kept out of the analysis.

Wire copy names its origin in a few fixed places, and all of them are found here:

- a leading **dateline** "VELOSTAN, May 14 (Reuters) –", "SHAWNEE, Okla. (AP) —", "(AFP) -",
  or a place-only one "WASHINGTON —";
- a leading **byline** line "By Jane Doe, Reuters", "By AFP";
- trailing **credit lines and sentences**, read from the end back: "Source: Reuters",
  "According to Tin Tuc newspaper", "via AFP", "— AFP", "(Reporting by ...; Editing by ...)",
  "Writing by ...", "The Associated Press contributed to this report.", "Copyright The
  Associated Press", "© 2024 Reuters. All rights reserved."

The text stays whole: :class:`Credits` gives ``body_start`` and ``body_end``, and the
stages analyse only what lies between (:attr:`storyweave.model.Article.body`). The
organisations credited (canonical names from :mod:`storyweave.outlets` where known) become
the article's credits, outermost first.

DOCS: docs/stages/sources.md
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

from ..outlets import canonical

CreditKind = Literal[
    "dateline", "byline", "source", "reporting", "contributed", "signature", "rights"
]

_CREDIT = re.compile(
    r"""^[\s(\[—–-]*
        (?:according\s+to|source\s*:|sources\s*:|via|credit\s*:|courtesy\s+of|
           \(?\s*source\s*\)?\s*:)
        \s*(?P<name>[^\n,;:]{2,80}?)
        [\s.)\]]*$""",
    re.IGNORECASE | re.VERBOSE,
)
# Trailing words that describe the outlet rather than name it.
_QUALIFIER = re.compile(
    r"\s+(?:news\s+agency|newspaper|news\s+site|news\s+website|website|daily|magazine|"
    r"agency|news\s+outlet|outlet|online)$",
    re.IGNORECASE,
)
_MAX_WORDS = 8
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)"
_PLACE = r"[A-ZÀ-Þ][\wÀ-ÿ.'’-]*(?:[ ][A-ZÀ-Þ][\wÀ-ÿ.'’-]*){0,3}(?:,[ ][A-Z][\w.]*\.?){0,2}"
_AGENCY = r"[A-Za-z][\w.&'’/-]*(?:[ ][A-Z][\w.&'’/-]*){0,4}"
_DASH = r"\s*(?:--|[-–—:])\s*"
DATELINE: Final = re.compile(
    rf"^\s*(?:(?P<place>{_PLACE}),?\s+)?(?:(?P<date>{_DATE})\s*)?\((?P<agency>{_AGENCY})\){_DASH}"
)
"""A dateline with its agency: "VELOSTAN, May 14 (Reuters) –", "KRAKOW (PAP) -", "(AP) —"."""
PLACE_DATELINE: Final = re.compile(
    rf"^\s*(?P<place>[A-ZÀ-Þ][A-ZÀ-Þ.'’ -]{{1,30}}[A-ZÀ-Þ.](?:,[ ][A-Z][\w.]*\.?)?)"
    rf"(?:,\s*(?P<date>{_DATE}))?{_DASH}(?=[A-Z\"“‘'])"
)
"""A dateline naming only the place (in capitals), and maybe the date: "WASHINGTON —"."""
BYLINE: Final = re.compile(r"^\s*By\s+(?P<who>[^\n]{2,80}?)\s*\n")
_REPORTING = re.compile(
    r"""^[(\[]?\s*(?:additional\s+|further\s+)?
        (?:reporting|writing|editing|reported|written|edited|compiled|research|
           compilation|production|graphics)\s+(?:by|from)\s+(?P<who>.+?)[\s.)\]]*$""",
    re.IGNORECASE | re.VERBOSE,
)
_CONTRIBUTED = re.compile(
    r"""^(?:(?:the\s+)?(?P<who>[^.\n]{2,60}?)\s+contributed\s+(?:reporting\s+)?
           (?:to\s+)?(?:this\s+(?:report|story|article)|reporting)
        |with\s+(?:reporting\s+(?:from|by)\s+)?(?P<with>[A-Z][^.\n]{1,40}?))[\s.]*$""",
    re.IGNORECASE | re.VERBOSE,
)
_RIGHTS = re.compile(
    r"""^(?=copyright|©|\(c\)|all[ ]rights|this[ ]material[ ]may[ ]not)
        (?:(?:copyright|©|\(c\))\s*(?:\d{4}\s*)?(?P<who>[^.\n]{0,60}?)[\s.,]*)?
        (?:all\s+rights\s+reserved\.?|this\s+material\s+may\s+not\s+be\s+published[^\n]*)?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_SIGNATURE = re.compile(r"^[(\[]?[-–—]?\s*(?P<who>[A-Za-z][\w.&'’ /-]{0,40}?)\s*[)\]]?\.?$")
_LAST_SENTENCE = re.compile(r"(?<=[.!?”\"])\s+(?=[(\[A-Z©])")
_SPLIT = re.compile(r"\s*(?:;|,|/|\band\b|&)\s*", re.IGNORECASE)
_PLACE_TAIL = re.compile(r"\s+(?:in|from|at)\s+[A-Z][\w .'-]*$")


@dataclass(frozen=True, slots=True)
class Credit:
    """The trailing credit line that names the article's outlet ("Source: Reuters")."""

    outlet: str
    line: str
    start: int  # where the credit line starts in the text


@dataclass(frozen=True, slots=True)
class CreditLine:
    """One credit found in the text: its kind, the organisations it names, its span."""

    kind: CreditKind
    names: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Credits:
    """Every credit of a text, and the part of the text that is the article's own report."""

    lines: tuple[CreditLine, ...]
    body_start: int
    body_end: int

    @property
    def names(self) -> tuple[str, ...]:
        """The organisations credited, outermost first (dateline and byline, then the end)."""
        ordered = sorted(self.lines, key=lambda c: c.start)
        return tuple(dict.fromkeys(n for c in ordered for n in c.names))

    def outlet(self) -> str | None:
        """The outlet a source line names ("According to Tin Tuc"), else the dateline's
        or byline's agency: the name to use when the article's metadata gives none."""
        for kind in ("source", "dateline", "byline", "signature"):
            for c in self.lines:
                if c.kind == kind and c.names:
                    return c.names[0]
        return None


def find_credit(text: str) -> Credit | None:
    """The credit on the text's last line, if it is a source line and nothing else."""
    stripped = text.rstrip()
    start = stripped.rfind("\n") + 1
    if start == 0:
        return None  # a one-line text is all body
    line = stripped[start:]
    name = _source_name(line)
    return Credit(outlet=name, line=line.strip(), start=start) if name else None


def _source_name(line: str) -> str | None:
    m = _CREDIT.match(line)
    if not m or len(line.split()) > _MAX_WORDS:
        return None
    name = re.sub(r"^the\s+", "", m.group("name").strip(), flags=re.IGNORECASE)
    if not name[:1].isupper():
        return None
    return _QUALIFIER.sub("", name).strip() or name


def find_credits(text: str) -> Credits:
    """Every credit of ``text``: the dateline or byline at its start, credit lines and
    credit sentences at its end. A text that would be left empty keeps its body whole."""
    lines: list[CreditLine] = []
    start = _leading(text, lines)
    end = _trailing(text, start, lines)
    if not text[start:end].strip():
        return Credits((), 0, len(text.rstrip()))
    return Credits(tuple(lines), start, end)


def _leading(text: str, out: list[CreditLine]) -> int:
    start = 0
    byline = BYLINE.match(text)
    if byline and len(byline.group("who").split()) <= 10:
        out.append(CreditLine("byline", _organisations(byline.group("who")), 0, byline.end()))
        start = byline.end()
    rest = text[start:]
    m = DATELINE.match(rest)
    if m and _agency_name(m.group("agency")):
        name = _agency_name(m.group("agency"))
        out.append(CreditLine("dateline", (name,) if name else (), start, start + m.end()))
        return start + m.end()
    m = PLACE_DATELINE.match(rest)
    if m and "\n" not in m.group(0):
        out.append(CreditLine("dateline", (), start, start + m.end()))
        return start + m.end()
    return start


def _trailing(text: str, floor: int, out: list[CreditLine]) -> int:
    end = len(text.rstrip())
    while end > floor:
        line_start = text.rfind("\n", floor, end) + 1
        line_start = max(line_start, floor)
        line = text[line_start:end]
        found = _credit_of(line, whole=line_start > floor)
        if found is None:
            cut = _last_sentence(line)
            if cut is None or line_start + cut == floor:
                break
            found = _credit_of(line[cut:], whole=False)
            if found is None:
                break
            line_start += cut
        kind, names = found
        out.append(CreditLine(kind, names, line_start, end))
        end = len(text[:line_start].rstrip())
    return end


def _last_sentence(line: str) -> int | None:
    starts = [m.end() for m in _LAST_SENTENCE.finditer(line)]
    return starts[-1] if starts else None


def _credit_of(piece: str, *, whole: bool) -> tuple[CreditKind, tuple[str, ...]] | None:
    """The kind and organisations of a credit line or sentence, or None when it is none.
    ``whole``: the piece is a line of its own (a bare agency name may sign it)."""
    piece = piece.strip()
    if not piece or len(piece) > 200:
        return None
    name = _source_name(piece) if whole else None
    if name:
        return "source", (canonical(name) or name,)
    m = _REPORTING.match(piece)
    if m:
        return "reporting", _organisations(m.group("who"))
    m = _CONTRIBUTED.match(piece)
    if m and (m.group("who") or m.group("with")):
        who = m.group("who") or m.group("with") or ""
        names = _organisations(who)
        if names or m.group("who"):
            return "contributed", names
    m = _RIGHTS.match(piece)  # a rights line opens with its own words ("Copyright", "©")
    if m:
        return "rights", _organisations(m.group("who") or "")
    m = _SIGNATURE.match(piece) if whole or piece.startswith(("—", "–", "-", "(")) else None
    if m:
        names = _organisations(m.group("who"), strict=True)
        if names:
            return "signature", names
    return None


EDITORIAL_TAGS: Final = frozenset(
    {"update", "updated", "updates", "corrected", "correction", "refile", "refiled", "live",
     "video", "videos", "photo", "photos", "watch", "analysis", "opinion", "exclusive",
     "breaking", "wrapup", "factbox", "explainer", "interview", "editorial", "ap photo",
     "file photo", "graphic", "graphics", "audio", "podcast", "sponsored", "advertisement"}
)  # fmt: skip
"""Words a desk puts in parentheses after a place that name no organisation ("PARIS
(UPDATED) —", "(LIVE) -"): not a credit (newsroom vocabulary, not fitted)."""


def _agency_name(raw: str) -> str | None:
    """The organisation a dateline's parenthesis names: canonical when known, else the name
    as written when it looks like one (capitalised, not a time, a number or a desk's tag)."""
    raw = raw.strip()
    known = [n for part in _SPLIT.split(raw) if part and (n := canonical(part))]
    if known:
        return known[0]
    if raw.casefold() in EDITORIAL_TAGS or raw.split()[0].casefold() in EDITORIAL_TAGS:
        return None
    if raw[:1].isupper() and not any(ch.isdigit() for ch in raw):
        return raw
    return None


def _organisations(who: str, *, strict: bool = False) -> tuple[str, ...]:
    """The news organisations named in a credit's list of names ("Reporting by Jane Doe
    in Lima and Reuters; Editing by X" -> ("Reuters",)). ``strict``: only table names and
    short all-capital acronyms (a line signed "— AFP")."""
    out = []
    for part in _SPLIT.split(who):
        part = _PLACE_TAIL.sub("", part.strip(" .()[]")).strip()
        part = re.sub(r"(?i)^(?:the\s+)|\s+(?:staff|reporters?|correspondents?|desk)$", "", part)
        if not part:
            continue
        name = canonical(part) or canonical(_QUALIFIER.sub("", part))
        words = part.split()
        for n in range(min(4, len(words) - 1), 0, -1):  # "JANE DOE Associated Press"
            if name is None and not strict:
                name = canonical(" ".join(words[-n:]))
        if name is None and strict and re.fullmatch(r"[A-Z]{2,6}", part):
            name = part
        if name:
            out.append(name)
    return tuple(dict.fromkeys(out))
