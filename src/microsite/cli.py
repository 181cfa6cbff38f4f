"""`microsite check` validates data and content in seconds; `microsite check-links` checks a built site."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import NoReturn

from microsite.languages import LANGUAGES
from microsite.problems import DataError
from microsite.records import load_projects
from microsite.settings import SitePaths, settings_from_config_file
from microsite.site import build_date, check_inputs
from microsite.translation_sources import (
    METHODS,
    dump_sources,
    load_sources,
    outdated_report,
    stamp_translations,
    translation_states,
)
from microsite.translation_status import content_pages, content_table, status_table, translation_status
from microsite.yaml_source import collector_paused


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="microsite")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate data/ and content/ without building")
    check.add_argument("site", nargs="?", default=".", type=Path, help="the site folder (default: here)")
    schema = commands.add_parser("schema", help="write the JSON Schema of the records (for editors' autocompletion)")
    schema.add_argument("folder", nargs="?", default=Path("schema"), type=Path)
    new = commands.add_parser("new-project", help="add a new project record with every required field")
    new.add_argument("slug")
    new.add_argument("language", help="the language of the source: el, bg, ka or pl")
    language = commands.add_parser("new-language", help="add a language: mkdocs.yml's list, locales/xx/, content/xx/")
    language.add_argument("code", help="the language's code, e.g. ro (any language Babel/CLDR knows)")
    language.add_argument("site", nargs="?", default=".", type=Path, help="the site folder (default: here)")
    build = commands.add_parser("build", help="build the site; replace site/ only when the build succeeds")
    build.add_argument("--site-dir", default=Path("site"), type=Path)
    build.add_argument(
        "--jobs", type=int, default=1, help="build the languages in this many processes at once (1 to 4; default 1)"
    )
    build.add_argument(
        "--precompress", action="store_true", help="also write .gz and .br copies of the text files (for hosts)"
    )
    status = commands.add_parser("translation-status", help="show which text is original, translated or missing")
    status.add_argument("site", nargs="?", default=".", type=Path, help="the site folder (default: here)")
    export = commands.add_parser("translations-export", help="write translations/<lang>.po for translators")
    export.add_argument("language")
    export.add_argument("site", nargs="?", default=".", type=Path, help="the site folder (default: here)")
    imported = commands.add_parser("translations-import", help="read translations/<lang>.po into data/projects.yaml")
    imported.add_argument("language")
    imported.add_argument("site", nargs="?", default=".", type=Path, help="the site folder (default: here)")
    imported.add_argument("--method", choices=METHODS, help="record how the imported translations were made")
    stamp = commands.add_parser("translations-stamp", help="record translations as made from the current original")
    stamp.add_argument("site", nargs="?", default=".", type=Path, help="the site folder (default: here)")
    stamp.add_argument("--project", help="all translations of this project (its slug) are up to date")
    stamp.add_argument("--language", help="all translations into this language are up to date")
    links = commands.add_parser("check-links", help="check every link and anchor of a built site")
    links.add_argument("site_dir", nargs="?", default=Path("site"), type=Path)
    links.add_argument("--site-url", default="http://127.0.0.1:8000/")
    links.add_argument("--source", default=Path("."), type=Path, help="the site folder it was built from")
    args = parser.parse_args(argv)

    if args.command == "check":
        # the cycle collector would rescan the million values of a large records file at every pause
        # (a fifth of the time) and find nothing (reading makes no cycles); on again when a test's
        # main() returns
        with collector_paused():
            return check_command(args.site, leave_at_end=argv is None)
    # What the other commands need is imported where they start: `check` is the one an editor waits for.
    if args.command == "new-project":
        from microsite.scaffold import new_project

        try:
            print(new_project(SitePaths(Path(".").resolve()).data_file, args.slug, args.language))
        except ValueError as err:
            print(f"Nothing was added: {err}", file=sys.stderr)
            return 1
        return 0
    if args.command == "new-language":
        from microsite.new_language import new_language

        try:
            written = new_language(args.site.resolve(), args.code)
        except ValueError as err:
            print(f"Nothing was added: {err}", file=sys.stderr)
            return 1
        print("\n".join(["Added:", *(f"  {path}" for path in written)]))
        print(f"Now translate locales/{args.code}/LC_MESSAGES/messages.po and the pages in content/{args.code}/.")
        return 0
    if args.command == "build":
        from microsite.safe_build import build_site

        return build_site(Path(".").resolve(), args.site_dir, jobs=args.jobs, compressed=args.precompress)
    if args.command == "schema":
        from microsite.open_data import funders_schema, projects_schema

        args.folder.mkdir(parents=True, exist_ok=True)
        for name, text in (("projects.schema.json", projects_schema()), ("funders.schema.json", funders_schema())):
            (args.folder / name).write_text(text, encoding="utf-8")
            print(f"wrote {args.folder / name}")
        return 0
    if args.command.startswith("translations-"):
        return translations_command(args)
    if args.command == "translation-status":
        projects = load_projects(SitePaths(args.site.resolve()).data_file, "data/projects.yaml")
        source_dir = args.site.resolve()
        sources = load_sources(SitePaths(source_dir).translations_file, "data/translations.yaml")
        print(content_table(content_pages(SitePaths(source_dir).content_dir, LANGUAGES), LANGUAGES).lstrip("\n") + "\n")
        print(status_table(translation_status(projects, LANGUAGES, translation_states(projects, sources)), LANGUAGES))
        return 0
    from microsite.linkcheck import check_site, missing_outputs

    try:  # the site's output plan, to find files the build should have written
        planned = sorted(check_inputs(settings_from_config_file(args.source.resolve()))[0].outputs.claims)
    except DataError as err:
        print(err.report(), file=sys.stderr)
        return 1
    errors = missing_outputs(args.site_dir, planned) + check_site(args.site_dir, args.site_url)
    for error in errors:
        print(error, file=sys.stderr)
    print(f"{len(errors)} broken links" if errors else "OK: every link, anchor and file resolves.")
    return 1 if errors else 0


def check_command(site_folder: Path, leave_at_end: bool) -> int:
    """`microsite check`: every problem of the inputs, listed at once; nothing is rendered."""
    try:
        # an outdated translation is listed, never an error here, whatever the build is told
        settings = replace(settings_from_config_file(site_folder.resolve()), refuse_outdated=False)
        site, _ = check_inputs(settings)  # both may raise DataError; nothing is rendered
    except DataError as err:
        print(err.report(), file=sys.stderr)
        return 1
    outdated = outdated_report(site.text_states)
    if outdated:
        print("Outdated translations (the site shows them with a notice; see README, For translators):")
        print("\n".join(f"  {line}" for line in outdated))
    unrecorded = sum(state.state == "unrecorded" for state in site.text_states)
    if unrecorded and settings.translations_file.exists():
        print(
            f"{unrecorded} {'translation has' if unrecorded == 1 else 'translations have'} no recorded original"
            " yet, so a later change of the original"
            " would go unnoticed: `make translations-stamp` records them"
        )
    generated = site.outputs.generated()
    print(f"OK: {len(site.projects)} projects, {generated} pages and files to generate, no problems found.")
    if leave_at_end:  # the command itself, not a test calling main()
        leave_now(0)
    return 0


def leave_now(code: int) -> NoReturn:
    """End the process without freeing what it made one object at a time: the values and records of
    a large file take a third of a second to free, for a process that ends anyway (as mypy does)."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def translations_command(args: argparse.Namespace) -> int:
    from microsite.po_files import export_po, import_po, po_path

    source_dir = args.site.resolve()
    try:
        if args.command == "translations-export":
            if args.language not in LANGUAGES:
                raise ValueError(f"LANGUAGE must be one of {', '.join(LANGUAGES)} (found {args.language!r})")
            po = export_po(source_dir, args.language, build_date())
            target = po_path(source_dir, args.language)
            target.parent.mkdir(parents=True, exist_ok=True)
            po.save(str(target))
            untranslated, fuzzy = len(po.untranslated_entries()), len(po.fuzzy_entries())
            print(
                f"wrote translations/{args.language}.po: {len(po)} texts, {untranslated} untranslated,"
                f" {fuzzy} outdated (fuzzy)"
            )
            return 0
        if args.command == "translations-import":
            if args.language not in LANGUAGES:
                raise ValueError(f"LANGUAGE must be one of {', '.join(LANGUAGES)} (found {args.language!r})")
            result = import_po(source_dir, args.language, args.method)
            print(result.summary(f"translations/{args.language}.po"))
            return 0
        projects = load_projects(SitePaths(source_dir).data_file, "data/projects.yaml")
        paths = SitePaths(source_dir)
        sources = load_sources(paths.translations_file, "data/translations.yaml")
        stamped, changed = stamp_translations(projects, sources, args.project, args.language)
        paths.translations_file.write_text(dump_sources(stamped, projects), encoding="utf-8")
        print(f"data/translations.yaml: {changed} entries recorded or removed, {len(stamped.stamps)} in all")
        return 0
    except DataError as err:
        print(err.report().replace(" found:", " found; nothing was written:", 1), file=sys.stderr)
    except ValueError as err:
        print(f"Nothing was written: {err}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
