"""What the parse of one brief sentence (or of one evidence span) says, for the brief checker.

Each function reads a spaCy ``Doc`` (tagger and parser; no NER needed) and general word lists:
the attribution lexicon of :mod:`storyweave.quotes.cues` (reporting verbs), the modality lexicon
of :mod:`storyweave.claims.lexicon` (hedges, modals, denials, conditionals) and the negators.

- :func:`frames`: the sentence's reporting frames ("X said", "according to X", "citing X").
- :func:`markers`: the modalities the sentence itself marks (``hedged``, ``denied``,
  ``conditional``).
- :func:`dropped_markers`: markers of an evidence span whose word they bear on is kept in the
  sentence while the marker is not ("would not say" cited as "say").
- :func:`is_fragment`: the root clause has no finite verb with a subject.
- :func:`leading_pronoun`: the first word is a pronoun the sentence does not resolve.

DOCS: docs/stages/brief.md
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from ..claims.lexicon import MODALITY, NEGATIVE_IMPLICATIVES, NEGATORS, stem
from ..nlp.models import DATELINE
from ..quotes.cues import CITING_WORDS, SPEECH_VERBS
from .wording import PARTITIVE_PRONOUNS, PARTITIVES

REPORTING_VERBS: Final = SPEECH_VERBS - {w for w, kind in MODALITY.items() if kind == "hedged"}
"""Lemmas that report what a source said: the attribution lexicon's verbs of saying, less those
the modality lexicon counts as hedges ("expected to", "believes") rather than as a source."""

_SUBJECTS: Final = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_FINITE_TAGS: Final = frozenset({"VBD", "VBZ", "VBP", "MD"})
_QUOTES: Final = frozenset('“”"‘’«»')
_PERSONAL: Final = frozenset({"he", "she", "they", "it", "i", "we", "you", "him", "them", "us"})
_DEMONSTRATIVE: Final = frozenset({"this", "these", "that", "those"})
_POSSESSIVE: Final = frozenset({"his", "her", "its", "their", "our", "my", "your"})
_FIRST_SECOND: Final = frozenset({"i", "we", "you", "us", "me", "my", "our", "your"})
_GOVERNED: Final = frozenset({"xcomp", "ccomp", "acl"})
_NEGATION_WORDS: Final = NEGATORS - {"without"}  # "left homes without power" negates nothing
_NEGATION_DEPS: Final = frozenset({"neg", "det", "advmod", "preconj", "cc", "dep"})
EVIDENTIALS: Final = frozenset(w for w, kind in MODALITY.items() if w.endswith("edly"))
"""Adverbs that say the words are someone's report ("reportedly", "allegedly")."""
_REPORTED: Final = frozenset({"ccomp", "xcomp", "parataxis"})
_BREAKS: Final = frozenset({",", "(", ")", "-", "–", "—", ":", ";"})


@dataclass(frozen=True, slots=True)
class Frame:
    """A reporting frame of a sentence: its source phrase ("a senior police officer"), its
    cue ("said", "according to") and the sentence's text from the first to the last of them."""

    source: str
    cue: str
    text: str
    pronoun: bool


def frames(doc: Any) -> list[Frame]:
    """The reporting frames of ``doc``: a verb of saying with a subject and what it reports
    (a clause, a quotation: "the officer said ...", "“...,” Putin told reporters"), "according
    to X", or "citing/quoting X". The source phrase ends at its first comma or bracket."""
    out: list[Frame] = []
    quoted = any(t.text in _QUOTES for t in doc)
    for tok in doc:
        source: Any = None
        if tok.lemma_.casefold() in REPORTING_VERBS and tok.pos_ in {"VERB", "AUX"}:
            reports = quoted or any(c.dep_ in _REPORTED for c in tok.children)
            source = next((c for c in tok.children if c.dep_ in {"nsubj", "agent"}), None)
            if source is not None and source.dep_ == "agent":  # "was told by X"
                source = next((c for c in source.children if c.dep_ == "pobj"), None)
            source = source if reports else None
        elif tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            source = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
        elif tok.lower_ in CITING_WORDS:
            source = next((c for c in tok.children if c.dep_ in {"dobj", "pobj"}), None)
        if source is None:
            continue
        words = _phrase(source)
        first = min(words[0].idx, tok.idx)
        last = max(words[-1].idx + len(words[-1]), tok.idx + len(tok))
        phrase = doc.text[words[0].idx : words[-1].idx + len(words[-1])]
        pronoun = source.pos_ == "PRON" or source.lower_ in _PERSONAL
        out.append(Frame(phrase, tok.text, doc.text[first:last], pronoun))
    return out


def _phrase(head: Any) -> list[Any]:
    """The tokens of ``head``'s phrase up to its first comma, dash or bracket."""
    words = list(head.subtree)
    start = next((n for n, t in enumerate(words) if t.i == head.i), 0)
    stops = [n for n, t in enumerate(words) if t.text in _BREAKS]
    before = [n for n in stops if n < start]
    after = [n for n in stops if n > start]
    return words[(before[-1] + 1 if before else 0) : (after[0] if after else len(words))]


def _marker(tok: Any) -> tuple[str, list[Any]] | None:
    """The modality ``tok`` marks and the tokens it bears on, or None: a negation bears on its
    head, a modal or hedging adverb on the verb it modifies, "if"/"unless" on its clause, a
    hedging or denying verb or noun ("plans to", "expected to", "denied that") on its
    complement."""
    lower, lemma = tok.lower_, tok.lemma_.casefold()
    if tok.dep_ == "neg" or (lower in _NEGATION_WORDS and tok.dep_ in _NEGATION_DEPS):
        return "denied", [tok.head]
    if tok.tag_ == "MD":
        return ("hedged", [tok.head]) if MODALITY.get(lower) == "hedged" else None
    if MODALITY.get(lower) == "conditional":
        clause = tok.head  # "If the budget passes, work will start": bears on "start"
        return "conditional", [clause.head if clause.dep_ == "advcl" else clause]
    kind = MODALITY.get(lemma) or ("denied" if lemma in NEGATIVE_IMPLICATIVES else None)
    if kind is None:
        return None
    governed = [c for c in tok.children if c.dep_ in _GOVERNED]
    if tok.pos_ in {"VERB", "NOUN", "AUX"} and governed:
        return kind, governed
    if tok.pos_ in {"ADV", "ADJ"} or tok.tag_ == "VBN":  # "reportedly", "alleged", "suspected"
        return kind, [tok.head]
    return None


def markers(doc: Any) -> set[str]:
    """The modalities ``doc`` marks anywhere: a negation, a modal, a hedge, a denial or a
    condition word (a denying or hedging verb counts with or without a complement)."""
    out: set[str] = set()
    for tok in doc:
        found = _marker(tok)
        if found is not None:
            out.add(found[0])
            continue
        lemma = tok.lemma_.casefold()
        if tok.pos_ in {"VERB", "NOUN"} and lemma in MODALITY:
            out.add(MODALITY[lemma])
    return out


def satisfies(required: str, present: set[str]) -> bool:
    """Whether a sentence marking ``present`` keeps a ``required`` modality: a denial needs a
    negation or denial; a hedge or a condition is kept by either (a modal carries both)."""
    if required == "denied":
        return "denied" in present
    return bool(present & {"hedged", "conditional"})


def _align(words: Sequence[str], tokens: Sequence[Any]) -> set[int]:
    """Indices (``Token.i``) of ``tokens`` matched to ``words`` by a longest common
    subsequence of lower-cased texts: the cited tokens the sentence kept, in order."""
    span = [t.lower_ for t in tokens]
    n, m = len(words), len(span)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best[i][j] = (
                best[i + 1][j + 1] + 1
                if words[i] == span[j]
                else max(best[i + 1][j], best[i][j + 1])
            )
    kept: set[int] = set()
    i = j = 0
    while i < n and j < m:
        if words[i] == span[j]:
            kept.add(tokens[j].i)
            i, j = i + 1, j + 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return kept


def _governed(head: Any) -> list[Any]:
    """``head``'s subtree less its relative clauses, appositions and parentheticals: what a
    hedge or denial above ``head`` bears on ("an attempt to refloat the ship, which ran
    aground, failed" hedges the refloating, not the running aground)."""
    out = [head]
    for child in head.children:
        if child.dep_ not in {"relcl", "appos", "parataxis"}:
            out += _governed(child)
    return out


def words_of(doc: Any) -> list[str]:
    """The lower-cased token texts of ``doc`` (what :func:`dropped_markers` aligns)."""
    return [t.lower_ for t in doc]


def dropped_markers(
    sentence: Sequence[str], doc: Any, cited: Sequence[tuple[int, int]]
) -> list[tuple[str, str]]:
    """``(modality, marker word)`` for each marker of ``doc`` (the article sentence around
    the cited character ranges ``cited``) that bears on a cited token the sentence (its
    :func:`words_of`) kept while the marker itself was left out: "Ketsoyan would not say"
    cited as "Ketsoyan say" drops "would" and "not"; "denied that its jets had entered"
    cited as "its jets had entered" drops "denied". A negation or modal bears on its head, a
    hedging or denying verb or noun on all it governs."""
    inside = [t for t in doc if any(a <= t.idx and t.idx + len(t) <= b for a, b in cited)]
    kept = _align(sentence, inside)
    out: list[tuple[str, str]] = []
    for tok in doc:
        found = _marker(tok)
        if found is None or tok.i in kept:
            continue
        kind, targets = found
        if tok.dep_ not in {"neg", "aux", "advmod", "mark", "amod"} and tok.tag_ != "MD":
            targets = [t for g in targets for t in _governed(g)]
        if any(t.i in kept and t.i != tok.i and t.is_alpha for t in targets):
            out.append((kind, tok.text))
    return out


def _root_clause(doc: Any) -> Any:
    """The root of the sentence's first parse sentence that is not a wire dateline."""
    sents = list(doc.sents)
    own = [s for s in sents if not _dateline(s.text)]
    return (own or sents)[0].root


def _dateline(text: str) -> bool:
    found = DATELINE.match(text)
    return found is not None and not text[found.end() :].strip()


def _finite(verb: Any) -> bool:
    """A finite verb, or one with a finite auxiliary; a root participle with an active
    subject and no auxiliary is a past tense the tagger took for a participle ("A mudslide
    buried part of the village")."""
    if verb.tag_ in _FINITE_TAGS or "Fin" in verb.morph.get("VerbForm"):
        return verb.tag_ not in {"VBG", "VBN"} or verb.pos_ == "AUX"
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if verb.tag_ == "VBN" and not aux and any(c.dep_ == "nsubj" for c in verb.children):
        return True
    return any(a.tag_ in _FINITE_TAGS for a in aux)


def is_fragment(doc: Any) -> bool:
    """True when the root clause of the sentence's first parse sentence lacks a finite verb
    with a subject ("Her to salvage a career.", "Reporting by Ann Lee.", "Lohan telling ...")
    or stands as a subordinate clause ("When snow gave way above the resort."). A quote line
    "X said: “...”" is whole when its reporting clause is."""
    root = _root_clause(doc)
    if root.pos_ not in {"VERB", "AUX"} or not _finite(root):
        return True
    existential = root.lemma_ == "be" and any(c.lower_ in {"here", "there"} for c in root.children)
    # "X happened, an official told Y" with the source mis-attached: the report is whole
    reported = root.lemma_ in REPORTING_VERBS and any(
        c.dep_ == "ccomp" and any(g.dep_ in _SUBJECTS for g in c.children) for c in root.children
    )
    if not (existential or reported) and not any(c.dep_ in _SUBJECTS for c in root.children):
        return True
    first = min(root.subtree, key=lambda t: t.i)
    first = next((t for t in first.doc[first.i : root.i] if not t.is_punct), root)
    opener = first.head == root and (
        first.dep_ == "mark" or (first.tag_ == "WRB" and not doc.text.rstrip().endswith("?"))
    )
    return bool(opener)


def _after_frame(doc: Any) -> int:
    """The index of the first token after an opening "According to X," or "Citing X,"
    (0 when the sentence has none, or no comma closes it)."""
    first = next((t for t in doc if t.is_alpha), None)
    if first is None or first.lower_ not in {"according", *CITING_WORDS}:
        return 0
    comma = next((t.i for t in doc[first.i :] if t.text == ","), None)
    return 0 if comma is None else int(comma) + 1


def body(doc: Any) -> str:
    """The sentence's own words: its text after an opening "According to X," or "Citing X,"
    (the whole text when it has none), which :func:`is_fragment` and
    :func:`leading_pronoun` read parsed on their own."""
    at = _after_frame(doc)
    return str(doc.text) if at >= len(doc) or at == 0 else str(doc.text[doc[at].idx :])


def figures(doc: Any) -> frozenset[str]:
    """The numbers a sentence states, as written ("seven", "4,962" -> "4962")."""
    return frozenset(t.lower_.replace(",", "") for t in doc if t.like_num)


def predicates(doc: Any) -> set[str]:
    """Stems of the sentence's verbs and adjectives (what :func:`.lexicon.antonyms` compares)."""
    return {stem(t.lemma_.casefold()) for t in doc if t.pos_ in {"VERB", "ADJ"}}


def negated(doc: Any) -> bool:
    """Whether the sentence holds a negation."""
    return any(t.dep_ == "neg" or t.lower_ in NEGATORS for t in doc)


def leading_pronoun(doc: Any) -> str | None:
    """The sentence's first word (after an opening "According to X,") when it is a personal,
    possessive or demonstrative pronoun (or demonstrative determiner: "This meeting ...")
    that nothing in the sentence resolves;
    resolved are: a dummy "it" ("It is unclear whether ..."), a first- or second-person pronoun
    when the sentence names who speaks ("“We will ...,” Putin said", "According to KTV, our
    crew ..."), and a pronoun in a fronted
    subordinate clause before a named subject ("When she arrived, Reid said ...")."""
    words = [t for t in doc[_after_frame(doc) :] if t.is_alpha][:3]
    first = words[0] if words else None
    partitive = len(words) == 3 and words[0].lower_ in PARTITIVES and words[1].lower_ == "of"
    if partitive and words[2].lower_ in PARTITIVE_PRONOUNS:  # "One of them told the judge"
        return " ".join(t.text for t in words)
    if first is None or first.lower_ not in _PERSONAL | _DEMONSTRATIVE | _POSSESSIVE:
        return None
    if first.dep_ == "expl" or first.pos_ not in {"PRON", "DET"}:
        return None
    root = _root_clause(doc)
    extraposed = any(c.dep_ in {"ccomp", "xcomp", "csubj"} for c in root.children)
    if first.lower_ == "it" and root.lemma_ == "be" and extraposed:
        return None
    named = [f for f in frames(doc) if not f.pronoun]
    if first.lower_ in _FIRST_SECOND and named:  # a quote's or a source's own "we"
        return None
    clause = first.head
    while clause.dep_ not in {"advcl", "ROOT"} and clause.head != clause:
        clause = clause.head
    subjects = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if clause.dep_ == "advcl" and any(s.pos_ == "PROPN" for s in subjects):
        return None
    return str(first.text)
