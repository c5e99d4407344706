"""Take docs/images/story-page.png: the story page of the seed story, in headless Chromium.

Ingests examples/kim-putin-summit.jsonl (the two seed articles) into a fresh
store, serves it on 127.0.0.1 at a free port in a thread, and screenshots the
story of the first seed article at 1280 px wide: the first 1,400 px (coverage strip,
claims, brief, timeline axis, graph), and prints the full page's height. Re-run after a
stage lands that adds to the report (claims, timeline, brief), or after the story page
changes, so the README shows what the UI shows.
Run: ``.venv/bin/python scripts/screenshot_story_page.py``.
"""

from __future__ import annotations

import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn

from storyweave.analysis import ingest
from storyweave.ingest import IngestOptions
from storyweave.server import create_app
from storyweave.server.guards import LOOPBACK_HOSTS
from storyweave.storage import open_store

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "images" / "story-page.png"
SEED_REF = "000_dd195cddc56944a4"
CHROMIUM = "/usr/bin/chromium"
WIDTH, HEIGHT = 1280, 1400  # the window; the image is its first screen
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


def main() -> int:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        print(f"skipped: {CHROMIUM} not found")
        return 0
    with tempfile.TemporaryDirectory(prefix="storyweave-shot-") as tmp:
        store = open_store(Path(tmp) / "seed.db")
        result = ingest([ROOT / "examples" / "kim-putin-summit.jsonl"], store=store,
                        options=IngestOptions())  # fmt: skip
        seed = next(a for a in store.articles(result.article_ids) if a.ref == SEED_REF)
        app = create_app(store, allowed_hosts=LOOPBACK_HOSTS)
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        base = f"http://127.0.0.1:{sock.getsockname()[1]}"
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        try:
            report = httpx.get(f"{base}/api/articles/{seed.id}").json()["report"]
            story_id = report["stories"][0]["id"]
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
                page.goto(f"{base}/stories/{story_id}")
                height = page.evaluate("document.documentElement.scrollHeight")
                OUT.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(OUT), full_page=False)
                browser.close()
        finally:
            server.should_exit = True
            thread.join(timeout=10)
            store.close()
    size = OUT.stat().st_size // 1024
    print(f"wrote {OUT.relative_to(ROOT)} ({size} KB; story {story_id}, page {height} px high)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
