"""Claim units: one proposition per unit, cut from the article's sentences.

A sentence that carries several facts gives several units: coordinated clauses
("toured the spaceport and then began talks"), subordinate clauses with their own
subject ("..., especially after Pyongyang failed in two attempts"), and the
complement of a participle ("..., showing that North Korea is prioritizing ...").
An attribution's wrapper ("According to TASS, ...", "Kim stressed that ...") is
not part of the unit's text: the unit takes the attribution's chain and speaker
instead. When what is attributed is a bare noun phrase ("Kim expressed support
for ..."), the reporting clause *is* the proposition and stays whole.

DOCS: docs/stages/claims.md
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from storyweave._types import ArticleId
from storyweave.model import AnnotatedArticle, Attribution, AttributionKind, Span
from storyweave.nlp import languages
from storyweave.quotes import states

from .lexicon import MODALITY, PERCEPTION

UNITS_VERSION = "3"
"""Raise when :func:`claim_units` cuts differently: units stored by another version are cut
again (the ``claim_units`` stage re-runs, and a report cuts them from the parse meanwhile)."""

_CLAUSAL_POS = frozenset({"VERB", "AUX"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_EDGE_DEPS = frozenset({"mark", "cc", "punct", "prep"})
_FOCUS_ADVERBS = frozenset({"especially", "particularly", "notably", "mainly", "just", "only"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
MIN_CONTENT_WORDS = 2
_STAMP_WORDS = frozenset({"published", "updated", "posted", "modified", "filed", "created"})
"""Words of a page's date stamp ("Updated: ..."), which states nothing about the story."""


@dataclass(frozen=True, slots=True)
class Unit:
    """One proposition in one article.

    ``span`` covers the unit's words in ``article.text`` (a clause split out of the
    middle leaves a hole the span still covers); ``text`` is the proposition with the
    holes closed and a shared subject restored ("The two heads of state began talks").
    """

    article: ArticleId
    sentence: int
    span: Span
    text: str
    tokens: tuple[int, ...]
    head: int
    subject: tuple[int, ...] = ()
    chain: tuple[str, ...] = ()
    speaker: str | None = None
    kind: AttributionKind | None = None
    cue: str | None = None
    """The lemma of the attribution's cue ("deny", "say", "expect"), when the unit is one."""
    speaker_type: str | None = None
    """The quotes stage's class of the speaker: "person", "org", "role", "unnamed", ..."""


@dataclass(frozen=True, slots=True)
class _Region:
    tokens: frozenset[int]
    attribution: Attribution | None
    spoken: bool = True
    """False for the writer's own words that follow a statement ("..., showing that ..."): they
    keep the statement's chain but are not its speaker's."""


def claim_units(item: AnnotatedArticle, doc: Any) -> list[Unit]:
    """The claim units of one article, in text order.

    Args:
        item: the article with its ``sentences`` and ``attributions`` layers.
        doc: the spaCy parse of ``item.article.body``.
    """
    if not languages.analysed(item.article_language):
        return []  # cut by English grammar: another language's sentences are not read yet
    body_end = len(item.article.body)
    own = item.article.own_start  # a dateline or byline before it is no claim
    out: list[Unit] = []
    for sent in item.sentences:
        start, end = max(sent.span.start, own), min(sent.span.end, body_end)
        if start >= end:
            continue
        sspan = doc.char_span(start, end, alignment_mode="expand")
        if sspan is None or not len(sspan):
            continue
        for region in _regions(item, doc, sspan):
            out += _units_of_region(item, doc, sent.index, region)
    return out


def _is_statement(doc: Any, a: Attribution) -> bool:
    """Whether ``a`` reports what someone stated (its ``statement`` flag; for attributions
    stored before the flag, read off the cue by the quotes stage's own test): the content of an
    act ("Kozlov welcomed Kim") or of a thing ("the trip, showing that ...") is the article's
    own report."""
    if a.statement is not None:
        return a.statement
    cue = (a.cue.start, a.cue.end) if a.cue is not None else None
    return states(doc, a.kind, cue, a.source_type)


def _tokens_in(sspan: Any, span: Span | None) -> set[int]:
    if span is None:
        return set()
    return {t.i for t in sspan if t.idx >= span.start and t.idx + len(t) <= span.end}


def _regions(item: AnnotatedArticle, doc: Any, sspan: Any) -> list[_Region]:
    """Parts of the sentence that state something, each with its attribution (if any)."""
    lo, hi = sspan.start_char, sspan.end_char
    overlapping = [a for a in item.attributions if a.content.start < hi and a.content.end > lo]
    atts = [a for a in overlapping if _is_statement(doc, a)]
    sentence = {t.i for t in sspan}
    if not atts:
        return [_Region(frozenset(sentence), None)]
    wrapper: set[int] = set()
    for a in atts:
        wrapper |= _tokens_in(sspan, a.cue) | _tokens_in(sspan, a.source)
    taken: set[int] = set()
    regions: list[_Region] = []
    # the innermost content first: a token belongs to the smallest content holding it
    for a in sorted(atts, key=_content_length):
        content = _tokens_in(sspan, a.content) - taken - wrapper
        if not content:
            continue
        if _is_clausal(doc, content):
            tokens = content
        else:
            tokens = _reporting_clause(doc, a, sspan, content) - taken
        taken |= tokens
        regions.append(_Region(frozenset(tokens), a))
    # the content of an act or a thing that follows a statement in the sentence ("Kim stressed
    # that ..., showing that ...") continues that statement
    for extra in overlapping:
        if extra in atts or not regions:
            continue
        before = [r for r in regions if r.attribution is not None
                  and r.attribution.content.end <= extra.content.start]  # fmt: skip
        tokens = _clause_body(doc, _tokens_in(sspan, extra.content) - taken - wrapper)
        if before and tokens and _is_clausal(doc, tokens):
            taken |= tokens
            regions.append(_Region(frozenset(tokens), before[-1].attribution, spoken=False))
    regions = _with_dependents(doc, regions, sentence - taken - wrapper)
    regions.sort(key=_region_start)
    return regions


def _with_dependents(doc: Any, regions: list[_Region], left: set[int]) -> list[_Region]:
    """Give each region the words outside every content that hang from it: a content the
    quotes stage ended early ("A crane collapsed on Monday[, injuring 12 dock workers], the port
    authority said") keeps its participle."""
    out = []
    for r in regions:
        extra = {i for i in left if _hangs_from(doc[i], r.tokens, left)}
        left -= extra
        out.append(_Region(r.tokens | extra, r.attribution, r.spoken) if extra else r)
    return out


def _hangs_from(tok: Any, tokens: frozenset[int], left: set[int]) -> bool:
    cur = tok
    while cur.head.i != cur.i:
        cur = cur.head
        if cur.i in tokens:
            return True
        if cur.i not in left:
            return False
    return False


def _clause_body(doc: Any, tokens: set[int]) -> set[int]:
    """Drop a leading complementiser ("that") from a content clause."""
    if tokens and doc[min(tokens)].dep_ == "mark":
        return tokens - {min(tokens)}
    return tokens


def _content_length(a: Attribution) -> int:
    return a.content.end - a.content.start


def _region_start(r: _Region) -> int:
    return min(r.tokens)


def _is_clausal(doc: Any, tokens: set[int]) -> bool:
    """True when the tokens hold a finite clause: a verb with its own subject."""
    for i in tokens:
        tok = doc[i]
        if tok.pos_ in _CLAUSAL_POS and any(
            c.dep_ in _SUBJECT_DEPS and c.i in tokens for c in tok.children
        ):
            return True
    return False


def _reporting_clause(doc: Any, a: Attribution, sspan: Any, content: set[int]) -> set[int]:
    """For a noun-phrase content, the clause of its reporting verb ("Kim expressed support")."""
    if a.cue is None:
        return content
    cue = _tokens_in(sspan, a.cue)
    if not cue:
        return content
    verb = doc[min(cue)]
    while verb.pos_ not in _CLAUSAL_POS and verb.head.i != verb.i:
        if not sspan.start <= verb.head.i < sspan.end:
            break
        verb = verb.head
    clause = {t.i for t in verb.subtree if sspan.start <= t.i < sspan.end}
    # keep the reporting verb's own clause, not clauses coordinated with it
    for child in verb.children:
        if child.dep_ in {"conj", "cc"}:
            clause -= {t.i for t in child.subtree}
    return clause | content


def _units_of_region(item: AnnotatedArticle, doc: Any, index: int, region: _Region) -> list[Unit]:
    tokens = region.tokens
    heads, dropped = _clause_heads(doc, tokens)
    owned: dict[int, set[int]] = {}
    for h in heads:
        sub = {t.i for t in doc[h].subtree} & tokens
        marks = {t.i for c in doc[h].children if c.dep_ == "mark" for t in c.subtree}
        owned[h] = sub - dropped - marks
    # a head owns its subtree minus the subtrees of the heads nested in it
    for h in heads:
        for other in heads:
            if other != h and other in owned[h]:
                owned[h] -= {t.i for t in doc[other].subtree}
    roots = tokens - set().union(*({t.i for t in doc[h].subtree} for h in heads)) - dropped
    if roots and heads:
        owned[heads[0]] |= roots
    out: list[Unit] = []
    att = region.attribution
    cue = _cue_lemma(doc, att)
    for h in heads:
        own = owned[h]
        if doc[h].dep_ in _RELATIVE_DEPS:
            own = {i for i in own if doc[i].tag_ not in _RELATIVE_TAGS}
        words = _close_holes(doc, _trim(doc, sorted(own)))
        if att is not None and words and MODALITY.get(cue or "") == "denied":
            words = _with_denial(doc, att, words)  # the evidence of a denial is the denial
        if not _has_content(doc, words):
            continue
        subject = _inherited_subject(doc, h, heads, set(words))
        # an inherited subject is part of what the unit rests on ("[The two heads of state]
        # toured the spaceport and then began talks")
        first = min(words[0], *subject) if subject else words[0]
        start, end = doc[first].idx, doc[words[-1]].idx + len(doc[words[-1]])
        out.append(
            Unit(
                article=item.article.id,
                sentence=index,
                span=Span(start, end),
                text=_render(doc, subject, words),
                tokens=tuple(words),
                head=h,
                subject=tuple(subject),
                chain=att.chain if att else (),
                speaker=(att.speaker or att.speaker_name) if att else None,
                kind=att.kind if att else None,
                cue=cue,
                speaker_type=att.source_type if att and region.spoken else None,
            )
        )
    return out


def _with_denial(doc: Any, att: Attribution, words: list[int]) -> list[int]:
    """``words`` with the denial's cue and its "that" ("denied that it had cancelled ..."), when
    the cue comes right before them."""
    if att.cue is None:
        return words
    cue = doc.char_span(att.cue.start, att.cue.end, alignment_mode="expand")
    if cue is None or cue.end > words[0] or words[0] - cue.end > 2:
        return words
    return [*range(cue.start, words[0]), *words]


def _cue_lemma(doc: Any, att: Attribution | None) -> str | None:
    if att is None or att.cue is None:
        return None
    words = doc.char_span(att.cue.start, att.cue.end, alignment_mode="expand")
    if words is None or not len(words):
        return None
    verbs = [t for t in words if t.pos_ in _CLAUSAL_POS] or list(words)
    return str(verbs[0].lemma_).casefold()


def _clause_heads(doc: Any, tokens: frozenset[int]) -> tuple[list[int], set[int]]:
    """The heads of the propositions in a region, and wrapper tokens to drop."""
    roots = [i for i in sorted(tokens) if doc[i].head.i not in tokens or doc[i].head.i == i]
    heads: list[int] = []
    dropped: set[int] = set()
    todo = list(roots)
    while todo:
        h = todo.pop(0)
        if h in heads:
            continue
        seen = _perceived(doc[h], tokens)
        if seen is not None:  # "Our reporter saw [farmers burn tyres]": the clause seen
            dropped |= {t.i for t in doc[h].subtree} - {t.i for t in seen.subtree}
            todo.insert(0, seen.i)
            continue
        heads.append(h)
        for tok in doc[h].subtree:
            if tok.i == h or tok.i not in tokens or tok.i in heads:
                continue
            if tok.head.i != h:
                if _is_figure_clause(tok, tokens) and not _under_other_head(tok, h, heads):
                    todo.append(
                        tok.i
                    )  # a figure clause nested deeper ("after a rockfall that ...")
                continue
            if _is_split_point(tok, tokens):
                todo.append(tok.i)
            elif _is_participle_wrapper(tok, tokens):
                comp = _subject_complement(tok, tokens)
                if comp is not None:
                    todo.append(comp.i)
                    dropped |= {t.i for t in tok.subtree} - {t.i for t in comp.subtree}
                elif _has_figure(tok, tokens):
                    todo.append(tok.i)  # "..., killing 12 people": a claim of its own
            elif _is_figure_clause(tok, tokens):
                todo.append(tok.i)
    heads.sort()
    return heads, dropped


def _perceived(head: Any, tokens: frozenset[int]) -> Any | None:
    """The clause a verb of perception takes, with a subject of its own ("saw [farmers burn
    tyres]", "watched [police detain three men]"), when the verb is not negated; else None."""
    if head.pos_ != "VERB" or head.lemma_.lower() not in PERCEPTION:
        return None
    if any(c.dep_ == "neg" for c in head.children):
        return None
    for child in head.children:
        if (
            child.dep_ in {"ccomp", "xcomp"}
            and child.i in tokens
            and any(c.dep_ in {"nsubj", "nsubjpass"} for c in child.children)
        ):
            return child
    return None


def _under_other_head(tok: Any, h: int, heads: Sequence[int]) -> bool:
    """Whether a head other than ``h`` sits between ``tok`` and ``h``."""
    cur = tok.head
    while cur.i != h and cur.head.i != cur.i:
        if cur.i in heads:
            return True
        cur = cur.head
    return False


def _is_split_point(tok: Any, tokens: frozenset[int]) -> bool:
    if tok.pos_ not in _CLAUSAL_POS:
        return False
    if tok.dep_ == "conj" and tok.head.pos_ in _CLAUSAL_POS:
        return True
    return tok.dep_ == "advcl" and _has_subject(tok, tokens)


def _has_subject(tok: Any, tokens: Iterable[int]) -> bool:
    inside = set(tokens)
    return any(c.dep_ in _SUBJECT_DEPS and c.i in inside for c in tok.children)


def _is_participle_wrapper(tok: Any, tokens: frozenset[int]) -> bool:
    """ "..., showing that X is Y": an adverbial participle with no subject of its own."""
    return tok.dep_ == "advcl" and tok.tag_ == "VBG" and not _has_subject(tok, tokens)


def _has_figure(tok: Any, tokens: frozenset[int]) -> bool:
    """Whether a clause states a figure of its own (a number outside any date or clause
    nested in it)."""
    return any(
        t.i in tokens and (t.pos_ == "NUM" or t.like_num) and t.ent_type_ not in _TIME_ENTS
        for t in tok.subtree
    )


_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
_TIME_ENTS = frozenset({"DATE", "TIME", "ORDINAL"})
_RELATIVE_DEPS = frozenset({"relcl", "acl"})


def _is_figure_clause(tok: Any, tokens: frozenset[int]) -> bool:
    """A relative or participial clause that states a figure ("a rockfall that injured three
    workers", "the blast, which killed 12", "..., injuring 12 dock workers"): the figure is a
    claim too."""
    if tok.pos_ not in _CLAUSAL_POS or not _has_figure(tok, tokens):
        return False
    return tok.dep_ in _RELATIVE_DEPS or _is_participle_wrapper(tok, tokens)


def _subject_complement(tok: Any, tokens: frozenset[int]) -> Any | None:
    for child in tok.children:
        if (
            child.dep_ == "ccomp"
            and child.i in tokens
            and _has_subject(child, tokens)
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
        ):
            return child
    return None


def _close_holes(doc: Any, words: list[int]) -> list[int]:
    """Drop the commas around a clause cut out of the unit ("The company[, which employs 300
    people,] closed ...")."""

    def borders_hole(n: int) -> bool:
        i = words[n]
        return (n > 0 and words[n - 1] != i - 1) or (n + 1 < len(words) and words[n + 1] != i + 1)

    return [i for n, i in enumerate(words) if not (doc[i].text == "," and borders_hole(n))]


def _trim(doc: Any, words: list[int]) -> list[int]:
    """Drop marks, conjunctions and punctuation at the unit's edges."""
    while words and (
        doc[words[0]].dep_ in _EDGE_DEPS
        or doc[words[0]].is_punct
        or doc[words[0]].lower_ in _FOCUS_ADVERBS
    ):
        if doc[words[0]].dep_ == "prep" and doc[words[0]].head.i in words:
            break
        words = words[1:]
    while words and (
        doc[words[-1]].is_punct
        or doc[words[-1]].dep_ in {"cc", "mark"}
        or (doc[words[-1]].pos_ == "DET" and doc[words[-1]].head.i not in words)
    ):
        if doc[words[-1]].text in _CLOSING_MARKS and _open_quotes(doc, words[:-1]):
            break  # keep the mark that closes a quote opened in the unit
        words = words[:-1]
    return words


_OPENING_MARKS = frozenset({"“", "``", "«", "„"})
_CLOSING_MARKS = frozenset({"”", "''", "»"})


def _open_quotes(doc: Any, words: Sequence[int]) -> bool:
    """Whether ``words`` open more quotations than they close."""
    opened = sum(doc[i].text in _OPENING_MARKS for i in words)
    return opened > sum(doc[i].text in _CLOSING_MARKS for i in words)


def _has_content(doc: Any, words: Sequence[int]) -> bool:
    """Whether the words state something: enough content words, one of them a verb (a
    dateline, a byline or a bare name is not a claim)."""
    if len(words) > 1 and doc[words[1]].text == ":" and doc[words[0]].lower_ in _STAMP_WORDS:
        return False  # "PUBLISHED: THURSDAY, MAY 2, 2013"
    content = [i for i in words if doc[i].pos_ in _CONTENT_POS and not doc[i].is_stop]
    verb = any(doc[i].pos_ in _CLAUSAL_POS for i in words)
    return len(content) >= MIN_CONTENT_WORDS and verb


def _inherited_subject(doc: Any, h: int, heads: list[int], words: set[int]) -> list[int]:
    """The subject a coordinated verb shares with the verb it is coordinated with, or the noun
    a relative clause describes ("[a rockfall] that injured three workers")."""
    tok = doc[h]
    if tok.dep_ in _RELATIVE_DEPS and tok.head.pos_ in {"NOUN", "PROPN"}:
        noun = tok.head
        near = [c.i for c in noun.children if c.i < noun.i and c.dep_ in _NOUN_MODIFIERS]
        return sorted([*near, noun.i])
    if _has_subject(tok, words) or tok.dep_ != "conj":
        return []
    cur = tok
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
        for child in cur.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return sorted(t.i for t in child.subtree)
    return []


_NOUN_MODIFIERS = frozenset({"det", "compound", "amod", "nummod", "poss"})


def _render(doc: Any, subject: Sequence[int], words: Sequence[int]) -> str:
    parts: list[str] = []
    order = [*subject, *words]
    for n, i in enumerate(order):
        tok = doc[i]
        gap = n + 1 < len(order) and order[n + 1] != i + 1
        if gap and n + 1 < len(order) and doc[order[n + 1]].is_punct:
            parts.append(tok.text)
        else:
            parts.append(tok.text_with_ws if not gap else tok.text + " ")
    text = " ".join("".join(parts).split())
    return text[:1].upper() + text[1:] if text else text
