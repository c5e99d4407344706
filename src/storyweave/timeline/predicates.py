"""The syntax of event dating: which predicate a time expression attaches to, which
predicates are events, and the cues that date an event without a date of its own.

A predicate is a verb heading a clause (a main clause, a conjunct, a complement, an
adverbial or relative clause, an infinitive), or a noun an announcing verb takes as its
object ("announced plans for a launch in October": the launch). A time expression dates
the first predicate its head path reaches: the one it modifies, not another clause's.

DOCS: docs/stages/timeline.md
"""

from __future__ import annotations

from typing import Any, Final

CLAUSE_DEPS: Final = frozenset(
    {"ROOT", "conj", "ccomp", "xcomp", "advcl", "relcl", "parataxis", "pcomp", "acl"}
)
"""Dependencies of a verb that heads a clause of its own (``acl`` only as an infinitive)."""
ANNOUNCING: Final = frozenset(
    {
        "announce", "unveil", "say", "plan", "schedule", "expect", "promise", "pledge",
        "vow", "propose", "report", "tell", "confirm", "reveal", "predict", "forecast",
        "intend", "set", "outline", "disclose", "state", "declare", "signal",
    }
)  # fmt: skip
"""Reporting and announcing verbs: an event they report keeps its own date, the report its."""
FUTURE_AUX: Final = frozenset({"will", "would", "shall", "'ll", "wo"})
INTENT_NOUNS: Final = frozenset({"plan", "intention", "bid", "decision", "proposal", "schedule"})
BOUND_PREPS: Final = frozenset({"since", "until", "till", "before", "after", "by"})
"""A date after one of these bounds the event ("since 1901", "by May"): no date for it."""
SUBJECT_DEPS: Final = frozenset({"nsubj", "nsubjpass"})
EXPERIENTIAL: Final = frozenset(
    {"twice", "never", "ever", "always", "repeatedly", "often", "already", "long", "since",
     "for", "times", "before", "yet", "still", "again"}
)  # fmt: skip
"""A present perfect with one of these tells of experience or a span, not today's news."""
SEQUENCE_ADVERBS: Final = frozenset({"then", "subsequently", "afterwards", "thereafter"})
"""An adverb that places a conjunct right after the first: it takes the first one's date."""


def is_predicate(tok: Any) -> bool:
    """A verb heading a clause, or an auxiliary heading a main clause ("was in Paris")."""
    if tok.pos_ == "VERB" and tok.dep_ in CLAUSE_DEPS:
        return tok.dep_ != "acl" or infinitive(tok)
    if tok.pos_ != "AUX" or tok.dep_ not in {"ROOT", "conj"}:
        return False
    return bool(tok.head.i == tok.i or tok.head.pos_ != "AUX")


def infinitive(tok: Any) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)


def attached_predicate(root: Any) -> tuple[Any, bool] | None:
    """The predicate a time expression whose phrase root is ``root`` attaches to, and
    whether it is a noun an announcing verb reports; None when no predicate governs it."""
    if root.dep_ == "pobj" and root.head.lower_ in BOUND_PREPS:
        return None
    noun = None
    cur = root
    while cur.head.i != cur.i:
        cur = cur.head
        if is_predicate(cur) or cur.pos_ == "VERB":
            if noun is not None and cur.lemma_.lower() in ANNOUNCING:
                return noun, True
            return (cur, False) if is_predicate(cur) else None
        if noun is None and cur.pos_ == "NOUN" and cur.dep_ in {"pobj", "dobj"}:
            noun = cur
    return None


ANNOUNCED_DEPS: Final = frozenset({"dobj", "xcomp", "ccomp", "attr", "oprd", "dative"})
"""How the announced event hangs from an announcing verb: its object or complement."""


def planned(pred: Any) -> bool:
    """The event is still to come: a future auxiliary, an infinitive under an announcing
    verb or an intention noun ("plans to visit"), or a noun under one ("plans for a launch")."""
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in pred.children):
        return True
    if pred.pos_ == "NOUN" or infinitive(pred):
        below = pred
        for up in pred.ancestors:
            lemma = up.lemma_.lower()
            if lemma in INTENT_NOUNS:
                return True
            if up.pos_ == "VERB" and lemma in ANNOUNCING:
                # what the verb announces, not a phrase about its own act ("In a development
                # on the same day, the military said ...": the development is no plan)
                return below.dep_ in ANNOUNCED_DEPS
            if up.pos_ == "VERB" and up.dep_ not in {"xcomp", "acl"}:
                break
            below = up
    return False


def text_head(pred: Any) -> Any:
    """The clause whose text names the event's actor: a complement or infinitive without a
    subject of its own, or with a pronoun one ("said it would try again"), climbs to the
    clause that names it; a reported noun climbs to its announcing verb."""
    verb = pred
    if pred.pos_ == "NOUN":
        verb = next((a for a in pred.ancestors if a.pos_ == "VERB"), pred)
    while verb.dep_ not in {"ROOT", "conj", "relcl"}:
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS | {"csubj", "expl"}]
        pronoun = verb.dep_ in {"ccomp", "xcomp"} and subjects and subjects[0].pos_ == "PRON"
        if subjects and not pronoun:
            break
        up = next((a for a in verb.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        if up is None:
            break
        verb = up
    return verb


def participle_phrase(pred: Any) -> bool:
    """The event hangs from a noun as a participle ("the jet scheduled to enter service"):
    no clause names its actor, so it gives no entry."""
    cur = pred
    while cur.dep_ in {"xcomp", "acl"} or cur.pos_ == "NOUN":
        if cur.dep_ == "acl" and not infinitive(cur):
            return True
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return False


def present_perfect(pred: Any) -> bool:
    """A main-clause present perfect, affirmative ("have met", "has announced")."""
    if pred.tag_ != "VBN" or pred.dep_ not in {"ROOT", "conj"}:
        return False
    if pred.dep_ == "conj" and pred.head.dep_ != "ROOT":
        return False
    aux = [c for c in pred.children if c.dep_ in {"aux", "auxpass"}]
    has = any(c.lemma_ == "have" and c.tag_ in {"VBZ", "VBP"} for c in aux)
    told = any(c.dep_ == "neg" or c.lower_ in EXPERIENTIAL for c in pred.children)
    return has and not told


def sequence_parent(pred: Any) -> Any | None:
    """The first conjunct of a conjunct marked as coming next ("toured and then began")."""
    if pred.dep_ != "conj":
        return None
    if any(c.dep_ == "advmod" and c.lower_ in SEQUENCE_ADVERBS for c in pred.children):
        return pred.head
    return None


def subject_of(verb: Any) -> Any | None:
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
