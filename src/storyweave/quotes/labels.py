"""Speaker labels: a name and a colon in front of what that speaker said.

Headlines, transcripts and round-ups credit words by a label rather than a verb::

    Gingrich: Trump must decide if he wants a running mate.
    FALLIN: Well, I think the whole nation needs to work together.
    Q: Did anyone check on you?
    Clinton: "Our goal is to defeat ISIS." Bush: "The mission is to destroy it."
    ... the margins are thin - Pew Research: "All the samples evaluated ..."

A label opens its paragraph, or follows a sentence end or a dash inside it; it is a short
phrase with no verb that names someone: a person, organisation or group, an all-capitals
speaker tag, an unnamed source ("Insiders", "Poll") or the interview's Q and A. The
content runs from the colon to the paragraph's end or the next label in it; a quotation
right after the colon is the content by itself. The colon is the cue.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cues import ORG_NOUNS, UNNAMED_SOURCES
from .marks import Quoted
from .syntax import Candidate, CharSpan, ends_sentence, trim, trim_final_stop

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


__all__ = ["find_labelled"]

_MAX_LABEL_WORDS = 6
_MIN_CONTENT_WORDS = 2
_NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_DASHES = frozenset({"-", "—", "–", "--"})
_INTERVIEW = frozenset({"q", "a"})
# fmt: off
_EDITORIAL = frozenset({
    "correction", "corrections", "update", "updated", "note", "editor", "related", "watch",
    "photo", "photos", "video", "source", "sources", "read", "see", "more", "also",
    "clarification", "disclosure", "advertisement", "listen", "warning", "spoiler", "tags",
    "topics", "share", "subscribe", "follow", "contact", "credit", "caption", "image",
    "graphic", "map", "chart", "table", "transcript", "background", "analysis", "opinion",
    "breaking", "exclusive", "live", "latest", "previously", "earlier", "meanwhile", "today",
    "yesterday", "tomorrow", "result", "results", "question", "answer", "bottom", "line",
    "why", "what", "how", "who", "when", "where", "here", "this", "that", "these", "those",
    "example", "summary", "key", "lesson", "quote", "quotes", "fact", "facts", "score",
    "via", "from", "by", "and", "or", "but", "in", "on", "at", "for", "with", "published",
    "posted", "filed", "modified", "created", "last", "date", "time", "dateline", "byline",
})
# fmt: on
"""Words that make a label editorial furniture ("UPDATE:", "Editor's note:", "Photo:")
rather than a speaker's name."""


def _label_start(doc: Doc, colon: Token) -> int:
    """The token index where the phrase before ``colon`` begins: after a line break, a
    sentence end or a dash, at most a few words back; -1 when there is no such start."""
    text = doc.text
    i = colon.i
    words = 0
    while i > 0:
        prev = doc[i - 1]
        if "\n" in prev.whitespace_ or prev.is_space or prev.text in _DASHES:
            return i
        if ends_sentence(text, prev.idx + len(prev.text) - 1) and prev.is_punct:
            return i
        if not prev.is_punct:
            words += 1
            if words > _MAX_LABEL_WORDS:
                return -1
        i -= 1
    return 0


def _names_someone(label: list[Token]) -> bool:
    words = [t for t in label if not t.is_punct]
    if not words or not words[0].text[:1].isupper():
        return False
    if any(t.lower_ in _EDITORIAL for t in words):
        return False
    if any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" for t in words[1:]):
        return False
    if len(words) == 1 and words[0].lower_ in _INTERVIEW and words[0].text.isupper():
        return True
    last = words[-1]
    if last.ent_type_ in _NAME_LABELS or last.lower_ in _named_words(last.doc):
        return True  # "Gallagher:" where the article names "Dara Gallagher"
    letters = "".join(t.text for t in words if t.is_alpha)
    if len(letters) > 1 and letters.isupper():
        return True  # a transcript's speaker tag: "KATE BOULDUAN:"
    return last.lemma_.lower() in UNNAMED_SOURCES | ORG_NOUNS and last.pos_ == "NOUN"


def _named_words(doc: Doc) -> frozenset[str]:
    """The capitalised words of the article's person and organisation names."""
    return frozenset(
        t.lower_
        for e in doc.ents
        if e.label_ in ("PERSON", "ORG")
        for t in e
        if t.is_alpha and t.text[:1].isupper() and len(t.text) > 1
    )


def _next_label(doc: Doc, after: int, end: int) -> int | None:
    """Where the next label of the same paragraph begins ("... ISIS." Bush: "...")."""
    for tok in doc:
        if tok.idx < after or tok.idx >= end:
            continue
        if tok.text != ":" or not tok.whitespace_:
            continue
        start = _label_start(doc, tok)
        if start > 0 and doc[start].idx > after and _names_someone(list(doc[start : tok.i])):
            return doc[start].idx
    return None


def find_labelled(doc: Doc, quoted: list[Quoted], taken: list[CharSpan]) -> list[Candidate]:
    """What a labelled speaker said: "Name: words" at a paragraph's or sentence's start.

    Args:
        doc: the parsed article body.
        quoted: its top-level quoted passages.
        taken: content spans already attributed; a colon or a content start inside one
            yields nothing.

    Returns:
        One candidate per label, with the colon as its cue and the label as its source.
    """
    text = doc.text
    out: list[Candidate] = []
    for colon in doc:
        if colon.text != ":" or colon.i + 1 >= len(doc):
            continue
        if not colon.whitespace_ and not doc[colon.i + 1].is_quote:
            continue  # "12:05", "http://"
        pos = colon.idx
        if any(s <= pos < e for s, e in taken) or any(q.contains(pos) for q in quoted):
            continue
        start = _label_start(doc, colon)
        if start < 0 or start >= colon.i:
            continue
        label = list(doc[start : colon.i])
        if not _names_someone(label):
            continue
        content = _content(doc, colon, quoted)
        if content is None or any(s <= content[0] < e for s, e in taken):
            continue  # what a finder attributed inside the content stays its own
        source = trim(text, label[0].idx, label[-1].idx + len(label[-1].text))
        if source is None:
            continue
        whole = any(q.start == content[0] and q.end == content[1] for q in quoted)
        out.append(
            Candidate(
                kind="direct" if whole else "indirect",
                parts=[content],
                cue=(pos, pos + 1),
                source=source,
                cue_token=colon.i,
                region_end=content[1],
                nests=False,
            )
        )
        taken = [*taken, content]
    return out


def _a_date(tokens: list[Token]) -> bool:
    """A time stamp ("THURSDAY, MAY 2, 2013, 1:32 PM"), not words anyone said."""
    words = [t for t in tokens if not t.is_punct]
    dated = [t for t in words if t.ent_type_ in ("DATE", "TIME") or t.like_num]
    return bool(words) and len(dated) * 2 > len(words)


def _content(doc: Doc, colon: Token, quoted: list[Quoted]) -> CharSpan | None:
    text = doc.text
    begin = colon.idx + 1
    while begin < len(text) and text[begin] in " \t\xa0":
        begin += 1
    first = next((q for q in quoted if q.start == begin), None)
    if first is not None:
        return (first.start, first.end)
    end = text.find("\n", begin)
    end = len(text) if end == -1 else end
    nxt = _next_label(doc, begin, end)
    if nxt is not None:
        end = nxt
    span = trim(text, *trim_final_stop(text, (begin, end)))
    if span is None or len(text[span[0] : span[1]].split()) < _MIN_CONTENT_WORDS:
        return None
    words = doc.char_span(span[0], span[1], alignment_mode="expand")
    if words is None or _a_date(list(words)):
        return None
    if any(q.start < span[1] < q.end for q in quoted):
        return None
    return span
