"""The cst engine: one libcst parse and one batched visit per Python file, serving every rule.

Cost control, in order: rules whose byte triggers are absent are not run; a file with no
runnable rule is not parsed; positions (the costliest metadata) are resolved only when a rule
reported something.
"""

from __future__ import annotations

from typing import Iterable, Optional, Sequence

import libcst as cst
from libcst.metadata import MetadataWrapper, PositionProvider

from v6lint.model import (
    Diagnostic,
    DiagnosticKind,
    Finding,
    Fix,
    Position,
    Span,
    TextEdit,
)
from v6lint.rules._base import PendingFix, Rule, RuleContext


def triggered_rules(source: bytes, rules: Iterable[type[Rule]]) -> list[type[Rule]]:
    return [rule for rule in rules if any(trigger in source for trigger in rule.triggers)]


def analyze_source(
    source: bytes, path: str, rules: Sequence[type[Rule]]
) -> tuple[list[Finding], list[Diagnostic]]:
    """Findings of ``rules`` in one Python file's bytes. Never raises for bad input."""
    selected = triggered_rules(source, rules)
    if not selected:
        return [], []
    if b"\0" in source[:8192]:
        return [], [Diagnostic(DiagnosticKind.BINARY, "binary content, not scanned", path)]
    try:
        module = cst.parse_module(source)
    except cst.ParserSyntaxError as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else "invalid syntax"
        return [], [Diagnostic(DiagnosticKind.SYNTAX, reason, path, error.raw_line or None)]
    except (UnicodeDecodeError, LookupError) as error:
        return [], [Diagnostic(DiagnosticKind.DECODE, f"cannot decode: {error}", path)]
    except (RecursionError, MemoryError):
        return [], [Diagnostic(DiagnosticKind.SYNTAX, "too deeply nested to parse", path)]

    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    context = RuleContext(path, module)
    try:
        wrapper.visit_batched([rule(context) for rule in selected])
    except RecursionError:
        return [], [Diagnostic(DiagnosticKind.SYNTAX, "too deeply nested to analyse", path)]
    if not context.reports:
        return [], []

    positions = wrapper.resolve(PositionProvider)
    findings = []
    for rule, report in context.reports:
        code_range = positions[report.node]
        span = Span(
            Position(code_range.start.line, code_range.start.column + 1),
            Position(code_range.end.line, code_range.end.column + 1),
        )
        findings.append(
            Finding(
                code=rule.code,
                name=rule.name,
                path=path,
                span=span,
                message=report.message,
                severity=rule.severity,
                confidence=report.confidence,
                fix=_to_fix(module, report.fix) if report.fix else None,
                engine="cst",
            )
        )
    return findings, []


def _to_fix(module: cst.Module, pending: PendingFix) -> Optional[Fix]:
    """Turn CST replacements into one exact text edit.

    ``code_for_node`` is not a faithful slice for parenthesised expressions, arguments or
    statements, so the edit comes from rendering the whole module before and after the
    replacement and trimming what the two have in common.
    """
    updated = module
    for old, new in pending.replacements:
        updated = updated.deep_replace(old, new)
    before, after = module.code, updated.code
    if before == after:
        return None
    edit = text_edit_between(before, after)
    return Fix(pending.title, pending.safety, (edit,))


def text_edit_between(before: str, after: str) -> TextEdit:
    """The single smallest edit that turns ``before`` into ``after``."""
    prefix = 0
    limit = min(len(before), len(after))
    while prefix < limit and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while (
        suffix < limit - prefix
        and before[len(before) - 1 - suffix] == after[len(after) - 1 - suffix]
    ):
        suffix += 1
    start = offset_to_position(before, prefix)
    end = offset_to_position(before, len(before) - suffix)
    return TextEdit(Span(start, end), after[prefix : len(after) - suffix])


def offset_to_position(text: str, offset: int) -> Position:
    line = text.count("\n", 0, offset) + 1
    line_start = text.rfind("\n", 0, offset) + 1
    return Position(line, offset - line_start + 1)
