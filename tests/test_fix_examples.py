"""Every rule's bad examples through the real fix engine (``--fix --unsafe-fixes``).

``Invalid(code, fixed=...)``: the fixed source must be exactly ``fixed``, must parse, and a
re-scan must find nothing the rule can still fix. An example without ``fixed`` documents that
no fix is offered for it, so the engine must leave it alone.
"""

from __future__ import annotations

import textwrap

import libcst as cst
import pytest

from v6lint.engines.cst import analyze_source
from v6lint.fixes import fix_source, is_applicable
from v6lint.model import FixSafety
from v6lint.rules import python_rules
from v6lint.rules._base import Invalid

RULES = python_rules()


def _cases(with_fix: bool):
    for rule in RULES:
        for index, example in enumerate(rule.INVALID):
            fixed = example.fixed if isinstance(example, Invalid) else None
            if (fixed is not None) == with_fix:
                code = example.code if isinstance(example, Invalid) else example
                yield pytest.param(rule, code, fixed, id=f"{rule.code}-invalid-{index}")


def _analyzer(rule):
    return lambda data: analyze_source(data, "example.py", [rule])


@pytest.mark.parametrize("rule,code,fixed", list(_cases(with_fix=True)))
def test_fixed_example(rule, code, fixed):
    source, expected = textwrap.dedent(code), textwrap.dedent(fixed)
    outcome = fix_source(source.encode(), "example.py", _analyzer(rule), unsafe=True)
    assert not outcome.diagnostics, [d.render() for d in outcome.diagnostics]
    result = (outcome.fixed or outcome.original).decode()
    assert result == expected
    cst.parse_module(result)
    compile(result, "example.py", "exec", dont_inherit=True)
    findings, _ = analyze_source(result.encode(), "example.py", [rule])
    assert not [f for f in findings if is_applicable(f, unsafe=True)], "a fixable finding remains"
    # Running the fix again changes nothing.
    again = fix_source(result.encode(), "example.py", _analyzer(rule), unsafe=True)
    assert not again.changed


@pytest.mark.parametrize("rule,code,fixed", list(_cases(with_fix=False)))
def test_example_without_fixed_is_left_alone(rule, code, fixed):
    source = textwrap.dedent(code)
    outcome = fix_source(source.encode(), "example.py", _analyzer(rule), unsafe=True)
    assert not outcome.changed, (
        f"{rule.code} fixes this example; give it Invalid(code, fixed=...) so the fix is checked"
    )


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_declared_fix_tier_covers_the_fixes_offered(rule):
    """``fix_safety`` is the most permissive tier the rule uses (None: it offers no fix)."""
    tiers = set()
    for example in rule.INVALID:
        code = example.code if isinstance(example, Invalid) else example
        findings, _ = analyze_source(textwrap.dedent(code).encode(), "example.py", [rule])
        tiers.update(f.fix.safety for f in findings if f.fix is not None)
    if not tiers:
        return
    assert rule.fix_safety is not None, f"{rule.code} offers fixes but declares fix_safety = None"
    # Some occurrences may need the unsafe tier (a host read twice, a try that catches the
    # old error); the declared tier tells whether plain --fix can ever apply the rule's fixes.
    expected = FixSafety.SAFE if FixSafety.SAFE in tiers else FixSafety.UNSAFE
    assert rule.fix_safety is expected, f"{rule.code} offers {sorted(t.value for t in tiers)} fixes but declares {rule.fix_safety}"
