"""Rows of the story clusterer's tables from the clusterer's records, and back.

DOCS: docs/stages/stories.md
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..stories.state import MemberRecord, Merge, StoryRecord


def day_of(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def iso_day(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def story_row(rec: StoryRecord) -> dict[str, Any]:
    return {
        "size": rec.size,
        "vector_sum": np.asarray(rec.vector_sum, dtype=np.float64).tobytes(),
        "entity_sum": json.dumps(rec.entity_sum, sort_keys=True),
        "term_sum": json.dumps(rec.term_sum, sort_keys=True),
        "first": iso_day(rec.first),
        "last": iso_day(rec.last),
        "created": rec.created,
        "words": rec.words,
    }


def story_of_row(row: Any) -> StoryRecord:
    return StoryRecord(
        id=row.story_id,
        size=int(row.size),
        vector_sum=np.frombuffer(row.vector_sum, dtype=np.float64).copy(),
        entity_sum=json.loads(row.entity_sum),
        first=day_of(row.first),
        last=day_of(row.last),
        created=int(row.created),
        term_sum=json.loads(row.term_sum),
        words=None if row.words is None else float(row.words),
    )


def member_row(rec: MemberRecord) -> dict[str, Any]:
    return {
        "key": rec.key,
        "vector": np.asarray(rec.vector, dtype=np.float32).tobytes(),
        "entities": json.dumps([list(e) for e in rec.entities]),
        "terms": json.dumps([list(e) for e in rec.terms]),
        "date": iso_day(rec.date),
        "headline": rec.headline,
        "joined": rec.joined,
        "words": rec.words,
    }


def member_of_row(row: Any) -> MemberRecord:
    return MemberRecord(
        article_id=row.article_id,
        key=int(row.key),
        entities=tuple((str(k), float(v)) for k, v in json.loads(row.entities)),
        date=day_of(row.date),
        headline=row.headline,
        joined=int(row.joined),
        terms=tuple((str(k), float(v)) for k, v in json.loads(row.terms)),
        words=None if row.words is None else int(row.words),
        vector=np.frombuffer(row.vector, dtype=np.float32),
    )


def merge_row(merge: Merge) -> dict[str, Any]:
    return {
        "seq": merge.seq,
        "absorbed": merge.absorbed,
        "into": merge.into,
        "score": merge.score,
        "bridge": json.dumps(list(merge.bridge)),
    }


def with_vector(member: MemberRecord, vector: NDArray[np.float32]) -> MemberRecord:
    return dataclasses.replace(member, vector=np.asarray(vector, dtype=np.float32))
