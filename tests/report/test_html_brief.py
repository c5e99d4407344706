"""The static HTML report carries the brief, the timeline and the claim highlights, and opens
in a real browser (headless Chromium, when installed)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from storyweave._types import JSON
from storyweave.brief import attach_briefs
from storyweave.report import render_html, validate_report
from storyweave.report.html import layered
from storyweave.storage import open_store
from tests.brief.story import ARTICLE_A, ARTICLE_B, ingest_story

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip


def _ev(aid: str, text: str, phrase: str) -> JSON:
    start = text.index(phrase)
    return {"article": aid, "start": start, "end": start + len(phrase), "text": phrase}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> JSON:
    store = open_store(":memory:")
    _, rep = ingest_story(store, tmp_path_factory.mktemp("story"))
    store.close()
    a, b = rep["stories"][0]["articles"]
    met = "Kim Jong Un and Vladimir Putin held talks at the Vostochny Cosmodrome"
    rep["stories"][0]["claims"] = [
        {"id": "c1", "text": met, "status": "corroborated", "independent_sources": 2,
         "conflicts_with": [], "why": "two outlets",
         "evidence": [_ev(b, ARTICLE_B, met), _ev(a, ARTICLE_A, "met at the Vostochny")]},
        {"id": "c2", "text": "Analysts said Kim wants Russian help with satellites",
         "status": "single_source", "independent_sources": 1, "conflicts_with": [], "why": "one",
         "evidence": [_ev(b, ARTICLE_B, "Analysts said Kim wants Russian help with satellites")]},
    ]  # fmt: skip
    attach_briefs(rep)
    validate_report(rep)
    return rep


def test_layers_nest_entities_inside_claims() -> None:
    text = "Kim met Putin in Moscow."
    got = layered(text, [(0, 13, "claim", "c")], [(0, 3, "ent", "K"), (8, 13, "ent", "P")])
    assert "".join(layer["text"] for layer in got) == text
    assert [p for p in got[0]["pieces"] if p[1]] == [("Kim", "ent", "K"), ("Putin", "ent", "P")]


def test_html_has_brief_timeline_claims_and_highlights(report: JSON) -> None:
    html = render_html(report)
    assert 'class="brief"' in html and "Reported by one source" in html
    assert '<ol class="timeline">' in html and "May 2023" in html and "October 2023" in html
    assert html.count('class="claim claim-corroborated" title=') == 2  # one in each article
    assert 'class="claim claim-single-source"' in html
    assert 'class="claim-item claim-corroborated"' in html
    # self-contained: no scripts, no external assets
    assert "<script" not in html and "<link" not in html and not re.search(r'src="(?!#)', html)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
def test_html_report_opens_in_headless_chromium(report: JSON, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render_html(report), encoding="utf-8")
    profile = tmp_path / "profile"
    done = subprocess.run(
        [str(CHROMIUM), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom",
         page.as_uri()],
        capture_output=True, text=True, timeout=90, check=False,
    )  # fmt: skip
    dom = done.stdout
    assert done.returncode == 0 and "</html>" in dom, done.stderr[-2000:]
    # the brief's headline, the timeline in event-time order, the highlighted claims
    assert "Kim Jong Un and Vladimir Putin held talks at the Vostochny Cosmodrome." in dom
    timeline = dom[dom.index('<ol class="timeline">') :]
    months = ["May 2023", "July 2023", "August 2023", "12 September 2023", "13 September 2023",
              "October 2023"]  # fmt: skip
    order = [timeline.index(m) for m in months]
    assert order == sorted(order)
    assert len(re.findall(r'<span class="claim claim-corroborated" title=', dom)) == 2
    assert '<span class="claim claim-single-source"' in dom
