"""The accessibility statement: its settings (mkdocs.yml extra.accessibility) checked, and the page
written from them in each language."""

from __future__ import annotations

import datetime as dt
from typing import Any

from microsite import formatting, pages
from microsite.problems import Problem
from microsite.render import Renderer
from microsite.viewmodel import Shown

ACCESSIBILITY_STATUSES = ("fully-compliant", "partially-compliant", "non-compliant")


def check_accessibility_settings(settings: dict[str, Any], languages: tuple[str, ...]) -> list[Problem]:
    where = "mkdocs.yml"
    if not settings:
        return [
            Problem(
                where,
                0,
                0,
                "extra.accessibility",
                "the accessibility statement settings are missing",
                "see the `accessibility:` block in the repository's mkdocs.yml",
            )
        ]
    problems = []
    if settings.get("status") not in ACCESSIBILITY_STATUSES:
        problems.append(
            Problem(
                where,
                0,
                0,
                "extra.accessibility.status",
                f"expected one of {', '.join(ACCESSIBILITY_STATUSES)}; found {settings.get('status')!r}",
            )
        )
    for index, issue in enumerate(settings.get("known_issues") or []):
        if not (isinstance(issue, dict) and any(issue.get(lang) for lang in languages)):
            problems.append(
                Problem(
                    where,
                    0,
                    0,
                    f"extra.accessibility.known_issues[{index}]",
                    f"this known issue is written in none of the site's languages ({', '.join(languages)})",
                    f'write it as `{languages[0]}: "…"`, one line per language',
                )
            )
    return problems


def unwritten_known_issues(settings: dict[str, Any], languages: tuple[str, ...]) -> list[str]:
    """The known issues not yet written in a language (one just added): its statement shows them in
    another language, marked, with a notice; the build report says so."""
    notes = []
    for index, issue in enumerate(settings.get("known_issues") or []):
        if not (isinstance(issue, dict) and any(issue.get(lang) for lang in languages)):
            continue  # a problem (check_accessibility_settings)
        missing = [lang for lang in languages if not issue.get(lang)]
        if missing:
            notes.append(
                f"mkdocs.yml: extra.accessibility.known_issues[{index}] is not written in {', '.join(missing)};"
                f" the statement shows it in {_written_in(issue, languages)} there"
            )
    return notes


def _written_in(issue: dict[str, Any], languages: tuple[str, ...]) -> str:
    return next(lang for lang in languages if issue.get(lang))


def _known_issue(issue: dict[str, Any], lang: str, languages: tuple[str, ...]) -> Shown:
    if issue.get(lang):
        return Shown(str(issue[lang]), lang, "original")
    shown_in = _written_in(issue, languages)
    return Shown(str(issue[shown_in]), shown_in, "fallback")


def accessibility_statement(
    renderer: Renderer, settings: dict[str, Any], lang: str, site_url: str, languages: tuple[str, ...]
) -> str:
    def day(value: object) -> str | None:
        return formatting.date(value, lang) if isinstance(value, dt.date) else None

    issues = [_known_issue(issue, lang, languages) for issue in settings.get("known_issues") or []]
    # a statement its country's law words in its own way, or the EU model statement (text in the catalogs)
    own = pages.ACCESSIBILITY.template_file().format(lang=lang)
    return renderer.render(
        own if renderer.has_template(own) else "accessibility/statement.md.j2",
        lang,
        pages.ACCESSIBILITY,
        site_url=site_url,
        status=settings["status"],
        last_review=day(settings.get("last_review")),
        published=day(settings.get("published")),
        method=settings.get("method"),
        contact=settings.get("contact"),
        known_issues=issues,
        fallback_language=", ".join(
            sorted({formatting.language_name(i.lang, lang) for i in issues if i.origin == "fallback" and i.lang})
        ),
    )
