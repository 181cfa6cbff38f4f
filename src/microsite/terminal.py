"""What the terminal shows an editor: one line per build and the problems, nothing else.

MkDocs, mkdocs-static-i18n and the live-reload server log 70-80 progress notes per build (every
language's overridden settings, pages outside the nav, browser connections). They read like
problems and are not, so below WARNING they are dropped unless `VERBOSE=1` (MICROSITE_VERBOSE)."""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

from mkdocs.exceptions import Abort

from microsite.mkdocs_adapter import DIRTY_BUILD_LOGGER, DIRTY_BUILD_WARNING

VERBOSE_VARIABLE = "MICROSITE_VERBOSE"
# The one line MkDocs adds after our report of the problems: it says nothing more.
MKDOCS_ABORT_LINES = ("Aborted with a BuildError!",)
_FILTER_NAME = "microsite-quiet"


def verbose() -> bool:
    return os.environ.get(VERBOSE_VARIABLE, "").strip() not in ("", "0", "no", "false")


class QuietFilter(logging.Filter):
    """Lets warnings and errors through; drops progress notes."""

    def __init__(self) -> None:
        super().__init__(_FILTER_NAME)

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING


def install() -> None:
    """Filter what MkDocs' terminal handler prints (once; again for every `mkdocs serve` rebuild is harmless)."""
    if verbose():
        return
    for handler in logging.getLogger("mkdocs").handlers:
        if not any(getattr(f, "name", "") == _FILTER_NAME for f in handler.filters):
            handler.addFilter(QuietFilter())
    if Abort.show is not _show_abort:
        global _mkdocs_show_abort
        _mkdocs_show_abort, Abort.show = Abort.show, _show_abort  # type: ignore[method-assign]


_mkdocs_show_abort: Any = None
_DIRTY_FILTER_NAME = "microsite-exact-dirty"


class DirtyWarningFilter(logging.Filter):
    """Drops MkDocs' warning that a dirty build may leave links and navigation stale."""

    def __init__(self) -> None:
        super().__init__(_DIRTY_FILTER_NAME)

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(DIRTY_BUILD_WARNING)


def allow_dirty_builds() -> None:
    """Only for the preview, whose dirty rebuilds microsite.incremental makes exact: the warning
    would otherwise be shown at every save, and strict mode turns it into a failed build."""
    logger = logging.getLogger(DIRTY_BUILD_LOGGER)
    if not any(getattr(f, "name", "") == _DIRTY_FILTER_NAME for f in logger.filters):
        logger.addFilter(DirtyWarningFilter())


def _show_abort(self: Abort, *args: Any, **kwargs: Any) -> None:
    # MkDocs ends every failed build with this line, printed outside logging; our report said it all.
    if self.format_message() not in MKDOCS_ABORT_LINES:
        _mkdocs_show_abort(self, *args, **kwargs)


class BuildClock:
    """Times one build (all its languages) for the summary line."""

    def __init__(self) -> None:
        self.started: float | None = None

    def start(self) -> None:
        if self.started is None:
            self.started = time.monotonic()

    def stop(self) -> float:
        seconds = time.monotonic() - (self.started or time.monotonic())
        self.started = None
        return seconds


def say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def build_summary(site_dir: Path, languages: tuple[str, ...], with_root: bool, seconds: float) -> str:
    pages = sum(1 for _ in site_dir.rglob("*.html"))
    what = ", ".join(languages) + (" and the root" if with_root else "")
    return f"Built {what}: {pages} pages in {seconds:.1f} s."
