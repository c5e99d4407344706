"""Reading input files as text, with designed errors for binary, wrong-encoding or huge files.

Text is UTF-8 (strict; a UTF-8 byte-order mark is allowed), or UTF-16 or UTF-32 when the file
starts with that encoding's byte-order mark. The NUL-byte check for binary files looks at the
bytes only when there is no UTF-16/32 mark (those encodings are full of NUL bytes), and at the
decoded text after.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from ..errors import FetchError, ParseError

_SNIFF = 8192
# The encoding an XML declaration names, which must say UTF-8 once the text is re-encoded.
_XML_ENCODING = re.compile(r"""^(\s*<\?xml\b[^>]*?\bencoding\s*=\s*["'])[\w.:-]*(["'])""")

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "UTF-32", "utf-32"),
    (codecs.BOM_UTF8, "UTF-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "UTF-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "UTF-16", "utf-16"),
)


def wide_encoding(data: bytes) -> tuple[str, str] | None:
    """``(name, codec)`` of the UTF-16 or UTF-32 byte-order mark ``data`` starts with, or None."""
    for bom, name, codec in _BOMS:
        if data.startswith(bom):
            return (name, codec) if name != "UTF-8" else None
    return None


def check_bytes(data: bytes, *, path: Path | str) -> None:
    """Refuse empty and binary content (NUL bytes, unless the file is marked UTF-16/32)."""
    if not data.strip():
        raise ParseError("E102", path=path)
    if wide_encoding(data) is None and b"\x00" in data[:_SNIFF]:
        raise ParseError("E103", path=path)


def read_bytes(path: Path, *, limit: int) -> bytes:
    """The file's bytes, refusing missing, empty, oversized and binary files."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise FetchError("E101", path=path) from None
    except OSError as e:
        raise FetchError("E126", path=path, detail=e.strerror or type(e).__name__) from None
    if size > limit:
        raise ParseError("E105", path=path, size=size, limit=limit)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise FetchError("E126", path=path, detail=e.strerror or type(e).__name__) from None
    check_bytes(data, path=path)
    return data


def decode_utf8(data: bytes, *, path: Path | str) -> str:
    """Strict UTF-8 (a BOM is allowed); the error names the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ParseError("E104", path=path, offset=e.start) from None


def decode_text(data: bytes, *, path: Path | str) -> str:
    """A whole file's text: UTF-16/32 when it carries that mark, else strict UTF-8; text that
    is empty or holds NUL characters once decoded is refused like an empty or binary file."""
    text = _decode(data, path=path)
    if not text.strip():
        raise ParseError("E102", path=path)
    if "\x00" in text:
        raise ParseError("E103", path=path)
    return text


def _decode(data: bytes, *, path: Path | str) -> str:
    wide = wide_encoding(data)
    if wide is None:
        return decode_utf8(data, path=path)
    name, codec = wide
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        raise ParseError("E125", path=path, encoding=name, offset=e.start) from None


def as_utf8(data: bytes, *, path: Path | str) -> bytes:
    """The bytes as UTF-8: UTF-16/32 (by their mark) are decoded and re-encoded with a UTF-8
    mark, and an XML declaration's encoding becomes UTF-8; anything else is returned as it is."""
    if wide_encoding(data) is None:
        return data
    text = _XML_ENCODING.sub(r"\1utf-8\2", decode_text(data, path=path), count=1)
    return codecs.BOM_UTF8 + text.encode("utf-8")


def jsonl_lines(data: bytes, *, path: Path | str) -> Iterator[bytes]:
    """The lines of a whole JSONL file's bytes, as UTF-8 (UTF-16/32 by their mark)."""
    if wide_encoding(data) is None:
        yield from data.splitlines()
        return
    for line in _decode(data, path=path).split("\n"):  # a bad line is that line's error
        yield line.encode("utf-8")


def printable_name(name: str | os.PathLike[str]) -> str:
    """A file name as one line of plain text: bytes that are not UTF-8 as ``\\xNN``, control
    characters as ``\\n``, ``\\t``, ``\\x1b``…"""
    raw = os.fspath(name)
    try:
        text = raw.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that no file system gave
        text = raw.encode("utf-8", "backslashreplace").decode("utf-8")
    if text.isprintable():
        return text
    return "".join(
        c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text
    )


def name_problem(name: str) -> str | None:
    """``"E117"`` for a name that is not valid UTF-8, ``"E118"`` for one with control
    characters, None for a plain name."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return "E117"
    if any(unicodedata.category(c) == "Cc" for c in name):
        return "E118"
    return None
