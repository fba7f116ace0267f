"""SARIF reporter: schema validity (official 2.1.0 schema, copy in tests/schemas) and the
details GitHub code scanning relies on."""

from __future__ import annotations

import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import urllib.parse

import jsonschema
import pytest

from v6lint.fingerprints import line_hashes
from v6lint.model import (
    Diagnostic,
    DiagnosticKind,
    Finding,
    Fix,
    FixSafety,
    Position,
    RuleInfo,
    Severity,
    Span,
    Suppression,
    TextEdit,
)
from v6lint.reporters import Report
from v6lint.reporters import sarif_report

SCHEMA = json.loads(
    (pathlib.Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text("utf-8")
)

DOCS = """## What it finds
`socket.socket(AF_INET, ...)`: a socket that can only speak IPv4.

## Why it breaks on IPv6
An AF_INET socket cannot connect to or accept from an IPv6 address, so the program fails on
an IPv6-only host.

## Example
```python
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
```

## Fix
Use `socket.create_connection()` or take the family from `getaddrinfo()`.
"""

RULES = {
    "V6101": RuleInfo(
        code="V6101",
        name="af-inet-socket",
        summary="Socket created with the IPv4-only AF_INET family",
        severity=Severity.WARNING,
        fix_safety=FixSafety.UNSAFE,
        precision="high",
        tags=("ipv6", "sockets", "portability"),
        docs=DOCS,
        languages=("python", "c"),
    ),
    "V6201": RuleInfo(
        code="V6201",
        name="gethostbyname",
        summary="IPv4-only resolver gethostbyname()",
        severity=Severity.ERROR,
        fix_safety=None,
        precision="very-high",
        tags=tuple(f"tag{i}" for i in range(15)),
        docs="What it finds:\ngethostbyname().\n\nWhy it breaks on IPv6:\nIt only returns A records.\n",
        languages=("python",),
    ),
    "V6401": RuleInfo(
        code="V6401",
        name="ipv4-loopback-literal",
        summary="Hard-coded IPv4 loopback address",
        severity=Severity.NOTE,
        fix_safety=FixSafety.SAFE,
        precision="medium",
        tags=(),
        docs="",
        languages=("python",),
    ),
}

SOURCE = (
    "import socket\n"
    "\n"
    "s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n"
    "addr = socket.gethostbyname(host)  # v6lint: ignore[V6201] legacy API kept for now\n"
    "HOST = '127.0.0.1'\n"
)


def span(line: int, col: int, end_line: int, end_col: int) -> Span:
    return Span(Position(line, col), Position(end_line, end_col))


def finding(path: str, code: str = "V6101", line: int = 3, **kwargs) -> Finding:
    defaults = dict(
        code=code,
        name=RULES[code].name if code in RULES else code.lower(),
        path=path,
        span=span(line, 5, line, 54),
        message=f"{code} message: the socket is IPv4-only.",
        severity=RULES[code].severity if code in RULES else Severity.WARNING,
    )
    defaults.update(kwargs)
    return Finding(**defaults)


def make_report(root: pathlib.Path, findings=(), diagnostics=(), absent=(), cwd=None) -> Report:
    return Report(
        findings=list(findings),
        diagnostics=list(diagnostics),
        rules=RULES,
        files_scanned=3,
        root=str(root),
        cwd=str(cwd or root),
        absent=list(absent),
        tool_version="0.1.0",
    )


def render(report: Report, **kwargs) -> dict:
    text = sarif_report.render(report, **kwargs)
    document = json.loads(text)
    validate(document)
    return document


def validate(document: dict) -> None:
    validator = jsonschema.Draft4Validator(SCHEMA)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    text = json.dumps(document)
    assert "null" not in text.replace('"null', "")  # no JSON nulls anywhere
    # The schema's "uri" format is not checked by jsonschema without extra packages.
    for uri in re.findall(r'"uri": "([^"]*)"', text):
        assert uri.isascii() and " " not in uri, uri
        assert urllib.parse.urlsplit(uri).scheme in ("", "file"), uri


@pytest.fixture()
def repo(tmp_path: pathlib.Path) -> pathlib.Path:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "net.py").write_text(SOURCE, "utf-8")
    return tmp_path


def test_schema_copy_is_the_official_draft4_schema():
    assert SCHEMA["$schema"] == "http://json-schema.org/draft-04/schema#"
    assert SCHEMA["id"].endswith("/sarif-schema-2.1.0.json")
    jsonschema.Draft4Validator.check_schema(SCHEMA)


def test_schema_rejects_what_github_rejects():
    # The validation in these tests can fail: sarif-om's own `state` name is refused.
    bad = {
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "v6lint"}},
                "results": [
                    {"message": {"text": "m"}, "suppressions": [{"kind": "inSource", "state": "accepted"}]}
                ],
            }
        ],
    }
    with pytest.raises(AssertionError):
        validate(bad)


def test_empty_report(repo):
    document = render(make_report(repo))
    assert document["$schema"] == sarif_report.SCHEMA_URI
    assert document["version"] == "2.1.0"
    [run] = document["runs"]
    assert run["results"] == []
    assert run["tool"]["driver"]["name"] == "v6lint"
    assert run["tool"]["driver"]["semanticVersion"] == "0.1.0"
    assert run["tool"]["driver"]["rules"] == []
    assert run["automationDetails"] == {"id": "v6lint/"}
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["invocations"][0]["executionSuccessful"] is True
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.resolve().as_uri() + "/"


def test_sarif_om_is_imported_lazily():
    code = "import v6lint.reporters.sarif_report, sys; print('sarif_om' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_results_rules_and_locations(repo):
    findings = [
        finding("src/net.py"),
        finding("src/net.py", "V6401", line=5, span=span(5, 8, 5, 19), message="Loopback literal."),
    ]
    document = render(make_report(repo, findings))
    run = document["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["V6101", "V6401"]  # only the rules that fired
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    first, second = run["results"]
    # level is always explicit, even "warning" (sarif-om's default).
    assert first["level"] == "warning" and second["level"] == "note"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "src/net.py", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 54}
    assert "ruleIndex" in first and "rank" not in first and "kind" not in first
    rule = rules[0]
    assert rule["name"] == "af-inet-socket"
    assert rule["shortDescription"]["text"] == "Socket created with the IPv4-only AF_INET family."
    assert "IPv6-only host" in rule["fullDescription"]["text"]
    assert rule["help"]["markdown"].startswith("## What it finds")
    assert rule["help"]["text"]
    assert rule["helpUri"] == RULES["V6101"].help_uri
    assert rule["defaultConfiguration"] == {"level": "warning"}
    assert rule["properties"] == {
        "precision": "high",
        "problem.severity": "warning",
        "tags": ["ipv6", "sockets", "portability"],
    }
    # A note-level rule with no docs still has every field GitHub requires.
    note_rule = rules[1]
    assert note_rule["properties"]["problem.severity"] == "recommendation"
    assert note_rule["help"]["text"] and note_rule["fullDescription"]["text"]
    assert "tags" not in note_rule["properties"]


def test_rule_limits_and_no_security_severity(repo):
    document = render(make_report(repo, [finding("src/net.py", "V6201", line=4)]))
    [rule] = document["runs"][0]["tool"]["driver"]["rules"]
    assert len(rule["properties"]["tags"]) == 10
    assert "security-severity" not in json.dumps(document)
    assert rule["fullDescription"]["text"] == (
        "IPv4-only resolver gethostbyname(). It only returns A records."
    )
    assert document["runs"][0]["results"][0]["level"] == "error"


def test_warning_result_under_error_rule_keeps_its_level(repo):
    lowered = finding("src/net.py", "V6201", line=4, severity=Severity.WARNING)
    result = render(make_report(repo, [lowered]))["runs"][0]["results"][0]
    assert result["level"] == "warning"


def test_fingerprints_match_githubs_line_hash(repo):
    findings = [finding("src/net.py"), finding("src/net.py", "V6401", line=5)]
    results = render(make_report(repo, findings))["runs"][0]["results"]
    hashes = line_hashes(SOURCE)
    assert results[0]["partialFingerprints"]["primaryLocationLineHash"] == hashes[2]
    assert results[1]["partialFingerprints"]["primaryLocationLineHash"] == hashes[4]
    keys = {r["partialFingerprints"]["v6lint/v1"] for r in results}
    assert len(keys) == 2 and all(k.startswith("v1:") for k in keys)


def test_own_key_survives_lines_moving(repo):
    before = render(make_report(repo, [finding("src/net.py")]))["runs"][0]["results"][0]
    (repo / "src" / "net.py").write_text("# a new header comment\n\n" + SOURCE, "utf-8")
    moved = finding("src/net.py", line=5, span=span(5, 5, 5, 54))
    after = render(make_report(repo, [moved]))["runs"][0]["results"][0]
    assert before["partialFingerprints"]["v6lint/v1"] == after["partialFingerprints"]["v6lint/v1"]


def test_fixes(repo):
    fixed = finding(
        "src/net.py",
        "V6401",
        line=5,
        span=span(5, 8, 5, 19),
        fix=Fix(
            title="Use the name localhost",
            safety=FixSafety.SAFE,
            edits=(
                TextEdit(span(5, 9, 5, 18), "localhost"),
                TextEdit(span(5, 19, 5, 19), "  # resolved per family"),
                TextEdit(span(3, 1, 4, 1), ""),
            ),
        ),
    )
    unsafe = finding(
        "src/net.py",
        fix=Fix("Use socket.create_connection()", FixSafety.UNSAFE, (TextEdit(span(3, 5, 3, 54), "x"),)),
    )
    results = render(make_report(repo, [unsafe, fixed]))["runs"][0]["results"]
    [fix] = results[1]["fixes"]
    assert fix["description"]["text"] == "Use the name localhost (safe fix, applied by --fix)"
    [change] = fix["artifactChanges"]
    assert change["artifactLocation"] == {"uri": "src/net.py", "uriBaseId": "%SRCROOT%"}
    first, insertion, deletion = change["replacements"]
    assert first == {
        "deletedRegion": {"startLine": 5, "startColumn": 9, "endLine": 5, "endColumn": 18},
        "insertedContent": {"text": "localhost"},
    }
    assert insertion["deletedRegion"]["startColumn"] == insertion["deletedRegion"]["endColumn"]
    assert "insertedContent" not in deletion  # a pure deletion
    assert "--unsafe-fixes" in results[0]["fixes"][0]["description"]["text"]


def test_suppressions_are_kept_with_status_and_reason(repo):
    suppressed = finding(
        "src/net.py",
        "V6201",
        line=4,
        suppression=Suppression(reason="legacy API kept for now", line=4),
    )
    bare = finding("src/net.py", suppression=Suppression(reason="", line=3))
    document = render(make_report(repo, [bare, suppressed]))
    first, second = document["runs"][0]["results"]
    assert first["suppressions"] == [
        {
            "kind": "inSource",
            "status": "accepted",
            "location": {
                "physicalLocation": {
                    "artifactLocation": {"uri": "src/net.py", "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": 3},
                }
            },
        }
    ]
    assert second["suppressions"][0]["justification"] == "legacy API kept for now"
    assert "state" not in json.dumps(document)
    # Suppressed findings' rules are still described.
    assert {r["id"] for r in document["runs"][0]["tool"]["driver"]["rules"]} == {"V6101", "V6201"}


def test_baseline_states(repo):
    new = finding("src/net.py", baseline_state="new")
    unchanged = finding("src/net.py", "V6401", line=5, baseline_state="unchanged")
    gone = finding("src/old.py", "V6201", line=9, span=span(9, 1, 9, 1), baseline_state="absent")
    gone_unmarked = finding("src/net.py", "V6999", line=2, span=span(2, 1, 2, 1))
    document = render(make_report(repo, [new, unchanged], absent=[gone, gone_unmarked]))
    run = document["runs"][0]
    states = [r.get("baselineState") for r in run["results"]]
    assert states == ["new", "unchanged", "absent", "absent"]
    absent = run["results"][2]
    assert "primaryLocationLineHash" not in absent.get("partialFingerprints", {})
    # A code the catalog does not know (an old baseline entry) still gets a complete rule.
    unknown = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "V6999")
    assert unknown["shortDescription"]["text"] and unknown["help"]["text"]


def test_diagnostics_become_notifications(repo):
    diagnostics = [
        Diagnostic(DiagnosticKind.SYNTAX, "invalid syntax", path="src/broken.py", line=7),
        Diagnostic(DiagnosticKind.NOTICE, "semgrep is not installed: 3 files skipped"),
    ]
    run = render(make_report(repo, diagnostics=diagnostics))["runs"][0]
    [invocation] = run["invocations"]
    assert invocation["executionSuccessful"] is True  # one bad file is not a failed run
    error, notice = invocation["toolExecutionNotifications"]
    assert error["level"] == "error"
    assert error["descriptor"] == {"id": "syntax-error"}
    assert error["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "src/broken.py", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 7},
    }
    assert notice["level"] == "note" and "locations" not in notice

    failed = render(make_report(repo, diagnostics=[Diagnostic(DiagnosticKind.CONFIG, "bad toml", path="pyproject.toml")]))
    assert failed["runs"][0]["invocations"][0]["executionSuccessful"] is False


def test_paths_with_spaces_non_ascii_and_from_a_subdirectory(repo):
    odd = repo / "my dir" / "señal 網絡"
    odd.mkdir(parents=True)
    (odd / "ñ#%.py").write_text(SOURCE, "utf-8")
    cwd = repo / "my dir"
    document = render(make_report(repo, [finding("señal 網絡/ñ#%.py")], cwd=cwd))
    location = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    uri = location["artifactLocation"]["uri"]
    assert uri == "my%20dir/se%C3%B1al%20%E7%B6%B2%E7%B5%A1/%C3%B1%23%25.py"
    assert urllib.parse.unquote(uri) == "my dir/señal 網絡/ñ#%.py"
    fingerprints = document["runs"][0]["results"][0]["partialFingerprints"]
    assert fingerprints["primaryLocationLineHash"] == line_hashes(SOURCE)[2]


def test_symlinks_resolved_and_outside_root_is_absolute(repo, tmp_path_factory):
    (repo / "link.py").symlink_to(repo / "src" / "net.py")
    outside = tmp_path_factory.mktemp("elsewhere") / "other.py"
    outside.write_text(SOURCE, "utf-8")
    document = render(make_report(repo, [finding("link.py"), finding(str(outside))]))
    linked, external = (
        r["locations"][0]["physicalLocation"]["artifactLocation"] for r in document["runs"][0]["results"]
    )
    assert linked["uri"] == "src/net.py"
    assert external == {"uri": outside.resolve().as_uri()}


def test_result_limit_keeps_the_most_severe(repo):
    findings = [finding("src/net.py", "V6401", line=5, span=span(5, 1, 5, 2))] * 3
    findings += [finding("src/net.py", "V6201", line=4)] * 2
    findings += [finding("src/net.py", line=3, suppression=Suppression("x", 3))]
    run = render(make_report(repo, findings), max_results=3)["runs"][0]
    assert [r["ruleId"] for r in run["results"]] == ["V6401", "V6201", "V6201"]
    note = run["invocations"][0]["toolExecutionNotifications"][-1]
    assert note["level"] == "warning" and "the 3 least severe" in note["message"]["text"]
    # Identical findings still get distinct keys of our own.
    keys = [r["partialFingerprints"]["v6lint/v1"] for r in run["results"]]
    assert len(set(keys)) == 3


def test_unreadable_file_has_no_line_hash(repo):
    document = render(make_report(repo, [finding("src/deleted.py")]))
    fingerprints = document["runs"][0]["results"][0]["partialFingerprints"]
    assert "primaryLocationLineHash" not in fingerprints and "v6lint/v1" in fingerprints


def test_serializer_keeps_level_and_drops_defaults():
    import sarif_om as om

    data = sarif_report.to_json(
        om.Result(message=om.Message(text="m"), level="warning", rule_index=-1, kind="fail")
    )
    assert data == {"message": {"text": "m"}, "level": "warning"}
    run = sarif_report.to_json(om.Run(tool=om.Tool(driver=om.ToolComponent(name="x")), results=[]))
    assert run == {"tool": {"driver": {"name": "x"}}, "results": []}


def test_own_key_equals_the_baseline_key(repo):
    from v6lint.baseline import load_baseline, write_baseline

    findings = [
        finding("src/net.py"),
        finding("src/net.py", suppression=Suppression("kept", 3)),
        finding("src/net.py"),
    ]
    baseline = repo / "v6lint-baseline.json"
    write_baseline(findings, str(baseline), lambda p: (repo / p).read_text("utf-8"), cwd=str(repo))
    recorded = {entry["key"] for entry in load_baseline(str(baseline))}
    results = render(make_report(repo, findings))["runs"][0]["results"]
    active = {r["partialFingerprints"]["v6lint/v1"] for r in results if "suppressions" not in r}
    assert active == recorded and len(recorded) == 2


def _multitool():
    return os.environ.get("SARIF_MULTITOOL") or shutil.which("Sarif.Multitool")


@pytest.mark.skipif(not _multitool(), reason="set SARIF_MULTITOOL to Microsoft's Sarif.Multitool")
def test_github_ingestion_rules(repo, tmp_path_factory):
    # Microsoft's validator with GitHub's ingestion rules (GH1001...GH2012) on a full report.
    findings = [
        finding("src/net.py", baseline_state="new", fix=Fix("f", FixSafety.SAFE, (TextEdit(span(3, 5, 3, 6), "x"),))),
        finding("src/net.py", "V6201", line=4, suppression=Suppression("legacy", 4)),
    ]
    diagnostics = [Diagnostic(DiagnosticKind.SYNTAX, "invalid syntax", path="src/broken.py", line=2)]
    out = tmp_path_factory.mktemp("multitool")
    (out / "in.sarif").write_text(sarif_report.render(make_report(repo, findings, diagnostics)), "utf-8")
    subprocess.run(
        [_multitool(), "validate", "--rule-kind", "Gh;Sarif", "--output", str(out / "out.sarif"), str(out / "in.sarif")],
        check=True,
        capture_output=True,
        timeout=300,
    )
    problems = json.loads((out / "out.sarif").read_text("utf-8-sig"))["runs"][0]["results"]
    assert [(p["ruleId"], p.get("level")) for p in problems] == []
