"""Full-text search over articles, plus stories and entities whose names match."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from ..deps import ServicesDep
from ..schemas import ERROR_RESPONSES

router = APIRouter(prefix="/api/search", tags=["search"], responses=ERROR_RESPONSES)


@router.get("")
def search(
    svc: ServicesDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Words to find.")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict[str, Any]:
    """Articles holding every word (with match spans and a snippet), stories, entities."""
    return {"ok": True, **svc.catalogue.search(q, limit=limit)}
