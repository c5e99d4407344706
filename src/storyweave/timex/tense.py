"""The tense around a time expression: does the text speak of the past or the future?

Bare months and weekdays are resolved with it: "visited Pyongyang in July" is the
July before the publication date, "plans another attempt in October" the one
after. Cues come from a spaCy ``Doc`` when there is one (verb tags), otherwise
from word lists; the nearest cue in the sentence wins.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal

from .thresholds import CLAUSE_PENALTY, FUTURE_WEIGHT

Tense = Literal["past", "present", "future"]
Aspect = Literal["perfect", "progressive"]

_FUTURE_WORDS: Final = re.compile(
    r"\b(?:will|won't|wo|'ll|shall|plans?|planned|planning|scheduled?|expected|expects?"
    r"|expecting|upcoming|intends?|intended|aims?|hopes?|hoping"
    r"|forecasts?|forecast|projected|promised?|vows?|vowed|prepar(?:e|es|ed|ing)"
    r"|set\s+to|going\s+to|is\s+to|are\s+to)\b",
    re.IGNORECASE,
)
_PAST_WORDS: Final = re.compile(
    r"\b(?:was|were|had|did|said|told|met|took|went|came|began|made|gave|held|left|"
    r"fell|rose|sold|bought|paid|won|lost|became|found|got|saw|knew|thought|brought|"
    r"built|sent|spent|struck|spoke|wrote|ran|fought|chose|drove|flew|grew|led|kept|meant|"
    r"sat|stood|threw|understood|wore|broke|caught|drew|fled|forgot|hung|rode|rang|shot|"
    r"sang|sank|slept|stole|swore|taught|tore|woke|ago|last|earlier|previously|(?!(?:expect|plan|schedul|"
    r"propos|intend|project|promis|vow|prepar|need|bas|unit|relat|concern|interest)ed\b)"
    r"[a-z]{3,}ed)\b",
    re.IGNORECASE,
)
_PRESENT_WORDS: Final = re.compile(r"\b(?:is|are|says|say|has|have|does|do|am)\b", re.IGNORECASE)
_DEADLINE: Final = re.compile(
    r"\b(?:until|till|as\s+(?:soon|early)\s+as|no\s+later\s+than|starting|beginning)\s+$",
    re.IGNORECASE,
)
_SINCE: Final = re.compile(r"\b(?:since|ever\s+since)\s+(?:(?:early|late|mid)[\s-]+)?$", re.I)
_SENTENCE_END: Final = re.compile(
    r"(?<=[.!?])(?P<close>[\"'”’)]*)(?P<gap>\s+)(?=[\"'“‘(]?[A-Z0-9])|(?P<para>\n\s*\n)"
)

_FUTURE_LEMMAS: Final = frozenset(
    {"will", "shall", "plan", "schedule", "expect", "intend", "aim", "hope",
     "forecast", "project", "promise", "vow", "prepare", "upcoming"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    tense: Tense


def sentence_bounds(text: str, doc: Any = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text``: from ``doc.sents`` when given, else a punctuation rule."""
    if doc is not None:
        return [(s.start_char, s.end_char) for s in doc.sents]
    bounds: list[tuple[int, int]] = []
    begin = 0
    for m in _SENTENCE_END.finditer(text):
        gap = "para" if m["para"] else "gap"
        bounds.append((begin, m.start(gap)))
        begin = m.end(gap)
    bounds.append((begin, len(text)))
    return bounds


def text_cues(text: str, begin: int, end: int) -> list[Cue]:
    """Tense cues in ``text[begin:end]`` from word lists."""
    cues: list[Cue] = []
    for pattern, tense in (
        (_FUTURE_WORDS, "future"),
        (_PAST_WORDS, "past"),
        (_PRESENT_WORDS, "present"),
    ):
        for m in pattern.finditer(text, begin, end):
            cues.append(Cue(m.start(), m.end(), tense))  # type: ignore[arg-type]
    return cues


def doc_cues(doc: Any, begin: int, end: int) -> list[Cue]:
    """Tense cues in the characters ``[begin, end)`` of ``doc`` from its tags and lemmas."""
    span = doc.char_span(begin, end, alignment_mode="expand")
    if span is None:
        return []
    cues: list[Cue] = []
    for tok in span:
        tense = _token_tense(tok)
        if tense is not None:
            cues.append(Cue(tok.idx, tok.idx + len(tok.text), tense))
    return cues


SAME_PAST_FORMS: Final = frozenset(
    {"beat", "bet", "bid", "broadcast", "burst", "cast", "cost", "cut", "fit", "forecast", "hit",
     "hurt", "let", "offset", "put", "quit", "read", "reset", "rid", "set", "shed", "shut", "slit",
     "split", "spread", "thrust", "upset", "wet", "outbid", "input", "overcast", "undercut"}
)  # fmt: skip
"""English verbs whose present (not third person) is their past ("Rovers beat Dynamo on
Saturday"): a tagger's VBP there is a guess, so it gives no tense (a grammar list, not fitted)."""


def _ambiguous_present(tok: Any) -> bool:
    return bool(tok.tag_ == "VBP" and tok.lower_ in SAME_PAST_FORMS)


def _token_tense(tok: Any) -> Tense | None:
    lemma = tok.lemma_.lower()
    if tok.tag_ == "MD":
        return "future" if lemma in _FUTURE_LEMMAS or lemma in ("'ll", "wo") else None
    if lemma in _FUTURE_LEMMAS and tok.pos_ in ("VERB", "NOUN", "ADJ", "AUX"):
        return "future"
    if tok.tag_ == "VBD":
        return "past"
    if tok.tag_ == "VBN" and any(c.lemma_ == "have" for c in tok.children):
        return "past"
    if tok.tag_ in ("VBZ", "VBP"):
        return None if _ambiguous_present(tok) else "present"
    if lemma == "ago":
        return "past"
    return None


class TenseFinder:
    """Answers "which tense governs the span [start, end)?" for one text."""

    def __init__(self, text: str, doc: Any = None) -> None:
        self._text = text
        self._doc = doc
        self._bounds = sentence_bounds(text, doc)
        self._starts = [b for b, _ in self._bounds]
        self._cache: dict[int, list[Cue]] = {}

    def sentence_of(self, pos: int) -> tuple[int, int]:
        idx = max(0, bisect_right(self._starts, pos) - 1)
        return self._bounds[idx]

    def _cues(self, sentence: tuple[int, int]) -> list[Cue]:
        begin, end = sentence
        if begin not in self._cache:
            found = (
                doc_cues(self._doc, begin, end)
                if self._doc is not None
                else text_cues(self._text, begin, end)
            )
            self._cache[begin] = found
        return self._cache[begin]

    def tense(self, start: int, end: int) -> Tense | None:
        """The tense of the nearest cue to the span, or None when the sentence has none.

        A deadline preposition just before the span ("until Tuesday", "as soon as
        Tuesday") speaks of the future whatever the verbs say.
        """
        if _DEADLINE.search(self._text, max(0, start - 20), start):
            return "future"
        if _SINCE.search(self._text, max(0, start - 20), start):
            return "past"
        if self._doc is not None:
            governed = head_tense(self._doc, start, end)
            if governed is not None:
                return governed
        cues = [c for c in self._cues(self.sentence_of(start)) if c.end <= start or c.start >= end]
        return nearest_tense(cues, start, end, self._text)

    def governed(self, start: int, end: int) -> bool:
        """Does the governing verb's own tense reach the span? Not when the span modifies a
        noun ("Tuesday's declaration", "a June agreement"), nor without a parse or a verb."""
        if self._doc is None:
            return False
        span = self._doc.char_span(start, end, alignment_mode="expand")
        if span is None or span.root.dep_ in ("poss", "compound", "nmod", "amod", "nummod"):
            return False
        if head_tense(self._doc, start, end) is not None:
            return True
        verb = governing_verb(self._doc, start, end)
        return verb is not None and verb_aspect(verb) == "progressive"

    def aspect(self, start: int, end: int) -> Aspect | None:
        """The aspect of the verb that governs the span (needs the parse)."""
        if self._doc is None:
            return None
        verb = governing_verb(self._doc, start, end)
        return None if verb is None else verb_aspect(verb)

    def governor(self, start: int, end: int) -> str | None:
        """The lemma of the verb that governs the span (needs the parse)."""
        if self._doc is None:
            return None
        verb = governing_verb(self._doc, start, end)
        return None if verb is None else str(verb.lemma_).lower()


def governing_verb(doc: Any, start: int, end: int) -> Any:
    """The nearest verb above the span's head in ``doc``'s parse, or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    for _ in range(12):
        if tok.head is tok:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def verb_aspect(verb: Any) -> Aspect | None:
    """ "perfect" (have + participle), "progressive" (a present be + -ing), or None."""
    children = list(verb.children)
    auxes = [c for c in children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBN" and any(c.lemma_ == "have" for c in auxes):
        return "perfect"
    if any(c.lemma_ == "have" for c in auxes) and any(c.lower_ == "been" for c in auxes):
        return "perfect"
    if verb.tag_ == "VBG" and any(c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP") for c in auxes):
        return "progressive"
    return None


def head_tense(doc: Any, start: int, end: int) -> Tense | None:
    """The tense of the verb that governs the span in ``doc``'s parse.

    Climbs from the span's head token to the nearest verb; a future word met on
    the way ("plans for another attempt in October") makes it future.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    for _ in range(12):
        if tok.head is tok:
            break
        tok = tok.head
        if tok.lemma_.lower() in _FUTURE_LEMMAS and tok.pos_ in ("NOUN", "VERB", "ADJ"):
            return "future"
        if tok.pos_ in ("VERB", "AUX"):
            return _verb_tense(tok)
    return None


def _verb_tense(verb: Any) -> Tense | None:
    children = list(verb.children)
    if any(
        c.tag_ == "MD" and c.lemma_.lower() in ("will", "shall", "'ll", "wo", "would")
        for c in children
    ):
        return "future"
    if any(c.lemma_.lower() == "go" and c.tag_ == "VBG" for c in children):
        return "future"
    if verb.tag_ == "VBD":
        return "past"
    if any(c.tag_ == "VBD" and c.dep_ in ("aux", "auxpass") for c in children):
        return "past"
    if verb.tag_ == "VBN" and any(c.lemma_ == "have" for c in children):
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return None if _ambiguous_present(verb) else "present"
    if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
        # "set to resume Monday", "plans to visit in October", "is expected to close"
        head = verb.head
        if head is not verb and head.lemma_.lower() in _FUTURE_LEMMAS | {"set", "due"}:
            return "future"
        if head is not verb and head.lemma_.lower() == "be" and head.tag_ in ("VBZ", "VBP"):
            return "future"  # "is to resume trading Tuesday"
    return None


_CLAUSE_BREAK: Final = re.compile(r"[,;:()]|\s[-–—]\s")


def nearest_tense(
    cues: Sequence[Cue], start: int, end: int, text: str | None = None
) -> Tense | None:
    best: Tense | None = None
    best_distance = float("inf")
    for cue in cues:
        gap = start - cue.end if cue.end <= start else cue.start - end
        if text is not None:
            between = text[cue.end : start] if cue.end <= start else text[end : cue.start]
            gap += CLAUSE_PENALTY * len(_CLAUSE_BREAK.findall(between))
        distance = gap / FUTURE_WEIGHT if cue.tense == "future" else float(gap)
        if distance < best_distance:
            best, best_distance = cue.tense, distance
    return best
