"""Baselines: record today's findings so a legacy repository can burn them down gradually.

``v6lint check --write-baseline FILE`` records every finding that is not suppressed inline;
``v6lint check --baseline FILE`` then marks each finding ``unchanged`` (recorded) or ``new``,
and returns the recorded ones that are gone as ``absent`` (SARIF ``baselineState``).

Matching uses `v6lint.fingerprints.baseline_key`: rule code, path, the finding's line with
whitespace collapsed, and an occurrence index among identical findings in the file. Moving
code, editing other lines or re-indenting keeps a finding ``unchanged``; editing the line
itself makes it ``new`` (and its old entry ``absent``), which is what a reviewer wants.

The file is JSON, written sorted and with a trailing newline so it diffs well when committed::

    {
      "$comment": "...",
      "findings": [
        {"code": "V6101", "column": 8, "key": "v1:…", "level": "warning", "line": 12,
         "message": "…", "name": "af-inet-socket", "path": "src/net.py"}
      ],
      "tool": "v6lint",
      "version": 1
    }

``path`` is relative to the directory holding the baseline file, so the baseline works from
any working directory. ``line``, ``column``, ``message``, ``name`` and ``level`` are for people
and for reporting absent findings; only ``key`` is used for matching.
"""

from __future__ import annotations

import dataclasses
import json
import os
from typing import Callable, Optional, Sequence

from v6lint.atomic import write_atomically
from v6lint.fingerprints import baseline_keys
from v6lint.model import Finding, Position, Severity, Span

BASELINE_VERSION = 1
_COMMENT = (
    "v6lint baseline: findings recorded with --write-baseline; --baseline reports only findings "
    "not listed here. Regenerate it after fixing findings to keep it small."
)

ReadSource = Callable[[str], Optional[str]]


def _key_path(finding_path: str, base_dir: str, cwd: str) -> str:
    """``finding_path`` (relative to ``cwd``) made relative to the baseline's directory."""
    absolute = os.path.realpath(os.path.join(cwd, finding_path))
    relative = os.path.relpath(absolute, base_dir)
    return relative.replace(os.sep, "/")


def _reader(read_source: ReadSource) -> Callable[[Finding], Optional[str]]:
    cache: dict[str, Optional[str]] = {}

    def source_for(finding: Finding) -> Optional[str]:
        if finding.path not in cache:
            try:
                cache[finding.path] = read_source(finding.path)
            except (OSError, UnicodeError):
                cache[finding.path] = None
        return cache[finding.path]

    return source_for


def _keys(
    findings: Sequence[Finding], baseline_path: str, read_source: ReadSource, cwd: str
) -> tuple[list[str], list[str]]:
    base_dir = os.path.dirname(os.path.realpath(baseline_path))
    paths = {f.path: _key_path(f.path, base_dir, cwd) for f in findings}
    keys = baseline_keys(findings, _reader(read_source), lambda f: paths[f.path])
    return keys, [paths[f.path] for f in findings]


def write_baseline(
    findings: Sequence[Finding],
    path: str,
    read_source: ReadSource,
    *,
    cwd: Optional[str] = None,
) -> int:
    """Write the findings not suppressed inline to ``path``; returns how many were recorded.

    ``read_source(finding.path)`` returns the file's text (None when unreadable). The file is
    replaced atomically, so an interrupted run never leaves half a baseline behind.
    """
    cwd = cwd or os.getcwd()
    active = [f for f in findings if f.suppression is None]
    keys, key_paths = _keys(active, path, read_source, cwd)
    entries = [
        {
            "code": f.code,
            "column": f.span.start.column,
            "key": key,
            "level": f.severity.value,
            "line": f.span.start.line,
            "message": f.message,
            "name": f.name,
            "path": key_path,
        }
        for f, key, key_path in zip(active, keys, key_paths)
    ]
    entries.sort(key=lambda e: (e["path"], e["line"], e["column"], e["code"], e["key"]))
    document = {
        "$comment": _COMMENT,
        "findings": entries,
        "tool": "v6lint",
        "version": BASELINE_VERSION,
    }
    text = json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    write_atomically(path, text.encode("utf-8", "surrogateescape"))
    return len(entries)


def load_baseline(path: str) -> list[dict]:
    """The entries of the baseline at ``path``; ValueError (naming the file) when unusable."""
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as handle:
            raw = handle.read()
    except FileNotFoundError:
        raise ValueError(
            f"baseline file {path} does not exist (create it with --write-baseline {path})"
        ) from None
    except OSError as error:
        raise ValueError(f"baseline file {path} cannot be read: {error.strerror}") from None
    try:
        document = json.loads(raw)
    except json.JSONDecodeError as error:
        raise ValueError(
            f"baseline file {path} is not valid JSON (line {error.lineno}, column {error.colno}: "
            f"{error.msg}); regenerate it with --write-baseline"
        ) from None
    if not isinstance(document, dict) or document.get("tool") != "v6lint":
        raise ValueError(f"baseline file {path} is not a v6lint baseline (no \"tool\": \"v6lint\")")
    version = document.get("version")
    if version != BASELINE_VERSION:
        raise ValueError(
            f"baseline file {path} has format version {version!r}; this v6lint reads version "
            f"{BASELINE_VERSION}: regenerate it with --write-baseline"
        )
    entries = document.get("findings")
    if not isinstance(entries, list):
        raise ValueError(f"baseline file {path} has no \"findings\" list")
    for number, entry in enumerate(entries, 1):
        problem = _entry_problem(entry)
        if problem:
            raise ValueError(f"baseline file {path}: finding #{number} {problem}")
    return entries


def _entry_problem(entry: object) -> Optional[str]:
    if not isinstance(entry, dict):
        return "is not an object"
    for field in ("key", "code", "path"):
        if not isinstance(entry.get(field), str) or not entry[field]:
            return f"has no {field!r} string"
    for field in ("line", "column"):
        value = entry.get(field, 1)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            return f"has a bad {field!r} (a positive integer is needed)"
    if entry.get("level", "warning") not in {s.value for s in Severity}:
        return f"has an unknown level {entry.get('level')!r}"
    return None


def apply_baseline(
    findings: Sequence[Finding],
    path: str,
    read_source: ReadSource,
    *,
    cwd: Optional[str] = None,
) -> tuple[list[Finding], list[Finding]]:
    """Mark ``findings`` ``new`` or ``unchanged`` against the baseline at ``path``.

    Returns (findings in the same order, with ``baseline_state`` set on every finding not
    suppressed inline; absent findings rebuilt from the baseline, state ``absent``, paths
    relative to ``cwd``). Raises ValueError for a missing or corrupt baseline file.
    """
    cwd = cwd or os.getcwd()
    entries = load_baseline(path)
    recorded = {entry["key"]: entry for entry in entries}
    active_positions = [i for i, f in enumerate(findings) if f.suppression is None]
    active = [findings[i] for i in active_positions]
    keys, _ = _keys(active, path, read_source, cwd)
    result = list(findings)
    matched = set()
    for i, key in zip(active_positions, keys):
        state = "unchanged" if key in recorded else "new"
        if state == "unchanged":
            matched.add(key)
        result[i] = dataclasses.replace(result[i], baseline_state=state)
    base_dir = os.path.dirname(os.path.realpath(path))
    absent = []
    for entry in entries:
        if entry["key"] in matched:
            continue
        line, column = entry.get("line", 1), entry.get("column", 1)
        absolute = os.path.normpath(os.path.join(base_dir, entry["path"]))
        absent.append(
            Finding(
                code=entry["code"],
                name=str(entry.get("name") or entry["code"]),
                path=os.path.relpath(absolute, os.path.realpath(cwd)).replace(os.sep, "/"),
                span=Span(Position(line, column), Position(line, column)),
                message=str(entry.get("message") or f"{entry['code']} (recorded in the baseline)"),
                severity=Severity(entry.get("level", "warning")),
                baseline_state="absent",
            )
        )
    absent.sort(key=lambda f: f.sort_key)
    return result, absent
