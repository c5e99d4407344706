"""Timeline coverage and date accuracy on TempEval-3 (TimeBank = train, AQUAINT = dev).

Gold: the TempEval-3 training documents (../shared/data/tempeval3, override the folder
with STORYWEAVE_SHARED_DATA) with their TLINKs. An event has a gold date when a TLINK
puts it inside a time expression with a calendar value (see DATING_RELATIONS: the event
IS_INCLUDED in, SIMULTANEOUS with, DURING or IDENTITY with the timex, either direction
of writing). Links to the document creation time (t0) are counted apart ("dct"), links
to a timex in the text as "text". BEFORE/AFTER, INCLUDES (the event holds the timex),
BEGUN_BY/ENDED_BY and IBEFORE give a bound, not a date, and are not counted.

The JSONL rows carry no TLINKs today: the script reads them from a row's ``tlinks``
field when present, else from the TBAQ-cleaned ``.tml`` files in the folder named by
STORYWEAVE_TEMPEVAL_TML (``TimeBank/`` and ``AQUAINT/`` inside it), joined by document,
event and timex ids. Without either it says so and exits 0.

Scores per split, over the gold-dated events:

- coverage (span): the event's word lies inside an entry's evidence;
- coverage (head): the event's word is an entry's own predicate (only entries that name
  their predicate; the timeline before issue 18 had none);
- date accuracy: among covered events, the entry's date read at the gold timex's
  precision equals the gold value (a coarser entry date is wrong);
- entries per document.

Usage: python evals/timeline_tempeval.py [--json] [--limit N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

SHARED = Path(
    os.environ.get(
        "STORYWEAVE_SHARED_DATA", Path(__file__).resolve().parents[1].parent / "shared" / "data"
    )
)
DATA = SHARED / "tempeval3"
SPLITS = {
    "timebank": ("tbaq_timebank.jsonl", "TimeBank"),
    "aquaint": ("tbaq_aquaint.jsonl", "AQUAINT"),
}
ROLE = {"timebank": "train", "aquaint": "dev"}
EVENT_FIRST = frozenset({"IS_INCLUDED", "SIMULTANEOUS", "DURING", "IDENTITY"})
TIMEX_FIRST = frozenset({"INCLUDES", "SIMULTANEOUS", "DURING_INV", "IDENTITY"})
DATING_RELATIONS = {"event -> timex": EVENT_FIRST, "timex -> event": TIMEX_FIRST}
"""The relations that give an event the timex's date (the event falls within the timex)."""
GRID_LEAD = (0, 1, 2, 3, 5)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def _tags(text: str, tag: str) -> list[dict[str, str]]:
    return [dict(_ATTR.findall(m)) for m in re.findall(rf"<{tag}\b([^>]*)>", text)]


def tml_links(path: Path) -> tuple[list[dict[str, str]], dict[str, str]]:
    """A ``.tml`` file's TLINKs and its instance-to-event map (eiid -> eid)."""
    text = path.read_text(encoding="utf-8")
    instances = {a["eiid"]: a["eventID"] for a in _tags(text, "MAKEINSTANCE")}
    return _tags(text, "TLINK"), instances


def gold_dates(doc: dict[str, Any], tml: Path | None) -> dict[str, tuple[str, str]]:
    """eid -> (gold value, "text" | "dct") for the events a dating TLINK places in a timex."""
    from storyweave.timeline import event_date

    links: list[dict[str, str]] = list(doc.get("tlinks") or [])
    instances: dict[str, str] = {}
    if not links and tml is not None and tml.exists():
        links, instances = tml_links(tml)
    values = {x["tid"]: x["value"] for x in doc["timexes"]}
    values["t0"] = doc["dct"][:10]
    out: dict[str, tuple[str, str]] = {}
    for link in links:
        rel = link.get("relType", "")
        event = instances.get(link.get("eventInstanceID", ""), link.get("eventID"))
        if event and link.get("relatedToTime") and rel in EVENT_FIRST:
            tid = link["relatedToTime"]
        elif link.get("timeID") and link.get("relatedToEventInstance") and rel in TIMEX_FIRST:
            tid = link["timeID"]
            event = instances.get(link["relatedToEventInstance"], link["relatedToEventInstance"])
        else:
            continue
        value = values.get(tid)
        if not event or value is None or event_date(value) is None:
            continue
        kind = "dct" if tid == "t0" else "text"
        if event not in out or (out[event][1] == "dct" and kind == "text"):
            out[event] = (value, kind)
    return out


def date_right(system: str, gold: str) -> bool:
    """The system date read at the gold value's precision equals the gold value."""
    from storyweave.timeline import event_date

    g, s = event_date(gold), event_date(system)
    if g is None or s is None or (s.rank < g.rank and s.precision != "time"):
        return False
    if g.precision in {"day", "month", "year", "decade", "century", "time"}:
        return system[: len(gold)] == gold if g.precision != "time" else system[:10] == gold[:10]
    if g.precision == "week":
        iso = s.start.isocalendar()
        return gold[:8] == f"{iso[0]:04d}-W{iso[1]:02d}"
    if g.precision == "quarter":
        return gold == f"{s.start.year:04d}-Q{(s.start.month - 1) // 3 + 1}"
    return system == gold


def annotate(rows: Sequence[dict[str, Any]]) -> list[Any]:
    from storyweave.model import Article
    from storyweave.pipeline import Pipeline

    articles = [
        Article(id=r["doc_id"], text=r["text"], ref=r["doc_id"], published=_dct(r["dct"]))
        for r in rows
    ]
    names = ("language", "sentences", "ner", "mention_repair", "timexes")
    return list(Pipeline(names, batch_size=16).run(articles).articles)


def _dct(text: str) -> dt.date:
    return dt.date.fromisoformat(text[:10])


def load_split(split: str, limit: int | None) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    rows = [json.loads(line) for line in (DATA / SPLITS[split][0]).open(encoding="utf-8")]
    rows = rows[:limit] if limit else rows
    return rows, {i.article.id: i for i in annotate(rows)}


def score(
    split: str, tml_dir: Path | None, rows: list[dict[str, Any]], items: dict[str, Any]
) -> dict[str, Any]:
    from storyweave.timeline import build_timeline

    folder = tml_dir / SPLITS[split][1] if tml_dir else None
    tally: Counter[str] = Counter()
    for row in rows:
        item = items.get(row["doc_id"])
        gold = gold_dates(row, folder / f"{row['doc_id']}.tml" if folder else None)
        entries = build_timeline([item]) if item is not None else []
        tally["docs"] += 1
        tally["entries"] += len(entries)
        for e in entries:
            tally["source " + _source(e)] += 1
        spans = {ev["eid"]: (ev["start"], ev["end"]) for ev in row["events"]}
        for eid, (value, kind) in gold.items():
            if eid not in spans:
                continue
            start, end = spans[eid]
            tally[f"gold {kind}"] += 1
            inside = [
                e for e in entries
                if any(c.span.start <= start and end <= c.span.end for c in e.evidence)
            ]  # fmt: skip
            heads = [e for e in entries if any(h.span.start == start for h in _heads(e))]
            if heads:
                tally[f"head {kind}"] += 1
                tally[f"head right {kind}"] += date_right(heads[0].date, value)
            if inside:
                best = min(inside, key=lambda e: min(c.span.end - c.span.start for c in e.evidence))
                tally[f"span {kind}"] += 1
                tally[f"span right {kind}"] += date_right(best.date, value)
    return _figures(tally)


def tune(tml_dir: Path | None, rows: list[dict[str, Any]], items: dict[str, Any]) -> int:
    """On TimeBank (train): creation-time (dct) coverage and accuracy for each lead length,
    then head coverage for each setting of the nominal, relation and present-tense rules."""
    from storyweave.timeline import events

    print("PUBLISHED_LEAD_SENTENCES on TimeBank (train): dct and all gold events")
    for lead in GRID_LEAD:
        events.PUBLISHED_LEAD_SENTENCES = lead  # type: ignore[misc]
        r = score("timebank", tml_dir, rows, items)
        d, a = r["dct"], r["all"]
        print(
            f"  lead {lead}: dct cov {d['coverage_head']:.3f} acc {d['accuracy_head']:.3f}"
            f"  all cov {a['coverage_head']:.3f} acc {a['accuracy_head']:.3f}"
            f"  entries/doc {r['entries_per_doc']}"
        )
    events.PUBLISHED_LEAD_SENTENCES = 1  # type: ignore[misc]
    from storyweave.timeline import nominal, relations

    grids: list[tuple[str, Any, str, tuple[Any, ...]]] = [
        ("NOMINAL_EVENTS", events, "NOMINAL_EVENTS", (False, True)),
        ("CONVERTIBLE_IN_PHRASE", nominal, "CONVERTIBLE_IN_PHRASE", (False, True)),
        ("RELATIONS", events, "RELATIONS", (False, True)),
        ("BARE_COARSE", relations, "BARE_COARSE", (False, True)),
        ("PUBLISHED_PRESENT", events, "PUBLISHED_PRESENT", ("off", "report", "any")),
    ]
    for name, module, attr, values in grids:
        shipped = getattr(module, attr)
        for value in values:
            setattr(module, attr, value)
            r = score("timebank", tml_dir, rows, items)
            t, d = r["text"], r["dct"]
            print(
                f"  {name} {value}: text cov {t['coverage_head']:.3f} acc {t['accuracy_head']:.3f}"
                f"  dct cov {d['coverage_head']:.3f} acc {d['accuracy_head']:.3f}"
                f"  entries/doc {r['entries_per_doc']}"
            )
        setattr(module, attr, shipped)
    return 0


def _source(entry: Any) -> str:
    return str(getattr(entry, "date_source", "stated"))


def _heads(entry: Any) -> tuple[Any, ...]:
    return tuple(getattr(entry, "heads", ()))


def _figures(t: Counter[str]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "docs": t["docs"],
        "entries_per_doc": round(t["entries"] / max(1, t["docs"]), 2),
        "sources": {k[7:]: v for k, v in t.items() if k.startswith("source ")},
    }
    for kind in ("text", "dct", "all"):
        keys = ("text", "dct") if kind == "all" else (kind,)
        gold = sum(t[f"gold {k}"] for k in keys)
        row: dict[str, Any] = {"gold": gold}
        for how in ("span", "head"):
            hit = sum(t[f"{how} {k}"] for k in keys)
            right = sum(t[f"{how} right {k}"] for k in keys)
            row[f"coverage_{how}"] = round(hit / max(1, gold), 3)
            row[f"accuracy_{how}"] = round(right / max(1, hit), 3)
        out[kind] = row
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--limit", type=int, help="only the first N documents of each split")
    parser.add_argument(
        "--tune", action="store_true", help="TimeBank only: the grids of the timeline's settings"
    )
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"skipped: {DATA} not found")
        return 0
    tml = os.environ.get("STORYWEAVE_TEMPEVAL_TML")
    tml_dir = Path(tml) if tml else None
    first = json.loads((DATA / SPLITS["timebank"][0]).open(encoding="utf-8").readline())
    if "tlinks" not in first and (tml_dir is None or not tml_dir.is_dir()):
        print(
            "skipped: the TempEval-3 rows carry no TLINKs; set STORYWEAVE_TEMPEVAL_TML to a "
            "TBAQ-cleaned folder (TimeBank/, AQUAINT/ of .tml files) to score the timeline"
        )
        return 0
    started = time.time()
    loaded = {split: load_split(split, args.limit) for split in SPLITS}
    if args.tune:
        return tune(tml_dir, *loaded["timebank"])
    result = {split: score(split, tml_dir, *loaded[split]) for split in SPLITS}
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print("Timeline on TempEval-3: events a TLINK dates (text timex | creation time)")
    head = f"  {'split':<15} {'gold':>5} {'cov span':>9} {'acc':>6} {'cov head':>9} {'acc':>6}"
    print(head + f" {'entries/doc':>12}")
    for split, r in result.items():
        for kind in ("text", "dct", "all"):
            f = r[kind]
            name = f"{split}/{ROLE[split]} {kind}"
            print(
                f"  {name:<15} {f['gold']:>5} {f['coverage_span']:>9.3f} {f['accuracy_span']:>6.3f}"
                f" {f['coverage_head']:>9.3f} {f['accuracy_head']:>6.3f}"
                f" {r['entries_per_doc'] if kind == 'text' else '':>12}"
            )
        print(f"  {'':<15} entries by date source: {r['sources']}")
    print(f"  ({time.time() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
