"""The page shell's words (overrides/main.html: skip link, menus, breadcrumb, footer), in the
page's language. The msgids are written out here so that `pybabel extract` finds them; the
translations are in `locales/<lang>/LC_MESSAGES/messages.po` like every other interface word."""

from __future__ import annotations

from collections.abc import Callable


def shell_strings(_: Callable[[str], str]) -> dict[str, str]:
    return {
        "skip": _("Skip to main content"),
        "menu": _("Menu"),
        "site_navigation": _("Site navigation"),
        "language": _("Language"),
        "choose_language": _("Choose a language"),
        "search": _("Search this site"),
        "breadcrumb": _("You are here"),
        "on_this_page": _("On this page"),
        "permalink": _("Link to this section"),
        "table": _("Table (scroll sideways to see all of it)"),
        "publisher": _("Publisher"),
        "contact": _("Contact"),
        "not_given": _("not given yet"),
        "accessibility": _("Accessibility statement"),
        "privacy": _("Privacy"),
        "open_data": _("Open data"),
        "footer_links": _("About this site"),
    }
