"""GitHub Actions workflow annotations: one ``::warning file=...::message`` line per finding.

GitHub turns these lines into annotations on the run and, for changed lines, on the pull
request's diff. Paths are relative to the repository root (``report.root``), which is where
GitHub resolves them (the checkout in ``$GITHUB_WORKSPACE``); files outside it keep their
absolute path. Levels map error -> ``::error``, warning -> ``::warning``, note -> ``::notice``.

Not printed: findings suppressed inline, and with ``--baseline`` the ``unchanged`` ones (the
point of a baseline is to show only what is new). Diagnostics are printed as ``::error`` lines
(``::notice`` for mere notices) so a broken file shows up next to the findings. A last plain
line sums up, because GitHub shows only the first few annotations of each level per step.

Escaping follows the workflow-command rules: in the message ``%``, CR and LF are
percent-encoded; in property values ``:`` and ``,`` are too.
"""

from __future__ import annotations

import os

from v6lint.model import Severity
from v6lint.reporters import Report

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTE: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _repo_path(report: Report, path: str) -> str:
    real = os.path.realpath(os.path.join(report.cwd, path))
    relative = os.path.relpath(real, os.path.realpath(report.root))
    if relative.split(os.sep)[0] == os.pardir:
        return real
    return relative.replace(os.sep, "/")


def _command(name: str, properties: list[tuple[str, object]], message: str) -> str:
    rendered = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties)
    return f"::{name} {rendered}::{escape_data(message)}" if rendered else f"::{name}::{escape_data(message)}"


def render(report: Report) -> str:
    lines = []
    shown = 0
    for finding in report.findings:
        if finding.suppression is not None or finding.baseline_state in ("unchanged", "absent"):
            continue
        shown += 1
        span = finding.span
        properties: list[tuple[str, object]] = [
            ("file", _repo_path(report, finding.path)),
            ("line", span.start.line),
            ("col", span.start.column),
            ("endLine", span.end.line),
            ("endColumn", span.end.column),
            ("title", f"{finding.code} {finding.name}"),
        ]
        message = finding.message
        if finding.fix is not None:
            message += f" (fix available: {finding.fix.title})"
        lines.append(_command(_COMMAND[Severity(finding.severity)], properties, message))
    for diagnostic in report.diagnostics:
        properties = []
        if diagnostic.path:
            properties.append(("file", _repo_path(report, diagnostic.path)))
            if diagnostic.line:
                properties.append(("line", diagnostic.line))
        properties.append(("title", f"v6lint {diagnostic.kind.value}"))
        name = "error" if diagnostic.is_error else "notice"
        lines.append(_command(name, properties, diagnostic.message))
    errors = sum(1 for d in report.diagnostics if d.is_error)
    summary = f"v6lint: {shown} finding{'s' if shown != 1 else ''} in {report.files_scanned} files"
    if errors:
        summary += f", {errors} error{'s' if errors != 1 else ''}"
    lines.append(summary)
    return "\n".join(lines) + "\n"
