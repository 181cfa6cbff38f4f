"""The search partial renders the page language's words safely."""

from __future__ import annotations

import json
import re

import jinja2

from .conftest import REPO
from .test_search_strings import strings as catalog_strings

OVERRIDES = REPO / "overrides"


def render(strings: dict[str, object]) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(OVERRIDES), autoescape=True)
    env.filters["url"] = lambda target: "../" + target
    return env.get_template("partials/microsite-search.html").render(
        microsite_search={"index": "pl/search-index/", "lang": "pl", "strings": strings}
    )


def test_search_partial_carries_the_strings_as_json() -> None:
    html = render(catalog_strings("pl"))
    assert 'data-index="../pl/search-index/"' in html and 'data-lang="pl"' in html
    assert 'placeholder="Szukaj"' in html and ">Szukaj w serwisie</label>" in html
    blob = re.search(r'class="microsite-search__strings">(.*?)</script>', html, re.S)
    assert blob is not None
    assert json.loads(blob.group(1))["results"]["few"] == "{count} wyniki"
    assert " hidden" in html.split(">", 1)[0]  # no dead box without JavaScript


def test_search_partial_escapes_translations() -> None:
    strings = dict(catalog_strings("pl"), label="</script><b>x", placeholder='"><i>')
    html = render(strings)
    assert "<b>" not in html and "<i>" not in html and html.count("</script>") == 1
