"""End to end in a real headless Chromium: story list, story page, highlights, XSS.

Drives Debian's ``chromium`` through Playwright (``executable_path``; no browser
download). Skips with a message when /usr/bin/chromium is absent. Keeps
screenshots under build/screenshots/.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=f"{CHROMIUM} not found: install Debian's chromium (make does when run as root)",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Watch:
    """What the page did that it should not: dialogs opened, console errors (CSP reports)."""

    def __init__(self) -> None:
        self.dialogs: list[str] = []
        self.console_errors: list[str] = []

    def on_dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def on_console(self, msg: Any) -> None:
        if msg.type == "error":
            self.console_errors.append(msg.text)


@pytest.fixture
def watch() -> Watch:
    return Watch()


@pytest.fixture
def page(browser: Any, watch: Watch) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    pg.on("dialog", watch.on_dialog)
    pg.on("console", watch.on_console)
    yield pg
    context.close()


def test_story_list_then_story_page(page: Any, watch: Watch, live_server: str) -> None:
    page.goto(live_server + "/")
    assert page.locator(".story-item").count() == 3  # the two summit reports are one story
    link = page.locator(".story-item a", has_text="Kim").first
    title = link.inner_text()
    link.click()
    page.wait_for_url("**/stories/st_*")
    assert page.locator("h1").inner_text() == title
    # who covered it
    assert "2 independent origins" in page.locator("#coverage").inner_text()
    assert page.locator("#coverage .coverage-table tbody tr").count() == 2
    # the brief
    assert "Kim Jong-un met Vladimir Putin." in page.locator("#brief").inner_text()
    # claims, coloured by status
    assert page.locator(".claim.st-conflicting").count() == 2
    assert page.locator(".claim.st-corroborated").count() == 1
    colour = page.locator(".claim.st-conflicting").first.evaluate(
        "el => getComputedStyle(el).borderLeftColor"
    )
    assert colour == "rgb(180, 35, 24)"
    # highlights: entities and claim evidence in the article text
    assert page.locator(".article .ent-person").count() >= 3
    assert page.locator(".article .ev-conflicting").count() >= 2
    # clicking a claim lights up its evidence
    page.locator(".claim.st-conflicting .claim-text").first.click()
    lit = page.locator(".article .lit")
    assert lit.count() >= 1
    assert "".join(lit.all_inner_texts()) == "Vostochny Cosmodrome"
    # timeline and entity graph
    assert "2023-09-13" in page.locator("#timeline").inner_text()
    assert page.locator("svg.entity-graph circle").count() >= 3
    assert watch.console_errors == []  # no CSP violation, no missing asset
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "story-page.png"), full_page=True)


def test_injected_markup_never_runs(page: Any, watch: Watch, live_server: str) -> None:
    # the seeded XSS article, and one more pasted through the form in the browser
    page.goto(live_server + "/ingest")
    page.fill("input[name=title]", '<img src=x onerror="window.__pwned=4">Form title')
    page.fill(
        "textarea[name=text]",
        "Pasted from Oslo: <script>window.__pwned=1</script> and "
        '<img src=x onerror="window.__pwned=2"> and <svg onload=alert(3)></svg> on Monday.',
    )
    page.click("button[type=submit]")
    page.wait_for_url("**/jobs/*")
    page.wait_for_selector("#job-state.st-done", timeout=60_000)
    page.locator("a[href^='/stories/']").first.click()
    page.wait_for_url("**/stories/st_*")
    _assert_inert(page, watch, "Pasted from Oslo: <script>window.__pwned=1</script>")
    page.goto(live_server + "/search?q=geneva")
    page.locator(".hits a").first.click()
    _assert_inert(page, watch, "<script>window.__pwned=1</script> was found")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "xss-article.png"), full_page=True)
    for url in ("/", "/entities", "/search?q=payload", "/quotes"):
        page.goto(live_server + url)
        _assert_inert(page, watch, None)


def _assert_inert(page: Any, watch: Watch, visible_text: str | None) -> None:
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert watch.dialogs == []
    scripts = page.evaluate("[...document.scripts].map(s => s.getAttribute('src'))")
    assert scripts == ["/static/storyweave.js"]
    handlers = page.evaluate(
        "[...document.querySelectorAll('*')].flatMap(el => [...el.attributes]"
        ".map(a => a.name)).filter(n => n.startsWith('on'))"
    )
    assert handlers == []
    assert page.locator("a[href^='javascript:']").count() == 0
    if visible_text:
        assert visible_text in page.locator("main").inner_text()
