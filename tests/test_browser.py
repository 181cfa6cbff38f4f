"""A real headless Chromium (Debian's package, driven by Playwright) loads the built site from
127.0.0.1: no request may fail or leave the site, and the language switcher keeps the page."""

from __future__ import annotations

import pytest

from microsite.languages import LANGUAGES

pytestmark = pytest.mark.browser


PAGES = ["index.html", "does-not-exist.html"] + [
    f"{lang}/{page}"
    for lang in LANGUAGES
    for page in ("index.html", "about.html", "projects/index.html", "projects/weopengov.html", "projects/avatar.html")
]


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_only_existing_files_from_the_site_itself(served_site: str, browser: object, path: str) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    requests: list[str] = []
    failures: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("requestfailed", lambda request: failures.append(request.url))
    page.on(
        "response",
        lambda r: (
            failures.append(f"{r.status} {r.url}")
            if r.status >= 400 and r.request.resource_type != "document"
            else None
        ),
    )
    response = page.goto(served_site + path, wait_until="networkidle")
    page.wait_for_timeout(300)  # let Material's scripts fetch what they fetch after load
    cookies = page.context.cookies()  # the privacy pages promise none
    page.close()
    assert cookies == []
    assert response is not None
    assert response.status == (404 if path == "does-not-exist.html" else 200)
    assert [url for url in requests if not url.startswith(served_site)] == []
    assert failures == []
    assert len(requests) > 3  # the page, its styles and scripts were really loaded


def test_language_switcher_keeps_the_page(served_site: str, browser: object) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(served_site + "pl/projects/avatar.html")
    assert page.locator("html").get_attribute("lang") == "pl"
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[lang="ka"]').click()
    page.wait_for_url(served_site + "ka/projects/avatar.html")
    assert page.locator("html").get_attribute("lang") == "ka"
    assert "ვიდეო ატრიბუტების ტერმინალის ამწყობი და შემქმნელი" in page.locator("h1").first.inner_text()
    page.close()


def test_an_old_browser_gets_the_polyfill_from_the_site_itself(served_site: str, browser: object) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.add_init_script("delete window.ResizeObserver")  # as in browsers before about 2020
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(served_site + "pl/projects/avatar.html", wait_until="networkidle")
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.ResizeObserver") == "function"
    page.close()
    assert f"{served_site}assets/javascripts/vendor/resize-observer-polyfill.js" in requests
    assert [url for url in requests if not url.startswith(served_site)] == []
