"""A content-hash cache of the cst engine's per-file results.

An entry is keyed by the file's bytes, the rule-set version (a hash of v6lint's own source, so
any change to a rule, the engine or the model invalidates everything), the selected codes and
the facts of the path that rules read (v6lint.test_paths.path_facts: test code or not, ...).
The path itself is not part of the key: a file moved or copied within product code hits, and
its copy under ``tests/`` does not (there its findings have another confidence). What is
stored is the engine's raw output, before per-file selection, the confidence floor and inline
suppressions, which are cheap and depend on the path and configuration; those are applied
again on every run.

Layout: ``<dir>/<ruleset>/<xx>/<key>.json``, one small JSON file per entry, written to a temporary
file and renamed, so concurrent runs (pre-commit, an editor, CI) never see half an entry; a
corrupt or foreign entry reads as a miss. ``<dir>`` is ``$V6LINT_CACHE_DIR``, else
``.v6lint_cache`` at the project root, else (not writable) ``$XDG_CACHE_HOME/v6lint``. JSON, not
pickle: a cache folder in a checkout is not trusted code.

The cached trigger table (every Python rule's triggers, by code) lets a run whose files all hit
the cache or trigger no rule finish without importing libcst or the rules.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from typing import Iterable, Optional

from v6lint import __version__
from v6lint.atomic import write_atomically
from v6lint.model import (
    Confidence,
    Diagnostic,
    DiagnosticKind,
    Finding,
    Fix,
    FixSafety,
    Position,
    Severity,
    Span,
    TextEdit,
)
from v6lint.test_paths import path_facts

CACHE_DIRNAME = ".v6lint_cache"
FORMAT = 1
_PACKAGE = os.path.dirname(os.path.abspath(__file__))


@functools.lru_cache(maxsize=None)
def ruleset_version() -> str:
    """A hash of every Python source file of the package, and the version."""
    digest = hashlib.blake2b(f"{FORMAT}:{__version__}".encode(), digest_size=16)
    for folder, folders, names in os.walk(_PACKAGE):
        folders[:] = sorted(f for f in folders if f != "__pycache__")
        for name in sorted(names):
            if name.endswith((".py", ".json")):
                path = os.path.join(folder, name)
                digest.update(os.path.relpath(path, _PACKAGE).encode())
                with open(path, "rb") as handle:
                    digest.update(handle.read())
    return digest.hexdigest()


def default_cache_dir(root: str) -> Optional[str]:
    explicit = os.environ.get("V6LINT_CACHE_DIR")
    if explicit:
        return explicit
    candidate = os.path.join(root, CACHE_DIRNAME)
    if os.path.isdir(candidate) or os.access(root, os.W_OK):
        return candidate
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "v6lint")


class Cache:
    def __init__(self, directory: str, selected_codes: Iterable[str]) -> None:
        self.directory = directory
        self.folder = os.path.join(directory, ruleset_version())
        self._codes = ",".join(sorted(selected_codes)).encode()
        self._ready = False
        self.hits = self.misses = 0

    # -- entries ---------------------------------------------------------------------------

    def key(self, data: bytes, path: str) -> str:
        digest = hashlib.blake2b(self._codes, digest_size=20)
        digest.update(b"\0" + path_facts(path) + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _entry_path(self, key: str) -> str:
        return os.path.join(self.folder, key[:2], key + ".json")

    def get(self, key: str, path: str) -> Optional[tuple[list[Finding], list[Diagnostic]]]:
        try:
            with open(self._entry_path(key), "rb") as handle:
                entry = json.loads(handle.read())
            if entry.get("format") != FORMAT:
                raise ValueError("foreign entry")
            findings = [finding_from_json(item, path) for item in entry["findings"]]
            diagnostics = [diagnostic_from_json(item, path) for item in entry["diagnostics"]]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.misses += 1
            return None
        self.hits += 1
        return findings, diagnostics

    def put(self, key: str, findings: Iterable[Finding], diagnostics: Iterable[Diagnostic]) -> None:
        entry = {
            "format": FORMAT,
            "findings": [finding_to_json(f) for f in findings],
            "diagnostics": [diagnostic_to_json(d) for d in diagnostics],
        }
        self._write(self._entry_path(key), json.dumps(entry, separators=(",", ":")))

    # -- the trigger table -----------------------------------------------------------------

    def load_triggers(self) -> Optional[dict]:
        try:
            with open(os.path.join(self.folder, "triggers.json"), "rb") as handle:
                data = json.loads(handle.read())
            return data if isinstance(data, dict) else None
        except (OSError, ValueError):
            return None

    def store_triggers(self, table_json: dict) -> None:
        self._write(os.path.join(self.folder, "triggers.json"), json.dumps(table_json))

    # -- writing ---------------------------------------------------------------------------

    def _write(self, path: str, text: str) -> None:
        """Atomic and best effort: a read-only or full disk must not fail the scan."""
        try:
            if not self._ready:
                self._prepare()
            os.makedirs(os.path.dirname(path), exist_ok=True)
            write_atomically(path, text, durable=False)
        except OSError:
            pass

    def _prepare(self) -> None:
        os.makedirs(self.folder, exist_ok=True)
        # Keep the cache out of version control and backups, as ruff and pytest do.
        for name, text in (
            (".gitignore", "# Created by v6lint automatically.\n*\n"),
            ("CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n# v6lint cache\n"),
        ):
            target = os.path.join(self.directory, name)
            if not os.path.exists(target):
                try:
                    with open(target, "x", encoding="utf-8") as stream:
                        stream.write(text)
                except OSError:
                    pass
        self._prune_old_versions()
        self._ready = True

    def _prune_old_versions(self, keep: int = 4) -> None:
        """Folders of older rule sets are dead weight; keep the few most recent."""
        try:
            entries = [
                os.path.join(self.directory, name)
                for name in os.listdir(self.directory)
                if len(name) == 32 and os.path.isdir(os.path.join(self.directory, name))
            ]
            entries.sort(key=os.path.getmtime, reverse=True)
        except OSError:
            return
        import shutil

        for stale in entries[keep:]:
            if os.path.abspath(stale) != os.path.abspath(self.folder):
                shutil.rmtree(stale, ignore_errors=True)


# -- JSON forms of the engine's output ---------------------------------------------------------


def _span(span: Span) -> list[int]:
    return [span.start.line, span.start.column, span.end.line, span.end.column]


def _from_span(values: list) -> Span:
    a, b, c, d = (int(v) for v in values)
    return Span(Position(a, b), Position(c, d))


def finding_to_json(finding: Finding) -> dict:
    out = {
        "code": finding.code,
        "name": finding.name,
        "span": _span(finding.span),
        "message": finding.message,
        "severity": finding.severity.value,
        "confidence": finding.confidence.value,
        "engine": finding.engine,
    }
    if finding.fix is not None:
        out["fix"] = {
            "title": finding.fix.title,
            "safety": finding.fix.safety.value,
            "edits": [[_span(e.span), e.replacement] for e in finding.fix.edits],
        }
    return out


def finding_from_json(item: dict, path: str) -> Finding:
    fix = None
    if item.get("fix"):
        raw = item["fix"]
        edits = tuple(TextEdit(_from_span(span), str(text)) for span, text in raw["edits"])
        fix = Fix(str(raw["title"]), FixSafety(raw["safety"]), edits)
    return Finding(
        code=str(item["code"]),
        name=str(item["name"]),
        path=path,
        span=_from_span(item["span"]),
        message=str(item["message"]),
        severity=Severity(item["severity"]),
        confidence=Confidence(item["confidence"]),
        fix=fix,
        engine=str(item["engine"]),
    )


def diagnostic_to_json(diagnostic: Diagnostic) -> dict:
    return {"kind": diagnostic.kind.value, "message": diagnostic.message, "line": diagnostic.line}


def diagnostic_from_json(item: dict, path: str) -> Diagnostic:
    line = item.get("line")
    return Diagnostic(DiagnosticKind(item["kind"]), str(item["message"]), path, int(line) if line is not None else None)
