"""Stage the pages MkDocs reads: what people wrote in `content/` plus the pages made from records.

mkdocs-static-i18n re-reads every page from `docs_dir` by its path and drops pages that live
anywhere else, so generated pages cannot stay in memory: they are written, together with a copy
of `content/`, into a git-ignored folder that becomes `docs_dir`. Only changed files are written,
so `mkdocs serve` (which watches that folder) does not rebuild in a loop.
"""

from __future__ import annotations

import shutil
from pathlib import Path


def stage(
    stage_dir: Path,
    content_dir: Path,
    generated: dict[str, str],
    left_out: tuple[str, ...] = (),
    planned: set[str] | None = None,
) -> list[str]:
    """Make `stage_dir` hold exactly content/ overlaid with `generated`; return what changed.

    `left_out`: top folders of content/ not to copy (the languages another process builds).
    `planned`: the paths the output plan allows (outputs.OutputPlan.sources); a generated file
    outside it is a writer the plan does not know, which could overwrite another file unseen."""
    unplanned = sorted(set(generated) - planned) if planned is not None else []
    if unplanned:
        raise RuntimeError(f"not in the output plan (src/microsite/pages.py): {', '.join(unplanned)}")
    wanted: dict[str, bytes | Path] = {}
    for path in sorted(content_dir.rglob("*")):
        inside = path.relative_to(content_dir)
        if path.is_file() and not path.name.startswith(".") and inside.parts[0] not in left_out:
            wanted[inside.as_posix()] = path
    for relative, text in generated.items():
        wanted[relative] = text.encode("utf-8")

    changed = []
    for relative, source in wanted.items():
        target = stage_dir / relative
        data = source.read_bytes() if isinstance(source, Path) else source
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        changed.append(relative)

    if stage_dir.exists():
        for path in sorted(stage_dir.rglob("*"), reverse=True):
            relative = path.relative_to(stage_dir).as_posix()
            if path.is_file() and relative not in wanted:
                path.unlink()
                changed.append(relative)
            elif path.is_dir() and not any(path.iterdir()):
                shutil.rmtree(path)
    return changed
