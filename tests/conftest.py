"""Shared helpers: build real sites (the repo's, or small fixture sites) with the real MkDocs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from microsite.pages import language_pages

from .search_pages import write_search_pages

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
SITE_URL = "https://sites.example.org/microsite/"
# The pages every language has, besides the project pages (from the registry of page kinds).
LANGUAGE_PAGES = tuple(language_pages())


def run_mkdocs(config_dir: Path, site_dir: Path, site_url: str = SITE_URL) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir)],
        cwd=config_dir,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def make_fixture_site(target: Path, data: str, content: dict[str, str]) -> Path:
    """A site folder like the repo's, with its own data and content and the repo's code."""
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("hooks/site_hooks.py", str(REPO / "hooks" / "site_hooks.py"))
    config = config.replace("custom_dir: overrides", f"custom_dir: {REPO / 'overrides'}")
    config = config.replace("watch: [data, templates, locales, src]\n", "")
    (target / "data").mkdir(parents=True)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    (target / "data" / "projects.yaml").write_text(data, encoding="utf-8")
    for relative, text in content.items():
        path = target / "content" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once for the whole test run."""
    site_dir = tmp_path_factory.mktemp("real") / "site"
    result = run_mkdocs(REPO, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture
def search_site(tmp_path: Path) -> Path:
    """A small built-looking site for the search tests: /<lang>/projects/*.html and the root."""
    return write_search_pages(tmp_path)
