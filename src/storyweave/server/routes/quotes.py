"""Quotes and attributions: who said what, and through whom."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from ..deps import ServicesDep
from ..schemas import ERROR_RESPONSES, Page
from .params import Limit, Offset, StoryFilter

router = APIRouter(prefix="/api/quotes", tags=["quotes"], responses=ERROR_RESPONSES)


@router.get("", response_model=Page)
def list_quotes(
    svc: ServicesDep,
    speaker: Annotated[
        str | None, Query(max_length=200, description="An entity id, or part of a name.")
    ] = None,
    story: StoryFilter = None,
    statements: Annotated[
        bool, Query(description="Only what someone stated: leave out acts and stances.")
    ] = False,
    kind: Annotated[
        Literal["direct", "indirect", "according_to"] | None,
        Query(description="Only direct quotes, reported speech, or according-to attributions."),
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Attributions as the report carries them, with the speaker's name resolved."""
    found = svc.catalogue.quotes(
        speaker=speaker, story=story, statements=statements, kind=kind, limit=limit, offset=offset
    )
    return found.to_json()
