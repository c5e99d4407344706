"""Query and path parameters shared by the routes, with their bounds."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query

from ..schemas import ID_PATTERN

Limit = Annotated[int, Query(ge=1, le=500, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")]
ArticleIdPath = Annotated[str, Path(pattern=ID_PATTERN, description="An article id.")]
StoryIdPath = Annotated[str, Path(pattern=ID_PATTERN, description="A story id.")]
EntityIdPath = Annotated[str, Path(pattern=ID_PATTERN, description="An entity id.")]
JobIdPath = Annotated[str, Path(pattern=ID_PATTERN, description="A job id.")]
StoryFilter = Annotated[
    str | None, Query(pattern=ID_PATTERN, description="Only this story's items.")
]
