"""Trailing credit lines: "According to Tin Tuc newspaper" names the article's outlet.

The line stays in the article's text, but ``Article.body_end`` stops before it,
so no stage analyses it as reporting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CREDIT = re.compile(
    r"""^[\s(\[—–-]*
        (?:according\s+to|source\s*:|sources\s*:|via|credit\s*:|courtesy\s+of|
           \(?\s*source\s*\)?\s*:)
        \s*(?P<name>[^\n,;:]{2,80}?)
        [\s.)\]]*$""",
    re.IGNORECASE | re.VERBOSE,
)
# Trailing words that describe the outlet rather than name it.
_QUALIFIER = re.compile(
    r"\s+(?:news\s+agency|newspaper|news\s+site|news\s+website|website|daily|magazine|"
    r"agency|news\s+outlet|outlet|online)$",
    re.IGNORECASE,
)
_MAX_WORDS = 8


@dataclass(frozen=True, slots=True)
class Credit:
    outlet: str
    line: str
    start: int  # where the credit line starts in the text


def find_credit(text: str) -> Credit | None:
    """The credit on the text's last line, if it is one and nothing else."""
    stripped = text.rstrip()
    start = stripped.rfind("\n") + 1
    if start == 0:
        return None  # a one-line text is all body
    line = stripped[start:]
    m = _CREDIT.match(line)
    if not m or len(line.split()) > _MAX_WORDS:
        return None
    name = re.sub(r"^the\s+", "", m.group("name").strip(), flags=re.IGNORECASE)
    if not name[:1].isupper():
        return None
    outlet = _QUALIFIER.sub("", name).strip()
    return Credit(outlet=outlet or name, line=line.strip(), start=start)
