"""V6602: addresses taken apart as four dotted decimal octets, and 32-bit octet arithmetic."""

from __future__ import annotations

import re
from typing import Optional

import libcst as cst

from v6lint.model import Confidence, Severity
from v6lint.rules._addressing import (
    enclosing_function,
    family_scope_words,
    name_words,
    unwrap_conversion,
)
from v6lint.rules._base import Rule, argument, iter_nodes, string_value

# Words that name an IPv4-style address or its parts.
IP_WORDS = frozenset(
    {"ip", "ipaddr", "addr", "address", "netmask", "mask", "ipv4", "inet", "dotted", "quad",
     "octet", "octets", "gateway", "subnet", "network", "net", "remote", "peer", "client",
     "broadcast", "nexthop", "src", "dst", "saddr", "daddr", "host", "hostaddr", "ips"}
)
# The same without "host": a host name's labels are split on dots too.
STRICT_IP_WORDS = IP_WORDS - {"host", "remote", "peer", "client", "src", "dst"}
NOT_IP_WORDS = frozenset(
    {"version", "versions", "ver", "vers", "release", "build", "semver", "rev", "revision",
     "oid", "oids", "mib", "snmp", "path", "file", "filename", "name", "module", "package",
     "pkg", "domain", "fqdn", "hostname", "label", "labels", "key", "attr", "attribute",
     "field", "fields", "dotted_name", "qualname", "date", "time", "mac", "email", "mail",
     "major", "minor", "patch", "micro", "prefix", "url", "uri", "ipv6", "v6", "float",
     "number", "decimal", "price", "amount", "money", "coord", "lat", "lon"}
)
PREFIX_WORDS = frozenset({"prefix", "prefixlen", "bits", "mask", "masklen", "cidr", "plen",
                          "netmask", "length", "len"})

# Trigger pieces. _WS: blanks, newlines, backslash continuations; _ARGS: call arguments with
# one level of nested brackets; _SPLIT_CALL: split(".") in every spelling string_value
# accepts (sep=, r/u prefixes, triple quotes; one argument); _SPLIT_DOT: ``.split(".")``.
_WS = rb"[\s\\]*"
_ARGS = rb"[^()]*(?:\([^()]*\)[^()]*)*"
_SPLIT_CALL = (rb"split" + _WS + rb"\(" + _WS + rb"(?:sep" + _WS + rb"=" + _WS + rb")?[rRuU]?"
               rb"""(?:"\."|'\.'|\"\"\"\.\"\"\"|'''\.''')""")
_SPLIT_DOT = rb"\." + _WS + _SPLIT_CALL + _WS + rb",?" + _WS + rb"\)"
_LEN_4 = (rb"len" + _WS + rb"\(" + _WS + rb"\w+" + _WS + rb"\)" + _WS
          + rb"(?:[!=<>]=?|(?:not\s+)?in|is(?:\s+not)?)" + _WS + rb"4\b")
_FOUR_LEN = rb"\b4" + _WS + rb"[!=<>]=?" + _WS + rb"len" + _WS + rb"\(" + _WS + rb"\w+" + _WS + rb"\)"
_INT_ITEM = rb"int" + _WS + rb"\(" + _WS + rb"\w+" + _WS + rb"\["


def _is_ip(node: cst.BaseExpression, strict: bool = False) -> bool:
    found = name_words(unwrap_conversion(node))
    if isinstance(node, cst.Subscript):
        found = found | name_words(node.value)
    return bool(found & (STRICT_IP_WORDS if strict else IP_WORDS)) and not found & NOT_IP_WORDS


class DottedQuadParsing(Rule):
    """
    ## What it finds
    Code that takes an address apart as four decimal octets or does 32-bit arithmetic on it:
    `a, b, c, d = ip.split(".")`, `map(int, ip.split("."))`, `[int(x) for x in
    addr.split(".")]`, `len(ip.split(".")) == 4`, `ip.count(".") == 3`, `parts =
    ip.split(".")` followed by `len(parts) != 4`, `(ip >> 24) & 0xFF`, `octet << 24`, and
    netmask arithmetic such as `0xFFFFFFFF << (32 - prefixlen)`.

    ## Why it breaks on IPv6
    An IPv6 address is eight colon-separated hexadecimal groups, not four dotted decimal
    numbers: `"2001:db8::1".split(".")` is one piece, so the unpacking raises `ValueError`,
    `int()` raises, and the "four parts" test calls a valid address invalid. 32-bit
    arithmetic cannot hold a 128-bit address or a prefix longer than 32.

    ## Example
    ```python
    a, b, c, d = map(int, ip.split("."))
    number = (a << 24) | (b << 16) | (c << 8) | d
    ```

    ## Fix
    Let `ipaddress` do it for both families: `int(ipaddress.ip_address(ip))`,
    `ipaddress.ip_address(ip).packed`, `ipaddress.ip_network(f"{ip}/{prefixlen}",
    strict=False)` for masks, `.version` to tell them apart.

    ## Fix safety
    No automatic fix: the octets feed arithmetic, formatting or storage whose width the rule
    cannot see, so the replacement has to be chosen by hand.

    ## Exceptions
    Not reported: version numbers (names or words such as `version`, `release`, `major`),
    OIDs, dotted module and host names (`hostname.split(".")` is labels), `split(".")` whose
    pieces are not counted, unpacked into four names or converted with `int()`, and shifts of
    values not named as addresses (binary protocol decoding), and code inside classes or
    functions named for IPv4 (`_BaseV4`, `parse_ipv4`). The finding can be ignored in
    code that handles IPv4 by protocol (IPv4 headers, DHCPv4) or that is only reached after
    an IPv4 check.
    """

    code = "V6602"
    name = "dotted-quad-parsing"
    summary = "An address parsed as four dotted octets or handled with 32-bit arithmetic"
    message = "this parses an address as four dotted IPv4 octets"
    severity = Severity.WARNING
    precision = "high"
    tags = ("validation", "parsing")
    # A split on "." is reported only in one of five shapes; each trigger is one shape, so
    # the many version/module-name splits do not pass: four targets; map(int, ...); len(...)
    # compared; a comprehension's ``for x in``; ``parts = ....split(".")`` with len(parts)
    # compared to 4 / int(parts[i]) later in the file (or, for a module-level split, a len/int
    # use before it: _parts_checked then walks the module).
    triggers = (
        re.compile(rb",[^,=\n]*,[^,=\n]*,[^,=\n]*=[^=\n]*" + _SPLIT_DOT),
        re.compile(rb"map" + _WS + rb"\(" + _WS + rb"int" + _WS + rb"," + _ARGS + _SPLIT_DOT),
        re.compile(rb"len" + _WS + rb"\(" + _ARGS + _SPLIT_DOT),
        re.compile(rb"for" + _WS + rb"\w+" + _WS + rb"in\b[^\n]*?" + _SPLIT_DOT),
        re.compile(_SPLIT_CALL + rb"[\s\S]*?(?:" + _LEN_4 + rb"|" + _FOUR_LEN + rb"|" + _INT_ITEM + rb")"),
        re.compile(rb"(?:" + _LEN_4 + rb"|" + _INT_ITEM + rb")[\s\S]*?" + _SPLIT_CALL),
        b'count(".")', b"count('.')", b"<< 24", b">> 24", b"<<24", b">>24", b"(32 -", b"(32-",
    )

    VALID = (
        'major, minor, patch, build = version.split(".")',
        'a, b, c = ip.split(".")',
        'labels = hostname.split(".")\nif len(labels) == 4:\n    pass',
        'value = (data[0] << 24) | (data[1] << 16) | (data[2] << 8) | data[3]',
        'parts = module_name.split(".")',
        'first = ip.split(".")[0]',
        'mask = 0xFFFFFFFF << (32 - shift)',
        'mask = 0xFFFFFFFF << (32 - int(shift))',
        'tokens = [int(x) for x in release.split(".")]',
        'if sub.count(".") != 3:\n    pass',
        'class _BaseV4:\n    def parse(self, ip_str):\n        octets = ip_str.split(".")\n'
        '        if len(octets) != 4:\n            raise ValueError(ip_str)',
    )
    INVALID = (
        'a, b, c, d = ip.split(".")',
        'octets = list(map(int, address.split(".")))',
        'if len(ip_str.split(".")) != 4:\n    raise ValueError(ip_str)',
        'def check(addr):\n    parts = addr.split(".")\n    return len(parts) == 4',
        'is_ip = ip.count(".") == 3',
        'class Parser:\n    def octets(self, ip):\n        return [int(x) for x in ip.split(".")]',
        'first_octet = (ip_int >> 24) & 0xFF',
        'netmask = (0xFFFFFFFF << (32 - prefixlen)) & 0xFFFFFFFF',
        'netmask = (0xFFFFFFFF << (32 - int(netmask))) & 0xFFFFFFFF',
        'values = [int(x) for x in remote_addr.split(".")]',
    )

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if not isinstance(func, cst.Attribute) or func.attr.value != "split":
            return
        separator = argument(node, 0, "sep")
        if separator is None or string_value(separator.value) != "." or len(node.args) > 1:
            return
        receiver = func.value
        if name_words(unwrap_conversion(receiver)) & NOT_IP_WORDS:
            return
        parent = self.parent(node)
        if isinstance(parent, cst.Assign) and len(parent.targets) == 1:
            target = parent.targets[0].target
            if isinstance(target, (cst.Tuple, cst.List)) and len(target.elements) == 4:
                found = frozenset().union(*(name_words(e.value) for e in target.elements))
                if not found & NOT_IP_WORDS:
                    self._report(node, _is_ip(receiver))
            elif isinstance(target, cst.Name) and self._parts_checked(node, target, receiver):
                self._report(node, True)
            return
        if isinstance(parent, cst.Arg):
            call = self.parent(parent)
            if not isinstance(call, cst.Call) or not isinstance(call.func, cst.Name):
                return
            called = call.func.value
            if called == "map" and call.args and _names(call.args[0].value, "int") and _is_ip(receiver):
                self._report(node, True)
            elif called == "len" and self._compared_to(call, 4):
                self._report(node, _is_ip(receiver))
            return
        if isinstance(parent, cst.CompFor) and parent.iter is node:
            comprehension = self.parent(parent)
            element = getattr(comprehension, "elt", None)
            if isinstance(element, cst.Call) and _names(element.func, "int") and _is_ip(receiver):
                self._report(node, True)

    def visit_Comparison(self, node: cst.Comparison) -> None:
        left = node.left
        if not (
            isinstance(left, cst.Call)
            and isinstance(left.func, cst.Attribute)
            and left.func.attr.value == "count"
            and left.args
            and string_value(left.args[0].value) == "."
        ):
            return
        if name_words(left.func.value) & NOT_IP_WORDS:
            return
        if self._compared_to(left, 3) and _is_ip(left.func.value):
            self._report(node, True, "counting three dots to recognise an"
                         " address rejects IPv6; use ipaddress.ip_address() and .version")

    def visit_BinaryOperation(self, node: cst.BinaryOperation) -> None:
        if not isinstance(node.operator, (cst.LeftShift, cst.RightShift)):
            return
        right = node.right
        if isinstance(right, cst.Integer) and right.value == "24":
            if _is_ip(node.left, strict=True):
                self._report(node, True, "shifting by 24 treats the address as a 32-bit"
                             " IPv4 number; use ipaddress for addresses of either family")
            return
        if (
            isinstance(right, cst.BinaryOperation)
            and isinstance(right.operator, cst.Subtract)
            and isinstance(right.left, cst.Integer)
            and right.left.value == "32"
            and name_words(unwrap_conversion(right.right)) & PREFIX_WORDS  # int(netmask) too
        ):
            self._report(node, True, "netmask arithmetic on 32 bits handles IPv4 prefixes"
                         " only; use ipaddress.ip_network(...).netmask")

    # -- helpers ---------------------------------------------------------------------------

    def _compared_to(self, node: cst.CSTNode, number: int) -> bool:
        parent = self.parent(node)
        if isinstance(parent, cst.Comparison):
            operands = [parent.left] + [t.comparator for t in parent.comparisons]
            return any(isinstance(o, cst.Integer) and int(o.value) == number for o in operands)
        return False

    def _parts_checked(self, node: cst.Call, target: cst.Name, receiver) -> bool:
        """``parts = ip.split(".")`` then ``len(parts) == 4`` or ``int(parts[i])``."""
        strict = _is_ip(receiver, strict=True)
        for other in iter_nodes(enclosing_function(self, node)):
            if not isinstance(other, cst.Call) or not isinstance(other.func, cst.Name):
                continue
            if not other.args:
                continue
            value = other.args[0].value
            if other.func.value == "len" and isinstance(value, cst.Name) and value.value == target.value:
                if self._compared_to(other, 4) and (strict or _is_ip(receiver)):
                    return True
            if (
                other.func.value == "int"
                and strict
                and isinstance(value, cst.Subscript)
                and isinstance(value.value, cst.Name)
                and value.value.value == target.value
            ):
                return True
        return False

    def _report(self, node: cst.CSTNode, named: bool, message: Optional[str] = None) -> None:
        if family_scope_words(self, node) & {"ipv4", "v4", "inet4"}:
            return  # inside _BaseV4 / parse_ipv4(): IPv4 by construction
        self.report(
            node,
            message
            or 'splitting an address on "." into four octets handles IPv4 only; IPv6 addresses'
            " have colon-separated groups: use ipaddress.ip_address()",
            confidence=Confidence.HIGH if named else Confidence.MEDIUM,
        )


def _names(node: cst.BaseExpression, name: str) -> bool:
    return isinstance(node, cst.Name) and node.value == name
