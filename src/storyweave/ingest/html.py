"""HTML pages: the article's text and metadata (trafilatura, then :mod:`.clean`), and HTML
fragments as text.

DOCS: docs/stages/sources.md
"""

from __future__ import annotations

import datetime as dt
import json
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ParseError
from ..outlets import by_domain, canonical, registrable_domain
from ..outlets.table import key
from .clean import PRUNE_XPATH, author_names, clean_text, mark_boilerplate
from .draft import Draft

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# A page whose extracted text is shorter than this is navigation or boilerplate, not an article.
MIN_HTML_WORDS = 8

# trafilatura's own settings: no comments, images or links; tables kept (data tables are
# content; layout tables are unwrapped by clean.mark_boilerplate); repeated segments once.
EXTRACT_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
    "include_formatting": False,
    "favor_precision": False,  # measured: no gain on tests/ingest/pages; recall comes first
}

_ARTICLE_TYPES = frozenset(
    {
        "newsarticle",
        "article",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "blogposting",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "liveblogposting",
        "socialmediaposting",
        "webpage",
        "report",
        "creativework",
        "askpublicnewsarticle",
    }
)
_ORG_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "ngo"})
_SOCIAL = frozenset({"facebook.com", "twitter.com", "x.com", "instagram.com", "linkedin.com"})


def read_html(data: bytes, path: Path) -> Draft:
    import trafilatura
    from trafilatura.deduplication import LRUCache
    from trafilatura.utils import load_html

    with warnings.catch_warnings():  # trafilatura's internals warn about lxml truth-testing
        warnings.simplefilter("ignore")
        tree = load_html(data)
        if tree is None:
            raise ParseError("E108", path=path)
        meta = page_metadata(tree)
        mark_boilerplate(tree)
        doc = trafilatura.bare_extraction(
            tree,
            with_metadata=True,
            prune_xpath=PRUNE_XPATH,
            deduplicate=LRUCache(maxsize=64),  # this page's repeats only, not other pages'
            **EXTRACT_OPTIONS,
        )
    if doc is None or isinstance(doc, dict):
        raise ParseError("E108", path=path)
    title = doc.title or None
    raw = doc.text or ""
    if title and raw.startswith(title + "\n"):  # trafilatura repeats the headline
        raw = raw[len(title) + 1 :]
    cleaned = clean_text(raw)
    text = cleaned.text
    if not text or len(text.split()) < MIN_HTML_WORDS:
        raise ParseError("E108", path=path)
    published = None
    if doc.date:
        try:
            published = dt.date.fromisoformat(str(doc.date)[:10])
        except ValueError:
            published = None
    if published is None:  # meta tags, JSON-LD, <time>, datelines that trafilatura missed
        from ..timex import find_publication_date

        published = find_publication_date(text, data.decode("utf-8", errors="replace"))
    people = meta.people or (author_names(doc.author) if doc.author else None)
    outlet = meta.outlet or doc.sitename or None
    credits = [*cleaned.credits, *meta.credits]
    if doc.author and not meta.people:
        credits.extend(_organisations_in(doc.author))
    return Draft(
        text=text,
        ref=str(path),
        title=title,
        url=doc.url or None,
        outlet=outlet,
        published=published,
        author=people or cleaned.author,
        credits=_distinct(credits, outlet),
        based_on=meta.based_on,
    )


# --- metadata --------------------------------------------------------------------------


@dataclass(slots=True)
class PageMeta:
    """What a page's meta tags and JSON-LD say about its outlet, authors and sources."""

    outlet: str | None = None
    people: str | None = None
    credits: list[str] = field(default_factory=list)
    based_on: str | None = None


def page_metadata(tree: HtmlElement) -> PageMeta:
    """The outlet (``og:site_name``, JSON-LD ``publisher``, ``article:publisher``), the
    people who wrote it, the organisations credited (JSON-LD ``sourceOrganization``,
    ``isBasedOn``, an Organization ``author``, a publisher other than the site) and the URL
    it is based on."""
    out = PageMeta()
    site = _meta(tree, "og:site_name")
    publisher_tag = _meta(tree, "article:publisher")
    node = _article_node(_json_ld(tree))
    ld_publisher = None
    if node is not None:
        ld_publisher = _name_of(node.get("publisher"))
        people: list[str] = []
        for who in _as_list(node.get("author")):
            if _is_org(who):
                out.credits.extend(n for n in [_name_of(who)] if n)
            elif (name := _name_of(who)) and (person := author_names(name)):
                people.append(person)
            elif name:
                out.credits.extend(_organisations_in(name))
        if people:
            out.people = " and ".join(dict.fromkeys(people))
        for org in _as_list(node.get("sourceOrganization")):
            out.credits.extend(n for n in [_name_of(org)] if n)
        for src in _as_list(node.get("isBasedOn")) + _as_list(node.get("isBasedOnUrl")):
            url, names = _based_on(src)
            out.based_on = out.based_on or url
            out.credits.extend(names)
    tag_publisher = _publisher_name(publisher_tag) if publisher_tag else None
    out.outlet = site or ld_publisher or tag_publisher
    # A publisher other than the site is credited (a name, or a URL of a known organisation).
    tag_named = tag_publisher if publisher_tag and not _is_url(publisher_tag) else None
    tag_known = tag_publisher if tag_publisher and canonical(tag_publisher) else None
    for other in (ld_publisher, tag_named or tag_known):
        if other and out.outlet and _org_key(other) != _org_key(out.outlet):
            out.credits.append(other)
    return out


def _meta(tree: HtmlElement, name: str) -> str | None:
    for el in tree.iter("meta"):
        if (el.get("property") or el.get("name") or "").strip().lower() == name:
            value = " ".join((el.get("content") or "").split())
            if value:
                return value
    return None


def _json_ld(tree: HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD object of the page, ``@graph`` members included, ``@id`` references
    resolved against the page's other objects."""
    nodes: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        nodes.extend(_flatten(data))
    by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}
    return [_resolve(n, by_id, 0) for n in nodes]


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        if "@graph" in data:
            yield from _flatten(data["@graph"])
        if "@type" in data:
            yield data


def _resolve(value: Any, by_id: dict[str, dict[str, Any]], depth: int) -> Any:
    if depth > 4:
        return value
    if isinstance(value, list):
        return [_resolve(v, by_id, depth + 1) for v in value]
    if isinstance(value, dict):
        ref = value.get("@id")
        if set(value) == {"@id"} and isinstance(ref, str) and ref in by_id:
            value = by_id[ref]
        return {k: (_resolve(v, by_id, depth + 1) if k != "@id" else v) for k, v in value.items()}
    return value


def _types(node: Any) -> set[str]:
    if not isinstance(node, dict):
        return set()
    return {str(t).lower().rsplit("/", 1)[-1] for t in _as_list(node.get("@type"))}


def _article_node(nodes: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The page's article: a NewsArticle (or other article type) before a WebPage."""
    ranked = [n for n in nodes if _types(n) & _ARTICLE_TYPES]
    ranked.sort(key=lambda n: "webpage" in _types(n) and not (_types(n) - {"webpage"}))
    return ranked[0] if ranked else None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _is_org(node: Any) -> bool:
    return bool(_types(node) & _ORG_TYPES)


def _name_of(node: Any) -> str | None:
    if isinstance(node, str):
        text = node.strip()
        return None if not text or _is_url(text) else text
    if isinstance(node, dict):
        name = node.get("name") or node.get("legalName") or node.get("alternateName")
        if isinstance(name, list):
            name = name[0] if name else None
        if isinstance(name, str) and name.strip():
            return " ".join(name.split())
    return None


def _is_url(text: str) -> bool:
    return bool(re.match(r"^(?:https?:)?//", text.strip(), re.IGNORECASE))


def _based_on(src: Any) -> tuple[str | None, list[str]]:
    """The URL an ``isBasedOn`` gives and the outlets it names: its publisher, source
    organisation or Organization author, its own name when that is an organisation, else
    the organisation its URL's domain belongs to."""
    if isinstance(src, str):
        url = src.strip() if _is_url(src) else None
        names = [] if url else [src.strip()]
    elif isinstance(src, dict):
        raw = src.get("url") or src.get("@id")
        url = raw.strip() if isinstance(raw, str) and _is_url(raw) else None
        names = []
        for k in ("publisher", "sourceOrganization", "author"):
            names.extend(
                n
                for o in _as_list(src.get(k))
                if (n := _name_of(o)) and (k != "author" or _is_org(o))
            )
        own = _name_of(src)
        if own and (_is_org(src) or canonical(own)):
            names.append(own)
    else:
        return None, []
    if not names and url:
        domain = registrable_domain(url)
        known = by_domain(domain) if domain else None
        if known:
            names.append(known)
    return url, names


def _publisher_name(value: str) -> str | None:
    """``article:publisher`` is a name or a URL: a social profile names the outlet by its
    handle ("https://www.facebook.com/Reuters" -> "Reuters"), another URL by its domain."""
    if not _is_url(value):
        return value
    domain = registrable_domain(value)
    if not domain:
        return None
    if domain in _SOCIAL:
        m = re.match(r"^(?:https?:)?//[^/]+/(?:pages/)?([^/?#]+)", value)
        handle = m.group(1) if m else ""
        return handle if handle and handle.lower() not in ("profile.php", "people") else None
    return by_domain(domain) or domain


def _organisations_in(who: str) -> list[str]:
    """Known news organisations named in an author field ("Jane Doe; Reuters")."""
    out = []
    for part in re.split(r"\s*(?:;|,|\band\b|&|\|)\s*", who):
        words = part.split()
        for n in range(min(4, len(words)), 0, -1):
            name = canonical(" ".join(words[-n:]))
            if name:
                out.append(name)
                break
    return out


def _org_key(name: str) -> str:
    return canonical(name) or key(name)


def _distinct(names: list[str], outlet: str | None) -> tuple[str, ...]:
    """Credits once each, and never the page's own outlet."""
    own = _org_key(outlet) if outlet else None
    seen: dict[str, str] = {}
    for n in names:
        k = _org_key(n)
        if n and k != own and k not in seen:
            seen[k] = n
    return tuple(seen.values())


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
