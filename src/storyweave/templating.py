"""The one Jinja2 environment for every page storyweave renders: autoescaping always on,
because article text is untrusted."""

from __future__ import annotations

import functools
from typing import Any


@functools.lru_cache(maxsize=1)
def environment() -> Any:
    """The package's templates, with HTML autoescaping for files and strings alike."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(
        loader=PackageLoader("storyweave", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
