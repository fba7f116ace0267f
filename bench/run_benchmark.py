#!/usr/bin/env python3
"""v6lint against the semgrep peer ruleset, over the same files, on this machine, in one run.

    python bench/run_benchmark.py [--skip-semgrep] [--scale-sample N] [--output bench/RESULTS.md]

Cases (all files passed explicitly, so both tools read exactly the same set):
- the interpreter's standard library (site-packages excluded): v6lint cold (--no-cache),
  v6lint warm (second run on a primed cache), semgrep with ../shared/bench/semgrep-python-peer.yaml
  (--max-target-bytes 0 --metrics=off --disable-version-check);
- pre-commit sized: 10 files, wall time including interpreter start-up, best of 5, cold and warm;
- scaling: 1x, 2x, 4x the corpus (copies in a temporary folder, --no-cache, since copies hit
  the cache), to show the cost grows linearly; ``--scale-sample N`` uses every N-th file;
- the prefilter's selectivity per rule: how many files (and bytes) each rule's triggers let
  through to the parser, the number that decides the cold time.

Wall time from a monotonic clock; CPU time is user+sys of the process and all its children
(getrusage RUSAGE_CHILDREN deltas); memory is the peak of the summed RSS of the whole process
tree (polled from /proc every 20 ms) and the largest single process (ru_maxrss). The table goes
to stdout and, as Markdown, to --output.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import resource
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PEER_RULES = Path(os.environ.get("V6LINT_PEER_RULES", REPO.parent / "shared" / "bench" / "semgrep-python-peer.yaml"))


def python_bin() -> str:
    return sys.executable


def v6lint_cmd() -> list[str]:
    found = shutil.which("v6lint") or str(Path(sys.executable).with_name("v6lint"))
    return [found] if os.path.exists(found) else [sys.executable, "-m", "v6lint"]


def semgrep_cmd() -> list[str] | None:
    found = shutil.which("semgrep") or str(Path(sys.executable).with_name("semgrep"))
    return [found] if os.path.exists(found) else None


def stdlib_files() -> list[str]:
    root = sysconfig.get_paths()["stdlib"]
    found = []
    for folder, folders, names in os.walk(root):
        folders[:] = sorted(f for f in folders if f not in ("site-packages", "__pycache__"))
        found.extend(os.path.join(folder, n) for n in sorted(names) if n.endswith(".py"))
    return found


# -- measuring one command -----------------------------------------------------------------------


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
        rss[pid] = pages * (os.sysconf("SC_PAGE_SIZE") // 1024)
    total, stack = 0, [root_pid]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, ()))
    return total


class Measurement:
    def __init__(self, wall: float, cpu: float, tree_rss_mb: float, max_rss_mb: float, rc: int, out: str):
        self.wall, self.cpu, self.tree_rss_mb, self.max_rss_mb, self.rc, self.out = wall, cpu, tree_rss_mb, max_rss_mb, rc, out


def measure(cmd: list[str], env: dict | None = None, cwd: str | None = None) -> Measurement:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, cwd=cwd)
    peak = [0]
    stop = threading.Event()

    def poll() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], _tree_rss_kb(process.pid))
            stop.wait(0.02)

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    out, _ = process.communicate()
    wall = time.perf_counter() - start
    stop.set()
    poller.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # ru_maxrss of RUSAGE_CHILDREN is the largest of any waited-for descendant, in KB on Linux.
    return Measurement(wall, cpu, peak[0] / 1024, after.ru_maxrss / 1024, process.returncode, out.decode(errors="replace"))


# -- cases ---------------------------------------------------------------------------------------


def run_v6lint(files: list[str], *, cache_dir: str | None, extra: list[str] = ()) -> Measurement:
    env = dict(os.environ)
    env.pop("V6LINT_EXHAUSTIVE", None)
    cmd = [*v6lint_cmd(), "check", "--quiet", "--exit-zero", "--output-format", "json", *extra]
    if cache_dir is None:
        cmd.append("--no-cache")
    else:
        env["V6LINT_CACHE_DIR"] = cache_dir
    return measure([*cmd, *files], env=env)


def run_semgrep(files: list[str]) -> Measurement | None:
    semgrep = semgrep_cmd()
    if semgrep is None or not PEER_RULES.exists():
        return None
    cmd = [
        *semgrep, "scan", "--config", str(PEER_RULES), "--metrics=off", "--disable-version-check",
        "--max-target-bytes", "0", "--json", "--quiet", "--no-git-ignore", *files,
    ]
    return measure(cmd)


def count_findings(measurement: Measurement) -> str:
    import json

    try:
        start = measurement.out.index("{")
        data = json.loads(measurement.out[start:])
    except ValueError:
        return "?"
    for key in ("findings", "results"):
        if isinstance(data.get(key), list):
            return str(len(data[key]))
    return "?"


def selectivity(files: list[str]) -> list[tuple[str, int, float]]:
    sys.path.insert(0, str(REPO))
    from v6lint.prefilter import TriggerTable
    from v6lint.rules import python_rules

    rules = python_rules()
    tables = {rule.code: TriggerTable.from_rules([rule]) for rule in rules}
    union = TriggerTable.from_rules(rules)
    counts = {code: [0, 0] for code in tables}
    counts["(any rule)"] = [0, 0]
    for path in files:
        data = Path(path).read_bytes()
        for code, table in tables.items():
            if table.codes_in(data):
                counts[code][0] += 1
                counts[code][1] += len(data)
        if union.codes_in(data):
            counts["(any rule)"][0] += 1
            counts["(any rule)"][1] += len(data)
    return [(code, n, size / 1e6) for code, (n, size) in counts.items()]


def copies(files: list[str], times: int, folder: str) -> list[str]:
    out = []
    for copy in range(times):
        for index, path in enumerate(files):
            target = os.path.join(folder, f"c{copy}", f"{index:05d}_{os.path.basename(path)}")
            if not os.path.exists(target):
                os.makedirs(os.path.dirname(target), exist_ok=True)
                shutil.copyfile(path, target)
            out.append(target)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-semgrep", action="store_true")
    parser.add_argument("--skip-scaling", action="store_true")
    parser.add_argument("--scale-sample", type=int, default=1, help="scaling series on every N-th file")
    parser.add_argument("--output", default=str(HERE / "RESULTS.md"))
    args = parser.parse_args()

    files = stdlib_files()
    total_mb = sum(os.path.getsize(f) for f in files) / 1e6
    rows: list[tuple[str, ...]] = []
    lines = []
    with tempfile.TemporaryDirectory(prefix="v6lint-bench-") as scratch:
        cache = os.path.join(scratch, "cache")
        load_before = os.getloadavg()

        cold = run_v6lint(files, cache_dir=None)
        prime = run_v6lint(files, cache_dir=cache)
        warm = run_v6lint(files, cache_dir=cache)
        peer = None if args.skip_semgrep else run_semgrep(files)

        def row(name: str, m: Measurement | None) -> None:
            if m is None:
                rows.append((name, "-", "-", "-", "-", "-", "-"))
                return
            ratio = f"{peer.wall / m.wall:.1f}x" if peer is not None and m is not peer else ""
            rows.append((name, f"{m.wall:.2f}", f"{m.cpu:.2f}", f"{m.tree_rss_mb:.0f}", f"{m.max_rss_mb:.0f}", count_findings(m), ratio))

        row("v6lint, cold (--no-cache)", cold)
        row("v6lint, cache being filled", prime)
        row("v6lint, warm cache", warm)
        row("semgrep + peer rules", peer)

        # Pre-commit sized: 10 ordinary modules (2-20 KB), best of 5 each way.
        small = [f for f in files if 2_000 <= os.path.getsize(f) <= 20_000 and "/test" not in f][:: 37][:10]
        small_cache = os.path.join(scratch, "small-cache")
        precommit = []
        for label, cache_dir in (("cold (--no-cache)", None), ("warm cache", small_cache)):
            if cache_dir:
                run_v6lint(small, cache_dir=cache_dir)
            best = min((run_v6lint(small, cache_dir=cache_dir) for _ in range(5)), key=lambda m: m.wall)
            precommit.append((label, best))

        scaling = []
        if not args.skip_scaling:
            sample = files[:: args.scale_sample]
            copies_dir = os.path.join(scratch, "copies")
            for times in (1, 2, 4):
                corpus = copies(sample, times, copies_dir)
                scaling.append((times, len(corpus), run_v6lint(corpus, cache_dir=None)))
        load_after = os.getloadavg()

    try:
        select = selectivity(files)
    except Exception as error:  # the table is informative; never fail the benchmark on it
        select = []
        print(f"selectivity table skipped: {error}", file=sys.stderr)

    import libcst

    when = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    lines.append("# v6lint benchmark\n")
    lines.append(
        f"Written by `bench/run_benchmark.py` on {when}: {platform.python_implementation()} "
        f"{platform.python_version()}, libcst {getattr(libcst, '__version__', '?')}, "
        f"{os.cpu_count()} cores, load average {load_before[0]:.1f} before and "
        f"{load_after[0]:.1f} after (a shared machine: wall times vary with load; CPU "
        f"time is the steadier figure).\n"
    )
    lines.append(f"## Standard library: {len(files)} files, {total_mb:.1f} MB, files passed explicitly\n")
    lines.append("| run | wall s | CPU s | peak RSS, tree MB | peak RSS, one process MB | findings | semgrep wall / this wall |")
    lines.append("|---|---|---|---|---|---|---|")
    lines.extend("| " + " | ".join(r) + " |" for r in rows)
    lines.append("")
    lines.append("## Pre-commit sized: 10 files, wall including interpreter start-up, best of 5\n")
    lines.append("| run | wall s | CPU s | peak RSS MB |")
    lines.append("|---|---|---|---|")
    for label, m in precommit:
        lines.append(f"| v6lint, {label} | {m.wall:.3f} | {m.cpu:.3f} | {m.tree_rss_mb:.0f} |")
    lines.append("")
    if scaling:
        lines.append(f"## Scaling: copies of every {args.scale_sample}-th stdlib file, --no-cache\n")
        lines.append("| corpus | files | wall s | CPU s | CPU s per 1,000 files | peak RSS, tree MB |")
        lines.append("|---|---|---|---|---|---|")
        for times, count, m in scaling:
            lines.append(f"| {times}x | {count} | {m.wall:.2f} | {m.cpu:.2f} | {1000 * m.cpu / count:.2f} | {m.tree_rss_mb:.0f} |")
        lines.append("")
    if select:
        lines.append("## Prefilter selectivity: stdlib files each rule's triggers send to the parser\n")
        lines.append("| rule | files | MB |")
        lines.append("|---|---|---|")
        for code, count, size in sorted(select, key=lambda item: -item[2]):
            lines.append(f"| {code} | {count} | {size:.1f} |")
        lines.append("")
    text = "\n".join(lines)
    print(text)
    Path(args.output).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
