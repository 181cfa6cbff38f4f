"""What a reader downloads: a project page's first load and the search, measured in real Chromium.

    .venv/bin/python bench/reader.py            # N = 5, 100, 1000; about 5-6 minutes on 2 quiet cores
    .venv/bin/python bench/reader.py --sizes 5  # quick look

For each N: write a synthetic site (bench/synthetic.py), build it with our build (`microsite build
--jobs J`) for the address it is then served from (a plain http.server on 127.0.0.1: no compression, no
cache headers, the worst honest host), and in Debian's Chromium, per language, with an empty cache:
- page: the first project's page (the same record at every N), loaded until the network is idle:
  bytes (uncompressed bodies) and requests, by kind, and which requests are larger at the largest N
  than at the smallest (a request that grows with the site);
- first query: the search box focused and a word pasted into it (one input event): what the search
  downloads, manifest included;
- further query: a second word on the same page: what that adds;
- typed: on a fresh page, the first word typed a key at a time (a query per keystroke, as a reader
  does): what the whole word downloads.
The figures go into bench/results.md, between the markers below (the build figures stay), and the raw
numbers into bench/reader-results.json. Nothing here asserts on anything: the numbers are for people.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import functools
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from run import BENCH, python_env, snapshot_code

LANGS = ("el", "bg", "ka", "pl")
# (first query, further query) per language: words of bench/synthetic.py's vocabulary, as a reader types them
QUERIES = {
    "el": ("συνεργασίας", "οργανώσεων"),
    "bg": ("сътрудничество", "организации"),
    "ka": ("თანამშრომლობის", "ორგანიზაციების"),
    "pl": ("współpraca", "organizacji"),
}
START, END = "<!-- bench/reader.py: start -->", "<!-- bench/reader.py: end -->"
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
JOBS = min(4, os.cpu_count() or 1)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path, port: int) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build(n: int, workdir: Path, code: Path, base: str, seed: int, reuse: bool) -> tuple[Path, float]:
    site = workdir / f"n{n}" / "site"
    out = workdir / f"n{n}" / "out"
    if reuse and (out / "index.html").is_file():
        return out, 0.0
    env = {**python_env(code), "SITE_URL": base}
    subprocess.run(
        [sys.executable, str(BENCH / "synthetic.py"), "--n", str(n), "--out", str(site), "--code", str(code),
         "--seed", str(seed)], env=env, check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    cmd = [sys.executable, "-m", "microsite.cli", "build", "--jobs", str(JOBS), "--site-dir", str(out)]
    done = subprocess.run(cmd, cwd=site, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"the build of N={n} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return out, time.perf_counter() - started


class Recorder:
    """Every response of a page: (url, kind, body bytes), in order, and how many requests are still open."""

    def __init__(self, page: Any):
        self.page = page
        self.responses: list[tuple[str, str, int]] = []
        self.started = 0
        page.on("request", self._started)
        page.on("requestfinished", self._finished)
        page.on("requestfailed", lambda request: self.responses.append((request.url, "failed", 0)))

    def _started(self, request: Any) -> None:
        self.started += 1

    def _finished(self, request: Any) -> None:
        response = request.response()
        try:
            size = len(response.body()) if response is not None else 0
        except Exception:  # a redirect or a body Chromium did not keep
            size = 0
        self.responses.append((request.url, request.resource_type, size))

    def settle(self, quiet_ms: int = 1500, limit_s: float = 120) -> None:
        """Wait until every request has ended and none started for `quiet_ms` (a slow machine can make
        Playwright's "network idle" come before the theme's scripts have fetched what they fetch)."""
        deadline = time.monotonic() + limit_s
        seen = -1
        while time.monotonic() < deadline:
            if self.started == len(self.responses) and self.started == seen:
                return
            seen = self.started
            self.page.wait_for_timeout(quiet_ms)

    def since(self, mark: int) -> list[tuple[str, str, int]]:
        return self.responses[mark:]


def wait_for_results(page: Any, query: str) -> None:
    page.wait_for_function(
        "q => { const s = document.querySelector('.microsite-search__status').textContent;"
        " return document.querySelector('#microsite-search-input').value === q && s && !s.includes('…'); }",
        arg=query,
        timeout=60_000,
    )
    page.wait_for_load_state("networkidle")


def summary(responses: list[tuple[str, str, int]], base: str) -> dict[str, Any]:
    kinds: dict[str, list[int]] = {}
    for _, kind, size in responses:
        kinds.setdefault(kind, []).append(size)
    return {
        "bytes": sum(size for *_, size in responses),
        "requests": len(responses),
        "by_kind": {kind: [len(sizes), sum(sizes)] for kind, sizes in sorted(kinds.items())},
        "files": {url.removeprefix(base): size for url, _, size in responses},
        "index_bytes": sum(size for url, _, size in responses if "/search-index/" in url),
        "index_files": sum(1 for url, *_ in responses if "/search-index/" in url),
    }


def measure_language(browser: Any, base: str, lang: str, slug: str) -> dict[str, Any]:
    first, further = QUERIES[lang]
    url = f"{base}{lang}/projects/{slug}.html"
    context = browser.new_context()
    page = context.new_page()
    record = Recorder(page)
    page.goto(url, wait_until="networkidle")
    record.settle()  # and what the theme's scripts fetch after load
    result: dict[str, Any] = {"page": summary(record.since(0), base)}
    has_search = page.locator("#microsite-search-input").count() > 0
    if has_search:
        if page.locator("#microsite-search-input").is_hidden():  # behind a button on small screens
            page.set_viewport_size({"width": 1280, "height": 900})
        mark = len(record.responses)
        page.focus("#microsite-search-input")
        page.fill("#microsite-search-input", first)
        wait_for_results(page, first)
        record.settle(quiet_ms=500)
        result["first_query"] = summary(record.since(mark), base)
        result["first_results"] = page.text_content(".microsite-search__status")
        mark = len(record.responses)
        page.fill("#microsite-search-input", further)
        wait_for_results(page, further)
        record.settle(quiet_ms=500)
        result["further_query"] = summary(record.since(mark), base)
    context.close()
    if has_search:  # a fresh page, the first word typed a key at a time
        context = browser.new_context()
        page = context.new_page()
        record = Recorder(page)
        page.goto(url, wait_until="networkidle")
        record.settle()
        if page.locator("#microsite-search-input").is_hidden():
            page.set_viewport_size({"width": 1280, "height": 900})
        mark = len(record.responses)
        page.focus("#microsite-search-input")
        page.type("#microsite-search-input", first, delay=40)
        wait_for_results(page, first)
        record.settle(quiet_ms=500)
        result["typed_query"] = summary(record.since(mark), base)
        context.close()
    return result


def first_slug(site: Path) -> str:
    for line in (site / "data" / "projects.yaml").read_text(encoding="utf-8").splitlines():
        if line.startswith("- slug: "):
            return line.split(": ", 1)[1].strip()
    raise SystemExit("no project in the synthetic site")


def kb(n: float) -> str:
    return f"{n / 1000:.1f}"


def query_cell(query: dict[str, Any] | None) -> str:
    if not query:
        return "–"
    cell = f"{kb(query['index_bytes'])} ({query['index_files']})"
    other = query["bytes"] - query["index_bytes"]
    return cell + (f" + fonts {kb(other)}" if other else "")


def grown(results: dict[int, dict[str, Any]], lang: str) -> list[str]:
    """Page-load requests at least 10 % larger at the largest N than at the smallest (or only there)."""
    sizes = sorted(results)
    small, large = results[sizes[0]][lang]["page"]["files"], results[sizes[-1]][lang]["page"]["files"]
    out = []
    for url, size in large.items():
        before = small.get(url)
        if before is None or size > 1.1 * before:
            out.append(f"`{url}` {kb(before) if before is not None else 'none'} → {kb(size)} kB")
    return out


def report(args: argparse.Namespace, code_desc: str, results: dict[int, dict[str, Any]], info: dict[str, Any]) -> str:
    lines = [
        START,
        "## Reader side: what a project page and the search download (bench/reader.py)",
        "",
        f"Written by `bench/reader.py` on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; total run time"
        f" {info['elapsed'] / 60:.1f} min. Command: `python bench/reader.py --sizes {','.join(map(str, args.sizes))}`."
        f" Code measured: {code_desc}. Chromium: {info['chromium']}. Served by Python's http.server from"
        " 127.0.0.1 (no compression, no cache headers), cache empty at each page. Bytes are uncompressed"
        " bodies, kB = 1000 bytes. The page is the first project's (the same record at every N).",
        "",
        "The query columns give the search index's bytes (and files) the query loaded; *+ fonts* is what the"
        " results' text made the page load besides (a font for letters not on the page before).",
        "",
        "| N | lang | page kB | requests | scripts kB | styles kB | fonts kB | other kB | first query kB"
        " (files) | further query kB (files) | typed key by key kB (files) | first query's results |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for n in args.sizes:
        for lang in LANGS:
            r = results[n][lang]
            page = r["page"]
            by = page["by_kind"]
            known = sum(by.get(k, [0, 0])[1] for k in ("script", "stylesheet", "font"))
            q = {k: r.get(k) for k in ("first_query", "further_query", "typed_query")}
            cells = [query_cell(v) for v in q.values()]
            lines.append(
                f"| {n} | {lang} | {kb(page['bytes'])} | {page['requests']} | {kb(by.get('script', [0, 0])[1])}"
                f" | {kb(by.get('stylesheet', [0, 0])[1])} | {kb(by.get('font', [0, 0])[1])}"
                f" | {kb(page['bytes'] - known)} | {' | '.join(cells)} | {r.get('first_results', '–')} |"
            )
    if all(info["build_s"].get(n) for n in args.sizes):
        lines += ["", f"Build of each site (`microsite build --jobs {JOBS}`; a rough figure, the build benchmark"
                  " above is the measured one): " + ", ".join(f"N={n}: {info['build_s'][n]:.0f} s" for n in args.sizes)
                  + "."]  # fmt: skip
    if len(args.sizes) > 1:
        lines += ["", f"Page-load requests larger at N = {args.sizes[-1]} than at N = {args.sizes[0]} (by 10 %+):", ""]
        for lang in LANGS:
            found = grown(results, lang)
            lines.append(f"- {lang}: " + ("; ".join(found) if found else "none"))
    lines += ["", END]
    return "\n".join(lines)


def write_into(path: Path, section: str) -> None:
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    if START in text and END in text:
        text = text[: text.index(START)] + section + text[text.index(END) + len(END) :]
    else:  # at the end: bench/run.py keeps everything from its "Notes by hand" on when it rewrites the file
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="5,100,1000", help="comma-separated numbers of projects")
    parser.add_argument("--code", default="head", help="head (git HEAD), worktree, or a folder (default head)")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/microsite-reader"), help="scratch folder")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--output", type=Path, default=BENCH / "results.md")
    parser.add_argument("--port", type=int, default=0, help="serve (and build for) this port; 0: a free one")
    parser.add_argument("--reuse-builds", action="store_true", help="measure the sites already in --workdir"
                        " (built for the same --port), do not build")  # fmt: skip
    parser.add_argument("--report-only", action="store_true", help="rewrite the section from reader-results.json")
    args = parser.parse_args()
    args.sizes = sorted({int(s) for s in args.sizes.split(",")})
    raw_path = BENCH / "reader-results.json"
    if args.report_only:
        raw = json.loads(raw_path.read_text(encoding="utf-8"))
        args.sizes = raw["sizes"]
        saved = {int(n): r for n, r in raw["results"].items()}
        write_into(
            args.output,
            report(
                args,
                raw["code"],
                saved,
                {**raw["info"], "build_s": {int(n): t for n, t in raw["info"]["build_s"].items()}},
            ),
        )
        return
    args.workdir = args.workdir.resolve()
    started = time.perf_counter()
    from playwright.sync_api import sync_playwright

    code = args.workdir / "code"
    code_desc = snapshot_code(args.code, code)
    port = args.port or free_port()
    base = f"http://127.0.0.1:{port}/"
    results: dict[int, dict[str, Any]] = {}
    build_s: dict[int, float] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        chromium = browser.version
        for n in args.sizes:
            print(f"N={n}: building", flush=True)
            out, build_s[n] = build(n, args.workdir, code, base, args.seed, args.reuse_builds)
            slug = first_slug(args.workdir / f"n{n}" / "site")
            with serve(out, port):
                results[n] = {lang: measure_language(browser, base, lang, slug) for lang in LANGS}
            for lang in LANGS:
                r = results[n][lang]
                first = r.get("first_query", {}).get("bytes", 0)
                print(f"  {lang}: page {kb(r['page']['bytes'])} kB in {r['page']['requests']} requests;"
                      f" first query {kb(first)} kB", flush=True)  # fmt: skip
        browser.close()
    info: dict[str, Any] = {"elapsed": time.perf_counter() - started, "chromium": chromium, "build_s": build_s}
    write_into(args.output, report(args, code_desc, results, info))
    raw = {"code": code_desc, "sizes": args.sizes, "results": results, "info": info}
    raw_path.write_text(json.dumps(raw, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.output} in {info['elapsed'] / 60:.1f} min", flush=True)


if __name__ == "__main__":
    main()
