#!/usr/bin/env python3
"""Recall of v6lint on real IPv6 bugs that released PyPI packages shipped (bench/recall/bugs.toml).

    python bench/recall/run_recall.py [--corpus DIR] [--json OUT] [--only PKG-VER ...]

Each bug is a line in the release before its fix. The script fetches the sdists it needs from
PyPI (sha256 checked, unpacked without running setup.py) into the corpus folder, scans each
release once with ``v6lint check --no-cache`` over its Python files, and counts a bug as found
when a finding covers its line: any V6 code ("found"), and one of the codes the manifest
expects for the concern ("as expected"). It prints every bug, recall per family and overall,
and the number of findings per release (what a user would have to read).
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import tomllib
import urllib.request
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIMPLE_INDEX = "https://pypi.org/simple/{}/"
SDIST_SUFFIXES = (".tar.gz", ".zip", ".tar.bz2", ".tgz")


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def sdist_entry(package: str, version: str) -> dict:
    """The index entry of the release's sdist (pip's JSON form of the simple index)."""
    request = urllib.request.Request(
        SIMPLE_INDEX.format(normalized(package)),
        headers={"Accept": "application/vnd.pypi.simple.v1+json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        files = json.load(response)["files"]
    for suffix in SDIST_SUFFIXES:  # .tar.gz first: it is the canonical sdist
        for entry in files:
            name = entry["filename"]
            if name.endswith(suffix):
                stem_name, _, stem_version = name[: -len(suffix)].rpartition("-")
                if stem_version == version and normalized(stem_name) == normalized(package):
                    return entry
    raise LookupError(f"PyPI has no sdist of {package} {version}")


def unpacked_release(package: str, version: str, corpus: Path) -> Path:
    """corpus/<package>-<version>, fetched and unpacked first when it is missing."""
    target = corpus / f"{package}-{version}"
    if target.is_dir():
        return target
    entry = sdist_entry(package, version)
    with urllib.request.urlopen(entry["url"], timeout=300) as response:
        data = response.read()
    if hashlib.sha256(data).hexdigest() != entry["hashes"]["sha256"]:
        raise ValueError(f"{entry['filename']}: sha256 does not match the index")
    corpus.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(dir=corpus))
    try:
        if entry["filename"].endswith(".zip"):
            zipfile.ZipFile(io.BytesIO(data)).extractall(scratch)
        else:
            with tarfile.open(fileobj=io.BytesIO(data)) as archive:
                archive.extractall(scratch, filter="data")
        entries = list(scratch.iterdir())
        root = entries[0] if len(entries) == 1 and entries[0].is_dir() else scratch
        root.rename(target)  # one rename: a half-unpacked release is never taken for whole
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return target


def scan(release: Path, command: list[str]) -> list[dict]:
    """v6lint's findings over the release's Python files, paths relative to the release."""
    files = sorted(str(p.relative_to(release)) for p in release.rglob("*.py") if p.is_file())
    if not files:
        return []
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        config = Path(scratch) / "v6lint.toml"  # keep the release's own config out of it
        config.write_text("[tool.v6lint]\n")
        subprocess.run(
            [*command, "check", "--no-cache", "--quiet", "--exit-zero", "--config", str(config),
             "--output-format", "json", "--output-file", str(report), *files],
            cwd=release,
        )  # exit 2 with a report: some files could not be analysed (old Python 2 code, ...)
        if not report.exists():
            raise RuntimeError(f"v6lint wrote no report for {release.name}")
        findings = json.loads(report.read_text())["findings"]
    for finding in findings:
        path = Path(finding["path"])
        finding["path"] = str(path.relative_to(release) if path.is_absolute() else path)
    return findings


def covers(finding: dict, bug: dict) -> bool:
    if finding["path"] != bug["path"]:
        return False
    return finding["start"]["line"] <= bug["line"] <= max(finding["end"]["line"], finding["start"]["line"])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--manifest", type=Path, default=HERE / "bugs.toml")
    parser.add_argument(
        "--corpus", type=Path,
        default=Path(os.environ.get("V6LINT_RECALL_DIR", Path.home() / ".cache" / "v6lint-recall")),
        help="where the unpacked sdists live (fetched there when missing)",
    )
    parser.add_argument("--json", type=Path, help="write the per-bug results here")
    parser.add_argument("--only", nargs="*", default=(), help="releases (package-version) to run")
    parser.add_argument(
        "--v6lint", default=f"{sys.executable} -m v6lint", help="the command to run (default: %(default)s)"
    )
    args = parser.parse_args(argv)

    bugs = tomllib.loads(args.manifest.read_text())["bug"]
    releases = collections.defaultdict(list)
    for bug in bugs:
        key = f"{bug['package']}-{bug['version']}"
        if not args.only or key in args.only:
            releases[key].append(bug)

    results, findings_per_release = [], {}
    for key, release_bugs in sorted(releases.items()):
        first = release_bugs[0]
        release = unpacked_release(first["package"], first["version"], args.corpus)
        findings = scan(release, args.v6lint.split())
        findings_per_release[key] = len(findings)
        for bug in release_bugs:
            hits = [f for f in findings if covers(f, bug)]
            codes = sorted({f["code"] for f in hits})
            results.append({
                **bug, "release": key, "found_codes": codes,
                "found": bool(hits), "as_expected": bool(set(codes) & set(bug["expect"])),
            })

    width = max(len(r["release"]) for r in results)
    for r in sorted(results, key=lambda r: (r["family"], r["id"])):
        mark = "found" if r["as_expected"] else ("other" if r["found"] else "MISSED")
        print(f"{mark:6} #{r['id']:<3} {r['family']:14} {r['release']:{width}} "
              f"{r['path']}:{r['line']} {','.join(r['found_codes']) or '-'}  {r['code'][:70]}")
    print()
    families = collections.defaultdict(list)
    for r in results:
        families[r["family"]].append(r)
    for family, rows in sorted(families.items()):
        print(f"{family:14} {sum(r['as_expected'] for r in rows)}/{len(rows)} as expected, "
              f"{sum(r['found'] for r in rows)}/{len(rows)} with any code")
    total = len(results)
    expected = sum(r["as_expected"] for r in results)
    found = sum(r["found"] for r in results)
    print(f"{'overall':14} {expected}/{total} as expected ({expected / total:.2f}), "
          f"{found}/{total} with any code ({found / total:.2f})")
    print(f"findings in the {len(findings_per_release)} releases: {sum(findings_per_release.values())} "
          + " ".join(f"{k}={v}" for k, v in sorted(findings_per_release.items())))
    if args.json:
        args.json.write_text(json.dumps(
            {"results": results, "findings_per_release": findings_per_release}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
