"""Small shared fixtures: hand-made articles and throwaway stores."""

from __future__ import annotations

import atexit
import datetime as dt
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from storyweave.hashing import article_id
from storyweave.model import Article
from storyweave.storage import SQLStore, open_store

# Stores on a server keep their story index in the user data directory: keep the tests' out of
# the real one, in a folder removed when the run ends.
if "XDG_DATA_HOME" not in os.environ:
    _DATA_HOME = tempfile.mkdtemp(prefix="storyweave-tests-")
    os.environ["XDG_DATA_HOME"] = _DATA_HOME
    atexit.register(shutil.rmtree, _DATA_HOME, ignore_errors=True)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def make_article(
    text: str,
    *,
    ref: str = "test.txt",
    outlet: str | None = None,
    published: dt.date | None = None,
    title: str | None = None,
    body_end: int | None = None,
) -> Article:
    return Article(
        id=article_id(text, outlet=outlet),
        text=text,
        ref=ref,
        outlet=outlet,
        published=published,
        title=title,
        body_end=body_end,
    )


def postgres_url() -> str | None:
    """The test PostgreSQL server's URL, or None when none is reachable."""
    url = os.environ.get("STORYWEAVE_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
    try:
        import psycopg

        psycopg.connect(url, connect_timeout=2).close()
    except Exception:
        return None
    return url


_POSTGRES = postgres_url()


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A fresh, empty schema on the test server (dropped afterwards); yields the store URL."""
    import psycopg

    if _POSTGRES is None:
        pytest.skip("PostgreSQL not reachable at 127.0.0.1:5432 (set STORYWEAVE_TEST_POSTGRES)")
    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(_POSTGRES, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    try:
        yield f"{_POSTGRES}?options=-csearch_path%3D{name}"
    finally:
        with psycopg.connect(_POSTGRES, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {name} CASCADE")


@pytest.fixture(params=["sqlite", "postgresql"])
def backend_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A store URL on each backend: a SQLite file, and PostgreSQL when reachable."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    with postgres_schema() as url:
        yield url


@pytest.fixture
def store(backend_url: str) -> Iterator[SQLStore]:
    st = open_store(backend_url)
    yield st
    st.close()


@pytest.fixture
def memory_store() -> Iterator[SQLStore]:
    st = open_store(":memory:")
    yield st
    st.close()
