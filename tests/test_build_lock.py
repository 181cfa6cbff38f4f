"""Two builds at once in one folder: the second waits, and site/ is one complete build."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from microsite.linkcheck import missing_outputs
from microsite.safe_build import _clean_leftovers
from microsite.settings import settings_from_config_file
from microsite.site import prepare_site

from .conftest import FIXTURES, SITE_URL, make_fixture_site
from .test_fixture_build import HOME


def start_build(site: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "microsite.cli", "build", "--jobs", "1"]
    return subprocess.Popen(command, cwd=site, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_second_build_waits_for_the_first_and_the_site_is_complete(tmp_path: Path) -> None:
    site = make_fixture_site(tmp_path / "fixture", (FIXTURES / "mini.yaml").read_text(encoding="utf-8"), HOME)
    first = start_build(site)
    lock = site / "build" / "build.lock"
    deadline = time.monotonic() + 60
    while not (lock.is_file() and lock.read_text(encoding="utf-8").strip()) and time.monotonic() < deadline:
        time.sleep(0.05)
    second = start_build(site)  # while the first holds the lock
    first_out, first_err = first.communicate(timeout=300)
    second_out, second_err = second.communicate(timeout=300)

    assert first.returncode == 0, first_err
    assert "The site is in" in first_out and "The site is in" in second_out
    assert second.returncode == 0, second_err
    assert f"Another build of this folder is running (process {first.pid}" in second_err
    assert "waits for it to finish" in second_err and "Traceback" not in first_err + second_err
    planned = sorted(prepare_site(settings_from_config_file(site, SITE_URL)).outputs.claims)
    assert missing_outputs(site / "site", planned) == []
    assert (site / "site" / "404.html").is_file() and (site / "site" / "open-data" / "projects.json").is_file()
    assert sorted(path.name for path in site.iterdir() if path.name.startswith("site")) == ["site"]


def test_a_site_moved_away_by_a_killed_build_comes_back(tmp_path: Path) -> None:
    output = tmp_path / "site"
    (tmp_path / "site.previous.4242").mkdir()
    (tmp_path / "site.previous.4242" / "index.html").write_text("last good", encoding="utf-8")
    (tmp_path / "site.partial.4242").mkdir()  # the half-made one is dropped
    (tmp_path / "site.parallel").mkdir()
    (tmp_path / "site-notes").mkdir()  # not ours

    _clean_leftovers(output)

    assert (output / "index.html").read_text(encoding="utf-8") == "last good"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site", "site-notes"]
