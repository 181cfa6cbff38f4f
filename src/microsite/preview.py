"""The `mkdocs serve` preview as an editor meets it: where to open it, and a taken port explained."""

from __future__ import annotations

import socket

from babel.support import Translations

from microsite.alternates import language_versions
from microsite.catalogs import load_translations
from microsite.pages import nav
from microsite.problems import DataError
from microsite.settings import SitePaths
from microsite.site import PreparedSite
from microsite.staging import stage


def preview_address(host: str, port: int) -> str:
    """The address to type in a browser: a server on every interface is reached here on 127.0.0.1."""
    if host in ("0.0.0.0", "::", ""):
        return (
            f"Preview running: open http://127.0.0.1:{port}/ in your browser "
            f"(from another device: this computer's address, port {port}); stop it with Ctrl+C."
        )
    return f"Preview running: open http://{host}:{port}/ in your browser; stop it with Ctrl+C."


def port_problem(host: str, port: int) -> str | None:
    """Why the preview cannot listen on host:port, in words, or None when it can."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as MkDocs' server does
        try:
            probe.bind((host, port))
        except PermissionError:
            return f"the preview may not use port {port} here: choose one above 1024, e.g. make serve PORT=8001"
        except OSError as err:
            if err.errno == 98 or "in use" in str(err):
                return (
                    f"port {port} is already in use (another preview or program is running there): stop it, "
                    f"or choose another port, e.g. make serve PORT={port + 1}"
                )
            reason = err.strerror or "no such address"
            return f"the preview cannot listen on {host}:{port} ({reason}): check HOST, e.g. make serve HOST=127.0.0.1"
    return None


def N_(message: str) -> str:
    """Marks interface text for extraction into the catalogs; translated where it is shown."""
    return message


# The banner above every page of the preview while data/ or content/ has mistakes
# (overrides/partials/microsite-problems.html), and the page shown when there is no good version yet.
OUT_OF_DATE = N_("This preview is out of date: the last change has problems. Fix them and save again.")
NOT_YET = N_("The preview cannot show the site yet: its files have problems. Fix them and save again.")
PROBLEMS_PAGE_TITLE = N_("The site has problems to fix")
PROBLEMS_PAGE_TEXT = N_(
    "This page stands in for the site until the problems listed above are fixed. "
    "It refreshes by itself after each save."
)


def banner(
    report: str | None, translations: dict[str, Translations], languages: list[str], good_version: bool
) -> dict[str, object] | None:
    """What the problem banner says, in each language of the page (None: nothing is wrong). The
    report itself is the terminal's, in English, as the editor reads it there."""
    if report is None:
        return None
    title = OUT_OF_DATE if good_version else NOT_YET
    return {
        "messages": [{"lang": lang, "title": translations[lang].gettext(title)} for lang in languages],
        "report": report,
    }


def terminal_note(report: str, good_version: bool) -> str:
    shown = "the last good version" if good_version else "a page that lists them"
    return f"{report}\nThe preview shows {shown} until this is fixed; save again after fixing."


def stand_in_pages(languages: tuple[str, ...], translations: dict[str, Translations]) -> dict[str, str]:
    """A page for every address of the navigation, in each language, saying that the site has problems
    (listed by the banner above it); the root in every language. Written while the files cannot be read."""
    pages: dict[str, str] = {}
    for lang in languages:
        gettext = translations[lang].gettext
        text = f"# {gettext(PROBLEMS_PAGE_TITLE)}\n\n{gettext(PROBLEMS_PAGE_TEXT)}\n"
        pages |= {f"{lang}/{page}": text for page in nav()}  # every page the navigation names
    pages["index.md"] = "\n".join(
        f'<div lang="{lang}" markdown>\n\n## {translations[lang].gettext(PROBLEMS_PAGE_TITLE)}\n\n'
        f"{translations[lang].gettext(PROBLEMS_PAGE_TEXT)}\n\n</div>\n"
        for lang in languages
    )
    return pages


def stand_in_site(paths: SitePaths) -> PreparedSite:
    """The site `mkdocs serve` shows when it starts while the files have problems: the stand-in pages
    staged as docs_dir (nothing of content/, which may be what cannot be read)."""
    languages = paths.build_languages
    try:
        translations = load_translations(paths.locales_dir, paths.languages)
    except DataError:  # a catalog is itself one of the problems: the words stay in English
        translations = {lang: Translations() for lang in paths.languages}
    site = PreparedSite(paths, [], translations, {})
    site.pages = stand_in_pages(languages, translations)
    site.versions = language_versions(set(site.pages), languages)
    content = [entry.name for entry in paths.content_dir.iterdir()] if paths.content_dir.is_dir() else []
    stage(paths.stage_dir, paths.content_dir, site.pages, tuple(content))
    return site
