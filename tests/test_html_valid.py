"""Every page of the built site is valid HTML: the W3C Nu HTML checker (vnu-jar from npm, pinned in
tools/package-lock.json; `make test` installs it with scripts/ensure-test-tools.sh) finds 0 errors."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import REPO

VNU_JAR = REPO / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_errors(folder: Path) -> list[str]:
    java = shutil.which("java")
    if java is None or not VNU_JAR.is_file():
        pytest.fail("the Nu HTML checker is not installed: run `bash scripts/ensure-test-tools.sh` (make test does)")
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--skip-non-html", "--errors-only", "--format", "json", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [
        f"{m.get('url', '').rpartition(str(folder))[2]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]


def test_every_built_page_is_valid_html(built_site: Path) -> None:
    assert len(list(built_site.rglob("*.html"))) > 40
    assert nu_errors(built_site) == []


def test_the_checker_finds_errors(tmp_path: Path) -> None:
    """The markup the Material partials had: the check above could fail."""
    (tmp_path / "bad.html").write_text(
        '<!doctype html><html lang="pl"><title>x</title><input type="checkbox" autocomplete="off">'
        '<label for="nowhere">x</label>',
        encoding="utf-8",
    )
    errors = nu_errors(tmp_path)
    assert len(errors) == 2 and "autocomplete" in errors[0], errors
