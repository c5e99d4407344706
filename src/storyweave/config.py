"""Settings: one declarative table. Environment (``STORYWEAVE_*``) overrides defaults."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    type: type
    default: object
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "db",
        str,
        "",
        "Store: a SQLite file path or URL; empty = storyweave.db in the user data directory.",
    ),
    Setting(
        "max_file_bytes",
        int,
        20_000_000,
        "Largest input file read whole (.txt, .md, .html, "
        "feeds). JSONL files are streamed line by line and have no file limit.",
    ),
    Setting("max_article_chars", int, 500_000, "Largest article text, in characters."),
    Setting("batch_size", int, 64, "Articles per pipeline batch (spaCy runs nlp.pipe over it)."),
    Setting(
        "near_duplicate_threshold",
        float,
        0.8,
        "MinHash Jaccard estimate at or above which "
        "an article is recorded as a near duplicate of an earlier one.",
    ),
)


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = ""
    max_file_bytes: int = 20_000_000
    max_article_chars: int = 500_000
    batch_size: int = 64
    near_duplicate_threshold: float = 0.8

    @classmethod
    def load(
        cls, overrides: Mapping[str, object] | None = None, environ: Mapping[str, str] | None = None
    ) -> Settings:
        """Defaults, then ``STORYWEAVE_<NAME>`` environment variables, then ``overrides``."""
        env = os.environ if environ is None else environ
        known = {s.name: s for s in SETTINGS}
        values: dict[str, object] = {}
        for s in SETTINGS:
            raw = env.get(f"STORYWEAVE_{s.name.upper()}")
            if raw is not None:
                values[s.name] = _coerce(s, raw, f"environment STORYWEAVE_{s.name.upper()}")
        for name, value in (overrides or {}).items():
            if name not in known:
                raise ConfigError("E501", name=name, known=", ".join(known))
            if value is not None:
                values[name] = _coerce(known[name], value, "option")
        return cls(**values)  # type: ignore[arg-type]


def _coerce(s: Setting, value: object, origin: str) -> object:
    try:
        return s.type(value)
    except (TypeError, ValueError):
        raise ConfigError(
            "E502", name=s.name, expected=s.type.__name__, value=value, origin=origin
        ) from None


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("storyweave")) / "storyweave.db"
