"""V6601: regular expressions that match IPv4 addresses only."""

from __future__ import annotations

import re
from typing import Optional

import libcst as cst

from v6lint.model import Confidence, Severity
from v6lint.rules._addressing import local_value
from v6lint.rules._vocabulary import words
from v6lint.rules._base import Rule, argument, iter_nodes

RE_FUNCTIONS = frozenset(
    f"re.{name}"
    for name in ("compile", "match", "fullmatch", "search", "findall", "finditer", "sub",
                 "subn", "split")
)
VERSION_WORDS = frozenset({"version", "versions", "ver", "vers", "release", "build", "semver",
                           "rev", "revision", "firmware", "oid", "oids", "mib", "snmp"})

# An octet, after [0-9] has been rewritten to \d: \d{1,3}, \d+, \d\d?\d?, \d?\d?\d.
_OCTET = re.compile(r"\\d(?:\{[0-3]?,?3\}|\+|\\d\?\\d\?|\{1,3\}\??)|\\d\?\\d\?\\d|\[1-9\]\?\\d")
# An octet written as an alternation of ranges: (?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d).
_RANGE_OCTET = re.compile(r"\((?:\?:|\?P<\w+>)?[^()]*25\[0-5\][^()]*\)")
_DOT = re.compile(r"\\\.|\[\.\]|\[\\\.\]")
_GROUPED = re.compile(r"\((?:\?:|\?P<\w+>)?O\)")
_SHAPES = re.compile(
    r"ODODODO|\((?:\?:|\?P<\w+>)?OD\)\{3\}O|O\((?:\?:|\?P<\w+>)?DO\)\{3\}"
)
# Signs that a pattern matches IPv6 too: hexadecimal classes next to ':' or a '::'.
_IPV6_AWARE = re.compile(r"::|\[[^\]]*(?:a-f|A-F)[^\]]*:|\[[^\]]*:[^\]]*(?:a-f|A-F)|\\:\\:")
_LETTERS = re.compile(r"(?<!\\)[A-Za-z]{3,}")


def ipv4_shape(pattern: str) -> Optional[str]:
    """'exact' for an octet-bounded IPv4 pattern, 'loose' for \\d+ octets, else None."""
    if _IPV6_AWARE.search(pattern):
        return None
    text = pattern.replace("[0-9]", r"\d").replace(r"[\d]", r"\d")
    exact = "{1,3}" in text or "25[0-5]" in text or r"\d\d?" in text or r"\d?\d" in text
    text = _RANGE_OCTET.sub("O", text)
    text = _OCTET.sub("O", text)
    text = _DOT.sub("D", text)
    for _ in range(3):
        text = _GROUPED.sub("O", text)
    match = _SHAPES.search(text)
    if match is None:
        return None
    before, after = text[: match.start()], text[match.end() :]
    if match.group(0) == "ODODODO" and (before.endswith("OD") or after.startswith("DO")):
        return None  # five or more dotted numbers: not an address
    if re.search(r"(?i)v$", before):
        return None  # v1.2.3.4
    return "exact" if exact else "loose"


class Ipv4OnlyRegex(Rule):
    """
    ## What it finds
    Regular expressions that match dotted-quad IPv4 addresses and nothing else, given to
    `re.compile`, `re.match`, `re.fullmatch`, `re.search`, `re.findall`, `re.finditer`,
    `re.sub`, `re.subn` or `re.split`, directly or through a constant:
    `\\d{1,3}(\\.\\d{1,3}){3}`, `(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)` four times,
    `[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+`.

    ## Why it breaks on IPv6
    Code that validates an address with such a pattern rejects every IPv6 address; code that
    extracts addresses from text (logs, `ip addr` output, headers) silently misses them.
    On an IPv6-only host every address is IPv6, so the validation always fails and the
    extraction always comes back empty.

    ## Example
    ```python
    IP_RE = re.compile(r"^\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$")
    if not IP_RE.match(value):
        raise ValueError("not an IP address")
    ```

    ## Fix
    Validate with the `ipaddress` module, which knows both families and every corner case
    the regex gets wrong (`999.1.1.1`, leading zeros, scope ids):
    ```python
    try:
        ipaddress.ip_address(value)
    except ValueError:
        raise ValueError("not an IP address")
    ```
    To extract addresses, match a wider candidate (`[0-9A-Fa-f:.]+`) and keep what
    `ipaddress.ip_address()` accepts.

    ## Fix safety
    No automatic fix: a regex is used for matching, searching, extracting groups and
    substituting, and each needs a different replacement.

    ## Exceptions
    Not reported: patterns that also match IPv6 (a `[0-9a-fA-F:]` class or `::`), version
    numbers (three parts, or four parts in a context named `version`/`release`/`build`, or
    after a `v`), five or more dotted numbers, and a file that pairs the pattern with an
    IPv6 pattern. Patterns with unbounded `\\d+` octets are reported with medium confidence.
    The finding can be ignored where the data is IPv4 by protocol (a DHCPv4 lease file, an
    `A` record).
    """

    code = "V6601"
    name = "ipv4-only-regex"
    summary = "A regular expression that matches IPv4 addresses only"
    message = "this regular expression matches IPv4 addresses only"
    severity = Severity.WARNING
    precision = "high"
    tags = ("validation", "regex")
    triggers = (b"{1,3}", b"25[0-5]", b"+\\.", b"+\\\\.", b"+)\\.", b"+)\\\\.", b"+[.]",
                b"\\d\\d?", b"\\\\d\\\\d?", b"){3}")
    # _has_ipv6_pair reads every string of the module: keep those that may be IPv6 patterns.
    context_triggers = (b"::", b"a-f", b"A-F", b"\\:")

    VALID = (
        'import re\nVERSION_RE = re.compile(r"(\\d+)\\.(\\d+)\\.(\\d+)")',
        'import re\nre.match(r"\\d+\\.\\d+", text)',
        'import re\nADDR = re.compile(r"^[0-9a-fA-F:.]+$")',
        'import re\nversion = re.search(r"(\\d+)\\.(\\d+)\\.(\\d+)\\.(\\d+)", banner)',
        'import re\nre.match(r"v\\d+\\.\\d+\\.\\d+\\.\\d+", tag)',
        'import re\nOID = re.compile(r"\\d+\\.\\d+\\.\\d+\\.\\d+\\.\\d+")',
        'pattern = r"\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}"',
    )
    INVALID = (
        'import re\nIP_RE = re.compile(r"^\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$")',
        'import re\nre.match(r"(?:\\d{1,3}\\.){3}\\d{1,3}", host)',
        'import re\nOCTET = r"(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"\n'
        'PAT = r"(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)'
        '\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"\n'
        're.fullmatch(PAT, value)',
        'import re\nips = re.findall(r"inet ([0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+)", output)',
        'from re import compile\nIP = compile(rb"(\\d+)\\.(\\d+)\\.(\\d+)\\.(\\d+):(\\d+)")',
    )

    def __init__(self, context) -> None:
        super().__init__(context)
        self._reported: set[int] = set()
        self._paired: Optional[bool] = None

    def visit_Call(self, node: cst.Call) -> None:
        if self.called_name(node, RE_FUNCTIONS) is None:
            return
        pattern_arg = argument(node, 0, "pattern")
        if pattern_arg is None:
            return
        literal = pattern_arg.value
        if isinstance(literal, cst.Name):
            literal = self.module_constant(literal)
            if isinstance(literal, cst.Name):
                literal = local_value(self, literal) or literal
        text = _pattern_text(literal)
        if text is None or id(literal) in self._reported:
            return
        shape = ipv4_shape(text)
        if shape is None or self._version_context(node, literal, text) or self._has_ipv6_pair():
            return
        self._reported.add(id(literal))
        self.report(
            literal,
            "this regular expression matches IPv4 addresses only: IPv6 addresses are rejected"
            " or missed; validate with ipaddress.ip_address() instead",
            confidence=Confidence.HIGH if shape == "exact" else Confidence.MEDIUM,
        )

    def _version_context(self, call: cst.Call, literal: cst.CSTNode, text: str) -> bool:
        letters = {w.lower() for w in _LETTERS.findall(re.sub(r"\\[A-Za-z]|\[[^\]]*\]|\(\?P<\w+>", "", text))}
        if letters & VERSION_WORDS:
            return True
        names: set[str] = set()
        for node in (call, literal):
            for ancestor in self.ancestors(node):
                if isinstance(ancestor, cst.Assign):
                    for target in ancestor.targets:
                        names.add(self.context.module.code_for_node(target.target))
                elif isinstance(ancestor, cst.FunctionDef):
                    names.add(ancestor.name.value)
                    break
                elif isinstance(ancestor, cst.ClassDef):
                    names.add(ancestor.name.value)
        for arg in call.args[1:2]:
            names.add(self.context.module.code_for_node(arg.value))
        found: set[str] = set()
        for name in names:
            found |= words(name)
        return bool(found & VERSION_WORDS)

    def _has_ipv6_pair(self) -> bool:
        """The file also holds a pattern for IPv6: the two are used together."""
        if self._paired is None:
            self._paired = False
            for node in iter_nodes(self.context.module):
                if isinstance(node, cst.SimpleString):
                    value = _pattern_text(node)
                    if value and _IPV6_AWARE.search(value) and ("\\" in value or "[" in value):
                        self._paired = True
                        break
        return self._paired


def _pattern_text(node: cst.CSTNode) -> Optional[str]:
    if isinstance(node, cst.ConcatenatedString):
        left, right = _pattern_text(node.left), _pattern_text(node.right)
        return None if left is None or right is None else left + right
    if not isinstance(node, cst.SimpleString):
        return None
    try:
        value = node.evaluated_value
    except Exception:
        return None
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return value if isinstance(value, str) else None
