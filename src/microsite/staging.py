"""Stage the pages MkDocs reads: what people wrote in `content/` plus the pages made from records.

mkdocs-static-i18n re-reads every page from `docs_dir` by its path and drops pages that live
anywhere else, so generated pages cannot stay in memory: they are written, together with a copy
of `content/`, into a git-ignored folder that becomes `docs_dir` (each language's build sees it
through `language_view`). Only changed files are written, so that the preview's dirty build
rebuilds only the pages whose text changed.
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


def language_view(stage_dir: Path, language: str, languages: tuple[str, ...]) -> Path:
    """A folder that shows one language's build only what it uses of `stage_dir`: its own language
    folder and the files outside every language folder (`language` "": the root's build, which uses
    none of the language folders), each as a link into `stage_dir`.

    MkDocs lists and sorts every file of docs_dir in every build, and static-i18n then drops those of
    the other languages: at 100 projects that is five times 950 files per run, a sixth of a preview's
    rebuild. The view makes the same list of files, so the output is the same."""
    others = {lang for lang in languages if lang != language}
    view = stage_dir.parent / f"{stage_dir.name}-views" / (language or "root")
    view.mkdir(parents=True, exist_ok=True)
    wanted = (
        {entry.name: entry for entry in stage_dir.iterdir() if entry.name not in others} if stage_dir.is_dir() else {}
    )
    for link in view.iterdir():
        if link.name not in wanted or not link.is_symlink() or link.readlink() != wanted[link.name]:
            link.unlink() if link.is_symlink() or link.is_file() else shutil.rmtree(link)
    for name, entry in wanted.items():
        if not (view / name).is_symlink():
            (view / name).symlink_to(entry, target_is_directory=entry.is_dir())
    return view
