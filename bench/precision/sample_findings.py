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
    python bench/precision/sample_findings.py --python-files --exclude-tests \
        --exclude-dir site-packages /root/.pyenv/versions/3.11.7/lib/python3.11 \
        --per-rule 30 --seed 11 --save-report stdlib.json

``--per-rule N`` is a stratified sample: every finding of a rule with at most N findings,
and a seeded random N of each bigger rule. With ``--verdicts FILE`` (lines of
``CODE<TAB>path:line:col<TAB>T or F<TAB>reason``, ``#`` comments allowed) it prints, instead
of the excerpts, a per-rule table of the judged sample (precision per rule and overall, the
overall one weighted by each rule's share of the findings) and every false positive with its
reason; ``--after REPORT`` adds whether each judged finding is still reported there.
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


# Folders and files that hold test code (``--exclude-tests``).
TEST_DIRS = frozenset({"test", "tests", "testing", "idle_test", "unittests"})


def is_test_path(path: str) -> bool:
    parts = Path(path).parts
    name = parts[-1] if parts else ""
    return (
        any(part in TEST_DIRS for part in parts[:-1])
        or name.startswith("test_") or name.endswith("_test.py") or name == "conftest.py"
    )


def python_files(paths: list[str], exclude_tests: bool, exclude_dirs: list[str]) -> list[str]:
    """Every ``.py`` file under ``paths`` (files given by name are kept), sorted."""
    found = []
    for path in paths:
        if os.path.isfile(path):
            found.append(path)
            continue
        for folder, subfolders, files in os.walk(path):
            subfolders[:] = sorted(d for d in subfolders if d not in exclude_dirs)
            for name in files:
                file = os.path.join(folder, name)
                # Test folders are judged below the scanned folder, not in the path to it.
                if name.endswith(".py") and not (
                    exclude_tests and is_test_path(os.path.relpath(file, path))
                ):
                    found.append(file)
    return sorted(found)


def run_v6lint(paths: list[str], select: Optional[str], ignore: Optional[str], jobs: Optional[int],
               no_cache: bool = False) -> dict:
    """The JSON report of one ``v6lint check`` run (exit codes 0, 1 and 2 all give a report)."""
    with tempfile.TemporaryDirectory() as folder:
        output = os.path.join(folder, "report.json")
        command = [sys.executable, "-m", "v6lint", "check", "--output-format", "json",
                   "--output-file", output, "--quiet"]
        if no_cache:
            command.append("--no-cache")
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


def where(finding: dict) -> str:
    return f"{finding['path']}:{finding['start']['line']}:{finding['start']['column']}"


def read_verdicts(path: str) -> dict[tuple[str, str], tuple[str, str]]:
    """``(code, path:line:col) -> (verdict, reason)`` from a tab-separated file."""
    verdicts = {}
    with open(path, encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) < 4 or fields[2] not in ("T", "F"):
                sys.exit(f"{path}:{number}: want CODE<TAB>path:line:col<TAB>T|F<TAB>reason")
            verdicts[(fields[0], fields[1])] = (fields[2], fields[3])
    return verdicts


def tally(findings: list[dict], sample: list[dict], verdicts: dict, after: Optional[dict],
          md: bool) -> int:
    """Per-rule precision of the judged sample; exit 1 when a sampled finding is unjudged."""
    out = print
    counts = collections.Counter(f["code"] for f in findings)
    still = None
    if after is not None:
        still = {(f["code"], where(f)) for f in after["findings"] if not f.get("suppressed")}
        after_counts = collections.Counter(
            f["code"] for f in after["findings"] if not f.get("suppressed"))
    rows, missing, false = [], [], []
    weighted = total_true = total_judged = 0.0
    for code in sorted(counts):
        judged = [(f, verdicts.get((code, where(f)))) for f in sample if f["code"] == code]
        missing += [where(f) for f, v in judged if v is None]
        true = sum(1 for _, v in judged if v and v[0] == "T")
        bad = [(f, v) for f, v in judged if v and v[0] == "F"]
        false += [(code, f, v) for f, v in bad]
        n = true + len(bad)
        precision = true / n if n else float("nan")
        if n:
            weighted += counts[code] * precision
        total_true += true
        total_judged += n
        row = [code, str(counts[code]), str(len(judged)), str(true), str(len(bad)),
               f"{precision:.0%}" if n else "-"]
        if still is not None:
            kept_true = sum(1 for f, v in judged if v and v[0] == "T" and (code, where(f)) in still)
            kept_false = sum(1 for f, v in bad if (code, where(f)) in still)
            row += [str(after_counts.get(code, 0)), f"{kept_true}/{true}", f"{kept_false}/{len(bad)}"]
        rows.append(row)
    for code in sorted(set(after_counts) - set(counts)) if still is not None else ():
        rows.append([code, "0", "0", "0", "0", "-", str(after_counts[code]), "-", "-"])
    header = ["rule", "findings", "sampled", "true", "false", "precision"]
    if still is not None:
        header += ["findings after", "true kept", "false still reported"]
    if md:
        out("| " + " | ".join(header) + " |")
        out("|" + "|".join("---" for _ in header) + "|")
        for row in rows:
            out("| " + " | ".join(row) + " |")
    else:
        for row in [header] + rows:
            out("  ".join(f"{cell:>10}" for cell in row))
    judged_rules = sum(counts[code] for code in counts if any(
        verdicts.get((code, where(f))) for f in sample if f["code"] == code))
    out("")
    out(f"sample: {int(total_true)}/{int(total_judged)} true = "
        f"{total_true / total_judged:.1%}" if total_judged else "sample: nothing judged")
    if judged_rules:
        out(f"estimated precision over all {sum(counts.values())} findings (each rule's sample "
            f"precision weighted by its findings): {weighted / judged_rules:.1%}")
    out("")
    out(f"{'## ' if md else ''}False positives ({len(false)})")
    for code, f, (_, reason) in false:
        kept = ""
        if still is not None:
            kept = " (still reported)" if (code, where(f)) in still else " (gone)"
        out(f"{'- ' if md else '  '}{code} {where(f)}{kept}: {reason}")
    if missing:
        out("")
        out(f"not judged ({len(missing)}): " + ", ".join(missing))
        return 1
    return 0


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
    parser.add_argument("--no-cache", action="store_true", help="pass --no-cache to v6lint")
    parser.add_argument("--python-files", action="store_true",
                        help="scan only the .py files found under the paths")
    parser.add_argument("--exclude-tests", action="store_true",
                        help="with --python-files: leave out test folders (test, tests, testing,"
                        " idle_test, unittests) and test_*.py, *_test.py, conftest.py")
    parser.add_argument("--exclude-dir", action="append", default=[],
                        help="with --python-files: leave out folders of this name (repeatable)")
    parser.add_argument("--verdicts", help="tally this verdict file against the sample")
    parser.add_argument("--after", help="with --verdicts: a later JSON report to compare with")
    args = parser.parse_args(argv)

    if args.report:
        with open(args.report, encoding="utf-8") as stream:
            report = json.load(stream)
    elif args.paths:
        paths = args.paths
        if args.python_files:
            paths = python_files(paths, args.exclude_tests, args.exclude_dir)
        report = run_v6lint(paths, args.select, args.ignore, args.jobs, args.no_cache)
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
    if args.verdicts:
        after = None
        if args.after:
            with open(args.after, encoding="utf-8") as stream:
                after = json.load(stream)
        return tally(findings, sample, read_verdicts(args.verdicts), after, md)
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
        out("")
        out(f"{'### ' if md else ''}[{index}] {finding['code']} {finding['name']} {where(finding)}")
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
