"""Language alternates of a page (hreflang links) and the sitemaps that list them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin
from xml.sax.saxutils import escape, quoteattr

X_DEFAULT = "x-default"


@dataclass(frozen=True)
class PageEntry:
    url: str  # relative to the site root, e.g. "bg/projects/avatar.html"
    alternates: tuple[tuple[str, str], ...]  # (hreflang, absolute URL), x-default last


def alternate_links(
    site_url: str, urls_by_lang: dict[str, str], languages: tuple[str, ...]
) -> tuple[tuple[str, str], ...]:
    """Absolute hreflang links for one page, in the site's language order, plus x-default (the
    language chooser at the root)."""
    links = [(lang, urljoin(site_url, urls_by_lang[lang])) for lang in languages if lang in urls_by_lang]
    links.append((X_DEFAULT, site_url))
    return tuple(links)


def sitemap_xml(entries: list[PageEntry], site_url: str) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for entry in sorted(entries, key=lambda e: e.url):
        lines.append(f"  <url><loc>{escape(urljoin(site_url, entry.url))}</loc>")
        for hreflang, href in entry.alternates:
            lines.append(f'    <xhtml:link rel="alternate" hreflang="{hreflang}" href={quoteattr(href)}/>')
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def write_sitemaps(site_dir: Path, entries: list[PageEntry], site_url: str) -> list[Path]:
    """One sitemap at the root and one in every folder that holds a page.

    A sitemap may only list URLs below its own folder, and Material's JavaScript fetches
    `sitemap.xml` next to every alternate link of a page, so each such folder gets its own."""
    folders = {PurePosixPath(entry.url).parent for entry in entries} | {PurePosixPath(".")}
    written = []
    for folder in sorted(folders):
        prefix = "" if str(folder) == "." else f"{folder}/"
        inside = [entry for entry in entries if entry.url.startswith(prefix)]
        target = site_dir / prefix / "sitemap.xml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(sitemap_xml(inside, site_url), encoding="utf-8")
        written.append(target)
    return written
