"""One site's settings: where its files are (SitePaths), read from mkdocs.yml with or without MkDocs,
and which languages a build makes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from microsite.languages import LANGUAGES, languages_of, read_config
from microsite.problems import DataError, Problem

REPO_DIR = Path(__file__).resolve().parents[2]


@dataclass(frozen=True, eq=False)
class SitePaths:
    """Where one site's files are. A site is a folder with content/ and data/ (the repo itself,
    or a test fixture); templates and catalogs are shared."""

    # the site's SOURCE folder (mkdocs.yml, content/, data/; the repository or a fixture), never the
    # built site: that is MkDocs' `site_dir`
    source_dir: Path
    site_url: str = ""
    data_licence: str | None = None  # from mkdocs.yml extra.open_data; None: not chosen yet
    data_licence_url: str | None = None
    accessibility: dict[str, Any] = field(default_factory=dict)  # mkdocs.yml extra.accessibility
    # mkdocs.yml extra.translations.refuse_outdated: stop while a translation is older than its original
    refuse_outdated: bool = False
    # The site's languages (mkdocs.yml's i18n list, see languages.py), and those this build makes (all
    # of them, or one group of a parallel build, see build_languages).
    languages: tuple[str, ...] = LANGUAGES
    build_languages: tuple[str, ...] = LANGUAGES
    preview: bool = False  # `mkdocs serve`: interface strings not yet translated are shown in English
    templates_dir: Path = REPO_DIR / "templates"
    locales_dir: Path = REPO_DIR / "locales"

    @property
    def content_dir(self) -> Path:
        return self.source_dir / "content"

    @property
    def data_file(self) -> Path:
        return self.source_dir / "data" / "projects.yaml"

    @property
    def translations_file(self) -> Path:
        return self.source_dir / "data" / "translations.yaml"

    @property
    def funders_file(self) -> Path:
        return self.source_dir / "data" / "funders.yaml"

    @property
    def stage_dir(self) -> Path:
        # each group of a parallel build stages its own languages, side by side
        suffix = "" if self.build_languages == self.languages else "-" + "-".join(self.build_languages)
        return self.source_dir / "build" / f"pages{suffix}"

    @property
    def builds_root(self) -> bool:
        """Whether this build writes the root's shared files (open data, robots.txt): the whole
        build does, and of a parallel build the group with the first language."""
        return self.languages[0] in self.build_languages

    def fingerprint(self) -> tuple[tuple[str, int, int], ...]:
        """Sizes and times of every input file: when it changes, the site must be prepared anew."""
        files = [self.data_file, self.source_dir / "mkdocs.yml"]
        files += [self.funders_file] if self.funders_file.exists() else []
        files += [self.translations_file] if self.translations_file.exists() else []
        for folder in (self.content_dir, self.templates_dir, self.locales_dir):
            files += sorted(folder.rglob("*")) if folder.is_dir() else []
        return tuple((str(f), f.stat().st_size, f.stat().st_mtime_ns) for f in files if f.is_file())

    def shown(self, path: Path) -> str:
        """A file's path as messages name it: relative to the site folder."""
        try:
            return path.relative_to(self.source_dir).as_posix()
        except ValueError:
            return str(path)


def settings_from_config_file(source_dir: Path, site_url: str = "") -> SitePaths:
    """The site's settings read from mkdocs.yml without MkDocs (for `microsite check`)."""

    config_file = source_dir / "mkdocs.yml"
    try:
        config = read_config(config_file) if config_file.exists() else {}
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        raise DataError([Problem("mkdocs.yml", line, column, "", f"the YAML cannot be read: {err.problem}")]) from None
    languages = languages_of(config) or LANGUAGES
    extra = config.get("extra") or {}
    return site_settings(source_dir, site_url or "http://127.0.0.1:8000/", extra, languages, languages)


def site_settings(
    source_dir: Path,
    site_url: str,
    extra: dict[str, Any],
    build_languages: tuple[str, ...] = LANGUAGES,
    languages: tuple[str, ...] = LANGUAGES,
    preview: bool = False,
) -> SitePaths:
    """The site's settings from the `extra:` block of mkdocs.yml (MkDocs' parsed one, or ours)."""
    open_data = extra.get("open_data") or {}
    own_locales = source_dir / "locales"  # a site with its own catalogs (a test fixture); else the repository's
    return SitePaths(
        source_dir,
        site_url,
        data_licence=open_data.get("licence"),
        data_licence_url=open_data.get("licence_url"),
        accessibility=extra.get("accessibility") or {},
        refuse_outdated=(extra.get("translations") or {}).get("refuse_outdated") in (True, "true", "1"),
        languages=languages,
        build_languages=build_languages,
        preview=preview,
        locales_dir=own_locales if own_locales.is_dir() else REPO_DIR / "locales",
    )


def build_languages(value: str | None, languages: tuple[str, ...] = LANGUAGES) -> tuple[str, ...]:
    """The languages named in MICROSITE_LANGUAGES ("bg" or "el,bg"), in the site's order; all when empty.

    A parallel build (`microsite build --jobs N`) runs one MkDocs process per group of languages."""
    wanted = [lang.strip() for lang in (value or "").split(",") if lang.strip()]
    unknown = [lang for lang in wanted if lang not in languages]
    if unknown:
        raise ValueError(f"MICROSITE_LANGUAGES names {', '.join(unknown)}; the languages are {', '.join(languages)}")
    return tuple(lang for lang in languages if lang in wanted) or languages
