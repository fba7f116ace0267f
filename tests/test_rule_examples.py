"""Every Python rule's own VALID/INVALID examples, its declaration and its docs."""

from __future__ import annotations

import pytest

from v6lint.prefilter import TriggerTable
from v6lint.rules import python_rules
from v6lint.rules._base import Invalid, check_rule_class

from helpers import findings_for

RULES = python_rules()


def test_rules_are_registered():
    assert RULES, "no Python rules found"
    codes = [rule.code for rule in RULES]
    assert len(codes) == len(set(codes)), "two Python rules share a code"
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names)), "two Python rules share a name"


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_rule_declaration(rule):
    assert check_rule_class(rule) == []


def _valid_cases():
    for rule in RULES:
        for index, source in enumerate(rule.VALID):
            yield pytest.param(rule, source, id=f"{rule.code}-valid-{index}")


def _invalid_cases():
    for rule in RULES:
        for index, example in enumerate(rule.INVALID):
            yield pytest.param(rule, example, id=f"{rule.code}-invalid-{index}")


@pytest.mark.parametrize("rule,source", list(_valid_cases()))
def test_valid_example_is_clean(rule, source):
    assert findings_for(source, rule.code) == []


@pytest.mark.parametrize("rule,example", list(_invalid_cases()))
def test_invalid_example_is_reported(rule, example):
    source = example.code if isinstance(example, Invalid) else example
    findings = findings_for(source, rule.code)
    assert findings, f"{rule.code} did not report:\n{source}"
    assert all(f.code == rule.code and f.name == rule.name for f in findings)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_invalid_examples_trigger_the_prefilter(rule):
    # A bad example the prefilter would skip means the triggers are too narrow.
    table = TriggerTable.from_rules([rule])
    for example in rule.INVALID:
        source = (example.code if isinstance(example, Invalid) else example).encode()
        assert table.codes_in(source), source
