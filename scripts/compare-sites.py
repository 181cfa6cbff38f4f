"""Compare two built sites file by file: compare-sites.py A B. Exits 1 and lists what differs.

The only line allowed to differ is the generator tag, which names the builder and its version
(`<meta name="generator" content="mkdocs-1.6.1, …">`)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): GENERATOR.sub(b"", p.read_bytes()) for p in site.rglob("*") if p.is_file()}


def main(a: Path, b: Path) -> int:
    left, right = files(a), files(b)
    differences = [f"only in {a}: {name}" for name in sorted(left.keys() - right.keys())]
    differences += [f"only in {b}: {name}" for name in sorted(right.keys() - left.keys())]
    differences += [f"differs: {name}" for name in sorted(left.keys() & right.keys()) if left[name] != right[name]]
    for line in differences:
        print(line)
    print(f"{len(left)} files compared, {len(differences)} differences")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
