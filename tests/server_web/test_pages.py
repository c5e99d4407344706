"""Pages rendered in-process: what the story page shows, and that untrusted text stays text."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyweave import ingest
from storyweave.ingest import IngestOptions
from storyweave.server import create_app
from storyweave.storage import open_store
from tests.conftest import EXAMPLES
from tests.server.conftest import story_id_of

SEEDS = EXAMPLES / "kim-putin-summit.jsonl"

HTML = {"accept": "text/html"}


def test_story_page_shows_brief_claims_timeline_graph_and_highlights(client: TestClient) -> None:
    sid = story_id_of(client, "summit-1")
    html = client.get(f"/stories/{sid}", headers=HTML).text
    assert "Kim Jong-un met Vladimir Putin." in html  # brief
    assert html.count('class="claim st-conflicting"') == 2
    assert html.count('class="claim st-corroborated"') == 1
    assert html.count('class="claim st-single_source"') == 1
    assert re.search(
        r'<span class="ev ev-conflicting[^"]*"[^>]*data-refs="c0[^"]*">Vostochny', html
    )
    assert '<time title="2023-09-13">13 Sep 2023</time>' in html  # timeline, readable
    assert "<svg" in html and "<circle" in html  # entity graph
    assert 'class="ent ent-person"' in html
    assert "We will talk about all issues," in html  # quote
    coverage = html[html.index('id="coverage"') : html.index('id="claims"')]
    assert "<strong>2</strong> independent origins" in coverage
    assert (
        "first reported by Tin Tuc, Wire" in coverage and "<strong>13 Sep 2023</strong>" in coverage
    )
    assert 'class="coverage-table grid"' in coverage


def test_story_page_reads_top_down(client: TestClient) -> None:
    """Coverage, then claims (disputed, established, single source folded), timeline, graph,
    articles: the order a reader scans in."""
    html = client.get(f"/stories/{story_id_of(client, 'summit-1')}", headers=HTML).text
    order = ['id="coverage"', 'id="claims"', 'id="claims-disputed"', 'id="claims-established"',
             'id="claims-single-source"', 'id="brief"', 'id="timeline"', 'id="graph"',
             'id="articles"', 'class="grid article-list"', 'class="article"']  # fmt: skip
    places = [html.index(x) for x in order]
    assert places == sorted(places), order
    groups = dict(
        re.findall(r'<details class="claim-group [^"]*" id="claims-([a-z-]+)"([^>]*)>', html)
    )
    assert groups == {
        "disputed": ' data-group="conflicting" open',
        "established": ' data-group="corroborated" open',
        "single-source": ' data-group="single_source"',  # collapsed until clicked
    }
    single = html[html.index('id="claims-single-source"') :]
    assert single.index('class="claim st-single_source"') < single.index("</details>")
    # the filter is there for the script to show; the jump links work without it
    assert '<div class="claim-filter" id="claim-filter" hidden>' in html
    assert 'href="#claims-disputed"' in html and 'data-filter="conflicting"' in html


def test_timeline_axis_and_graph_legend(client: TestClient) -> None:
    html = client.get(f"/stories/{story_id_of(client, 'summit-1')}", headers=HTML).text
    timeline = html[html.index('id="timeline"') : html.index('id="graph"')]
    assert '<svg class="timeline-axis"' in timeline
    assert re.search(r'<g class="tl-mark[^"]*" data-show="t0" tabindex="0" role="button"', timeline)
    assert '<text class="tick-label"' in timeline and ">13 Sep 2023</text>" in timeline
    assert '<li id="tl-1">' in timeline and 'data-show="t0"><time' in timeline  # the entry too
    graph = html[html.index('id="graph"') : html.index('id="entities"')]
    assert '<ul class="graph-legend"' in graph
    for label in ("met", "spoke about", "named together", "person", "place"):
        assert f"</svg>{label} <small>" in graph or f"</svg>{label}</li>" in graph, label
    assert re.search(r'<path class="edge edge-(met|said_about|co_occurs)" d="M', graph)
    assert 'marker-end="url(#arrow)"' in graph


def test_articles_list_marks_outlets_dates_and_first_reports(client: TestClient) -> None:
    html = client.get(f"/stories/{story_id_of(client, 'summit-1')}", headers=HTML).text
    listing = html[html.index('class="grid article-list"') : html.index('<div class="articles">')]
    rows = re.findall(r"<tr><td><a href=\"#article-[^\"]+\">", listing)
    assert len(rows) == 2
    assert "<td>Tin Tuc</td><td>13 Sep 2023</td><td>en</td>" in listing
    assert listing.count('<span class="badge mark">first report</span>') == 2


def test_rendered_story_reads_timex_values_and_groups_every_status(client: TestClient) -> None:
    """Values the timeline stage emits read as a reader says them; an updated claim gets
    its own group between the disputed and the established ones."""
    from storyweave.server.web.render import render
    from storyweave.server.web.story_view import build_story_view

    sid = story_id_of(client, "summit-1")
    report = copy.deepcopy(client.get(f"/api/stories/{sid}").json()["report"])
    story = report["stories"][0]
    ev = story["timeline"][0]["evidence"]
    story["timeline"] = [
        {"date": d, "text": f"Event {i}.", "evidence": ev, "status": "corroborated"}
        for i, d in enumerate(["2026-11-26TMO", "16", "2023-W37", "201", "2023-Q3", "XXXX-09"])
    ]
    first = story["claims"][2]
    revised = {"id": "c-new", "text": "A figure was revised.", "status": "updated"}
    story["claims"].append({**first, **revised, "superseded_by": [], "conflicts_with": []})
    first["superseded_by"] = ["c-new"]
    html = render("story.html", title="t", view=build_story_view(report))
    for value, label in [("2026-11-26TMO", "26 Nov 2026, morning"), ("16", "17th century"),
                         ("2023-W37", "week of 11 Sep 2023"), ("201", "2010s"),
                         ("2023-Q3", "Q3 2023"), ("XXXX-09", "Sep (year unknown)")]:  # fmt: skip
        assert f'<time title="{value}">{label}</time>' in html, value
    assert "2026-11-26TMO</time>" not in html
    # in calendar order, the century first; the unplaced value last and off the axis
    assert re.findall(r'<li id="tl-(\d)">.*?<time title="([^"]+)"', html) == [
        ("1", "16"),
        ("2", "201"),
        ("3", "2023-Q3"),
        ("4", "2023-W37"),
        ("5", "2026-11-26TMO"),
        ("6", "XXXX-09"),
    ]
    axis = html[html.index('<svg class="timeline-axis"') :]
    axis = axis[: axis.index("</svg>")]
    assert axis.count('<g class="tl-mark') == 5
    assert '<path class="axis-break"' in axis  # 17th century to the 2010s is compressed
    places = [html.index(f'id="claims-{g}"') for g in ("disputed", "changed", "established")]
    assert places == sorted(places)
    assert "revised by: <a href=" in html


@pytest.mark.parametrize(
    "url",
    ["/", "/?sort=largest", "/?sort=disputed", "/entities", "/entities?type=PERSON&q=put",
     "/quotes", "/quotes?speaker=putin", "/search?q=putin", "/search?q=", "/search?q=zzzz",
     "/ingest", "/api/docs"],
)  # fmt: skip
def test_pages_render(client: TestClient, url: str) -> None:
    r = client.get(url, headers=HTML)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "<script>" not in r.text  # the only script is the bundled file


def test_quotes_page_statements_only(client: TestClient) -> None:
    every = client.get("/quotes", headers=HTML).text
    stated = client.get("/quotes", params={"statements": "1"}, headers=HTML).text
    assert "(welcomed)" in every and "(welcomed)" not in stated
    assert "(said)" in stated
    assert 'name="statements" value="1" checked' in stated
    assert 'name="statements" value="1" checked' not in every
    direct = client.get("/quotes", params={"kind": "direct"}, headers=HTML).text
    assert '<span class="badge">direct</span>' in direct
    assert '<span class="badge">indirect</span>' not in direct
    assert '<option value="direct" selected>' in direct


def test_entity_and_article_pages(client: TestClient) -> None:
    putin = client.get("/api/entities", params={"q": "Putin", "type": "PERSON"}).json()["items"]
    html = client.get(f"/entities/{putin[0]['id']}", headers=HTML).text
    assert "<mark>Putin</mark>" in html
    aid = client.get("/api/articles").json()["items"][0]["id"]
    assert client.get(f"/articles/{aid}", headers=HTML).status_code == 200


def test_untrusted_text_is_escaped_everywhere(client: TestClient) -> None:
    sid = story_id_of(client, "xss-1")
    aid = client.get(f"/api/stories/{sid}").json()["report"]["articles"][0]["id"]
    for url in (f"/stories/{sid}", f"/articles/{aid}", "/", "/search?q=geneva", "/entities"):
        html = client.get(url, headers=HTML).text
        assert "<script>window" not in html, url
        assert "<img src=x" not in html and "<b onmouseover" not in html, url
        assert "<i>Evil</i>" not in html, url
        assert 'href="javascript:' not in html.lower(), url
    html = client.get(f"/articles/{aid}", headers=HTML).text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "onerror=&#34;window.__pwned=2&#34;" in html
    # the story page's new places: the coverage strip, the article list, the graph's titles
    html = client.get(f"/stories/{sid}", headers=HTML).text
    strip = html[html.index('id="coverage"') : html.index('id="claims"')]
    assert "&lt;i&gt;Evil&lt;/i&gt; Times" in strip and "<i>" not in strip
    listing = html[html.index('class="grid article-list"') : html.index('<div class="articles">')]
    assert "&lt;i&gt;Evil&lt;/i&gt; Times" in listing
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;Breaking" in listing


def test_story_view_escapes_names_in_the_svgs(client: TestClient) -> None:
    """Entity names and timeline text end up in SVG <text> and <title>: escaped there too."""
    from storyweave.server.web.render import render
    from storyweave.server.web.story_view import build_story_view

    sid = story_id_of(client, "summit-1")
    report = copy.deepcopy(client.get(f"/api/stories/{sid}").json()["report"])
    evil = '<script>window.__pwned=1</script>"><img src=x onerror=alert(1)>'
    for e in report["entities"]:
        e["name"] = evil + e["name"]
    story = report["stories"][0]
    story["timeline"][0]["text"] = evil
    story["claims"][0]["text"] = evil
    report["articles"][0]["outlet"] = evil
    html = render("story.html", title="t", view=build_story_view(report))
    assert "<script>window" not in html and "<img src=x" not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;&#34;&gt;&lt;img" in html
    for svg in re.findall(r"<svg class=\"(?:timeline-axis|entity-graph)\".*?</svg>", html, re.S):
        assert "&lt;script&gt;" in svg


def test_ingest_form_posts_a_job(store_copy: object) -> None:
    from storyweave.server import create_app
    from storyweave.storage import SQLStore

    assert isinstance(store_copy, SQLStore)
    app = create_app(store_copy)
    with TestClient(app) as c:
        r = c.post(
            "/ingest",
            data={"text": "Hail fell on Zurich on Saturday.", "title": "Hail", "published": ""},
            follow_redirects=False,
        )
        assert r.status_code == 303
        job_id = r.headers["location"].rsplit("/", 1)[1]
        app.state.services.jobs.wait(job_id)
        page = c.get(f"/jobs/{job_id}", headers=HTML).text
        assert "done" in page and "/stories/st_" in page
        bad = c.post("/ingest", data={"text": "  "}, headers=HTML)
        assert bad.status_code == 422 and "E612" in bad.text


def test_a_planned_timeline_entry_says_so(client: TestClient) -> None:
    from storyweave.server.web.render import render
    from storyweave.server.web.story_view import build_story_view

    sid = story_id_of(client, "summit-1")
    report = copy.deepcopy(client.get(f"/api/stories/{sid}").json()["report"])
    timeline = report["stories"][0]["timeline"]
    html = render("story.html", title="t", view=build_story_view(report))
    assert "(planned)" not in html
    timeline[0]["planned"] = True
    html = render("story.html", title="t", view=build_story_view(report))
    assert html.count('<i class="planned">(planned)</i>') == 1


def test_an_article_in_another_language_is_marked_read_in_part(tmp_path: Path) -> None:
    """A Spanish report of the seed meeting sits in the seed story, marked "read in part",
    and its text stays text."""
    source = tmp_path / "mixed.jsonl"
    rows = [json.loads(line) for line in SEEDS.read_text(encoding="utf-8").splitlines() if line]
    rows.append(
        {
            "id": "es-1",
            "outlet": "El Diario <b>",
            "published": "2023-09-13",
            "title": "Kim Jong-un y Putin se reúnen en el cosmódromo de Vostochni",
            "text": "El líder norcoreano Kim Jong-un y el presidente ruso Vladímir Putin se "
            "reunieron el miércoles en el cosmódromo de Vostochni, en el extremo oriente de "
            'Rusia. "Tenemos mucho de qué hablar <script>", dijo Putin, según la agencia TASS.',
        }
    )
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "mixed.db"
    with open_store(db) as store:
        result = ingest([source], store=store, options=IngestOptions())
        assert not result.failures
    with TestClient(create_app(db)) as c:
        sid = story_id_of(c, "es-1")
        html = c.get(f"/stories/{sid}", headers=HTML).text
        assert html.count(">read in part</span>") == 2  # the articles table and the article
        assert ">not analysed</span>" not in html
        assert "<script>" not in html and "&lt;script&gt;" in html
        assert "El Diario &lt;b&gt;" in html
        assert "North Korean leader Kim Jong Un" in html  # the English title stays
