"""End-to-end tests of the semgrep engine on tests/fixtures/polyglot with the real semgrep.

One semgrep run (module-scoped fixture) serves most tests: it costs a few seconds on start-up.
"""

from __future__ import annotations

import os
import pathlib

import pytest

from v6lint import languages
from v6lint.engines import semgrep as engine
from v6lint.model import (
    Confidence,
    DiagnosticKind,
    FixSafety,
    Position,
    RuleInfo,
    Severity,
    SourceFile,
)

ROOT = pathlib.Path(__file__).resolve().parent / "fixtures" / "polyglot"

needs_semgrep = pytest.mark.skipif(
    not engine.available(), reason="semgrep is not installed (pip install 'v6lint[semgrep]')"
)


def source_files(explicit: bool = False) -> list[SourceFile]:
    files = []
    for path in sorted(ROOT.rglob("*")):
        if not path.is_file():
            continue
        language = languages.language_for(str(path))
        if language is None:
            continue
        display = path.relative_to(ROOT).as_posix()
        files.append(SourceFile(display, str(path), language, explicit))
    return files


@pytest.fixture(scope="module")
def result():
    if not engine.available():
        pytest.skip("semgrep is not installed (pip install 'v6lint[semgrep]')")
    return engine.run(source_files(), jobs=1)


def codes_by_path(findings) -> dict[str, set[str]]:
    table: dict[str, set[str]] = {}
    for finding in findings:
        table.setdefault(finding.path, set()).add(finding.code)
    return table


# Every file of the fixture and the codes it must produce (the tree is written so that each
# language's rules fire; a missing entry means a language silently dropped out of the run).
EXPECTED = {
    "src/server.c": {"V6101", "V6108"},
    "tests/client.go": {"V6104", "V6502"},
    "src/Server.java": {"V6901", "V6402"},
    "src/web.js": {"V6402"},
    "src/lookup.mts": {"V6901"},
    "src/Net.cs": {"V6402"},
    "src/server.rb": {"V6402"},
    "vendor/lib/ban.php": {"V6202"},
    "src/main.rs": {"V6402"},
    "deploy/nginx.conf": {"V6801"},
    "deploy/docker-compose.yml": {"V6801", "V6902"},
    "deploy/Dockerfile.prod": {"V6801"},
    "deploy/app.socket": {"V6801"},
    "db/schema.sql": {"V6701"},
    "deploy/start.sh": {"V6901"},
}


@needs_semgrep
def test_every_language_reported(result):
    findings, _ = result
    table = codes_by_path(findings)
    for path, codes in EXPECTED.items():
        assert codes <= table.get(path, set()), (path, table.get(path))
    # Nothing for Python (the cst engine's job) and nothing unexpected.
    assert "src/app.py" not in table
    assert set(table) == set(EXPECTED)
    assert all(f.engine == "semgrep" for f in findings)


@needs_semgrep
def test_findings_carry_metadata(result):
    findings, _ = result
    socket_finding = next(f for f in findings if f.path == "src/server.c" and f.code == "V6101")
    assert socket_finding.name == "af-inet-socket"
    assert socket_finding.severity is Severity.WARNING
    assert socket_finding.confidence is Confidence.HIGH
    assert socket_finding.fix is None
    assert "IPv4" in socket_finding.message and "\n" not in socket_finding.message
    line = (ROOT / "src/server.c").read_text().splitlines()[socket_finding.span.start.line - 1]
    assert "socket(AF_INET" in line


@needs_semgrep
def test_columns_are_code_points(result):
    findings, _ = result
    finding = next(f for f in findings if f.path == "src/web.js")
    text = (ROOT / "src/web.js").read_text(encoding="utf-8")
    line_text = text.splitlines()[1]
    start = line_text.index("app.listen")
    end = line_text.index(";", start)  # the call ends before the statement's semicolon
    assert finding.span.start == Position(2, start + 1)
    assert finding.span.end == Position(2, end + 1)
    # Byte columns would be larger: the line has multi-byte characters before the match.
    assert len(line_text[:start].encode("utf-8")) > start


@needs_semgrep
def test_unparseable_file_is_a_diagnostic(result):
    _, diagnostics = result
    broken = [d for d in diagnostics if d.path == "src/broken.c"]
    assert len(broken) == 1
    assert broken[0].kind is DiagnosticKind.ENGINE
    assert "parse" in broken[0].message
    # semgrep names the line where the unparseable region starts (it reports 1 here).
    assert broken[0].line in (1, 2)
    # Only the broken file has a problem.
    assert {d.path for d in diagnostics if d.is_error} == {"src/broken.c"}


def apply(text: str, fix) -> str:
    lines = text.split("\n")
    (edit,) = fix.edits

    def offset(position: Position) -> int:
        return sum(len(line) + 1 for line in lines[: position.line - 1]) + position.column - 1

    return text[: offset(edit.span.start)] + edit.replacement + text[offset(edit.span.end) :]


@needs_semgrep
def test_fixes_carried_with_their_tier(result):
    findings, _ = result
    buffer = next(f for f in findings if f.path == "src/server.c" and f.code == "V6108")
    assert buffer.fix is not None and buffer.fix.safety is FixSafety.SAFE
    text = (ROOT / "src/server.c").read_text()
    assert "char buf[INET6_ADDRSTRLEN];" in apply(text, buffer.fix)
    assert "INET_ADDRSTRLEN" not in apply(text, buffer.fix)

    join = next(f for f in findings if f.path == "tests/client.go" and f.code == "V6502")
    assert join.fix is not None and join.fix.safety is FixSafety.UNSAFE
    fixed = apply((ROOT / "tests/client.go").read_text(), join.fix)
    assert 'net.Dial("tcp4", net.JoinHostPort(host, strconv.Itoa(port)))' in fixed

    nginx = next(f for f in findings if f.path == "deploy/nginx.conf")
    assert nginx.fix is not None and nginx.fix.safety is FixSafety.UNSAFE
    fixed = apply((ROOT / "deploy/nginx.conf").read_text(), nginx.fix)
    assert "listen 80; listen [::]:80;" in fixed

    # Report-only rules never carry a fix.
    assert all(f.fix is None for f in findings if f.path == "src/Server.java")


@needs_semgrep
def test_single_file_and_no_targets():
    one = [s for s in source_files() if s.path == "src/main.rs"]
    findings, diagnostics = engine.run(one)
    assert [f.code for f in findings] == ["V6402"]
    assert diagnostics == []
    # Only Python files: semgrep is not started at all.
    python_only = [s for s in source_files() if s.language == "python"]
    assert engine.run(python_only) == ([], [])


def test_missing_semgrep_is_a_notice_unless_named(monkeypatch):
    monkeypatch.setattr(engine, "_executable", lambda: None)
    assert not engine.available()
    findings, diagnostics = engine.run(source_files())
    assert findings == []
    assert len(diagnostics) == 1
    assert diagnostics[0].kind is DiagnosticKind.NOTICE
    assert "semgrep is not installed" in diagnostics[0].message
    named = [s for s in source_files(explicit=True) if s.path == "src/main.rs"]
    _, diagnostics = engine.run(named)
    assert len(diagnostics) == 1
    assert diagnostics[0].kind is DiagnosticKind.ENGINE
    assert diagnostics[0].path == "src/main.rs"


def test_too_large_file_is_skipped_with_a_diagnostic(tmp_path, monkeypatch):
    monkeypatch.setattr(engine, "MAX_TARGET_BYTES", 10)
    monkeypatch.setattr(engine, "_executable", lambda: None)
    big = tmp_path / "big.go"
    big.write_text("package main\n" * 5)
    _, diagnostics = engine.run([SourceFile("big.go", str(big), "go")])
    assert [d.kind for d in diagnostics] == [DiagnosticKind.TOO_LARGE]


def test_rule_infos_and_languages():
    infos = engine.rule_infos()
    assert all(isinstance(info, RuleInfo) for info in infos)
    codes = [info.code for info in infos]
    assert len(codes) == len(set(codes))
    by_code = {info.code: info for info in infos}
    assert by_code["V6201"].name == "ipv4-only-resolver"
    assert {"c", "cpp", "csharp", "php", "ruby"} <= set(by_code["V6201"].languages)
    assert by_code["V6108"].fix_safety is FixSafety.SAFE  # INET6_ADDRSTRLEN widening
    assert by_code["V6101"].fix_safety is None
    for info in infos:
        assert info.summary and not info.summary.endswith(".")
        assert "## What it finds" in info.docs
    assert {
        "c", "cpp", "go", "java", "js", "ts", "csharp", "ruby", "php", "rust",
        "yaml", "generic", "dockerfile", "bash",
    } <= engine.languages_with_rules()
    # Every language a rule names is one that v6lint's file detection can produce.
    known = set(languages.SUFFIX_LANGUAGES.values()) | set(languages.NAME_LANGUAGES.values())
    assert engine.languages_with_rules() <= known | {"dockerfile"}


def test_rules_dir_is_the_repository_rules():
    assert engine.rules_dir() == pathlib.Path(__file__).resolve().parent.parent / "rules"
    assert os.path.isdir(engine.rules_dir())
