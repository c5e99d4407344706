"""The claim ledger on the hand-made claims suite: conflicts, statuses, origins, support, brief.

Reads ../shared/data/claims_dev (or $STORYWEAVE_SHARED_DATA/claims_dev): 46 small closed
stories with gold target claims (see the README there; its "Scoring rules" are what
:mod:`storyweave.eval.ledger` implements). Every case runs through the product exactly as
``storyweave analyze <case>.jsonl --db <fresh db> --json report.json`` would: the case's
articles are written to one JSONL file, ingested into a fresh SQLite store in a temporary
folder (:func:`storyweave.analysis.ingest`), and the report is built and validated
(:func:`storyweave.report.build_report`). Models load once for the whole run.

Prints conflict P/R/F1, a per-slot table, a per-kind table and one summary line.

Usage: python evals/claims_suite.py [--cases d01,d05] [--json PATH] [--keep DIR] [-v]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from storyweave.analysis import ingest
from storyweave.config import Settings
from storyweave.eval.ledger import CaseResult, score_case
from storyweave.eval.ledger_cases import prediction_from_report
from storyweave.eval.ledger_tables import (
    conflict_score,
    gold_slot_rows,
    kind_rows,
    pred_slot_rows,
    summary_line,
)
from storyweave.ingest import IngestOptions
from storyweave.pipeline import Pipeline
from storyweave.report import build_report, validate_report
from storyweave.storage import open_store

ARTICLE_FIELDS = ("id", "outlet", "published", "title", "text")


def data_dir() -> Path:
    env = os.environ.get("STORYWEAVE_SHARED_DATA")
    base = Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared" / "data"
    return base / "claims_dev"


def load_suite(wanted: Sequence[str] = (), suite_name: str = "dev") -> dict[str, Any]:
    """The suite's cases, with only the ``wanted`` case ids when some are given."""
    suite: dict[str, Any] = json.loads(cases_path(suite_name).read_text(encoding="utf-8"))
    if wanted:
        unknown = set(wanted) - {c["id"] for c in suite["cases"]}
        if unknown:
            raise SystemExit(f"unknown cases: {', '.join(sorted(unknown))}")
        suite["cases"] = [c for c in suite["cases"] if c["id"] in wanted]
    return suite


def analyze_case(case: dict[str, Any], pipeline: Pipeline, settings: Settings) -> dict[str, Any]:
    """The report ``storyweave analyze`` writes for the case, from a fresh store."""
    options = IngestOptions(
        max_file_bytes=settings.max_file_bytes, max_article_chars=settings.max_article_chars
    )
    with tempfile.TemporaryDirectory(prefix=f"claims-{case['id']}-") as tmp:
        jsonl = Path(tmp) / f"{case['id']}.jsonl"
        rows = [{k: a[k] for k in ARTICLE_FIELDS if k in a} for a in case["articles"]]
        jsonl.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
        )
        with open_store(Path(tmp) / "store.db") as store:
            result = ingest(
                [jsonl], store=store, settings=settings, options=options, pipeline=pipeline
            )
            for f in result.failures:
                print(
                    f"{case['id']}: stage {f.stage} failed on {f.ref}: {f.error}", file=sys.stderr
                )
            if not result.article_ids:
                raise RuntimeError(f"{case['id']}: nothing could be analysed")
            report: dict[str, Any] = build_report(store, result.article_ids)
    validate_report(report)
    return report


def print_conflicts(cases: Sequence[CaseResult]) -> None:
    c = conflict_score(cases)
    p = c.prf
    print(
        f"conflicts: P {p.precision:.3f}  R {p.recall:.3f}  F1 {p.f1:.3f}   "
        f"({c.right} right of {c.links} links, {c.excluded} left out; "
        f"{c.found} of {c.gold} gold conflicts found)"
    )


def print_slots(cases: Sequence[CaseResult]) -> None:
    print(f"\n{'gold slot':12} {'targets':>7} {'found':>6} {'recall':>7} {'slot right':>10}")
    for g in gold_slot_rows(cases):
        recall = g.found / g.targets if g.targets else 0.0
        print(f"{g.slot:12} {g.targets:>7} {g.found:>6} {recall:>7.3f} {g.slot_right:>10}")
    print(f"\n{'link slot':12} {'links':>7} {'right':>6} {'prec':>7} {'slot right':>10}")
    for r in pred_slot_rows(cases):
        precision = r.right / r.links if r.links else 0.0
        print(f"{r.slot:12} {r.links:>7} {r.right:>6} {precision:>7.3f} {r.slot_right:>10}")


def print_kinds(cases: Sequence[CaseResult], order: Sequence[str]) -> None:
    head = (
        f"\n{'kind':13} {'targets':>7} {'status ok':>9} {'false corr':>10} {'origins ok':>10} "
        f"{'support P':>9} {'traps':>5} {'false links':>11} {'brief lost':>10}"
    )
    print(head)
    for k in kind_rows(cases, order):
        origins = f"{k.origins_right}/{k.origins_scored}" if k.origins_scored else "-"
        print(
            f"{k.kind:13} {k.targets:>7} {k.status_right:>9} {k.false_corroborations:>10} "
            f"{origins:>10} {k.support_precision:>9.3f} {k.trap_hits:>5} {k.false_links:>11} "
            f"{k.brief_lost:>10}"
        )


def print_details(result: CaseResult) -> None:
    """Per-target and per-link details of one case (``-v``)."""
    for t in result.targets:
        d = t.to_json()
        mark = "ok " if d["status_right"] else "BAD"
        print(
            f"  {mark} {d['case']}/{d['target']} [{d['kind']}: {d['sub']}] {d['fact']!r}: "
            f"expect {d['expect']} got {d['status']}; origins {d['origins']} -> "
            f"{d['origins_predicted']}; support {d['support'][0]}/{d['support'][1]}"
            + (" FALSE-CORROBORATION" if d["false_corroboration"] else "")
            + (f" traps {d['traps']}" if d["traps"] else "")
        )
        for m in d["matches"]:
            print(
                f"      {m['claim']} [{m['status']}, {m['independent_sources']} src, "
                f"sides {''.join(m['sides'])}] {m['text']!r}\n        why: {m['why']}"
            )
        for b in d["brief"]:
            if b["lost"]:
                print(f"      brief lost the cue of {b['span']!r}: {b['lost']}")
    for link in result.links:
        print(
            f"  link {link.verdict}: {link.texts[0]!r} <-> {link.texts[1]!r} "
            f"slots {sorted(link.slots)} touches {list(link.touched)}"
        )


def run(args: argparse.Namespace) -> int:
    suite = load_suite([c for c in args.cases.split(",") if c] if args.cases else (), args.suite)
    settings = Settings.load()
    pipeline = Pipeline(batch_size=settings.batch_size)
    results: list[CaseResult] = []
    t0 = time.perf_counter()
    for case in suite["cases"]:
        report = analyze_case(case, pipeline, settings)
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            out = args.keep / f"{case['id']}.json"
            out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
        results.append(score_case(case, prediction_from_report(report)))
        if args.verbose:
            print(f"== {case['id']} ({case['kind']}) {case['title']}")
            print_details(results[-1])
    print(f"({len(results)} cases in {time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    print_conflicts(results)
    print_slots(results)
    print_kinds(results, list(suite.get("kinds", {})))
    print("\n" + summary_line(results))
    if args.json:
        write_json(args.json, results, list(suite.get("kinds", {})))
    return 0


def write_json(path: Path, results: Sequence[CaseResult], order: Sequence[str]) -> None:
    """Every figure and the per-target and per-link details."""
    c = conflict_score(results)
    figures = {
        "conflicts": asdict(c) | asdict(c.prf),
        "gold_slots": [asdict(r) for r in gold_slot_rows(results)],
        "link_slots": [asdict(r) for r in pred_slot_rows(results)],
        "kinds": [
            {**asdict(k), "support_precision": k.support_precision}
            for k in kind_rows(results, order)
        ],
        "summary": summary_line(results),
        "cases": [r.to_json() for r in results],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", default="", help="comma-separated case ids (default: all)")
    parser.add_argument("--json", type=Path, default=None, help="write figures and details here")
    parser.add_argument("--keep", type=Path, default=None, help="write each case's report here")
    parser.add_argument("-v", "--verbose", action="store_true", help="per-target details")
    parser.add_argument(
        "--suite",
        choices=("dev", "train"),
        default="dev",
        help="dev: ../shared/data/claims_dev (default); train: tests/claims/suite, the hand-written"
        " cases thresholds are tuned on",
    )
    args = parser.parse_args()
    if not cases_path(args.suite).is_file():
        print(f"skipped: {cases_path(args.suite)} not found")
        return 0
    return run(args)


def cases_path(suite: str) -> Path:
    """Where the suite's cases are: the shared dev data, or the training cases in the repo."""
    if suite == "train":
        return (
            Path(__file__).resolve().parents[1] / "tests" / "claims" / "suite" / "train_cases.json"
        )
    return data_dir() / "cases.json"


if __name__ == "__main__":
    raise SystemExit(main())
