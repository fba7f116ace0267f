"""One ``v6lint check`` run: discover files, run both engines, apply selection and suppressions.

Python files go through the cst engine, spread over worker processes when there are enough of
them to pay for the start-up; everything else goes to one semgrep process. Every problem with
the input becomes a Diagnostic, so one bad file never stops the run.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import multiprocessing
import os
from typing import Optional, Sequence

from v6lint.config import Config
from v6lint.discovery import discover
from v6lint.languages import PYTHON
from v6lint.model import Diagnostic, DiagnosticKind, Finding, SourceFile
from v6lint.suppressions import apply_suppressions

# Below this many Python files, worker start-up costs more than it saves.
PARALLEL_THRESHOLD = 24


@dataclasses.dataclass
class RunResult:
    findings: list[Finding]
    diagnostics: list[Diagnostic]
    files: list[SourceFile]

    @property
    def files_scanned(self) -> int:
        return len(self.files)


@dataclasses.dataclass(frozen=True)
class FileResult:
    findings: list[Finding]
    diagnostics: list[Diagnostic]


def selected_python_rules(config: Config):
    from v6lint.rules import python_rules

    return tuple(rule for rule in python_rules() if config.is_selected(rule.code))


def read_source(source: SourceFile, max_size: int) -> tuple[Optional[bytes], Optional[Diagnostic]]:
    try:
        size = os.path.getsize(source.fs_path)
        if size > max_size:
            return None, Diagnostic(
                DiagnosticKind.TOO_LARGE,
                f"{size} bytes is over max-file-size ({max_size}); not scanned",
                source.path,
            )
        with open(source.fs_path, "rb") as handle:
            return handle.read(), None
    except OSError as error:
        return None, Diagnostic(DiagnosticKind.UNREADABLE, error.strerror or str(error), source.path)


def analyze_python_file(source: SourceFile, config: Config) -> FileResult:
    from v6lint.engines.cst import analyze_source

    data, problem = read_source(source, config.max_file_size)
    if data is None:
        return FileResult([], [problem] if problem else [])
    findings, diagnostics = analyze_source(data, source.path, _rules_for(config))
    findings = finish_findings(findings, data, config, source)
    return FileResult(findings, diagnostics)


def finish_findings(
    findings: Sequence[Finding], data: bytes, config: Config, source: SourceFile
) -> list[Finding]:
    """Per-file selection and inline suppressions, for either engine's findings."""
    kept = [f for f in findings if config.is_selected(f.code, source.fs_path)]
    if not kept:
        return []
    return apply_suppressions(kept, data.decode("utf-8", "replace"))


_RULES_CACHE: dict[Config, tuple] = {}


def _rules_for(config: Config):
    rules = _RULES_CACHE.get(config)
    if rules is None:
        rules = _RULES_CACHE[config] = selected_python_rules(config)
    return rules


def _analyze_batch(args: tuple[Sequence[SourceFile], Config]) -> list[FileResult]:
    files, config = args
    return [analyze_python_file(source, config) for source in files]


def analyze_python_files(
    files: Sequence[SourceFile], config: Config, jobs: Optional[int] = None
) -> list[FileResult]:
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1 or len(files) < PARALLEL_THRESHOLD:
        return [analyze_python_file(source, config) for source in files]
    # Small batches balance the load (file sizes vary a lot) without a message per file.
    batch_size = max(1, min(32, len(files) // (jobs * 8) or 1))
    batches = [files[i : i + batch_size] for i in range(0, len(files), batch_size)]
    _rules_for(config)  # import the rules once, before forking, so workers inherit them
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    results: list[FileResult] = []
    with concurrent.futures.ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        for batch_result in pool.map(_analyze_batch, [(batch, config) for batch in batches]):
            results.extend(batch_result)
    return results


def analyze_other_files(
    files: Sequence[SourceFile], config: Config
) -> tuple[list[Finding], list[Diagnostic]]:
    """Run the semgrep engine once over every non-Python file it has rules for."""
    if not files:
        return [], []
    try:
        from v6lint.engines import semgrep
    except ImportError as error:  # a broken or partial install: say so, keep the Python results
        return [], [Diagnostic(DiagnosticKind.NOTICE, f"semgrep engine unavailable: {error}")]

    covered = semgrep.languages_with_rules()
    targets = [source for source in files if source.language in covered]
    if not targets:
        return [], []
    raw_findings, diagnostics = semgrep.run(targets)
    by_path = {source.path: source for source in targets}
    findings: list[Finding] = []
    grouped: dict[str, list[Finding]] = {}
    for finding in raw_findings:
        grouped.setdefault(finding.path, []).append(finding)
    for path, file_findings in grouped.items():
        source = by_path.get(path)
        if source is None:
            findings.extend(f for f in file_findings if config.is_selected(f.code))
            continue
        data, _ = read_source(source, config.max_file_size)
        findings.extend(finish_findings(file_findings, data or b"", config, source))
    return findings, diagnostics


def run_check(
    paths: Sequence[str],
    config: Config,
    *,
    jobs: Optional[int] = None,
    cwd: Optional[str] = None,
) -> RunResult:
    files, diagnostics = discover(paths, config, cwd)
    python_files = [source for source in files if source.language == PYTHON]
    other_files = [source for source in files if source.language != PYTHON]
    findings: list[Finding] = []
    for result in analyze_python_files(python_files, config, jobs):
        findings.extend(result.findings)
        diagnostics.extend(result.diagnostics)
    other_findings, other_diagnostics = analyze_other_files(other_files, config)
    findings.extend(other_findings)
    diagnostics.extend(other_diagnostics)
    findings.sort(key=lambda finding: finding.sort_key)
    return RunResult(findings, diagnostics, files)
