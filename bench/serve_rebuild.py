"""How long an editor waits under `mkdocs serve`: from saving a one-record edit to the changed page.

    /tmp/venv/bin/python bench/serve_rebuild.py --sizes 5,100

For each N: a synthetic site (bench/synthetic.py); then, for each way of serving, start
`mkdocs serve`, wait for the first build, and time two kinds of one-record edits in
data/projects.yaml, three times each, until the served pages show them (polled every 0.1 s):
  title   - the first project's Polish title: shown on its Polish page, the Polish lists and exports;
            timed until its Polish page shows it;
  contact - the first project's contact name: shown on its page in every language; timed until
            its pages in all four languages show it.
The ways of serving:
  all      - `mkdocs serve`: every page of every language is rebuilt (the former `make serve`);
  fast     - `mkdocs serve --dirty` (what `make serve` runs): only what the edit changes is rebuilt,
             made exact by microsite.incremental (tests/test_incremental.py);
  fast-one - the same for the root and Polish only (`make serve LANGUAGES=pl`).
The results are written to bench/serve-results.md, with the machine's load average (the machine
may be shared). Nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
MODES = {
    "all": ([], {}),
    "fast": (["--dirty"], {}),
    "fast-one": (["--dirty"], {"MICROSITE_LANGUAGES": "pl"}),
}
EDITS = ("title", "contact")
LANGS = ("el", "bg", "ka", "pl")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def page_text(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(urls: list[str], text: str, timeout: float) -> float | None:
    start = time.perf_counter()
    waiting = list(urls)
    while time.perf_counter() - start < timeout:
        waiting = [url for url in waiting if text not in page_text(url)]
        if not waiting:
            return time.perf_counter() - start
        time.sleep(0.1)
    return None


def measure_mode(
    site: Path, mode: str, edits: int, timeout: float
) -> tuple[float | None, dict[str, list[float | None]]]:
    args, extra_env = MODES[mode]
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO / "src"), **extra_env}
    data = site / "data" / "projects.yaml"
    original = data.read_text(encoding="utf-8")
    lines = original.splitlines()
    after_title = lines[lines.index("  title:") :]  # the first record's Polish title
    title = next(line for line in after_title if line.startswith("    pl: "))
    contact = next(line for line in lines[lines.index("  contacts:") :] if line.startswith("  - name: "))
    slug = slug_of(original)
    served = extra_env.get("MICROSITE_LANGUAGES", ",".join(LANGS)).split(",")
    page = {lang: f"http://127.0.0.1:{port}/{lang}/projects/{slug}.html" for lang in served}
    url = page["pl"]
    log_path = site.parent / f"serve-{mode}.log"
    log = log_path.open("w")
    start = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", *args],
        cwd=site,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    waits: dict[str, list[float | None]] = {edit: [] for edit in EDITS}
    try:
        first = wait_for([url], title.removeprefix("    pl: ")[:30], timeout)
        first = None if first is None else time.perf_counter() - start
        # the page shows before the build has finished (the search index, sitemaps come after it):
        # the first edit must not wait for the rest of the first build
        while "Built " not in log_path.read_text(encoding="utf-8") and time.perf_counter() - start < timeout:
            time.sleep(0.1)
        for number in range(edits):
            marker = f"Edycja {mode} {number}"
            data.write_text(original.replace(title, f"    pl: {marker}", 1), encoding="utf-8")
            waits["title"].append(wait_for([url], marker, timeout))
            time.sleep(1)  # let the server settle before the next edit
        # back to the original, untimed: each contact edit then changes the contact only (the
        # first would otherwise also undo the last title edit, and rebuild the Polish lists too)
        data.write_text(original, encoding="utf-8")
        wait_for([url], title.removeprefix("    pl: ")[:30], timeout)
        time.sleep(1)
        for number in range(edits):
            marker = f"Kontakt {mode} {number}"
            data.write_text(original.replace(contact, f"  - name: {marker}", 1), encoding="utf-8")
            waits["contact"].append(wait_for(list(page.values()), marker, timeout))
            time.sleep(1)
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
        data.write_text(original, encoding="utf-8")
    return first, waits


def slug_of(records: str) -> str:
    return next(line.split(": ", 1)[1] for line in records.splitlines() if line.startswith("- slug: "))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="5,100", help="numbers of projects, comma-separated")
    parser.add_argument("--modes", default=",".join(MODES), help=f"any of {','.join(MODES)}")
    parser.add_argument("--edits", type=int, default=3, help="edits timed per mode (median shown)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds to wait for a build")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/microsite-serve-bench"))
    parser.add_argument("--out", type=Path, default=BENCH / "serve-results.md")
    args = parser.parse_args()
    rows = []
    for n in [int(x) for x in args.sizes.split(",")]:
        site = args.workdir / f"n{n}" / "site"
        cmd = [sys.executable, str(BENCH / "synthetic.py"), "--n", str(n), "--out", str(site), "--code", str(REPO)]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(REPO / "src")})
        with (site / "mkdocs.yml").open("a", encoding="utf-8") as config:
            config.write("watch: [data]\n")  # as the repo's mkdocs.yml: a data edit triggers a rebuild
        for mode in args.modes.split(","):
            load = os.getloadavg()[0]
            first, all_waits = measure_mode(site, mode, args.edits, args.timeout)
            for edit, waits in all_waits.items():
                done = [w for w in waits if w is not None]
                median = statistics.median(done) if len(done) == len(waits) and done else None
                shown = ", ".join("timed out" if w is None else f"{w:.1f}" for w in waits)
                print(f"N={n} {mode} {edit}: first build {first or 0:.1f} s; after an edit: {shown} s", flush=True)
                rows.append((n, mode, edit, first, median, shown, load))
    lines = [
        "# Editing under `mkdocs serve`: seconds from saving a record to the changed page",
        "",
        f"Written by `bench/serve_rebuild.py` on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC"
        f" (`{' '.join(['python', 'bench/serve_rebuild.py', *sys.argv[1:]])}`), {os.cpu_count()} CPUs.",
        "Edits in data/projects.yaml: `title` = one project's Polish title (timed until its Polish page shows",
        "it), `contact` = its contact's name (until its pages in all four languages show it); polled every",
        "0.1 s. Modes: `all` = plain `mkdocs serve`; `fast` = what `make serve` runs (`--dirty`, exact);",
        "`fast-one` = `make serve LANGUAGES=pl`. See the docstring of the script. Load = the 1-minute load",
        "average when the mode started (the machine is shared with other work).",
        "",
        "| N | mode | edit | first build s | after an edit s (median) | each edit s | load |",
        "|---:|---|---|---:|---:|---|---:|",
    ]
    for n, mode, edit, first, median, shown, load in rows:
        first_cell = f"{first:.1f}" if first is not None else "timed out"
        median_cell = f"{median:.1f}" if median is not None else "–"
        lines.append(f"| {n} | {mode} | {edit} | {first_cell} | {median_cell} | {shown} | {load:.1f} |")
    # other measurements kept in the file (its later "## " sections, e.g. make check's) stay
    earlier = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    kept = earlier[earlier.index("\n## ") :] if "\n## " in earlier else ""
    args.out.write_text("\n".join(lines) + "\n" + kept, encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
