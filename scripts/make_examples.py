"""Rebuild examples/ from ../shared/data: the seed articles and two ECB+ stories.

ECB+ (Cybulska & Vossen 2014) is CC BY 3.0; its tokenised text is detokenised
here. Run: python scripts/make_examples.py (skips cleanly without ../shared/data).
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("STORYWEAVE_SHARED_DATA", ROOT.parent / "shared" / "data"))
PER_STORY = 4
ECB_STORIES = {
    "1_ecb": "rehab-tara-reid.jsonl",
    "1_ecbplus": "rehab-lindsay-lohan.jsonl",
}

_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}]|'s\b|n't\b|'re\b|'ve\b|'ll\b|'d\b|'m\b)")


def detokenise(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = re.sub(r"`` ?", "“", text)
    text = re.sub(r" ?''", "”", text)
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    text = re.sub(r"([(\[{$]) ", r"\1", text)
    return re.sub(r"(\w)“", r"\1 “", text)


def main() -> int:
    if not DATA.is_dir():
        print(f"skipped: {DATA} not found")
        return 0
    out = ROOT / "examples"
    seeds = sorted((DATA / "seeds").glob("*.txt"))
    with (out / "kim-putin-summit.jsonl").open("w", encoding="utf-8") as fh:
        for path in seeds:
            row = {
                "id": path.stem,
                "text": path.read_text(encoding="utf-8"),
                "published": "2023-09-13",
            }
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    docs: dict[str, list[dict[str, object]]] = {}
    for line in (DATA / "ecbplus" / "documents.jsonl").open(encoding="utf-8"):
        doc = json.loads(line)
        if doc["subtopic"] in ECB_STORIES:
            docs.setdefault(doc["subtopic"], []).append(doc)
    for subtopic, name in ECB_STORIES.items():
        chosen = sorted(docs[subtopic], key=lambda d: str(d["doc_id"]))[:PER_STORY]
        with (out / name).open("w", encoding="utf-8") as fh:
            for doc in chosen:
                sents = doc["sentences"]
                assert isinstance(sents, list)
                lines = [detokenise(s["tokens"]) for s in sents]
                url = doc.get("source_url")
                if lines and lines[0].startswith("http"):  # ECB+ keeps the page address as line 1
                    url = "".join(lines.pop(0).split())
                row = {"id": f"ecbplus-{doc['doc_id']}", "text": "\n".join(lines), "url": url}
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(seeds)} seed articles and {len(ECB_STORIES)} ECB+ stories to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
