"""Stories: the list (newest, largest, most disputed) and one story's report."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from ...storage import StorySort
from ..deps import ServicesDep
from ..schemas import ERROR_RESPONSES, Page
from .params import Limit, Offset, StoryIdPath

router = APIRouter(prefix="/api/stories", tags=["stories"], responses=ERROR_RESPONSES)


@router.get("", response_model=Page)
def list_stories(
    svc: ServicesDep,
    sort: Annotated[StorySort, Query(description="newest, largest or disputed")] = "newest",
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Stories with their article, outlet and claim counts and top entities."""
    return svc.catalogue.story_summaries(sort, limit=limit, offset=offset).to_json()


@router.get("/{story_id}")
def read_story(svc: ServicesDep, story_id: StoryIdPath) -> dict[str, Any]:
    """The JSON report (``storyweave.report/1``) for the story's articles."""
    return {"ok": True, "report": svc.catalogue.story(story_id)}
