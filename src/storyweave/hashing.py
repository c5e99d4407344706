"""Content hashes: article ids, text fingerprints, story ids."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

from ._types import ArticleId

_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """NFC, unified line ends, trailing spaces dropped, at most one blank line in a row."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def fingerprint(text: str) -> str:
    """A hash of the text's words alone (case and spacing ignored): equal for exact copies."""
    flat = _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()
    return hashlib.sha256(flat.encode()).hexdigest()


def normalise_url(url: str | None) -> str:
    if not url:
        return ""
    url = url.strip()
    url = re.sub(r"^https?://(www\.)?", "", url, flags=re.IGNORECASE)
    return url.rstrip("/").split("#", 1)[0]


def article_id(text: str, *, url: str | None = None, outlet: str | None = None) -> ArticleId:
    """The article's id: a hash of its normalised URL, outlet and text.

    The same article ingested twice gets the same id (a no-op); the same wire
    copy run by two outlets gets two ids and is recorded as an exact duplicate.
    """
    key = "\x1f".join([normalise_url(url), (outlet or "").strip().casefold(), fingerprint(text)])
    return hashlib.sha256(key.encode()).hexdigest()[:20]


def short_id(prefix: str, *parts: str) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:12]
    return f"{prefix}{digest}"


def members_digest(article_ids: Iterable[ArticleId]) -> str:
    """A digest of a story's membership: the same set of article ids, in any order, gives the
    same digest (what a stored story analysis was computed from)."""
    joined = "\n".join(sorted(set(article_ids)))
    return hashlib.sha1(joined.encode(), usedforsecurity=False).hexdigest()[:20]
