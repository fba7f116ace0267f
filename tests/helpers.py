"""Shared test helpers: run the cst engine on a snippet or an annotated fixture file."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Iterable, Optional

from v6lint.engines.cst import analyze_source
from v6lint.model import Finding
from v6lint.rules import python_rules, rule_by_code

FIXTURES = Path(__file__).parent / "fixtures"


def findings_for(source: str, code: Optional[str] = None, path: str = "example.py") -> list[Finding]:
    """Findings in ``source``; only those of ``code`` (and only that rule runs) when given."""
    rules = [rule_by_code(code)] if code else list(python_rules())
    assert all(rules), f"no Python rule {code}"
    findings, diagnostics = analyze_source(textwrap.dedent(source).encode(), path, rules)
    assert not diagnostics, diagnostics
    return findings


_ANNOTATION = re.compile(r"#\s*(?P<kind>ruleid|ok|todoruleid|todook):\s*(?P<codes>[\w, ]+)")


def expected_lines(text: str) -> tuple[dict[int, set[str]], dict[int, set[str]]]:
    """semgrep-style annotations: ``# ruleid: V6101`` / ``# ok: V6101`` on the line before
    the target line (or at the end of the target line itself)."""
    must: dict[int, set[str]] = {}
    must_not: dict[int, set[str]] = {}
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        match = _ANNOTATION.search(line)
        if not match:
            continue
        codes = {c.strip() for c in match.group("codes").split(",") if c.strip()}
        standalone = line.strip().startswith("#")
        target = number + 1 if standalone else number
        if match.group("kind") == "ruleid":
            must.setdefault(target, set()).update(codes)
        elif match.group("kind") == "ok":
            must_not.setdefault(target, set()).update(codes)
    return must, must_not


def check_fixture(path: Path, codes: Iterable[str]) -> list[str]:
    """Mismatches between a fixture's annotations and the findings of ``codes``' rules."""
    text = path.read_text(encoding="utf-8")
    codes = set(codes)
    rules = [rule_by_code(code) for code in sorted(codes)]
    findings, diagnostics = analyze_source(text.encode(), str(path), rules)
    problems = [f"diagnostic: {d.render()}" for d in diagnostics]
    found: dict[int, set[str]] = {}
    for finding in findings:
        found.setdefault(finding.span.start.line, set()).add(finding.code)
    must, must_not = expected_lines(text)
    for line, wanted in sorted(must.items()):
        for code in wanted & codes:
            if code not in found.get(line, set()):
                problems.append(f"{path.name}:{line}: expected {code}, not reported")
    for line, unwanted in sorted(must_not.items()):
        for code in unwanted & codes:
            if code in found.get(line, set()):
                problems.append(f"{path.name}:{line}: {code} reported on an ok line")
    for line, got in sorted(found.items()):
        for code in got:
            if code not in must.get(line, set()):
                problems.append(f"{path.name}:{line}: unexpected {code}")
    return problems
