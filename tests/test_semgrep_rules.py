"""The semgrep rules under rules/: their annotated tests pass, and their metadata is well-formed.

`semgrep --test` pairs each ``rules/<lang>/<slug>.yaml`` with ``<slug>.<ext>`` (``# ruleid:``
lines must match, ``# ok:`` lines must not) and ``<slug>.fixed.<ext>`` (the file after fixes).
"""

from __future__ import annotations

import os
import pathlib
import re
import subprocess

import pytest
import yaml

from v6lint.engines import semgrep as engine

RULES = pathlib.Path(__file__).resolve().parent.parent / "rules"
RULE_FILES = sorted(p for p in RULES.rglob("*.yaml") if ".test." not in p.name)
SCHEMA_KEYS = {"code", "name", "summary", "fix-safety", "confidence", "precision"}
OPTIONAL_KEYS = {"fix-title", "in-tests"}
HELP_SECTIONS = ("## What it finds", "## Why it breaks on IPv6", "## Fix", "## Exceptions")
# Rule languages -> the directory they live in.
DIRECTORIES = {
    "c": {"c", "cpp"},
    "go": {"go"},
    "java": {"java"},
    "js": {"js", "ts"},
    "csharp": {"csharp"},
    "ruby": {"ruby"},
    "php": {"php"},
    "rust": {"rust"},
    "config": {"yaml", "generic", "dockerfile", "bash"},
}

# The identifiers that Windows' wsipv6ok.h traps under IPV6STRICT (see ipv6-patterns.md 1.1).
WSIPV6OK_SYMBOLS = """
AF_INET PF_INET in_addr IN_ADDR PIN_ADDR LPIN_ADDR IPAddr sockaddr_in SOCKADDR_IN PSOCKADDR_IN
LPSOCKADDR_IN INADDR_ANY INADDR_LOOPBACK IPPROTO_IP IP_MULTICAST_IF IP_MULTICAST_TTL
IP_MULTICAST_LOOP IP_ADD_MEMBERSHIP IP_DROP_MEMBERSHIP ip_mreq gethostbyname hostent HOSTENT
PHOSTENT LPHOSTENT inet_addr gethostbyaddr inet_ntoa IN_MULTICAST IN_CLASSD IP_TTL IN_CLASSA
IN_CLASSB IN_CLASSC INADDR_BROADCAST WSAAsyncGetHostByAddr WSAAsyncGetHostByName
""".split()


def load(path: pathlib.Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["rules"]


def test_rule_files_exist():
    assert len(RULE_FILES) >= 50
    assert {p.parent.name for p in RULE_FILES} == set(DIRECTORIES)


def test_readme_lists_every_rule_as_its_metadata_says():
    """rules/README.md's table: one row per rule file, with the file's code, name, languages,
    fix safety and confidence (a new rule, or a changed tier, shows up here)."""
    readme = (RULES / "README.md").read_text(encoding="utf-8")
    listed = {line for line in readme.splitlines() if line.startswith("| `")}
    expected = set()
    for path in RULE_FILES:
        rule = load(path)[0]
        meta = rule["metadata"]["v6lint"]
        expected.add(
            f"| `{path.relative_to(RULES).as_posix()}` | {meta['code']} | {meta['name']} |"
            f" {', '.join(rule['languages'])} | {meta['fix-safety']} | {meta['confidence']} |"
        )
    assert sorted(listed - expected) == [] and sorted(expected - listed) == []


@pytest.mark.skipif(not engine.available(), reason="semgrep is not installed")
def test_semgrep_test_passes(tmp_path):
    # Output goes to a file: piping semgrep --test into a pager or head can hang its workers.
    log = tmp_path / "semgrep-test.log"
    with open(log, "wb") as handle:
        completed = subprocess.run(
            [
                engine._executable(),
                "--test",
                "--metrics=off",
                "--disable-version-check",
                str(RULES),
            ],
            stdout=handle,
            stderr=subprocess.STDOUT,
            env={
                **os.environ,
                "SEMGREP_SEND_METRICS": "off",
                "SEMGREP_ENABLE_VERSION_CHECK": "0",
            },
            timeout=900,
            check=False,
        )
    output = log.read_text(encoding="utf-8", errors="replace")
    assert completed.returncode == 0, output[-4000:]
    match = re.search(r"(\d+)/(\d+): ✓ All tests passed", output)
    assert match and match.group(1) == match.group(2) == str(len(RULE_FILES)), output[-2000:]
    fixed = sorted(RULES.rglob("*.fixed.*"))
    assert re.search(rf"{len(fixed)}/{len(fixed)}: ✓ All fix tests passed", output), output[-2000:]


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.relative_to(RULES).as_posix())
def test_rule_metadata(path):
    rules = load(path)
    # One rule per file: semgrep --test runs every rule of a file on every test target.
    assert len(rules) == 1
    (rule,) = rules
    directory = path.parent.name
    assert rule["id"] == f"v6lint.{directory}.{path.stem}"
    assert set(rule["languages"]) <= DIRECTORIES[directory]
    assert rule["severity"] == "WARNING"
    assert rule["message"].strip()
    meta = rule["metadata"]["v6lint"]
    assert SCHEMA_KEYS <= set(meta) <= SCHEMA_KEYS | OPTIONAL_KEYS, set(meta) ^ SCHEMA_KEYS
    assert re.fullmatch(r"V6\d{3}", meta["code"])
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", meta["name"])
    assert meta["summary"] and not meta["summary"].endswith(".")
    assert meta["fix-safety"] in ("none", "safe", "unsafe")
    assert meta["confidence"] in ("high", "medium", "low")
    assert meta["precision"] in ("very-high", "high", "medium", "low")
    # in-tests lowers the confidence of findings in test code (engines/semgrep._confidence).
    assert meta.get("in-tests", "low") in ("medium", "low")
    has_fix = "fix" in rule or "fix-regex" in rule
    assert has_fix == (meta["fix-safety"] != "none")
    if has_fix:
        assert meta.get("fix-title")
        fixed = list(path.parent.glob(f"{path.stem}.fixed.*"))
        assert fixed, "a rule with a fix needs a .fixed.<ext> test"
    help_text = rule["metadata"]["help"]
    positions = [help_text.find(section) for section in HELP_SECTIONS]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), path
    # A generic rule runs on every target semgrep is given: it must say which files it means.
    if "generic" in rule["languages"]:
        assert rule.get("paths", {}).get("include")
    # The annotated test file beside the rule exists and has both kinds of annotation.
    targets = [
        p
        for p in path.parent.iterdir()
        if p.name.startswith(path.stem + ".")
        and p != path
        and ".fixed." not in p.name
        and p.name[len(path.stem) + 1 :].count(".") <= 1
    ]
    assert len(targets) == 1, targets
    text = targets[0].read_text(encoding="utf-8")
    assert f"ruleid: {rule['id']}" in text
    assert f"ok: {rule['id']}" in text


def test_shared_codes_share_a_name():
    names: dict[str, set[str]] = {}
    for path in RULE_FILES:
        for rule in load(path):
            meta = rule["metadata"]["v6lint"]
            names.setdefault(meta["code"], set()).add(meta["name"])
    assert {code: n for code, n in names.items() if len(n) > 1} == {}


def test_names_match_python_rules():
    """A code implemented by a Python rule too keeps the Python rule's name."""
    from v6lint.rules import python_rules

    python = {rule.code: rule.name for rule in python_rules()}
    assert python
    for path in RULE_FILES:
        for rule in load(path):
            meta = rule["metadata"]["v6lint"]
            if meta["code"] in python:
                assert meta["name"] == python[meta["code"]], path


def test_wsipv6ok_symbols_covered():
    """Every wsipv6ok.h symbol is on a line that a C rule's test expects to be reported."""
    reported_lines: list[str] = []
    for test_file in sorted((RULES / "c").glob("*.c")):
        if ".fixed." in test_file.name:
            continue
        lines = test_file.read_text(encoding="utf-8").splitlines()
        for index, line in enumerate(lines[:-1]):
            if "ruleid:" in line:
                reported_lines.append(lines[index + 1])
    text = "\n".join(reported_lines)
    missing = [s for s in WSIPV6OK_SYMBOLS if not re.search(rf"\b{s}\b", text)]
    assert len(WSIPV6OK_SYMBOLS) == 37
    assert missing == []


def test_engine_loads_every_rule():
    ids = {rule.id for rule in engine._rules()}
    expected = {rule["id"] for path in RULE_FILES for rule in load(path)}
    assert ids == expected


# Keys whose patterns bind nothing: a metavariable seen only there stays unresolved in a message.
NEGATIVE_KEYS = {"pattern-not", "pattern-not-inside", "pattern-not-regex"}


def bound_metavariables(node, negative: bool = False) -> set[str]:
    """Metavariables that a match of the rule binds (named regex groups included)."""
    names: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("message", "metadata", "fix", "fix-regex"):
                continue
            names |= bound_metavariables(value, negative or key in NEGATIVE_KEYS)
    elif isinstance(node, list):
        for item in node:
            names |= bound_metavariables(item, negative)
    elif isinstance(node, str) and not negative:
        names |= set(re.findall(r"\$(?:\.\.\.)?([A-Z_][A-Z0-9_]*)", node))
        names |= set(re.findall(r"\(\?P<([A-Z_][A-Z0-9_]*)>", node))
    return names


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.relative_to(RULES).as_posix())
def test_message_metavariables_are_bound(path):
    """A `$NAME` in a message is bound by a positive pattern, or it is printed raw."""
    (rule,) = load(path)
    used = set(re.findall(r"\$([A-Z_][A-Z0-9_]*)", rule["message"]))
    assert used <= bound_metavariables(rule), used - bound_metavariables(rule)
