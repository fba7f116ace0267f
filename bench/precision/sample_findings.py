#!/usr/bin/env python3
"""Draw a reproducible random sample of v6lint findings for a human to judge.

Runs ``v6lint check --output-format json`` over the given paths (or reads a JSON report made
earlier with ``--report``), prints the number of findings per rule, then a seeded random sample
of N findings, each with its message and a few lines of source around it, numbered so that
verdicts can be written down next to them. The same inputs and seed give the same sample.

Examples:
    python bench/precision/sample_findings.py /usr/lib/python3.11 --select V61,V63 -n 30
    python bench/precision/sample_findings.py src --per-rule 5 --seed 7 --format markdown
    python bench/precision/sample_findings.py --report old.json -n 20 --code V6101
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, Optional


def run_v6lint(paths: list[str], select: Optional[str], ignore: Optional[str], jobs: Optional[int]) -> dict:
    """The JSON report of one ``v6lint check`` run (exit codes 0, 1 and 2 all give a report)."""
    with tempfile.TemporaryDirectory() as folder:
        output = os.path.join(folder, "report.json")
        command = [sys.executable, "-m", "v6lint", "check", "--output-format", "json",
                   "--output-file", output, "--quiet"]
        if select:
            command += ["--select", select]
        if ignore:
            command += ["--ignore", ignore]
        if jobs:
            command += ["--jobs", str(jobs)]
        command += paths
        completed = subprocess.run(command, stderr=subprocess.PIPE, text=True)
        if completed.returncode not in (0, 1, 2) or not os.path.exists(output):
            sys.exit(f"v6lint failed (exit {completed.returncode}):\n{completed.stderr}")
        with open(output, encoding="utf-8") as stream:
            return json.load(stream)


def source_lines(path: str, cache: dict[str, list[str]]) -> list[str]:
    if path not in cache:
        try:
            cache[path] = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            cache[path] = []
    return cache[path]


def excerpt(finding: dict[str, Any], context: int, cache: dict[str, list[str]]) -> list[str]:
    """Numbered source lines around the finding, its first line marked with ``>``."""
    lines = source_lines(finding["path"], cache)
    start, end = finding["start"]["line"], finding["end"]["line"]
    shown = []
    for number in range(max(1, start - context), min(len(lines), end + context) + 1):
        marker = ">" if start <= number <= end else " "
        shown.append(f"{marker}{number:6d} | {lines[number - 1]}")
    return shown or ["  (source not readable)"]


def draw(findings: list[dict], size: Optional[int], per_rule: Optional[int], seed: int) -> list[dict]:
    """A seeded sample: ``size`` findings overall, or ``per_rule`` from each code."""
    rng = random.Random(seed)
    ordered = sorted(findings, key=lambda f: (f["path"], f["start"]["line"], f["start"]["column"], f["code"]))
    if per_rule is not None:
        by_code: dict[str, list[dict]] = collections.defaultdict(list)
        for finding in ordered:
            by_code[finding["code"]].append(finding)
        chosen = []
        for code in sorted(by_code):
            group = by_code[code]
            chosen += rng.sample(group, min(per_rule, len(group)))
    else:
        chosen = rng.sample(ordered, min(size or len(ordered), len(ordered)))
    return sorted(chosen, key=lambda f: (f["code"], f["path"], f["start"]["line"]))


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="files or folders to scan")
    parser.add_argument("--report", help="use this v6lint JSON report instead of scanning")
    parser.add_argument("--select", help="codes or prefixes, passed to v6lint (comma separated)")
    parser.add_argument("--ignore", help="codes or prefixes, passed to v6lint")
    parser.add_argument("--code", action="append", default=[],
                        help="sample only findings whose code starts with this (repeatable)")
    parser.add_argument("-n", "--size", type=int, default=30, help="sample size (default 30)")
    parser.add_argument("--per-rule", type=int, help="sample this many per rule instead of -n")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--context", type=int, default=3, help="lines of context (default 3)")
    parser.add_argument("--format", choices=("text", "markdown"), default="text")
    parser.add_argument("--include-suppressed", action="store_true",
                        help="also sample findings silenced by inline suppressions")
    parser.add_argument("--save-report", help="also write the JSON report here")
    parser.add_argument("-j", "--jobs", type=int, help="v6lint worker processes")
    args = parser.parse_args(argv)

    if args.report:
        with open(args.report, encoding="utf-8") as stream:
            report = json.load(stream)
    elif args.paths:
        report = run_v6lint(args.paths, args.select, args.ignore, args.jobs)
    else:
        parser.error("give paths to scan or --report FILE")
    if args.save_report:
        with open(args.save_report, "w", encoding="utf-8") as stream:
            json.dump(report, stream, indent=1)

    findings = [f for f in report["findings"] if args.include_suppressed or not f.get("suppressed")]
    if args.code:
        findings = [f for f in findings if any(f["code"].startswith(c) for c in args.code)]
    counts = collections.Counter(f["code"] for f in findings)
    errors = [d for d in report.get("diagnostics", []) if d.get("is_error")]
    sample = draw(findings, args.size, args.per_rule, args.seed)

    md = args.format == "markdown"
    out = print
    out(f"{'## ' if md else ''}Findings per rule ({len(findings)} in all; "
        f"{report.get('summary', {}).get('files_scanned', '?')} files; {len(errors)} diagnostics)")
    for code, count in sorted(counts.items()):
        out(f"{'- ' if md else '  '}{code}: {count}")
    out("")
    how = f"{args.per_rule} per rule" if args.per_rule is not None else f"n={args.size}"
    out(f"{'## ' if md else ''}Sample ({len(sample)} findings, {how}, seed {args.seed})")
    cache: dict[str, list[str]] = {}
    for index, finding in enumerate(sample, start=1):
        where = f"{finding['path']}:{finding['start']['line']}:{finding['start']['column']}"
        out("")
        out(f"{'### ' if md else ''}[{index}] {finding['code']} {finding['name']} {where}")
        out(f"{'' if md else '    '}{finding['message']}")
        if md:
            out("```python")
        for line in excerpt(finding, args.context, cache):
            out(line if md else f"    {line}")
        if md:
            out("```")
        out(f"{'' if md else '    '}verdict: ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
