"""Record texts for translators as gettext PO files, one per language (`translations/<lang>.po`).

Export: one entry per record text whose original is in another language; `msgctxt` is the project
and field path (`weopengov/goals[0]`), `msgid` the original, `msgstr` the translation (empty when
missing). A translation made from an earlier original is `#, fuzzy`, with that earlier original as
`#| msgid` (found in the git history of data/projects.yaml), as gettext's own msgmerge does.

Import: every translated, non-fuzzy entry is checked (context and original still exist, the same
schema validation as data/projects.yaml, the links kept) and only then written into
data/projects.yaml, value by value (`yaml_edit`), with data/translations.yaml recording the original
it now translates. The YAML stays the source of truth; the PO files are a way in and out.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import polib
import yaml
from babel import Locale
from babel.messages.plurals import get_plural

from microsite.problems import DataError, Problem
from microsite.records import load_projects
from microsite.schema import Project, localized_texts
from microsite.translation_sources import (
    Stamp,
    TranslationSources,
    dump_sources,
    fingerprint,
    load_sources,
    parse_field_path,
    translation_states,
)
from microsite.yaml_edit import Edit, EditFailed, apply_edits, verify_edits
from microsite.yaml_source import _LOADER, Path_, load_yaml

DATA_FILE = "data/projects.yaml"
SOURCES_FILE = "data/translations.yaml"
UNSAFE_SCHEME = re.compile(r"^\s*(javascript|vbscript|data|file):", re.I)
HISTORY_DEPTH = 200  # commits of data/projects.yaml searched for an earlier original
# Markdown link targets and bare web addresses: a translation must keep the original's.
LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)|<((?:https?|mailto|tel):[^>\s]+)>|(?<![(<])\bhttps?://[^\s)<>\]]+")


def po_path(source_dir: Path, lang: str) -> Path:
    return source_dir / "translations" / f"{lang}.po"


def english_name(lang: str) -> str:
    return Locale.parse(lang).get_display_name("en") or lang


def export_po(
    source_dir: Path, lang: str, now: dt.datetime, earlier: dict[tuple[str, str], str] | None = None
) -> polib.POFile:
    """The PO file of `lang`. `earlier`: previous originals by (project, field), else from git."""
    projects = load_projects(source_dir / DATA_FILE, DATA_FILE)
    sources = load_sources(source_dir / SOURCES_FILE, SOURCES_FILE)
    lines = load_yaml(source_dir / DATA_FILE, DATA_FILE)
    states = {(s.project, s.field): s for s in translation_states(projects, sources) if s.lang == lang}
    outdated = {key: sources.stamps[(*key, lang)].original for key, s in states.items() if s.state == "outdated"}
    if earlier is None:
        earlier = earlier_originals(source_dir, outdated)
    po = polib.POFile(wrapwidth=78)
    po.header = (
        f"Texts of the project records in {english_name(lang)} ({lang}), for translators.\n"
        f"Made by `make translations-export LANGUAGE={lang}`; brought back by"
        f" `make translations-import LANGUAGE={lang}`.\n"
        "data/projects.yaml is the source of truth: this file is only a way in and out."
    )
    stamp = now.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M+0000")
    po.metadata = {
        "Project-Id-Version": "microsite project records",
        "POT-Creation-Date": stamp,
        "PO-Revision-Date": stamp,
        "Last-Translator": "",  # the translator's tool fills these in
        "Language-Team": "",
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": get_plural(lang).plural_forms,
    }
    for index, project in enumerate(projects):
        if project.original_language == lang:
            continue
        original = project.original_language
        title = project.title if isinstance(project.title, str) else project.title[original]
        for path, texts in localized_texts(project):
            if not isinstance(texts, dict):
                continue
            line = lines.position(("projects", index, *parse_field_path(path), original))[0]
            notes = [f"Project: {title}", f"Translated from {english_name(original)} ({original})"]
            entry = polib.POEntry(
                msgctxt=f"{project.slug}/{path}",
                msgid=texts[original],
                msgstr=texts.get(lang, ""),
                occurrences=[(DATA_FILE, str(line))],
            )
            state = states.get((project.slug, path))
            if state:
                notes.append(f"Current translation: {state.method}")
            if state and state.state == "outdated":
                entry.flags.append("fuzzy")
                previous = earlier.get((project.slug, path))
                if previous is not None:  # as msgmerge writes it
                    entry.previous_msgctxt, entry.previous_msgid = entry.msgctxt, previous
                else:
                    notes.append("The original has changed since this was translated; the earlier original is lost.")
            entry.comment = "\n".join(notes)
            po.append(entry)
    return po


def earlier_originals(source_dir: Path, wanted: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
    """The original texts with the wanted fingerprints, from committed versions of the records."""
    found: dict[tuple[str, str], str] = {}
    if not wanted:
        return found
    git = ["git", "-C", str(source_dir)]
    log = subprocess.run(
        [*git, "log", f"-n{HISTORY_DEPTH}", "--format=%H", "--", DATA_FILE], capture_output=True, text=True, check=False
    )
    for commit in log.stdout.split() if log.returncode == 0 else []:
        shown = subprocess.run([*git, "show", f"{commit}:./{DATA_FILE}"], capture_output=True, check=False)
        try:
            data = yaml.load(shown.stdout.decode("utf-8"), Loader=_LOADER)
        except (yaml.YAMLError, UnicodeDecodeError):
            continue
        records = {r.get("slug"): r for r in (data or {}).get("projects") or [] if isinstance(r, dict)}
        for (slug, path), wanted_print in wanted.items():
            if (slug, path) in found or slug not in records:
                continue
            text = _value_at(records[slug], parse_field_path(path))
            if isinstance(text, dict):
                originals = [str(v) for v in text.values() if isinstance(v, str) and fingerprint(v) == wanted_print]
                if originals:
                    found[(slug, path)] = originals[0].strip()
        if len(found) == len(wanted):
            break
    return found


def _value_at(data: object, path: Path_) -> object:
    for part in path:
        if isinstance(data, list) and isinstance(part, int):
            data = data[part] if part < len(data) else None
        elif isinstance(data, dict):
            data = data.get(part)
        else:
            return None
    return data


@dataclass
class ImportResult:
    changed: list[str] = field(default_factory=list)  # contexts whose translation was written
    confirmed: int = 0  # entries whose translation stands as it is, now recorded as up to date
    fuzzy: int = 0
    untranslated: int = 0

    def summary(self, display: str) -> str:
        parts = [f"{len(self.changed)} translations changed", f"{self.confirmed} unchanged and up to date"]
        if self.fuzzy:
            parts.append(f"{self.fuzzy} fuzzy entries left out (not imported until the fuzzy mark is removed)")
        if self.untranslated:
            parts.append(f"{self.untranslated} untranslated")
        return f"{display}: " + "; ".join(parts) + "."


def import_po(source_dir: Path, lang: str, method: str | None = None) -> ImportResult:
    """Check the whole PO file, then write data/projects.yaml and data/translations.yaml.
    Raises DataError (nothing written) naming translations/<lang>.po:LINE for each problem."""
    display = f"translations/{lang}.po"
    data_file, sources_file = source_dir / DATA_FILE, source_dir / SOURCES_FILE
    projects = load_projects(data_file, DATA_FILE)  # the records must be valid before an import
    sources = load_sources(sources_file, SOURCES_FILE)
    po = _read_po(po_path(source_dir, lang), display, lang)
    raw = data_file.read_bytes().decode("utf-8")  # bytes as they are: line endings kept
    by_slug = {project.slug: (index, project) for index, project in enumerate(projects)}
    problems: list[Problem] = []
    edits: list[tuple[Edit, polib.POEntry]] = []
    new_stamps = dict(sources.stamps)
    result = ImportResult()
    declared: set[str] = set()
    for entry in po:
        if entry.obsolete:
            continue
        where = entry.linenum or 0
        found = _entry_text(entry, by_slug, lang)
        if isinstance(found, str):
            problems.append(Problem(display, where, 0, entry.msgctxt or "", found, _export_hint(lang)))
            continue
        index, project, path, texts = found
        if "fuzzy" in entry.flags:
            result.fuzzy += 1
            continue
        if not entry.msgstr.strip():
            result.untranslated += 1
            continue
        original = texts[project.original_language]
        if entry.msgid != original:
            problems.append(
                Problem(
                    display,
                    where,
                    0,
                    entry.msgctxt,
                    "the original text has changed in data/projects.yaml since this file was exported",
                    _export_hint(lang),
                )
            )
            continue
        translation = entry.msgstr.strip()
        links = _link_difference(original, translation)
        if links:
            problems.append(Problem(display, where, 0, entry.msgctxt, links, "copy the addresses from the msgid"))
        if lang not in project.translations and project.slug not in declared:
            if method is None:
                problems.append(
                    Problem(
                        display,
                        where,
                        0,
                        entry.msgctxt,
                        f"the project {project.slug!r} has no {lang} translation yet: say how this one was made",
                        f"import with METHOD=human (or human-reviewed, machine-assisted-unreviewed):"
                        f" make translations-import LANGUAGE={lang} METHOD=human",
                    )
                )
                continue
            declared.add(project.slug)
            edits.append((Edit(("projects", index, "translations", lang), method), entry))
        if texts.get(lang) != translation:
            edits.append((Edit(("projects", index, *parse_field_path(path), lang), translation), entry))
            result.changed.append(entry.msgctxt)
        else:
            result.confirmed += 1
        old = sources.stamps.get((project.slug, path, lang))
        recorded = method if method else (old.method if old else None)
        default = method if project.slug in declared else project.translations.get(lang)
        new_stamps[(project.slug, path, lang)] = Stamp(fingerprint(original), None if recorded == default else recorded)
    new_raw = raw
    if edits:  # also when some entries had problems, so that every problem is listed at once
        try:
            new_raw = apply_edits(raw, [edit for edit, _ in edits])
            verify_edits(raw, new_raw, [edit for edit, _ in edits])
        except EditFailed as err:
            raise DataError([Problem(DATA_FILE, 0, 0, "", f"the translations could not be written: {err}")]) from None
        problems += _validate(new_raw, edits, display)
    if problems:
        raise DataError(problems)
    new_sources = dump_sources(TranslationSources(new_stamps, tracked=True), projects)
    if new_raw != raw:
        _write(data_file, new_raw)
    if not sources_file.exists() or sources_file.read_text(encoding="utf-8") != new_sources:
        _write(sources_file, new_sources)
    return result


def _read_po(path: Path, display: str, lang: str) -> polib.POFile:
    if not path.exists():
        hint = f"export it first: make translations-export LANGUAGE={lang}"
        raise DataError([Problem(display, 0, 0, "", "the file does not exist", hint)])
    hint = "check the quotes and keywords on this line and the one before (Poedit or msgfmt --check say more)"
    try:
        # polib reads some broken lines silently (an unclosed quote loses a letter), so every line
        # is checked first
        line = _malformed_line(path.read_bytes().decode("utf-8"))
        if line:
            raise DataError(
                [Problem(display, line, 0, "", "the PO file cannot be read: a line is not well formed", hint)]
            )
        po = polib.pofile(str(path), check_for_duplicates=True, encoding="utf-8")
    except UnicodeDecodeError as err:
        line = path.read_bytes()[: err.start].count(b"\n") + 1
        raise DataError(
            [Problem(display, line, 0, "", "the file is not valid UTF-8 text", "save it as UTF-8")]
        ) from None
    except (OSError, ValueError) as err:
        match = re.search(r"\(line (\d+)\)", str(err))
        message = re.sub(r"^Syntax error in po file .*?\(line \d+\):?\s*", "", str(err)).strip()
        where = int(match.group(1)) if match else 0
        raise DataError(
            [Problem(display, where, 0, "", f"the PO file cannot be read: {message or 'syntax error'}", hint)]
        ) from None
    language = po.metadata.get("Language", lang)
    if language != lang:
        raise DataError([Problem(display, 1, 0, "", f"this file is for {language!r}, not {lang!r}")])
    return po


PO_LINE = re.compile(
    r'^(#.*|\s*|(msgctxt|msgid|msgid_plural|msgstr(\[\d+\])?)\s+"(\\.|[^"\\])*"\s*|"(\\.|[^"\\])*"\s*)$'
)


def _malformed_line(text: str) -> int:
    """The number of the first line that is neither a comment, a keyword with a quoted string,
    nor a quoted continuation; 0 when every line is well formed."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not PO_LINE.match(line):
            return number
    return 0


def _entry_text(
    entry: polib.POEntry, by_slug: dict[str, tuple[int, Project]], lang: str
) -> tuple[int, Project, str, dict[str, str]] | str:
    """The record text an entry is about, or why there is none."""
    slug, _, path = (entry.msgctxt or "").partition("/")
    if not entry.msgctxt or not path:
        return "this entry has no context (msgctxt) naming the project and field"
    if slug not in by_slug:
        return f"there is no project {slug!r} in data/projects.yaml any more"
    index, project = by_slug[slug]
    texts = dict(localized_texts(project)).get(path)
    if not isinstance(texts, dict):
        return f"the project {slug!r} has no text `{path}` any more"
    if project.original_language == lang:
        return f"`{path}` of {slug!r} is originally written in {lang}: it is not translated"
    return index, project, path, texts


def _export_hint(lang: str) -> str:
    return f"export a fresh file (make translations-export LANGUAGE={lang}) and copy your translation there"


def _link_difference(original: str, translation: str) -> str:
    def targets(text: str) -> list[str]:
        found = (next(group for group in match.groups() if group) for match in LINK_TARGET.finditer(text))
        return sorted(url for url in found if not UNSAFE_SCHEME.match(url))  # those the schema refuses

    expected, found = targets(original), targets(translation)
    if expected == found:
        return ""
    lost = [url for url in expected if url not in found]
    added = [url for url in found if url not in expected]
    said = [f"it lacks {', '.join(lost)}" if lost else "", f"it adds {', '.join(added)}" if added else ""]
    return "the translation's links differ from the original's: " + "; ".join(s for s in said if s)


def _validate(text: str, edits: list[tuple[Edit, polib.POEntry]], display: str) -> list[Problem]:
    """The edited records through the same schema as data/projects.yaml; a problem in an
    imported value is reported at its PO entry."""
    with tempfile.TemporaryDirectory() as folder:
        candidate = Path(folder) / "projects.yaml"
        candidate.write_text(text, encoding="utf-8", newline="")
        try:
            load_projects(candidate, DATA_FILE)
        except DataError as err:
            return [_at_entry(problem, edits, display) for problem in err.problems]
    return []


def _at_entry(problem: Problem, edits: list[tuple[Edit, polib.POEntry]], display: str) -> Problem:
    for edit, entry in edits:
        dotted = _dotted(edit.path)
        if problem.field == dotted or problem.field.startswith(dotted + "."):
            return Problem(display, entry.linenum or 0, 0, entry.msgctxt, problem.message, problem.hint)
    return problem


def _dotted(path: Path_) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _write(path: Path, text: str) -> None:
    """All or nothing: a reader never sees a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(text.encode("utf-8"))
    os.replace(temporary, path)
