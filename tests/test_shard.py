"""--shard K/N splits a tree into disjoint parts; merge-sarif puts their SARIF back together."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from v6lint.config import Config
from v6lint.runner import run_check, shard_of

SCHEMA = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"
BAD = "import socket\naddress = socket.gethostbyname(host)\n"
CONVERT = "import socket\npacked = socket.inet_aton(text)\n"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for i in range(12):
        folder = tmp_path / f"pkg{i % 3}"
        folder.mkdir(exist_ok=True)
        (folder / f"m{i}.py").write_text(BAD if i % 2 else CONVERT)
    (tmp_path / "pkg0" / "broken.py").write_text("import socket\nsocket.gethostbyname(\n")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    return tmp_path


def test_shards_partition_the_files(tree):
    config = Config(root=str(tree))
    everything = {s.path for s in run_check(["."], config, cwd=str(tree), use_cache=False).files}
    for count in (1, 2, 3, 5):
        parts = [
            {s.path for s in run_check(["."], config, cwd=str(tree), use_cache=False,
                                       shard=(k, count), shard_root=str(tree)).files}
            for k in range(1, count + 1)
        ]
        assert set().union(*parts) == everything
        assert sum(len(p) for p in parts) == len(everything)  # disjoint
    assert len({shard_of(str(tree / f"pkg0/m{i}.py"), str(tree), 3) for i in (0, 3, 6, 9)}) >= 1


def test_shard_depends_on_the_path_below_the_root_only(tree, tmp_path_factory):
    other_checkout = tmp_path_factory.mktemp("elsewhere")
    for relative in ("pkg0/m0.py", "pkg1/m4.py", "a/b/c.py"):
        assert shard_of(str(tree / relative), str(tree), 7) == shard_of(str(other_checkout / relative), str(other_checkout), 7)
    # Run from a subfolder: the same file lands in the same shard.
    from_root = {s.fs_path for s in run_check(["."], Config(root=str(tree)), cwd=str(tree), use_cache=False,
                                              shard=(2, 3), shard_root=str(tree)).files}
    from_sub = {s.fs_path for s in run_check(["."], Config(root=str(tree)), cwd=str(tree / "pkg1"), use_cache=False,
                                             shard=(2, 3), shard_root=str(tree)).files}
    assert {os.path.realpath(p) for p in from_sub} == {os.path.realpath(p) for p in from_root if "/pkg1/" in p}


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "v6lint", *args], cwd=cwd, capture_output=True, text=True)


@pytest.mark.parametrize("value", ["0/2", "3/2", "1", "a/b", "1/0"])
def test_bad_shard_values_are_usage_errors(tree, value):
    done = _cli("check", "--shard", value, ".", cwd=tree)
    assert done.returncode == 2
    assert "K/N" in done.stderr


def test_merged_shards_equal_the_unsharded_run(tree):
    whole = tree / "whole.sarif"
    _cli("check", "--no-cache", "--output-format", "sarif", "-o", str(whole), ".", cwd=tree)
    parts = []
    for k in (1, 2, 3):
        part = tree / f"part{k}.sarif"
        _cli("check", "--no-cache", "--shard", f"{k}/3", "--output-format", "sarif", "-o", str(part), ".", cwd=tree)
        parts.append(str(part))
    merged_path = tree / "merged.sarif"
    done = _cli("merge-sarif", str(merged_path), *parts, cwd=tree)
    assert done.returncode == 0, done.stderr

    merged = json.loads(merged_path.read_text())
    expected = json.loads(whole.read_text())
    assert len(merged["runs"]) == 1
    run, want = merged["runs"][0], expected["runs"][0]

    def key(result):
        location = result["locations"][0]["physicalLocation"]
        return (location["artifactLocation"]["uri"], location["region"]["startLine"], result["ruleId"])

    assert sorted(map(key, run["results"])) == sorted(map(key, want["results"]))
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [r["id"] for r in want["tool"]["driver"]["rules"]]
    for result in run["results"]:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["partialFingerprints"] == next(
            r["partialFingerprints"] for r in want["results"] if key(r) == key(result)
        )
    # The syntax error's notification survives the merge, exactly once, and fails the run.
    notes = run["invocations"][0].get("toolExecutionNotifications", [])
    assert sum("broken.py" in json.dumps(n) for n in notes) == 1
    assert run["automationDetails"] == want["automationDetails"]

    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(merged, json.loads(SCHEMA.read_text()))


def test_merge_recomputes_rule_indexes_and_rejects_other_tools():
    from v6lint.sarif_merge import SarifMergeError, merge_sarif_logs

    def log(rules, results, tool="v6lint"):
        return {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": tool, "rules": [{"id": r} for r in rules]}},
                                              "automationDetails": {"id": "v6lint/"}, "results": results}]}

    def result(rule, index, uri):
        return {"ruleId": rule, "ruleIndex": index, "message": {"text": rule},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": {"startLine": 1}}}]}

    merged = merge_sarif_logs([log(["V6202"], [result("V6202", 0, "b.py")]),
                               log(["V6101", "V6201"], [result("V6201", 1, "a.py"), result("V6101", 0, "c.py")])])
    run = merged["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["V6101", "V6201", "V6202"]
    assert [(r["ruleId"], r["ruleIndex"]) for r in run["results"]] == [("V6201", 1), ("V6202", 2), ("V6101", 0)]
    assert run["invocations"] == [{"executionSuccessful": True}]
    with pytest.raises(SarifMergeError):
        merge_sarif_logs([log([], []), log([], [], tool="other")])
    with pytest.raises(SarifMergeError):
        merge_sarif_logs([{"version": "2.0.0", "runs": []}])
