"""Language alternates of a page (hreflang links) and the sitemaps that list them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit
from xml.sax.saxutils import escape, quoteattr

from microsite.pages import HOME, output_of

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


def page_url(page_path: str) -> str:
    """The URL of a staged Markdown page, relative to the site root (the site uses .html URLs)."""
    return output_of(page_path)


def language_versions(page_paths: set[str], languages: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """For every page (its path in docs_dir), the URL of the same page in each language that has it.

    "bg/projects/avatar.md" and "el/projects/avatar.md" are versions of each other; a root page
    ("index.md", the chooser) has the language home pages as its versions. Worked out from the
    staged files, so it does not depend on which languages this process builds."""
    versions: dict[str, dict[str, str]] = {}
    for path in page_paths:
        head, _, rest = path.partition("/")
        inner = rest if head in languages else path
        versions[path] = {lang: page_url(f"{lang}/{inner}") for lang in languages if f"{lang}/{inner}" in page_paths}
    return versions


def switcher_links(site_url: str, urls_by_lang: dict[str, str], names: dict[str, str]) -> list[dict[str, str]]:
    """Material's `extra.alternate`: every language, linking to this page's version in it, or to
    that language's home page when the page has no version there."""
    base = urlsplit(site_url).path.rstrip("/")
    return [
        {"name": name, "lang": lang, "link": urls_by_lang.get(lang) or f"{base}/{HOME.output(lang)}"}
        for lang, name in names.items()
    ]


def sitemap_entries(versions: dict[str, dict[str, str]], site_url: str, languages: tuple[str, ...]) -> list[PageEntry]:
    """Every page of the site with its hreflang alternates (`versions` from language_versions)."""
    return [PageEntry(page_url(path), alternate_links(site_url, urls, languages)) for path, urls in versions.items()]


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


def write_sitemaps(
    site_dir: Path,
    entries: list[PageEntry],
    site_url: str,
    sitemaps: list[str],
    languages: tuple[str, ...] | None = None,
) -> list[Path]:
    """The sitemaps of the output plan: one at the root and one in every folder that holds a page.

    A sitemap may only list URLs below its own folder, and Material's JavaScript fetches
    `sitemap.xml` next to every alternate link of a page, so each such folder gets its own.
    `languages`: only the folders of these languages (a build of some languages), and the root."""
    written = []
    for path in sitemaps:
        folder = PurePosixPath(path).parent
        if languages is not None and str(folder) != "." and folder.parts[0] not in languages:
            continue
        prefix = "" if str(folder) == "." else f"{folder}/"
        inside = [entry for entry in entries if entry.url.startswith(prefix)]
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(sitemap_xml(inside, site_url), encoding="utf-8")
        written.append(target)
    return written
