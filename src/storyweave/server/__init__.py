"""The HTTP API and web UI: :func:`create_app` builds the ASGI app, :func:`serve` runs it.

DOCS: docs/web.md
"""

from .app import MAX_BODY_BYTES, create_app
from .server import serve

__all__ = ["MAX_BODY_BYTES", "create_app", "serve"]
