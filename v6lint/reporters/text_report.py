"""Human-readable output: ``path:line:col: CODE [*] message``, then a summary.

``[*]`` marks a finding that ``--fix`` can repair, as ruff does: unsafe fixes count only with
``--unsafe-fixes``; without it they are hidden and the summary says how many. Suppressed
findings are counted, not listed. Colour only when asked (on a tty).
"""

from __future__ import annotations

from collections import Counter

from v6lint.model import FixSafety
from v6lint.reporters import Report

_COLOURS = {"path": "1", "code": "31;1", "dim": "2", "error": "31", "ok": "32", "fix": "36"}


def _paint(text: str, role: str, enabled: bool) -> str:
    return f"\x1b[{_COLOURS[role]}m{text}\x1b[0m" if enabled else text


def render(report: Report) -> str:
    colour = report.color
    lines = []
    active = report.active_findings
    for finding in active:
        where = f"{finding.path}:{finding.span.start.line}:{finding.span.start.column}:"
        marker = ""
        if finding.fix is not None and (report.unsafe_fixes or finding.fix.safety is FixSafety.SAFE):
            marker = " [*]"
        state = " (new)" if finding.baseline_state == "new" else ""
        lines.append(
            f"{_paint(where, 'path', colour)} {_paint(finding.code, 'code', colour)}"
            f"{_paint(marker, 'fix', colour)} {finding.message}{state}"
        )
    for diagnostic in report.diagnostics:
        role = "error" if diagnostic.is_error else "dim"
        lines.append(_paint(diagnostic.render(), role, colour))
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"


def _summary(report: Report) -> str:
    active = report.active_findings
    suppressed = len(report.findings) - len(active)
    safe = sum(1 for f in active if f.fix is not None and f.fix.safety is FixSafety.SAFE)
    unsafe = sum(1 for f in active if f.fix is not None and f.fix.safety is FixSafety.UNSAFE)
    errors = sum(1 for d in report.diagnostics if d.is_error)
    files = f"{report.files_scanned} file{'s' if report.files_scanned != 1 else ''}"
    if active:
        by_code = Counter(f.code for f in active)
        top = ", ".join(f"{code} x{count}" for code, count in by_code.most_common(5))
        text = f"Found {len(active)} finding{'s' if len(active) != 1 else ''} in {files} ({top})."
    else:
        text = _paint(f"No IPv4-only assumptions found in {files}.", "ok", report.color)
    extras = []
    if report.fixes_applied:
        extras.append(f"{report.fixes_applied} fixed")
    if report.unsafe_fixes and safe + unsafe:
        extras.append(f"{safe + unsafe} fixable with --fix --unsafe-fixes")
    elif safe:
        extras.append(f"{safe} fixable with --fix")
    if unsafe and not report.unsafe_fixes:
        extras.append(f"{unsafe} hidden fix{'es' if unsafe != 1 else ''} can be enabled with --unsafe-fixes")
    if suppressed:
        extras.append(f"{suppressed} suppressed inline")
    if report.absent:
        extras.append(f"{len(report.absent)} baseline entries gone")
    if errors:
        extras.append(_paint(f"{errors} file error{'s' if errors != 1 else ''}", "error", report.color))
    return text + (f" [{'; '.join(extras)}]" if extras else "")
