"""Bounded load test of the HTTP API: N reads from C concurrent clients, on loopback only.

Builds a store from the bundled examples, starts ``storyweave serve`` on
127.0.0.1 at a free port in a child process, and sends exactly ``--requests``
GET requests (a fixed mix of API reads and pages) from ``--clients`` concurrent
clients. Prints requests/s, latency percentiles and the error count, then stops
the server. Exits 1 if any request failed. Run: ``make bench``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from storyweave.analysis import ingest
from storyweave.storage import open_store

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"  # loopback only: this load test never leaves the machine


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def build_store(db: Path) -> None:
    store = open_store(db)
    ingest([ROOT / "examples"], store=store)
    store.close()


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "storyweave.cli", "serve", "--db", str(db), "--host", HOST,
           "--port", str(port)]  # fmt: skip
    env = {**os.environ, "STORYWEAVE_TOKEN": ""}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://{HOST}:{port}/api/health", timeout=1).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.1)
    proc.terminate()
    raise SystemExit("the server did not start within 60 s")


def url_mix(base: str) -> list[str]:
    stories = httpx.get(f"{base}/api/stories", params={"limit": 500}).json()["items"]
    articles = httpx.get(f"{base}/api/articles", params={"limit": 500}).json()["items"]
    entities = httpx.get(f"{base}/api/entities", params={"limit": 5}).json()["items"]
    urls = ["/api/stories", "/api/stories?sort=disputed", "/api/articles", "/api/entities",
            "/api/claims", "/api/quotes", "/api/timeline", "/api/search?q=putin",
            "/api/search?q=rehab%20clinic", "/", "/entities", "/search?q=kim"]  # fmt: skip
    urls += [f"/api/stories/{s['id']}" for s in stories]
    urls += [f"/stories/{s['id']}" for s in stories[:3]]
    urls += [f"/api/articles/{a['id']}" for a in articles[:3]]
    urls += [f"/api/entities/{e['id']}" for e in entities]
    return urls


async def load(base: str, urls: list[str], total: int, clients: int) -> tuple[list[float], int]:
    queue: asyncio.Queue[str] = asyncio.Queue()
    for i in range(total):
        queue.put_nowait(urls[i % len(urls)])
    latencies: list[float] = []
    errors = 0

    async def client() -> None:
        nonlocal errors
        async with httpx.AsyncClient(base_url=base, timeout=30) as http:
            while not queue.empty():
                url = queue.get_nowait()
                t0 = time.perf_counter()
                try:
                    r = await http.get(url)
                    ok = r.status_code == 200
                except httpx.HTTPError:
                    ok = False
                latencies.append(time.perf_counter() - t0)
                errors += not ok

    await asyncio.gather(*(client() for _ in range(clients)))
    return latencies, errors


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=10)
    args = parser.parse_args()
    if not (1 <= args.requests <= 100_000 and 1 <= args.clients <= 100):
        raise SystemExit("bounded: 1-100000 requests, 1-100 clients")
    with tempfile.TemporaryDirectory(prefix="storyweave-bench-http-") as tmp:
        db = Path(tmp) / "bench.db"
        build_store(db)
        port = free_port()
        proc = start_server(db, port)
        base = f"http://{HOST}:{port}"
        try:
            urls = url_mix(base)
            started = time.perf_counter()
            latencies, errors = asyncio.run(load(base, urls, args.requests, args.clients))
            elapsed = time.perf_counter() - started
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    ms = [x * 1000 for x in latencies]
    rows = [
        ("requests", f"{len(latencies)} ({len(urls)} distinct URLs)"),
        ("concurrent clients", str(args.clients)),
        ("errors", str(errors)),
        ("wall time", f"{elapsed:.2f} s"),
        ("throughput", f"{len(latencies) / elapsed:.0f} req/s"),
        ("latency p50", f"{percentile(ms, 50):.1f} ms"),
        ("latency p95", f"{percentile(ms, 95):.1f} ms"),
        ("latency p99", f"{percentile(ms, 99):.1f} ms"),
        ("latency max", f"{max(ms):.1f} ms"),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"HTTP load test on {base} (one uvicorn worker, store: bundled examples)")
    for key, value in rows:
        print(f"  {key:<{width}}  {value}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
