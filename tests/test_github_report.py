"""GitHub workflow-annotation reporter."""

from __future__ import annotations

import pathlib

from v6lint.model import (
    Diagnostic,
    DiagnosticKind,
    Finding,
    Fix,
    FixSafety,
    Position,
    Severity,
    Span,
    Suppression,
    TextEdit,
)
from v6lint.reporters import Report, render
from v6lint.reporters import github_report


def span(line, col, end_line, end_col):
    return Span(Position(line, col), Position(end_line, end_col))


def finding(path="src/net.py", code="V6101", name="af-inet-socket", **kwargs):
    values = dict(
        code=code,
        name=name,
        path=path,
        span=span(3, 5, 3, 54),
        message="Socket is IPv4-only.",
        severity=Severity.WARNING,
    )
    values.update(kwargs)
    return Finding(**values)


def report(root: pathlib.Path, findings=(), diagnostics=(), cwd=None) -> Report:
    return Report(
        findings=list(findings),
        diagnostics=list(diagnostics),
        rules={},
        files_scanned=2,
        root=str(root),
        cwd=str(cwd or root),
    )


def test_annotation_line(tmp_path):
    out = render(report(tmp_path, [finding()]), "github").splitlines()
    assert out == [
        "::warning file=src/net.py,line=3,col=5,endLine=3,endColumn=54,title=V6101 af-inet-socket"
        "::Socket is IPv4-only.",
        "v6lint: 1 finding in 2 files",
    ]


def test_levels(tmp_path):
    findings = [finding(severity=Severity.ERROR), finding(severity=Severity.NOTE)]
    out = github_report.render(report(tmp_path, findings)).splitlines()
    assert out[0].startswith("::error file=")
    assert out[1].startswith("::notice file=")


def test_escaping(tmp_path):
    odd = finding(
        path="a,b:c%d.py",
        message="100% wrong:\r\nsee host,port",
        name="x",
    )
    [line, _] = github_report.render(report(tmp_path, [odd])).splitlines()
    assert line == (
        "::warning file=a%2Cb%3Ac%25d.py,line=3,col=5,endLine=3,endColumn=54,title=V6101 x"
        "::100%25 wrong:%0D%0Asee host,port"
    )


def test_paths_relative_to_repository_root(tmp_path):
    (tmp_path / "pkg").mkdir()
    out = github_report.render(report(tmp_path, [finding(path="mod.py")], cwd=tmp_path / "pkg"))
    assert "file=pkg/mod.py," in out


def test_suppressed_and_unchanged_are_not_printed(tmp_path):
    findings = [
        finding(suppression=Suppression("legacy", 3)),
        finding(baseline_state="unchanged"),
        finding(code="V6201", name="gethostbyname", baseline_state="new"),
    ]
    out = github_report.render(report(tmp_path, findings)).splitlines()
    assert len(out) == 2 and "title=V6201 gethostbyname" in out[0]
    assert out[1] == "v6lint: 1 finding in 2 files"


def test_fix_is_mentioned(tmp_path):
    fixed = finding(fix=Fix("Use localhost", FixSafety.SAFE, (TextEdit(span(3, 5, 3, 6), "x"),)))
    out = github_report.render(report(tmp_path, [fixed]))
    assert "::Socket is IPv4-only. (fix available%3A Use localhost)" not in out  # data keeps ':'
    assert "::Socket is IPv4-only. (fix available: Use localhost)" in out


def test_diagnostics_are_errors(tmp_path):
    diagnostics = [
        Diagnostic(DiagnosticKind.SYNTAX, "invalid syntax", path="src/broken.py", line=7),
        Diagnostic(DiagnosticKind.CONFIG, "bad [tool.v6lint]: unknown key"),
        Diagnostic(DiagnosticKind.NOTICE, "semgrep not installed"),
    ]
    out = github_report.render(report(tmp_path, diagnostics=diagnostics)).splitlines()
    assert out == [
        "::error file=src/broken.py,line=7,title=v6lint syntax-error::invalid syntax",
        "::error title=v6lint config-error::bad [tool.v6lint]: unknown key",
        "::notice title=v6lint notice::semgrep not installed",
        "v6lint: 0 findings in 2 files, 2 errors",
    ]
