"""HTML pages: the article's text and metadata (trafilatura), and HTML fragments as text.

DOCS: docs/stages/sources.md
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

from ..errors import ParseError
from .draft import Draft

# A page whose extracted text is shorter than this is navigation or boilerplate, not an article.
MIN_HTML_WORDS = 8


def read_html(data: bytes, path: Path) -> Draft:
    import trafilatura

    with warnings.catch_warnings():  # trafilatura's internals warn about lxml truth-testing
        warnings.simplefilter("ignore")
        doc = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False)
    if doc is None or isinstance(doc, dict):
        raise ParseError("E108", path=path)
    text = doc.text
    if not text or len(text.split()) < MIN_HTML_WORDS:
        raise ParseError("E108", path=path)
    title = doc.title or None
    if title and text.startswith(title + "\n"):  # trafilatura repeats the headline
        text = text[len(title) + 1 :]
    published = None
    if doc.date:
        try:
            published = dt.date.fromisoformat(str(doc.date)[:10])
        except ValueError:
            published = None
    if published is None:  # meta tags, JSON-LD, <time>, datelines that trafilatura missed
        from ..timex import find_publication_date

        published = find_publication_date(text, data.decode("utf-8", errors="replace"))
    return Draft(
        text=text,
        ref=str(path),
        title=title,
        url=doc.url or None,
        outlet=doc.sitename or None,
        published=published,
        author=doc.author or None,
    )


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment; scripts, styles and handlers are removed first."""
    import lxml.html
    from lxml.etree import ParserError
    from lxml_html_clean import Cleaner

    try:
        tree = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ParserError, ValueError):
        return html
    cleaned = Cleaner(scripts=True, javascript=True, style=True, comments=True).clean_html(tree)
    for br in cleaned.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in cleaned.iter("p", "div", "li", "h1", "h2", "h3", "h4"):
        block.tail = "\n" + (block.tail or "")
    return str(cleaned.text_content())
