"""For every record and field: is the text in each language original, translated, or missing
(and so shown in the original language)?"""

from __future__ import annotations

from dataclasses import dataclass

from microsite.schema import Project, localized_texts


@dataclass(frozen=True)
class FieldStatus:
    project: str
    field: str
    # per language: "original", a translation method (e.g. "machine-assisted-unreviewed"),
    # or "missing" (the page shows the original-language text instead)
    states: dict[str, str]
    original_language: str

    @property
    def missing(self) -> list[str]:
        return [lang for lang, state in self.states.items() if state == "missing"]


def translation_status(projects: list[Project], languages: tuple[str, ...]) -> list[FieldStatus]:
    rows = []
    for project in projects:
        methods: dict[str, str] = {str(lang): str(method) for lang, method in project.translations.items()}
        for field, texts in localized_texts(project):
            states: dict[str, str] = {}
            for lang in languages:
                if lang == project.original_language:
                    states[lang] = "original"
                elif isinstance(texts, dict) and lang in texts:
                    states[lang] = methods[lang]
                else:
                    states[lang] = "missing"
            rows.append(FieldStatus(project.slug, field, states, project.original_language))
    return rows


@dataclass(frozen=True)
class ProjectStatus:
    """One row of the site's translation status page: per language, the project's state and the
    fields still missing in that language."""

    project: str
    original_language: str
    states: dict[str, str]  # "original" or the translation method of the record
    missing: dict[str, list[str]]  # per language, the fields shown in the original language


def project_statuses(rows: list[FieldStatus], languages: tuple[str, ...]) -> list[ProjectStatus]:
    """The per-field rows folded to one row per project, so the page grows by one line per project."""
    by_project: dict[str, list[FieldStatus]] = {}
    for row in rows:
        by_project.setdefault(row.project, []).append(row)
    statuses = []
    for slug, fields in by_project.items():
        states = {}
        for lang in languages:
            present = [row.states[lang] for row in fields if row.states[lang] != "missing"]
            states[lang] = present[0] if present else "missing"
        missing = {lang: [row.field for row in fields if row.states[lang] == "missing"] for lang in languages}
        statuses.append(ProjectStatus(slug, fields[0].original_language, states, missing))
    return statuses


def status_table(rows: list[FieldStatus], languages: tuple[str, ...]) -> str:
    """A plain-text report for the command line."""
    lines = [f"{'project':32} {'field':40} " + " ".join(f"{lang:28}" for lang in languages)]
    for row in rows:
        cells = []
        for lang in languages:
            state = row.states[lang]
            cells.append(f"{'missing → ' + row.original_language if state == 'missing' else state:28}")
        lines.append(f"{row.project:32} {row.field:40} " + " ".join(cells))
    missing = sum(len(row.missing) for row in rows)
    lines.append(f"\n{len(rows)} fields; {missing} texts missing (shown in their original language).")
    return "\n".join(lines)
