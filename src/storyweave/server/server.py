"""``storyweave serve``: run the app with uvicorn, refusing to expose writes without a token."""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

from ..errors import ConfigError
from .guards import LOOPBACK_HOSTS


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and ``localhost``."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_exposure(host: str, token: str | None) -> None:
    """Refuse (E609) to listen beyond loopback when writes would need no token."""
    if not is_loopback(host) and not token:
        raise ConfigError("E609", host=host)


def check_port(host: str, port: int) -> None:
    """Refuse a port another program is listening on, with a message that says what to do
    (uvicorn would log a bare "[Errno 98]" and exit)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as e:
            raise ConfigError(
                f"cannot listen on {host}:{port}: {e.strerror or e}. Another program (another "
                "storyweave serve?) may hold it: stop it, or pick a free port with --port."
            ) from None


def serve(
    store: str | Path, *, host: str = "127.0.0.1", port: int = 8000, token: str | None = None
) -> None:
    """Serve the web UI and API on ``host:port`` until interrupted.

    On loopback, only loopback ``Host`` names are answered (a DNS-rebinding guard);
    beyond loopback a token is required and every write must carry it.
    """
    import uvicorn

    from .app import create_app

    check_exposure(host, token)
    check_port(host, port)
    loopback = is_loopback(host)
    app = create_app(store, token=token, allowed_hosts=LOOPBACK_HOSTS if loopback else None)
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="info",
        server_header=False,
        timeout_keep_alive=5,
        limit_concurrency=256,
    )
