"""A real headless Chromium (Debian's package, driven by Playwright) loads the built site from
127.0.0.1: no request may fail or leave the site, and the language switcher keeps the page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from microsite.languages import LANGUAGES

from .conftest import REPO

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
    page.wait_for_timeout(300)  # let the page's scripts fetch what they fetch after load
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
    page.locator(".lang-switch__current").click()
    page.locator('a.lang-switch__link[lang="ka"]').click()
    page.wait_for_url(served_site + "ka/projects/avatar.html")
    assert page.locator("html").get_attribute("lang") == "ka"
    assert "ვიდეო ატრიბუტების ტერმინალის ამწყობი და შემქმნელი" in page.locator("h1").first.inner_text()
    page.close()


# Elements reaching past the right edge of the screen, except inside a region that scrolls (a table).
OVERFLOWING = """width => [...document.querySelectorAll('body *')].filter(element => {
  const box = element.getBoundingClientRect();
  if (box.width === 0 || box.right <= width + 0.5) return false;
  for (let up = element.parentElement; up; up = up.parentElement) {
    if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(up).overflowX)) return false;
  }
  return true;
}).map(element => `${element.tagName}.${element.className} ${Math.round(element.getBoundingClientRect().right)}`)"""


@pytest.fixture(scope="module")
def every_page_on_a_phone(built_site: Path, served_site: str, browser: object) -> dict[str, object]:
    """Every page of the built site loaded once at 390 px: the URLs it requested and what overflowed."""
    site_dir = built_site
    seen: dict[str, object] = {}
    context = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    for html_file in sorted(site_dir.rglob("*.html")):
        path = html_file.relative_to(site_dir).as_posix()
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda request, requests=requests: requests.append(request.url))
        page.goto(served_site + path, wait_until="networkidle")
        seen[path] = {
            "requests": requests,
            "scroll_width": page.evaluate("document.documentElement.scrollWidth"),
            "overflowing": page.evaluate(OVERFLOWING, 390),
        }
        page.close()
    context.close()
    return seen


def test_no_page_load_fetches_a_sitemap(every_page_on_a_phone: dict[str, dict[str, object]]) -> None:
    assert len(every_page_on_a_phone) > 40
    fetched = {path: [u for u in seen["requests"] if "sitemap" in u] for path, seen in every_page_on_a_phone.items()}  # type: ignore[attr-defined]
    assert {path: urls for path, urls in fetched.items() if urls} == {}


def test_nothing_is_wider_than_a_phone_on_any_page(every_page_on_a_phone: dict[str, dict[str, object]]) -> None:
    assert "index.html" in every_page_on_a_phone and "404.html" in every_page_on_a_phone
    too_wide = {
        path: (seen["scroll_width"], seen["overflowing"])
        for path, seen in every_page_on_a_phone.items()
        if seen["scroll_width"] > 390 or seen["overflowing"]  # type: ignore[operator]
    }
    assert too_wide == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_project_page_prints_as_a_short_fact_sheet(served_site: str, browser: object, lang: str) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    for slug in (
        "weopengov",
        "avatar",
        "digital-participation-vidin",
        "opolskie-ngo-cooperation",
        "civic-platform-open-governance",
    ):
        page.goto(f"{served_site}{lang}/projects/{slug}.html", wait_until="networkidle")
        page.emulate_media(media="print")
        hidden = page.evaluate(
            "[...document.querySelectorAll('.site-nav, .breadcrumb, .lang-switch, .site-header__search, "
            ".site-footer__links')].every(e => getComputedStyle(e).display === 'none')"
        )
        external = page.evaluate(
            "(a => a && getComputedStyle(a, '::after').content)(document.querySelector('.page-text a[href^=\"http\"]'))"
        )
        pdf = page.pdf(format="A4")
        page.emulate_media(media="screen")
        assert hidden, slug
        assert external is None or "http" in external or "attr(href)" in external, (slug, external)
        assert 1 <= len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= 2, slug
    page.close()


def test_project_filters_narrow_the_list_and_announce_the_count(served_site: str, browser: object) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(served_site + "pl/projects/index.html")
    cards = page.locator(".project-card")
    count = page.locator(".project-count")
    assert count.get_attribute("role") == "status" and count.get_attribute("aria-live") == "polite"
    assert cards.count() == 5 and page.locator(".project-card:visible").count() == 5
    assert page.locator("[data-project-filters]").is_visible()

    page.select_option("#filter-status", "ongoing")
    assert page.locator(".project-card:visible").count() == 1
    assert count.inner_text() == "Wyświetlono 1 projekt"  # Polish "one"
    assert "status=ongoing" in page.url  # a filtered list can be shared

    page.select_option("#filter-status", "not-stated")
    assert page.locator(".project-card:visible").count() == 4
    assert count.inner_text() == "Wyświetlono 4 projekty"  # Polish "few"
    page.select_option("#filter-places", label="Grecja")
    assert page.locator(".project-card:visible h2").all_inner_texts() == [
        "WeOpenGov: Sieć społeczeństwa obywatelskiego i instytucji publicznych na rzecz otwartego rządu"
    ]

    page.click("button[type=reset]")
    page.wait_for_function("document.querySelectorAll('.project-card:not([hidden])').length === 5")
    assert count.inner_text() == "Wyświetlono 5 projektów"  # Polish "many"

    page.select_option("#project-sort", "budget-desc")  # the one project with a budget first
    assert "Widyń" in page.locator(".project-card").first.inner_text()
    page.select_option("#project-sort", "start-desc")
    assert "2014" in page.locator(".project-card").first.inner_text()
    page.close()


def test_a_shared_filter_address_and_other_languages(served_site: str, browser: object) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(served_site + "bg/projects/index.html?filter-status=ongoing")
    assert page.locator(".project-card:visible").count() == 1
    assert page.locator(".project-count").inner_text() == "Показан е 1 проект"
    page.goto(served_site + "ka/projects/index.html")
    page.select_option("#filter-places", "none")
    assert page.locator(".project-count").inner_text() == "ნაჩვენებია 2 პროექტი"
    page.close()


def test_without_javascript_the_whole_list_is_shown(built_site: Path, browser: object) -> None:
    site_dir = built_site
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto((site_dir / "el" / "projects" / "index.html").as_uri())
    assert page.locator(".project-card:visible").count() == 5
    assert not page.locator("[data-project-filters]").is_visible()  # no controls that would do nothing
    context.close()


SEED_SLUGS = [
    "weopengov",
    "civic-platform-open-governance",
    "avatar",
    "digital-participation-vidin",
    "opolskie-ngo-cooperation",
]


def test_key_facts_are_on_the_first_screen_and_pages_fit_a_phone(served_site: str, browser: object) -> None:
    desktop = browser.new_page(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    phone = browser.new_page(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    too_low, too_wide = [], []
    for lang in LANGUAGES:
        for slug in SEED_SLUGS:
            desktop.goto(f"{served_site}{lang}/projects/{slug}.html")
            # the summary starts on the first screen, with at least its first two rows in view
            rows = desktop.evaluate(
                "[...document.querySelectorAll('.key-facts__row')].map(r => r.getBoundingClientRect().bottom)"
            )
            if len(rows) < 2 or rows[1] > 800:
                too_low.append(f"{lang}/{slug}: {rows[:2]}")
        for path in ("index.html", "projects/index.html", "projects/digital-participation-vidin.html"):
            phone.goto(f"{served_site}{lang}/{path}")
            width = phone.evaluate("document.documentElement.scrollWidth")
            if width > 390:
                too_wide.append(f"{lang}/{path}: {width}")
    desktop.close()
    phone.close()
    assert too_low == [] and too_wide == []


def test_sorting_compares_numbers_as_numbers(browser: object) -> None:
    """A dozen synthetic cards (no build needed): budgets 9 and 10, the list's own order 0–11."""
    cards = "".join(
        f'<article class="project-card" data-status="ongoing" data-programme="none" data-places="none" '
        f'data-start="{"" if i % 4 == 0 else f"20{10 + i}-01-01"}" data-budget="{"" if i == 5 else 20 - i}" '
        f'data-order="{i}"><h2>P{i}</h2></article>'
        for i in range(12)
    )
    page = browser.new_page()  # type: ignore[attr-defined]
    page.set_content(
        '<html lang="pl"><body><form data-project-filters hidden><select id="s" data-sort>'
        '<option value=""></option><option value="budget-desc"></option><option value="start-asc"></option>'
        f"</select></form><p class=\"project-count\" data-count-strings='{{}}'></p><div data-project-list>{cards}</div>"
    )
    page.add_script_tag(path=str(REPO / "overrides" / "assets" / "javascripts" / "project-filters.js"))
    titles = "[...document.querySelectorAll('.project-card h2')].map(h => h.textContent)"
    page.select_option("#s", "budget-desc")
    assert page.evaluate(titles) == [f"P{i}" for i in (0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 5)]  # unknown last
    page.select_option("#s", "start-asc")
    assert page.evaluate(titles) == [f"P{i}" for i in (1, 2, 3, 5, 6, 7, 9, 10, 11, 0, 4, 8)]
    page.select_option("#s", "")
    assert page.evaluate(titles) == [f"P{i}" for i in range(12)]  # back to the list's order, 10 after 9
    page.close()
