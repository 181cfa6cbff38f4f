"""Which file of the built site comes from where: every output path is claimed once, by one writer.

The plan is made before anything is rendered, from the registry (`pages.py`), the records and the
files in content/. A path claimed twice is a problem placed where an editor can fix it: at the
project's or event's slug in data/projects.yaml, or at the page in content/. Staging refuses a file
that no claim covers, so a writer cannot publish something the plan does not know.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from microsite import pages
from microsite.pages import PageKind
from microsite.problems import Problem
from microsite.schema import Event, Project
from microsite.yaml_source import LoadedYaml


@dataclass(frozen=True)
class Claim:
    what: str  # in words: "the events page", "the page of project 'index'", "content/pl/about.md"
    kind: PageKind | None  # None: a file of content/ that no page kind describes (copied as is)
    source: str  # its path in docs_dir (the staging folder); "" when written after the build
    where: Problem | None = None  # where an editor caused it (position and field); None: the registry's own
    hint: str = ""  # what to do when this claim collides
    at: tuple[str | int, ...] = ()  # the field in the records file; its line is looked up on a collision


@dataclass
class OutputPlan:
    claims: dict[str, Claim] = field(default_factory=dict)  # by path in site/
    problems: list[Problem] = field(default_factory=list)
    # where the records' values are (`Claim.at`): only a collision asks, so a file without one is
    # never located value by value (LoadedYaml.position)
    records: LoadedYaml | None = None
    _reported: set[tuple[str, int, int, str, str]] = field(default_factory=set)

    def claim(self, output: str, claim: Claim) -> None:
        taken = self.claims.get(output)
        if taken is None:
            self.claims[output] = claim
            return
        # report it at the side an editor can change; the other side is named in the message
        mine, other = (claim, taken) if claim.where is not None or taken.where is None else (taken, claim)
        if mine.where is None:  # two kinds of the registry on one path: a mistake in pages.py
            self.problems.append(
                Problem(
                    "src/microsite/pages.py", 0, 0, "", f"{mine.what} and {other.what} are both written to {output}"
                )
            )
            return
        here = mine.where
        if mine.at and self.records is not None:
            line, column = self.records.position(mine.at)
            here = replace(here, line=line, column=column)
        # one problem for a slug whose address is taken in every language, not one per language
        seen = (here.file, here.line, here.column, here.field, other.what)
        if seen in self._reported:
            return
        self._reported.add(seen)
        subject = "this file" if mine.what == here.file else mine.what  # the report starts with its name
        message = f"{subject} would be published as {output}, which is already {other.what}"
        hint = "keep one of the two files" if other.where is not None and other.where.file == other.what else mine.hint
        self.problems.append(Problem(here.file, here.line, here.column, here.field, message, hint, here.record))

    def sources(self) -> set[str]:
        """Every path in docs_dir that staging may write."""
        return {claim.source for claim in self.claims.values() if claim.source}

    def page_sources(self) -> set[str]:
        """The Markdown pages of the whole site (every language), by their path in docs_dir."""
        return {
            claim.source
            for output, claim in self.claims.items()
            if claim.source.endswith(".md") and output.endswith(".html")
        }

    def generated(self) -> int:
        """How many pages and files the build renders from the records and templates (all languages)."""
        return sum(
            claim.kind is not None and claim.kind.made_by in ("generated", "data") for claim in self.claims.values()
        )

    def outputs(self, kind: PageKind) -> list[str]:
        return sorted(output for output, claim in self.claims.items() if claim.kind is kind)


def plan_outputs(
    projects: list[Project],
    calendar_ready: Iterable[tuple[Project, Event]],
    languages: tuple[str, ...],
    content_dir: Path,
    records: LoadedYaml | None = None,
    content_shown_as: str = "content",
) -> OutputPlan:
    """Claim every output of the site, in an order that blames the editor's side of a collision:
    the registry's fixed files first, then one page per project and one calendar per event, then
    what content/ holds, then the sitemaps of the folders that hold pages."""
    plan = OutputPlan(records=records)
    for kind in pages.PAGE_KINDS:
        if kind.made_by == "written" or kind is pages.SITEMAP or _needs_record(kind):
            continue
        for lang in languages if kind.per_language else ("",):
            source = kind.source(lang) if kind.made_by in ("generated", "data") else ""
            plan.claim(
                kind.output(lang),
                Claim(_described(kind), kind, source),
            )

    for index, project in enumerate(projects):
        at: tuple[str | int, ...] = ("projects", index, "slug")
        where = _located(records, at, project.slug)
        for lang in languages:
            plan.claim(
                pages.PROJECT.output(lang, project.slug),
                Claim(
                    f"the page of project {project.slug!r}",
                    pages.PROJECT,
                    pages.PROJECT.source(lang, project.slug),
                    where,
                    "choose another slug: this address is taken",
                    at,
                ),
            )
    positions = {id(project): index for index, project in enumerate(projects)}
    for project, event in calendar_ready:
        index = positions.get(id(project), 0)
        number = next((n for n, e in enumerate(project.events) if e is event), 0)
        at = ("projects", index, "events", number, "slug")
        where = _located(records, at, project.slug)
        for lang in languages:
            output = pages.EVENT_CALENDAR.output(lang, project.slug, event.slug)
            claim = Claim(
                f"the calendar file of event {project.slug}/{event.slug}",
                pages.EVENT_CALENDAR,
                output,
                where,
                "give each event of a project its own slug",
                at,
            )
            plan.claim(output, claim)

    slugs = [project.slug for project in projects]
    merged = {
        kind.merges.format(lang=lang, project=slug)
        for kind in pages.PAGE_KINDS
        if kind.merges
        for lang in languages
        for slug in (slugs if "{project}" in kind.merges else [""])
    }
    for source in written_files(content_dir):
        if source in merged or source.partition("/")[0] not in languages:
            continue  # merged into a generated page, or outside the language folders (content_check says so)
        shown = f"{content_shown_as}/{source}"
        where = Problem(shown, 0, 0, "", "")
        hint = "rename or move this file; that address is made by the build"
        plan.claim(pages.output_of(source), Claim(shown, _written_kind(source), source, where, hint))

    folders = {posixpath.dirname(output) for output in plan.claims if output.endswith(".html")} | {""}
    for folder in sorted(folders):
        if folder == "" or folder.partition("/")[0] in languages:
            prefix = f"{folder}/" if folder else ""
            plan.claim(pages.SITEMAP.output(folder=prefix), Claim("a sitemap", pages.SITEMAP, ""))
    return plan


def written_files(content_dir: Path) -> list[str]:
    """The files of content/ that staging copies, by their path in docs_dir."""
    if not content_dir.is_dir():
        return []
    return sorted(
        path.relative_to(content_dir).as_posix()
        for path in content_dir.rglob("*")
        if path.is_file() and not path.name.startswith(".")
    )


def _described(kind: PageKind) -> str:
    return f"the {kind.name} {'page' if kind.is_page else 'file'} ({kind.lists})"


def _needs_record(kind: PageKind) -> bool:
    return "{project}" in kind.pattern or "{event}" in kind.pattern


def _written_kind(source: str) -> PageKind | None:
    inner = source.partition("/")[2]
    return next((k for k in pages.PAGE_KINDS if k.made_by == "written" and k.source("LANG") == f"LANG/{inner}"), None)


def _located(records: LoadedYaml | None, path: tuple[str | int, ...], slug: str) -> Problem:
    field = "".join(
        f"[{part}]" if isinstance(part, int) else (f".{part}" if i else part) for i, part in enumerate(path)
    )
    # the line and column are filled in by OutputPlan.claim, should this claim collide
    return Problem(records.file if records else "data/projects.yaml", 0, 0, field, "", record=slug)
