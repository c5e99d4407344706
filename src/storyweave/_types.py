"""Shared type aliases."""

from __future__ import annotations

from typing import Any, TypeAlias

ArticleId: TypeAlias = str
EntityId: TypeAlias = str
StoryId: TypeAlias = str
JSON: TypeAlias = dict[str, Any]
