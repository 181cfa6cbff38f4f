"""The projects' longer stories: hand-written `content/<lang>/projects/<slug>.md`, each merged into
its project's generated page."""

from __future__ import annotations

from microsite import front_matter
from microsite.problems import Problem
from microsite.schema import Project
from microsite.settings import SitePaths


def read_narratives(
    paths: SitePaths, projects: list[Project], languages: tuple[str, ...]
) -> tuple[dict[tuple[str, str], str], list[Problem]]:
    """Hand-written `content/<lang>/projects/<slug>.md`, merged into the generated page."""
    slugs = {project.slug for project in projects}
    narratives: dict[tuple[str, str], str] = {}
    problems = []
    for lang in languages:
        folder = paths.content_dir / lang / "projects"
        for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
            if path.stem == "index":
                continue  # the project list's address: the output plan reports it
            if path.stem not in slugs:
                problems.append(
                    Problem(
                        paths.shown(path),
                        0,
                        0,
                        "",
                        f"there is no project with the slug {path.stem!r} in data/projects.yaml",
                        "rename the file to <slug>.md of an existing project",
                    )
                )
            else:
                narratives[(lang, path.stem)] = front_matter.split(path.read_text(encoding="utf-8"))[1].strip()
    return narratives, problems
