"""The command line, end to end through the real entry point (click's runner, real files)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from v6lint.cli import main

BAD = "import socket\naddress = socket.gethostbyname(host)\n"
GOOD = "import socket\ninfos = socket.getaddrinfo(host, 80)\n"
JSON_SCHEMA = Path(__file__).parents[1] / "v6lint" / "reporters" / "json_report.schema.json"


def run(args, cwd):
    runner = CliRunner()
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(main, args, catch_exceptions=False)
    finally:
        os.chdir(old)


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "bad.py").write_text(BAD)
    (tmp_path / "good.py").write_text(GOOD)
    return tmp_path


def test_exit_codes_and_text_format(tree):
    result = run(["check", "good.py"], tree)
    assert result.exit_code == 0
    assert "No IPv4-only assumptions found in 1 file." in result.output

    result = run(["check", "."], tree)
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    assert first.startswith("bad.py:2:11: V6201 ")
    assert "Found 1 finding in 2 files" in result.output

    assert run(["check", "--exit-zero", "."], tree).exit_code == 0


def test_select_and_ignore(tree):
    assert run(["check", "--ignore", "V62", "."], tree).exit_code == 0
    assert run(["check", "--select", "V6202", "."], tree).exit_code == 0
    assert run(["check", "--select", "V62", "--ignore", "V6202", "."], tree).exit_code == 1
    result = run(["check", "--select", "X1", "."], tree)
    assert result.exit_code == 2 and "not a v6lint code" in result.output


def test_json_output_matches_its_schema(tree):
    (tree / "suppressed.py").write_text(
        "import socket\nsocket.gethostbyname(h)  # v6lint: ignore[V6201] DHCPv4 only\n"
    )
    result = run(["check", "--output-format", "json", "."], tree)
    assert result.exit_code == 1
    document = json.loads(result.output)
    jsonschema.validate(document, json.loads(JSON_SCHEMA.read_text()))
    assert document["summary"]["findings"] == 1
    assert document["summary"]["suppressed"] == 1
    suppressed = [f for f in document["findings"] if f["suppressed"]]
    assert suppressed[0]["suppressed"] == {"reason": "DHCPv4 only", "line": 2}


def test_output_file_is_written_and_stdout_stays_clean(tree):
    result = run(["check", "--output-format", "json", "--output-file", "out.json", "-q", "."], tree)
    assert result.exit_code == 1
    assert json.loads((tree / "out.json").read_text())["summary"]["findings"] == 1
    assert "V6201" not in result.stdout


def test_config_in_pyproject(tree):
    (tree / "pyproject.toml").write_text('[tool.v6lint]\nignore = ["V6201"]\n')
    assert run(["check", "."], tree).exit_code == 0
    (tree / "pyproject.toml").write_text(
        '[tool.v6lint]\nper-file-ignores = { "bad.py" = ["V62"] }\n'
    )
    assert run(["check", "."], tree).exit_code == 0
    (tree / "pyproject.toml").write_text('[tool.v6lint]\nexclude = ["bad.py"]\n')
    assert run(["check", "."], tree).exit_code == 0
    # A file named explicitly is scanned even when excluded (pre-commit passes names).
    assert run(["check", "bad.py"], tree).exit_code == 1


def test_min_confidence_hides_the_less_sure_findings(tree):
    """A literal in test code is reported at low confidence: --min-confidence medium (or the
    config key) hides it and the run is clean; the same code outside tests/ stays reported."""
    code = 'import socket\ns = socket.create_connection(("127.0.0.1", 80))\n'
    (tree / "bad.py").unlink()
    (tree / "tests").mkdir()
    (tree / "tests" / "test_client.py").write_text(code)
    result = run(["check", "--output-format", "json", "."], tree)
    found = json.loads(result.output)["findings"]
    assert [(f["path"], f["confidence"]) for f in found] == [("tests/test_client.py", "low")]
    assert run(["check", "--min-confidence", "medium", "."], tree).exit_code == 0
    (tree / "pyproject.toml").write_text('[tool.v6lint]\nmin-confidence = "medium"\n')
    assert run(["check", "."], tree).exit_code == 0
    assert run(["check", "--min-confidence", "low", "."], tree).exit_code == 1  # the flag wins
    (tree / "app.py").write_text(code)
    result = run(["check", "--output-format", "json", "."], tree)
    assert [f["path"] for f in json.loads(result.output)["findings"]] == ["app.py"]
    (tree / "pyproject.toml").write_text('[tool.v6lint]\nmin-confidence = "sure"\n')
    result = run(["check", "."], tree)
    assert result.exit_code == 2 and "min-confidence must be one of low, medium, high" in result.output


def test_broken_config_is_reported_and_the_scan_goes_on(tree):
    (tree / "pyproject.toml").write_text("[tool.v6lint]\nselect = [\n")
    result = run(["check", "."], tree)
    assert result.exit_code == 2
    assert "pyproject.toml: invalid TOML" in result.output
    assert "bad.py:2:11: V6201" in result.output  # defaults were used

    (tree / "pyproject.toml").write_text('[tool.v6lint]\nselct = ["V6"]\n')
    result = run(["check", "."], tree)
    assert result.exit_code == 2 and "unknown key(s) in [tool.v6lint]: selct" in result.output


def test_rules_and_explain(tree):
    result = run(["rules"], tree)
    assert result.exit_code == 0
    assert any(line.startswith("V6201  ipv4-only-resolver") for line in result.output.splitlines())
    listed = json.loads(run(["rules", "--output-format", "json"], tree).output)
    assert {"V6201", "V6202"} <= {row["code"] for row in listed}

    result = run(["explain", "V6201"], tree)
    assert result.exit_code == 0
    for section in ("What it finds", "Why it breaks on IPv6", "Fix", "Exceptions"):
        assert f"## {section}" in result.output
    assert run(["explain", "ipv4-only-resolver"], tree).exit_code == 0
    result = run(["explain", "V6999"], tree)
    assert result.exit_code == 2 and "no rule" in result.output


def test_console_script_runs_as_a_module(tree):
    completed = subprocess.run(
        [sys.executable, "-m", "v6lint", "check", "bad.py"], cwd=tree, capture_output=True, text=True
    )
    assert completed.returncode == 1
    assert "bad.py:2:11: V6201" in completed.stdout


def test_closed_pipe_ends_quietly():
    # ``v6lint rules | head -0``: the reader is gone before the first line is written.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "v6lint", "rules"],
            stdout=write_end, stderr=subprocess.PIPE, timeout=60,
        )
    finally:
        os.close(write_end)
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr and b"internal error" not in result.stderr
