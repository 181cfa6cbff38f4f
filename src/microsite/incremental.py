"""The preview's fast rebuild: after a save only what the edit changes is rebuilt, and the output is the
same, byte for byte, as a full build (tests/test_incremental.py checks it after a sequence of edits).

`make serve` runs `mkdocs serve --dirty`: MkDocs then re-renders only the pages whose staged Markdown
is newer than their output, and staging rewrites only the pages whose text changed (a record's own
pages, the lists and exports that show it). What that alone would get wrong, and what is done here:

- something every page shows changed (mkdocs.yml, the page shell in overrides/, the catalogs, the
  problem banner, the languages built): every staged file is touched, so every page is rebuilt;
- a page's versions in other languages changed (its alternates and language switcher): its staged
  file is touched;
- a page was removed: its output is deleted (a dirty build never deletes anything);
- a navigation page's title changed (the menu and breadcrumbs of every page): the hook rebuilds
  every page of that language (`NavTitles`; MkDocs does not read the pages it skips, so it would
  show no title for them);
- the search index and the minified script are made again from the rebuilt pages only (search.shards).

Python's cycle collector is paused while a rebuild prepares the site (`collector_paused_once`), and
what the first build keeps is set aside from it (`set_aside_what_the_first_build_made`).
"""

from __future__ import annotations

import gc
import hashlib
import os
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from microsite.pages import output_of
from microsite.yaml_source import collector_paused


def files_under(folder: Path) -> dict[str, int]:
    """Every file below `folder` (relative POSIX path) with its modification time in nanoseconds."""
    if not folder.is_dir():
        return {}
    found = {}
    for root, _dirs, names in os.walk(folder):
        for name in names:
            path = Path(root, name)
            found[path.relative_to(folder).as_posix()] = path.stat().st_mtime_ns
    return found


def digest(*parts: object) -> str:
    """A short fingerprint of anything with a stable repr (file listings, texts, flags)."""
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=16).hexdigest()


def folder_contents(folders: Iterable[Path | None]) -> str:
    """A fingerprint of the bytes of every file in these folders (templates, catalogs: small)."""
    hasher = hashlib.blake2b(digest_size=16)
    for folder in folders:
        if folder is None or not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                hasher.update(path.as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return hasher.hexdigest()


def touch(stage_dir: Path, relative_paths: Iterable[str]) -> None:
    """Make these staged files newer than their outputs, so that a dirty build rebuilds them."""
    for relative in relative_paths:
        path = stage_dir / relative
        if path.is_file():
            os.utime(path)


def remove_outputs(site_dir: Path, sources: Iterable[str]) -> None:
    """Delete the outputs of staged files that no longer exist, and the folders they leave empty."""
    for source in sources:
        output = site_dir / output_of(source)
        if output.is_file():
            output.unlink()
        folder = output.parent
        while folder != site_dir and folder.is_dir() and not any(folder.iterdir()):
            shutil.rmtree(folder)
            folder = folder.parent


def remove_unwritten(site_dir: Path, name: str, written: Iterable[Path]) -> None:
    """Delete the files called `name` (the folders' sitemaps) that this build did not write."""
    keep = {path.resolve() for path in written}
    for path in site_dir.rglob(name):
        if path.resolve() not in keep:
            path.unlink()


@dataclass
class StagedChanges:
    """What one preparation of the site changed in the staging folder."""

    removed: list[str] = field(default_factory=list)
    rebuild_all: bool = False
    changed: set[str] = field(default_factory=set)  # written, touched or removed

    def languages(self, languages: Iterable[str]) -> list[str]:
        """The languages with a changed file: only their builds have anything to do."""
        tops = {path.split("/", 1)[0] for path in self.changed}
        return [lang for lang in languages if lang in tops]


@dataclass
class Incremental:
    """What the preview remembers between rebuilds to rebuild only what changed."""

    shown_everywhere: str | None = None  # fingerprint of what every page shows, at the last build
    versions: dict[str, dict[str, str]] = field(default_factory=dict)  # each page's language versions
    staged_before: dict[str, int] = field(default_factory=dict)  # staged files and their times
    pending_removals: list[str] = field(default_factory=list)  # outputs to delete after this rebuild

    def before_staging(self, stage_dir: Path) -> None:
        self.staged_before = files_under(stage_dir)

    def after_staging(
        self, stage_dir: Path, shown_everywhere: str, versions: dict[str, dict[str, str]]
    ) -> StagedChanges:
        """Touch what a dirty build would otherwise leave stale; note the outputs to delete."""
        staged = files_under(stage_dir)
        changes = StagedChanges(removed=sorted(set(self.staged_before) - set(staged)))
        changes.rebuild_all = shown_everywhere != self.shown_everywhere
        if changes.rebuild_all:
            touched = list(staged)
        else:
            touched = [page for page, urls in versions.items() if self.versions.get(page) != urls and page in staged]
        touch(stage_dir, touched)
        # only the touched files' times changed: no second walk through the staging folder
        before, after = self.staged_before, staged | {path: (stage_dir / path).stat().st_mtime_ns for path in touched}
        changes.changed = set(changes.removed) | {path for path, stamp in after.items() if before.get(path) != stamp}
        self.shown_everywhere, self.versions, self.staged_before = shown_everywhere, versions, after
        self.pending_removals += changes.removed
        return changes

    def forget(self) -> None:
        """After a failed build, whose languages may be half written: the next one rebuilds everything."""
        self.shown_everywhere = None

    def remove_stale_outputs(self, site_dir: Path) -> None:
        remove_outputs(site_dir, self.pending_removals)
        self.pending_removals = []


@dataclass
class NavTitles:
    """The titles of each language's navigation pages at its last build. A dirty build does not read
    the pages it skips, so their titles are given back from here (menu, breadcrumbs); a title that
    changed means every page of the language must be rebuilt."""

    titles: dict[str, dict[str, str | None]] = field(default_factory=dict)

    def settle(self, lang: str, read: dict[str, str | None], unread: Iterable[str]) -> dict[str, str | None] | None:
        """`read`: the nav pages this build has read, with their titles; `unread`: those it skipped.
        Returns the titles of the skipped pages, or None when every page must be rebuilt."""
        known = self.titles.setdefault(lang, {})
        skipped = list(unread)
        changed = any(known.get(page, "\0unknown") != title for page, title in read.items())
        missing = any(page not in known for page in skipped)
        known.update(read)
        if changed or missing:
            return None
        return {page: known[page] for page in skipped}


def preview_build_epoch(now: float) -> str:
    """The preview's build date: the start of the current day (UTC), not the second of the save. The
    calendar files are stamped with the build date: with the second, every save would change every
    calendar file; the day still decides which events are upcoming, as a full build's date does."""
    return str(int(now // 86_400 * 86_400))


@contextmanager
def collector_paused_once() -> Iterator[None]:
    """The cycle collector paused while a rebuild prepares the site, then run once over what it made.
    Otherwise it scans, again and again, the records read and the caches kept (a quarter of a save's
    time at 100 projects); a rebuild makes few objects that outlive it, so the one pass is short."""
    with collector_paused():
        yield
    gc.collect(0)  # the youngest generation: all made while paused (and frees its reference cycles)


def set_aside_what_the_first_build_made() -> None:
    """After the preview's first build: what it keeps (records, caches, compiled templates) is set
    aside from the cycle collector for good (gc.freeze). Otherwise the first saves each pay for a
    full collection over all of it (half a second at 100 projects), which later saves no longer do."""
    gc.collect()
    gc.freeze()
