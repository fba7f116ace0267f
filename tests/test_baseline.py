"""Baselines: written today, they must keep yesterday's findings quiet after unrelated edits and
let exactly the new ones through."""

from __future__ import annotations

import json
import os
import pathlib
import re

import pytest

from v6lint.baseline import apply_baseline, load_baseline, write_baseline
from v6lint.model import Finding, Position, Severity, Span, Suppression

LEGACY = """\
import socket


def connect(host, port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.connect((socket.gethostbyname(host), port))
    return sock


def serve():
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("0.0.0.0", 8080))
    return sock
"""

PATTERNS = {
    "V6101": ("af-inet-socket", re.compile(r"socket\.socket\(socket\.AF_INET")),
    "V6201": ("gethostbyname", re.compile(r"gethostbyname\(")),
    "V6402": ("bind-all-ipv4-literal", re.compile(r'"0\.0\.0\.0"')),
}


def scan(root: pathlib.Path, cwd: pathlib.Path | None = None) -> list[Finding]:
    """A stand-in for the engines: one finding per pattern match, paths relative to cwd."""
    cwd = cwd or root
    findings = []
    for file in sorted(root.rglob("*.py")):
        lines = file.read_text("utf-8").split("\n")
        for number, line in enumerate(lines, 1):
            for code, (name, pattern) in PATTERNS.items():
                for match in pattern.finditer(line):
                    start = Position(number, match.start() + 1)
                    end = Position(number, match.end() + 1)
                    suppression = None
                    if "v6lint: ignore" in line:
                        suppression = Suppression("reason", number)
                    findings.append(
                        Finding(
                            code=code,
                            name=name,
                            path=os.path.relpath(file, cwd).replace(os.sep, "/"),
                            span=Span(start, end),
                            message=f"{name} found",
                            severity=Severity.WARNING,
                            suppression=suppression,
                        )
                    )
    return sorted(findings, key=lambda f: f.sort_key)


def reader(cwd: pathlib.Path):
    return lambda path: (cwd / path).read_text("utf-8")


@pytest.fixture()
def repo(tmp_path):
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "net.py").write_text(LEGACY, "utf-8")
    (tmp_path / "app" / "copy.py").write_text(LEGACY, "utf-8")
    return tmp_path


def states(findings):
    return [f.baseline_state for f in findings]


def test_unrelated_edit_gives_zero_new_and_one_new_line_gives_one(repo):
    baseline = repo / "v6lint-baseline.json"
    assert write_baseline(scan(repo), str(baseline), reader(repo), cwd=str(repo)) == 8

    # Tomorrow: a docstring and helper above shift every line; a body gets re-indented.
    edited = LEGACY.replace(
        "import socket\n",
        '"""Networking helpers."""\nimport socket\nimport os\n\n\ndef helper():\n    return os.getpid()\n',
    ).replace("    return sock\n", "    return  sock\n")
    (repo / "app" / "net.py").write_text(edited, "utf-8")
    findings, absent = apply_baseline(scan(repo), str(baseline), reader(repo), cwd=str(repo))
    assert states(findings) == ["unchanged"] * 8 and absent == []

    # One new IPv4-only line.
    (repo / "app" / "net.py").write_text(
        edited + "\n\ndef resolve(name):\n    return socket.gethostbyname(name)\n", "utf-8"
    )
    findings, absent = apply_baseline(scan(repo), str(baseline), reader(repo), cwd=str(repo))
    new = [f for f in findings if f.baseline_state == "new"]
    assert len(new) == 1 and new[0].code == "V6201" and new[0].span.start.line == 23
    assert absent == []


def test_duplicate_identical_line_counts_as_one_new(repo):
    baseline = repo / "b.json"
    write_baseline(scan(repo), str(baseline), reader(repo), cwd=str(repo))
    path = repo / "app" / "net.py"
    # An identical copy of an existing bad line, inserted *above* the old ones.
    path.write_text(
        "import socket\nEXTRA = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n"
        + LEGACY.split("\n", 1)[1],
        "utf-8",
    )
    findings, absent = apply_baseline(scan(repo), str(baseline), reader(repo), cwd=str(repo))
    assert states(findings).count("new") == 1 and absent == []


def test_fixed_findings_are_absent(repo):
    baseline = repo / "b.json"
    write_baseline(scan(repo), str(baseline), reader(repo), cwd=str(repo))
    path = repo / "app" / "net.py"
    path.write_text(LEGACY.replace('"0.0.0.0"', '"::"'), "utf-8")
    findings, absent = apply_baseline(scan(repo), str(baseline), reader(repo), cwd=str(repo))
    assert "new" not in states(findings)
    [gone] = absent
    assert (gone.code, gone.path, gone.span.start.line, gone.baseline_state) == (
        "V6402",
        "app/net.py",
        12,
        "absent",
    )
    assert gone.name == "bind-all-ipv4-literal" and gone.message == "bind-all-ipv4-literal found"


def test_suppressed_findings_are_neither_recorded_nor_marked(repo):
    (repo / "app" / "quiet.py").write_text(
        "import socket\nsocket.gethostbyname(h)  # v6lint: ignore[V6201] ok\n", "utf-8"
    )
    baseline = repo / "b.json"
    assert write_baseline(scan(repo), str(baseline), reader(repo), cwd=str(repo)) == 8
    findings, _ = apply_baseline(scan(repo), str(baseline), reader(repo), cwd=str(repo))
    quiet = [f for f in findings if f.path == "app/quiet.py"]
    assert [f.baseline_state for f in quiet] == [None]


def test_paths_are_relative_to_the_baseline_file(repo):
    baseline = repo / "b.json"
    write_baseline(scan(repo), str(baseline), reader(repo), cwd=str(repo))
    sub = repo / "app"
    findings, absent = apply_baseline(scan(sub, cwd=sub), str(baseline), reader(sub), cwd=str(sub))
    # Scanning only app/ from inside it: its 8 findings all match.
    assert states(findings) == ["unchanged"] * 8 and absent == []
    entries = load_baseline(str(baseline))
    assert {e["path"] for e in entries} == {"app/net.py", "app/copy.py"}


def test_file_is_stable_sorted_and_versioned(repo):
    first, second = repo / "1.json", repo / "2.json"
    write_baseline(scan(repo), str(first), reader(repo), cwd=str(repo))
    write_baseline(list(reversed(scan(repo))), str(second), reader(repo), cwd=str(repo))
    assert first.read_bytes() == second.read_bytes()
    document = json.loads(first.read_text("utf-8"))
    assert document["tool"] == "v6lint" and document["version"] == 1
    entries = document["findings"]
    assert entries == sorted(entries, key=lambda e: (e["path"], e["line"], e["column"], e["code"]))
    assert set(entries[0]) == {"code", "column", "key", "level", "line", "message", "name", "path"}
    assert first.read_text("utf-8").endswith("}\n")
    assert not [p for p in repo.iterdir() if p.name.startswith(".v6lint-baseline-")]


@pytest.mark.parametrize(
    "content,fragment",
    [
        ("{not json", "is not valid JSON (line 1"),
        ("[]", "is not a v6lint baseline"),
        ('{"tool": "v6lint", "version": 99, "findings": []}', "format version 99"),
        ('{"tool": "v6lint", "version": 1}', 'no "findings" list'),
        ('{"tool": "v6lint", "version": 1, "findings": [{"code": "V6101"}]}', "#1 has no 'key'"),
        (
            '{"tool": "v6lint", "version": 1, "findings": '
            '[{"key": "k", "code": "V6101", "path": "a.py", "line": 0}]}',
            "bad 'line'",
        ),
    ],
)
def test_corrupt_baseline_is_a_clear_value_error(repo, content, fragment):
    baseline = repo / "broken.json"
    baseline.write_text(content, "utf-8")
    with pytest.raises(ValueError) as error:
        apply_baseline(scan(repo), str(baseline), reader(repo), cwd=str(repo))
    assert fragment in str(error.value) and str(baseline) in str(error.value)


def test_missing_baseline_is_a_value_error(repo):
    with pytest.raises(ValueError, match="does not exist"):
        apply_baseline([], str(repo / "nope.json"), reader(repo), cwd=str(repo))


def test_unreadable_source_still_gets_a_key(repo):
    baseline = repo / "b.json"
    finding = scan(repo)[0]

    def failing(path):
        raise OSError("gone")

    assert write_baseline([finding], str(baseline), failing, cwd=str(repo)) == 1
    [result], absent = apply_baseline([finding], str(baseline), failing, cwd=str(repo))
    assert result.baseline_state == "unchanged" and absent == []
