"""Direct quotes: quoted passages with a reporting verb next to them.

A quoted passage is attributed when it stands where quoted speech stands:

* before its cue: “...,” he said. / “...,” said Smith, a spokesman.
* after its cue and a colon or comma: Putin said: “...” / she said, “...”
* after a paragraph that ends in a colon with a cue: ... as Pollak observed:¶“...”
* on its own right after an attributed quote (“...,” he said. “More.”): the same speaker.

Anything else (a title, a nickname, scare quotes, a partial quote inside
reported speech) yields no direct quote here; the indirect finder keeps
partial quotes inside the content it reports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cues import MESSAGE_NOUNS, NAMING_VERBS, NOUN_CUES, QUOTE_ONLY_VERBS, SPEECH_VERBS
from .marks import Quoted
from .syntax import (
    Candidate,
    CharSpan,
    count_stops,
    cue_span,
    ends_sentence,
    is_cue_verb,
    sentence_bounds,
    source_span,
    subject_of,
    token_at,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


__all__ = ["find_direct"]

_MAX_CUE_OFFSET = 20
"""A cue after the quote must come within this many words (speaker phrases can be long)."""
_MAX_TITLE_WORDS = 8
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_OBJECTS = frozenset({"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd"})
_LEAD_INS = frozenset({"and", "but", "or", "so", "then", "yet", "still", "later", "earlier"})
_HANDOFF_PUNCT = (",", "!", "?", "—", "–", "-", "…", ".")
"""A quote whose speaker follows ends with one of these (inside or right after the marks)."""


def _tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="contract") if end > start else None
    return list(span) if span is not None else []


def _words(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if not t.is_punct and not t.is_space]


def _is_bare(tokens: list[Token]) -> bool:
    """Only punctuation and lead-in words ("And", "But") before the quote."""
    return all(t.lower_ in _LEAD_INS for t in _words(tokens))


def _regions(doc: Doc, q: Quoted, prev_end: int, next_start: int) -> tuple[CharSpan, CharSpan]:
    """The text left of the quote back to the sentence start, and right of it to the end."""
    text = doc.text
    left_start = prev_end
    if q.start > 0:
        before = q.start - 1
        while before > 0 and text[before].isspace():
            before -= 1
        if ends_sentence(text, before):
            left_start = q.start  # the quote opens a sentence
        else:
            left_start = max(left_start, sentence_bounds(doc, before)[0])
    nl = text.rfind("\n", 0, q.start)
    left_start = max(left_start, nl + 1)
    if _after_dash(text, left_start, q.start) and (prev_end == 0 or prev_end < left_start):
        left_start = q.start  # "... by Mrs. Clinton - “Born rich,” Mr. Elkins said - but"
    right_end = next_start
    if q.end < len(text):
        # the sentence of the closing mark; after a hand-off comma the parser may have
        # split "“...,” | she said", so the next sentence then belongs to the quote
        after = token_at(doc, q.end)
        full_stop = text[q.inner_start : q.inner_end].rstrip().endswith(".")
        if after.idx >= q.end and after.is_sent_start and full_stop:
            right_end = q.end  # the quote ends its sentence ("?" and "!" may not)
        else:
            right_end = min(right_end, sentence_bounds(doc, q.end)[1])
    nl = text.find("\n", q.end)
    if nl != -1:
        right_end = min(right_end, nl)
    return (left_start, q.start), (q.end, max(q.end, right_end))


def _after_dash(text: str, floor: int, start: int) -> bool:
    """Whether a dash that opens an aside stands right before ``start``."""
    k = start - 1
    while k > floor and text[k] in " \t\xa0":
        k -= 1
    if k <= floor or text[k] not in "-—–":
        return False
    return text[k] != "-" or text[k - 1] in " -"  # a hyphen only with a space before it


def _hands_off(text: str, q: Quoted) -> bool:
    inner = text[q.inner_start : q.inner_end].rstrip().rstrip("’'”\"")  # ... win?’"
    after = text[q.end : q.end + 2].lstrip()
    return inner.endswith(_HANDOFF_PUNCT) or after.startswith(_HANDOFF_PUNCT)


def _in_modifier(tok: Token) -> bool:
    """Whether ``tok`` sits in a relative clause or apposition of the speaker phrase
    ("Harry Bond, who was among those polled, said")."""
    cur = tok
    for _ in range(6):
        if cur.dep_ in ("relcl", "acl", "appos"):
            return True
        if cur.head is cur:
            return False
        cur = cur.head
    return False


def _cue_after(tokens: list[Token]) -> Token | None:
    """The cue in "[speaker] said ..." right after a quote."""
    words = _words(tokens)
    for n, tok in enumerate(words[:_MAX_CUE_OFFSET]):
        if is_cue_verb(tok, quote=True) and not _in_modifier(tok):
            return tok
        if tok.dep_ == "ROOT" and _mistagged_cue(tok):
            return tok  # “...,” the editorial read. (tagged as a noun)
        if n > 0 and tok.pos_ == "VERB" and not _in_modifier(tok):
            return tok if _speaks(tok, after=True) else None
    return None


def _mistagged_cue(tok: Token, *, before_quote: bool = False) -> bool:
    """A reporting verb the tagger took for a noun or adjective, heading a clause with
    a subject before it and (after a quote) nothing after it but the full stop."""
    if tok.pos_ not in ("NOUN", "ADJ") or tok.lemma_.lower() not in SPEECH_VERBS | QUOTE_ONLY_VERBS:
        return False
    after = [t for t in tok.rights if not t.is_punct]
    subject = any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in tok.lefts)
    return subject and (before_quote or not after)


def looks_like_title(text: str, q: Quoted) -> bool:
    """A short title-case passage embedded in a sentence: a work's or a nickname's title
    ("the “American Pie” star", "on CNN's “State of the Union”")."""
    inner = text[q.inner_start : q.inner_end].strip(" ,.")
    words = [w for w in inner.split() if w[:1].isalpha()]
    if not words or len(words) > _MAX_TITLE_WORDS:
        return False
    long_words = [w for w in words if len(w) > 3]
    before = text[: q.start].rstrip()[-1:]
    embedded = before.isalnum() or before in ("’", "'")
    return embedded and len(long_words) >= 2 and all(w[0].isupper() for w in long_words)


def _cue_before(tokens: list[Token]) -> Token | None:
    """The cue in "... he said: “" / "he told reporters, “": the last verb before the quote."""
    words = _words(tokens)
    colon = bool(tokens) and tokens[-1].text == ":"
    comma = bool(tokens) and tokens[-1].text == ","
    for n, tok in enumerate(reversed(words)):
        if tok.lower_ in ("that", "if", "whether"):
            return None  # reported speech with a quoted clause: the indirect finder's
        if colon and n == 0 and tok.dep_ == "ROOT" and _mistagged_cue(tok, before_quote=True):
            return tok  # "Article 33 affirms: “...”" (tagged as a noun)
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux":
            last = all(w.pos_ in ("ADV", "PART") for w in words[len(words) - n :])
            if is_cue_verb(tok, quote=True) or ((colon or (comma and last)) and _speaks(tok)):
                return tok  # "Hillary shot back, “...”"
            if tok.dep_ == "relcl":
                continue  # "Said Dorothy Poynter, who grew up with Ali, “...”"
            return _message_noun(words) if colon else None
    return _message_noun(words) if colon else None


_CHANT_NOUNS = frozenset({"chant", "cry", "shout", "scream", "roar", "yell", "call", "cheer"})


def _utterance_after(text: str, q: Quoted, left: list[Token]) -> Token | None:
    """A verb of speaking (or "chants of") right before a quoted utterance, with no comma or
    colon between: "they chanted “stop the war”", "he yelled “You lie!” at the president",
    "to chants of “Marco! Marco!”". The utterance is a whole one: it starts with a capital
    or ends with "!" or "?", and is neither a lone word nor a title-case name, so a quoted
    word inside a phrase is not taken."""
    words = _words(left)
    if not words or left[-1].i != words[-1].i:
        return None
    inner = text[q.inner_start : q.inner_end].strip()
    exclaimed = inner.rstrip(",.”\"'").endswith(("!", "?"))
    parts = inner.split()
    long_words = [w for w in parts if len(w) > 3]
    titled = bool(long_words) and all(w[:1].isupper() for w in long_words)
    if not exclaimed and (len(parts) < 3 or titled):
        return None  # a name or title ("“Peter Pan”"), not an utterance
    if not (exclaimed or inner[0].isupper()):
        return None
    last = words[-1]
    if last.lower_ == "of" and len(words) > 1 and words[-2].lemma_.lower() in _CHANT_NOUNS:
        head = words[-2]
        return head if head.pos_ == "NOUN" else None
    if last.lemma_.lower() in NAMING_VERBS | QUOTE_ONLY_VERBS or last.tag_ == "VBN":
        return None  # "called “...”" names; "a hat reading “...”" is the naming rule's
    return last if is_cue_verb(last, quote=True) else None


def _message_noun(words: list[Token]) -> Token | None:
    """A reporting or message noun with a known issuer before a colon: "Clinton's response
    was: “...”", "From Bush's Facebook post: “...”"."""
    for tok in reversed(words):
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in NOUN_CUES | MESSAGE_NOUNS:
            return tok if _noun_speaker(tok) is not None else None
    return None


def _speaks(verb: Token, *, after: bool = False) -> bool:
    """A finite verb with its subject and no object of its own, handing off to a quote
    by a colon or comma, or right after one: a manner of speaking ("Mr. Christie
    gloated: “...”", "his friends jeered, “...”", "“OK,” Oliver barked.")."""
    if verb.pos_ != "VERB" or verb.tag_ == "VBG":
        return False
    subj = subject_of(verb)
    if not after:
        return subj is not None
    if subj is None or subj.i > verb.i or verb.tag_ not in _FINITE:
        return False
    return not any(c.dep_ in _OBJECTS for c in verb.rights)  # the quote is a left ccomp


_NAMING_REACH = 12
"""How many words a naming verb may stand before the quoted name ("called both Trump and
Democratic front-runner Hillary Clinton “crazy”")."""
_MAX_NAME_WORDS = 12


def _naming(doc: Doc, q: Quoted) -> tuple[Token, int] | None:
    """ "he called her “weak”": a naming verb shortly before a short quote in the same
    clause, with nothing between them but its object. Returns the verb and where
    the content starts (after the verb and a "to" or particle).

    This is the one rule for a verb that puts a quoted name on something; "put" and
    "read" name nothing and attribute a quote only when they hand it off ("the sign
    read: “...”", see :func:`_cue_before`)."""
    text = doc.text
    if len(text[q.inner_start : q.inner_end].split()) > _MAX_NAME_WORDS:
        return None
    first = token_at(doc, q.start)
    for tok in reversed(doc[max(first.sent.start, first.i - _NAMING_REACH) : first.i]):
        if tok.is_quote or tok.text in (".", ";", ":", "?", "!"):
            return None
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        if tok.lemma_.lower() not in NAMING_VERBS:
            return None
        if tok.dep_ in ("acl", "relcl", "amod") and not _own_clause(tok):
            return None  # "a film called “Rehab”" names a work
        if subject_of(tok) is None or tok.i + 1 >= first.i:
            return None
        nxt = doc[tok.i + 1]
        skip = nxt.lower_ in ("to", "on") or nxt.dep_ == "prt"
        return tok, doc[tok.i + 1 + skip].idx
    return None


def _own_clause(verb: Token) -> bool:
    """A finite verb with a subject of its own, even where the parser hung it on a noun as a
    relative clause ("in December, when Clinton called him “ISIS' best recruiter”")."""
    own = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    return own and verb.tag_ in _FINITE


def _naming_end(verb: Token, q: Quoted) -> int:
    """The end of what the naming verb governs, at least the quote's end and at most its
    paragraph's end: "referred to Obama as “the most valuable player” for the Islamic State"."""
    end = q.end
    for child in verb.rights:
        if child.dep_ in ("cc", "conj", "punct", "parataxis") or child.is_quote:
            continue
        last = child.right_edge
        while last.i > child.i and (last.is_punct and not last.is_quote):
            last = last.doc[last.i - 1]
        end = max(end, last.idx + len(last.text))
    paragraph_end = verb.doc.text.find("\n", q.end)
    return end if paragraph_end == -1 else min(end, paragraph_end)


def _colon_cue(doc: Doc, q: Quoted) -> tuple[Token, CharSpan] | None:
    """A cue in the paragraph before when it ends with a colon."""
    text = doc.text
    j = q.start - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    if j < 0 or text[j] != ":":
        return None
    start, _ = sentence_bounds(doc, j)
    toks = _tokens_in(doc, start, j)
    for tok in reversed(toks):
        if is_cue_verb(tok, quote=True):
            return tok, (start, j)
    for tok in reversed(toks):  # "Trump issued the following statement: “...”"
        noun = tok.pos_ == "NOUN" and tok.lemma_.lower() in NOUN_CUES | MESSAGE_NOUNS
        if noun and _noun_speaker(tok) is not None:
            return tok, (start, j)
    return None


_ADDRESSEE_VERBS = frozenset({"tell", "ask", "inform", "assure", "remind", "warn", "email"})
_REPORTED_DEPS = frozenset({"ccomp", "xcomp", "csubj", "parataxis", "oprd", "attr"})


def _bare_cue_before(doc: Doc, q: Quoted, used: set[int]) -> tuple[Token, CharSpan] | None:
    """A sentence just before the quote (in its paragraph or the one before) that is only a
    speaker and a reporting verb, with nothing reported: "Iowa State's Dianne Bystrom
    agreed. “Republicans are running out of time.”", "Lau said in a statement.¶“...”"."""
    text = doc.text
    j = q.start - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    if j < 0 or text[j] != "." or text[j + 1 : q.start].count("\n") > 2:
        return None
    start, _ = sentence_bounds(doc, j)
    sent = doc.char_span(start, j + 1, alignment_mode="expand")
    if sent is None or any(t.is_quote for t in sent):
        return None
    root = sent.root
    if root.i in used or not is_cue_verb(root, quote=True) or root.tag_ not in _FINITE:
        return None
    subj = subject_of(root)
    if subj is None or subj.i > root.i:
        return None
    for child in root.children:
        if child.dep_ in _REPORTED_DEPS:
            return None
        if child.dep_ == "dobj" and root.lemma_.lower() not in _ADDRESSEE_VERBS:
            return None
    return root, (start, j)


def _noun_speaker(noun: Token) -> Token | None:
    """Who issued a statement named by a noun: its possessor ("Trump's statement") or the
    subject of the verb it is the object of ("Trump issued the following statement")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass", "pobj") and head.pos_ in ("VERB", "AUX"):
        return subject_of(head)
    if noun.dep_ == "pobj" and head.head.pos_ in ("VERB", "AUX"):
        return subject_of(head.head)  # "Kim said in a statement:" (has its own verb)
    return None


def _candidate(q: Quoted, verb: Token, within: CharSpan, region_end: int) -> Candidate:
    subj = _noun_speaker(verb) if verb.pos_ == "NOUN" else subject_of(verb)
    source = source_span(subj, within=within) if subj is not None else None
    return Candidate(
        kind="direct",
        parts=[(q.start, q.end)],
        cue=cue_span(verb),
        source=source,
        cue_token=verb.i,
        region_end=region_end,
    )


def _in_cue_clause(doc: Doc, prev: Candidate | None, q: Quoted) -> bool:
    """Whether ``q`` lies in the clause of the previous quote's cue, after that quote
    ("“...,” said Mr. Ekovich, who noted that prices had “cratered” ...")."""
    if prev is None or prev.cue_token is None:
        return False
    last = prev.parts[-1][1]
    cue = doc[prev.cue_token].idx
    text = doc.text
    if not last <= cue < q.start or "\n" in text[last : q.start]:
        return False
    return not count_stops(text, cue, q.start)


def _continues(doc: Doc, prev: Candidate | None, q: Quoted) -> bool:
    """Whether ``q`` goes on with the previous attributed quote: nothing lies between
    them but white space, or the one sentence of the previous quote's cue."""
    if prev is None:
        return False
    text = doc.text
    last = prev.parts[-1][1]
    if last > q.start:
        return False
    if prev.region_end <= q.start and not text[prev.region_end : q.start].strip(" \t\n\r\xa0."):
        return True
    if prev.cue_token is None or not last <= doc[prev.cue_token].idx < q.start:
        return False
    j = _skip_lead_in(text, q.start - 1, last)
    gap = text[last : j + 1]
    return "\n" not in gap and ends_sentence(text, j) and count_stops(text, last, j + 1) == 1


def _skip_lead_in(text: str, j: int, floor: int) -> int:
    """Step back from ``j`` over white space and one lead-in word ("But “...”")."""
    while j > floor and text[j].isspace():
        j -= 1
    k = j
    while k > floor and text[k].isalpha():
        k -= 1
    if text[k + 1 : j + 1].lower() in _LEAD_INS and text[k].isspace():
        j = k
        while j > floor and text[j].isspace():
            j -= 1
    return j


def _trails_off(tokens: list[Token]) -> bool:
    """Nothing after the quote but the writer's dash clause ("“...” - increasing his ...")."""
    return not _words(tokens) or tokens[0].text in ("-", "—", "–", "--")


def _split_by(doc: Doc, prev: Candidate | None, left: list[Token]) -> bool:
    """Whether ``left`` (ending with a comma) holds the previous quote's cue: the quote
    goes on after "said Sherman, speaking of politicians,"."""
    if prev is None or prev.cue_token is None or not left or left[-1].text != ",":
        return False
    return left[0].i <= prev.cue_token <= left[-1].i


def _carry_on(prev: Candidate, q: Quoted, region_end: int) -> Candidate:
    """``q`` as a further piece of the previous quote's attribution (same cue and source)."""
    return Candidate(
        kind="direct",
        parts=[(q.start, q.end)],
        cue=prev.cue,
        source=prev.source,
        cue_token=prev.cue_token,
        region_end=region_end,
    )


def find_direct(doc: Doc, quoted: list[Quoted]) -> list[Candidate]:
    """Direct quotes with their cue and speaker phrase.

    Args:
        doc: a parsed spaCy Doc of the article body.
        quoted: the top-level quoted passages of ``doc.text`` (from :func:`find_quoted`).

    Returns:
        One candidate per attributed passage, in text order.
    """
    text = doc.text
    quoted = [q for q in quoted if not looks_like_title(text, q)]
    out: list[Candidate] = []
    used: set[int] = set()
    prev: Candidate | None = None
    for n, q in enumerate(quoted):
        prev_end = quoted[n - 1].end if n else 0
        next_start = quoted[n + 1].start if n + 1 < len(quoted) else len(text)
        left, right = _regions(doc, q, prev_end, next_start)
        left_toks = _tokens_in(doc, *left)
        right_toks = _tokens_in(doc, *right)
        found: Candidate | None = None
        if _is_bare(left_toks):
            verb = _cue_after(right_toks) if _hands_off(text, q) else None
            if verb is not None:
                found = _candidate(q, verb, right, right[1])
            elif (colon := _colon_cue(doc, q)) is not None:
                found = _candidate(q, colon[0], colon[1], right[1])
            elif not _words(right_toks) and (bare := _bare_cue_before(doc, q, used)):
                found = _candidate(q, bare[0], bare[1], right[1])
            elif _trails_off(right_toks) and _continues(doc, prev, q) and prev is not None:
                found = _carry_on(prev, q, right[1])
        elif not _words(right_toks) or (left_toks and left_toks[-1].text in (":", ",")):
            verb = _cue_before(left_toks)
            words = _words(left_toks)
            handed = left_toks[-1].text in (":", ",") or (words and words[-1] == verb)
            if verb is not None and prev is not None and prev.cue_token == verb.i:
                handed = True  # “...,” said Hough. “More.”: the same speaker goes on
            if verb is not None and handed:
                found = _candidate(q, verb, left, right[1])
            elif verb is None and _hands_off(text, q) and (after := _cue_after(right_toks)):
                found = _candidate(q, after, right, right[1])  # system: “...,” Sullivan wrote.
            elif verb is None and prev is not None and _split_by(doc, prev, left_toks):
                found = _carry_on(prev, q, right[1])
        elif (said := _utterance_after(text, q, left_toks)) is not None:
            found = _candidate(q, said, left, right[1])  # "the crowd chanted “Lock her up!”"
        if found is None and (naming := _naming(doc, q)) is not None:
            verb, start = naming
            found = _candidate(q, verb, left, right[1])
            found.parts = [(start, _naming_end(verb, q))]
        if found is not None:
            out.append(found)
            if found.cue_token is not None:
                used.add(found.cue_token)
            prev = found
        elif (_words(left_toks) or _words(right_toks)) and not _in_cue_clause(doc, prev, q):
            prev = None  # a quote embedded in other text breaks a run of continuations
    return out
