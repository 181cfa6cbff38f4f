"""Make the sites the benchmark compares, from one real build (no change to the repo's templates).

    python bench/search/make_sites.py /tmp/search-site /tmp/own-site /tmp/pf-site

- own: the real build plus <lang>/search-index.js (microsite.search_index), microsite-search.js/css, and in every
  language page the rendered overrides/partials/microsite-search.html put where Material's search
  box was (what the proposed header override does); Material's search box removed.
- pagefind: the real build, Material's search box replaced by Pagefind's default UI, the article
  marked data-pagefind-body (so header, nav and footer are not indexed), then `pagefind --site`.
The unmodified build is the "lunr" candidate (Material's built-in search).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jinja2

import microsite.search_index as build_index
from microsite.catalogs import load_translations
from microsite.search_strings import search_strings

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
OVERRIDES = REPO / "overrides"

LANGUAGES = ["el", "bg", "ka", "pl"]
# Material's search button and dialog in the header
MATERIAL_BUTTON = re.compile(r'<label class="md-header__button md-icon" for="__search">.*?</label>\s*', re.S)


def cut_div(html: str, start_marker: str) -> tuple[str, int]:
    """Remove the <div> that starts with `start_marker` (balanced); return the html and where it was."""
    start = html.index(start_marker)
    depth, pos = 0, start
    for m in re.finditer(r"<(/?)div\b[^>]*>", html[start:]):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            pos = start + m.end()
            break
    return html[:start] + html[pos:], start


def relative(target: str, page_url: str) -> str:
    return os.path.relpath(target, os.path.dirname(page_url) or ".").replace(os.sep, "/")


def replace_material_search(html: str, replacement: str) -> str:
    html = MATERIAL_BUTTON.sub("", html, count=1)
    html, at = cut_div(html, '<div class="md-search" data-md-component="search"')
    return html[:at] + replacement + html[at:]


def make_own(base: Path, out: Path) -> None:
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(base, out)
    shutil.rmtree(out / "search")  # Material's lunr index is not used
    build_index.write_site_indexes(out, LANGUAGES)
    shutil.copy(OVERRIDES / "assets" / "javascripts" / "microsite-search.js", out / "assets" / "microsite-search.js")
    shutil.copy(OVERRIDES / "assets" / "microsite-search.css", out / "assets" / "microsite-search.css")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(OVERRIDES), autoescape=True)
    for lang in LANGUAGES:
        catalog = load_translations(REPO / "locales", LANGUAGES)[lang]
        strings = search_strings(catalog.gettext, catalog.ngettext, lang)
        for path in sorted((out / lang).rglob("*.html")):
            page_url = path.relative_to(out).as_posix()
            env.filters["url"] = lambda target, page_url=page_url: relative(target, page_url)
            form = env.get_template("partials/microsite-search.html").render(
                microsite_search={"index": f"{lang}/{build_index.INDEX_FILE}", "lang": lang, "strings": strings}
            )
            html = replace_material_search(path.read_text(encoding="utf-8"), form)
            # Material starts its search worker when the config names one
            html = re.sub(r'"search": "[^"]*workers/search[^"]*",\s*', "", html, count=1)
            css = relative("assets/microsite-search.css", page_url)
            js = relative("assets/microsite-search.js", page_url)
            html = html.replace("</head>", f'<link rel="stylesheet" href="{css}">\n</head>', 1)
            html = html.replace("</body>", f'<script src="{js}" defer></script>\n</body>', 1)
            path.write_text(html, encoding="utf-8")


def make_pagefind(base: Path, out: Path) -> None:
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(base, out)
    shutil.rmtree(out / "search")
    for path in sorted(out.rglob("*.html")):
        page_url = path.relative_to(out).as_posix()
        html = path.read_text(encoding="utf-8")
        article = '<article class="md-content__inner'
        html = html.replace(article, article.replace("<article", "<article data-pagefind-body"), 1)
        if path.parent != out:  # language pages get the UI; the root chooser and 404 do not
            ui = '<div id="pagefind-search" class="md-header__option"></div>'
            html = replace_material_search(html, ui)
            html = re.sub(r'"search": "[^"]*workers/search[^"]*",\s*', "", html, count=1)
            css = relative("pagefind/pagefind-ui.css", page_url)
            js = relative("pagefind/pagefind-ui.js", page_url)
            html = html.replace("</head>", f'<link rel="stylesheet" href="{css}">\n</head>', 1)
            html = html.replace(
                "</body>",
                f'<script src="{js}"></script>\n<script>new PagefindUI({{element: "#pagefind-search", '
                "showSubResults: true, debounceTimeoutMs: 0});</script>\n</body>",
                1,
            )
        path.write_text(html, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(out)], check=True)


def main() -> None:
    base, own, pagefind = (Path(p) for p in sys.argv[1:4])
    make_own(base, own)
    make_pagefind(base, pagefind)


if __name__ == "__main__":
    main()
