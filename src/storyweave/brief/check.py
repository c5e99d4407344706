"""Faithfulness of a story's brief to its evidence and its claims ledger.

:func:`check_brief` reads one story of a JSON report (its ``brief.sentences`` and ``claims``)
and the report's articles, entities and attributions, parses each brief sentence (and the
article sentences around the spans it cites) with spaCy, and reports for every sentence:

- **unsupported**: its evidence does not hold its content words (:func:`.support.supported`;
  a frame naming the cited article's own outlet, "According to Harbour Times,", is allowed);
- **attribution dropped**: its evidence is attributed (a claim row with a speaker or chain
  beyond the article's own outlet, or an attribution whose content covers the span) but the
  sentence names no speaker or chain member (other than inside the words attributed), has
  no reporting frame and no "reportedly"; **attribution added**: the sentence names a source
  as saying it that its evidence does not show;
- **modality dropped**: the claim rows it rests on are hedged, denied or conditional and the
  sentence marks none of it; or a negation, modal, hedge, denial or condition of the cited
  article sentence (inside a cited span, between two, or governing them) bears on words the
  sentence kept and was left out;
- **repeat**: it states a claim an earlier sentence states, or its content words overlap an
  earlier sentence's by :data:`REPEAT_JACCARD` with the same figures and polarity;
- **fragment** and **leading pronoun** (:mod:`.sentence_checks`);

and, for the story, **coverage**: the share of its ledger claims (a group of ``same_event``
claims counts once) that some sentence states (:mod:`.check_claims`). Sentences may carry
``claims`` (ids), ``modality`` and ``attribution`` (``{"speaker", "chain"}``); they are used
when present, and inferred from the evidence when not.

DOCS: docs/stages/brief.md
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Final

from .._types import JSON
from ..claims.lexicon import antonyms
from . import sentence_checks as sc
from .check_claims import coverage, words_of
from .check_evidence import content_spans, contexts, judge, story_evidence

REPEAT_JACCARD: Final = 0.45
"""Two sentences that agree on figures, polarity and predicates (no antonyms) and whose
stemmed content words have a Jaccard overlap of at least this state the same fact
(:func:`repeat_score`). Fixed as the best F0.5 (a false repeat is worse than a missed one)
over the brief sentence pairs of the seed story, labelled by the ledger (351 pairs, 12 the
same claim), and of the claims_dev cases, labelled by their gold targets (628 pairs, 281
stating one target's side), with the brief as committed at 04aa21f: P 0.99, R 0.62, F0.5
0.884 (0.5: P 0.99, R 0.60; 0.4: P 0.95, R 0.64). Lexical overlap misses paraphrases ("dug
out 11 skiers alive" / "pulled eleven people out of the snow"): those count as repeats only
when the ledger merged them."""
KINDS: Final = (
    "unsupported",
    "attribution_dropped",
    "attribution_added",
    "modality_dropped",
    "repeat",
    "fragment",
    "leading_pronoun",
)


@dataclass(frozen=True, slots=True)
class SentenceCheck:
    """The findings on one brief sentence; an empty value means no finding of that kind."""

    index: int
    section: str
    text: str
    claims: tuple[str, ...] = ()
    unsupported: bool = False
    attribution_dropped: tuple[str, ...] = ()
    """The sources its evidence names and the sentence does not."""
    attribution_added: str = ""
    """The source the sentence names that its evidence does not show."""
    modality_dropped: str = ""
    """What was lost: "hedged (claim evidence)", "denied: not" ..."""
    repeat_of: int | None = None
    """The index of the earlier sentence it repeats."""
    fragment: bool = False
    leading_pronoun: str = ""

    def findings(self) -> list[str]:
        """The kinds of finding on this sentence, in :data:`KINDS` order."""
        values = {"repeat": self.repeat_of is not None}
        return [k for k in KINDS if values.get(k, getattr(self, k, None))]


@dataclass(frozen=True, slots=True)
class BriefCheck:
    """The findings on one story's brief: per sentence, and the ledger's coverage."""

    story: str
    sentences: tuple[SentenceCheck, ...]
    claims: int
    """Ledger claims, a group of same_event claims counted once."""
    covered: int
    """Of those, the ones some sentence states."""

    @property
    def coverage(self) -> float:
        return self.covered / self.claims if self.claims else 0.0

    def totals(self) -> dict[str, int]:
        """Sentences, and how many sentences have each kind of finding."""
        out = {"sentences": len(self.sentences)} | dict.fromkeys(KINDS, 0)
        for s in self.sentences:
            for kind in s.findings():
                out[kind] += 1
        return out

    def to_json(self) -> JSON:
        return {
            "story": self.story,
            "totals": self.totals(),
            "claims": self.claims,
            "covered": self.covered,
            "coverage": round(self.coverage, 4),
            "sentences": [asdict(s) | {"findings": s.findings()} for s in self.sentences],
        }


def check_brief(story: JSON, report: JSON, *, nlp: Any = None) -> BriefCheck:
    """Check one story's brief against its evidence and claims.

    Args:
        story: one entry of ``report["stories"]`` with its ``brief`` and ``claims``.
        report: the report (its ``articles``, ``entities`` and ``attributions`` are read).
        nlp: a spaCy pipeline to parse with; default the project's model
            (:func:`storyweave.nlp.models.load_nlp`, through the cached sentence parser).
    """
    ctx = story_evidence(story, report, nlp)
    brief = story.get("brief") or {}
    sentences = [s for s in brief.get("sentences", []) if isinstance(s, dict)]
    content = [content_spans(ctx, s.get("evidence", [])) for s in sentences]
    around = [contexts(ctx, s.get("evidence", [])) for s in sentences]
    texts = [str(s.get("text", "")) for s in sentences]
    evidence = [ctx.texts[c.article][c.start : c.end] for cs in around for c in cs]
    docs = ctx.parse(texts + evidence)
    bodies = [sc.body(d) for d in docs[: len(sentences)]]
    rest = [b for b, t in zip(bodies, texts, strict=True) if b != t]
    parsed = dict(zip(rest, ctx.parse(rest), strict=True))
    span_docs = iter(docs[len(sentences) :])
    out: list[SentenceCheck] = []
    for n, sentence in enumerate(sentences):
        doc, spans = docs[n], content[n]
        found = judge(ctx, sentence, doc, spans, around[n], [next(span_docs) for _ in around[n]])
        repeat = next(
            (
                s.index
                for s in out
                if set(s.claims) & set(found.claims)
                or repeat_score(s.text, docs[s.index], texts[n], doc) >= REPEAT_JACCARD
            ),
            None,
        )
        out.append(
            SentenceCheck(
                index=n,
                section=str(sentence.get("section", "")),
                text=texts[n],
                claims=found.claims,
                unsupported=found.unsupported,
                attribution_dropped=found.attribution_dropped,
                attribution_added=found.attribution_added,
                modality_dropped=found.modality_dropped,
                repeat_of=repeat,
                fragment=sc.is_fragment(parsed.get(bodies[n], doc)),
                leading_pronoun=sc.leading_pronoun(doc) or "",
            )
        )
    units, covered = coverage(ctx.claims, {c for s in out for c in s.claims})
    return BriefCheck(str(story.get("id", "")), tuple(out), units, covered)


def repeat_score(a: str, a_doc: Any, b: str, b_doc: Any) -> float:
    """How far two sentences state the same fact by their words: the Jaccard overlap of their
    stemmed content words; 0 when they disagree on a figure, on polarity or by antonyms (two
    sides of a dispute, "intervened" / "did not intervene", "won" / "lost", are no repeat)."""
    fa, fb = sc.figures(a_doc), sc.figures(b_doc)
    if (fa and fb and fa != fb) or sc.negated(a_doc) != sc.negated(b_doc):
        return 0.0
    pa, pb = sc.predicates(a_doc), sc.predicates(b_doc)
    if any(antonyms(x, y) for x in pa - pb for y in pb - pa):
        return 0.0
    return jaccard(words_of(a), words_of(b))


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0
