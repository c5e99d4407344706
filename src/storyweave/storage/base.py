"""What every part of :class:`~.sql.SQLStore` stands on: its URL, its engine and the write
transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa

from ..errors import StorageError


class StoreBase:
    """The store's URL and engine (set by :class:`~.sql.SQLStore`), and its writes'
    transaction."""

    url: str
    engine: sa.Engine

    @contextmanager
    def _tx(self) -> Iterator[sa.Connection]:
        try:
            with (
                self.engine.connect().execution_options(storyweave_write=True) as conn,
                conn.begin(),
            ):
                yield conn
        except sa.exc.SQLAlchemyError as e:
            raise StorageError("E301", url=self.url, detail=str(e).splitlines()[0]) from e
