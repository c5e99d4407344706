"""The timeline: dated events of one story or of every story, in date order."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from ..deps import ServicesDep
from ..schemas import ERROR_RESPONSES, Page
from .params import Limit, Offset, StoryFilter

router = APIRouter(prefix="/api/timeline", tags=["timeline"], responses=ERROR_RESPONSES)


@router.get("", response_model=Page)
def read_timeline(
    svc: ServicesDep, story: StoryFilter = None, limit: Limit = 200, offset: Offset = 0
) -> dict[str, Any]:
    """Timeline entries as the report carries them, each with its story's id."""
    return svc.catalogue.timeline(story=story, limit=limit, offset=offset).to_json()
