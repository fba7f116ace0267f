#!/usr/bin/env python3
"""v6lint against the semgrep peer ruleset, over the same files, on this machine, in one run.

    python bench/run_benchmark.py [--sample N] [--skip-semgrep] [--skip-semgrep-scaling]
                                  [--skip-scaling] [--output bench/RESULTS.md]

Both tools get ONE folder as their target: a temporary corpus holding the interpreter's
standard library .py files (site-packages and __pycache__ left out) under their relative paths,
hard-linked (copied when linking fails). Passing ~1,800 file names to semgrep instead makes it
crawl (over 20 minutes against 52 s for the folder), so nothing here passes long file lists.
The corpus root holds:

- an empty ``.semgrepignore``: it replaces semgrep's default ignore list (tests/, etc.), so
  semgrep scans every file; semgrep also gets ``--max-target-bytes 0 --no-git-ignore`` and
  ``--timeout 0`` (on a loaded machine its 5 s per-rule limit fires and it skips work);
- a ``pyproject.toml`` with an empty ``[tool.v6lint]`` table and ``respect-gitignore = false``:
  v6lint runs with the corpus as working folder, and that table stops its upward search for a
  configuration (so no outer pyproject, such as the repo's with its tests/fixtures/ exclude,
  applies) and keeps git out of its walk.

v6lint's built-in excludes (``venv``, ``dist``, ``build`` at the top, ...) would still skip a few
stdlib files (the ``venv`` package); those are left out of the corpus and listed in the output,
so the two tools see the same set. The run then checks it: the .py files in the folder, the
files semgrep reports in ``paths.scanned`` and v6lint's JSON ``summary.files_scanned`` (less any
file it skipped as too large) must agree; a mismatch is printed loudly and the exit status is 1.

Cases:
- the corpus: v6lint cold (``--no-cache``), v6lint filling a fresh cache, v6lint warm (the
  same cache, through ``V6LINT_CACHE_DIR``), semgrep with ../shared/bench/semgrep-python-peer.yaml;
- pre-commit sized: 10 files named on the command line, wall including interpreter start-up,
  best of 5, cold and warm (semgrep once on the same files, for reference);
- scaling: 1x, 2x, 4x the corpus (copies in sub-folders c0/, c1/, ...), ``--no-cache``, for
  v6lint and (unless ``--skip-semgrep-scaling``) semgrep;
- the prefilter's selectivity per rule: files (and bytes) each rule's triggers send to the parser;
- the parsing floor: one process that only parses what the prefilter passes (ast, libcst), and
  ast.parse of every file.

``--sample N`` keeps every N-th stdlib file, for quick checks on a shared machine; the full run
is the default. Wall time from a monotonic clock; CPU time is user+sys of the process and every
descendant it waited for (``wait4``); memory is the peak of the summed RSS of the whole process
tree (polled from /proc every 20 ms; shared pages count once per process) and the largest single
process (``ru_maxrss`` from ``wait4``). The tables go to stdout and, as Markdown, to --output.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PEER_RULES = Path(os.environ.get("V6LINT_PEER_RULES", REPO.parent / "shared" / "bench" / "semgrep-python-peer.yaml"))
SCALES = (1, 2, 4)

sys.path.insert(0, str(REPO))


def v6lint_cmd() -> list[str]:
    found = shutil.which("v6lint") or str(Path(sys.executable).with_name("v6lint"))
    return [found] if os.path.exists(found) else [sys.executable, "-m", "v6lint"]


def semgrep_cmd() -> Optional[list[str]]:
    found = str(Path(sys.executable).with_name("semgrep"))
    if not os.path.exists(found):
        found = shutil.which("semgrep") or ""
    return [found] if found else None


# -- the corpus ----------------------------------------------------------------------------------


def stdlib_files() -> tuple[str, list[str]]:
    """The stdlib root and its .py files as sorted relative paths."""
    root = sysconfig.get_paths()["stdlib"]
    found = []
    for folder, folders, names in os.walk(root):
        folders[:] = sorted(f for f in folders if f not in ("site-packages", "__pycache__"))
        for name in sorted(names):
            if name.endswith(".py"):
                found.append(os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/"))
    return root, found


def v6lint_default_excluded(relative: str) -> bool:
    """Would v6lint's built-in excludes skip this file in a folder scan?"""
    from v6lint.config import path_matches
    from v6lint.discovery import DEFAULT_EXCLUDES, TOP_LEVEL_EXCLUDES

    parts = relative.split("/")
    if parts[0] in TOP_LEVEL_EXCLUDES and len(parts) > 1:
        return True
    return any(path_matches(relative, pattern) for pattern in DEFAULT_EXCLUDES)


def link_or_copy(source: str, target: str) -> None:
    os.makedirs(os.path.dirname(target), exist_ok=True)
    try:
        os.link(source, target)
    except OSError:  # another file system, or links not allowed
        shutil.copyfile(source, target)


def write_root_markers(folder: str) -> None:
    # Empty: replaces semgrep's default ignore list, so tests/ and the like are scanned too.
    Path(folder, ".semgrepignore").write_text("", encoding="utf-8")
    # Pins v6lint's configuration to the defaults: no outer pyproject.toml, no git.
    Path(folder, "pyproject.toml").write_text("[tool.v6lint]\nrespect-gitignore = false\n", encoding="utf-8")


def build_corpus(folder: str, root: str, files: list[str], copies: int = 0) -> None:
    """``files`` under ``folder`` (or under ``folder/c0 .. c<copies-1>`` when copies > 0)."""
    os.makedirs(folder, exist_ok=True)
    write_root_markers(folder)
    prefixes = [f"c{i}" for i in range(copies)] if copies else [""]
    for prefix in prefixes:
        for relative in files:
            link_or_copy(os.path.join(root, relative), os.path.join(folder, prefix, relative))


def py_files_in(folder: str) -> list[str]:
    found = []
    for current, folders, names in os.walk(folder):
        folders.sort()
        for name in sorted(names):
            if name.endswith(".py"):
                found.append(os.path.relpath(os.path.join(current, name), folder).replace(os.sep, "/"))
    return found


def relative_to(path: str, folder: str) -> str:
    """A path a tool reported (absolute, or relative to ``folder``, its working folder)."""
    absolute = path if os.path.isabs(path) else os.path.join(folder, path)
    return os.path.relpath(os.path.normpath(absolute), folder).replace(os.sep, "/")


# -- measuring one command -----------------------------------------------------------------------

_PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def _tree_rss_kb(root_pid: int) -> int:
    """Summed RSS of ``root_pid`` and its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            ppid = int(fields[1])
            pages = int(fields[21])
        except (OSError, IndexError, ValueError):
            continue
        pid = int(entry)
        children.setdefault(ppid, []).append(pid)
        rss[pid] = pages * _PAGE_KB
    total, stack = 0, [root_pid]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, ()))
    return total


@dataclass
class Measurement:
    wall: float
    cpu: float
    tree_rss_mb: float
    max_rss_mb: float
    rc: int
    out: str
    err: str


def measure(cmd: list[str], *, cwd: str, env: Optional[dict] = None) -> Measurement:
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=cwd)
        peak = [0]
        stop = threading.Event()

        def poll() -> None:
            while not stop.is_set():
                peak[0] = max(peak[0], _tree_rss_kb(process.pid))
                stop.wait(0.02)

        poller = threading.Thread(target=poll, daemon=True)
        poller.start()
        # wait4 gives this child's own usage, including the descendants it waited for, so
        # neither CPU nor ru_maxrss leaks from one measured command into the next.
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        stop.set()
        poller.join()
        out.seek(0)
        err.seek(0)
        return Measurement(
            wall=wall,
            cpu=usage.ru_utime + usage.ru_stime,
            tree_rss_mb=peak[0] / 1024,
            max_rss_mb=usage.ru_maxrss / 1024,  # KB on Linux
            rc=process.returncode,
            out=out.read().decode(errors="replace"),
            err=err.read().decode(errors="replace"),
        )


# -- the two tools -------------------------------------------------------------------------------


@dataclass
class Run:
    """One measured scan and what its report says about the files it read."""

    m: Measurement
    findings: Optional[int] = None
    scanned: Optional[int] = None  # files the tool says it read
    problems: list[str] = field(default_factory=list)  # tool failures worth showing
    scanned_paths: Optional[list[str]] = None


def _json_document(text: str) -> Optional[dict]:
    try:
        return json.loads(text[text.index("{"):])
    except ValueError:
        return None


def run_v6lint(folder: str, targets: list[str], *, cache_dir: Optional[str]) -> Run:
    env = dict(os.environ)
    env.pop("V6LINT_EXHAUSTIVE", None)
    cmd = [*v6lint_cmd(), "check", "--quiet", "--exit-zero", "--output-format", "json"]
    if cache_dir is None:
        cmd.append("--no-cache")
        env.pop("V6LINT_CACHE_DIR", None)
    else:
        env["V6LINT_CACHE_DIR"] = cache_dir
    m = measure([*cmd, *targets], cwd=folder, env=env)
    run = Run(m)
    document = _json_document(m.out)
    if document is None:
        run.problems.append(f"v6lint exit {m.rc}, no JSON report: {(m.err or m.out).strip()[-400:]}")
        return run
    summary = document.get("summary", {})
    diagnostics = document.get("diagnostics", [])
    too_large = sum(1 for d in diagnostics if d.get("kind") == "too-large")
    run.findings = summary.get("findings")
    run.scanned = summary.get("files_scanned", 0) - too_large
    kinds: dict[str, int] = {}
    for diagnostic in diagnostics:
        kinds[diagnostic.get("kind", "?")] = kinds.get(diagnostic.get("kind", "?"), 0) + 1
    if kinds:
        run.problems.append("v6lint diagnostics: " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())))
    return run


def run_semgrep(folder: str, targets: list[str]) -> Optional[Run]:
    semgrep = semgrep_cmd()
    if semgrep is None or not PEER_RULES.exists():
        return None
    cmd = [
        *semgrep, "scan", "--config", str(PEER_RULES), "--metrics=off", "--disable-version-check",
        "--max-target-bytes", "0", "--no-git-ignore", "--timeout", "0", "--json", "--quiet", *targets,
    ]
    env = dict(os.environ, SEMGREP_SEND_METRICS="off", SEMGREP_ENABLE_VERSION_CHECK="0")
    m = measure(cmd, cwd=folder, env=env)
    run = Run(m)
    document = _json_document(m.out)
    if document is None:
        run.problems.append(f"semgrep exit {m.rc}, no JSON report: {(m.err or m.out).strip()[-400:]}")
        return run
    run.findings = len(document.get("results", []))
    run.scanned_paths = list(document.get("paths", {}).get("scanned", []))
    run.scanned = len(run.scanned_paths)
    errors = document.get("errors", [])
    if errors:
        kinds: dict[str, int] = {}
        for error in errors:
            kind = str(error.get("type", "?"))
            if isinstance(error.get("type"), list):
                kind = str(error["type"][0])
            kinds[kind] = kinds.get(kind, 0) + 1
        run.problems.append("semgrep errors: " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())))
    return run


def tool_version(cmd: Optional[list[str]]) -> str:
    if not cmd:
        return "not installed"
    try:
        done = subprocess.run([*cmd, "--version"], capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.SubprocessError) as error:
        return f"? ({error})"
    return (done.stdout or done.stderr).strip().splitlines()[-1] if (done.stdout or done.stderr).strip() else "?"


# -- the prefilter table -------------------------------------------------------------------------


def selectivity(folder: str, files: list[str]) -> list[tuple[str, int, float]]:
    from v6lint.prefilter import TriggerTable
    from v6lint.rules import python_rules

    rules = python_rules()
    tables = {rule.code: TriggerTable.from_rules([rule]) for rule in rules}
    union = TriggerTable.from_rules(rules)
    counts = {code: [0, 0] for code in tables}
    counts["(any rule)"] = [0, 0]
    for relative in files:
        data = Path(folder, relative).read_bytes()
        for code, table in tables.items():
            if table.codes_in(data):
                counts[code][0] += 1
                counts[code][1] += len(data)
        if union.codes_in(data):
            counts["(any rule)"][0] += 1
            counts["(any rule)"][1] += len(data)
    return [(code, n, size / 1e6) for code, (n, size) in counts.items()]


# -- the parsing floor ---------------------------------------------------------------------------

# One process reads every corpus file, keeps those the prefilter sends to the parser, and
# parses them: with CPython's ast (the C parser, what a detection engine on ast cannot go
# below) or with libcst (what the cst engine pays before any rule runs). Whole-process
# figures like the others: interpreter start-up and imports included.
_FLOOR_SCRIPT = """
import os, sys
from v6lint.prefilter import shipped_table, TriggerTable
parser, root = sys.argv[1], sys.argv[2]
table = shipped_table()
if table is None:
    from v6lint.rules import python_rules
    table = TriggerTable.from_rules(python_rules())
if parser == "libcst":
    import libcst
    parse = libcst.parse_module
else:
    import ast
    parse = ast.parse
parsed = 0
for folder, _, names in os.walk(root):
    for name in names:
        if not name.endswith(".py"):
            continue
        with open(os.path.join(folder, name), "rb") as handle:
            data = handle.read()
        if parser != "ast-all" and not table.codes_in(data):
            continue
        try:
            parse(data)
        except Exception:
            continue  # a file either parser rejects
        parsed += 1
print(parsed)
"""


def parse_floor(folder: str) -> list[tuple[str, Measurement]]:
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return [
        (label, measure([sys.executable, "-c", _FLOOR_SCRIPT, parser, folder], cwd=folder, env=env))
        for label, parser in (
            ("ast.parse of the files the prefilter passes", "ast"),
            ("ast.parse of every file", "ast-all"),
            ("libcst.parse_module of the files the prefilter passes", "libcst"),
        )
    ]


# -- machine facts -------------------------------------------------------------------------------


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def memory_total() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
    except (OSError, ValueError):
        pass
    return "?"


def repo_state() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "v6lint"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"
    return f"{head or '?'}{' with uncommitted changes under v6lint/' if dirty else ''}"


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


# -- the report ----------------------------------------------------------------------------------


def fmt(value: Optional[float], digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def ratio(numerator: Optional[float], denominator: Optional[float]) -> str:
    if numerator is None or not denominator:
        return "-"
    return f"{numerator / denominator:.1f}x"


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    return [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
        *("| " + " | ".join(row) + " |" for row in rows),
        "",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, default=1, metavar="N", help="use every N-th stdlib file (default: all)")
    parser.add_argument("--skip-semgrep", action="store_true", help="time v6lint only")
    parser.add_argument("--skip-semgrep-scaling", action="store_true", help="no semgrep in the scaling series")
    parser.add_argument("--skip-scaling", action="store_true", help="no scaling series")
    parser.add_argument("--output", default=str(HERE / "RESULTS.md"), help="Markdown report (default: %(default)s)")
    args = parser.parse_args()
    if args.sample < 1:
        parser.error("--sample must be at least 1")

    warnings: list[str] = []
    notes: list[str] = []

    def warn(message: str) -> None:
        warnings.append(message)
        print(f"\n!!! WARNING: {message}\n", file=sys.stderr)

    def progress(message: str) -> None:
        print(f"[bench] {message}", file=sys.stderr, flush=True)

    stdlib_root, all_files = stdlib_files()
    left_out = [f for f in all_files if v6lint_default_excluded(f)]
    files = [f for f in all_files if f not in set(left_out)][:: args.sample]
    total_mb = sum(os.path.getsize(os.path.join(stdlib_root, f)) for f in files) / 1e6
    total_lines = 0
    for relative in files:
        with open(os.path.join(stdlib_root, relative), "rb") as handle:
            total_lines += handle.read().count(b"\n")

    started = datetime.datetime.now().astimezone()
    load_before = load()
    versions = {
        "python": f"{platform.python_implementation()} {platform.python_version()} ({sys.executable})",
        "v6lint": tool_version(v6lint_cmd()),
        "semgrep": "skipped" if args.skip_semgrep else tool_version(semgrep_cmd()),
    }
    from importlib import metadata

    try:
        versions["libcst"] = metadata.version("libcst")
    except metadata.PackageNotFoundError:
        versions["libcst"] = "not installed"

    with tempfile.TemporaryDirectory(prefix="v6lint-bench-") as scratch:
        corpus = os.path.join(scratch, "corpus")
        progress(f"building the corpus: {len(files)} files in {corpus}")
        build_corpus(corpus, stdlib_root, files)
        expected = len(py_files_in(corpus))
        if expected != len(files):
            warn(f"the corpus holds {expected} .py files, {len(files)} were meant to be there")

        from v6lint.config import find_config_file

        if find_config_file(corpus) != os.path.join(corpus, "pyproject.toml"):
            warn(f"v6lint would read {find_config_file(corpus)} in the corpus, not the corpus's own empty table")

        # -- the corpus, both tools, the folder as the one target
        cache = os.path.join(scratch, "cache")
        progress("v6lint, cold")
        cold = run_v6lint(corpus, [corpus], cache_dir=None)
        progress("v6lint, filling the cache")
        prime = run_v6lint(corpus, [corpus], cache_dir=cache)
        progress("v6lint, warm")
        warm = run_v6lint(corpus, [corpus], cache_dir=cache)
        peer = None
        if not args.skip_semgrep:
            progress("semgrep")
            peer = run_semgrep(corpus, [corpus])
            if peer is None:
                warn(f"semgrep or the peer rules ({PEER_RULES}) not found; semgrep not timed")

        def check_counts(label: str, folder: str, want: int, runs: list[tuple[str, Optional[Run]]]) -> None:
            present = None
            for name, run in runs:
                if run is None:
                    continue
                for problem in run.problems:
                    notes.append(f"{label}, {name}: {problem}")
                if run.scanned != want:
                    warn(f"{label}: {name} read {run.scanned} files, {want} were meant to be read: the file sets differ")
                if run.scanned_paths is not None:
                    # semgrep names the files; compare the sets, not only their sizes.
                    if present is None:
                        present = set(py_files_in(folder))
                    read = {relative_to(p, folder) for p in run.scanned_paths}
                    wanted = present if want == len(present) else None
                    if wanted is not None and read != wanted:
                        warn(
                            f"{label}: {name} read {len(read - wanted)} files outside the set and missed"
                            f" {len(wanted - read)}, e.g. {sorted(read ^ wanted)[:10]}"
                        )

        check_counts("corpus", corpus, expected, [("v6lint cold", cold), ("v6lint filling", prime), ("v6lint warm", warm), ("semgrep", peer)])

        # -- pre-commit sized: 10 ordinary modules named on the command line
        small = [f for f in files if 2_000 <= os.path.getsize(os.path.join(corpus, f)) <= 20_000 and not any("test" in part for part in f.split("/"))]
        small = small[:: max(1, len(small) // 10)][:10]
        small_cache = os.path.join(scratch, "small-cache")
        precommit: list[tuple[str, Run]] = []
        progress(f"pre-commit: {len(small)} files, best of 5, cold and warm")
        for label, cache_dir in (("v6lint, cold (--no-cache)", None), ("v6lint, warm cache", small_cache)):
            if cache_dir:
                run_v6lint(corpus, small, cache_dir=cache_dir)
            best = min((run_v6lint(corpus, small, cache_dir=cache_dir) for _ in range(5)), key=lambda r: r.m.wall)
            precommit.append((label, best))
        if not args.skip_semgrep:
            small_peer = run_semgrep(corpus, small)
            if small_peer is not None:
                precommit.append(("semgrep + peer rules (one run)", small_peer))
        check_counts("pre-commit", corpus, len(small), precommit)

        # -- scaling: 1x, 2x, 4x the corpus in sub-folders c0/, c1/, ...
        scaling: list[tuple[int, int, Run, Optional[Run]]] = []
        if not args.skip_scaling:
            for times in SCALES:
                folder = os.path.join(scratch, f"scale-{times}x")
                build_corpus(folder, corpus, files, copies=times)
                want = len(py_files_in(folder))
                progress(f"scaling {times}x: {want} files, v6lint")
                ours = run_v6lint(folder, [folder], cache_dir=None)
                theirs = None
                if not args.skip_semgrep and not args.skip_semgrep_scaling:
                    progress(f"scaling {times}x: semgrep")
                    theirs = run_semgrep(folder, [folder])
                check_counts(f"scaling {times}x", folder, want, [("v6lint", ours), ("semgrep", theirs)])
                scaling.append((times, want, ours, theirs))
                shutil.rmtree(folder, ignore_errors=True)

        progress("prefilter selectivity")
        try:
            select = selectivity(corpus, files)
        except Exception as error:  # informative only; never fail the benchmark on it
            select = []
            notes.append(f"selectivity table skipped: {type(error).__name__}: {error}")
        progress("parsing floor: ast and libcst")
        floor = parse_floor(corpus)
    load_after = load()
    finished = datetime.datetime.now().astimezone()

    # -- Markdown
    what = "the whole standard library" if args.sample == 1 else f"a SAMPLE: every {args.sample}th file of the standard library (not the full benchmark)"
    lines = ["# v6lint benchmark", ""]
    lines.append(f"Written by `bench/run_benchmark.py{' --sample ' + str(args.sample) if args.sample > 1 else ''}` on {started:%Y-%m-%d %H:%M %Z} (took {(finished - started).total_seconds():.0f} s). Corpus: {what}.")
    lines.append("")
    lines.append("Machine (a shared machine: wall times move with the load; CPU time is the steadier figure):")
    lines.append("")
    lines.append(f"- CPU: {cpu_model()}, {os.cpu_count()} cores ({len(os.sched_getaffinity(0))} usable by this process), memory {memory_total()}")
    lines.append(f"- load average (1 / 5 / 15 min): {load_before} at the start, {load_after} at the end")
    lines.append(f"- {platform.system()} {platform.release()}")
    for name, version in versions.items():
        lines.append(f"- {name}: {version}")
    lines.append(f"- v6lint source: {REPO} at {repo_state()}")
    lines.append(f"- semgrep rules: {PEER_RULES}")
    lines.append("")
    if warnings:
        lines.append("**WARNINGS: these results are suspect**")
        lines.append("")
        lines.extend(f"- **{w}**" for w in warnings)
        lines.append("")

    lines.append(f"## Corpus: {len(files)} files, {total_lines:,} lines, {total_mb:.1f} MB, one folder as the target of both tools")
    lines.append("")
    lines.append(f"Both tools scan the same folder (stdlib at `{stdlib_root}`, site-packages and __pycache__ left out, hard links under their relative paths) with an empty `.semgrepignore` and a `[tool.v6lint]` table of defaults at its root. The .py files in the folder: {expected}.")
    if left_out:
        lines.append(f"Left out of the corpus because v6lint's built-in excludes skip them in a folder scan: {', '.join(left_out)}.")
    lines.append("Ratios are semgrep / v6lint (higher is better for v6lint).")
    lines.append("")
    header = ["run", "files read", "wall s", "CPU s", "peak RSS tree MB", "peak RSS one process MB", "findings", "wall ratio", "CPU ratio"]
    rows = []
    for name, run in (("v6lint, cold (--no-cache)", cold), ("v6lint, filling the cache", prime), ("v6lint, warm cache", warm), ("semgrep + peer rules", peer)):
        if run is None:
            rows.append([name, "-", "-", "-", "-", "-", "-", "-", "-"])
            continue
        is_ours = run is not peer
        rows.append([
            name, str(run.scanned if run.scanned is not None else "?"), fmt(run.m.wall), fmt(run.m.cpu),
            fmt(run.m.tree_rss_mb, 0), fmt(run.m.max_rss_mb, 0), str(run.findings if run.findings is not None else "?"),
            ratio(peer.m.wall, run.m.wall) if peer and is_ours else "", ratio(peer.m.cpu, run.m.cpu) if peer and is_ours else "",
        ])
    lines.extend(table(header, rows))
    lines.append("Findings are not comparable between the tools: different rules, and v6lint's are precision-first.")
    lines.append("")

    lines.append("## Parsing floor: one process parses what the prefilter passes, nothing else")
    lines.append("")
    lines.append("What a Python engine cannot go below: read every file, run the prefilter, parse the files it passes. Whole process, start-up included; ratios are v6lint cold / this.")
    lines.append("")
    lines.extend(table(
        ["run", "files parsed", "wall s", "CPU s", "peak RSS one process MB", "v6lint cold / this, wall", "CPU"],
        [[label, m.out.strip() or "?", fmt(m.wall), fmt(m.cpu), fmt(m.max_rss_mb, 0), ratio(cold.m.wall, m.wall), ratio(cold.m.cpu, m.cpu)] for label, m in floor],
    ))

    lines.append(f"## Pre-commit sized: {len(small)} files named on the command line, wall including interpreter start-up")
    lines.append("")
    lines.append("v6lint: best of 5. Files: " + ", ".join(f"`{f}`" for f in small) + ".")
    lines.append("")
    lines.extend(table(
        ["run", "files read", "wall s", "CPU s", "peak RSS tree MB"],
        [[name, str(run.scanned if run.scanned is not None else "?"), fmt(run.m.wall, 3), fmt(run.m.cpu, 3), fmt(run.m.tree_rss_mb, 0)] for name, run in precommit],
    ))

    if scaling:
        lines.append("## Scaling: 1x, 2x, 4x copies of the corpus in sub-folders, --no-cache")
        lines.append("")
        lines.append("Growth is CPU(kx) / (k * CPU(1x)): 1.00 is linear. The fixed start-up cost makes small corpora look sub-linear.")
        lines.append("")
        base = scaling[0]
        rows = []
        for times, count, ours, theirs in scaling:
            rows.append([
                f"{times}x", str(count), str(ours.scanned), fmt(ours.m.wall), fmt(ours.m.cpu),
                fmt(1000 * ours.m.cpu / count) if count else "-", fmt(ours.m.cpu / (times * base[2].m.cpu)) if base[2].m.cpu else "-",
                fmt(ours.m.tree_rss_mb, 0),
                str(theirs.scanned) if theirs else "-", fmt(theirs.m.wall) if theirs else "-", fmt(theirs.m.cpu) if theirs else "-",
                fmt(theirs.m.cpu / (times * base[3].m.cpu)) if theirs and base[3] and base[3].m.cpu else "-",
                fmt(theirs.m.tree_rss_mb, 0) if theirs else "-",
                ratio(theirs.m.wall, ours.m.wall) if theirs else "-", ratio(theirs.m.cpu, ours.m.cpu) if theirs else "-",
            ])
        lines.extend(table(
            ["corpus", "files", "v6lint files read", "v6lint wall s", "v6lint CPU s", "v6lint CPU s / 1,000 files", "v6lint growth",
             "v6lint peak RSS tree MB", "semgrep files read", "semgrep wall s", "semgrep CPU s", "semgrep growth",
             "semgrep peak RSS tree MB", "wall ratio", "CPU ratio"],
            rows,
        ))

    if select:
        lines.append("## Prefilter selectivity: corpus files each rule's triggers send to the parser")
        lines.append("")
        lines.extend(table(["rule", "files", "MB"], [[code, str(n), f"{size:.2f}"] for code, n, size in sorted(select, key=lambda item: (-item[2], item[0]))]))

    if notes:
        lines.append("## Notes from the runs")
        lines.append("")
        lines.extend(f"- {note}" for note in notes)
        lines.append("")

    text = "\n".join(lines)
    print(text)
    Path(args.output).write_text(text + "\n", encoding="utf-8")
    if warnings:
        print(f"\n!!! {len(warnings)} WARNING(S), see above and in {args.output}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
