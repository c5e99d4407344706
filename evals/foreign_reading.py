"""Reading other languages by word lists: figures, quotes and dates on hand-written news (issue 20).

``tests/foreign/fixtures/reading.jsonl``: 40 paragraphs, five each in Spanish, French, German,
Italian, Portuguese, Dutch, Russian and Vietnamese, written for this measure by a helper who did
not read the rules, with every figure written in digits, every quote or credited clause and
every date annotated (value resolved against the publication date). Printed per language:

- figures: recall and precision, a found figure matching a gold one when their spans overlap
  and their values are equal (percent or not alike);
- quotes: recall of the quoted content (a found attribution whose content overlaps the gold
  content by half of it) and, of those, the share with the gold speaker (one name holds the
  other, case and accents folded: "Iriondo" for "Marta Iriondo"; an unnamed gold speaker is
  matched by an unnamed one);
- dates: value F1, a found expression matching a gold one when their spans overlap and the
  values are equal (TempEval-style relaxed match).

Run on two sets: ``reading.jsonl`` (the one the rules were fixed on after its first run) and
``reading_check.jsonl`` (held out: written after the fixes, never tuned on).

Usage: python evals/foreign_reading.py [-v]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from storyweave.entities.names import fold
from storyweave.foreign import find_figures, find_foreign_attributions
from storyweave.pipeline.language import split_sentences
from storyweave.timex.foreign import body_timexes

_HERE = Path(__file__).resolve().parents[1] / "tests" / "foreign" / "fixtures"
FIXTURES = _HERE / "reading.jsonl"
CHECK = _HERE / "reading_check.jsonl"
"""A second set (32 paragraphs, four a language), written later by another helper who read
neither the rules nor the first set: run, never tuned on."""


def _span(text: str, piece: str | None) -> tuple[int, int] | None:
    if not piece:
        return None
    at = text.find(piece)
    return (at, at + len(piece)) if at >= 0 else None


def _overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> int:
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score(row: dict[str, Any], verbose: bool) -> dict[str, int]:
    text, lang = row["text"], row["lang"]
    published = dt.date.fromisoformat(row["published"])
    out: dict[str, int] = defaultdict(int)
    found = find_figures(text, lang)
    gold = [(_span(text, g["text"]), g["value"], g["percent"]) for g in row["figures"]]
    hit = set()
    for f in found:
        here = (f.span.start, f.span.end)
        match = [
            n
            for n, (sp, v, p) in enumerate(gold)
            if _overlap(sp, here) and v == f.value and p == f.percent
        ]
        if match:
            hit.add(match[0])
            out["figures_right"] += 1
        elif verbose:
            print(f"  {row['id']} figure, not gold: {f.text!r} = {f.value}")
    out["figures_found"] += len(found)
    out["figures_gold"] += len(gold)
    out["figures_hit"] += len(hit)
    if verbose:
        for n, g in enumerate(row["figures"]):
            if n not in hit:
                print(f"  {row['id']} figure missed: {g['text']!r} = {g['value']}")
    sentences = split_sentences(text, language=lang)
    atts = find_foreign_attributions(text, sentences, lang)
    for g in row["quotes"]:
        gs = _span(text, g["content"])
        assert gs is not None
        best = max(atts, key=lambda a: _overlap(gs, (a.content.start, a.content.end)),
                   default=None)  # fmt: skip
        out["quotes_gold"] += 1
        if best is None or _overlap(gs, (best.content.start, best.content.end)) * 2 < gs[1] - gs[0]:
            if verbose:
                print(f"  {row['id']} quote missed: {g['content'][:60]!r}")
            continue
        out["quotes_hit"] += 1
        speaker = (
            (best.source.start, best.source.end) if best.source and best.speaker_name else None
        )
        if best.source_type == "unnamed":
            speaker = None
        found_name = fold(best.speaker_name or "") if speaker else ""
        gold_name = fold(g["speaker"] or "")
        right = (g["speaker"] is None and speaker is None) or bool(
            found_name and gold_name and (found_name in gold_name or gold_name in found_name)
        )
        out["speakers_right"] += right
        if verbose and not right:
            print(f"  {row['id']} speaker: {best.speaker_name!r} for {g['speaker']!r}")
    xs = body_timexes(text, lang, published)
    gold_t = [(_span(text, g["text"]), g["value"]) for g in row["timexes"]]
    matched = set()
    for x in xs:
        here = (x.span.start, x.span.end)
        match = [
            n
            for n, (sp, v) in enumerate(gold_t)
            if _overlap(sp, here) and v == x.value and n not in matched
        ]
        if match:
            matched.add(match[0])
        elif verbose:
            print(f"  {row['id']} date, not gold: {text[x.span.start : x.span.end]!r} = {x.value}")
    out["dates_found"] += len(xs)
    out["dates_gold"] += len(gold_t)
    out["dates_right"] += len(matched)
    if verbose:
        for n, (_, v) in enumerate(gold_t):
            if n not in matched:
                print(f"  {row['id']} date missed: {row['timexes'][n]['text']!r} = {v}")
    return out


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-v", action="store_true", help="print every miss")
    args = ap.parse_args()
    for name, path in (("tune", FIXTURES), ("check", CHECK)):
        print(f"== {name}: {path.name}")
        report(path, args.v)
    return 0


def report(path: Path, verbose: bool) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    by_lang: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        for k, v in score(row, verbose).items():
            by_lang[row["lang"]][k] += v
            by_lang["all"][k] += v
    print(f"{'lang':5} {'fig R':>6} {'fig P':>6} {'quote R':>8} {'speaker':>8} {'date F1':>8}")
    for lang, c in by_lang.items():
        fr = c["figures_hit"] / max(1, c["figures_gold"])
        fp = c["figures_right"] / max(1, c["figures_found"])
        qr = c["quotes_hit"] / max(1, c["quotes_gold"])
        sp = c["speakers_right"] / max(1, c["quotes_hit"])
        dp = c["dates_right"] / max(1, c["dates_found"])
        dr = c["dates_right"] / max(1, c["dates_gold"])
        print(f"{lang:5} {fr:6.3f} {fp:6.3f} {qr:8.3f} {sp:8.3f} {_f1(dp, dr):8.3f}")


if __name__ == "__main__":
    raise SystemExit(main())
