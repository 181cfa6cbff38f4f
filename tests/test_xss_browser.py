"""The worst record text that passes the schema, built by the real MkDocs and opened in the real
Chromium: no script from the data runs, and the browser itself finds no handler or script address."""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from microsite.problems import DataError
from microsite.records import load_projects

from .conftest import SiteHandler, free_port, make_fixture_site
from .test_fixture_build import HOME

pytestmark = [pytest.mark.browser, pytest.mark.build]

# Unquoted: Jinja's escaping turned quotes into entities, attr_list reads an unquoted value as is.
RUN = "window.__xss=1"
# Each gets past the record check (no `](javascript:` to see, no invisible character) and was, or
# could be, turned into a script by the content pages' Markdown extensions or by a browser.
WORST = [
    f"*x*{{: onclick={RUN} }}",
    f"![x](x){{: onerror={RUN} }}",
    f"[x](https://ok.invalid/){{: href=javascript:{RUN} onmouseover={RUN} }}",
    f"Tytuł {{ #x onfocus={RUN} autofocus tabindex=1 }}",
    f"Tytuł {{: onanimationstart={RUN} style=animation-name:md-fadein }}",
    f"<img src=x onerror={RUN}>",
    f"<svg/onload={RUN}>",
    f"</title></script><script>{RUN}</script>",
    "[x](jav&#x09;ascript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    f'<div markdown="1">*x*{{: onclick={RUN}}}</div>',
    f"<a href=javascript:{RUN}>x</a>",
    f"<details open ontoggle={RUN}>x</details>",
    f"&lt;img src=x onerror={RUN}&gt;",
    f"<math><mtext><table><mglyph><style><img src=x onerror={RUN}></style></mglyph></table></mtext></math>",
]
TEXT_FIELDS = ("title", "headline", "summary")
LIST_FIELDS = ("activities", "goals", "results", "places")


def payload_records() -> str:
    def text(value: str) -> str:
        return json.dumps({"pl": value}, ensure_ascii=False)

    lines = ["projects:"]
    for index, payload in enumerate(WORST):
        lines += [
            f"  - slug: p{index}",
            "    source_document: test fixture",
            "    original_language: pl",
            *(f"    {name}: {text(payload)}" for name in TEXT_FIELDS),
            *(f"    {name}: [{text(payload)}]" for name in LIST_FIELDS),
            "    status: ongoing",
            "    period: not-stated",
            "    funding: not-stated",
            "    budget: not-stated",
            f"    implementer: {{name: {text(payload)}, role: {text(payload)}, website: 'https://ok.invalid/'}}",
            f"    links: [{{label: {text(payload)}, url: 'https://ok.invalid/'}}]",
            "    events:",
            f"      - {{slug: e{index}, title: {text(payload)}, place: {text(payload)},"
            f" start: {{year: 2026, month: 4, day: 7}}, online: false, description: [{text(payload)}]}}",
        ]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def xss_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    root = tmp_path_factory.mktemp("xss")
    site = make_fixture_site(root / "fixture", payload_records(), HOME)
    try:  # the payloads must reach the build, not stop at the record check
        load_projects(site / "data" / "projects.yaml")
    except DataError as err:
        pytest.fail(err.report())
    site_dir = root / "site"
    env = {**os.environ, "SITE_URL": base, "NO_MKDOCS_2_WARNING": "1", "MICROSITE_LANGUAGES": "pl"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir)],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    handler = type("Handler", (SiteHandler,), {"not_found_page": site_dir / "404.html"})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=site_dir))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base
    server.shutdown()


FIND_WHAT_COULD_RUN = """() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on')) found.push(`${el.tagName} ${attr.name}`);
    }
  }
  for (const a of document.querySelectorAll('a[href], area[href]')) {
    if (['javascript:', 'vbscript:', 'data:'].includes(a.protocol)) found.push(`${a.protocol} link`);
  }
  // the theme has its own search form and icons; what the pages' text made is in the article
  const content = document.querySelector('article') || document.querySelector('main') || document.body;
  for (const el of content.querySelectorAll('iframe, object, embed, base, form, svg, math, style, img')) {
    // made by our templates, not by record text: the project list's filters, the budget's share bars
    if (el.matches('form[data-project-filters], svg.share-bar')) continue;
    found.push(el.tagName);
  }
  for (const el of document.querySelectorAll('iframe, object, embed, base')) found.push(el.tagName);
  for (const script of document.scripts) {
    if (script.type === 'application/ld+json') {  // data, shown to search engines: must stay one JSON text
      try { JSON.parse(script.textContent); } catch (e) { found.push('broken JSON-LD'); }
    } else if (script.textContent.includes('__xss')) {
      found.push('script from the data');
    }
  }
  return found;
}"""


def test_no_script_from_the_data_runs_in_chromium(xss_site: str, browser: Any) -> None:
    pages = ["pl/projects/index.html", "pl/events.html", *(f"pl/projects/p{i}.html" for i in range(len(WORST)))]
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
    seen_text = 0
    for path in pages:
        response = page.goto(xss_site + path, wait_until="load")
        assert response is not None and response.status == 200, path
        page.mouse.move(200, 300)  # a reader's pointer passes over the text
        page.keyboard.press("Tab")
        page.wait_for_timeout(100)
        assert page.evaluate("window.__xss") is None, path
        assert page.evaluate(FIND_WHAT_COULD_RUN) == [], path
        seen_text += page.locator("main").inner_text().count("onerror") + page.content().count("__xss")
    page.close()
    assert dialogs == []
    assert seen_text > 0  # the payloads were on the pages, shown as text
