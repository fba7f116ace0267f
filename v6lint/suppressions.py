"""Inline suppressions: ``# v6lint: ignore[V6101] reason`` (or ``//``, ``--``, ``/*`` comments).

A suppressed finding is kept and marked, never dropped: reporters show it as suppressed (SARIF
``suppressions`` with the reason) and it does not make the run fail. ``# noqa: V6101`` is
accepted as an alias so one comment can serve ruff and v6lint; a bare ``# noqa`` is not, since
it belongs to other tools. The directive may stand on the first or the last line of the
finding, so a multi-line call can carry it where a formatter leaves it.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Optional, Sequence

from v6lint.model import Finding, Suppression

_DIRECTIVE = re.compile(
    r"(?:#|//|/\*|--|;)\s*v6lint:\s*ignore\b(?:\[(?P<codes>[^\]]*)\])?(?P<reason>[^\n]*)"
)
_NOQA = re.compile(r"#\s*noqa:\s*(?P<codes>V6\d{1,3}(?:\s*,\s*V6\d{1,3})*)(?P<reason>[^\n]*)")


@dataclasses.dataclass(frozen=True)
class Directive:
    codes: Optional[frozenset[str]]  # None: every code
    reason: str
    line: int

    def covers(self, code: str) -> bool:
        return self.codes is None or any(code.startswith(prefix) for prefix in self.codes)


def find_directives(text: str) -> dict[int, Directive]:
    directives: dict[int, Directive] = {}
    if "v6lint:" not in text and "noqa" not in text:
        return directives
    for number, line in enumerate(text.splitlines(), start=1):
        match = _DIRECTIVE.search(line) or _NOQA.search(line)
        if match is None:
            continue
        raw_codes = match.group("codes")
        codes = None
        if raw_codes is not None:
            codes = frozenset(c.strip() for c in raw_codes.split(",") if c.strip())
        reason = match.group("reason").strip().rstrip("*/").strip()
        directives[number] = Directive(codes, reason, number)
    return directives


def apply_suppressions(findings: Sequence[Finding], text: str) -> list[Finding]:
    """``findings`` of one file, with ``suppression`` set where a directive covers them."""
    directives = find_directives(text)
    if not directives:
        return list(findings)
    result = []
    for finding in findings:
        for line in (finding.span.start.line, finding.span.end.line):
            directive = directives.get(line)
            if directive and directive.covers(finding.code):
                finding = dataclasses.replace(
                    finding, suppression=Suppression(directive.reason, directive.line)
                )
                break
        result.append(finding)
    return result
