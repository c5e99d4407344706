"""The SQL store (SQLAlchemy Core): SQLite by default, PostgreSQL through the same code.

Every write runs in one transaction, so a failure never leaves half an article
or half an article's annotations behind. :class:`SQLStore` is made of one part per kind of
row: :mod:`.articles`, :mod:`.annotations` (an article's layers), :mod:`.entities`,
:mod:`.stories` and :mod:`.failures`, over :mod:`.base`; this module opens the store and
holds what spans them (search, the revision token, the sidecar folder).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import sqlalchemy as sa

from ..errors import StorageError
from . import schema as t
from .analyses import AnalysisRows
from .annotations import AnnotationStore
from .engine import make_engine
from .entities import EntityStore
from .failures import FailureStore
from .listing import Listing
from .migrations import migrate
from .search import SearchHit, search_articles
from .sidecar import claim
from .stories import StoryStore


class SQLStore(AnnotationStore, EntityStore, StoryStore, FailureStore):
    """Articles, their annotations, entities, stories and failures in one database."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self.engine = make_engine(url)
        except (sa.exc.SQLAlchemyError, ImportError) as e:
            raise StorageError("E301", url=url, detail=str(e).splitlines()[0]) from e
        try:
            migrate(self.engine, url=url)
        except sa.exc.SQLAlchemyError as e:
            self.engine.dispose()
            raise StorageError("E301", url=url, detail=str(e).splitlines()[0]) from e
        except StorageError:
            self.engine.dispose()
            raise
        self.analyses = AnalysisRows(self.engine)
        """The stories' analyses (claims, timeline, edges, quotes, briefs) as rows."""
        self.listing = Listing(self.engine)
        """Paged lists of articles and entities."""

    def close(self) -> None:
        self.engine.dispose()

    def store_id(self) -> str:
        """The random id this store was given when it was made."""
        with self.engine.connect() as conn:
            value = conn.execute(
                sa.select(t.store_info.c.value).where(t.store_info.c.key == "id")
            ).scalar_one()
        return str(value)

    def sidecar_dir(self, name: str) -> Path | None:
        """A folder for files that belong with this store (the story index): ``<db>.<name>/``
        beside a SQLite file, a per-URL folder in the user data directory for a server,
        None for an in-memory store. A folder left by another store at the same place (a
        database deleted and made again) is emptied first (:func:`.sidecar.claim`)."""
        url = sa.engine.make_url(self.url)
        if url.get_backend_name() == "sqlite":
            if not url.database or url.database == ":memory:":
                return None
            folder = Path(url.database).with_name(Path(url.database).name + f".{name}")
        else:
            from platformdirs import user_data_dir

            key = hashlib.sha256(self.url.encode()).hexdigest()[:12]
            folder = Path(user_data_dir("storyweave")) / f"{name}-{key}"
        folder.mkdir(parents=True, exist_ok=True)
        claim(folder, self.store_id(), store_has_stories=self._has_stories())
        return folder

    def _has_stories(self) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(t.stories.c.id).limit(1)).first() is not None

    def __enter__(self) -> SQLStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- search and change tracking ---------------------------------------------------------

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Articles whose title or text holds every word of ``query``, best first.

        FTS5 (BM25 ranking) on SQLite; LIKE queries (newest first) on other engines.
        """
        with self.engine.connect() as conn:
            return search_articles(conn, query, limit=limit)

    def revision(self) -> str:
        """A token that changes whenever articles, annotations, entity links, stories, their
        analyses or failures do.

        Readers (the HTTP server) key their caches on it. It is one query over the newest
        timestamp of each kind of write, each read from an index (a count over the tables
        cost 0.2 s at 100k articles); every write stamps one of them: an article is stamped
        when added, its layers when annotated, its links when linked, a story's rows when
        analysed. A change of membership or a merge marks its stories stale
        (``stale_stories``: a few rows at most, gone when they are analysed), so the count of
        marks moves with it; a failure's id is the newest of its autoincrement key.
        """
        parts = [
            sa.select(sa.func.max(t.articles.c.ingested_at)).scalar_subquery(),
            sa.select(sa.func.max(t.stage_runs.c.ran_at)).scalar_subquery(),
            sa.select(sa.func.max(t.entity_links.c.linked_at)).scalar_subquery(),
            sa.select(sa.func.max(t.story_revisions.c.computed_at)).scalar_subquery(),
            sa.select(sa.func.count()).select_from(t.stale_stories).scalar_subquery(),
            sa.select(sa.func.max(t.failures.c.id)).scalar_subquery(),
        ]
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(*parts)).one()
        return "|".join(str(v) for v in row)
