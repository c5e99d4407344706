"""Indirect speech: a reporting verb or noun with its content clause, and "according to".

* verb + clause: "Analysts say the meeting is symbolic", "he stressed that ...";
  inverted: "The economy is strong, he said" (the verb hangs off the clause);
* noun + that-clause: "his claim that ...", "the ministry's statement that ...";
* "according to X": the rest of the clause is the content, X the source; when the
  clause is itself reported speech ("According to RIA Novosti, the Kremlin leader
  said ..."), X becomes the outer link of that attribution's chain instead
  (see :mod:`storyweave.quotes.chains`).

Content spans follow PolNeAR's convention: the complementiser ("that") is part
of the content, the sentence's final full stop is not, and a quotation that
starts inside the content is kept whole with its closing mark.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cues import DOCUMENT_NOUNS, INTENT_VERBS, NOUN_CUES, STANCE_VERBS
from .frames import FRAMES, PREP_FRAMES, frame_content, object_span
from .marks import Quoted
from .syntax import (
    Candidate,
    CharSpan,
    cue_span,
    is_cue_verb,
    quoted_as_saying,
    source_span,
    subject_of,
    subtree_span,
    trim,
    trim_final_stop,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


__all__ = ["according_phrase", "extend_over_quotes", "find_according", "find_indirect"]

_MIN_CONTENT_CHARS = 8
_OTHER_CUES = INTENT_VERBS | STANCE_VERBS
_CLAUSE_DEPS = frozenset({"ccomp"})
_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
_FRONTED_DEPS = frozenset({"advcl", "ccomp", "dep", "parataxis", "conj"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD", "VBN"})
_ADJUNCT_PUNCT = frozenset({",", "—", "–", "-", "--"})
_NOT_ADJUNCTS = frozenset({"including", "according", "excluding", "following"})
_ADJUNCT_WORDS = frozenset({"while", "despite", "though", "although", "whereas"})
_MISHUNG_DEPS = frozenset({"relcl", "acl", "appos", "conj", "advcl", "ccomp"})
"""Where a parser hangs a sentence-final reporting clause on the noun before it."""
_TRAILING_DEPS = frozenset({"prep", "npadvmod", "advmod", "punct", "agent"})
_PUBLISHING_PREPS = frozenset({"by", "from"})
_NOT_ISSUERS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"})


def extend_over_quotes(span: CharSpan, quoted: list[Quoted]) -> CharSpan:
    """Grow ``span`` so that no quotation is cut in two: a quote that starts
    inside the content is kept up to its closing mark, and one that ends inside
    it from its opening mark."""
    start, end = span
    for q in quoted:
        if start <= q.start < end < q.end:
            end = q.end
        elif q.start < start < q.end <= end:
            start = q.start
    return (start, end)


def _content(doc: Doc, span: CharSpan | None, quoted: list[Quoted]) -> CharSpan | None:
    if span is None:
        return None
    span = extend_over_quotes(span, quoted)
    text = doc.text
    cut = text.find("\n", span[0], span[1])
    if cut != -1 and text[span[0] : cut].strip():
        span = (span[0], cut)  # reported speech stays in its paragraph
    trimmed = trim(text, *trim_final_stop(text, span))
    if trimmed is None or trimmed[1] - trimmed[0] < _MIN_CONTENT_CHARS:
        return None
    return trimmed


def _kind(span: CharSpan, quoted: list[Quoted]) -> str:
    for q in quoted:
        if q.start <= span[0] and span[1] <= q.end and span[1] - span[0] >= q.end - q.start - 2:
            return "direct"
    return "indirect"


def _speaker(verb: Token) -> CharSpan | None:
    if verb.tag_ == "VBN":  # "Asked by reporters ...": the agent is the source
        for child in verb.children:
            if child.dep_ == "agent":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return source_span(obj)
    subj = subject_of(verb)
    if subj is None:
        return None
    if subj.tag_ in _RELATIVE_TAGS and subj.head.dep_ == "relcl":
        return source_span(subj.head.head)  # "Smith, who said ...": Smith
    return source_span(subj)


def _adjunct_start(clause: Token) -> int | None:
    """Where a trailing adjunct of the reporting sentence begins inside ``clause``'s
    subtree: after a comma or dash, a gerund or a concessive/temporal word
    ("..., adding that ...", "..., while 22 percent ...", "- despite ...")."""
    doc = clause.doc
    for tok in doc[clause.i + 1 : clause.right_edge.i + 1]:
        before = doc[tok.i - 1]
        cut = before.idx
        if before.is_quote and doc[tok.i - 2].text == ",":
            cut = before.idx + len(before.text)  # “... about right,” though ...
            before = doc[tok.i - 2]
        if before.text not in _ADJUNCT_PUNCT:
            continue
        if (tok.tag_ == "VBG" and tok.lower_ not in _NOT_ADJUNCTS) or tok.lower_ in _ADJUNCT_WORDS:
            return cut
    return None


def _clause_span(clause: Token) -> CharSpan | None:
    span = subtree_span(clause)
    cut = _adjunct_start(clause)
    if span is None or cut is None or cut <= span[0]:
        return span
    return trim(clause.doc.text, span[0], cut)


def _verb_content(verb: Token) -> CharSpan | None:
    for child in verb.children:
        if child.dep_ in _CLAUSE_DEPS:
            return _clause_span(child)
    if verb.lemma_.lower() in INTENT_VERBS:
        for child in verb.children:
            if child.dep_ == "xcomp" and child.left_edge.lower_ == "to":
                return subtree_span(child)
            if child.dep_ == "prep" and child.lower_ == "for" and verb.lemma_ == "call":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                return subtree_span(objs[0]) if objs else None
    if verb.lemma_.lower() in STANCE_VERBS:
        for child in verb.children:
            if child.dep_ == "dobj" and child.right_edge.i > child.i:
                return object_span(verb)
    if (aside := _as_aside(verb)) is not None:
        return aside
    if verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
        head = verb.head  # "The economy is strong, he said, ...": the clause around the verb
        return subtree_span(head, within=(head.left_edge.idx, verb.left_edge.idx))
    return None


def _as_aside(verb: Token) -> CharSpan | None:
    """ "As the Daily Caller reported, [the actor gave $5,000]" and "[The union is a regional
    force], as the governor suggested": the clause an "as" aside of a reporting verb hangs
    on, without the aside."""
    if verb.dep_ != "advcl" or not is_cue_verb(verb):
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.lefts):
        return None
    head = verb.head
    if head.pos_ not in ("VERB", "AUX"):
        return None
    doc = verb.doc
    first, last = verb.left_edge.i, verb.right_edge.i
    if first > head.i:
        return subtree_span(head, within=(doc[head.left_edge.i].idx, doc[first].idx))
    end = doc[head.right_edge.i]
    return trim(doc.text, doc[last].idx + len(doc[last].text), end.idx + len(end.text))


def _fronted_clause(verb: Token) -> CharSpan | None:
    """ "[The girl was pepper-sprayed], police said.": a clause before the comma that
    precedes the cue's subject, when the parser hung it on the verb as an adjunct."""
    subj = subject_of(verb)
    if subj is None or not subj.i < verb.i or subj.left_edge.i < verb.sent.start + 2:
        return None
    comma = verb.doc[subj.left_edge.i - 1]
    if comma.text not in (",", "—", "–"):
        return None
    clauses = [t for t in verb.lefts if t.dep_ in _FRONTED_DEPS and _finite_clause(t)]
    if not clauses:
        return None
    start = min(c.left_edge.i for c in clauses)
    return trim(verb.doc.text, verb.doc[start].idx, comma.idx)


def _trailing_clause(verb: Token) -> CharSpan | None:
    """ "[Nowak won a second term, defeating Zielinski], the commission said on Monday.": a
    reporting clause that closes the sentence after a comma, which the parser hung on the noun
    before it (as a relative clause or an apposition): the sentence up to that comma. Only when
    nothing but adjuncts ("on Monday", "late on Sunday") follows the verb."""
    if verb.dep_ not in _MISHUNG_DEPS:
        return None
    subj = subject_of(verb)
    if subj is None or subj.i > verb.i or subj.tag_ in _RELATIVE_TAGS or subj.pos_ == "PRON":
        return None
    doc, sent = verb.doc, verb.sent
    if subj.left_edge.i < sent.start + 2:
        return None
    comma = doc[subj.left_edge.i - 1]
    if comma.text not in (",", "—", "–"):
        return None
    for t in doc[verb.i + 1 : sent.end]:
        if t.head.i == verb.i and t.dep_ not in _TRAILING_DEPS:
            return None
        if not t.is_punct and verb not in t.ancestors:
            return None
    root = sent.root
    if not (sent.start <= root.i < comma.i) or root.pos_ not in ("VERB", "AUX"):
        return None
    return trim(doc.text, doc[sent.start].idx, comma.idx)


def _finite_clause(head: Token) -> bool:
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children)
    return has_subject and head.tag_ in _FINITE_TAGS


def _rest_of_clause(doc: Doc, verb: Token, first: CharSpan, quoted: list[Quoted]) -> list[CharSpan]:
    """ "Mr. Obama, officials said, has become skeptical": the clause after a
    parenthetical cue is a second piece of the content."""
    head = verb.head
    start = doc[verb.right_edge.i].idx + len(doc[verb.right_edge.i].text)
    end_tok = doc[head.right_edge.i]
    if start <= first[1] or end_tok.i <= verb.right_edge.i:
        return []
    rest = _content(doc, (start, end_tok.idx + len(end_tok.text)), quoted)
    return [rest] if rest is not None else []


def find_indirect(doc: Doc, quoted: list[Quoted], used: set[int]) -> list[Candidate]:
    """Reported speech governed by a reporting verb or noun.

    Args:
        doc: a parsed spaCy Doc.
        quoted: its quoted passages (content spans never cut a quote in two).
        used: token indices of cues already taken by direct quotes.

    Returns:
        One candidate per cue, in text order.
    """
    out: list[Candidate] = []
    for tok in doc:
        if tok.i in used:
            continue
        lemma = tok.lemma_.lower()
        parts: list[CharSpan] = []
        relayed = quoted_as_saying(tok)
        if relayed is not None:  # the words are the quoted one's: chains.find_citing
            content = _content(doc, _verb_content(relayed[1]), quoted)  # makes them the source
            source = _speaker(tok)
        elif is_cue_verb(tok) or (tok.pos_ == "VERB" and lemma in _OTHER_CUES):
            content = _content(doc, _verb_content(tok), quoted)
            if content is None and is_cue_verb(tok):
                content = _content(doc, _fronted_clause(tok), quoted)
            if content is None and is_cue_verb(tok):
                content = _content(doc, _trailing_clause(tok), quoted)
            if content is None and tok.pos_ == "VERB":
                content = _content(doc, frame_content(tok), quoted)
            elif content is not None and tok.dep_ == "parataxis":
                parts = _rest_of_clause(doc, tok, content, quoted)
            source = _speaker(tok)
        elif tok.pos_ == "VERB" and (lemma in FRAMES or lemma in PREP_FRAMES):
            content = _content(doc, frame_content(tok), quoted)
            source = _speaker(tok)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in NOUN_CUES:
            content, source = _noun_content(doc, tok, quoted)
        else:
            continue
        if content is None or _holds_noun_cue(doc, content, used):
            continue
        content = _cut_coordinated(doc, tok, content, quoted)
        out.append(
            Candidate(
                kind=_kind(content, quoted),
                parts=[content, *parts],
                cue=cue_span(tok),
                source=source,
                cue_token=tok.i,
            )
        )
    return out


def _holds_noun_cue(doc: Doc, content: CharSpan, used: set[int]) -> bool:
    """Whether ``content`` holds the noun that cues a direct quote: in "The board issued the
    following statement: “...”" the statement's words are the attribution, not "issued"'s
    object."""
    return any(doc[u].pos_ == "NOUN" and content[0] <= doc[u].idx < content[1] for u in used)


def _second_predicate(cue: Token, tok: Token) -> bool:
    """ "Rajoy said A and insisted B": ``tok`` is the speaker's next act, not content."""
    if tok.dep_ != "conj" or tok.pos_ != "VERB" or tok.i <= cue.i:
        return False
    if tok.head.dep_ == "relcl":  # "Shoigu - who visited ... and proposed ..." is one clause
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return False
    lemma = tok.lemma_.lower()
    if not (is_cue_verb(tok, quote=True) or lemma in _OTHER_CUES or lemma in FRAMES):
        return False
    tense = {tok.tag_} | {c.tag_ for c in tok.children if c.dep_ == "aux"}
    cue_tense = {cue.tag_} | {c.tag_ for c in cue.children if c.dep_ == "aux"}
    return bool(cue_tense & tense) or tok.tag_ == "VBG"


def _cut_coordinated(doc: Doc, cue: Token, span: CharSpan, quoted: list[Quoted]) -> CharSpan:
    """End the content before a second predicate of the speaker ("... and insisted that",
    ", but conceded", "- and he makes sure") that the parser hung inside it, or before
    a closing ", which ..." aside."""
    first = doc.char_span(span[0], span[1], alignment_mode="expand")
    if first is None:
        return span
    for tok in first[1:]:
        prev = doc[tok.i - 1]
        dash_cc = prev.text in ("-", "—", "–", "--") and tok.dep_ == "cc"
        # ", which ...": a writer's aside on the last noun, not the speaker's words
        aside = prev.text == "," and (
            (tok.lower_ == "which" and tok.head.dep_ == "relcl") or _closing_appositive(tok, span)
        )
        if not (dash_cc or aside or (tok.dep_ == "cc" and _joins_second_predicate(cue, tok))):
            continue
        cut = prev.idx if dash_cc or prev.text == "," else tok.idx
        if any(q.start < cut < q.end for q in quoted):
            continue
        trimmed = trim(doc.text, span[0], cut)
        if trimmed is not None and trimmed[1] - trimmed[0] >= _MIN_CONTENT_CHARS:
            return trimmed
    return span


def _closing_appositive(tok: Token, span: CharSpan) -> bool:
    """ ", a move that could ...": an indefinite apposition after a comma that runs to the
    content's end is the writer's gloss on the last noun, not the speaker's words."""
    noun = tok.head
    if tok.dep_ != "det" or tok.lower_ not in ("a", "an") or noun.dep_ != "appos":
        return False
    end = noun.right_edge
    return noun.head.i < tok.i and end.idx + len(end.text) >= span[1] - 1


def _joins_second_predicate(cue: Token, cc: Token) -> bool:
    doc = cc.doc
    for tok in doc[cc.i + 1 : min(cc.i + 5, len(doc))]:
        if tok.pos_ == "ADV" or tok.dep_ in ("aux", "neg"):
            continue
        return _second_predicate(cue, tok)
    return False


def _noun_content(
    doc: Doc, noun: Token, quoted: list[Quoted]
) -> tuple[CharSpan | None, CharSpan | None]:
    clause = None
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp") and child.left_edge.lower_ == "that":
            clause = child
    if clause is None:
        return None, None
    source = None
    for child in noun.children:
        if child.dep_ == "poss":
            source = source_span(child)
    return _content(doc, subtree_span(clause), quoted), source


def according_phrase(doc: Doc) -> list[tuple[Token, Token, CharSpan]]:
    """Each "according to X": the word "according", X's head, and X's span (for a document, its
    issuer's: "results published by the commission" is the commission)."""
    out: list[tuple[Token, Token, CharSpan]] = []
    for tok in doc[:-1]:
        if tok.lower_ != "according" or doc[tok.i + 1].lower_ != "to":
            continue
        to = doc[tok.i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"]
        if not objs:
            continue
        issuer = _publisher(objs[0])
        span = source_span(issuer)
        if span is not None and issuer.dep_ == "poss":  # "the agency's data": the agency
            case = [c for c in issuer.children if c.dep_ == "case"]
            span = trim(doc.text, span[0], case[0].idx) if case else span
        if span is not None:
            out.append((tok, objs[0], span))
    return out


def _publisher(obj: Token) -> Token:
    """Who issued the document an "according to" cites: "results published by the city
    electoral commission", "figures from the health ministry", "the ministry's data" name the
    commission and the ministry; other sources stand for themselves."""
    if obj.lemma_.lower() not in DOCUMENT_NOUNS:
        return obj
    for child in obj.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
            return child
        if child.dep_ == "prep" and child.lower_ in _PUBLISHING_PREPS:
            found = [g for g in child.children if g.dep_ == "pobj" and _issuer(g)]
            if found:
                return found[0]
        if child.dep_ == "acl" and child.tag_ == "VBN":
            for agent in child.children:
                if agent.dep_ == "agent":
                    found = [g for g in agent.children if g.dep_ == "pobj" and _issuer(g)]
                    if found:
                        return found[0]
    return obj


def _issuer(tok: Token) -> bool:
    """Whether a noun can be who issued a document: not another document, a date or a count
    ("figures from last year", "a poll of 1,000 voters" name no issuer)."""
    if tok.pos_ not in ("PROPN", "NOUN") or tok.lemma_.lower() in DOCUMENT_NOUNS:
        return False
    return tok.ent_type_ not in _NOT_ISSUERS and not any(c.dep_ == "nummod" for c in tok.children)


def find_according(
    doc: Doc, quoted: list[Quoted], taken: dict[int, Candidate]
) -> tuple[list[Candidate], dict[int, CharSpan]]:
    """ "According to X, ..." attributions, and outer links for reported speech.

    Args:
        doc: a parsed spaCy Doc.
        quoted: its quoted passages.
        taken: candidates found so far, by cue token index.

    Returns:
        New according-to candidates, and ``{cue token index: X's span}`` for
        attributions already found whose clause the phrase governs.
    """
    found: list[Candidate] = []
    links: dict[int, CharSpan] = {}
    for word, obj, source in according_phrase(doc):
        head = word.head
        governed = _governed_cue(head, word, taken)
        if governed is not None and not _quoted_apart(doc, word, governed, quoted):
            links[governed] = source
            for conj in doc[governed].conjuncts:  # "..., the leader said A and affirmed B"
                if conj.i in taken:
                    links[conj.i] = source
            continue
        clause = head if head.pos_ in ("VERB", "AUX") else word.sent.root
        phrase = (word.idx, obj.right_edge.idx + len(obj.right_edge.text))
        whole = subtree_span(clause)
        if whole is None:
            continue
        parts = [
            p
            for p in (
                _content(doc, (whole[0], phrase[0]), quoted),
                _content(doc, (phrase[1], whole[1]), quoted),
            )
            if p is not None
        ]
        if parts:
            cue = (word.idx, doc[word.i + 1].idx + 2)
            found.append(
                Candidate(
                    kind="according_to", parts=parts, cue=cue, source=source, cue_token=word.i
                )
            )
    return found, links


def _quoted_apart(doc: Doc, word: Token, cue: int, quoted: list[Quoted]) -> bool:
    """Whether the cue stands inside a quotation that "according to" is outside of:
    "According to Sperry, “Judicial Watch revealed ...”" quotes Sperry, whose words
    hold Judicial Watch's claim; the phrase then has its own attribution."""
    pos = doc[cue].idx
    return any(q.contains(pos) and not q.contains(word.idx) for q in quoted)


def _governed_cue(head: Token, word: Token, taken: dict[int, Candidate]) -> int | None:
    """The reporting verb an "according to" phrase attaches to, if it has an attribution."""
    if head.i in taken and head.i != word.i:
        return head.i
    root = word.sent.root
    if root.i in taken and word.i < root.i:
        return root.i
    return None
