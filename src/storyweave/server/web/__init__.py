"""The web UI: server-rendered pages (Jinja2, autoescaped), one CSS and one small JS file.

Everything is served from the package (no CDN), so the UI works offline.

DOCS: docs/web.md
"""

from __future__ import annotations

from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent / "static"

__all__ = ["STATIC_DIR"]
