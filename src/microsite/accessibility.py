"""The accessibility statement: its settings (mkdocs.yml extra.accessibility) checked, and the page
written from them in each language."""

from __future__ import annotations

import datetime as dt
from typing import Any

from microsite import formatting, pages
from microsite.problems import Problem
from microsite.render import Renderer

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
        missing = [lang for lang in languages if not (isinstance(issue, dict) and issue.get(lang))]
        if missing:
            problems.append(
                Problem(
                    where,
                    0,
                    0,
                    f"extra.accessibility.known_issues[{index}]",
                    f"this known issue is not written in {', '.join(missing)}",
                    "every language's statement must list every known issue",
                )
            )
    return problems


def accessibility_statement(renderer: Renderer, settings: dict[str, Any], lang: str, site_url: str) -> str:
    def day(value: object) -> str | None:
        return formatting.date(value, lang) if isinstance(value, dt.date) else None

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
        known_issues=[issue.get(lang) or next(iter(issue.values())) for issue in settings.get("known_issues") or []],
    )
