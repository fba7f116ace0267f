"""Reporters turn a finished `Report` into text; they know nothing of engines or rules' code.

Each format is a module with ``render(report: Report) -> str``; `render` here picks one by
name and imports it only when asked (the SARIF one pulls in sarif-om).
"""

from __future__ import annotations

import dataclasses
import importlib
from typing import Mapping, Sequence

from v6lint.model import Diagnostic, Finding, RuleInfo

FORMATS = ("text", "json", "sarif", "github")


@dataclasses.dataclass
class Report:
    findings: Sequence[Finding]  # sorted; suppressed ones included (they carry .suppression)
    diagnostics: Sequence[Diagnostic]
    rules: Mapping[str, RuleInfo]  # the whole catalog, by code
    files_scanned: int
    root: str  # absolute path of the repository root (git top level, else the working directory)
    cwd: str  # absolute working directory: Finding.path is relative to it
    absent: Sequence[Finding] = ()  # with --baseline: baseline entries no longer found
    fixes_applied: int = 0  # with --fix: how many fixes were written
    unsafe_fixes: bool = False  # --unsafe-fixes given: text shows unsafe fixes as available
    color: bool = False  # text only: ANSI colour (on a tty, unless NO_COLOR)
    tool_version: str = ""

    @property
    def active_findings(self) -> list[Finding]:
        """Findings that count: not suppressed inline."""
        return [f for f in self.findings if f.suppression is None]


def render(report: Report, output_format: str) -> str:
    if output_format not in FORMATS:
        raise ValueError(f"unknown output format {output_format!r}")
    module = importlib.import_module(f"v6lint.reporters.{output_format}_report")
    return module.render(report)
