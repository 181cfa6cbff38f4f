"""Take the README's screenshots (docs/screenshots/) from a built site, in Debian's Chromium.

    make build && .venv/bin/python scripts/screenshots.py        # site/ built for http://127.0.0.1:8000/

The site is served from site/ at the address it was built for (mkdocs.yml's default), so its links and
fonts load as a reader's would. Retake them after a change to how pages look, then look at them.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "screenshots"
PORT = 8000  # the address `make build` builds for
# (file, page, viewport width, height): what the README shows
SHOTS = [
    ("project-bg-desktop.png", "bg/projects/digital-participation-vidin.html", 1280, 900),
    ("project-ka-phone.png", "ka/projects/avatar.html", 390, 844),
    ("projects-pl-phone.png", "pl/projects/", 390, 844),
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> None:
    site = REPO / "site"
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", PORT), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            for name, page_path, width, height in SHOTS:
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(f"http://127.0.0.1:{PORT}/{page_path}", wait_until="networkidle")
                page.screenshot(path=str(OUT / name))
                page.close()
                print(f"wrote {(OUT / name).relative_to(REPO)}")
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
