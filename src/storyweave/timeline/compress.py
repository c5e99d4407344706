"""Extractive compression: the clause of a sentence that a time expression dates.

"The first attempt in May resulted in the satellite crashing into the sea, while the
second attempt last month failed" gives, for "May", *The first attempt resulted in the
satellite crashing into the sea* and, for "last month", *The second attempt failed*.
Every word of the result is a token of the sentence, in the sentence's order; only
whole tokens are dropped (the date phrase itself, clauses dated by another expression,
a conjunction or comma left dangling, a short opener such as "Undeterred,"), the first
letter may be capitalised and a final full stop added.

DOCS: docs/stages/brief.md (Timeline)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from .predicates import text_head

CLAUSE_DEPS: Final = frozenset({"conj", "advcl", "relcl", "parataxis", "acl"})
"""Clause heads that may hold a different event: dropped when another date governs them."""
OPENER_DEPS: Final = frozenset({"advmod", "advcl", "prep", "npadvmod", "intj", "acomp"})
MODIFIER_DEPS: Final = frozenset({"npadvmod", "advmod", "tmod", "obl", "nmod"})
SUBJECT_DEPS: Final = frozenset({"nsubj", "nsubjpass"})
EDGE_DEPS: Final = frozenset({"cc", "punct", "mark"})
METADATA: Final = re.compile(
    r"\s*(published|updated|last updated|posted|modified|first published)\b", re.IGNORECASE
)
"""A byline or dateline ("PUBLISHED: 1:32 PM, 2 May 2013") dates the article, not an event."""
OPENER_MAX_TOKENS: Final = 6
"""A sentence opener longer than this ("According to the agency's report,") is kept."""


@dataclass(frozen=True, slots=True)
class Compressed:
    """The compressed text and the sentence-relative range ``[start, end)`` it draws from."""

    text: str
    start: int
    end: int
    tokens: tuple[int, ...]


def _subtree(tok: Any) -> set[int]:
    return {t.i for t in tok.subtree}


def _tokens_in(doc: Any, start: int, end: int) -> list[Any]:
    return [t for t in doc if t.idx < end and t.idx + len(t.text) > start]


def _phrase_root(toks: Sequence[Any]) -> Any:
    ids = {t.i for t in toks}
    for t in toks:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return toks[0]


def _governing_verb(tok: Any) -> Any | None:
    cur = tok
    while cur.head.i != cur.i:
        cur = cur.head
        if cur.pos_ in {"VERB", "AUX"}:
            return text_head(cur)
    return cur if cur.i != tok.i else None


def _date_phrase(root: Any, timex: set[int], dates: set[int] | None = None) -> set[int]:
    """The tokens to drop for the date itself: the expression and its own preposition, or a
    whole range of dates ("from September 2010 to January 2011"; ``dates`` are all the
    sentence's date tokens)."""
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "prep":
        phrase = _subtree(head)
        glue = {t.i for t in head.subtree if t.pos_ in {"ADP", "CCONJ", "PUNCT", "PART"}}
        if phrase <= timex | (dates or set()) | glue:
            return phrase
    if root.dep_ in MODIFIER_DEPS or root.dep_ == "ROOT" or root.dep_.endswith("mod"):
        return set(timex)
    return set()


def _drop_dated_clauses(
    verb: Any, keep: set[int], path: set[int], others: set[int], apart: bool = False
) -> None:
    """Leave out the clauses that another date governs (and, ``apart``, the verb's other
    conjuncts: events of their own), with the conjunction or comma that introduced them."""
    for tok in list(verb.subtree):
        if tok.i not in keep or tok.i in path or tok.dep_ not in CLAUSE_DEPS:
            continue
        sub = _subtree(tok)
        own = apart and tok.dep_ == "conj" and tok.head.i == verb.i and tok.pos_ == "VERB"
        if sub & others or own:
            keep -= sub
            # the conjunction or comma that introduced the dropped clause
            j = min(sub) - 1
            paired = j >= 0 and tok.doc[j].text in {",", "-", "–", "—"}
            while j >= 0 and tok.doc[j].dep_ in {"cc", "punct"} and tok.doc[j].text != "“":
                keep.discard(j)
                j -= 1
            after = max(sub) + 1
            if paired and after < len(tok.doc) and tok.doc[after].text in {",", "-", "–", "—"}:
                keep.discard(after)  # the comma or dash that closed it


def _borrowed_subject(verb: Any) -> list[int]:
    """The subject a clause lacks: a relative pronoun's antecedent, or a first conjunct's."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if verb.dep_ == "relcl" and (not subjects or subjects[0].tag_ in {"WP", "WDT"}):
        ante = verb.head
        return [t.i for t in ante.doc[ante.left_edge.i : ante.i + 1]]
    if verb.dep_ == "conj" and not subjects:
        head = verb.head
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        for c in head.children:
            if c.dep_ in SUBJECT_DEPS:
                return [t.i for t in c.doc[c.left_edge.i : c.i + 1]]
    return []


def _drop_opener(doc: Any, verb: Any, order: list[int]) -> list[int]:
    """Drop a short sentence opener without a name ("Undeterred,", "In a development,")."""
    commas = [k for k, i in enumerate(order[: OPENER_MAX_TOKENS + 1]) if doc[i].text == ","]
    if not commas:
        return order
    cut = commas[0]
    lead = [doc[i] for i in order[:cut]]
    if not lead or any(t.pos_ in {"PROPN", "VERB"} for t in lead):
        return order
    if not all(_opener_child(t, verb) for t in lead):
        return order
    return order[cut + 1 :]


def _drop_subordinator(doc: Any, verb: Any, order: list[int]) -> list[int]:
    """An adverbial clause given as an event of its own loses its "when" ("Just when the
    market turned" gives "The market turned")."""
    if verb.dep_ != "advcl":
        return order
    for k, i in enumerate(order[:2]):
        tok = doc[i]
        if tok.head.i == verb.i and tok.tag_ == "WRB":
            return order[k + 1 :]
    return order


def _opener_child(tok: Any, verb: Any) -> bool:
    cur = tok
    while cur.head.i != cur.i and cur.head.i != verb.i:
        cur = cur.head
    return bool(cur.head.i == verb.i and cur.dep_ in OPENER_DEPS)


def _trim(doc: Any, order: list[int]) -> list[int]:
    while order and (doc[order[0]].dep_ in EDGE_DEPS or doc[order[0]].is_punct):
        if doc[order[0]].text in {"“", '"'}:
            break
        order = order[1:]
    while order and (doc[order[-1]].dep_ in {"cc", "mark", "prep"} or doc[order[-1]].is_punct):
        if doc[order[-1]].text in {"”", '"'}:
            break
        order = order[:-1]
    return order


def render(doc: Any, order: Iterable[int], names: dict[int, str] | None = None) -> str:
    """Join kept tokens: their own spacing inside a run, one space across a gap; a token in
    ``names`` is written as its name there."""
    out: list[str] = []
    prev = -2
    for i in order:
        tok = doc[i]
        if prev >= 0:
            gap = "" if tok.text in {".", ",", ";", ":", "?", "!", "”"} else " "
            out.append(doc[prev].whitespace_ if i == prev + 1 else gap)
        out.append((names or {}).get(i, tok.text))
        prev = i
    text = "".join(out).replace(" ,", ",").replace(",,", ",").strip()
    while text.endswith((",", ";", ":", "-", "–", "—")):
        text = text[:-1].rstrip()
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    if text and not text.endswith((".", "!", "?", "”", '"')):
        text += "."
    return text


def range_end(doc: Any, timex: tuple[int, int], others: Sequence[tuple[int, int]]) -> bool:
    """The expression ends a range whose start is another date ("from May to July": July)."""
    toks = _tokens_in(doc, *timex)
    if not toks:
        return False
    head = _phrase_root(toks).head
    if head.dep_ != "prep" or head.lower_ not in {"to", "until", "till", "through", "and"}:
        return False
    starts = {t.i for span in others for t in _tokens_in(doc, *span)}
    return head.head.i in starts or head.head.lower_ in {"from", "between"}


def compress_dated(
    doc: Any, timex: tuple[int, int], others: Sequence[tuple[int, int]] = ()
) -> Compressed | None:
    """The clause of sentence ``doc`` that the expression at ``timex`` (character offsets
    relative to the sentence) dates, without the date phrase; None when no verb governs it.

    ``others`` are the sentence's other dated expressions: clauses they govern are left out.
    """
    toks = _tokens_in(doc, *timex)
    if not toks or METADATA.match(doc.text) or range_end(doc, timex, others):
        return None
    root = _phrase_root(toks)
    verb = _governing_verb(root)
    if verb is None:
        return None
    timex_ids = {t.i for t in toks}
    path = {root.i}
    cur = root
    while cur.i != verb.i and cur.head.i != cur.i:
        cur = cur.head
        path.add(cur.i)
    drop = _date_phrase(root, timex_ids, _other_ids(doc, others) - timex_ids)
    return compress_clause(doc, verb, drop=drop, others=others, path=path)


def _other_ids(doc: Any, others: Sequence[tuple[int, int]]) -> set[int]:
    """Each other date phrase's tokens, with its own preposition."""
    out: set[int] = set()
    for span in others:
        other = _tokens_in(doc, *span)
        if other:
            ids = {t.i for t in other}
            out |= ids | _date_phrase(_phrase_root(other), ids)
    return out


def compress_clause(
    doc: Any,
    verb: Any,
    *,
    drop: Iterable[int] = (),
    others: Sequence[tuple[int, int]] = (),
    path: Iterable[int] = (),
    names: dict[int, str] | None = None,
    apart: bool = False,
) -> Compressed | None:
    """The clause headed by ``verb``: its subtree less the tokens in ``drop`` (its own date
    phrase), the date phrases at ``others`` and the clauses they govern (except those on
    ``path``), a short opener; a missing subject borrowed (a relative pronoun's antecedent, a
    first conjunct's subject); ``names`` replace tokens (a pronoun by its entity's name);
    ``apart`` leaves out the verb's other conjuncts too."""
    dropped = set(drop)
    other_ids = _other_ids(doc, others) - dropped - set(path)
    keep = _subtree(verb)
    _drop_dated_clauses(verb, keep, set(path) | {verb.i}, other_ids, apart)
    keep -= dropped
    keep -= other_ids
    subject = [i for i in _borrowed_subject(verb) if i not in keep]
    if subject:  # "who" gives way to its antecedent
        keep -= {c.i for c in verb.children if c.tag_ in {"WP", "WDT"}}
    order = _trim(doc, sorted(keep))
    if order:
        order = _trim(doc, _drop_opener(doc, verb, order))
    order = _drop_subordinator(doc, verb, order)
    if subject and order:
        order = _trim(doc, subject) + order
    content = [i for i in order if doc[i].is_alpha]
    if len(content) < 3 or not any(doc[i].pos_ in {"VERB", "AUX"} for i in order):
        return None
    text = render(doc, order, names or {})
    first, last = doc[order[0]], doc[order[-1]]
    return Compressed(
        text=text, start=first.idx, end=last.idx + len(last.text), tokens=tuple(order)
    )


def compress_sentence(doc: Any) -> Compressed | None:
    """The whole sentence less a short opener without a name ("In a significant development,")
    and dangling punctuation; None when nothing with a verb is left."""
    roots = [t for t in doc if t.head.i == t.i]
    if not roots:
        return None
    order = _trim(doc, [t.i for t in doc])
    if order:
        order = _trim(doc, _drop_opener(doc, roots[0], order))
    if not order or not any(doc[i].pos_ in {"VERB", "AUX"} for i in order):
        return None
    first, last = doc[order[0]], doc[order[-1]]
    return Compressed(
        text=render(doc, order), start=first.idx, end=last.idx + len(last.text), tokens=tuple(order)
    )


def date_phrase_ids(
    doc: Any, timex: tuple[int, int], others: Sequence[tuple[int, int]]
) -> set[int]:
    """The tokens of the expression at ``timex`` to leave out of a clause: the expression and
    its own preposition (a whole range of dates when ``others`` make one)."""
    toks = _tokens_in(doc, *timex)
    if not toks:
        return set()
    ids = {t.i for t in toks}
    return _date_phrase(_phrase_root(toks), ids, _other_ids(doc, others) - ids)


def phrase_root(doc: Any, span: tuple[int, int]) -> Any | None:
    """The syntactic root of the tokens at character range ``span``, or None."""
    toks = _tokens_in(doc, *span)
    return _phrase_root(toks) if toks else None


def borrowed_subject(verb: Any) -> list[int]:
    """The subject tokens a clause borrows (see :func:`compress_clause`)."""
    return _borrowed_subject(verb)
