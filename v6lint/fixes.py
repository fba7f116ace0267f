"""The fix engine: rules' CST replacements become text edits, and ``--fix`` applies them.

Building (called by the cst engine for every report that carries a ``PendingFix``):
- the replacement itself becomes one exact ``TextEdit`` (``_word_aligned_edit``), computed on
  the innermost statement that holds it when it can be;
- every module the new code needs becomes a separate insertion ``import X`` after the file's
  leading imports, unless the name already refers to that module where the fix stands; when
  the name is bound to something else there, the fix is dropped (it would use the wrong object).

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
import re
import warnings
from typing import Callable, Iterable, Mapping, Optional, Sequence

import libcst as cst

from v6lint.engines.cst import offset_to_position
from v6lint.engines.cst_positions import Located, render_alone
from v6lint.model import (
    Diagnostic,
    DiagnosticKind,
    Finding,
    Fix,
    FixSafety,
    Position,
    Span,
    TextEdit,
)

MAX_ROUNDS = 10

_IMPORT_LINE = re.compile(r"(?:import [A-Za-z_][\w.]*(?:\r\n|\r|\n))+")


# -- building fixes ------------------------------------------------------------------------


def build_fix(
    module: cst.Module,
    pending,
    scopes: Optional[Mapping] = None,
    render_module: Optional[Callable[[], str]] = None,
    locate: Optional[Callable[[Sequence[cst.CSTNode]], Optional[Located]]] = None,
    parents: Optional[Mapping] = None,
) -> Optional[Fix]:
    """Turn a rule's ``PendingFix`` into a ``Fix`` whose edits apply to ``module.code``.

    ``scopes`` is the engine's resolved ``ScopeProvider`` mapping; without it an import is
    added only when the module has no top-level binding of the name at all.
    ``render_module`` returns ``module.code``, rendered once per file for all its fixes.
    ``locate`` gives the innermost statement holding the given nodes and where its text
    starts (``Layout.enclosing_statement``): then only that statement is rendered (and, given
    the engine's ``parents`` links, only the nodes above a single replaced node are rebuilt).
    """
    edit = (
        _statement_edit(module, pending, locate, parents)
        if locate is not None
        else None
    )
    if edit is None:
        updated = module
        for old, new in pending.replacements:
            updated = updated.deep_replace(old, new)
        before = render_module() if render_module is not None else module.code
        after = updated.code
        if before == after:
            return None
        edit = _word_aligned_edit(before, after)
    elif edit is _UNCHANGED:
        return None
    edits = [edit]
    for name in dict.fromkeys(pending.imports):  # keep order, drop repeats
        anchors = [old for old, _ in pending.replacements]
        state = _import_state(module, name, anchors, scopes)
        if state == "conflict":
            return None
        if state == "missing":
            edits.append(import_edit(module, name))
    return Fix(pending.title, pending.safety, tuple(edits))


_UNCHANGED = TextEdit(Span(Position(1, 1), Position(1, 1)), "")


def _replaced_along_path(
    root: cst.CSTNode, old: cst.CSTNode, new: cst.CSTNode, parents: Mapping
) -> Optional[cst.CSTNode]:
    """``root.deep_replace(old, new)``, rebuilding only the nodes between ``old`` and ``root``
    (deep_replace transforms the whole subtree). None when the path cannot be followed."""
    if not isinstance(new, cst.CSTNode):
        return None  # a FlattenSentinel (several statements): libcst splices those in
    replaced, child = new, old
    while child is not root:
        parent = parents.get(child)
        if parent is None:
            return None
        changes = {}
        for field in dataclasses.fields(parent):
            value = getattr(parent, field.name)
            if value is child:
                changes[field.name] = replaced
            elif isinstance(value, (list, tuple)) and any(item is child for item in value):
                changes[field.name] = type(value)(replaced if item is child else item for item in value)
        if len(changes) != 1:
            return None
        replaced, child = parent.with_changes(**changes), parent
    return replaced


def _statement_edit(
    module: cst.Module, pending, locate, parents: Optional[Mapping] = None
) -> Optional[TextEdit]:
    """The edit computed on the innermost statement that holds every replaced node (rendered
    alone it is its slice of ``module.code``, starting at column 1 of its first line);
    ``_UNCHANGED`` when it renders the same; None when the module must be rendered whole."""
    if not module.has_trailing_newline:
        return None  # the module drops the final newline of whichever statement ends it
    located = locate([old for old, _ in pending.replacements])
    if located is None:
        return None
    updated = None
    if len(pending.replacements) == 1 and parents is not None:
        updated = _replaced_along_path(located.statement, *pending.replacements[0], parents)
    if updated is None:
        updated = located.statement
        for old, new in pending.replacements:
            updated = updated.deep_replace(old, new)
    before, after = render_alone(module, located), render_alone(module, located, updated)
    if before == after:
        return _UNCHANGED
    edit = _word_aligned_edit(before, after)
    shift = located.first_line - 1
    return TextEdit(
        Span(
            Position(edit.span.start.line + shift, edit.span.start.column),
            Position(edit.span.end.line + shift, edit.span.end.column),
        ),
        edit.replacement,
    )


def _word_aligned_edit(before: str, after: str) -> TextEdit:
    """The smallest edit, widened so that it neither starts nor ends inside a word:
    ``socket.inet_ntoa(x)`` -> ``str(...)`` replaces ``socket.inet_ntoa(`` rather than
    ``ocket.inet_ntoa(`` (same result; readable in SARIF and diffs, fewer false overlaps)."""
    prefix = 0
    limit = min(len(before), len(after))
    while prefix < limit and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and before[-1 - suffix] == after[-1 - suffix]:
        suffix += 1

    def word(char: str) -> bool:
        return char.isalnum() or char == "_"

    while prefix > 0 and word(before[prefix - 1]) and (
        (prefix < len(before) and word(before[prefix])) or (prefix < len(after) and word(after[prefix]))
    ):
        prefix -= 1
    while suffix > 0 and word(before[-suffix]) and (
        (len(before) - suffix - 1 >= prefix and word(before[-suffix - 1]))
        or (len(after) - suffix - 1 >= prefix and word(after[-suffix - 1]))
    ):
        suffix -= 1
    start = offset_to_position(before, prefix)
    end = offset_to_position(before, len(before) - suffix)
    return TextEdit(Span(start, end), after[prefix : len(after) - suffix])


def _import_state(module: cst.Module, name: str, anchors: Sequence[cst.CSTNode], scopes) -> str:
    """"present" when ``name`` already means module ``name`` at every anchor, "missing" when
    an ``import`` has to be added, "conflict" when the name is bound to something else."""
    first = name.split(".", 1)[0]
    if scopes is None:
        imports = [
            small
            for statement in module.body
            if isinstance(statement, cst.SimpleStatementLine)
            for small in statement.body
            if isinstance(small, cst.Import)
        ]
        if _binds_otherwise(module, first):
            return "conflict"
        return "present" if any(_imports_exactly(node, name) for node in imports) else "missing"
    states = set()
    for anchor in anchors:
        scope = scopes.get(anchor) or scopes.get(module)
        assignments = list(scope[first]) if scope is not None and first in scope else []
        if not assignments:
            states.add("missing")
        elif not all(_binds_module(a.node, first) for a in assignments):
            states.add("conflict")
        elif any(_imports_exactly(a.node, name) for a in assignments):
            states.add("present")
        else:
            states.add("missing")  # ``import urllib.request`` does not promise urllib.parse
    if "conflict" in states:
        return "conflict"
    return "missing" if "missing" in states else "present"


def _aliases(node: cst.CSTNode):
    if isinstance(node, cst.Import):
        for alias in node.names:
            asname = alias.asname.name.value if alias.asname and isinstance(alias.asname.name, cst.Name) else None
            yield _dotted(alias.name), asname


def _binds_module(node: cst.CSTNode, first: str) -> bool:
    """Whether this ``import`` binds ``first`` to the top-level module ``first``."""
    for imported, asname in _aliases(node):
        if asname is None and imported.split(".", 1)[0] == first:
            return True
        if asname == first and imported == first:
            return True
    return False


def _imports_exactly(node: cst.CSTNode, name: str) -> bool:
    first = name.split(".", 1)[0]
    for imported, asname in _aliases(node):
        if asname is None and (imported == name or imported.startswith(name + ".")):
            return True
        if asname == first and imported == name == first:
            return True
    return False


def _dotted(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    return ""


def _binds_otherwise(module: cst.Module, name: str) -> bool:
    """A top-level binding of ``name`` that is not ``import name`` (no scope data)."""
    for statement in module.body:
        if isinstance(statement, (cst.FunctionDef, cst.ClassDef)) and statement.name.value == name:
            return True
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
                    for alias in small.names:
                        bound = alias.asname.name if alias.asname else alias.name
                        if isinstance(bound, cst.Name) and bound.value == name:
                            return True
                if isinstance(small, cst.Assign):
                    for target in small.targets:
                        if isinstance(target.target, cst.Name) and target.target.value == name:
                            return True
    return False


def import_insertion_index(module: cst.Module) -> int:
    """Where a new top-level import goes: after the leading imports, else after the module
    docstring (``from __future__`` imports are imports, so they stay first)."""
    body = module.body
    index = 0
    if body and _is_docstring(body[0]):
        index = 1
    position = index
    while position < len(body) and _is_import_block(body[position]):
        position += 1
        index = position
    return index


def _is_docstring(statement: cst.CSTNode) -> bool:
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and len(statement.body) == 1
        and isinstance(statement.body[0], cst.Expr)
        and isinstance(statement.body[0].value, (cst.SimpleString, cst.ConcatenatedString))
    )


def _is_import_block(statement: cst.CSTNode) -> bool:
    """An import line, or ``try:`` around imports only (the ImportError fallback idiom)."""
    if isinstance(statement, cst.SimpleStatementLine):
        return all(isinstance(small, (cst.Import, cst.ImportFrom)) for small in statement.body)
    if isinstance(statement, cst.Try):
        blocks = [statement.body, *(handler.body for handler in statement.handlers)]
        if statement.orelse:
            blocks.append(statement.orelse.body)
        for block in blocks:
            for inner in getattr(block, "body", ()):
                if not isinstance(inner, cst.SimpleStatementLine):
                    return False
                if not all(isinstance(s, (cst.Import, cst.ImportFrom, cst.Pass)) for s in inner.body):
                    return False
        return True
    return False


def import_edit(module: cst.Module, name: str) -> TextEdit:
    """An insertion of ``import name`` at ``import_insertion_index``, in the file's newline
    style; comments above the next statement stay with that statement."""
    index = import_insertion_index(module)
    head = module.with_changes(body=module.body[:index], footer=(), has_trailing_newline=True).code
    code = module.code
    newline = module.default_newline
    if not code.startswith(head):  # a last line without newline: rendered with one in ``head``
        head = head[: -len(newline)] if head.endswith(newline) else head
        if not code.startswith(head):
            raise ValueError("cannot place the import")  # should not happen: libcst round-trips
        return TextEdit(_point(code, len(head)), f"{newline}import {name}")
    return TextEdit(_point(code, len(head)), f"import {name}{newline}")


def _point(text: str, offset: int) -> Span:
    position = offset_to_position(text, offset)
    return Span(position, position)


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
    return start == end and bool(_IMPORT_LINE.fullmatch(replacement.lstrip("\r\n")))


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
