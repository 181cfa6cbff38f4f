"""The records as open data: JSON (everything, all languages), CSV (one row per project and
language) and the JSON Schema of a record, all generated from the same validated records."""

from __future__ import annotations

import csv
import functools
import io
import json
from typing import Any

from pydantic import BaseModel

from microsite.schema import Budget, FundersFile, Period, Project, ProjectsFile
from microsite.viewmodel import ProjectView, ProjectViews

CSV_COLUMNS = [
    "slug",
    "language",
    "text_origin",
    "title",
    "summary",
    "status",
    "period_start",
    "period_end",
    "places",
    "implementer",
    "partners",
    "funding_programme",
    "budget_total",
    "budget_currency",
    "budget_sources",
    "target_groups",
    "contact_emails",
    "links",
]


# Each record's JSON, by its fingerprint (ProjectViews.fingerprint): the preview writes, at each save,
# only the changed records' anew (the JSON of a whole file is slow to write: indented, pure Python).
_RECORD_JSON: dict[bytes, str] = {}
_RECORD_JSON_LIMIT = 10_000


def projects_json(projects: list[Project], views: ProjectViews | None = None) -> str:
    """Every field of every record, exactly as validated; amounts stay exact decimal strings. The same
    text as json.dumps({"projects": [...]}, indent=1), made record by record."""
    views = views or ProjectViews()
    records = [_record_json(project, views.fingerprint(project)) for project in projects]
    listed = "[\n" + ",\n".join(records) + "\n ]" if records else "[]"
    return '{\n "projects": ' + listed + "\n}\n"


def _record_json(project: Project, fingerprint: bytes) -> str:
    text = _RECORD_JSON.get(fingerprint)
    if text is None:
        if len(_RECORD_JSON) > _RECORD_JSON_LIMIT:
            _RECORD_JSON.clear()
        data = project.model_dump(mode="json", exclude_defaults=False)
        # indented as an item of the list (two levels): a JSON string holds no line break of its own
        text = _RECORD_JSON[fingerprint] = "\n".join(
            "  " + line for line in json.dumps(data, ensure_ascii=False, indent=1).split("\n")
        )
    return text


@functools.cache  # made from the schema's code alone
def projects_schema() -> str:
    return _schema(ProjectsFile, "Open-government project records (data/projects.yaml)")


def funders_schema() -> str:
    return _schema(FundersFile, "Funding programmes and their acknowledgements (data/funders.yaml)")


def _schema(model: type[BaseModel], title: str) -> str:
    schema = model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return json.dumps(schema, ensure_ascii=False, indent=1) + "\n"


def projects_csv(projects: list[Project], languages: tuple[str, ...], views: ProjectViews | None = None) -> str:
    views = views or ProjectViews()
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for project in projects:
        for lang in languages:
            writer.writerow(_row(project, views(project, lang)))
    return out.getvalue()


def _row(project: Project, view: ProjectView) -> dict[str, Any]:
    lang = view.lang
    period = project.period if isinstance(project.period, Period) else None
    budget = project.budget if isinstance(project.budget, Budget) else None
    join = "; ".join
    return {
        "slug": project.slug,
        "language": lang,
        "text_origin": "original" if lang == project.original_language else project.translations.get(lang, "missing"),
        "title": view.title.text,
        "summary": view.summary.text,
        "status": project.status,
        "period_start": period.start.isoformat() if period and period.start else "",
        "period_end": period.end.isoformat() if period and period.end else "",
        "places": join(p.text for p in view.places),
        "implementer": view.implementer.name.text if view.implementer else "",
        "partners": join(p.name.text for p in view.partners),
        "funding_programme": view.funding.programme.text if view.funding and view.funding.programme else "",
        "budget_total": str(budget.total.amount) if budget else project.budget,
        "budget_currency": budget.total.currency if budget else "",
        "budget_sources": join(f"{s.amount.amount} {s.amount.currency}" for s in budget.sources) if budget else "",
        "target_groups": join(t.text for t in view.target_groups),
        "contact_emails": join(c.email for c in project.contacts if c.email),
        "links": join(link.url for link in view.links if link.url),
    }
