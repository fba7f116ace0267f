#!/usr/bin/env python3
"""Recall of v6lint on real IPv6 fix commits in public repositories (bench/recall/commits/*.toml).

    python bench/recall/run_commit_recall.py [--mirrors DIR] [--lang LANG ...] [--json OUT]
                                             [--v6lint CMD] [--keep DIR]

Each case in a language's manifest is a fix commit and the lines of the parent commit's file
that held the IPv4-only code. The script takes those parent versions out of bare git mirrors
(``DIR/owner+name/repo``, as the session's fetch tool lays them out), writes them under a
scratch tree that keeps each file's name and extension, scans the tree once per language with
``v6lint check --no-cache``, and counts a case as found when a finding's span covers one of its
lines (with a window of one line either side: a fix may move the statement by a line).
It prints found/missed per case and the recall per language.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFESTS = HERE / "commits"
WINDOW = 1


def git_show(mirror: Path, commit: str, path: str) -> bytes | None:
    """The file as it was in the fix's parent commit, or None if it did not exist there."""
    result = subprocess.run(
        ["git", "--git-dir", str(mirror), "show", f"{commit}^:{path}"],
        capture_output=True,
    )
    return result.stdout if result.returncode == 0 else None


def scan(tree: Path, command: list[str]) -> list[dict]:
    """v6lint's findings over the tree, paths relative to it (it runs inside the tree)."""
    report = tree.parent / f"{tree.name}.json"
    subprocess.run(
        [*command, "check", "--no-cache", "--exit-zero", "-q", "--output-format", "json",
         "--output-file", str(report), "."],
        check=False, cwd=tree,
    )
    if not report.exists():
        sys.exit(f"v6lint wrote no report for {tree}")
    return json.loads(report.read_text())["findings"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--lang", action="append", help="only these manifests (file stems)")
    parser.add_argument("--json", type=Path, help="write the per-case results here")
    parser.add_argument("--v6lint", default=f"{sys.executable} -m v6lint")
    parser.add_argument("--keep", type=Path, help="extract the files here and keep them")
    args = parser.parse_args(argv)

    manifests = sorted(MANIFESTS.glob("*.toml"))
    if args.lang:
        manifests = [m for m in manifests if m.stem in args.lang]
    results, summary = [], []
    with tempfile.TemporaryDirectory() as scratch:
        root = args.keep or Path(scratch)
        for manifest in manifests:
            cases = tomllib.loads(manifest.read_text())["case"]
            tree = root / manifest.stem
            tree.mkdir(parents=True, exist_ok=True)
            located = []
            for number, case in enumerate(cases, 1):
                mirror = args.mirrors / case["repo"].replace("/", "+") / "repo"
                source = git_show(mirror, case["fix"], case["file"])
                if source is None:
                    print(f"  cannot read {case['repo']} {case['fix']}^:{case['file']}",
                          file=sys.stderr)
                    continue
                # One folder per case keeps the file's own name (shebangs, Dockerfile, .conf).
                target = tree / f"{number:03d}" / case["file"]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(source)
                located.append((case, target.relative_to(tree).as_posix()))
            findings = scan(tree, args.v6lint.split())
            by_path: dict[str, list[dict]] = {}
            for finding in findings:
                by_path.setdefault(Path(finding["path"]).as_posix(), []).append(finding)
            found = 0
            print(f"== {manifest.stem}")
            for case, path in located:
                lines = set(case["lines"])
                hits = [f for f in by_path.get(path, [])
                        if any(f["start"]["line"] - WINDOW <= line <= f["end"]["line"] + WINDOW
                               for line in lines)]
                found += bool(hits)
                codes = sorted({f["code"] for f in hits})
                print(f"{'FOUND' if hits else 'miss '} {case['repo']} {case['fix'][:10]} "
                      f"{case['file']}:{','.join(map(str, case['lines']))} "
                      f"{' '.join(codes)}  # {case.get('what', '')}")
                results.append({"lang": manifest.stem, **case, "found": bool(hits),
                                "codes": codes})
            total = len(located)
            summary.append((manifest.stem, found, total))
    print()
    for lang, found, total in summary:
        print(f"{lang:10s} {found:3d}/{total:<3d} recall {found / total if total else 0:.2f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
