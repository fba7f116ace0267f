"""The prefilter's shortcut: a regex trigger is run only where the literal bytes every match
contains are present, and that changes no answer."""

from __future__ import annotations

import json
import os
import re
import sysconfig

import pytest

from v6lint import prefilter
from v6lint.prefilter import TriggerTable, required_literal
from v6lint.rules import python_rules

STDLIB = sysconfig.get_paths()["stdlib"]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (rb"split[\s\\]*\(", b"split"),
        (rb"\.[\s]*split\(", b"split("),  # the longest run
        (rb"127\.(?<=['\"]127\.)\d", b"127."),  # a lookbehind ends the run
        (rb"a|bcdef", None),  # alternatives: nothing is required at the top level
        (rb"(?:abc)?def", b"def"),
        (rb"ab\d", None),  # too short to be worth a test
        (rb"(?i)socket", None),  # case ignored: the bytes may differ
        (rb"x (?# comment ) yz", b"x  yz"),  # a comment is not text to match
    ],
)
def test_required_literal(pattern, expected):
    found = required_literal(re.compile(pattern))
    assert found == expected
    if found is not None:
        # Whatever the pattern matches holds the literal.
        for text in (b"split  (", b".split(", b"'127.0", b"abcdef", b"def"):
            match = re.compile(pattern).search(text)
            assert match is None or found in match.group()


def test_shortcut_changes_no_trigger_answer():
    table = TriggerTable.from_rules(python_rules())
    names = sorted(os.listdir(STDLIB))
    checked = 0
    for name in names:
        path = os.path.join(STDLIB, name)
        if not name.endswith(".py") or not os.path.isfile(path):
            continue
        with open(path, "rb") as handle:
            data = handle.read()
        plain = {
            code
            for code, triggers in table.rules.items()
            if any(t in data if isinstance(t, bytes) else t.search(data) for t in triggers)
        }
        assert table.codes_in(data) == plain, name
        offsets = sorted(
            match.start()
            for code in plain
            for trigger in table.rules[code]
            if not isinstance(trigger, bytes)
            for match in trigger.finditer(data)
        )
        regex_hits = set(table.hit_offsets(data, plain)) & set(offsets)
        assert sorted(regex_hits) == sorted(set(offsets)), name
        checked += 1
    assert checked > 150


def test_shipped_table_is_the_rules_own():
    with open(prefilter.SHIPPED_TABLE, encoding="utf-8") as handle:
        shipped = handle.read()
    assert shipped == prefilter.shipped_table_json(), (
        "v6lint/rules/triggers.json is stale: run `python -m v6lint.prefilter` after changing a rule"
    )
    table = prefilter.shipped_table()
    assert table is not None and table.to_json() == TriggerTable.from_rules(python_rules()).to_json()


def test_shipped_table_is_ignored_once_a_rule_changes(tmp_path, monkeypatch):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "socket_rule.py").write_text("TRIGGERS = ('socket(',)\n")
    monkeypatch.setattr(prefilter, "_RULES_FOLDER", str(rules))
    monkeypatch.setattr(prefilter, "SHIPPED_TABLE", str(rules / "triggers.json"))
    (rules / "triggers.json").write_text(
        json.dumps({"fingerprint": prefilter.rules_fingerprint(), "rules": {"V6102": [{"bytes": "socket("}]}})
    )
    assert prefilter.shipped_table().rules == {"V6102": (b"socket(",)}
    (rules / "socket_rule.py").write_text("TRIGGERS = ('socket.socket(',)\n")  # edited, not rewritten
    assert prefilter.shipped_table() is None
    (rules / "triggers.json").write_text("{not json")
    assert prefilter.shipped_table() is None
