"""Machine-readable output, schema version 1 (``json_report.schema.json`` beside this file).

The layout only grows within a schema version: new keys may appear, none change meaning or
disappear without ``schema_version`` going up. Columns are 1-based Unicode code points, end
positions exclusive, as everywhere in v6lint.
"""

from __future__ import annotations

import json
from typing import Any

from v6lint.model import Diagnostic, Finding, Position
from v6lint.reporters import Report

SCHEMA_VERSION = 1


def _position(position: Position) -> dict[str, int]:
    return {"line": position.line, "column": position.column}


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    data: dict[str, Any] = {
        "code": finding.code,
        "name": finding.name,
        "message": finding.message,
        "path": finding.path,
        "start": _position(finding.span.start),
        "end": _position(finding.span.end),
        "severity": finding.severity.value,
        "confidence": finding.confidence.value,
        "engine": finding.engine,
        "fix": None,
        "suppressed": None,
        "baseline_state": finding.baseline_state,
    }
    if finding.fix is not None:
        data["fix"] = {
            "title": finding.fix.title,
            "safety": finding.fix.safety.value,
            "edits": [
                {
                    "start": _position(edit.span.start),
                    "end": _position(edit.span.end),
                    "replacement": edit.replacement,
                }
                for edit in finding.fix.edits
            ],
        }
    if finding.suppression is not None:
        data["suppressed"] = {"reason": finding.suppression.reason, "line": finding.suppression.line}
    return data


def diagnostic_to_dict(diagnostic: Diagnostic) -> dict[str, Any]:
    return {
        "kind": diagnostic.kind.value,
        "message": diagnostic.message,
        "path": diagnostic.path,
        "line": diagnostic.line,
        "is_error": diagnostic.is_error,
    }


def render(report: Report) -> str:
    active = report.active_findings
    document = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "v6lint", "version": report.tool_version},
        "findings": [finding_to_dict(f) for f in report.findings],
        "absent": [finding_to_dict(f) for f in report.absent],
        "diagnostics": [diagnostic_to_dict(d) for d in report.diagnostics],
        "summary": {
            "files_scanned": report.files_scanned,
            "findings": len(active),
            "suppressed": len(report.findings) - len(active),
            "fixable": sum(1 for f in active if f.fix is not None),
            "fixes_applied": report.fixes_applied,
            "errors": sum(1 for d in report.diagnostics if d.is_error),
        },
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
