"""Build into a temporary folder and replace the published `site/` only when the build succeeded,
so a mistake never removes or half-overwrites the last good site.

With `jobs` > 1 the languages are split into groups and each group is built by its own MkDocs
process (MICROSITE_LANGUAGES, read by hooks/site_hooks.py), side by side; the group with the first
language also writes the root. Each language folder comes out exactly as in a whole build (the
alternates, the switcher and the sitemaps name every language either way), so assembling the site
is moving the folders together."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from microsite.languages import LANGUAGES


def language_groups(jobs: int) -> list[tuple[str, ...]]:
    """The languages split into `jobs` groups in site order, sizes differing by at most one."""
    jobs = max(1, min(jobs, len(LANGUAGES)))
    bounds = [round(i * len(LANGUAGES) / jobs) for i in range(jobs + 1)]
    return [LANGUAGES[bounds[i] : bounds[i + 1]] for i in range(jobs)]


def build_site(site_folder: Path, output: Path, mkdocs_args: list[str] | None = None, jobs: int = 1) -> int:
    output = output if output.is_absolute() else site_folder / output
    partial = output.with_name(output.name + ".partial")
    previous = output.with_name(output.name + ".previous")
    parallel = output.with_name(output.name + ".parallel")
    for leftover in (partial, previous, parallel):
        shutil.rmtree(leftover, ignore_errors=True)
    started = time.monotonic()
    groups = language_groups(jobs)
    if len(groups) == 1:
        ok = _run_mkdocs(site_folder, partial, mkdocs_args or []) == 0
    else:
        ok = _build_groups(site_folder, parallel, mkdocs_args or [], groups)
        if ok:
            _assemble(parallel, groups, partial)
        shutil.rmtree(parallel, ignore_errors=True)
    if not ok:
        shutil.rmtree(partial, ignore_errors=True)
        kept = f"the last good site in {output} was kept as it was" if output.exists() else "nothing was published"
        print(f"\nThe build failed (see the messages above); {kept}.", file=sys.stderr)
        return 1
    if output.exists():
        output.rename(previous)
    partial.rename(output)
    shutil.rmtree(previous, ignore_errors=True)
    how = f" ({len(groups)} processes in parallel)" if len(groups) > 1 else ""
    print(f"The site is in {output}; built in {time.monotonic() - started:.1f} s{how}.")
    return 0


def _environment(languages: tuple[str, ...] = ()) -> dict[str, str]:
    # A published build has every language, even if MICROSITE_LANGUAGES was left set for a preview.
    env = {key: value for key, value in os.environ.items() if key != "MICROSITE_LANGUAGES"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    if languages:
        env["MICROSITE_LANGUAGES"] = ",".join(languages)
    return env


def _run_mkdocs(site_folder: Path, site_dir: Path, args: list[str]) -> int:
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir), *args]
    return subprocess.run(command, cwd=site_folder, env=_environment(), check=False).returncode


def _build_groups(site_folder: Path, parallel: Path, args: list[str], groups: list[tuple[str, ...]]) -> bool:
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
                [*command, *site_dir], cwd=site_folder, env=env, stdout=log, stderr=subprocess.STDOUT
            )
            running.append((group, process, log))
        shown: set[str] = set()
        ok = True
        for group, process, log in running:
            ok = process.wait() == 0 and ok
            log.seek(0)
            text = log.read()
            log.close()
            if text not in shown:
                shown.add(text)
                print(f"--- {', '.join(group)} ---\n{text}", end="", file=sys.stderr)
    return ok


def _assemble(parallel: Path, groups: list[tuple[str, ...]], partial: Path) -> None:
    """The first group's output (the root and its languages) plus the other groups' language folders."""
    (parallel / "0").rename(partial)
    for number, group in enumerate(groups[1:], start=1):
        for lang in group:
            (parallel / str(number) / lang).rename(partial / lang)
