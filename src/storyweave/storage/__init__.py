"""The store: where articles, annotations, stories and failures live.

:func:`open_store` takes a file path or a database URL. SQLite is the default;
the SQL is written once against SQLAlchemy Core so that a PostgreSQL backend
uses the same schema, migrations and queries.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import StorageError
from .analyses import AnalysisRows, Page, StorySort, StorySummary
from .articles import AddResult
from .listing import EntityCount, Listing
from .search import SearchHit
from .sql import SQLStore

__all__ = [
    "AddResult",
    "AnalysisRows",
    "EntityCount",
    "Listing",
    "Page",
    "SQLStore",
    "SearchHit",
    "Store",
    "StorySort",
    "StorySummary",
    "open_store",
]

Store = SQLStore


def store_url(target: str | Path) -> str:
    """A SQLAlchemy URL for a path or URL (``:memory:`` for a throwaway in-memory store)."""
    text = str(target)
    if text == ":memory:":
        return "sqlite://"
    if "://" in text:
        if text.startswith(("postgresql://", "postgres://")):
            return "postgresql+psycopg://" + text.split("://", 1)[1]  # psycopg 3 is the driver
        if not text.startswith(("sqlite://", "postgresql+")):
            raise StorageError("E305", url=text)
        return text
    path = Path(text).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def open_store(target: str | Path) -> SQLStore:
    """Open (creating and migrating as needed) the store at ``target``."""
    return SQLStore(store_url(target))
