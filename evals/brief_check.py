"""Faithfulness of the briefs (storyweave.brief.check) on the seeds, claims_dev and the examples.

For every story's brief: sentences, and how many are unsupported by their evidence, drop an
attribution their evidence carries (or add one it does not show), drop a hedge, denial or
condition, repeat an earlier sentence, are fragments, or open on an unresolved pronoun; and
coverage, the share of the story's ledger claims (a same_event group counts once) that some
sentence states. Corpora:

1. seeds: the two seed articles (../shared/data/seeds, published 2023-09-13), one story;
2. claims_dev: each case of ../shared/data/claims_dev/cases.json ingested into a fresh store,
   as ``storyweave analyze`` would (evals/claims_suite.py); also checked against the cases'
   gold: the ``brief_keep`` spans (a sentence citing one must keep its hedge or denial cue)
   and the repeat rule's Jaccard grid (pairs of sentences labelled by the gold targets);
3. examples: the bundled examples/*.jsonl (three stories), always run.

Reads ../shared/data (override with STORYWEAVE_SHARED_DATA); the seeds and claims_dev parts
skip with a message when it is absent. Thresholds are the library's constants
(storyweave.brief.check.REPEAT_JACCARD and check_evidence.STATE_MIN); nothing is tuned here.

Usage: python evals/brief_check.py [--json PATH] [--cases d01,d05] [--show KIND]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from claims_suite import analyze_case, data_dir, load_suite

from storyweave.analysis import ingest
from storyweave.brief.check import KINDS, REPEAT_JACCARD, BriefCheck, check_brief, repeat_score
from storyweave.brief.check_claims import STATE_MIN, words_of
from storyweave.config import Settings
from storyweave.eval.ledger import has_cue
from storyweave.eval.ledger_cases import Span, load_targets, prediction_from_report
from storyweave.ingest import IngestOptions
from storyweave.nlp.sentences import parse_sentences
from storyweave.pipeline import Pipeline
from storyweave.report import build_report
from storyweave.storage import open_store

ROOT = Path(__file__).resolve().parents[1]
SHARED = data_dir().parent
SEEDS = SHARED / "seeds"
GRID = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8)
COLUMNS = {
    "unsupported": "unsup",
    "attribution_dropped": "attr-",
    "attribution_added": "attr+",
    "modality_dropped": "modal",
    "repeat": "repeat",
    "fragment": "frag",
    "leading_pronoun": "pron",
}
Pair = tuple[float, bool]


def _report(paths: Sequence[Path], options: IngestOptions | None = None) -> dict[str, Any]:
    with open_store(":memory:") as store:
        result = ingest(list(paths), store=store, options=options)
        report: dict[str, Any] = build_report(store, result.article_ids)
    return report


def seeds_report() -> dict[str, Any] | None:
    """The seed articles' report (one story holds both), or None when they are absent."""
    if not SEEDS.is_dir():
        print(f"skipped seeds: {SEEDS} not found")
        return None
    return _report(sorted(SEEDS.glob("*.txt")), IngestOptions(published=dt.date(2023, 9, 13)))


def checks_of(report: dict[str, Any]) -> list[BriefCheck]:
    return [check_brief(story, report) for story in report.get("stories", [])]


def row(name: str, checks: Sequence[BriefCheck]) -> dict[str, Any]:
    totals: Counter[str] = Counter()
    for c in checks:
        totals.update(c.totals())
    claims = sum(c.claims for c in checks)
    covered = sum(c.covered for c in checks)
    return {
        "corpus": name,
        "stories": len(checks),
        **{k: totals[k] for k in ("sentences", *KINDS)},
        "claims": claims,
        "covered": covered,
        "coverage": covered / claims if claims else 0.0,
    }


def print_table(rows: Sequence[dict[str, Any]]) -> None:
    head = f"{'corpus':<12} {'stories':>7} {'sent':>5} " + " ".join(
        f"{v:>6}" for v in COLUMNS.values()
    )
    print(head + f" {'coverage':>16}")
    for r in rows:
        cells = " ".join(f"{r[k]:>6}" for k in COLUMNS)
        cover = f"{r['covered']}/{r['claims']} {r['coverage']:.3f}"
        print(f"{r['corpus']:<12} {r['stories']:>7} {r['sentences']:>5} {cells} {cover:>16}")


def by_section(checks: Iterable[BriefCheck]) -> dict[str, Counter[str]]:
    out: dict[str, Counter[str]] = {}
    for c in checks:
        for s in c.sentences:
            out.setdefault(s.section, Counter())["sentences"] += 1
            out[s.section].update(s.findings())
    return out


def _spans(sentence: dict[str, Any]) -> list[Span]:
    return [Span(str(e["article"]), int(e["start"]), int(e["end"])) for e in sentence["evidence"]]


def _labels(sentence: dict[str, Any], targets: Sequence[Any]) -> tuple[set[str], set[str]]:
    """The gold facts (target and side) a sentence states, and the targets whose non-support
    spans it cites."""
    spans, words = _spans(sentence), words_of(sentence["text"])
    facts: set[str] = set()
    traps: set[str] = set()
    for t in targets:
        for g in t.spans:
            need = words_of(g.text)
            if any(e.matches(g.span) for e in spans) and len(need & words) >= STATE_MIN * len(need):
                facts.add(f"{t.id}/{g.side}")
        if any(e.matches(n) for e in spans for n in t.non_support):
            traps.add(t.id)
    return facts, traps


def _score(a: str, b: str) -> float:
    """The repeat rule's score of two sentences (storyweave.brief.check.repeat_score)."""
    a_doc, b_doc = parse_sentences([a, b])
    return repeat_score(a, a_doc, b, b_doc)


def gold_pairs(case: dict[str, Any], report: dict[str, Any]) -> list[Pair]:
    """(Jaccard, same fact) for the pairs of one story's sentences both labelled by the gold:
    same fact = they state one target's side; not = different facts, or one cites a
    non-support span of the target the other states."""
    targets = load_targets(case, prediction_from_report(report))
    out: list[Pair] = []
    for story in report["stories"]:
        rows = [(s, *_labels(s, targets)) for s in story["brief"]["sentences"]]
        for (a, fa, ta), (b, fb, tb) in itertools.combinations(rows, 2):
            trap = bool({f.split("/")[0] for f in fa} & tb or {f.split("/")[0] for f in fb} & ta)
            if (fa and fb) or trap:
                out.append((_score(a["text"], b["text"]), bool(fa & fb)))
    return out


def ledger_pairs(checks: Iterable[BriefCheck]) -> list[Pair]:
    """(Jaccard, same claim) for the pairs of sentences that each state some ledger claim."""
    out: list[Pair] = []
    for c in checks:
        stated = [s for s in c.sentences if s.claims]
        for a, b in itertools.combinations(stated, 2):
            same = bool(set(a.claims) & set(b.claims))
            out.append((_score(a.text, b.text), same))
    return out


def _prf(pairs: Sequence[Pair], t: float) -> tuple[float, float, float, float]:
    tp = sum(s >= t and g for s, g in pairs)
    fp = sum(s >= t and not g for s, g in pairs)
    fn = sum(s < t and g for s, g in pairs)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    f05 = 1.25 * p * r / (0.25 * p + r) if p + r else 0.0
    return p, r, f1, f05


def print_grid(sets: dict[str, list[Pair]]) -> None:
    print("\nRepeat rule: content-word Jaccard >= t, no figure, polarity or antonym apart")
    for name, pairs in sets.items():
        print(f"  {name}: {len(pairs)} pairs, {sum(g for _, g in pairs)} same fact")
    pooled = [p for pairs in sets.values() for p in pairs]
    names = [*sets, "pooled"]
    print(f"  {'t':>5} " + " ".join(f"{n[:18]:>20}" for n in names) + "  pooled F0.5")
    for t in GRID:
        cells = [_prf(pairs, t) for pairs in [*sets.values(), pooled]]
        text = " ".join(f"{p:.2f}/{r:.2f}/{f1:.2f}".rjust(20) for p, r, f1, _ in cells)
        mark = "  <- shipped" if t == REPEAT_JACCARD else ""
        print(f"  {t:>5} {text} {cells[-1][3]:>12.3f}{mark}")
    print("  (cells: P/R/F1)")


def keep_verdicts(
    case: dict[str, Any], report: dict[str, Any], checks: Sequence[BriefCheck]
) -> Counter[str]:
    """The gold ``brief_keep`` rule against the checker: sentences citing a span whose cue
    must survive, those that lost it, and which of each the checker flags."""
    targets = load_targets(case, prediction_from_report(report))
    flagged = {
        (c.story, s.index)
        for c in checks
        for s in c.sentences
        if s.modality_dropped or s.attribution_dropped
    }
    out: Counter[str] = Counter()
    for story in report["stories"]:
        for n, sentence in enumerate(story["brief"]["sentences"]):
            spans = _spans(sentence)
            for t in targets:
                for keep in t.brief_keep:
                    if not any(e.matches(keep.span) for e in spans):
                        continue
                    lost = not has_cue(sentence["text"], keep.cues)
                    hit = (story["id"], n) in flagged
                    out["citing"] += 1
                    out["lost"] += lost
                    out["lost, flagged"] += lost and hit
                    out["kept, flagged"] += hit and not lost
    return out


def show(name: str, checks: Iterable[BriefCheck], kind: str) -> None:
    for c in checks:
        for s in c.sentences:
            if kind in s.findings() or (kind == "all" and s.findings()):
                detail = {
                    k: v
                    for k, v in (
                        ("dropped", s.attribution_dropped),
                        ("added", s.attribution_added),
                        ("modality", s.modality_dropped),
                        ("repeat_of", s.repeat_of),
                        ("pronoun", s.leading_pronoun),
                    )
                    if v not in ((), "", None)
                }
                print(f"  {name} {c.story} [{s.index}] {s.section}: {','.join(s.findings())}")
                print(f"      {s.text[:160]!r} {detail if detail else ''}")


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    corpora: dict[str, list[BriefCheck]] = {}
    pairs: dict[str, list[Pair]] = {}
    keep: Counter[str] = Counter()
    seeds = seeds_report()
    if seeds is not None:
        corpora["seeds"] = checks_of(seeds)
        pairs["seeds (ledger)"] = ledger_pairs(corpora["seeds"])
    cases = data_dir() / "cases.json"
    if cases.is_file():
        suite = load_suite([c for c in args.cases.split(",") if c] if args.cases else ())
        settings = Settings.load()
        pipeline = Pipeline(batch_size=settings.batch_size)
        corpora["claims_dev"] = []
        pairs["claims_dev (gold)"] = []
        for case in suite["cases"]:
            report = analyze_case(case, pipeline, settings)
            checks = checks_of(report)
            corpora["claims_dev"] += checks
            pairs["claims_dev (gold)"] += gold_pairs(case, report)
            keep += keep_verdicts(case, report, checks)
    else:
        print(f"skipped claims_dev: {cases} not found")
    corpora["examples"] = checks_of(_report(sorted((ROOT / "examples").glob("*.jsonl"))))
    rows = [row(name, checks) for name, checks in corpora.items()]
    rows.append(row("total", [c for checks in corpora.values() for c in checks]))
    print(f"Brief faithfulness ({time.perf_counter() - started:.0f} s)")
    print_table(rows)
    sections = by_section(c for checks in corpora.values() for c in checks)
    print("\nFindings by section (all corpora)")
    print(f"  {'section':<14} {'sent':>5} " + " ".join(f"{v:>6}" for v in COLUMNS.values()))
    for name, counts in sections.items():
        cells = " ".join(f"{counts[k]:>6}" for k in COLUMNS)
        print(f"  {name:<14} {counts['sentences']:>5} {cells}")
    if keep:
        print(
            f"\nclaims_dev brief_keep (gold: a sentence citing the span keeps its cue): "
            f"{keep['citing']} citing sentences, {keep['lost']} lost the cue, "
            f"{keep['lost, flagged']} of those flagged (modality or attribution dropped); "
            f"{keep['kept, flagged']} flagged that kept it"
        )
    if pairs:
        print_grid(pairs)
    if args.show:
        print(f"\nSentences with {args.show}")
        for name, checks in corpora.items():
            show(name, checks, args.show)
    if args.json:
        out = {
            "rows": rows,
            "sections": {k: dict(v) for k, v in sections.items()},
            "brief_keep": dict(keep),
            "repeat_jaccard": REPEAT_JACCARD,
            "stories": {name: [c.to_json() for c in checks] for name, checks in corpora.items()},
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", type=Path, default=None, help="write every figure and finding")
    parser.add_argument("--cases", default="", help="comma-separated claims_dev case ids")
    parser.add_argument(
        "--show", default="", help="print the sentences with this finding (a kind, or 'all')"
    )
    return run(parser.parse_args())


if __name__ == "__main__":
    sys.exit(main())
