"""How a claim becomes a sentence that keeps what the articles said about it.

* **Whose words.** A claim stated by an article in its own voice is written as the claim
  (its evidence's words). A claim that rests only on attributed evidence is written as the
  attribution: the source, the reporting verb and the content, in the article's words
  ("The Kremlin leader affirmed that Moscow will help Pyongyang build satellites"), or
  "According to ..." when the article wrote it so; a pronoun or role source takes the
  speaker's name from a mention of that speaker in the same article, which joins the
  evidence. The modality ("reportedly", "plans to", "denied") stays because the words do.
* **Whole clauses.** A sentence must have a finite verb with a subject (a parse check);
  otherwise the whole source sentence holding the span is used, and if that is no clause
  either, the claim is left out. A sentence never starts with an unresolved pronoun.
* **Readable sources.** An article is labelled by its outlet, else the domain of its URL,
  else its title; never a file path or a content hash.

DOCS: docs/stages/brief.md
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

from .._types import JSON
from ..outlets import source_label

# Pronouns a sentence may not open with: a reader cannot tell who or what they stand for.
LEADING_PRONOUNS: Final = frozenset(
    {"he", "she", "they", "it", "we", "i", "you", "this", "these", "those", "that", "his",
     "her", "their", "its", "them", "him", "our", "my", "your", "us", "me"}
)  # fmt: skip
# Words a brief adds around the articles' words (a closed set, checked like the articles'):
# "According to RIA Novosti, citing Vladimir Putin, ..."; "Tin Tuc reported: ...".
TEMPLATE_WORDS: Final = frozenset({"according", "citing", "reported", "said", "reports"})
# The label of an article with no outlet, URL or title (never its file path or hash).
_SUBJECTS: Final = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_FINITE_TAGS: Final = frozenset({"VBD", "VBZ", "VBP", "MD"})
_WORD = re.compile(r"[^\W_]+")


def is_clause(doc: Any) -> bool:
    """Whether the parsed sentence's main clause has a finite verb with a subject (not a
    fragment such as "Plans to visit the cosmodrome.", "Quoting her lawyer as saying ...",
    or "At least 12 people killed after a magnitude.")."""
    for root in (t for t in doc if t.dep_ == "ROOT"):
        if not any(c.dep_ in _SUBJECTS for c in root.children):
            continue
        verbs = [root, *(c for c in root.children if c.dep_ in {"aux", "auxpass"})]
        if any(v.tag_ in _FINITE_TAGS or "Fin" in v.morph.get("VerbForm") for v in verbs):
            return True
    return False


def is_report(doc: Any) -> bool:
    """Whether a sentence in an article's own voice reports something: not a question ("Is
    this really a good idea?", an auxiliary before the subject) and not the writer speaking
    ("Now, I'm as excited as anybody": a first-person subject of the main clause)."""
    if doc.text.rstrip().endswith("?"):
        return False
    for root in (t for t in doc if t.dep_ == "ROOT"):
        subjects = [c for c in root.children if c.dep_ in _SUBJECTS]
        if any(s.lower_ in {"i", "we"} for s in subjects):
            return False
        auxes = [c for c in root.children if c.dep_ in {"aux", "auxpass"}] + [root]
        first = min((a.i for a in auxes if a.pos_ == "AUX"), default=None)
        if subjects and first is not None and first == doc[0].i and first < subjects[0].i:
            return False
    return True


def lower_first(doc: Any, text: str) -> str:
    """``text`` with its first letter lower-cased for use after "According to X, ", unless
    its first word is a name, an acronym or "I" (``doc`` is its parse)."""
    first = next(iter(doc), None)
    acronym = len(first.text) > 1 and first.text.isupper() if first is not None else False
    if first is None or first.pos_ == "PROPN" or acronym or first.text == "I":
        return text
    if not text[:1].isupper():
        return text
    return text[0].lower() + text[1:]


PARTITIVES: Final = frozenset(
    {"one", "some", "many", "all", "both", "each", "none", "most", "several", "few", "two",
     "three", "either", "neither", "any"}
)  # fmt: skip
"""Quantifiers of a partitive ("One of them told the judge ..."): the group it picks from is a
pronoun the sentence does not resolve."""
PARTITIVE_PRONOUNS: Final = frozenset({"them", "those", "these", "us", "you"})


def leading_pronoun(text: str) -> bool:
    """Whether ``text`` opens with a pronoun (after opening quotes), or with a partitive of
    one ("One of them ...", "Some of those ...")."""
    words = [w.casefold() for w in _WORD.findall(text[:40])]
    if not words:
        return False
    partitive = len(words) >= 3 and words[0] in PARTITIVES and words[1] == "of"
    return words[0] in LEADING_PRONOUNS or (partitive and words[2] in PARTITIVE_PRONOUNS)


def article_label(article: JSON) -> str:
    """A reader's name for an article's source (report JSON): its outlet, else the
    organisation or registrable domain of its URL, else its title (shortened), else
    :data:`NO_SOURCE` (:func:`storyweave.outlets.source_label`)."""
    return source_label(
        str(article.get("outlet") or "") or None,
        str(article.get("url") or "") or None,
        str(article.get("title") or "") or None,
    )


def sentence_case(text: str) -> str:
    text = text.strip()
    text = text[0].upper() + text[1:] if text and text[0].islower() else text
    return text if text.endswith((".", "!", "?", "”", '"', "’")) else text + "."


def covering(attributions: Mapping[str, list[JSON]], ev: JSON) -> JSON | None:
    """The attribution of the evidence's article whose content holds most of the span."""
    best, most = None, 0
    start, end = int(ev["start"]), int(ev["end"])
    for row in attributions.get(str(ev["article"]), []):
        content = row.get("content")
        if not isinstance(content, dict) or not row.get("source"):
            continue
        overlap = min(end, int(content["end"])) - max(start, int(content["start"]))
        if overlap > most and overlap * 2 >= end - start:
            best, most = row, overlap
    return best


def name_mention(entity: JSON | None, article: str) -> JSON | None:
    """A mention of ``entity`` in ``article`` that spells its canonical name, else any."""
    if not entity:
        return None
    found = [m for m in entity.get("mentions", []) if m.get("article") == article]
    whole = [m for m in found if m.get("text") == entity.get("name")]
    chosen: JSON | None = (whole or found or [None])[0]
    return chosen
