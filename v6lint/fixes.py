"""Fix application: ``--fix`` and ``--diff`` apply the text edits the engines built.

(Building edits from a rule's CST replacements is v6lint.engines.cst_fixes; this module sits
above the engines and the runner, and nothing below imports it.)

Applying (``apply_fixes`` for one round, ``fix_source`` until stable):
- fixes are taken in order of their first edit; a fix that overlaps an accepted one waits for
  the next round (it is re-reported on the fixed text); identical edits are merged, so several
  fixes that each need ``import socket`` add it once;
- after each round the file is parsed and re-scanned, at most ``MAX_ROUNDS`` rounds; a result
  that does not parse, cannot be encoded or does not settle leaves the file untouched and
  becomes a ``fix-error`` diagnostic;
- text is decoded and re-encoded with the file's own encoding (coding cookie, BOM), and new
  lines use the file's newline style, so a CRLF or Latin-1 file stays one.
"""

from __future__ import annotations

import ast
import dataclasses
import difflib
import warnings
from typing import Callable, Iterable, Optional, Sequence

import libcst as cst

from v6lint.engines.cst_fixes import IMPORT_LINES
from v6lint.model import Diagnostic, DiagnosticKind, Finding, FixSafety, Position

MAX_ROUNDS = 10


# -- applying fixes ------------------------------------------------------------------------


def is_applicable(finding: Finding, unsafe: bool) -> bool:
    """Whether ``--fix`` (``unsafe``: with ``--unsafe-fixes``) applies this finding's fix."""
    if finding.fix is None or not finding.fix.edits or finding.suppression is not None:
        return False
    return unsafe or finding.fix.safety is FixSafety.SAFE


class _Offsets:
    """Line/column positions (1-based, code points, lines split at ``\\n``) to offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        for index, char in enumerate(text):
            if char == "\n":
                self.starts.append(index + 1)

    def offset(self, position: Position) -> Optional[int]:
        if not 1 <= position.line <= len(self.starts):
            return None
        start = self.starts[position.line - 1]
        end = self.starts[position.line] if position.line < len(self.starts) else len(self.text)
        offset = start + position.column - 1
        return offset if start <= offset <= end else None


def _is_import_insertion(start: int, end: int, replacement: str) -> bool:
    return start == end and bool(IMPORT_LINES.fullmatch(replacement.lstrip("\r\n")))


def _conflicts(start: int, end: int, replacement: str, taken: Iterable[tuple[int, int, str]]) -> bool:
    for other_start, other_end, other_replacement in taken:
        if (start, end, replacement) == (other_start, other_end, other_replacement):
            continue  # identical edits merge
        if start < other_end and other_start < end:
            return True  # the ranges share text
        if start == end and other_start < start < other_end:
            return True  # an insertion inside a replaced range
        if other_start == other_end and start < other_start < end:
            return True
        if start == end == other_start == other_end:
            # Two different insertions at one point: only import lines commute.
            if not (
                _is_import_insertion(start, end, replacement)
                and _is_import_insertion(other_start, other_end, other_replacement)
            ):
                return True
    return False


def apply_fixes(text: str, findings: Sequence[Finding], unsafe: bool) -> tuple[str, list[Finding]]:
    """One round: apply every applicable fix that does not overlap an earlier one.

    Returns the new text and the findings whose fixes were applied. Order is deterministic:
    fixes sorted by their first edit's start (then code, message); the first one wins an
    overlap, and the skipped ones are simply not in the returned list.
    """
    offsets = _Offsets(text)
    candidates = []
    for finding in findings:
        if not is_applicable(finding, unsafe):
            continue
        edits = []
        for edit in finding.fix.edits:
            start, end = offsets.offset(edit.span.start), offsets.offset(edit.span.end)
            if start is None or end is None or end < start:
                edits = None  # stale positions: never guess
                break
            edits.append((start, end, edit.replacement))
        if not edits or all(text[s:e] == r for s, e, r in edits):
            continue
        main = [e for e in edits if not _is_import_insertion(*e)] or edits
        first = min(start for start, _, _ in main)
        candidates.append((first, finding.code, finding.message, finding.span, edits, finding))
    candidates.sort(key=lambda item: item[:4])

    taken: list[tuple[int, int, str]] = []
    applied: list[Finding] = []
    for *_, edits, finding in candidates:
        if any(_conflicts(s, e, r, taken) for s, e, r in edits):
            continue
        # A fix's own edits must not overlap each other either.
        own: list[tuple[int, int, str]] = []
        if any(_conflicts(s, e, r, own) or own.append((s, e, r)) for s, e, r in edits):
            continue
        for edit in edits:
            if edit not in taken:
                taken.append(edit)
        applied.append(finding)

    # Apply from the end so earlier offsets stay valid; at one point, insertions (import
    # lines, in name order) go before a replacement that starts there.
    ordered = sorted(taken, key=lambda e: (e[0], e[1] != e[0], e[2]), reverse=True)
    new = text
    for start, end, replacement in ordered:
        new = new[:start] + replacement + new[end:]
    return new, applied


# -- fixing a file until stable ------------------------------------------------------------


@dataclasses.dataclass
class FixOutcome:
    """The result of fixing one file. ``fixed`` is None when nothing is to be written."""

    path: str
    original: bytes
    fixed: Optional[bytes]
    applied: list[Finding]
    remaining: list[Finding]
    diagnostics: list[Diagnostic]
    encoding: str = "utf-8"  # the file's own (coding cookie, BOM): for the diff

    @property
    def changed(self) -> bool:
        return self.fixed is not None and self.fixed != self.original

    def diff(self) -> str:
        if not self.changed:
            return ""
        encoding = self.encoding
        before = self.original.decode(encoding).splitlines(keepends=True)
        after = self.fixed.decode(encoding).splitlines(keepends=True)
        lines = difflib.unified_diff(before, after, fromfile=f"a/{self.path}", tofile=f"b/{self.path}")
        out = []
        for line in lines:
            out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
        return "".join(out)


def _parses(text: str, encoding: str, original_ast_ok: bool) -> Optional[str]:
    """None when ``text`` parses, else the reason."""
    try:
        cst.parse_module(text)
    except cst.ParserSyntaxError as error:
        return str(error).strip().splitlines()[0] if str(error).strip() else "invalid syntax"
    except Exception as error:  # libcst raises assorted errors for malformed input
        return f"{type(error).__name__}: {error}"
    if original_ast_ok:
        # libcst accepts a few things CPython rejects; hold the result to the same bar the
        # original met.
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ast.parse(text)
        except (SyntaxError, ValueError) as error:
            return f"{type(error).__name__}: {error}"
    return None


def _ast_ok(text: str) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(text)
        return True
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False


def fix_source(
    data: bytes,
    path: str,
    analyze: Callable[[bytes], tuple[list[Finding], list[Diagnostic]]],
    unsafe: bool,
    findings: Optional[Sequence[Finding]] = None,
    max_rounds: int = MAX_ROUNDS,
) -> FixOutcome:
    """Apply fixes to one file's bytes, re-scanning with ``analyze`` until nothing applies.

    ``findings`` are the first scan's findings when the caller has them already. On any
    failure the outcome keeps the original bytes (``fixed`` None) and the findings of the
    first scan, plus a ``fix-error`` diagnostic naming the cause.
    """
    diagnostics: list[Diagnostic] = []
    if findings is None:
        findings, diagnostics = analyze(data)
        findings = list(findings)

    def untouched(message: Optional[str]) -> FixOutcome:
        extra = [Diagnostic(DiagnosticKind.FIX, message, path)] if message else []
        return FixOutcome(path, data, None, [], list(findings), diagnostics + extra)

    if not any(is_applicable(f, unsafe) for f in findings):
        return untouched(None)
    try:
        module = cst.parse_module(data)
    except Exception as error:  # the scan parsed it, so this is unexpected: say so
        return untouched(f"cannot re-read the file to fix it: {error}")
    encoding = module.encoding
    original_text = text = module.code
    ast_ok = _ast_ok(text)

    applied: list[Finding] = []
    current = list(findings)
    seen = {text}
    for _ in range(max_rounds):
        new_text, round_applied = apply_fixes(text, current, unsafe)
        if not round_applied or new_text == text:
            break
        problem = _parses(new_text, encoding, ast_ok)
        if problem:
            codes = ", ".join(sorted({f.code for f in round_applied}))
            return untouched(f"fixes for {codes} would not parse ({problem}); file left unchanged")
        if new_text in seen:
            return untouched("fixes undo each other; file left unchanged")
        seen.add(new_text)
        applied.extend(round_applied)
        text = new_text
        try:
            encoded = text.encode(encoding)
        except UnicodeEncodeError as error:
            return untouched(f"the fixed text cannot be encoded as {encoding}: {error.reason}; file left unchanged")
        current, round_diagnostics = analyze(encoded)
        if round_diagnostics:
            reasons = "; ".join(d.message for d in round_diagnostics)
            return untouched(f"re-scan after fixing failed ({reasons}); file left unchanged")
    else:
        if any(is_applicable(f, unsafe) for f in current):
            return untouched(f"fixes did not settle after {max_rounds} rounds; file left unchanged")

    if text == original_text:
        return FixOutcome(path, data, None, [], list(findings), diagnostics)
    return FixOutcome(path, data, text.encode(encoding), applied, list(current), diagnostics, encoding)


def fix_file(source, config, unsafe: bool, findings: Optional[Sequence[Finding]] = None) -> FixOutcome:
    """``fix_source`` for one discovered Python file, scanning as ``v6lint check`` does
    (selected rules, per-file ignores, inline suppressions)."""
    from v6lint.engines.cst import analyze_source
    from v6lint.runner import finish_findings, read_source, selected_python_rules

    rules = selected_python_rules(config)

    def analyze(data: bytes):
        found, diagnostics = analyze_source(data, source.path, rules)
        return finish_findings(found, data, config, source), diagnostics

    data, problem = read_source(source, config.max_file_size)
    if data is None:
        return FixOutcome(source.path, b"", None, [], list(findings or []), [problem] if problem else [])
    return fix_source(data, source.path, analyze, unsafe, findings)


# -- a whole run ---------------------------------------------------------------------------


@dataclasses.dataclass
class FixRun:
    """``--fix`` / ``--diff`` over a run: what changed, and the findings that remain."""

    findings: list[Finding]  # sorted; for fixed files, those of the final re-scan
    diagnostics: list[Diagnostic]
    outcomes: list[FixOutcome]

    @property
    def applied(self) -> int:
        return sum(len(outcome.applied) for outcome in self.outcomes if outcome.changed)

    @property
    def changed(self) -> list[FixOutcome]:
        return [outcome for outcome in self.outcomes if outcome.changed]

    def diff(self) -> str:
        return "".join(outcome.diff() for outcome in self.changed)


def fix_files(files, findings: Sequence[Finding], config, unsafe: bool, write: bool) -> FixRun:
    """Fix every Python file in ``files`` that has an applicable fix; write when ``write``.

    Only Python files are fixed: their result can be re-parsed and re-scanned. Files are
    written atomically and only when they changed; a write error leaves the old file and
    its findings, with a ``fix-error`` diagnostic.
    """
    from v6lint.atomic import write_atomically
    from v6lint.languages import PYTHON

    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    remaining: list[Finding] = []
    diagnostics: list[Diagnostic] = []
    outcomes: list[FixOutcome] = []
    handled: set[str] = set()
    for source in files:
        file_findings = by_path.get(source.path, [])
        if source.language != PYTHON or not any(is_applicable(f, unsafe) for f in file_findings):
            continue
        handled.add(source.path)
        outcome = fix_file(source, config, unsafe, file_findings)
        if outcome.changed and write:
            try:
                write_atomically(source.fs_path, outcome.fixed)
            except OSError as error:
                message = f"cannot write the fixed file: {error.strerror or error}; left unchanged"
                outcome = FixOutcome(
                    source.path, outcome.original, None, [], file_findings, [Diagnostic(DiagnosticKind.FIX, message, source.path)]
                )
        outcomes.append(outcome)
        remaining.extend(outcome.remaining)
        diagnostics.extend(outcome.diagnostics)
    remaining.extend(f for f in findings if f.path not in handled)
    remaining.sort(key=lambda finding: finding.sort_key)
    return FixRun(remaining, diagnostics, outcomes)
