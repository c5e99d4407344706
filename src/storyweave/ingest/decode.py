"""Reading input files as text, with designed errors for binary, wrong-encoding or huge files."""

from __future__ import annotations

from pathlib import Path

from ..errors import FetchError, ParseError

_SNIFF = 8192


def read_bytes(path: Path, *, limit: int) -> bytes:
    """The file's bytes, refusing missing, empty, oversized and binary files."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise FetchError("E101", path=path) from None
    if size > limit:
        raise ParseError("E105", path=path, size=size, limit=limit)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise FetchError(f"{path}: cannot be read ({e.strerror}).") from None
    if not data.strip():
        raise ParseError("E102", path=path)
    if b"\x00" in data[:_SNIFF]:
        raise ParseError("E103", path=path)
    return data


def decode_utf8(data: bytes, *, path: Path | str) -> str:
    """Strict UTF-8 (a BOM is allowed); the error names the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ParseError("E104", path=path, offset=e.start) from None
