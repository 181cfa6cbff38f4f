"""The template overrides: the header is Material's but for the search box; the search partial
renders the page language's words safely."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jinja2
import pytest

from .conftest import REPO
from .test_search_strings import strings as catalog_strings

OVERRIDES = REPO / "overrides"

material = pytest.importorskip("material")
MATERIAL_HEADER = Path(material.__file__).parent / "templates" / "partials" / "header.html"


def test_header_override_is_materials_header_with_our_search_box() -> None:
    ours = (OVERRIDES / "partials" / "header.html").read_text(encoding="utf-8")
    theirs = MATERIAL_HEADER.read_text(encoding="utf-8")
    start = theirs.index('    {% if "material/search" in config.plugins %}')
    end = theirs.index("    {% if config.repo_url %}")
    our_block = (
        "    {#- microsite: the per-language search (bench/search-comparison.md), not Material's lunr -#}\n"
        '    {% include "partials/microsite-search.html" %}\n'
    )
    ours = re.sub(r"\A\{#-.*?-#\}\n", "", ours, count=1, flags=re.S)
    assert ours == theirs[:start] + our_block + theirs[end:]


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
