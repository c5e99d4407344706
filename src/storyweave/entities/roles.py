"""Roles: what the articles call a person ("Kremlin spokesman", "Russian Defense Minister").

Roles come from premodifiers ("Kremlin spokesman Dmitry Peskov") and appositions
("An Chan-il, a researcher at ..."). A role description without a name later in
the article ("the Kremlin leader", "Pyongyang's top leader") resolves to the one
entity in the article whose roles fit it: same kind of role (a leader is a
president, a premier, a chairman, ...) and, when the description names a country
("Kremlin" -> Russia), the same country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from storyweave.model import AnnotatedArticle, Span

from .gazetteer import gazetteer
from .names import TITLES, fold, words
from .repair import LEADING_WORDS
from .sources import is_news_source

if TYPE_CHECKING:
    from .linking import EntityLinking

# Kinds of role: a description's head noun fits a role whose nouns share its kind.
_ROLE_KINDS: dict[str, str] = {
    **dict.fromkeys(
        [
            "leader",
            "president",
            "premier",
            "chancellor",
            "king",
            "queen",
            "ruler",
            "dictator",
            "chairman",
            "emperor",
            "head",
            "strongman",
            "monarch",
            "sovereign",
        ],
        "leader",
    ),
    **dict.fromkeys(["spokesman", "spokeswoman", "spokesperson"], "spokesperson"),
    **dict.fromkeys(["minister", "secretary"], "minister"),
}
ROLE_HEADS: frozenset[str] = frozenset(
    {
        *_ROLE_KINDS,
        "general",
        "commander",
        "envoy",
        "ambassador",
        "diplomat",
        "governor",
        "mayor",
        "senator",
        "official",
        "researcher",
        "analyst",
        "actress",
        "actor",
        "singer",
        "star",
        "rapper",
        "coach",
        "director",
        "chief",
        "founder",
        "prosecutor",
        "judge",
        "spokesman",
        "adviser",
        "advisor",
        "aide",
        "lawyer",
        "attorney",
        "officer",
        "cosmonaut",
    }
)
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "npadvmod", "nummod"})
_MAX_APPOSITION = 14


@dataclass(frozen=True, slots=True)
class RoleSense:
    """What a role phrase says: the kinds of role it names and the country it points to."""

    kinds: frozenset[str]
    country: str | None


# Words for a relation to another person ("his sister", "Lopez's brother"): they say
# nothing about who holds them, so they never make a description resolvable.
RELATIONS: frozenset[str] = frozenset(
    {
        "sister",
        "brother",
        "mother",
        "father",
        "son",
        "daughter",
        "wife",
        "husband",
        "stepmom",
        "stepfather",
        "stepmother",
        "girlfriend",
        "boyfriend",
        "fiance",
        "fiancee",
        "partner",
        "friend",
        "cousin",
        "uncle",
        "aunt",
    }
)


def _kind(word: str) -> str:
    low = fold(word)
    return _ROLE_KINDS.get(low, low)


def parse_role(phrase: str) -> RoleSense:
    """Read a role phrase: "the Kremlin leader" -> kinds {"leader"}, country "Russia"."""
    parts = words(phrase)
    kinds = frozenset(
        _kind(w)
        for w in parts
        if (fold(w) in ROLE_HEADS or fold(w) in TITLES) and fold(w) not in RELATIONS
    )
    country = None
    gaz = gazetteer()
    for n in (3, 2, 1):
        for i in range(len(parts) - n + 1):
            country = gaz.country_of(" ".join(parts[i : i + n]))
            if country is not None:
                return RoleSense(kinds, country)
    return RoleSense(kinds, country)


def fits(description: RoleSense, role: RoleSense) -> bool:
    """True when a holder of ``role`` can be what ``description`` describes."""
    if not description.kinds or not (description.kinds & role.kinds):
        return False
    return description.country is None or description.country == role.country


def _mention_tokens(doc: Any, span: Span) -> Any:
    return doc.char_span(span.start, span.end, alignment_mode="expand")


def _premodifier(text: str, ment: Any) -> str | None:
    """ "Kremlin spokesman" in "Kremlin spokesman Dmitry Peskov"."""
    doc = ment.doc
    inside = set(range(ment.start, ment.end))
    i = ment.start - 1
    first = None
    while i >= 0:
        tok = doc[i]
        if (tok.is_punct and tok.text not in {"'s", "’s"}) or tok.dep_ in {"det", "cc", "prep"}:
            break
        if tok.tag_ == "VBG" or tok.pos_ == "VERB" or fold(tok.text) in LEADING_WORDS:
            break
        if tok.dep_ not in _MODIFIER_DEPS or (tok.head.i not in inside and tok.head.i <= i):
            break
        if "\n" in text[tok.idx + len(tok.text) : doc[i + 1].idx]:
            break  # a line break ends a headline or a dateline, never a role phrase
        inside.add(i)
        first = tok
        i -= 1
    if first is None:
        return None
    last = doc[ment.start - 1]
    if not (last.pos_ == "NOUN" or fold(last.text) in TITLES):
        return None
    return text[first.idx : last.idx + len(last.text)].strip()


def _apposition(text: str, ment: Any) -> str | None:
    """ "a researcher in charge of ..." in "An Chan-il, a researcher in charge of ..."."""
    for tok in ment.root.children:
        if tok.dep_ != "appos" or tok.i < ment.end or tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        if tok.pos_ == "PROPN" and fold(tok.text) not in TITLES:
            continue
        toks = [t for t in tok.subtree if not (t.i == tok.left_edge.i and t.dep_ == "det")]
        if not toks:
            continue
        end = toks[-1] if len(toks) <= _MAX_APPOSITION else tok
        phrase = text[toks[0].idx : end.idx + len(end.text)].strip(" ,")
        if not is_news_source(phrase):
            return phrase
    return None


def roles_of_mention(text: str, span: Span, doc: Any) -> list[str]:
    """The role phrases attached to one mention (premodifier, apposition)."""
    ment = _mention_tokens(doc, span)
    if ment is None or len(ment) == 0:
        return []
    out = []
    for phrase in (_premodifier(text, ment), _apposition(text, ment)):
        if phrase and re.search(r"[A-Za-z]", phrase):
            out.append(phrase)
    return out


def find_role_descriptions(item: AnnotatedArticle) -> list[Span]:
    """Spans such as "the Kremlin leader" or "Pyongyang's top leader" in an article."""
    doc = item.doc
    if doc is None:
        return []
    taken = {i for m in item.mentions for i in range(m.span.start, m.span.end)}
    out: list[Span] = []
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.tag_ == "NNS" or fold(tok.text) not in _ROLE_KINDS:
            continue
        if tok.dep_ in {"compound", "appos"} or tok.idx in taken:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.idx in taken:
            continue
        left = list(tok.lefts)
        if not any(c.dep_ == "poss" or fold(c.text) == "the" for c in left):
            continue
        start = left[0].left_edge.idx if left else tok.idx
        out.append(Span(start, tok.idx + len(tok.text)))
    return out


def resolve_role(item: AnnotatedArticle, linking: EntityLinking, span: Span) -> str | None:
    """The entity a role description refers to, when exactly one in the article fits.

    Candidates are the people mentioned anywhere in ``item`` (a headline or a lead
    may name the role before the name: "Actress checks into rehab ... Lindsay
    Lohan"); a candidate fits when one of its roles (over all articles) fits the
    description.
    """
    description = parse_role(span.text_in(item.article.text))
    if not description.kinds:
        return None
    candidates = {
        ent_id
        for (art, start, end), ent_id in linking.mention_entity.items()
        if art == item.article.id and (start, end) != (span.start, span.end)
    }
    found = set()
    for ent_id in sorted(candidates):
        ent = linking.entity(ent_id)
        if ent is None or ent.type != "PERSON":
            continue
        if any(fits(description, parse_role(r)) for r in linking.roles.get(ent_id, ())):
            found.add(ent_id)
    return found.pop() if len(found) == 1 else None
