"""The page shell's helpers (src/microsite/page_shell.py) and precompressed copies of a built site."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import brotli

from microsite.page_shell import breadcrumb, is_base_theme_file, localise_permalinks, wrap_tables
from microsite.precompress import precompress

NAV = {"pl/index.html": "Projekty otwartego rządu", "pl/projects/index.html": "Projekty", "pl/about.html": "O stronie"}


def test_breadcrumb_lists_the_index_pages_above_a_page() -> None:
    assert breadcrumb("pl/projects/avatar.html", NAV) == [
        {"title": "Projekty otwartego rządu", "url": "pl/index.html"},
        {"title": "Projekty", "url": "pl/projects/index.html"},
    ]
    assert breadcrumb("pl/projects/index.html", NAV) == [{"title": "Projekty otwartego rządu", "url": "pl/index.html"}]
    assert breadcrumb("pl/index.html", NAV) == []  # the home page has none
    assert breadcrumb("index.html", NAV) == []


def test_permalinks_get_the_pages_words() -> None:
    html = '<h2 id="cele">Cele<a class="headerlink" href="#cele" title="Permanent link">&para;</a></h2>'
    out = localise_permalinks(html, 'Link do "tej" sekcji')
    assert "Permanent link" not in out
    assert 'title="Link do &quot;tej&quot; sekcji" aria-label="Link do &quot;tej&quot; sekcji"' in out


def test_tables_scroll_in_a_named_focusable_region() -> None:
    html = "<p>a</p><table><tr><td>1</td></tr></table><table class='x'></table>"
    out = wrap_tables(html, "Tabela")
    region = '<div class="table-scroll" tabindex="0" role="region" aria-label="Tabela">'
    assert out.count(region) == 2 and out.count("</table></div>") == 2
    assert out.startswith("<p>a</p>" + region + "<table>")


def test_base_theme_files_are_told_from_ours(tmp_path: Path) -> None:
    ours, theirs = tmp_path / "overrides", tmp_path / "material" / "templates"
    dirs = [str(ours), str(theirs), str(tmp_path / "mkdocs" / "templates")]
    assert is_base_theme_file(str(theirs / "assets" / "stylesheets" / "main.css"), dirs, str(ours))
    assert not is_base_theme_file(str(ours / "assets" / "microsite.css"), dirs, str(ours))
    assert not is_base_theme_file(str(tmp_path / "content" / "pl" / "index.md"), dirs, str(ours))
    assert not is_base_theme_file(None, dirs, str(ours))


def test_precompressed_copies_hold_the_same_bytes(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    written = precompress(site)
    texts = [p for p in site.rglob("*") if p.suffix in (".html", ".css", ".js", ".xml")]
    assert len(texts) > 40
    for path in texts:
        data = path.read_bytes()
        gz, br = path.with_name(path.name + ".gz"), path.with_name(path.name + ".br")
        if len(data) > 1000:  # a small file may not get smaller
            assert gz in written and br in written, path
        if gz.exists():
            assert gzip.decompress(gz.read_bytes()) == data
        if br.exists():
            assert brotli.decompress(br.read_bytes()) == data
    assert not list(site.rglob("*.woff2.*"))  # fonts are compressed already
    assert precompress(site) == written  # the same again (copies are not compressed twice)
    assert not list(site.rglob("*.gz.gz")) and not list(site.rglob("*.br.gz"))
