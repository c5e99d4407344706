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
    assert "13 Sep 2023" in page.locator("#timeline").inner_text()
    assert page.locator("svg.entity-graph circle").count() >= 3
    assert watch.console_errors == []  # no CSP violation, no missing asset
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "story-page.png"), full_page=True)


@pytest.fixture
def laptop(browser: Any, watch: Watch) -> Iterator[Any]:
    """A 1280x800 window: what "above the fold" means in the story page's tests."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    pg.on("dialog", watch.on_dialog)
    pg.on("console", watch.on_console)
    yield pg
    context.close()


def _summit_page(page: Any, live_server: str) -> None:
    page.goto(live_server + "/")
    page.locator(".story-item a", has_text="Kim").first.click()
    page.wait_for_url("**/stories/st_*")


def _box(page: Any, selector: str) -> dict[str, float]:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return dict(box)


def test_story_page_scans_from_the_top(laptop: Any, watch: Watch, live_server: str) -> None:
    """At 1280x800 the coverage strip and the disputed claims are on the first screen,
    single-source claims wait behind a click, and the sections come in reading order."""
    page = laptop
    _summit_page(page, live_server)
    strip = _box(page, "#coverage")
    assert strip["y"] + strip["height"] <= 800 and strip["height"] < 160  # a strip, not a page
    first_disputed = _box(page, "#claims-disputed .claim")
    assert first_disputed["y"] + first_disputed["height"] <= 800
    tops = [
        _box(page, s)["y"] for s in ("#coverage", "#claims", "#timeline", "#graph", "#articles")
    ]
    assert tops == sorted(tops)
    # single-source claims: folded until the group is opened
    single = page.locator(".claim.st-single_source").first
    assert not single.is_visible()
    page.locator("#claims-single-source > summary").click()
    assert single.is_visible()
    page.locator("#claims-single-source > summary").click()
    assert not single.is_visible()
    # the status filter: disputed only, then all again; a chosen folded group opens
    assert page.locator("#claim-filter").is_visible()
    page.click("#claim-filter button[data-filter=conflicting]")
    visible = page.locator(".claim:visible")
    assert visible.count() == 2
    assert all("st-conflicting" in (c.get_attribute("class") or "") for c in visible.all())
    page.click("#claim-filter button[data-filter=single_source]")
    assert page.locator(".claim:visible").count() == 1 and single.is_visible()
    page.click("#claim-filter button[data-filter='']")
    # the word filter, across groups; nothing matching says so
    page.fill("#claim-query", "moscow")  # the claim's text, and another's why
    assert page.locator(".claim:visible").count() == 2
    page.fill("#claim-query", "military cooperation")  # in a folded group: it opens
    assert page.locator(".claim:visible").all_inner_texts()[0].startswith("They discussed")
    assert page.locator(".claim:visible").count() == 1
    assert page.locator("#claim-count").inner_text() == "1 shown"
    page.fill("#claim-query", "zzzz")
    assert page.locator(".claim:visible").count() == 0 and page.locator("#claim-none").is_visible()
    page.fill("#claim-query", "")
    assert page.locator(".claim:visible").count() == 4  # every claim, the opened group too
    # the timeline axis: a marker per entry, readable tick labels, and a click lights evidence
    axis = page.locator("svg.timeline-axis")
    assert axis.is_visible() and axis.locator("g.tl-mark").count() == 1
    assert "13 Sep 2023" in axis.locator("text.tick-label").all_text_contents()
    axis.locator("g.tl-mark").first.click()
    assert "".join(page.locator(".article .lit").all_inner_texts()) == "on Wednesday"
    # the graph: typed edges and a legend
    graph = page.locator("svg.entity-graph")
    assert graph.is_visible() and graph.locator("path.edge").count() >= 1
    legend = page.locator("#graph .graph-legend")
    assert legend.is_visible()
    for label in ("met", "spoke about", "named together", "person"):
        assert label in legend.inner_text()
    colours = {
        k: page.locator(f"#graph .graph-legend .edge-{k}").evaluate(
            "el => getComputedStyle(el).stroke"
        )
        for k in ("met", "said_about", "co_occurs")
    }
    assert len(set(colours.values())) == 3, colours  # one colour per edge kind
    # the articles list
    rows = page.locator("#articles .article-list tbody tr")
    assert rows.count() == 2 and "first report" in rows.first.inner_text()
    assert watch.console_errors == []
    height = page.evaluate("document.documentElement.scrollHeight")
    print(f"story page height at 1280 px: {height} px")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "story-page-1280.png"), full_page=True)


def test_story_page_without_javascript(browser: Any, live_server: str) -> None:
    """No script: the groups still fold and unfold, the jump links stay, no filter shows."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 800}, java_script_enabled=False
    )
    page = context.new_page()
    try:
        _summit_page(page, live_server)
        assert not page.locator("#claim-filter").is_visible()
        assert page.locator(".claim-jumps a[href='#claims-disputed']").is_visible()
        single = page.locator(".claim.st-single_source").first
        assert not single.is_visible()
        page.locator("#claims-single-source > summary").click()
        assert single.is_visible()
        assert page.locator("svg.timeline-axis g.tl-mark").count() == 1
    finally:
        context.close()


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
