"""Build into a temporary folder and replace the published `site/` only when the build succeeded,
so a mistake never removes or half-overwrites the last good site.

With `jobs` > 1 the languages are split into groups and each group is built by its own MkDocs
process (MICROSITE_LANGUAGES, read by hooks/site_hooks.py), side by side; the group with the first
language also writes the root. Each language folder comes out exactly as in a whole build (the
alternates, the switcher and the sitemaps name every language either way), so assembling the site
is moving the folders together.

One build at a time per site folder: a second `microsite build` waits for the first (a lock on
build/build.lock), since both would stage into the same build/pages/. Each build's temporary
folders carry its process id, so nothing one build makes is removed by another."""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from microsite.languages import LANGUAGES
from microsite.precompress import precompress


def language_groups(jobs: int) -> list[tuple[str, ...]]:
    """The languages split into `jobs` groups in site order, sizes differing by at most one."""
    jobs = max(1, min(jobs, len(LANGUAGES)))
    bounds = [round(i * len(LANGUAGES) / jobs) for i in range(jobs + 1)]
    return [LANGUAGES[bounds[i] : bounds[i + 1]] for i in range(jobs)]


@contextlib.contextmanager
def build_lock(source_dir: Path) -> Iterator[None]:
    """Hold the site folder's build lock; wait, saying so, while another build holds it.

    An OS file lock (flock): released by the kernel when its process ends, even when killed."""
    lock_file = source_dir / "build" / "build.lock"
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_file, "a+", encoding="utf-8") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().strip() or "another process"
            print(
                f"Another build of this folder is running ({holder}); this one waits for it to finish.",
                file=sys.stderr,
                flush=True,
            )
            fcntl.flock(lock, fcntl.LOCK_EX)
        lock.truncate(0)
        lock.write(f"process {os.getpid()}, started {time.strftime('%H:%M:%S')}\n")
        lock.flush()
        try:
            yield
        finally:
            lock.truncate(0)
            fcntl.flock(lock, fcntl.LOCK_UN)


def build_site(
    source_dir: Path, output: Path, mkdocs_args: list[str] | None = None, jobs: int = 1, compressed: bool = False
) -> int:
    output = output if output.is_absolute() else source_dir / output
    with build_lock(source_dir):
        return _build_locked(source_dir, output, mkdocs_args or [], jobs, compressed)


def _build_locked(source_dir: Path, output: Path, mkdocs_args: list[str], jobs: int, compressed: bool) -> int:
    output.parent.mkdir(parents=True, exist_ok=True)
    _clean_leftovers(output)
    tag = f".{os.getpid()}"  # this process's own temporary folders
    partial = output.with_name(output.name + ".partial" + tag)
    previous = output.with_name(output.name + ".previous" + tag)
    parallel = output.with_name(output.name + ".parallel" + tag)
    started = time.monotonic()
    groups = language_groups(jobs)
    if len(groups) == 1:
        ok = _run_mkdocs(source_dir, partial, mkdocs_args) == 0
    else:
        ok = _build_groups(source_dir, parallel, mkdocs_args, groups)
        if ok:
            _assemble(parallel, groups, partial)
        shutil.rmtree(parallel, ignore_errors=True)
    if not ok:
        shutil.rmtree(partial, ignore_errors=True)
        kept = f"the last good site in {output} was kept as it was" if output.exists() else f"{output} was not written"
        print(f"The build failed (see above); {kept}.", file=sys.stderr)
        return 1
    if compressed:  # .gz and .br copies of the text files, for hosts that serve them
        precompress(partial)
    if output.exists():
        output.rename(previous)
    partial.rename(output)
    shutil.rmtree(previous, ignore_errors=True)
    how = f", {len(groups)} processes in parallel" if len(groups) > 1 else ""
    print(f"The site is in {output.name}/ ({time.monotonic() - started:.1f} s in all{how}).")
    return 0


def _clean_leftovers(output: Path) -> None:
    """Remove what a killed build left (the lock is held: no other build is using them); if one was
    killed between moving the old site away and the new one in, the old site comes back."""
    kinds = ("partial", "previous", "parallel")
    leftovers = [
        path
        for path in sorted(output.parent.glob(f"{output.name}.*"))
        if any(path.name == f"{output.name}.{kind}" or path.name.startswith(f"{output.name}.{kind}.") for kind in kinds)
    ]
    previous = [path for path in leftovers if path.name.startswith(f"{output.name}.previous")]
    if not output.exists() and previous:
        previous[0].rename(output)
        leftovers.remove(previous[0])
    for path in leftovers:
        shutil.rmtree(path, ignore_errors=True)


def _environment(languages: tuple[str, ...] = ()) -> dict[str, str]:
    # A published build has every language, even if MICROSITE_LANGUAGES was left set for a preview.
    env = {key: value for key, value in os.environ.items() if key != "MICROSITE_LANGUAGES"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    if languages:
        env["MICROSITE_LANGUAGES"] = ",".join(languages)
    return env


def _run_mkdocs(source_dir: Path, site_dir: Path, args: list[str]) -> int:
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir), *args]
    return subprocess.run(command, cwd=source_dir, env=_environment(), check=False).returncode


def _build_groups(source_dir: Path, parallel: Path, args: list[str], groups: list[tuple[str, ...]]) -> bool:
    """Run one MkDocs process per group at once; print each one's messages (a problem in the data
    is reported by every group in the same words: it is printed once)."""
    command = [sys.executable, "-m", "mkdocs", "build", *args]
    with tempfile.TemporaryDirectory() as logs:
        running = []
        for number, group in enumerate(groups):
            log = open(Path(logs) / f"{number}.log", "w+", encoding="utf-8")  # noqa: SIM115 (closed below)
            env = _environment(group)
            site_dir = ["--site-dir", str(parallel / str(number))]
            process = subprocess.Popen(
                [*command, *site_dir], cwd=source_dir, env=env, stdout=log, stderr=subprocess.STDOUT
            )
            running.append((group, process, log))
        shown: set[str] = set()
        ok = True
        for _group, process, log in running:
            ok = process.wait() == 0 and ok
            log.seek(0)
            text = log.read()
            log.close()
            if text not in shown:  # each line names its languages (microsite.terminal.build_summary)
                shown.add(text)
                print(text, end="", file=sys.stderr)
    return ok


def _assemble(parallel: Path, groups: list[tuple[str, ...]], partial: Path) -> None:
    """The first group's output (the root and its languages) plus the other groups' language folders."""
    (parallel / "0").rename(partial)
    for number, group in enumerate(groups[1:], start=1):
        for lang in group:
            (parallel / str(number) / lang).rename(partial / lang)
