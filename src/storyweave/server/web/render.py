"""Render a page template. Autoescaping is on for every template and every string.

Article text, titles, outlets, entity names and URLs are untrusted: templates
print them as text only (never ``|safe``), and a URL becomes a link only when
its scheme is http or https (:func:`safe_url`).
"""

from __future__ import annotations

import functools
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from ...nlp.languages import analysis
from .dates import readable_date


def safe_url(url: object) -> str | None:
    """``url`` if it is an http(s) URL, else None (no ``javascript:``, ``data:`` links)."""
    if not isinstance(url, str):
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def status_label(status: str) -> str:
    return status.replace("_", " ")


def date_filter(value: object, mod: object = None) -> str:
    """A TIMEX3 value or an ISO date as a reader reads it ("13 Sep 2023"); "" for none."""
    if not isinstance(value, str) or not value:
        return ""
    return readable_date(value, mod if isinstance(mod, str) else None)


@functools.lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("storyweave", "server/web/templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["status_label"] = status_label
    env.filters["date_label"] = date_filter
    env.filters["analysis"] = analysis
    return env


def render(template: str, **context: Any) -> str:
    """The named page, rendered with ``context``."""
    return environment().get_template(template).render(**context)
