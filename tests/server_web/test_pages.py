"""Pages rendered in-process: what the story page shows, and that untrusted text stays text."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from tests.server.conftest import story_id_of

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
    assert "<time>2023-09-13</time>" in html  # timeline
    assert "<svg" in html and "<circle" in html  # entity graph
    assert 'class="ent ent-person"' in html
    assert "We will talk about all issues," in html  # quote
    coverage = html[html.index('id="coverage"') :]
    assert "2 independent origins" in coverage and "first reported by Tin Tuc, Wire" in coverage


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
