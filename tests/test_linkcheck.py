"""The offline link checker finds what a reader would trip over."""

from __future__ import annotations

from pathlib import Path

from microsite.linkcheck import check_site

SITE_URL = "https://sites.example.org/base/"


def write(site: Path, relative: str, body: str) -> None:
    path = site / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html lang='pl'><body>{body}</body></html>", encoding="utf-8")


def test_sound_site_passes(tmp_path: Path) -> None:
    write(
        tmp_path, "pl/index.html", '<h2 id="działania">D</h2><a href="a.html#cele">a</a><a href="#działania">self</a>'
    )
    write(
        tmp_path,
        "pl/a.html",
        '<h2 id="cele">C</h2><a href="https://elsewhere.example/">out</a>'
        '<a href="/base/pl/index.html">root</a><a href="mailto:x@example.org">m</a>',
    )
    assert check_site(tmp_path, SITE_URL) == []


def test_broken_links_are_each_reported(tmp_path: Path) -> None:
    write(
        tmp_path,
        "pl/index.html",
        '<a href="#">placeholder</a><a href="missing.html">gone</a>'
        '<a href="index.html#nowhere">anchor</a><script src="https://cdn.example/x.js"></script>'
        '<link rel="stylesheet" href="https://fonts.example/f.css">',
    )
    errors = check_site(tmp_path, SITE_URL)
    assert errors == [
        "pl/index.html: <a> '#': placeholder link that leads nowhere",
        "pl/index.html: <a> 'missing.html': pl/missing.html does not exist",
        "pl/index.html: <a> 'index.html#nowhere': pl/index.html has no anchor #nowhere",
        "pl/index.html: <script> 'https://cdn.example/x.js': loads a file from another host (cdn.example)",
        "pl/index.html: <link> 'https://fonts.example/f.css': loads a file from another host (fonts.example)",
    ]
