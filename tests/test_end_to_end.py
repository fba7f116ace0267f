"""The whole product on a polyglot tree: both engines, every language, one SARIF run that the
official schema accepts, through the real command line."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from v6lint.engines import semgrep

HERE = Path(__file__).parent
SCHEMA = json.loads((HERE / "schemas" / "sarif-schema-2.1.0.json").read_text())
POLYGLOT = HERE / "fixtures" / "polyglot"


@pytest.fixture(scope="module")
def sarif(tmp_path_factory):
    if not semgrep.available():
        pytest.skip("semgrep is not installed (pip install 'v6lint[semgrep]')")
    tree = tmp_path_factory.mktemp("repo")
    shutil.copytree(POLYGLOT, tree, dirs_exist_ok=True)
    subprocess.run(["git", "init", "-q", str(tree)], check=True)
    completed = subprocess.run(
        [sys.executable, "-m", "v6lint", "check", "--no-cache", "--output-format", "sarif", "."],
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=600,
    )
    # Findings, and broken.c is a file semgrep cannot parse: a notice, reported, neither a
    # crash nor an error exit (V6LINT_SEMGREP_STRICT=1 makes it one).
    assert completed.returncode == 1, completed.stderr
    return json.loads(completed.stdout)


def test_one_valid_run_for_both_engines(sarif):
    jsonschema.validate(sarif, SCHEMA)
    assert len(sarif["runs"]) == 1
    run = sarif["runs"][0]
    assert run["tool"]["driver"]["name"] == "v6lint"
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    for result in run["results"]:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]


def test_every_language_is_reported(sarif):
    paths = {
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for result in sarif["runs"][0]["results"]
    }
    suffixes = {Path(path).suffix or Path(path).name for path in paths}
    expected = {".py", ".c", ".go", ".java", ".js", ".cs", ".rb", ".php", ".rs", ".mts", ".sql", ".yml", ".conf"}
    assert expected <= suffixes, expected - suffixes
    # Relative to the repository root, never absolute.
    assert all(not path.startswith(("/", "file:")) for path in paths)


def test_unparseable_file_is_a_notification(sarif):
    notifications = sarif["runs"][0]["invocations"][0].get("toolExecutionNotifications", [])
    broken = [n for n in notifications if "broken.c" in json.dumps(n)]
    assert broken and all(n.get("level") != "error" for n in broken), broken
