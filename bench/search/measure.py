"""Measure the three search candidates in a real headless Chromium, on the real site.

    python bench/search/measure.py /tmp/search-site /tmp/pf-site /tmp/own-site > bench/search/results.json

Each site is served from 127.0.0.1 by a small http.server that gzips text files as a real host
would. For every language section and every query of QUERIES, a reader types the query into the
page's search box; we read the results the UI shows (links and the count message). Timings:
- first: a fresh browser context (empty cache), the page /<lang>/index.html loaded and idle, then
  the time from typing the first query to the first result link in the DOM (index download,
  parsing and search included, whatever the engine had not done at page load);
- first_slow: the same over a slow connection, emulated by the server for every request whoever
  makes it (page, web worker or wasm): 150 ms before the answer, then 1.6 Mbit/s (Lighthouse's
  "slow 4G"; each request gets the full rate, so parallel downloads are a little favoured);
- warm: median time of the other queries on the same page.
Bytes: what the page view downloads before any search (page_bytes) and what the first search then
downloads (search_bytes), as transferred (gzip), fonts left out (they load when results first show
text in a new script or weight, whatever the engine).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import re
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

import microsite.search_index as build_index

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip

# (language, query, forms that the found pages must contain, what it checks)
QUERIES: list[tuple[str, str, list[str], str]] = [
    ("pl", "WeOpenGov", ["WeOpenGov"], "in every language: timing, foreign-language leak"),
    ("pl", "współpraca", ["współpracy", "współpracę"], "inflection → współpracy"),
    ("pl", "współpracą", ["współpracy", "współpracę", "współpraca"], "inflection (form not on the site)"),
    ("pl", "wspolpraca", ["współpracy", "współpracę", "współpraca"], "no diacritics"),
    ("pl", "marszalkowski", ["Marszałkowski", "Marszałkowskiego"], "ł→l"),
    ("pl", "GRNET", ["GRNET"], "partner, in parentheses"),
    ("pl", "Feniksa", ["Feniks"], "partner, inflected"),
    ("pl", "gminy", ["gmin", "gminami"], "target group, inflected"),
    ("pl", "widyn", ["Widyń"], "place, no diacritics"),
    ("bg", "WeOpenGov", ["WeOpenGov"], "in every language: timing, foreign-language leak"),
    ("bg", "бюджета", ["бюджет"], "inflection → бюджет"),
    ("bg", "бюджетът", ["бюджет"], "inflection → бюджет"),
    ("bg", "бюджет", ["бюджет"], "whole word"),
    ("bg", "GRNET", ["GRNET"], "partner, in parentheses"),
    ("bg", "Феникса", ["Феникс"], "partner, inflected"),
    ("bg", "община", ["общини", "общините"], "target group, inflected"),
    ("bg", "Видин", ["Видин"], "place"),
    ("el", "WeOpenGov", ["WeOpenGov"], "in every language: timing, foreign-language leak"),
    ("el", "προϋπολογισμού", ["προϋπολογισμός"], "inflection → προϋπολογισμός"),
    ("el", "προϋπολογισμών", ["προϋπολογισμός"], "inflection → προϋπολογισμός"),
    ("el", "προυπολογισμος", ["προϋπολογισμός"], "no tonos/dialytika"),
    ("el", "GRNET", ["GRNET"], "partner, in parentheses"),
    ("el", "φοινικα", ["Φοίνικας"], "partner, inflected, no tonos"),
    ("el", "εκπρόσωπος", ["εκπρόσωποι"], "target group, inflected"),
    ("el", "Βιδίνο", ["Βιδίνου"], "place, inflected"),
    ("ka", "WeOpenGov", ["WeOpenGov"], "in every language: timing, foreign-language leak"),
    ("ka", "ბიუჯეტი", ["ბიუჯეტი"], "whole Georgian word"),
    ("ka", "ბიუჯეტის", ["ბიუჯეტი"], "inflected (gen.) → ბიუჯეტი"),
    ("ka", "GRNET", ["GRNET"], "partner, in parentheses"),
    ("ka", "ფენიქსი", ["ფენიქსი"], "partner"),
    ("ka", "ვიდინი", ["ვიდინის"], "place, inflected (gen.)"),
    ("ka", "მუნიციპალიტეტი", ["მუნიციპალიტეტების"], "target group, inflected"),
]

ENGINES: dict[str, dict[str, Any]] = {
    "lunr": {
        "open": None,
        "input": ".md-search__input",
        "links": ".md-search-result__list a.md-search-result__link",
        "message": ".md-search-result__meta",
    },
    "pagefind": {
        "open": None,
        "input": ".pagefind-ui__search-input",
        "links": ".pagefind-ui__result-link",
        "message": ".pagefind-ui__message",
    },
    "own": {
        "open": None,
        "input": "#microsite-search-input",
        "links": ".microsite-search__results a",
        "message": ".microsite-search__status",
    },
}

GZIP_TYPES = (".html", ".js", ".json", ".css", ".xml", ".svg")


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-encoded when the browser accepts it (as any real host does)."""

    slow = False
    LATENCY_S = 0.150
    BYTES_PER_S = 1.6e6 / 8

    def copyfile(self, source: Any, outputfile: Any) -> None:
        if not self.slow:
            super().copyfile(source, outputfile)
            return
        while chunk := source.read(8192):
            time.sleep(len(chunk) / self.BYTES_PER_S)
            outputfile.write(chunk)

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        if self.slow:
            time.sleep(self.LATENCY_S)
        path = Path(self.translate_path(self.path))
        if path.is_file() and path.suffix in GZIP_TYPES and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = _gzipped(str(path), path.stat().st_mtime)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=600")
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()


@functools.lru_cache(maxsize=512)
def _gzipped(path: str, mtime: float) -> bytes:
    return gzip.compress(Path(path).read_bytes(), 6)


PORT = 8777  # the SITE_URL of the build: Material fetches the sitemaps of the absolute alternates


def serve(directory: Path, slow: bool = False, port: int = PORT) -> tuple[http.server.ThreadingHTTPServer, int]:
    handler = type("SlowHandler" if slow else "FastHandler", (Handler,), {"slow": slow})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]


def expected_pages(site: Path, lang: str, forms: list[str], query: str) -> tuple[set[str], set[str]]:
    """Pages of `lang` whose article has one of `forms` as a word; and those of them without the
    query's own form (the pages only an inflection-aware or accent-insensitive search can find)."""

    def has(text: str, word: str) -> bool:
        return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.I) is not None

    every, only_other = set(), set()
    for page in build_index.site_pages(site, lang):
        text = " ".join(s.heading + " " + s.text for s in page.sections)
        if any(has(text, f) for f in forms):
            url = f"/{lang}/{page.url}"
            every.add(url)
            if not has(text, query):
                only_other.add(url)
    return every, only_other


def shown(page: Page, engine: dict[str, Any]) -> tuple[list[str], str]:
    links = page.eval_on_selector_all(engine["links"], "els => els.map(a => new URL(a.href).pathname)")
    message = page.eval_on_selector_all(engine["message"], "els => els.map(e => e.textContent.trim()).join(' ')")
    return [_unquote(u) for u in links], message


def _unquote(url: str) -> str:
    from urllib.parse import unquote

    return unquote(url)


def type_and_time(
    page: Page, engine: dict[str, Any], query: str, first: bool, timeout_ms: int = 20000, require_links: bool = False
) -> tuple[float | None, list[str], str]:
    """Type `query`; ms until the first result link appears (None if none), then the settled results.
    The first query is typed into the untouched box (focusing it may start the index download)."""
    if not first:
        page.fill(engine["input"], "")
        page.wait_for_timeout(150)
    page.evaluate(
        """([sel, timeout]) => {
            window.__t = null;
            const start = performance.now();
            window.__start = start;
            const check = () => {
              if (document.querySelector(sel)) { window.__t = performance.now() - start; obs.disconnect(); }
            };
            const obs = new MutationObserver(check);
            obs.observe(document.body, {childList: true, subtree: true});
            setTimeout(() => obs.disconnect(), timeout);
        }""",
        [engine["links"], timeout_ms],
    )
    page.fill(engine["input"], query)
    page.press(engine["input"], "End")  # Material reads the box on keyup
    # settle: the shown links and message unchanged for 600 ms (engines render progressively)
    last, stable_since, deadline = None, time.monotonic(), time.monotonic() + timeout_ms / 1000
    while time.monotonic() < deadline:
        page.wait_for_timeout(100)
        now = shown(page, engine)
        if now != last:
            last, stable_since = now, time.monotonic()
        elif time.monotonic() - stable_since > 0.6 and (now[0] or (now[1] and not require_links)):
            break
    elapsed = page.evaluate("window.__t")
    links, message = last or ([], "")
    return elapsed, links, message


def run_engine(browser: Any, name: str, site: Path, base: Path, slow: bool) -> dict[str, Any]:
    engine = ENGINES[name]
    server, port = serve(site, slow)
    out: dict[str, Any] = {}
    try:
        for lang in ["el", "bg", "ka", "pl"]:
            context = browser.new_context()
            page = context.new_page()
            transferred: dict[str, int] = {}
            phase = {"now": "page"}  # which phase the downloads count for
            third_party: list[str] = []

            fetched: list[list[Any]] = []

            def on_finished(
                request: Any,
                transferred: dict[str, int] = transferred,
                phase: dict[str, str] = phase,
                fetched: list[list[Any]] = fetched,
            ) -> None:
                sizes = request.sizes()
                size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
                # fonts load when text in a new script or weight first shows: not the engine's cost
                key = "fonts" if request.url.endswith(".woff2") else phase["now"]
                transferred[key] = transferred.get(key, 0) + size
                if phase["now"] == "search":
                    fetched.append([request.url.split(f":{port}", 1)[-1], size])

            def on_request(request: Any, third_party: list[str] = third_party) -> None:
                if not request.url.startswith((f"http://127.0.0.1:{port}/", "data:", "blob:")):
                    third_party.append(request.url)

            page.on("requestfinished", on_finished)
            page.on("request", on_request)
            page.goto(f"http://127.0.0.1:{port}/{lang}/index.html", wait_until="load")
            page.wait_for_load_state("networkidle")
            page_bytes = transferred.get("page", 0)
            phase["now"] = "search"
            if engine["open"]:
                page.click(engine["open"])
            queries = [q for q in QUERIES if q[0] == lang]
            rows = []
            for i, (_, query, forms, purpose) in enumerate(queries):
                if slow and i > 0:
                    break
                elapsed, links, message = type_and_time(
                    page, engine, query, first=i == 0, require_links=i == 0, timeout_ms=60000 if slow else 20000
                )
                if i == 0:
                    page.wait_for_load_state("networkidle")
                    search_bytes = transferred.get("search", 0)
                    search_requests = fetched[:]
                every, only_other = expected_pages(base, lang, forms, query)
                target = only_other or every
                pages = sorted(set(links))
                rows.append(
                    {
                        "query": query,
                        "purpose": purpose,
                        "ms": elapsed,
                        "message": message,
                        "shown": pages,
                        "found": bool(target & set(pages)),
                        "target_pages": sorted(target),
                        "needs_forms": bool(only_other),
                        "foreign": sorted(p for p in pages if not p.startswith(f"/{lang}/")),
                    }
                )
            out[lang] = {
                "page_bytes": page_bytes,
                "search_bytes": search_bytes,
                "third_party": third_party,
                "search_requests": search_requests,
                "first_ms": rows[0]["ms"],
                "warm_ms": statistics.median([r["ms"] for r in rows[1:] if r["ms"] is not None] or [0]),
                "queries": rows,
            }
            context.close()
    finally:
        server.shutdown()
        server.server_close()
    return out


def main() -> None:
    lunr_site, pagefind_site, own_site = (Path(p) for p in sys.argv[1:4])
    sites = {"lunr": lunr_site, "pagefind": pagefind_site, "own": own_site}
    only = sys.argv[4].split(",") if len(sys.argv) > 4 else list(sites)
    sites = {k: v for k, v in sites.items() if k in only}
    results: dict[str, Any] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for name, site in sites.items():
            results[name] = run_engine(browser, name, site, lunr_site, slow=False)
            slow = run_engine(browser, name, site, lunr_site, slow=True)
            for lang, data in slow.items():
                results[name][lang]["first_slow_ms"] = data["first_ms"]
                results[name][lang]["search_bytes_slow"] = data["search_bytes"]
            print(f"{name}: done", file=sys.stderr)
        browser.close()
    json.dump(results, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
