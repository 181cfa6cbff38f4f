"""Precompressed copies of a built site's text files (`microsite build --precompress`), for hosts
that serve `page.html.gz` / `page.html.br` to browsers that accept them (nginx gzip_static and
brotli_static, Caddy `precompressed`, Apache with rewrite rules). The originals stay as they are."""

from __future__ import annotations

import gzip
from pathlib import Path

import brotli

TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv", ".ics", ".webmanifest"})


def precompress(site_dir: Path) -> list[Path]:
    """Write `<file>.gz` (gzip -9) and `<file>.br` (Brotli, quality 11) next to every text file
    where that makes it smaller; return the files written. The same input gives the same bytes
    (no time stamp in the gzip header), so a rebuilt site differs only where pages changed."""
    written = []
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or path.suffix not in TEXT_SUFFIXES:
            continue
        data = path.read_bytes()
        for suffix, packed in (
            (".gz", gzip.compress(data, compresslevel=9, mtime=0)),
            (".br", brotli.compress(data, quality=11, mode=brotli.MODE_TEXT)),
        ):
            target = path.with_name(path.name + suffix)
            if len(packed) < len(data):
                target.write_bytes(packed)
                written.append(target)
            else:
                target.unlink(missing_ok=True)
    return written
