"""Reader side of the page shell: what a project page costs on first load, and Lighthouse performance.

    .venv/bin/python bench/page_shell.py                 # the seed site (5 projects) and N=1000
    .venv/bin/python bench/page_shell.py --sizes 5       # the seed site only
    .venv/bin/python bench/page_shell.py --site DIR      # a site already built for http://127.0.0.1:PORT/

For each language, one project page is loaded in Debian's Chromium with an empty cache from a plain
static server (Python's http.server: no compression, no cache headers, the worst honest host):
requests, bytes (uncompressed bodies), and the sitemaps requested (there should be none). Then
Lighthouse (npm, tools/node_modules; mobile preset, simulated throttling) measures performance and
CLS of the same page. The table goes between the page-shell markers of bench/results.md.
Speed numbers live here, never in test assertions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.server
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
LIGHTHOUSE = REPO / "tools" / "node_modules" / ".bin" / "lighthouse"
LANGS = ("el", "bg", "ka", "pl")
START, END = "<!-- page-shell:start -->", "<!-- page-shell:end -->"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build(n: int, work: Path, base: str) -> Path:
    env = {**os.environ, "SITE_URL": base, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO / "src")}
    if n == 5:  # the real seed site
        folder = REPO
    else:
        folder = work / f"synthetic-{n}"
        synthetic = [sys.executable, str(REPO / "bench" / "synthetic.py"), "--n", str(n), "--out", str(folder)]
        subprocess.run([*synthetic, "--code", str(REPO)], env=env, check=True, stdout=subprocess.DEVNULL)
    site = work / f"site-{n}"
    subprocess.run(
        [sys.executable, "-m", "microsite.cli", "build", "--site-dir", str(site), "--jobs", "2"],
        cwd=folder, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    return site


def project_page(site: Path, lang: str) -> str:
    seed = site / lang / "projects" / "digital-participation-vidin.html"
    if seed.exists():
        return seed.relative_to(site).as_posix()
    pages = sorted(p for p in (site / lang / "projects").glob("*.html") if p.name != "index.html")
    return pages[0].relative_to(site).as_posix()


def first_load(base: str, path: str) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        page = browser.new_page(viewport={"width": 390, "height": 844})
        sizes: list[tuple[str, int]] = []
        page.on("response", lambda r: sizes.append((r.url, len(r.body()) if r.ok else 0)))
        page.goto(base + path, wait_until="networkidle")
        page.wait_for_timeout(500)
        browser.close()
    return {
        "requests": len(sizes),
        "bytes": sum(size for _, size in sizes),
        "fonts": sum(size for url, size in sizes if url.endswith(".woff2")),
        "sitemaps": sum(1 for url, _ in sizes if "sitemap" in url),
        "largest": max(sizes, key=lambda item: item[1]),
    }


def lighthouse(url: str, out: Path) -> dict[str, float]:
    subprocess.run(
        [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}", "--only-categories=performance",
         "--chrome-flags=--headless --no-sandbox"],
        env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, timeout=300,
    )  # fmt: skip
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    return {
        "performance": round(report["categories"]["performance"]["score"] * 100),
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "lcp_s": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
    }


def measure(site: Path, label: str, work: Path) -> list[dict[str, Any]]:
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    rows = []
    try:
        for lang in LANGS:
            path = project_page(site, lang)
            row = {"site": label, "lang": lang, "page": path, **first_load(base, path)}
            row.update(lighthouse(base + path, work / f"lh-{label}-{lang}.json"))
            rows.append(row)
            print(row, file=sys.stderr)
    finally:
        server.shutdown()
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| site | lang | page | requests | kB (uncompressed) | of it fonts kB | sitemaps fetched | largest file | "
        "Lighthouse performance | CLS | LCP s | TBT ms |",
        "|---|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|",
    ]
    for r in rows:
        largest = f"{r['largest'][0].rsplit('/', 1)[-1]} {r['largest'][1] / 1000:.1f} kB"
        lines.append(
            f"| {r['site']} | {r['lang']} | {r['page']} | {r['requests']} | {r['bytes'] / 1000:.1f} | "
            f"{r['fonts'] / 1000:.1f} | {r['sitemaps']} | {largest} | {r['performance']} | {r['cls']:.3f} | "
            f"{r['lcp_s']:.2f} | {r['tbt_ms']:.0f} |"
        )
    return "\n".join(lines)


def write_results(text: str) -> None:
    results = REPO / "bench" / "results.md"
    current = results.read_text(encoding="utf-8")
    if START in current:
        current = current[: current.index(START)].rstrip() + "\n"
    results.write_text(f"{current}\n{START}\n{text}\n{END}\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="5,1000")
    parser.add_argument("--site", type=Path, help="measure this built site (built for the port it is served on)")
    args = parser.parse_args()
    started = dt.datetime.now(dt.UTC)
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="page-shell-") as tmp:
        work = Path(tmp)
        if args.site:
            rows += measure(args.site.resolve(), args.site.name, work)
        else:
            for n in (int(x) for x in args.sizes.split(",")):
                port_hint = f"http://127.0.0.1:{free_port()}/"  # canonical URLs only; pages use relative links
                rows += measure(build(n, work, port_hint), f"N={n}", work)
    head = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=REPO, capture_output=True, text=True)
    text = (
        "## Reader side: a project page on first load (page shell)\n\n"
        f"Written by `bench/page_shell.py` on {started:%Y-%m-%d %H:%M} UTC (git {head.stdout.strip()}), "
        f"`--sizes {args.sizes}`. Chromium {CHROMIUM}, 390 px, empty cache, plain static server without "
        "compression; Lighthouse 12 mobile preset (simulated slow 4G, 4× CPU slowdown), performance only. "
        "N=5 is the real seed site; other N are bench/synthetic.py sites. The search index is not loaded "
        "until the reader types a query, so it is not in these figures.\n\n" + table(rows) + "\n"
    )
    if not args.site:
        write_results(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
