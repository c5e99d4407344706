"""Who said what in a text of another language, by its quotation marks and its verbs of saying
(issue 20).

- A quoted passage (« », „ “, “ ”, " ", 「」, 『』) of three words or more is a direct quote
  when its sentence holds a verb of saying of the language outside the quote ("dijo",
  "a déclaré", "sagte", "заявил", "cho biết"); its speaker is the name written nearest that
  verb ("— dijo Rojas", "Müller sagte: „...“").
- "X dijo que ..." / "X a déclaré que ..." / "X sagte, dass ..." is reported speech: what
  follows the complementiser is X's.
- "según X, ...", "selon X", "laut X", "по словам X", "theo X" credits the rest of the sentence
  to X.

A name is a run of capitalised words (:func:`storyweave.entities.names.name_runs`); where none
stands near the verb the speaker is unnamed. Every span indexes the article's own text.

DOCS: docs/stages/languages.md
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from typing import Final

from storyweave.entities.names import name_runs
from storyweave.model import Attribution, AttributionKind, Span
from storyweave.quotes.marks import find_quoted

from .lexicon import ACCORDING_TO, HONORIFICS, REPORTING, calendar_run
from .stance import find_in, lower

MIN_QUOTE_WORDS: Final = 3
SPEAKER_WINDOW: Final = 40
"""Characters either side of a verb of saying in which its speaker's name is looked for."""
SOURCE_CHARS: Final = 60
"""The longest source a credit phrase names before its comma ("según el ministerio de ...,")."""
COMPLEMENTISERS: Final[dict[str, tuple[str, ...]]] = {
    "es": ("que",), "fr": ("que", "qu'", "qu’"), "de": ("dass",), "it": ("che",),
    "pt": ("que",), "nl": ("dat",), "ru": ("что",), "vi": ("rằng", "là"),
}  # fmt: skip
BARE_COMPLEMENT: Final[dict[str, re.Pattern[str]]] = {
    # Vietnamese drops "rằng" after these verbs: "X cho biết gia đình đã ..."
    "vi": re.compile(r"\s+(?=\w)"),
    # German reports a clause after a comma, in the subjunctive: "Er sagte, die Lage sei ernst";
    # a separable verb's particle may come first ("kündigte an, sie werde ...")
    "de": re.compile(r"(?:\s+(?:an|mit|hinzu|ein|zu))?,\s+(?=\w)"),
    "ru": re.compile(r",\s+(?=\w)(?!что)"),  # "заявил, ситуация под контролем"
}
"""How a report follows a verb of saying without a complementiser, where the language does so."""
BARE_VERBS: Final[dict[str, frozenset[str]]] = {
    "vi": frozenset({"cho biết", "cho hay", "khẳng định", "cho rằng", "nhấn mạnh", "thông báo",
                     "tuyên bố", "xác nhận", "thừa nhận", "cảnh báo"}),
}  # fmt: skip
"""Where only some verbs of saying take a bare report (Vietnamese "nói với ..." is "said to")."""
COMPLEMENT_GAP: Final = 4
"""Words that may stand between a verb of saying and its "que" ("anunció el martes que")."""
_CORNER: Final = re.compile(r"「([^」]+)」|『([^』]+)』")


def find_foreign_attributions(
    text: str, sentences: Sequence[Span], language: str, *, start: int = 0
) -> list[Attribution]:
    """The attributions of ``text`` (read from ``start``, the article's own words) in
    ``language``; an empty list for a language without word lists."""
    lang = language.split("-")[0].lower()
    verbs = REPORTING.get(lang)
    if not verbs:
        return []
    runs = [
        (run[0][0], run[-1][0] + len(run[-1][1]), " ".join(w for _, w in run))
        for run in name_runs(text, [s.start for s in sentences])
    ]
    runs = sorted(r for r in runs + _elided(text, runs) if not calendar_run(text, r[0], r[2], lang))
    low = lower(text)  # lowered once: every search of the article reads it
    out: list[Attribution] = []
    quoted = _passages(text, start)
    for inner in quoted:
        sent = _sentence_around(sentences, inner)
        found = _cue_near(low, lang, sent, inner)
        if found is None:
            continue
        cue = found[0]
        speaker = _speaker(text, lang, runs, cue, sent, quoted)
        out.append(_attribution("direct", inner, cue, speaker))
    for sent in sentences:
        if sent.end <= start:
            continue
        inside = [q for q in quoted if sent.start <= q.start < sent.end]
        out += _reported(text, low, lang, sent, runs, inside)
        out += _according(text, low, lang, sent, runs, inside)
    out.sort(key=lambda a: (a.content.start, a.content.end))
    return out


_ELIDED: Final = re.compile(r"(?<![\w])[dlDL][’']([^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*)*)")


def _elided(text: str, runs: Sequence[Run]) -> list[Run]:
    """Names after an elided article or preposition ("l'ARS", "d'Ille-et-Vilaine", French and
    Italian), which :func:`name_runs` reads as one lower-case word."""
    out: list[Run] = []
    starts = {r[0] for r in runs}
    for m in _ELIDED.finditer(text):
        words = []
        for w in m.group(1).split():
            if not w[0].isupper():
                break
            words.append(w)
        if words and m.start(1) not in starts:
            name = " ".join(words)
            out.append((m.start(1), m.start(1) + len(name), name))
    return out


def _attribution(
    kind: AttributionKind, content: Span, cue: Span | None, speaker: tuple[int, int, str] | None
) -> Attribution:
    name = speaker[2] if speaker else None
    return Attribution(
        kind=kind,
        content=content,
        cue=cue,
        source=Span(speaker[0], speaker[1]) if speaker else None,
        chain=(name,) if name else (),
        source_type="name" if name else "unnamed",
        speaker_name=name,
        statement=True,
    )


def _passages(text: str, start: int) -> list[Span]:
    """The inner spans of quoted passages of at least :data:`MIN_QUOTE_WORDS` words."""
    spans = [_trimmed(text, Span(q.inner_start, q.inner_end)) for q in find_quoted(text)]
    for m in _CORNER.finditer(text):
        group = 1 if m.group(1) is not None else 2
        spans.append(_trimmed(text, Span(m.start(group), m.end(group))))
    kept = [
        s
        for s in spans
        if s.start >= start and len(text[s.start : s.end].split()) >= MIN_QUOTE_WORDS
    ]
    return sorted(kept, key=lambda s: (s.start, s.end))


def _sentence_around(sentences: Sequence[Span], inner: Span) -> Span:
    """The text of the sentences the quote starts and ends in (a quoted passage can hold
    several sentences, and its verb of saying sits in the first or the last)."""
    first = next((s for s in sentences if s.start <= inner.start < s.end), None)
    last = next((s for s in sentences if s.start < inner.end <= s.end), None)
    lo = first.start if first else inner.start
    hi = last.end if last else inner.end
    return Span(min(lo, inner.start), max(hi, inner.end))


@functools.lru_cache(maxsize=16)
def _cue_pattern(lang: str) -> re.Pattern[str]:
    """One pattern for every verb of saying of ``lang``, longest first, as whole words."""
    verbs = sorted(REPORTING.get(lang, ()), key=len, reverse=True)
    return re.compile(r"(?<![\w'’])(?:" + "|".join(re.escape(v) for v in verbs) + r")(?![\w'’])")


def _cues(low: str, lang: str, span: Span) -> list[Span]:
    """The verbs of saying within ``span`` of the lowered text, searched there only."""
    pattern = _cue_pattern(lang)
    return [Span(m.start(), m.end()) for m in pattern.finditer(low, span.start, span.end)]


def _cue_near(low: str, lang: str, sent: Span, inner: Span) -> tuple[Span] | None:
    """The verb of saying of the quote's sentence outside the quote, nearest to it."""
    outside = [c for c in _cues(low, lang, sent) if not (inner.start <= c.start < inner.end)]
    if not outside:
        return None
    return (min(outside, key=lambda c: min(abs(c.start - inner.end), abs(inner.start - c.end))),)


Run = tuple[int, int, str]
_CHUNK_BREAK: Final = re.compile(r",\s|\s[—–]\s|[«»“”„\"]")


def _speaker(
    text: str, lang: str, runs: Sequence[Run], cue: Span, sent: Span, quoted: Sequence[Span]
) -> Run | None:
    """Who speaks through the verb ``cue``: the subject before it ("Stefano Carbone,
        segretario della Filt Cgil, ha detto"; a phrase set off by commas that starts in lower case
        is an apposition, not the subject), else the name after it ("», a lancé Claire Vasseur";
        "disse o presidente executivo, Rui Meireles"); a name after an honorific ("bà", "M.",
    "Frau") first. ``quoted`` holds the spans that are what is said (quotes, or the report a
    closing verb credits). None when the speaker is not named."""
    lo = max([sent.start] + [q.end for q in quoted if q.end <= cue.start])
    hi = min([sent.end] + [q.start for q in quoted if q.start >= cue.end])
    titled = [r for r in runs if lo <= r[0] < hi and _honorific_before(text, r[0], lang)]
    if titled:  # "bà Nguyễn Thị Hương, Phó Tổng cục trưởng, cho biết"
        return min(titled, key=lambda r: min(abs(cue.start - r[1]), abs(r[0] - cue.end)))
    before = [c for c in _chunks(text, lo, cue.start) if text[c.start : c.end].strip()]
    for n, chunk in enumerate(reversed(before)):
        earlier = before[: len(before) - 1 - n]
        named_earlier = any(_named_chunk(text, runs, c) for c in earlier)
        if not text[chunk.start].isupper() and named_earlier:
            continue  # an apposition after a name ("segretario della Filt Cgil")
        named = [r for r in runs if chunk.start <= r[0] < chunk.end] or _initial(text, chunk)
        if named:
            return named[-1]
        if text[chunk.start].isupper():
            return None  # a subject that names no one ("El portavoz dijo")
        # an auxiliary or an adverb ("», a déclaré", "ha detto ieri"): look further
    after = [c for c in _chunks(text, cue.end, hi) if text[c.start : c.end].strip()]
    for n, chunk in enumerate(after[:2]):
        named = [r for r in runs if chunk.start <= r[0] < chunk.end]
        if named and named[0][0] == chunk.start:
            return named[0]  # "dijo Rojas", "a-t-il ajouté, Pierre Dupont"
        if n == 0 and named and not (len(after) > 1 and _starts_with_name(runs, after[1])):
            return named[-1]  # "advirtió el portavoz Rubén Lasheras"
    return None


def _honorific_before(text: str, at: int, lang: str) -> bool:
    words = text[max(0, at - 12) : at].split()
    return bool(words) and words[-1].casefold() in HONORIFICS.get(lang, frozenset())


def _named_chunk(text: str, runs: Sequence[Run], chunk: Span) -> bool:
    """A chunk that opens with a capital and holds a name ("Stefano Carbone", "Marta Iriondo")."""
    if not text[chunk.start].isupper():
        return False
    return any(chunk.start <= r[0] < chunk.end for r in runs) or bool(_initial(text, chunk))


def _starts_with_name(runs: Sequence[Run], chunk: Span) -> bool:
    return any(r[0] == chunk.start for r in runs)


def _chunks(text: str, start: int, end: int) -> list[Span]:
    """``text[start:end]`` cut at commas, dashes and quotation marks, each piece stripped."""
    out, lo = [], start
    for m in _CHUNK_BREAK.finditer(text, start, end):
        out.append(_trimmed(text, Span(lo, m.start())))
        lo = m.end()
    out.append(_trimmed(text, Span(lo, end)))
    return out


def _initial(text: str, chunk: Span) -> list[Run]:
    """The chunk as a name when it is capitalised words only ("Müller sagte:", "Angela Weber
    erklärte"): :func:`name_runs` does not count the words that open a sentence."""
    words = text[chunk.start : chunk.end].split()
    if not 1 <= len(words) <= 3 or not all(w[0].isupper() and w[0].isalpha() for w in words):
        return []
    return [(chunk.start, chunk.end, " ".join(words))]


def _reported(
    text: str,
    low: str,
    lang: str,
    sent: Span,
    runs: Sequence[Run],
    quoted: Sequence[Span],
) -> list[Attribution]:
    """ "X dijo que ...": the clause after the complementiser that follows a verb of saying;
    "..., disse ontem o presidente": what comes before a closing verb of saying."""
    out: list[Attribution] = []
    for cue in _cues(low, lang, sent):
        if any(q.start <= cue.start < q.end for q in quoted):
            continue
        rest = text[cue.end : sent.end]
        content = None
        for comp in COMPLEMENTISERS.get(lang, ()):
            # "afirmó que", "anunció el martes que", "dijo a los periodistas que"
            edge = "" if comp[-1] in "'’" else r"(?![\w])"  # "qu'il"
            gap = r"[\s,]*(?:[^\s.;:!?\"«»“”„]+\s+){0," + str(COMPLEMENT_GAP) + "}?"
            m = re.match(gap + re.escape(comp) + edge + r"\s*", rest, flags=re.I)
            if m is not None:
                content = Span(cue.end + m.end(), sent.end)
                break
        if content is None:
            content = _bare(text, lang, cue, sent)
        if content is None:
            content = _closing(text, cue, sent, quoted)
        if content is None or _words(text, content) < MIN_QUOTE_WORDS:
            continue
        said = [*quoted, content] if content.end <= cue.start else quoted
        speaker = _speaker(text, lang, runs, cue, sent, said)
        out.append(_attribution("indirect", content, cue, speaker))
    return out


def _bare(text: str, lang: str, cue: Span, sent: Span) -> Span | None:
    """The report right after a verb of saying in a language that needs no complementiser
    there (:data:`BARE_COMPLEMENT`), unless a quote or a colon follows the verb."""
    pattern = BARE_COMPLEMENT.get(lang)
    verbs = BARE_VERBS.get(lang)
    if pattern is None or (verbs is not None and text[cue.start : cue.end].casefold() not in verbs):
        return None
    m = pattern.match(text, cue.end, sent.end)
    if m is None:
        return None
    return _trimmed(text, Span(m.end(), sent.end))


CLOSING_GAP: Final = 4
"""Words that may stand between the comma ending a report and its verb of saying (", disse
ontem o presidente", ", Rojas dijo")."""


def _closing(text: str, cue: Span, sent: Span, quoted: Sequence[Span]) -> Span | None:
    """The report a closing verb of saying credits: the sentence up to the comma before the
    verb ("O Governo estima os prejuízos em 12 milhões, disse ontem o presidente."), unless a
    quote holds it (that is a direct quote)."""
    head = text[sent.start : cue.start]
    comma = head.rfind(", ")
    if comma < 0 or len(head[comma + 2 :].split()) > CLOSING_GAP:
        return None
    content = _trimmed(text, Span(sent.start, sent.start + comma))
    if any(q.start < content.end and content.start < q.end for q in quoted):
        return None
    return content


def _according(
    text: str,
    low: str,
    lang: str,
    sent: Span,
    runs: Sequence[Run],
    quoted: Sequence[Span],
) -> list[Attribution]:
    """ "según X, ..." / "..., según X": the sentence's other words are X's."""
    out: list[Attribution] = []
    for phrase in ACCORDING_TO.get(lang, ()):
        m = find_in(low, phrase, sent.start)
        if m is None or m.start() >= sent.end:
            continue
        if any(q.start <= m.start() < q.end for q in quoted):
            continue
        tail = re.search(r"[,;:—–]", text[m.end() : sent.end])
        named_after = [r for r in runs if m.end() <= r[0] <= m.end() + SPEAKER_WINDOW // 2
                       and r[1] <= sent.end]  # fmt: skip
        closing = _trimmed(text, Span(m.end(), sent.end))
        if tail is not None and tail.start() <= SOURCE_CHARS:
            source_end = m.end() + tail.start()  # "según la agencia EFE, ..."
            names = [r for r in runs if m.end() <= r[0] < source_end]
        elif (
            tail is None and closing.end - closing.start <= SOURCE_CHARS and m.start() > sent.start
        ):
            source_end = closing.end  # "..., selon l'agence de protection civile Protecta."
            names = [r for r in runs if m.end() <= r[0] < source_end]
        elif named_after:
            source_end = named_after[0][1]  # "Laut Polizei starben ..."
            names = named_after[:1]
        else:
            continue
        if not names and tail is not None:  # "Segundo o presidente executivo, Rui Meireles, ..."
            nxt = [r for r in runs if r[0] == source_end + 2 + _lead_spaces(text, source_end + 2)]
            if nxt and text[nxt[0][1] : nxt[0][1] + 1] == ",":
                names, source_end = nxt, nxt[0][1]
        source = Span(m.end(), source_end)
        speaker = names[-1] if names else None
        if speaker is None:
            words = text[source.start : source.end].strip()
            if not words or len(words.split()) > 6:
                continue
            lead = source.start + (len(text[source.start : source.end]) - len(
                text[source.start : source.end].lstrip()))  # fmt: skip
            speaker = (lead, lead + len(words), words)
        before = Span(sent.start, m.start())
        after = Span(source_end, sent.end)
        # "25 murieron, según EFE." credits what came before; "Según EFE, 25 murieron" and
        # "una huelga que, según CCOO, secunda el 90 %" what follows
        content = before if _words(text, _trimmed(text, after)) == 0 else after
        content = _trimmed(text, content)
        if _words(text, content) < MIN_QUOTE_WORDS:
            continue
        att = _attribution("according_to", content, Span(m.start(), m.end()), speaker)
        if not names:
            att = dataclasses.replace(att, source_type="unnamed")
        out.append(att)
    return out


def _lead_spaces(text: str, at: int) -> int:
    return len(text[at:]) - len(text[at:].lstrip(" "))


def _words(text: str, span: Span) -> int:
    return len(text[span.start : span.end].split())


def _trimmed(text: str, span: Span) -> Span:
    """The span without the spaces and commas at its edges."""
    piece = text[span.start : span.end]
    left = len(piece) - len(piece.lstrip(" ,;:—–-"))
    right = len(piece.rstrip(" ,;:—–-"))
    return Span(span.start + left, span.start + max(left, right))
