"""Integration: small fixture sites built with the real MkDocs stack."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from microsite.languages import LANGUAGES

from .conftest import FIXTURES, LANGUAGE_PAGES, free_port, make_fixture_site, run_mkdocs

HOME = {f"{lang}/index.md": f"# Home {lang}\n\n[Projects](projects/index.md)\n" for lang in LANGUAGES} | {
    f"{lang}/about.md": f"# about {lang}\n" for lang in LANGUAGES
}
NARRATIVE = "## Nasza historia\n\nTekst napisany przez *redakcję*. {{ nie szablon }}\n"


def content_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in (site / "content").rglob("*") if p.is_file()}


def test_fixture_site_has_exactly_the_expected_pages_and_merges_the_narrative(tmp_path: Path) -> None:
    content = dict(HOME)
    content["pl/projects/mini.md"] = "---\ntitle: ignored\n---\n" + NARRATIVE
    site = make_fixture_site(tmp_path / "fixture", (FIXTURES / "mini.yaml").read_text(encoding="utf-8"), content)
    before = content_files(site)

    result = run_mkdocs(site, tmp_path / "out")

    assert result.returncode == 0, result.stderr
    # the terminal: one line for the build, none of MkDocs' or static-i18n's progress notes
    assert re.fullmatch(r"Built el, bg, ka, pl and the root: \d+ pages in [\d.]+ s\.\n", result.stderr), result.stderr
    out = tmp_path / "out"
    pages = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    expected = ["404.html", "index.html"] + [
        f"{lang}/{name}" for lang in LANGUAGES for name in (*LANGUAGE_PAGES, "projects/mini.html")
    ]
    assert pages == sorted(expected)
    polish = (out / "pl" / "projects" / "mini.html").read_text(encoding="utf-8")
    assert "Nasza historia" in polish and "<em>redakcję</em>" in polish
    assert "{{ nie szablon }}" in polish
    assert "Nasza historia" not in (out / "el" / "projects" / "mini.html").read_text(encoding="utf-8")
    # the translation status row names the fields that Greek still lacks
    status = (out / "el" / "translation-status.html").read_text(encoding="utf-8")
    assert "⚠ " in status and "<code>places[0]</code>" in status and 'href="projects/mini.html"' in status
    assert content_files(site) == before  # generated pages never land in content/
    assert (site / "build" / "pages" / "pl" / "projects" / "mini.md").is_file()


def test_invalid_record_stops_the_build_with_a_plain_message(tmp_path: Path) -> None:
    data = (FIXTURES / "mini.yaml").read_text(encoding="utf-8").replace("status: ongoing", "staus: ongoing")
    site = make_fixture_site(tmp_path / "fixture", data, HOME)
    result = run_mkdocs(site, tmp_path / "out")
    assert result.returncode != 0
    assert "data/projects.yaml:9:5: projects[0].staus (project 'mini'): unknown field `staus`" in result.stderr
    assert "did you mean `status`?" in result.stderr
    assert (
        "data/projects.yaml:2:5: projects[0].status (project 'mini'): this required field is missing" in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_a_missing_site_url_is_explained(tmp_path: Path) -> None:
    site = make_fixture_site(tmp_path / "fixture", (FIXTURES / "mini.yaml").read_text(encoding="utf-8"), HOME)
    result = run_mkdocs(site, tmp_path / "out", site_url="")
    assert result.returncode != 0
    assert "site_url is not set" in result.stderr and "SITE_URL" in result.stderr
    assert "Traceback" not in result.stderr


def test_narrative_for_an_unknown_project_is_reported(tmp_path: Path) -> None:
    content = HOME | {"bg/projects/nope.md": "text"}
    site = make_fixture_site(tmp_path / "fixture", (FIXTURES / "mini.yaml").read_text(encoding="utf-8"), content)
    result = run_mkdocs(site, tmp_path / "out")
    assert result.returncode != 0
    assert "content/bg/projects/nope.md: there is no project with the slug 'nope'" in result.stderr


def fetch(url: str) -> str:
    # the preview answers once a rebuild is done, which can take a while on a busy machine
    with urllib.request.urlopen(url, timeout=60) as response:
        return str(response.read().decode("utf-8"))


def wait_for(condition_url: str, needle: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if needle in fetch(condition_url):
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


def test_serve_rebuilds_when_the_data_changes(tmp_path: Path) -> None:
    site = make_fixture_site(
        tmp_path / "fixture",
        (FIXTURES / "mini.yaml").read_text(encoding="utf-8"),
        HOME,
    )
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "watch: [data]\n", encoding="utf-8")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log_path = tmp_path / "serve.log"
    with log_path.open("w") as log:  # a file, not a pipe: an unread pipe fills up and stalls the server
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=site,
            env=env,
            stdout=log,
            stderr=log,
        )
    try:
        url = f"http://127.0.0.1:{port}/pl/projects/mini.html"
        assert wait_for(url, "Mały projekt", 60), "the first build did not come up"
        data = site / "data" / "projects.yaml"
        data.write_text(data.read_text(encoding="utf-8").replace("Mały projekt", "Zmieniony projekt"), encoding="utf-8")
        assert wait_for(url, "Zmieniony projekt", 60), log_path.read_text()
        # a mistake: the error is shown, and the last good pages stay up
        data.write_text(
            data.read_text(encoding="utf-8").replace("status: ongoing", "status: finished"), encoding="utf-8"
        )
        deadline = time.monotonic() + 60
        while "problem found" not in log_path.read_text() and time.monotonic() < deadline:
            time.sleep(0.5)
        assert "projects[0].status (project 'mini'): expected" in log_path.read_text()
        # the banner, in the page's language; the rebuild that adds it may still be running
        assert wait_for(url, "Ten podgląd jest nieaktualny", 60), log_path.read_text()
        page = fetch(url)
        assert "Zmieniony projekt" in page and "status: finished" not in page
    finally:
        server.terminate()
        server.wait(timeout=10)
