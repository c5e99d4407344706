"""Conversions between the data model and table rows."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from ..model import Article, Attribution, Span


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


def article_row(a: Article, fp: str) -> dict[str, Any]:
    return {
        "id": a.id,
        "ref": a.ref,
        "title": a.title,
        "url": a.url,
        "outlet": a.outlet,
        "published": a.published.isoformat() if a.published else None,
        "language": a.language,
        "author": a.author,
        "credit": a.credit,
        "body_end": a.body_end,
        "body_start": a.body_start,
        "credits": json.dumps(list(a.credits)) if a.credits else None,
        "text": a.text,
        "fingerprint": fp,
        "ingested_at": now(),
    }


def article_of(r: Any) -> Article:
    return Article(
        id=r["id"],
        text=r["text"],
        ref=r["ref"],
        title=r["title"],
        url=r["url"],
        outlet=r["outlet"],
        published=dt.date.fromisoformat(r["published"]) if r["published"] else None,
        language=r["language"],
        author=r["author"],
        credit=r["credit"],
        body_end=r["body_end"],
        body_start=r["body_start"],
        credits=tuple(json.loads(r["credits"])) if r["credits"] else (),
    )


def _span(d: Any) -> Span | None:
    return Span(d["start"], d["end"]) if d else None


def attribution_of(d: dict[str, Any]) -> Attribution:
    known = {f.name for f in dataclasses.fields(Attribution)}
    data = {k: v for k, v in d.items() if k in known}
    for key in ("content", "cue", "source"):
        data[key] = _span(data.get(key))
    data["chain"] = tuple(data.get("chain") or ())
    return Attribution(**data)
