"""WCAG 2.1 AA (axe-core, run in a real headless Chromium) on every page type in every language,
keyboard use, and text in another language marked as such."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import axe_playwright_python
import pytest

from microsite.languages import LANGUAGES

from .conftest import CHROMIUM, CHROMIUM_FLAGS, FIXTURES, LANGUAGE_PAGES, REPO, free_port, make_fixture_site
from .test_fixture_build import HOME, fetch, wait_for

pytestmark = pytest.mark.browser
AXE_SCRIPT = Path(axe_playwright_python.__file__).with_name("axe.min.js")  # axe-core, shipped on PyPI
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# every kind of page of a language (from the registry), with two project pages
PAGE_TYPES = [*LANGUAGE_PAGES, "projects/weopengov.html", "projects/digital-participation-vidin.html"]
PAGES = ["index.html", "404.html"] + [f"{lang}/{page}" for lang in LANGUAGES for page in PAGE_TYPES]


def axe_violations(page: object) -> list[str]:
    page.add_script_tag(path=str(AXE_SCRIPT))  # type: ignore[attr-defined]
    result = page.evaluate(  # type: ignore[attr-defined]
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG_AA
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:4]}"
        for v in result["violations"]
    ]


@pytest.mark.parametrize("path", PAGES)
def test_no_wcag_violations(served_site: str, browser: object, path: str) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(served_site + path, wait_until="networkidle")
    violations = axe_violations(page)
    page.close()
    assert violations == []


def test_keyboard_reaches_skip_link_and_language_switcher(served_site: str, browser: object) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(served_site + "bg/projects/avatar.html", wait_until="networkidle")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('skip-link')")
    # focused, the skip link comes into view (it is off-screen until then)
    assert page.evaluate(
        "(r => r.height > 0 && r.top >= 0 && r.left >= 0)(document.activeElement.getBoundingClientRect())"
    )
    for _ in range(40):  # walk the header with the keyboard to the language switcher, open it
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('lang-switch__current')"):
            break
    else:
        raise AssertionError("the language switcher cannot be reached with the keyboard")
    page.keyboard.press("Enter")
    for _ in range(5):  # then on to the Polish link
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('lang') === 'pl'"):
            break
    else:
        raise AssertionError("the language links cannot be reached with the keyboard")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    page.wait_for_url(served_site + "pl/projects/avatar.html")
    page.close()


def test_georgian_text_renders_in_the_self_hosted_font(served_site: str, browser: object) -> None:
    page = browser.new_page(viewport={"width": 420, "height": 900})  # type: ignore[attr-defined]
    fonts: list[str] = []
    page.on("response", lambda r: fonts.append(r.url) if r.url.endswith(".woff2") and r.ok else None)
    page.goto(served_site + "ka/projects/avatar.html", wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    assert any("noto-sans-georgian" in url and url.startswith(served_site) for url in fonts)
    # The fonts Chromium really drew the heading's letters with (a fallback font would show here).
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    heading = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "article h1"})["nodeId"]
    drawn = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": heading})["fonts"]
    page.close()
    georgian = [f for f in drawn if f["familyName"].startswith("Noto Sans Georgian") and f["isCustomFont"]]
    # the site's own web font (not one installed on the machine) drew the title's Georgian letters
    assert georgian and georgian[0]["glyphCount"] >= 20, drawn


LIGHTHOUSE = REPO / "tools" / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_CATEGORIES = ("accessibility", "best-practices", "seo")


def lighthouse_scores(urls: list[str], tmp_path: Path) -> dict[str, dict[str, float]]:
    """Lighthouse (npm, offline) on each URL, all in one Chromium started here: {url: {category: score}}."""
    if not LIGHTHOUSE.exists():
        pytest.fail("Lighthouse is not installed: run `bash scripts/ensure-test-tools.sh` (make test does)")
    port = free_port()
    chromium = subprocess.Popen(
        [CHROMIUM, *CHROMIUM_FLAGS, f"--remote-debugging-port={port}", f"--user-data-dir={tmp_path / 'profile'}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    scores: dict[str, dict[str, float]] = {}
    try:
        for number, url in enumerate(urls):
            report = tmp_path / f"lighthouse-{number}.json"
            subprocess.run(
                [str(LIGHTHOUSE), url, f"--port={port}", "--quiet", "--output=json", f"--output-path={report}",
                 "--only-categories=" + ",".join(LIGHTHOUSE_CATEGORIES)],
                env={**os.environ, "CHROME_PATH": CHROMIUM},
                check=True,
                timeout=240,
            )  # fmt: skip
            result = json.loads(report.read_text(encoding="utf-8"))
            failing = [a["id"] for a in result["audits"].values() if a.get("score") == 0]
            scores[url] = {key: cat["score"] for key, cat in result["categories"].items()} | {"failing": failing}
    finally:
        chromium.terminate()
        chromium.wait(timeout=30)
    return scores


def test_lighthouse_accessibility_best_practices_and_seo(served_site: str, tmp_path: Path) -> None:
    urls = [f"{served_site}{lang}/projects/digital-participation-vidin.html" for lang in LANGUAGES]
    scores = lighthouse_scores(urls, tmp_path)
    perfect = {category: 1 for category in LIGHTHOUSE_CATEGORIES}
    assert {url: {k: v for k, v in s.items() if k in perfect} for url, s in scores.items()} == dict.fromkeys(
        urls, perfect
    ), scores


def test_a_preview_started_with_a_mistake_lists_it_accessibly_and_recovers(browser: object, tmp_path: Path) -> None:
    """`mkdocs serve` started while data/ has a mistake serves pages that say so in the reader's
    language (banner with the problems, AA contrast), and the site after the next good save."""
    good = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
    site = make_fixture_site(tmp_path / "fixture", good.replace("status: ongoing", "status: finished"), HOME)
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "watch: [data]\n", encoding="utf-8")
    port = free_port()
    log_path = tmp_path / "serve.log"
    with log_path.open("w") as log:  # a file, not a pipe: an unread pipe fills up and stalls the server
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=site,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=log,
            stderr=log,
        )
    try:
        base = f"http://127.0.0.1:{port}/"
        greek = "Η προεπισκόπηση δεν μπορεί ακόμη να δείξει τον ιστότοπο"
        assert wait_for(base + "el/index.html", greek, 90), log_path.read_text()
        assert "projects[0].status (project &#39;mini&#39;)" in fetch(base + "el/index.html")
        assert "Podgląd nie może jeszcze pokazać strony" in fetch(base + "pl/projects/index.html")
        assert "Aborted" not in log_path.read_text() and "a page that lists them" in log_path.read_text()
        page = browser.new_page()  # type: ignore[attr-defined]
        page.goto(base + "el/index.html", wait_until="load")  # the live-reload request never goes idle
        assert page.locator(".microsite-problems").is_visible()
        violations = axe_violations(page)
        page.close()
        assert violations == []
        (site / "data" / "projects.yaml").write_text(good, encoding="utf-8")
        assert wait_for(base + "pl/projects/mini.html", "Mały projekt", 90), log_path.read_text()
        assert "microsite-problems" not in fetch(base + "pl/projects/mini.html")
    finally:
        server.terminate()
        server.wait(timeout=10)
