"""Claims across stories, with their status and evidence spans."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from ..deps import ServicesDep
from ..schemas import ERROR_RESPONSES, Page
from .params import Limit, Offset, StoryFilter

router = APIRouter(prefix="/api/claims", tags=["claims"], responses=ERROR_RESPONSES)

Status = Literal["corroborated", "single_source", "conflicting", "updated"]


@router.get("", response_model=Page)
def list_claims(
    svc: ServicesDep,
    status: Annotated[Status | None, Query(description="Only claims with this status.")] = None,
    story: StoryFilter = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Claims as the report carries them, each with its story's id and title."""
    found = svc.catalogue.claims(status=status, story=story, limit=limit, offset=offset)
    return found.to_json()
