"""Entities: the list (filtered by name and type) and one entity with its mentions and quotes."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from ..deps import ServicesDep
from ..schemas import ERROR_RESPONSES, Page
from .params import EntityIdPath, Limit, Offset

router = APIRouter(prefix="/api/entities", tags=["entities"], responses=ERROR_RESPONSES)

EntityType = Literal["PERSON", "ORG", "LOC", "PRODUCT", "OTHER"]


@router.get("", response_model=Page)
def list_entities(
    svc: ServicesDep,
    q: Annotated[str, Query(max_length=200, description="Part of a name or alias.")] = "",
    type: Annotated[EntityType | None, Query(description="Only this type.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Entities, most mentioned first, with mention, article and story counts."""
    found = svc.catalogue.entity_summaries(query=q, etype=type, limit=limit, offset=offset)
    return found.to_json()


@router.get("/{entity_id}")
def read_entity(svc: ServicesDep, entity_id: EntityIdPath) -> dict[str, Any]:
    """One entity: its mentions (spans), the articles and stories it is in, its quotes."""
    return {"ok": True, **svc.catalogue.entity(entity_id)}
