"""Shared helpers: build real sites (the repo's, or small fixture sites) with the real MkDocs.

The real site is built once per test run, for the address it is then served from (a folder below
the host's root, as on GitHub Pages), and one Chromium serves every browser test."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from microsite.pages import language_pages

from .search_pages import write_search_pages

# The property tests draw the same examples on every run, so that CI judges the change and not the
# luck of the draw; `HYPOTHESIS_EXPLORE=1 make test` draws new ones (a find is then pinned with @example).
settings.register_profile("fixed", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("explore" if os.environ.get("HYPOTHESIS_EXPLORE") else "fixed")

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


SITE_PORT = free_port()
SITE_PREFIX = "microsite"
SITE_URL = f"http://127.0.0.1:{SITE_PORT}/{SITE_PREFIX}/"
# Debian's chromium here; CHROMIUM=/path picks another installed Chromium or Chrome (e.g. on CI runners).
CHROMIUM = (
    os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("google-chrome") or "/usr/bin/chromium"
)
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The pages every language has, besides the project pages (from the registry of page kinds).
LANGUAGE_PAGES = tuple(language_pages())


def run_mkdocs(config_dir: Path, site_dir: Path, site_url: str = SITE_URL) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir)],
        cwd=config_dir,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def make_fixture_site(target: Path, data: str, content: dict[str, str]) -> Path:
    """A site folder like the repo's, with its own data and content and the repo's code."""
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("hooks/site_hooks.py", str(REPO / "hooks" / "site_hooks.py"))
    config = config.replace("custom_dir: overrides", f"custom_dir: {REPO / 'overrides'}")
    config = re.sub(r"^watch: .*\n", "", config, flags=re.M)
    (target / "data").mkdir(parents=True)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    (target / "data" / "projects.yaml").write_text(data, encoding="utf-8")
    for relative, text in content.items():
        path = target / "content" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once for the whole test run (for SITE_URL, where served_site serves it)."""
    site_dir = tmp_path_factory.mktemp("real") / SITE_PREFIX
    result = run_mkdocs(REPO, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    not_found_page: Path

    def log_message(self, format: str, *args: object) -> None:  # keep the test output quiet
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code == 404:  # serve the site's own 404 page, as a static host does
            body = self.not_found_page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)


@pytest.fixture(scope="session")
def served_site(built_site: Path) -> Iterator[str]:
    """The built site on 127.0.0.1, at SITE_URL; returns that address."""
    handler_class = type("Handler", (SiteHandler,), {"not_found_page": built_site / "404.html"})
    handler = functools.partial(handler_class, directory=str(built_site.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", SITE_PORT), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield SITE_URL
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Chromium for every browser test."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def search_site(tmp_path: Path) -> Path:
    """A small built-looking site for the search tests: /<lang>/projects/*.html and the root."""
    return write_search_pages(tmp_path)
