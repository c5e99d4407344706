"""Which ledger claims a brief sentence states, and how much of the ledger a brief covers.

A sentence states a claim when one of its evidence spans overlaps one of the claim's, the
sentence holds most of the claim's words (:data:`STATE_MIN`) and, when the claim's slots
name a predicate, a word of that predicate (or its synonym group: "toured" ~ "visit").

DOCS: docs/stages/brief.md
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

from .._types import JSON
from ..claims.lexicon import predicate_key, stem
from .support import content_words

STATE_MIN: Final = 0.6
"""A sentence states a claim when one of its evidence spans overlaps one of the claim's and it
holds at least this share of the claim's content words (of the claim's text when that text is
drawn from the overlapping span, else of the span's own text)."""


def stems(words: Iterable[str]) -> set[str]:
    return {stem(w) for w in words}


def words_of(text: str) -> set[str]:
    """Stemmed content words of ``text`` (what repeats and claim statements compare)."""
    return stems(content_words(text))


def overlap(a: JSON, b: JSON) -> int:
    if a.get("article") != b.get("article"):
        return 0
    return max(0, min(int(a["end"]), int(b["end"])) - max(int(a["start"]), int(b["start"])))


def valid(row: Any, texts: dict[str, str]) -> bool:
    if not isinstance(row, dict) or str(row.get("article")) not in texts:
        return False
    start, end = row.get("start"), row.get("end")
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end


def _wording(claim: JSON, row: JSON, texts: Mapping[str, str]) -> set[str]:
    """The words a sentence must hold to state ``claim`` through ``row``."""
    own = words_of(str(claim.get("text", "")))
    span = words_of(texts[str(row["article"])][int(row["start"]) : int(row["end"])])
    return own if own and len(own & span) >= 0.5 * len(own) else span


def _predicates(doc: Any) -> set[str]:
    """The predicate keys of a parse's verbs, nouns and adjectives (as claim slots name them)."""
    return {
        predicate_key(stem(t.lemma_.casefold()))
        for t in doc
        if t.pos_ in {"VERB", "AUX", "NOUN", "ADJ"}
    }


def _predicate_keys(predicate: str) -> set[str]:
    """A claim slot's predicate ("not approv", a stem) as the keys :func:`_predicates` gives."""
    word = predicate.split()[-1] if predicate.split() else predicate
    return {word, predicate_key(word), predicate_key(stem(word))}


def stated_claims(
    claims: Sequence[JSON],
    rows: Mapping[str, Sequence[JSON]],
    texts: Mapping[str, str],
    sentence: JSON,
    spans: Sequence[JSON],
    doc: Any,
) -> list[str]:
    """The claims the sentence states: its ``claims`` when it lists some; else those with an
    evidence span overlapping one of ``spans`` whose words (:data:`STATE_MIN`) and predicate
    (when the claim's slots name one) the sentence holds."""
    given = sentence.get("claims")
    if isinstance(given, list) and given:  # an empty list says nothing: infer
        return [str(c) for c in given]
    out: list[str] = []
    predicates = _predicates(doc)
    words = words_of(str(sentence.get("text", "")))
    for claim in claims:
        slots = claim.get("slots")
        predicate = slots.get("predicate") if isinstance(slots, dict) else None
        if predicate and not _predicate_keys(str(predicate)) & predicates:
            continue
        for row in rows.get(str(claim["id"]), []):
            if any(overlap(row, s) for s in spans):
                need = _wording(claim, row, texts)
                if need and len(need & words) >= STATE_MIN * len(need):
                    out.append(str(claim["id"]))
                    break
    return out


def coverage(claims: Sequence[JSON], stated: set[str]) -> tuple[int, int]:
    """Ledger claims (a group linked by ``same_event`` counts once) and those stated."""
    ids = [str(c["id"]) for c in claims]
    group = {cid: cid for cid in ids}

    def find(cid: str) -> str:
        while group[cid] != cid:
            cid = group[cid]
        return cid

    for c in claims:
        for other in c.get("same_event", []):
            if str(other) in group:
                group[find(str(other))] = find(str(c["id"]))
    roots = {find(cid) for cid in ids}
    return len(roots), len({find(cid) for cid in ids if cid in stated})
