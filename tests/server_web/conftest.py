"""The web tests share the seeded store of the HTTP tests and add a live server on loopback."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyweave.server import create_app
from storyweave.server.guards import LOOPBACK_HOSTS
from tests.server.conftest import client, seeded_db, store_copy

__all__ = ["client", "live_server", "seeded_db", "store_copy"]


@pytest.fixture(scope="session")
def live_server(seeded_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real uvicorn server on 127.0.0.1 at a free port, in a thread; yields its base URL."""
    import uvicorn

    db = tmp_path_factory.mktemp("live") / "live.db"
    shutil.copy(seeded_db, db)
    app = create_app(db, allowed_hosts=LOOPBACK_HOSTS)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()
