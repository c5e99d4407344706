"""Generated batches of files and JSONL lines, good, bad and random, read from one folder: no
traceback escapes ``read_inputs``, every bad input yields one failure naming its file (and
line) in one plain line, the rest of the batch goes on, and the store ends with exactly the
good inputs' articles (and takes every failure)."""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyweave.ingest import IngestOptions, read_inputs
from storyweave.ingest.decode import printable_name
from storyweave.model import Article, Failure
from storyweave.storage import open_store

_PHRASE = (
    "police officials said on Monday that heavy rain flooded the old town while rescue teams "
    "searched for missing residents and the mayor promised new funds for repairs after talks "
    "with ministers in the capital"
)
WORDS = _PHRASE.split(" ")
GOOD_ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom", "utf-32", "utf-32-le-bom")
WRONG_TYPES = st.one_of(
    st.integers(),
    st.floats(allow_nan=False),
    st.booleans(),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
DEGENERATE = st.sampled_from(
    [
        "a" * 4096,
        "!!!!!!!!",
        "12 34 56 78 90",
        "x1 y2 z3",
        "the cat " * 300,
        "## 1999-2000 ## 42 %%",
    ]
)
# Field values a store can hold (no NUL, no lone surrogate: those are refused, E116).
STRINGS = st.text(max_size=20).filter(lambda s: "\x00" not in s)
ODD_NAME = st.text(
    alphabet=st.sampled_from("abc XYZ-_,()'é東京ü0123456789+=@"), min_size=1, max_size=16
)


def _unique_word(k: int) -> str:
    """A made-up word of letters for input ``k``, so every good text (and id) differs."""
    letters = "".join("bcdfghjklmnpqrstvwxz"[int(d)] for d in str(k))
    return "zy" + letters + "ox"


def _good_text(draw: st.DrawFn, k: int) -> str:
    n = draw(st.integers(6, 30))
    words = draw(st.lists(st.sampled_from(WORDS), min_size=n, max_size=n))
    words.insert(draw(st.integers(0, n)), _unique_word(k))
    return " ".join(words).capitalize() + "."


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16-be-bom":
        return b"\xfe\xff" + text.encode("utf-16-be")
    if encoding == "utf-32-le-bom":
        return b"\xff\xfe\x00\x00" + text.encode("utf-32-le")
    return text.encode(encoding)


@dataclass
class Batch:
    """Files to write (relative path as bytes -> content), links, and what each should give."""

    files: dict[bytes, bytes] = field(default_factory=dict)
    links: dict[bytes, bytes] = field(default_factory=dict)  # link -> target (may be outside)
    good: Counter[tuple[str, int]] = field(default_factory=Counter)  # (name, line 0 = file)
    bad: Counter[tuple[str, int]] = field(default_factory=Counter)
    wild: set[str] = field(default_factory=set)  # random files: one item each, either kind
    good_refs: set[str] = field(default_factory=set)


@st.composite
def batches(draw: st.DrawFn) -> Batch:
    b = Batch()
    k = 0
    n_files = draw(st.integers(1, 8))
    for i in range(n_files):
        k += 1
        sub = draw(st.sampled_from(["", "sub/", "sub/deeper/"]))
        odd = draw(ODD_NAME).strip() or "x"
        kind = draw(st.sampled_from(["text", "jsonl", "bad-file", "bad-name", "wild"]))
        if kind == "text":
            name = f"{sub}{i:02d} {odd}{draw(st.sampled_from(['.txt', '.md']))}"
            data = _encode(_good_text(draw, k), draw(st.sampled_from(GOOD_ENCODINGS)))
            b.good[(name, 0)] += 1
            b.good_refs.add(name)
        elif kind == "bad-file":
            name = f"{sub}{i:02d} {odd}.txt"
            text = _good_text(draw, k)
            data = draw(st.sampled_from([
                text.encode("utf-16-le"),  # UTF-16 without its mark: binary (E103)
                ("café " + text).encode("latin-1"),  # not UTF-8 (E104)
                b"\xff\xfe" + text.encode("utf-16-le") + b"\x00\xdc",  # bad UTF-16 (E125)
                b"  \n ",  # empty (E102)
                draw(DEGENERATE).encode(),
                b"\x80" + draw(st.binary(max_size=200)),  # never UTF-8, never a mark
            ]))  # fmt: skip
            b.bad[(name, 0)] += 1
        elif kind == "bad-name":
            raw = draw(st.sampled_from([b"caf\xe9", b"\xff\xfe name", b"tab\there", b"new\nline"]))
            name_b = f"{sub}{i:02d} ".encode() + raw + b".txt"
            b.files[name_b] = _good_text(draw, k).encode()
            b.bad[(printable_name(os.fsdecode(name_b)), 0)] += 1
            continue
        elif kind == "wild":
            name = f"{sub}{i:02d} {odd}{draw(st.sampled_from(['.txt', '.md', '.html']))}"
            if draw(st.booleans()):
                data = draw(st.binary(min_size=1, max_size=300))
            else:  # random text, or prose with random text around it, in a random encoding
                text = draw(st.text(max_size=200))
                if draw(st.booleans()):
                    text = text + " " + _good_text(draw, k) + " " + draw(st.text(max_size=30))
                enc = draw(st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-32", "latin-1"]))
                data = text.encode(enc, errors="replace")
            b.wild.add(name)
        else:
            name = f"{sub}{i:02d} {odd}.jsonl"
            lines: list[bytes] = []
            for n in range(1, draw(st.integers(1, 6)) + 1):
                k += 1
                line, good = draw(_jsonl_line(k, name, n))
                lines.append(line)
                (b.good if good else b.bad)[(name, n)] += 1
                if good:
                    b.good_refs.add(good)
            data = b"\n".join(lines) + b"\n"
            if draw(st.booleans()):  # the whole file in UTF-16 (lines numbered the same)
                data = data.decode("utf-8").encode("utf-16")
        b.files[name.encode()] = data
    # links: to a file inside (read once, no item of its own), out of the folder, nowhere
    inside = [p for p, _ in b.good if _ == 0 and not p.startswith("sub/deeper")]
    for j in range(draw(st.integers(0, 4))):
        link = f"link{j}.txt"
        kind = draw(st.sampled_from(["inside", "outside-file", "outside-dir", "loop", "broken"]))
        if kind == "inside" and inside:
            b.links[link.encode()] = draw(st.sampled_from(inside)).encode()
            continue
        if kind == "inside":
            continue
        target = {"outside-file": b"../outside/secret.txt", "outside-dir": b"../outside",
                  "loop": link.encode(), "broken": b"missing.txt"}[kind]  # fmt: skip
        if kind == "outside-dir":
            link = f"linkdir{j}"
        b.links[link.encode()] = target
        b.bad[(link, 0)] += 1
    return b


LINE_KINDS = [
    *("good", "good", "wrong-type", "not-json", "not-object"),
    *("no-text", "degenerate", "surrogate", "bad-date"),
]


@st.composite
def _jsonl_line(draw: st.DrawFn, k: int, name: str, n: int) -> tuple[bytes, str | None]:
    """One JSONL line and, when it is good, the ref its article gets (None: a bad line)."""
    text = _good_text(draw, k)
    obj: dict[str, object] = {"text": text}
    ident = draw(st.sampled_from(["str", "int", "none"]))
    if ident == "str":
        obj["id"] = f"id-{k}"
    elif ident == "int":
        obj["id"] = k
    for key in ("title", "url", "outlet", "language"):
        if draw(st.booleans()):
            obj[key] = draw(st.none() | STRINGS)
    if draw(st.booleans()):
        obj["published"] = draw(st.sampled_from([None, "2023-09-13", "2023-09-13T08:00:00Z"]))
    if draw(st.booleans()):
        obj[draw(st.sampled_from(["colour", "extra", "tags"]))] = draw(
            WRONG_TYPES | st.text(max_size=5)
        )
    how = draw(st.sampled_from(LINE_KINDS))
    if how == "good":
        ref = str(obj["id"]) if "id" in obj else f"{name}:{n}"
        return json.dumps(obj).encode(), ref
    if how == "wrong-type":
        key = draw(st.sampled_from(["title", "url", "outlet", "language", "published", "id"]))
        value = draw(WRONG_TYPES)
        if key == "id" and isinstance(value, int) and not isinstance(value, bool):
            value = [value]  # a whole number is a good id
        obj[key] = value
    elif how == "not-json":
        junk = draw(st.text(max_size=30)).replace("}", "").replace("\n", " ")
        return ("{" + junk).encode(), None  # an object never closed
    elif how == "not-object":
        return json.dumps(draw(st.lists(st.integers(), max_size=3) | st.integers())).encode(), None
    elif how == "no-text":
        obj["text"] = draw(st.sampled_from(["", "   ", None, 5, ["x"]]))
    elif how == "degenerate":
        obj["text"] = draw(DEGENERATE)
    elif how == "surrogate":
        obj[draw(st.sampled_from(["text", "title", "id"]))] = "Rain \ud83d in Lyon on Friday"
    else:
        obj["published"] = draw(st.sampled_from(["13/09/2023", "yesterday", "2023-02-30"]))
    return json.dumps(obj).encode(), None


def _write(root: Path, outside: Path, batch: Batch) -> None:
    outside.mkdir()
    (outside / "secret.txt").write_text("The secret plan was never announced, aides said.")
    root.mkdir()
    broot = os.fsencode(root)
    for name, data in batch.files.items():
        path = broot + b"/" + name
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(data)
    for link, target in batch.links.items():
        os.symlink(target, broot + b"/" + link)
    if batch.links:
        (root / "sub").mkdir(exist_ok=True)
        (root / "sub" / "up").symlink_to("..", target_is_directory=True)  # a loop, not followed


@given(batches())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_generated_batch_never_breaks_and_the_store_holds_the_good_inputs(batch: Batch) -> None:
    check_batch(batch)


def check_batch(batch: Batch) -> None:
    """Write ``batch`` to a folder, read it, store it and check every item against it."""
    with tempfile.TemporaryDirectory() as tmp:
        root, outside = Path(tmp) / "in", Path(tmp) / "outside"
        _write(root, outside, batch)
        items = list(read_inputs([root], IngestOptions()))  # no traceback escapes
        seen: Counter[tuple[str, int]] = Counter()
        wild_articles = 0
        for item in items:
            ref = item.ref or ""
            if isinstance(item, Failure):
                assert item.error.isprintable() and ref.isprintable(), item
                line = re.search(r", line (\d+): ", item.error)
                number = int(line.group(1)) if line else 0
                rel = _relative(ref, root)
                assert rel is not None, item
                assert rel in batch.wild or (rel, number) in batch.bad, item
                if rel not in batch.wild:
                    seen[(rel, number)] += 1
                    # the message names the file, or its folder and printable name
                    assert printable_name(root / rel) in item.error or (
                        printable_name((root / rel).name) in item.error
                    ), item
            else:
                assert isinstance(item, Article)
                rel = _relative(ref, root)
                if rel is not None and rel in batch.wild:
                    wild_articles += 1
                else:
                    assert (rel or ref) in batch.good_refs, item
        assert seen == batch.bad  # every bad input: exactly one failure
        articles = [i for i in items if isinstance(i, Article)]
        assert len(articles) == len(batch.good_refs) + wild_articles  # the rest went on
        store = open_store(":memory:")
        try:
            for article in articles:
                store.add_article(article)
            store.save_failures([i for i in items if isinstance(i, Failure)])
            stored = store.articles()
            # random files may repeat one another's text; every good input's text is its own
            assert len(stored) == len({a.id for a in articles})
            refs = {_relative(a.ref, root) or a.ref for a in stored}
            assert batch.good_refs <= refs
            assert len(refs - batch.good_refs - batch.wild) == 0
        finally:
            store.close()


def _relative(ref: str, root: Path) -> str | None:
    """``ref`` as a path inside ``root`` (printable form), or None when it is not one."""
    prefix = printable_name(root) + "/"
    return ref[len(prefix) :] if ref.startswith(prefix) else None
