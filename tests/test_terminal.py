"""The editor's terminal: progress notes filtered out, a taken port explained."""

from __future__ import annotations

import logging
import socket

from microsite.mkdocs_adapter import DIRTY_BUILD_LOGGER, DIRTY_BUILD_WARNING
from microsite.preview import port_problem, preview_address
from microsite.terminal import DirtyWarningFilter, QuietFilter, allow_dirty_builds


def record(level: int, message: str) -> logging.LogRecord:
    return logging.LogRecord("mkdocs.plugins.i18n", level, __file__, 1, message, None, None)


def test_quiet_filter_keeps_problems_and_drops_progress_notes() -> None:
    quiet = QuietFilter()
    assert not quiet.filter(record(logging.INFO, "Overriding 'el' config 'nav'"))
    assert quiet.filter(record(logging.WARNING, "a link points nowhere"))
    assert quiet.filter(record(logging.ERROR, "the site was not built"))


def test_a_taken_port_is_explained_with_the_next_one_to_try() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        problem = port_problem("127.0.0.1", port)
    assert problem is not None and f"port {port} is already in use" in problem
    assert f"make serve PORT={port + 1}" in problem


def test_the_address_to_open_is_one_a_browser_can_reach() -> None:
    assert "http://127.0.0.1:8001/" in preview_address("0.0.0.0", 8001)
    assert "http://192.168.1.5:8000/" in preview_address("192.168.1.5", 8000)


def test_the_preview_drops_only_the_dirty_build_warning() -> None:
    allow_dirty_builds()
    allow_dirty_builds()  # once for every rebuild of the preview: one filter
    logger = logging.getLogger(DIRTY_BUILD_LOGGER)
    assert sum(isinstance(f, DirtyWarningFilter) for f in logger.filters) == 1
    dirty = logging.LogRecord(DIRTY_BUILD_LOGGER, logging.WARNING, "", 0, DIRTY_BUILD_WARNING + ", this…", None, None)
    other = logging.LogRecord(DIRTY_BUILD_LOGGER, logging.WARNING, "", 0, "Doc file 'x.md' contains a link", None, None)
    assert not logger.filter(dirty) and logger.filter(other)
