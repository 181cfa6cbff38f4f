"""What the page shell (overrides/main.html) needs per page besides the page itself: where the
page sits in the site (breadcrumb), which fonts to preload, headings' permalink titles in the
page's language, and which theme files to leave out of the output."""

from __future__ import annotations

import functools
import html
import os
import re
from pathlib import Path, PurePosixPath

from microsite import pages

# The text font of each language's script, regular and bold (overrides/assets/fonts/fonts.css):
# preloaded so that the first paint already uses them and nothing moves when they arrive.
PRELOAD_FONTS = {
    "el": ("assets/fonts/noto-sans-greek-400.woff2", "assets/fonts/noto-sans-greek-700.woff2"),
    "bg": ("assets/fonts/noto-sans-cyrillic-400.woff2", "assets/fonts/noto-sans-cyrillic-700.woff2"),
    "ka": ("assets/fonts/noto-sans-georgian-400.woff2", "assets/fonts/noto-sans-georgian-700.woff2"),
    "pl": ("assets/fonts/noto-sans-latin-400.woff2", "assets/fonts/noto-sans-latin-700.woff2"),
}
# Python-Markdown's toc extension writes this English title on every heading's permalink.
_TABLE_START = re.compile(r"<table[\s>]")
_TOC_PERMALINK = re.compile(r'(<a class="headerlink" href="#[^"]*") title="Permanent link"')


def shell_links(lang: str) -> dict[str, str]:
    """The pages the header and footer of a `lang` page link to (paths from the site root)."""
    return {
        "home": pages.HOME.output(lang),
        "accessibility": pages.ACCESSIBILITY.output(lang),
        "privacy": pages.PRIVACY.output(lang),
        "open_data": pages.OPEN_DATA.output(lang),
    }


def breadcrumb(page_url: str, nav_pages: dict[str, str]) -> list[dict[str, str]]:
    """The index pages of the folders above a page, outermost first, as {"title", "url"}.

    `page_url` is relative to the site root ("pl/projects/avatar.html"); `nav_pages` maps the
    URL of every page in the navigation to its title. A language's home page has no breadcrumb."""
    path = PurePosixPath(page_url)
    folders = list(reversed(path.parents))[1:]  # "pl", "pl/projects" (not the site root)
    crumbs = []
    for folder in folders:
        index = f"{folder}/index.html"
        if index != page_url and index in nav_pages:
            crumbs.append({"title": nav_pages[index], "url": index})
    return crumbs


def localise_permalinks(page_html: str, title: str) -> str:
    """Give every heading permalink a title and an accessible name in the page's language."""
    words = html.escape(title, quote=True)
    return _TOC_PERMALINK.sub(lambda m: f'{m.group(1)} title="{words}" aria-label="{words}"', page_html)


def wrap_tables(page_html: str, label: str) -> str:
    """Put every table in a region that scrolls sideways on a narrow screen and can be scrolled
    with the keyboard (focusable, named in the page's language)."""
    words = html.escape(label, quote=True)
    region = f'<div class="table-scroll" tabindex="0" role="region" aria-label="{words}">'
    opened = _TABLE_START.sub(lambda m: region + m.group(0), page_html)
    return opened.replace("</table>", "</table></div>")


def is_base_theme_file(abs_src_path: str | None, theme_dirs: list[str], custom_dir: str | None) -> bool:
    """A static file that comes from the base theme (Material's CSS, JS, icons), not from ours."""
    if not abs_src_path:
        return False
    source = _resolved(abs_src_path)
    if custom_dir and _inside(source, _resolved(custom_dir)):
        return False
    return any(_inside(source, _resolved(folder)) for folder in theme_dirs if folder)


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


@functools.lru_cache(maxsize=65_536)
def _resolved(path: str) -> str:
    # asked for every file of every language's build (5 builds for each save in the preview)
    return str(Path(path).resolve())
