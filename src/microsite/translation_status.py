"""For every record and field: is the text in each language original, translated (up to date with
its original or outdated), or missing (and so shown in the original language)? And which content
pages exist in which language."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from microsite.problems import Problem
from microsite.schema import Project, localized_texts
from microsite.translation_sources import TextState, parse_field_path, weakest
from microsite.yaml_source import YamlProblem, load_yaml


@dataclass(frozen=True)
class FieldStatus:
    project: str
    field: str
    # per language: "original", a translation method (e.g. "machine-assisted-unreviewed"),
    # or "missing" (the page shows the original-language text instead)
    states: dict[str, str]
    original_language: str
    outdated: list[str] = dataclasses.field(default_factory=list)  # languages translated from an earlier original

    @property
    def missing(self) -> list[str]:
        return [lang for lang, state in self.states.items() if state == "missing"]


def translation_status(
    projects: list[Project], languages: tuple[str, ...], text_states: list[TextState] | None = None
) -> list[FieldStatus]:
    known = {(state.project, state.field, state.lang): state for state in text_states or []}
    rows = []
    for project in projects:
        methods: dict[str, str] = {str(lang): str(method) for lang, method in project.translations.items()}
        for field, texts in localized_texts(project):
            states: dict[str, str] = {}
            for lang in languages:
                if lang == project.original_language:
                    states[lang] = "original"
                elif isinstance(texts, dict) and lang in texts:
                    state = known.get((project.slug, field, lang))
                    states[lang] = state.method if state else methods[lang]
                else:
                    states[lang] = "missing"
            outdated = [
                lang for lang in languages if (s := known.get((project.slug, field, lang))) and s.state == "outdated"
            ]
            rows.append(FieldStatus(project.slug, field, states, project.original_language, outdated))
    return rows


@dataclass(frozen=True)
class ProjectStatus:
    """One row of the site's translation status page: per language, the project's state and the
    fields still missing in that language."""

    project: str
    original_language: str
    states: dict[str, str]  # "original" or the (weakest) translation method of the fields
    missing: dict[str, list[str]]  # per language, the fields shown in the original language
    outdated: dict[str, list[str]]  # per language, the fields translated from an earlier original


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
            states[lang] = (weakest(present) or present[0]) if present else "missing"
        missing = {lang: [row.field for row in fields if row.states[lang] == "missing"] for lang in languages}
        outdated = {lang: [row.field for row in fields if lang in row.outdated] for lang in languages}
        statuses.append(ProjectStatus(slug, fields[0].original_language, states, missing, outdated))
    return statuses


def status_table(rows: list[FieldStatus], languages: tuple[str, ...]) -> str:
    """A plain-text report for the command line."""
    lines = [f"{'project':32} {'field':40} " + " ".join(f"{lang:28}" for lang in languages)]
    for row in rows:
        cells = []
        for lang in languages:
            state = row.states[lang]
            state = f"{state} (outdated)" if lang in row.outdated else state
            cells.append(f"{'missing → ' + row.original_language if state == 'missing' else state:28}")
        lines.append(f"{row.project:32} {row.field:40} " + " ".join(cells))
    missing = sum(len(row.missing) for row in rows)
    outdated = sum(len(row.outdated) for row in rows)
    lines.append(f"\n{len(rows)} fields; {outdated} translations outdated (their original has changed since).")
    lines.append(f"{len(rows)} fields; {missing} texts missing (shown in their original language).")
    return "\n".join(lines)


def content_pages(content_dir: Path, languages: tuple[str, ...]) -> dict[str, list[str]]:
    """Each page written by people (`content/<lang>/….md`) with the languages it exists in."""
    pages: dict[str, list[str]] = {}
    for lang in languages:
        folder = content_dir / lang
        for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
            pages.setdefault(path.relative_to(folder).as_posix(), []).append(lang)
    return dict(sorted(pages.items()))


def content_table(pages: dict[str, list[str]], languages: tuple[str, ...]) -> str:
    lines = [f"\n{'content page':40} " + " ".join(f"{lang:8}" for lang in languages)]
    for page, present in pages.items():
        lines.append(f"{page:40} " + " ".join(f"{'yes' if lang in present else 'missing':8}" for lang in languages))
    incomplete = sum(1 for present in pages.values() if len(present) < len(languages))
    lines.append(f"\n{len(pages)} content pages; {incomplete} not written in every language.")
    return "\n".join(lines)


def outdated_problems(text_states: list[TextState], data_file: Path, display: str) -> list[Problem]:
    """With `refuse_outdated`, every outdated translation stops the build, at its place in the file."""
    outdated = [state for state in text_states if state.state == "outdated"]
    if not outdated:
        return []
    try:
        loaded = load_yaml(data_file, display)
    except YamlProblem:
        loaded = None
    index = {
        record.get("slug"): number
        for number, record in enumerate((loaded.data or {}).get("projects") or [] if loaded else [])
        if isinstance(record, dict)
    }
    problems = []
    for state in outdated:
        path = ("projects", index.get(state.project, 0), *parse_field_path(state.field), state.lang)
        line, column = loaded.position(path) if loaded else (0, 0)
        problems.append(
            Problem(
                display,
                line,
                column,
                f"{state.field}.{state.lang}",
                f"this translation was made from an earlier version of the {state.original_language} text",
                f"update it (make translations-export LANGUAGE={state.lang}), or build without refuse_outdated",
                record=state.project,
            )
        )
    return problems
