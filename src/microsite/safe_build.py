"""Build into a temporary folder and replace the published `site/` only when the build succeeded,
so a mistake never removes or half-overwrites the last good site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def build_site(site_folder: Path, output: Path, mkdocs_args: list[str] | None = None) -> int:
    output = output if output.is_absolute() else site_folder / output
    partial = output.with_name(output.name + ".partial")
    previous = output.with_name(output.name + ".previous")
    for leftover in (partial, previous):
        shutil.rmtree(leftover, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(partial), *(mkdocs_args or [])]
    result = subprocess.run(command, cwd=site_folder, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=False)
    if result.returncode != 0:
        shutil.rmtree(partial, ignore_errors=True)
        kept = f"the last good site in {output} was kept as it was" if output.exists() else "nothing was published"
        print(f"\nThe build failed (see the messages above); {kept}.", file=sys.stderr)
        return result.returncode
    if output.exists():
        output.rename(previous)
    partial.rename(output)
    shutil.rmtree(previous, ignore_errors=True)
    print(f"The site is in {output}.")
    return 0
