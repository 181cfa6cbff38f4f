"""Checks of the pages people write in `content/`: language folders, text encoding, front matter."""

from __future__ import annotations

import difflib
import importlib.util
import os
import re
from pathlib import Path

from microsite import front_matter
from microsite.problems import Problem
from microsite.yaml_source import YamlProblem, parse_yaml

# Front matter keys that MkDocs or Material understand; anything else is most likely a typo.
FRONT_MATTER_KEYS = ("title", "description", "hide", "icon", "status", "search", "tags", "template")
OVERRIDES_DIR = Path(__file__).resolve().parents[2] / "overrides"  # the theme's custom_dir in mkdocs.yml


def template_dirs() -> list[Path]:
    """Where MkDocs looks for a page's `template:`: our overrides, then the theme's own templates."""
    theme = importlib.util.find_spec("material")
    theme_dirs = [Path(theme.origin).parent / "templates"] if theme and theme.origin else []
    return [OVERRIDES_DIR, *theme_dirs]


def page_templates() -> list[str]:
    return sorted({page.name for folder in template_dirs() if folder.is_dir() for page in folder.glob("*.html")})


def check_content(content_dir: Path, languages: tuple[str, ...], shown_as: str = "content") -> list[Problem]:
    problems: list[Problem] = []
    if not content_dir.is_dir():
        return [
            Problem(
                shown_as,
                0,
                0,
                "",
                "the content folder does not exist",
                f"create it with one folder per language: {', '.join(languages)}",
            )
        ]
    for entry in sorted(content_dir.iterdir()):
        name = f"{shown_as}/{entry.name}"
        if entry.name.startswith("."):
            continue
        if entry.is_file():
            problems.append(
                Problem(
                    name,
                    0,
                    0,
                    "",
                    "a page must be inside a language folder",
                    f"move it into {shown_as}/<language>/ ({', '.join(languages)})",
                )
            )
        elif entry.name not in languages:
            close = difflib.get_close_matches(entry.name, languages, n=1)
            hint = f"did you mean `{close[0]}`?" if close else f"the languages are {', '.join(languages)}"
            problems.append(Problem(name, 0, 0, "", f"`{entry.name}` is not one of the site's languages", hint))
    leaving = links_leaving(content_dir, content_dir.parent, shown_as)
    if leaving:  # what they point to is not read
        return problems + leaving
    for page in sorted(content_dir.rglob("*.md")):
        problems += check_page(page, f"{shown_as}/{page.relative_to(content_dir).as_posix()}")
    return problems


def links_leaving(folder: Path, source_dir: Path, shown_as: str) -> list[Problem]:
    """Symbolic links in `folder` that point outside the site folder: whatever they point to would
    be read and published (a page, a copied file), so they are refused."""
    root = source_dir.resolve()
    links = [folder] if folder.is_symlink() else []
    for top, dirs, files in os.walk(folder, followlinks=False) if not links else []:
        links += [Path(top) / name for name in sorted(dirs + files) if (Path(top) / name).is_symlink()]
    problems = []
    for path in links:
        target = path.resolve()
        if target == root or root in target.parents:
            continue
        inside = path.relative_to(folder).as_posix()
        shown = shown_as if inside == "." else f"{shown_as}/{inside}"
        problems.append(
            Problem(
                shown,
                0,
                0,
                "",
                f"this is a link to {target}, outside the site folder; nothing outside it is published",
                "copy the file into the site folder instead of linking to it",
            )
        )
    return problems


def check_page(page: Path, name: str) -> list[Problem]:
    raw = page.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return [
            Problem(
                name,
                line,
                1,
                "",
                "the file is not valid UTF-8 text",
                "save the file as UTF-8 (in most editors: Save with encoding → UTF-8)",
            )
        ]
    if not front_matter.opens(text):
        return []
    found = front_matter.block(text)
    if found is None:
        return [
            Problem(
                name,
                1,
                1,
                "",
                "the front matter that starts on line 1 is never closed",
                "end it with a line of three dashes: ---",
            )
        ]
    block, first_line = found
    if not block.strip():
        return []
    try:
        loaded = parse_yaml(block, name, first_line=first_line)
    except YamlProblem as err:
        return [Problem(name, err.line, err.column, "", err.message, err.hint)]
    if not isinstance(loaded.data, dict):
        return [Problem(name, 2, 1, "", "the front matter must be a list of `key: value` lines")]
    problems = []
    template = loaded.data.get("template")
    if "template" in loaded.data and not (
        isinstance(template, str)
        and re.fullmatch(r"[a-z0-9_-]+(/[a-z0-9_-]+)*\.html", template)  # inside the theme, never `../`
        and any((folder / template).is_file() for folder in template_dirs())
    ):
        line, column = loaded.position(("template",))
        known = page_templates()
        close = difflib.get_close_matches(str(template), known, n=1)
        hint = f"did you mean `{close[0]}`? " if close else ""
        hint += f"The page layouts are {', '.join(known)}; or remove the `template:` line for the usual layout"
        problems.append(Problem(name, line, column, "template", f"there is no page layout `{template}`", hint))
    for key in loaded.data:
        if key not in FRONT_MATTER_KEYS:
            line, column = loaded.position((key,), of_key=True)
            close = difflib.get_close_matches(key, FRONT_MATTER_KEYS, n=1)
            hint = f"did you mean `{close[0]}`?" if close else f"known fields: {', '.join(FRONT_MATTER_KEYS)}"
            problems.append(Problem(name, line, column, key, f"unknown front matter field `{key}`", hint))
    return problems
