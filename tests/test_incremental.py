"""The preview's fast rebuild (microsite.incremental): after every kind of edit, the site `make serve`
shows is the same, byte for byte, as a fresh full build of the same files."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from microsite.incremental import Incremental, NavTitles, remove_outputs
from microsite.records import load_located_projects

from .conftest import FIXTURES, REPO, free_port, make_fixture_site, run_mkdocs
from .test_fixture_build import HOME

BUILD_DATE = "1767225600"  # 2026-01-01: the same "today" and calendar stamps for both builds


def test_nav_titles_are_given_back_and_a_changed_title_asks_for_every_page() -> None:
    titles = NavTitles()
    assert titles.settle("pl", {"pl/index.md": "Start", "pl/about.md": "O nas"}, []) is None  # first build
    assert titles.settle("pl", {"pl/index.md": "Start"}, ["pl/about.md"]) == {"pl/about.md": "O nas"}
    assert titles.settle("pl", {"pl/about.md": "O stronie"}, ["pl/index.md"]) is None  # a title changed
    assert titles.settle("pl", {}, ["pl/about.md"]) == {"pl/about.md": "O stronie"}
    assert titles.settle("el", {}, ["el/index.md"]) is None  # never read: not known


def test_what_every_page_shows_touches_every_staged_file(tmp_path: Path) -> None:
    stage = tmp_path / "pages"
    for name in ("pl/a.md", "pl/b.md", "el/a.md"):
        (stage / name).parent.mkdir(parents=True, exist_ok=True)
        (stage / name).write_text(name)
    versions = {"pl/a.md": {"pl": "pl/a.html", "el": "el/a.html"}, "pl/b.md": {"pl": "pl/b.html"}}
    state = Incremental()
    state.before_staging(stage)
    assert state.after_staging(stage, "first", versions).rebuild_all

    def stamps() -> dict[str, int]:
        return {p.relative_to(stage).as_posix(): p.stat().st_mtime_ns for p in stage.rglob("*.md")}

    old = {name: 1_000_000_000 for name in stamps()}
    for name, stamp in old.items():
        os.utime(stage / name, ns=(stamp, stamp))
    state.before_staging(stage)
    (stage / "el" / "a.md").unlink()  # a page removed: its output is to be deleted
    changes = state.after_staging(stage, "first", versions | {"pl/b.md": {"pl": "pl/b.html", "el": "el/b.html"}})
    assert not changes.rebuild_all and changes.removed == ["el/a.md"]
    assert {name for name, stamp in stamps().items() if stamp != old[name]} == {"pl/b.md"}  # its alternates
    assert changes.changed == {"el/a.md", "pl/b.md"} and changes.languages(["el", "bg", "pl"]) == ["el", "pl"]
    state.before_staging(stage)
    state.after_staging(stage, "a catalog changed", versions)
    assert all(stamp != old[name] for name, stamp in stamps().items())


def test_removed_pages_leave_no_output_and_no_empty_folder(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for name in ("pl/projects/a.html", "pl/events/a/x.ics", "pl/index.html"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(name)
    remove_outputs(site, ["pl/projects/a.md", "pl/events/a/x.ics"])
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == ["pl", "pl/index.html"]


def test_the_preview_validates_again_only_the_records_whose_values_changed(tmp_path: Path) -> None:
    data = second_record((FIXTURES / "mini.yaml").read_text(encoding="utf-8"))
    records = tmp_path / "projects.yaml"
    records.write_text(data, encoding="utf-8")
    first, _ = load_located_projects(records, reuse=True)
    records.write_text(data.replace("Inny opis", "Inny opis 2"), encoding="utf-8")
    second, _ = load_located_projects(records, reuse=True)
    assert second[0] is first[0] and second[1] is not first[1]  # mini unchanged, drugi changed
    assert second == load_located_projects(records)[0]  # the same records as validated whole
    assert "Inny opis 2" in repr(second[1])
    third, _ = load_located_projects(records, programmes={"other"}, reuse=True)  # what they may name changed
    assert third[0] is not second[0]


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def differences(served: Path, full: Path) -> list[str]:
    left, right = files_of(served), files_of(full)
    return sorted(
        [f"only served: {name}" for name in left.keys() - right.keys()]
        + [f"only in the full build: {name}" for name in right.keys() - left.keys()]
        + [f"differs: {name}" for name in left.keys() & right.keys() if left[name] != right[name]]
    )


class Preview:
    """`mkdocs serve --dirty` (as `make serve` runs it) on a fixture site; its output folder is the
    one MkDocs makes in TMPDIR."""

    def __init__(self, site: Path, tmp: Path) -> None:
        self.site, self.port = site, free_port()
        self.tmp = tmp / "serve-tmp"
        self.tmp.mkdir()
        self.log_path = tmp / "serve.log"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(self.tmp)}
        with self.log_path.open("w") as log:  # a file, not a pipe: an unread pipe stalls the server
            self.server = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{self.port}"],
                cwd=site,
                env=env,
                stdout=log,
                stderr=log,
            )
        self.builds = 0
        self.wait_for_build()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def output(self) -> Path:
        (folder,) = self.tmp.glob("mkdocs_*")
        return folder

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8")

    def wait_for_build(self, timeout: float = 90) -> None:
        """Until a build more has finished and no other one follows (the watcher polls every 0.5 s)."""
        deadline, seen, quiet_since = time.monotonic() + timeout, self.builds, time.monotonic()
        while time.monotonic() < deadline:
            count = len(re.findall(r"^Built ", self.log(), flags=re.M))
            if count != seen:
                seen, quiet_since = count, time.monotonic()
            if seen > self.builds and time.monotonic() - quiet_since > 1.5:
                self.builds = seen
                return
            if self.server.poll() is not None:
                break
            time.sleep(0.1)
        raise AssertionError(f"the preview did not rebuild:\n{self.log()}")

    def edit(self, path: str, change: str | None) -> None:
        """Write `change` into the site's file (None: delete it), then wait for the rebuild."""
        target = self.site / path
        if change is None:
            target.unlink()
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(change, encoding="utf-8")
        self.wait_for_build()

    def stop(self) -> None:
        self.server.terminate()
        self.server.wait(timeout=20)


def second_record(data: str) -> str:
    record = data.split("projects:\n", 1)[1]
    replacements = {
        "slug: mini\n": "slug: drugi\n",
        "MINI": "DRUGI",
        "Mały projekt": "Drugi projekt",
        "Μικρό έργο": "Δεύτερο έργο",
        "Малък проект": "Втори проект",
        "Opis <b>z</b>": "Inny opis",
    }
    for old, new in replacements.items():
        record = record.replace(old, new)
    return data + record


SAVE_DURING_THE_RUN = """
saved = False

def on_pre_build(config):
    global saved  # the first build of the run (the root's): the language builds follow it
    if not saved:
        saved = True
        with open("data/projects.yaml", "a", encoding="utf-8") as records:
            records.write(RECORD)
"""


def test_a_save_during_a_run_leaves_every_language_as_the_run_began(tmp_path: Path) -> None:
    """The language builds use what the outermost build prepared: a save in the middle of a run (an
    editor writes a file in two steps) gave the later languages other pages, and the preview then
    missed what the save removed."""
    data = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
    site = make_fixture_site(tmp_path / "fixture", data, HOME)
    hook = site / "save_during_the_run.py"
    added = second_record(data)[len(data) :]
    hook.write_text(f"RECORD = {added!r}\n" + SAVE_DURING_THE_RUN, encoding="utf-8")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("hooks:\n", f"hooks:\n  - {hook}\n", 1))
    result = run_mkdocs(site, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "slug: drugi" in (site / "data" / "projects.yaml").read_text(encoding="utf-8")  # the save happened
    built = {p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.html")}
    assert {f"{lang}/projects/mini.html" for lang in ("el", "bg", "ka", "pl")} <= built
    assert not [page for page in built if "drugi" in page]


def test_the_preview_after_each_edit_equals_a_fresh_full_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE)
    data = (FIXTURES / "mini.yaml").read_text(encoding="utf-8")
    content = HOME | {"pl/about.md": "# O stronie\n\nTekst.\n", "pl/projects/mini.md": "## Historia\n\nTekst.\n"}
    site = make_fixture_site(tmp_path / "fixture", data, content)
    shutil.copytree(REPO / "locales", site / "locales")  # the site's own catalogs, to edit one
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "watch: [data, content, locales]\n", encoding="utf-8")
    catalog = "locales/pl/LC_MESSAGES/messages.po"
    catalog_text = (site / catalog).read_text(encoding="utf-8")
    assert 'msgstr "Menu"' in catalog_text  # the page shell's menu button, on every Polish page
    with_second = second_record(data)
    edits: list[tuple[str, str, str | None]] = [
        ("a record's text", "data/projects.yaml", data.replace("Opis <b>z</b>", "Nowy opis <b>z</b>")),
        ("a title shown in the lists", "data/projects.yaml", data.replace("Mały projekt", "Mały projekt 2")),
        ("a new record", "data/projects.yaml", with_second),
        ("a record removed", "data/projects.yaml", data),
        ("a content page", "content/pl/about.md", "# O stronie\n\nInny tekst.\n"),
        ("a navigation title", "content/pl/about.md", "# O tej stronie\n\nInny tekst.\n"),
        ("a narrative removed", "content/pl/projects/mini.md", None),
        ("a page in one language", "content/pl/extra.md", "# Dodatek\n\nTekst.\n"),
        ("its version in another language", "content/el/extra.md", "# Παράρτημα\n\nΚείμενο.\n"),
        ("a catalog", catalog, catalog_text.replace('msgstr "Menu"', 'msgstr "Spis"', 1)),
        ("a mistake", "data/projects.yaml", data.replace("status: ongoing", "status: finished")),
        ("its fix", "data/projects.yaml", data),
    ]
    preview = Preview(site, tmp_path)
    try:
        for number, (what, path, change) in enumerate(edits):
            preview.edit(path, change)
            if what == "a mistake":  # the banner is on every page (a full build would stop instead)
                pages = [p for p in preview.output.rglob("*.html") if p.name != "404.html"]
                assert pages and all(b"microsite-problems" in p.read_bytes() for p in pages), what
                continue
            full = tmp_path / f"full-{number}"
            result = run_mkdocs(site, full, site_url=preview.url)
            assert result.returncode == 0, result.stderr
            assert differences(preview.output, full) == [], f"after {what}:\n{preview.log()}"
    finally:
        preview.stop()
