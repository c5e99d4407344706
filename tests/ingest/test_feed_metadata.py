"""Outlet, credits and based_on from feed and page metadata (issue 19): an RSS or Atom
item's ``<source>``, ``dc:source``, ``dc:publisher``; a page's ``og:site_name``,
``article:publisher`` and JSON-LD ``publisher``, ``isBasedOn``, ``sourceOrganization`` and
Organization ``author``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from storyweave.ingest import read_inputs
from storyweave.ingest.draft import Draft
from storyweave.ingest.feeds import read_feed
from storyweave.ingest.html import read_html
from storyweave.model import Article

BODY = (
    "<p>Negotiators left the capital on Sunday without agreeing on how a ceasefire would be "
    "monitored, after both delegations rejected a compromise.</p>"
    "<p>Mediators said they would invite both sides back in early June.</p>"
)
ITEM_BODY = "Negotiators left the capital on Sunday without agreeing on a ceasefire plan."

AGGREGATOR = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>World Headlines Digest</title><link>https://digest.example/</link>
<item><title>Talks stall</title><link>https://digest.example/1</link>
  <description>{ITEM_BODY}</description>
  <source url="https://www.reuters.com/arc/outboundfeeds/world/">Reuters</source></item>
<item><title>Digest original</title><link>https://digest.example/2</link>
  <description>{ITEM_BODY} Our own summary.</description></item>
<item><title>Self-sourced</title><link>https://digest.example/3</link>
  <description>{ITEM_BODY} Again.</description>
  <source url="https://digest.example/rss">World Headlines Digest</source></item>
<item><title>Nameless source</title><link>https://digest.example/4</link>
  <description>{ITEM_BODY} A fourth.</description>
  <source url="https://www.afp.com/en/rss"></source></item>
<item><title>Unknown source</title><link>https://digest.example/5</link>
  <description>{ITEM_BODY} A fifth.</description>
  <source url="https://valleysentinel.example/feed">Valley Sentinel</source></item>
</channel></rss>"""

DC_FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Dunmore Gazette</title>
<item><title>Wire copy</title><link>https://gazette.example/1</link>
  <description>{ITEM_BODY}</description><dc:source>AFP</dc:source></item>
<item><title>Based on</title><link>https://gazette.example/2</link>
  <description>{ITEM_BODY} Two.</description>
  <dc:source>https://www.reuters.com/world/talks-stall-2026-05-03/</dc:source></item>
<item><title>Publisher</title><link>https://gazette.example/3</link>
  <description>{ITEM_BODY} Three.</description><dc:publisher>Le Monde</dc:publisher>
  <dc:creator>Reuters</dc:creator></item>
<item><title>Feed footer</title><link>https://gazette.example/4</link>
  <description>&lt;p&gt;{ITEM_BODY} Four.&lt;/p&gt;
  &lt;p&gt;The post Wire copy appeared first on Dunmore Gazette.&lt;/p&gt;</description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Planet Newsrooms</title>
<entry><id>tag:planet,2026:1</id><title>Talks stall</title>
  <link href="https://planet.example/1"/><updated>2026-05-03T10:00:00Z</updated>
  <content type="html">&lt;p&gt;{ITEM_BODY}&lt;/p&gt;</content>
  <author><name>Ann Byrne</name></author>
  <source><id>tag:origintimes</id><title>The Origin Times</title>
    <link rel="alternate" href="https://origintimes.example/"/></source></entry>
</feed>"""


def _feed(text: str, tmp_path: Path, name: str = "f.rss") -> list[Draft]:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return list(read_feed(p.read_bytes(), p))


def test_aggregator_items_take_their_source_as_outlet(tmp_path: Path) -> None:
    by_title = {d.title: d for d in _feed(AGGREGATOR, tmp_path)}
    wire = by_title["Talks stall"]
    assert wire.outlet == "Reuters" and wire.credits == ("Reuters",)
    own = by_title["Digest original"]
    assert own.outlet == "World Headlines Digest" and own.credits == ()
    same = by_title["Self-sourced"]
    assert same.outlet == "World Headlines Digest" and same.credits == ()
    nameless = by_title["Nameless source"]  # a source without a name: its URL's organisation
    assert nameless.outlet == "AFP" and nameless.credits == ("AFP",)
    unknown = by_title["Unknown source"]  # not in the news-source table: as written
    assert unknown.outlet == "Valley Sentinel" and unknown.credits == ("Valley Sentinel",)


def test_aggregator_item_end_to_end(tmp_path: Path) -> None:
    p = tmp_path / "digest.rss"
    p.write_text(AGGREGATOR, encoding="utf-8")
    arts = {a.title: a for a in read_inputs([p]) if isinstance(a, Article)}
    assert arts["Talks stall"].outlet == "Reuters"
    assert "Reuters" in arts["Talks stall"].credits
    assert arts["Digest original"].outlet == "World Headlines Digest"
    assert "World Headlines Digest" not in arts["Digest original"].credits


def test_dc_source_and_publisher(tmp_path: Path) -> None:
    by_title = {d.title: d for d in _feed(DC_FEED, tmp_path)}
    wire = by_title["Wire copy"]
    assert wire.outlet == "Dunmore Gazette" and wire.credits == ("AFP",)
    based = by_title["Based on"]
    assert based.based_on == "https://www.reuters.com/world/talks-stall-2026-05-03/"
    assert based.credits == ("Reuters",) and based.outlet == "Dunmore Gazette"
    pub = by_title["Publisher"]  # dc:publisher names the item's outlet; an agency creator
    assert pub.outlet == "Le Monde" and pub.credits == ("Le Monde", "Reuters")
    assert pub.author is None
    footer = by_title["Feed footer"]
    assert "appeared first on" not in footer.text and footer.text.startswith("Negotiators")


def test_atom_source(tmp_path: Path) -> None:
    (d,) = _feed(ATOM, tmp_path, "f.atom")
    assert d.outlet == "The Origin Times" and d.credits == ("The Origin Times",)
    assert d.author == "Ann Byrne"


def _page(tmp_path: Path, head: str = "", ld: Any = None) -> Draft:
    script = ""
    if ld is not None:
        text = ld if isinstance(ld, str) else json.dumps(ld)
        script = f'<script type="application/ld+json">{text}</script>'
    html = (
        f"<html><head><title>Talks stall</title>{head}{script}</head><body><article>"
        f"<h1>Talks stall</h1>{BODY}</article></body></html>"
    )
    p = tmp_path / "page.html"
    p.write_text(html, encoding="utf-8")
    return read_html(p.read_bytes(), p)


def _meta(prop: str, content: str) -> str:
    return f'<meta property="{prop}" content="{content}">'


def test_og_site_name_is_the_outlet(tmp_path: Path) -> None:
    d = _page(tmp_path, _meta("og:site_name", "Dunmore Gazette"))
    assert d.outlet == "Dunmore Gazette" and d.credits == ()


@pytest.mark.parametrize(
    ("publisher", "outlet"),
    [
        ("Dunmore Gazette", "Dunmore Gazette"),
        ("https://www.facebook.com/Reuters", "Reuters"),
        ("https://www.dunmoregazette.ie/", "dunmoregazette.ie"),
        ("https://www.reuters.com", "Reuters"),
    ],
)
def test_article_publisher_name_or_url(tmp_path: Path, publisher: str, outlet: str) -> None:
    d = _page(tmp_path, _meta("article:publisher", publisher))
    assert d.outlet == outlet


def test_article_publisher_other_than_the_site_is_credited(tmp_path: Path) -> None:
    head = _meta("og:site_name", "Yahoo News") + _meta("article:publisher", "Reuters")
    d = _page(tmp_path, head)
    assert d.outlet == "Yahoo News" and d.credits == ("Reuters",)
    facebook = _meta("og:site_name", "Reuters") + _meta(
        "article:publisher", "https://www.facebook.com/Reuters"
    )
    assert _page(tmp_path, facebook).credits == ()


def test_json_ld_publisher_top_level(tmp_path: Path) -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Talks stall",
        "publisher": {"@type": "Organization", "name": "Dunmore Gazette"},
        "author": {"@type": "Person", "name": "Ann Byrne"},
    }
    d = _page(tmp_path, ld=ld)
    assert d.outlet == "Dunmore Gazette" and d.author == "Ann Byrne" and d.credits == ()


def test_json_ld_graph_with_references(tmp_path: Path) -> None:
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "@id": "#page", "name": "Talks stall"},
            {"@type": "NewsMediaOrganization", "@id": "#org", "name": "Dunmore Gazette"},
            {
                "@type": ["NewsArticle"],
                "headline": "Talks stall",
                "publisher": {"@id": "#org"},
                "author": [{"@type": "Organization", "name": "Xinhua"}],
                "sourceOrganization": {"@type": "Organization", "name": "Kyodo News"},
            },
        ],
    }
    d = _page(tmp_path, ld=ld)
    assert d.outlet == "Dunmore Gazette"
    assert d.author is None  # an organisation is a credit, not an author
    assert d.credits == ("Xinhua", "Kyodo News")


@pytest.mark.parametrize(
    ("based_on", "url", "credits"),
    [
        (
            "https://www.reuters.com/world/talks/",
            "https://www.reuters.com/world/talks/",
            ("Reuters",),
        ),
        ("https://blog.example/post/1", "https://blog.example/post/1", ()),
        (
            {
                "@type": "CreativeWork",
                "name": "Talks stall over monitors",
                "url": "https://x.example/1",
                "publisher": {"@type": "Organization", "name": "Agence France-Presse"},
            },
            "https://x.example/1",
            ("Agence France-Presse",),
        ),
        (
            {"@type": "NewsArticle", "name": "AFP", "url": "https://x.example/2"},
            "https://x.example/2",
            ("AFP",),
        ),
        ({"@type": "CreativeWork", "name": "A headline, not an outlet"}, None, ()),
    ],
)
def test_is_based_on(
    tmp_path: Path, based_on: Any, url: str | None, credits: tuple[str, ...]
) -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "isBasedOn": based_on,
        "publisher": {"@type": "Organization", "name": "Dunmore Gazette"},
    }
    d = _page(tmp_path, ld=ld)
    assert d.based_on == url
    assert d.credits == credits


def test_broken_json_ld_is_ignored(tmp_path: Path) -> None:
    d = _page(tmp_path, _meta("og:site_name", "Dunmore Gazette"), ld="{not json")
    assert d.outlet == "Dunmore Gazette" and d.credits == () and d.based_on is None


def test_page_credits_reach_the_article(tmp_path: Path) -> None:
    ld = {
        "@type": "NewsArticle",
        "isBasedOn": "https://www.reuters.com/world/talks/",
        "publisher": {"@type": "Organization", "name": "Dunmore Gazette"},
    }
    _page(tmp_path, ld=ld)
    (a,) = [x for x in read_inputs([tmp_path / "page.html"]) if isinstance(x, Article)]
    assert a.outlet == "Dunmore Gazette" and "Reuters" in a.credits
