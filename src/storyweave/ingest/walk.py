"""Walking the inputs: files, folders, JSONL and feeds, one article or failure at a time.

One bad input never stops the others: each yields a :class:`~storyweave.model.Failure`
naming the file (and line) and the problem, as one line of plain text.

Inside a folder, a symbolic link is never followed out of the folder (E119), nor when it leads
nowhere (E120); a link to a file inside the folder reads that file, once, under its own name,
and a link to a folder inside it is not followed (the walk reaches that folder anyway), so no
file is read twice and no link makes a loop. A name that is not valid UTF-8 or holds control
characters is refused (E117, E118). A path named explicitly is read wherever it leads.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import FetchError, ParseError, SourceError, StoryweaveError
from ..model import Article, Failure
from .build import IngestOptions, build_article
from .checks import check_draft
from .decode import jsonl_lines, name_problem, printable_name, read_bytes, wide_encoding
from .draft import Draft
from .readers import JSONL_SUFFIXES, SUPPORTED, read_document, read_jsonl

log = logging.getLogger(__name__)

# Files that document a folder rather than report news; a file named explicitly is always read.
_NOT_ARTICLES = ("readme", "license", "licence", "notice", "changelog", "credits")


def read_inputs(
    paths: Iterable[str | Path | Draft], options: IngestOptions | None = None
) -> Iterator[Article | Failure]:
    """Articles (or failures) from every input: a path (folders read recursively in name order)
    or a :class:`Draft` already in memory (an API upload: no file is written)."""
    opts = options or IngestOptions()
    for raw in paths:
        if isinstance(raw, Draft):
            yield _article_or_failure(raw, opts)
            continue
        path = Path(raw)
        problem = name_problem(str(path))
        if problem is not None:
            yield _failure(
                SourceError(
                    problem, folder=printable_name(path.parent), name=printable_name(path.name),
                    kind="folder" if path.is_dir() else "file",
                ),
                ref=path,
            )  # fmt: skip
        elif path.is_dir():
            for item in _folder(path):
                if isinstance(item, Failure):
                    yield item
                else:
                    yield from _read_file(item, opts)
        else:
            yield from _read_file(path, opts)


def _folder(root: Path) -> Iterator[Path | Failure]:
    """The files to read in ``root`` (recursively, in name order) and a failure for each entry
    refused (see the module's notes on links and names)."""
    try:
        real_root = root.resolve(strict=True)
    except (OSError, RuntimeError) as e:
        yield _failure(FetchError("E127", path=root, detail=_why(e)), ref=root)
        return
    found: dict[Path, Path | Failure] = {}
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as e:
            found[folder] = _failure(FetchError("E127", path=folder, detail=_why(e)), ref=folder)
            continue
        for entry in entries:
            path = folder / entry.name
            if entry.name.startswith("."):
                continue  # hidden files and folders are not articles
            try:
                item = _entry(entry, path, root=root, real_root=real_root)
            except OSError as e:  # the entry vanished or cannot be looked at
                item = _failure(FetchError("E126", path=path, detail=_why(e)), ref=path)
            if item is None:
                continue
            if isinstance(item, Path) and item.is_dir():
                folders.append(item)
            elif isinstance(item, Path) and item in found:
                continue  # a file and a link to it (or two links): read once
            else:
                found[item if isinstance(item, Path) else path] = item
    for key in sorted(found):
        yield found[key]


def _entry(
    entry: os.DirEntry[str], path: Path, *, root: Path, real_root: Path
) -> Path | Failure | None:
    """What one folder entry gives: a folder to walk or a file to read (as a path inside
    ``root``), a failure, or None for an entry that is not an article."""
    is_link = entry.is_symlink()
    is_dir = _points_at_dir(path) if is_link else entry.is_dir(follow_symlinks=False)
    if not is_dir and not _looks_like_article(path):
        return None
    problem = name_problem(entry.name)
    if problem is not None:
        kind = "folder" if is_dir else "file"
        return _failure(
            SourceError(problem, folder=printable_name(path.parent),
                        name=printable_name(entry.name), kind=kind),
            ref=path,
        )  # fmt: skip
    if not is_link:
        if is_dir or entry.is_file(follow_symlinks=False):
            return path
        return None  # a device, socket or pipe inside a folder is not read
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError) as e:
        return _failure(SourceError("E120", path=path, detail=_why(e)), ref=path)
    if not target.is_relative_to(real_root):
        return _failure(
            SourceError("E119", path=path, target=printable_name(target), root=root), ref=path
        )
    if is_dir or not target.is_file():
        return None  # a folder inside the folder is walked on its own; others are not read
    inside = root.joinpath(target.relative_to(real_root))
    if name_problem(str(inside)) is not None:
        return None  # the file's own name is refused where the walk meets it
    return inside


def _points_at_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _looks_like_article(path: Path) -> bool:
    """Documentation and files of other types inside a folder are not articles."""
    return path.stem.lower() not in _NOT_ARTICLES and path.suffix.lower() in SUPPORTED


def _why(err: BaseException) -> str:
    if isinstance(err, RuntimeError):
        return "the link makes a loop"
    if isinstance(err, OSError) and err.strerror:
        return err.strerror
    return type(err).__name__


def _read_file(path: Path, opts: IngestOptions) -> Iterator[Article | Failure]:
    suffix = path.suffix.lower()
    try:
        if not path.exists():
            raise SourceError("E101", path=path)
        if path.is_dir() or not path.is_file():
            raise SourceError("E128", path=path)
        if suffix not in SUPPORTED:
            raise ParseError(
                "E110", path=path, suffix=suffix, expected=", ".join(sorted(SUPPORTED))
            )
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path, opts)
            return
        drafts = read_document(read_bytes(path, limit=opts.max_file_bytes), path)
    except StoryweaveError as e:
        yield _failure(e, ref=path)
        return
    except OSError as e:
        yield _failure(FetchError("E126", path=path, detail=_why(e)), ref=path)
        return
    for draft in drafts:
        where = str(path) if draft.ref == str(path) else f"{path}, entry {draft.ref}"
        yield _article_or_failure(draft, opts, where=where)


def _read_jsonl(path: Path, opts: IngestOptions) -> Iterator[Article | Failure]:
    with path.open("rb") as fh:
        if wide_encoding(fh.read(4)) is None:
            fh.seek(0)
            lines: Iterator[bytes] = iter(fh)
        else:  # UTF-16/32: decoded whole, so within the file size limit
            lines = jsonl_lines(read_bytes(path, limit=opts.max_file_bytes), path=path)
        for item in read_jsonl(lines, path):
            if isinstance(item, SourceError):
                yield _failure(item, ref=path)
            else:
                yield _article_or_failure(item, opts, checked=True)


def _article_or_failure(
    draft: Draft, opts: IngestOptions, *, where: str | None = None, checked: bool = False
) -> Article | Failure:
    try:
        if not checked:
            check_draft(draft, where=where)
        return build_article(draft, opts)
    except StoryweaveError as e:
        return _failure(e, ref=draft.ref)


def _failure(err: StoryweaveError, *, ref: str | Path) -> Failure:
    """A failure whose ref and message are one line of plain text, whatever the input's name."""
    return Failure(
        stage="ingest", error=printable_name(str(err)), ref=printable_name(ref), code=err.code
    )
