"""`microsite new-project SLUG LANGUAGE`: append a record with every required field, ready to fill."""

from __future__ import annotations

import re
from pathlib import Path

from microsite.languages import LANGUAGES
from microsite.schema import SLUG_PATTERN
from microsite.site import REPO_DIR
from microsite.yaml_source import YamlProblem, load_yaml

TEMPLATE = REPO_DIR / "templates" / "new_project.yaml"


def new_project(data_file: Path, slug: str, language: str) -> str:
    """Append the record; return what to tell the editor. Raises ValueError on a bad request."""
    if not re.fullmatch(SLUG_PATTERN, slug):
        raise ValueError(f"{slug!r} is not a valid slug: use lowercase letters a-z, digits and single hyphens")
    if language not in LANGUAGES:
        raise ValueError(f"{language!r} is not one of the site's languages ({', '.join(LANGUAGES)})")
    try:
        existing = load_yaml(data_file).data or {}
    except YamlProblem as err:
        raise ValueError(f"fix {data_file} first: line {err.line}: {err.message}") from None
    if any(isinstance(p, dict) and p.get("slug") == slug for p in existing.get("projects") or []):
        raise ValueError(f"a project with the slug {slug!r} exists already")
    record = TEMPLATE.read_text(encoding="utf-8").format(slug=slug, language=language)
    text = data_file.read_text(encoding="utf-8")
    data_file.write_text(text.rstrip("\n") + "\n" + record, encoding="utf-8")
    line = text.rstrip("\n").count("\n") + 4
    return f"Added project {slug!r} at line {line} of {data_file}. Fill it in, then run `make check`."
