"""`v6lint check --write-baseline` / `--baseline` through the real command line."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from v6lint.cli import main

LEGACY = """\
import socket


def resolve(host):
    return socket.gethostbyname(host)


def pack(address):
    return socket.inet_aton(address)
"""


@pytest.fixture()
def project(tmp_path, monkeypatch):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "net.py").write_text(LEGACY, "utf-8")
    (tmp_path / "pkg" / "copy.py").write_text(LEGACY, "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*args: str):
    result = CliRunner().invoke(main, ["check", "-j", "1", *args], catch_exceptions=False)
    return result


def test_write_then_baseline_after_unrelated_edit_and_one_new_line(project):
    written = check("--write-baseline", "v6lint-baseline.json", "pkg")
    assert written.exit_code == 0, written.output
    recorded = json.loads((project / "v6lint-baseline.json").read_text("utf-8"))["findings"]
    assert len(recorded) == 4

    # Plain runs still fail on the legacy findings...
    assert check("pkg").exit_code == 1

    # ...but not with the baseline, after an unrelated edit that moves every line.
    net = project / "pkg" / "net.py"
    net.write_text('"""Helpers."""\n\nimport os\n' + LEGACY + "\n\ndef pid():\n    return os.getpid()\n")
    quiet = check("--baseline", "v6lint-baseline.json", "--output-format", "json", "pkg")
    assert quiet.exit_code == 0, quiet.output
    document = json.loads(quiet.stdout)
    assert [f["baseline_state"] for f in document["findings"]] == ["unchanged"] * 4
    assert document["absent"] == []

    # One new IPv4-only line: exactly one new finding, exit 1.
    net.write_text(net.read_text("utf-8") + "\n\nLOCAL = socket.gethostbyname('db')\n")
    loud = check("--baseline", "v6lint-baseline.json", "--output-format", "json", "pkg")
    assert loud.exit_code == 1
    new = [f for f in json.loads(loud.stdout)["findings"] if f["baseline_state"] == "new"]
    assert [(f["code"], f["path"]) for f in new] == [("V6201", "pkg/net.py")]

    # The text report lists only that one.
    text = check("--baseline", "v6lint-baseline.json", "pkg")
    listed = [line for line in text.stdout.splitlines() if line.startswith("pkg/")]
    assert len(listed) == 1 and "V6201" in listed[0]


def test_fixed_finding_is_absent_in_sarif(project):
    assert check("--write-baseline", "b.json", "pkg").exit_code == 0
    (project / "pkg" / "copy.py").write_text(LEGACY.replace("socket.inet_aton(address)", "address"))
    result = check("--baseline", "b.json", "--output-format", "sarif", "pkg")
    assert result.exit_code == 0
    run = json.loads(result.stdout)["runs"][0]
    states = sorted(r["baselineState"] for r in run["results"])
    assert states == ["absent", "unchanged", "unchanged", "unchanged"]


def test_corrupt_baseline_is_a_config_error(project):
    (project / "b.json").write_text("{oops", "utf-8")
    result = check("--baseline", "b.json", "--output-format", "json", "pkg")
    assert result.exit_code == 2
    [diagnostic] = json.loads(result.stdout)["diagnostics"]
    assert diagnostic["kind"] == "config-error" and "not valid JSON" in diagnostic["message"]
    assert diagnostic["path"] == "b.json"


def test_missing_baseline_is_a_config_error(project):
    result = check("--baseline", "missing.json", "pkg")
    assert result.exit_code == 2
    assert "does not exist" in result.output
