"""One ``v6lint check`` run: discover files, run both engines, apply selection and suppressions.

Python files go through the cst engine, spread over worker processes when there are enough of
them to pay for the start-up; everything else goes to one semgrep process. Every problem with
the input becomes a Diagnostic, so one bad file never stops the run.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
from typing import TYPE_CHECKING, Callable, NamedTuple, Optional, Sequence

from v6lint.config import Config
from v6lint.discovery import discover
from v6lint.languages import PYTHON
from v6lint.model import Diagnostic, DiagnosticKind, Finding, SourceFile
from v6lint.prefilter import TriggerTable, binary_diagnostic, shipped_table
from v6lint.suppressions import apply_suppressions

if TYPE_CHECKING:
    from v6lint.cache import Cache

# Below this many Python files, worker start-up costs more than it saves, unless several of
# them must be parsed and together hold this many bytes (~0.3 s of analysis).
PARALLEL_THRESHOLD = 24
PARALLEL_MIN_PARSED_BYTES = 48 * 1024
# Internal switch for the equivalence tests: parse every file, no prefilter.
EXHAUSTIVE = bool(os.environ.get("V6LINT_EXHAUSTIVE"))


def shard_of(path: str, root: str, count: int) -> int:
    """The 1-based shard of ``path``: a stable hash of its "/"-separated path below ``root``."""
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root)).replace(os.sep, "/")
    digest = hashlib.blake2b(relative.encode("utf-8", "surrogateescape"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % count + 1


def _selected_codes(config: Config, cache_dir: str) -> list[str]:
    """The selected Python rule codes, from the cached trigger table when there is one."""
    from v6lint.cache import Cache

    stored = Cache(cache_dir, ()).load_triggers()
    shipped = shipped_table() if stored is None else None
    if stored is not None:
        codes = [str(code) for code in stored]
    elif shipped is not None:
        codes = list(shipped.rules)
    else:
        codes = [rule.code for rule in _rules_for(config)]
    return sorted(code for code in codes if config.is_selected(code))


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


class PythonAnalysis:
    """Everything one process needs to analyse Python files for one configuration.

    The rules (and libcst with them) are imported only when a file needs parsing: the trigger
    table comes from the cache when it holds one, so a run whose files trigger no rule or all
    hit the cache never imports them.
    """

    def __init__(self, config: Config, cache: "Optional[Cache]" = None) -> None:
        self.config = config
        self.cache = cache
        self._rules: Optional[tuple] = None
        self._table: Optional[TriggerTable] = None

    @property
    def rules(self) -> tuple:
        if self._rules is None:
            self._rules = _rules_for(self.config)
        return self._rules

    @property
    def table(self) -> TriggerTable:
        if self._table is None:
            table = None
            if self.cache is not None:
                stored = self.cache.load_triggers()
                if stored is not None:
                    try:
                        table = TriggerTable.from_json(stored)
                    except (ValueError, TypeError, KeyError, AttributeError, re.error):
                        table = None
            if table is None:
                table = shipped_table()
                if table is None:
                    from v6lint.rules import python_rules

                    table = TriggerTable.from_rules(python_rules())
                if self.cache is not None:
                    self.cache.store_triggers(table.to_json())
            selected = {c: t for c, t in table.rules.items() if self.config.is_selected(c)}
            self._table = TriggerTable(selected)
        return self._table

    def analyze(self, source: SourceFile) -> FileResult:
        prepared = self.prepare(source)
        return prepared if isinstance(prepared, FileResult) else self.complete(source, prepared)

    def prepare(self, source: SourceFile) -> "FileResult | _Pending":
        """The result when no analysis is needed (unreadable, binary, no trigger, cached),
        else what the engine needs for the file."""
        data, problem = read_source(source, self.config.max_file_size)
        if data is None:
            return FileResult([], [problem] if problem else [])
        binary = binary_diagnostic(data, source.path)
        if binary is not None:  # reported whether or not a trigger matches the bytes
            return FileResult([], [binary])
        codes = None if EXHAUSTIVE else self.table.codes_in(data)
        if codes is not None and not codes:
            return FileResult([], [])  # the rules (and libcst) are not even imported
        key = self.cache.key(data, source.path) if self.cache is not None else None
        cached = self.cache.get(key, source.path) if key is not None else None
        if cached is not None:
            findings, diagnostics = cached
            return FileResult(finish_findings(findings, data, self.config, source), diagnostics)
        return _Pending(data, codes, key)

    def complete(self, source: SourceFile, pending: "_Pending") -> FileResult:
        """Run the engine on a file ``prepare`` left pending, and cache what it found."""
        from v6lint.engines.cst import analyze_source

        rules = self.rules
        if pending.codes is not None:  # only the rules triggered: the engine need not scan again
            rules = tuple(rule for rule in rules if rule.code in pending.codes)
        findings, diagnostics = analyze_source(pending.data, source.path, rules)
        if pending.key is not None:
            self.cache.put(pending.key, findings, diagnostics)
        return FileResult(finish_findings(findings, pending.data, self.config, source), diagnostics)


class _Pending(NamedTuple):
    """A file that passed the prefilter and missed the cache: its bytes, the codes it
    triggered (None: every rule) and its cache key."""

    data: bytes
    codes: Optional[frozenset]
    key: Optional[str]


def analyze_python_file(source: SourceFile, config: Config) -> FileResult:
    return PythonAnalysis(config).analyze(source)


def finish_findings(
    findings: Sequence[Finding], data: bytes, config: Config, source: SourceFile
) -> list[Finding]:
    """Per-file selection, the confidence floor and inline suppressions, for either engine's
    findings."""
    kept = [
        f
        for f in findings
        if config.is_selected(f.code, source.fs_path) and config.is_confident_enough(f.confidence)
    ]
    if not kept:
        return []
    return apply_suppressions(kept, data.decode("utf-8", "replace"))


_RULES_CACHE: dict[Config, tuple] = {}


def _rules_for(config: Config):
    rules = _RULES_CACHE.get(config)
    if rules is None:
        rules = _RULES_CACHE[config] = selected_python_rules(config)
    return rules


# The analysis a forked worker inherits from its parent: set before the pool starts, so no
# task message carries the configuration, the rules or the cache.
_WORKER_ANALYSIS: Optional[PythonAnalysis] = None


def _analyze_batch(batch: Sequence[tuple[int, SourceFile]]) -> list[tuple[int, FileResult]]:
    assert _WORKER_ANALYSIS is not None
    return [(index, _WORKER_ANALYSIS.analyze(source)) for index, source in batch]


def _batches(files: Sequence[SourceFile], jobs: int) -> list[list[tuple[int, SourceFile]]]:
    """Largest files first, in batches of similar total size: the long poles start early and
    the tail is many small batches that keep every worker busy until the end."""
    sized = []
    for index, source in enumerate(files):
        try:
            size = os.path.getsize(source.fs_path)
        except OSError:
            size = 0
        sized.append((size, index, source))
    sized.sort(key=lambda item: (-item[0], item[1]))
    target = max(64 * 1024, sum(item[0] for item in sized) // (jobs * 24))
    batches: list[list[tuple[int, SourceFile]]] = []
    current: list[tuple[int, SourceFile]] = []
    current_size = 0
    for size, index, source in sized:
        current.append((index, source))
        current_size += size
        if current_size >= target or len(current) >= 64:
            batches.append(current)
            current, current_size = [], 0
    if current:
        batches.append(current)
    return batches


def _worth_workers(prepared: Sequence["FileResult | _Pending"]) -> bool:
    """Whether a few files (fewer than ``PARALLEL_THRESHOLD``) are worth forking for: at least
    two of them must be parsed (a pre-commit run over socket code), with enough bytes between
    them to pay for starting the workers."""
    pending = [item for item in prepared if isinstance(item, _Pending)]
    return len(pending) >= 2 and sum(len(item.data) for item in pending) >= PARALLEL_MIN_PARSED_BYTES


def analyze_python_files(
    files: Sequence[SourceFile],
    config: Config,
    jobs: Optional[int] = None,
    *,
    cache: "Optional[Cache]" = None,
    progress: Optional[Callable[[int], None]] = None,
) -> list[FileResult]:
    analysis = PythonAnalysis(config, cache)
    jobs = jobs or os.cpu_count() or 1
    can_fork = jobs > 1 and os.name == "posix"
    if can_fork and len(files) >= PARALLEL_THRESHOLD:
        return _analyze_in_workers(files, analysis, jobs, progress)
    # A few files: what needs no parsing is answered here, without starting workers.
    prepared = [analysis.prepare(source) for source in files]
    waiting = [index for index, item in enumerate(prepared) if isinstance(item, _Pending)]
    if progress and len(waiting) < len(files):
        progress(len(files) - len(waiting))
    if can_fork and _worth_workers(prepared):
        done = _analyze_in_workers([files[index] for index in waiting], analysis, jobs, progress)
        for index, result in zip(waiting, done):
            prepared[index] = result
        return prepared  # type: ignore[return-value]  # every item is a FileResult now
    results = []
    for source, item in zip(files, prepared):
        if isinstance(item, _Pending):
            item = analysis.complete(source, item)
            if progress:
                progress(1)
        results.append(item)
    return results


def _analyze_in_workers(
    files: Sequence[SourceFile],
    analysis: PythonAnalysis,
    jobs: int,
    progress: Optional[Callable[[int], None]],
) -> list[FileResult]:
    import concurrent.futures  # only here: together with multiprocessing ~50 ms of start-up
    import multiprocessing

    # Import the rules once, before forking, so workers inherit them instead of each paying.
    analysis.rules
    analysis.table
    global _WORKER_ANALYSIS
    _WORKER_ANALYSIS = analysis
    ordered: list[Optional[FileResult]] = [None] * len(files)
    context = multiprocessing.get_context("fork")
    try:
        with concurrent.futures.ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
            futures = [pool.submit(_analyze_batch, batch) for batch in _batches(files, jobs)]
            for future in concurrent.futures.as_completed(futures):
                done = future.result()
                for index, result in done:
                    ordered[index] = result
                if progress:
                    progress(len(done))
    finally:
        _WORKER_ANALYSIS = None
    return [result for result in ordered if result is not None]


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
    use_cache: bool = True,
    shard: Optional[tuple[int, int]] = None,
    shard_root: Optional[str] = None,
    progress: Optional[Callable[[int], None]] = None,
    on_total: Optional[Callable[[int], None]] = None,
) -> RunResult:
    """``shard=(k, n)`` keeps the k-th of n disjoint parts (1-based), split by a stable hash
    of each path relative to ``shard_root`` (the repository root), so CI runners split a tree
    the same way whatever their working directory."""
    files, diagnostics = discover(paths, config, cwd)
    if shard is not None:
        files = [s for s in files if shard_of(s.fs_path, shard_root or cwd or os.getcwd(), shard[1]) == shard[0]]
    python_files = [source for source in files if source.language == PYTHON]
    other_files = [source for source in files if source.language != PYTHON]
    if on_total:
        on_total(len(python_files))
    cache = None
    if use_cache and python_files:
        from v6lint.cache import Cache, default_cache_dir

        directory = default_cache_dir(config.root)
        if directory:
            cache = Cache(directory, _selected_codes(config, cache_dir=directory))
    findings: list[Finding] = []
    for result in analyze_python_files(python_files, config, jobs, cache=cache, progress=progress):
        findings.extend(result.findings)
        diagnostics.extend(result.diagnostics)
    other_findings, other_diagnostics = analyze_other_files(other_files, config)
    findings.extend(other_findings)
    diagnostics.extend(other_diagnostics)
    findings.sort(key=lambda finding: finding.sort_key)
    return RunResult(findings, diagnostics, files)
