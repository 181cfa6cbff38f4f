"""`microsite check` validates data and content in seconds; `microsite check-links` checks a built site."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from microsite.languages import LANGUAGES
from microsite.linkcheck import check_site, missing_outputs
from microsite.new_language import new_language
from microsite.open_data import funders_schema, projects_schema
from microsite.problems import DataError
from microsite.records import load_projects
from microsite.safe_build import build_site
from microsite.scaffold import new_project
from microsite.site import SitePaths, prepare_site, settings_from_config_file
from microsite.translation_status import status_table, translation_status


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
    status = commands.add_parser("translation-status", help="show which text is original, translated or missing")
    status.add_argument("site", nargs="?", default=".", type=Path, help="the site folder (default: here)")
    links = commands.add_parser("check-links", help="check every link and anchor of a built site")
    links.add_argument("site_dir", nargs="?", default=Path("site"), type=Path)
    links.add_argument("--site-url", default="http://127.0.0.1:8000/")
    links.add_argument("--source", default=Path("."), type=Path, help="the site folder it was built from")
    args = parser.parse_args(argv)

    if args.command == "check":
        try:
            site = prepare_site(settings_from_config_file(args.site.resolve()))  # both may raise DataError
        except DataError as err:
            print(err.report(), file=sys.stderr)
            return 1
        print(f"OK: {len(site.projects)} projects, {len(site.pages)} generated pages, no problems found.")
        return 0
    if args.command == "new-project":
        try:
            print(new_project(SitePaths(Path(".").resolve()).data_file, args.slug, args.language))
        except ValueError as err:
            print(f"Nothing was added: {err}", file=sys.stderr)
            return 1
        return 0
    if args.command == "new-language":
        try:
            written = new_language(args.site.resolve(), args.code)
        except ValueError as err:
            print(f"Nothing was added: {err}", file=sys.stderr)
            return 1
        print("\n".join(["Added:", *(f"  {path}" for path in written)]))
        print(f"Now translate locales/{args.code}/LC_MESSAGES/messages.po and the pages in content/{args.code}/.")
        return 0
    if args.command == "build":
        return build_site(Path(".").resolve(), args.site_dir, jobs=args.jobs)
    if args.command == "schema":
        args.folder.mkdir(parents=True, exist_ok=True)
        for name, text in (("projects.schema.json", projects_schema()), ("funders.schema.json", funders_schema())):
            (args.folder / name).write_text(text, encoding="utf-8")
            print(f"wrote {args.folder / name}")
        return 0
    if args.command == "translation-status":
        projects = load_projects(SitePaths(args.site.resolve()).data_file, "data/projects.yaml")
        print(status_table(translation_status(projects, LANGUAGES), LANGUAGES))
        return 0
    try:  # the site's output plan, to find files the build should have written
        planned = sorted(prepare_site(settings_from_config_file(args.source.resolve())).outputs.claims)
    except DataError as err:
        print(err.report(), file=sys.stderr)
        return 1
    errors = missing_outputs(args.site_dir, planned) + check_site(args.site_dir, args.site_url)
    for error in errors:
        print(error, file=sys.stderr)
    print(f"{len(errors)} broken links" if errors else "OK: every link, anchor and file resolves.")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
