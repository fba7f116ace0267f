"""V6202: conversions between text and packed addresses that accept IPv4 only."""

from __future__ import annotations

import re
import struct

import libcst as cst

from typing import Optional

from v6lint.model import FixSafety, Severity
from v6lint.rules._base import Invalid, PendingFix, Rule, iter_nodes, string_value
from v6lint.rules._families import inside_mreq_pack, module_prefix
from v6lint.rules._protocols import ipv4_protocol_field

_PTON_NTOP = frozenset({"socket.inet_pton", "socket.inet_ntop", "_socket.inet_pton",
                        "_socket.inet_ntop"})
_AF_INET6 = frozenset({"socket.AF_INET6", "_socket.AF_INET6", "socket.AddressFamily.AF_INET6"})
_ATON = frozenset({"socket.inet_aton", "_socket.inet_aton"})

CONVERSIONS = {
    "socket.inet_aton": ("socket.inet_pton(family, text)", "ipaddress.ip_address(text).packed"),
    "socket.inet_ntoa": ("socket.inet_ntop(family, packed)", "str(ipaddress.ip_address(packed))"),
}


class Ipv4OnlyConversion(Rule):
    """
    ## What it finds
    Calls to `socket.inet_aton()` and `socket.inet_ntoa()`.

    ## Why it breaks on IPv6
    `inet_aton` accepts only IPv4 text (and legacy forms such as `"127.1"`) and returns 4
    bytes; `inet_ntoa` accepts only 4 bytes. An IPv6 peer address makes the first raise
    `OSError: illegal IP address string` and the second `OSError: packed IP wrong length`.

    ## Example
    ```python
    packed = socket.inet_aton(peer_ip)
    text = socket.inet_ntoa(packed)
    ```

    ## Fix
    Use the `ipaddress` module, which takes either family and tells them apart:
    ```python
    packed = ipaddress.ip_address(peer_ip).packed
    text = str(ipaddress.ip_address(packed))
    ```
    or `socket.inet_pton(family, text)` / `socket.inet_ntop(family, packed)` with the family of
    the address at hand.

    ## Fix safety
    Both fixes are unsafe. `inet_ntoa(b)` -> `str(ipaddress.ip_address(b))`: for a 4-byte
    `bytes` value the text is the same, and 16 bytes now give IPv6 text instead of an error;
    but any other length raises `ValueError` instead of `OSError` (an `except OSError`
    around it no longer catches), a `bytearray`/`memoryview` that `inet_ntoa` accepted is
    rejected, and an `int` that `inet_ntoa` rejected is accepted. `inet_aton(s)` ->
    `ipaddress.ip_address(s).packed`: dotted quads give the same 4 bytes, IPv6 text now
    gives 16 bytes (so code that assumes 4 bytes must be checked), but shorthand forms
    such as `"127.1"` or `"10.1.2"`, octal/hex parts and trailing text after a space, all
    accepted by `inet_aton`, raise `ValueError` (not `OSError`). No fix is offered where the
    result goes straight into `struct.unpack` (a 32-bit integer cannot hold IPv6) or into an
    `ip_mreq` (V6106 reports that).

    ## Exceptions
    `inet_pton`/`inet_ntop` with an explicit family are fine. A literal argument (or a
    module constant holding one), such as `inet_aton("224.0.0.251")` or a test of `inet_aton`
    itself, is fixed IPv4 data that no IPv6 value can reach: not reported (a hard-coded
    address is the V64x rules' concern). Inside an `ip_mreq` `struct.pack` V6106 reports.
    Functions that handle IPv6 their own way are silent: they pass `AF_INET6` to
    `inet_pton`/`inet_ntop` (`try: inet_aton(s) except OSError: inet_pton(AF_INET6, s)`, as
    `ssl` does) or compare a family with `AF_INET6` (`if af == AF_INET: ... elif af ==
    AF_INET6: ...`); creating an AF_INET6 socket does not count. `inet_ntoa(x)` is silent
    where `x` is four bytes by construction, so that no IPv6 value can reach it: an
    `inet_aton()` result (the `inet_aton` is what is reported), a `struct.pack` with a
    4-byte format (`struct.pack("@i", n)` of an `IP_MULTICAST_IF` value), or a `"4s"` field
    of `struct.unpack` (the addresses of an IPv4 header), for a local whose every
    assignment in the function is one of those (or `None`).
    Fields that an IPv4-only protocol defines are silent where the code shows the format
    (`_protocols.py`): a class or function named `socks4`/`socksv4` whose function packs the
    SOCKS4 header `struct.pack("!BBH", vn, cd, port) + address`, and a DNS record class
    `<prefix>A`/`<prefix>WKS` in a module that also defines `<prefix>AAAA`. Other IPv4-only
    protocols (a DHCPv4 field) are still reported and the finding can be ignored there.
    """

    code = "V6202"
    name = "ipv4-only-conversion"
    summary = "Address conversion that accepts IPv4 only"
    message = "inet_aton()/inet_ntoa() handle IPv4 only"
    severity = Severity.WARNING
    precision = "very-high"
    fix_safety = FixSafety.UNSAFE
    tags = ("conversion",)
    # A call (``inet_aton(``, ``inet_ntoa (``) or an import under another name; not
    # mentions in prose, strings or mock targets.
    triggers = (re.compile(rb"inet_(?:aton|ntoa)(?:\s*\(|\s+as\b)"),)

    VALID = (
        "import socket\nsocket.inet_pton(socket.AF_INET6, text)",
        "import socket\nsocket.inet_ntop(family, packed)",
        "import ipaddress\nipaddress.ip_address(text).packed",
        "def inet_aton(text):\n    return text\ninet_aton('1.2.3.4')",
        # A literal input is fixed IPv4 data (a test of inet_aton itself, a protocol constant).
        "import socket\nassert socket.inet_aton('1.2.3.4') == b'\\x01\\x02\\x03\\x04'",
        "import socket\nMDNS = '224.0.0.251'\ngroup = socket.inet_aton(MDNS)",
        "import socket\nsocket.inet_ntoa(b'\\x7f\\x00\\x00\\x01')",
        # Part of an ip_mreq: V6106 reports the membership request.
        "import socket, struct\nm = struct.pack('4sl', socket.inet_aton(group), socket.INADDR_ANY)",
    )
    INVALID = (
        Invalid(
            "import socket, ipaddress\npacked = socket.inet_aton(ip)\n",
            fixed="import socket, ipaddress\npacked = ipaddress.ip_address(ip).packed\n",
        ),
        Invalid(
            "from socket import inet_ntoa\ntext = inet_ntoa(data[12:16])\n",
            fixed="from socket import inet_ntoa\nimport ipaddress\n"
            "text = str(ipaddress.ip_address(data[12:16]))\n",
        ),
        # Into a 32-bit integer: no fix, an IPv6 address cannot go there.
        Invalid("import socket, struct\nn = struct.unpack('!I', socket.inet_aton(ip))[0]\n"),
    )

    def visit_Call(self, node: cst.Call) -> None:
        name = self.called_name(node, CONVERSIONS)
        if name is None:
            return
        if inside_mreq_pack(self, node) or self._fixed_input(node):
            return
        if ipv4_protocol_field(self, node):
            return  # a SOCKS4 header or DNS A/WKS record: IPv4 by protocol
        scope = self._function(node)
        if scope is not None and (
            self._handles_ipv6(scope) or (name.endswith("ntoa") and self._from_aton(scope, node))
        ):
            return
        function = name.rsplit(".", 1)[1]
        by_family, neutral = CONVERSIONS[name]
        self.report(
            node,
            f"{function}() handles IPv4 only and raises OSError for IPv6 addresses;"
            f" use {neutral} or {by_family}",
            fix=self._fix(node, function),
        )

    def _fixed_input(self, node: cst.Call) -> bool:
        """A literal (or module-constant) argument: no IPv6 value can ever reach the call
        (CPython's own tests of inet_aton, a protocol's fixed IPv4 group)."""
        if len(node.args) != 1:
            return False
        value = self.module_constant(node.args[0].value)
        return isinstance(value, (cst.SimpleString, cst.ConcatenatedString))

    def _function(self, node: cst.CSTNode) -> Optional[cst.FunctionDef]:
        for ancestor in self.ancestors(node):
            if isinstance(ancestor, cst.FunctionDef):
                return ancestor
            if isinstance(ancestor, cst.ClassDef):
                return None
        return None

    def _handles_ipv6(self, function: cst.FunctionDef) -> bool:
        """The function takes IPv6 addresses its own way: it passes ``AF_INET6`` to
        ``inet_pton``/``inet_ntop`` (ssl's ``_inet_paton`` tries ``inet_aton`` first, then
        ``inet_pton(AF_INET6, ...)``) or compares a family with it (``if af == AF_INET:
        inet_aton(a) elif af == AF_INET6: ...``). Creating an AF_INET6 socket does not count."""
        key = ("v6202-handles-ipv6", id(function))
        memo = self.context.memo
        if key not in memo:
            found = False
            for other in iter_nodes(function):
                if isinstance(other, cst.Call) and self.called_name(other, _PTON_NTOP):
                    first = other.args[0].value if other.args else None
                    found = first is not None and self.resolves_to_any(first, _AF_INET6)
                elif isinstance(other, cst.Comparison):
                    found = any(
                        isinstance(t.operator, (cst.Equal, cst.NotEqual, cst.In, cst.NotIn))
                        and (self._is_af_inet6(t.comparator) or self._is_af_inet6(other.left))
                        for t in other.comparisons
                    )
                if found:
                    break
            memo[key] = (function, found)
        return memo[key][1]

    def _is_af_inet6(self, node: cst.BaseExpression) -> bool:
        """``socket.AF_INET6``, or ``getattr(socket, "AF_INET6", ...)`` on old platforms."""
        if (
            isinstance(node, cst.Call) and isinstance(node.func, cst.Name)
            and node.func.value == "getattr" and len(node.args) >= 2
        ):
            return string_value(node.args[1].value) == "AF_INET6"
        return self.resolves_to_any(node, _AF_INET6)

    def _from_aton(self, function: cst.FunctionDef, node: cst.Call) -> bool:
        """``inet_ntoa(x)`` where ``x`` is four bytes by construction, so the call cannot fail
        and no IPv6 value can reach it: ``struct.pack("@i", n)``, or a local whose every
        assignment in the function is an ``inet_aton()`` result (the ``inet_aton`` is what is
        reported), a 4-byte ``struct.pack``, a ``"4s"`` field of ``struct.unpack`` (an IPv4
        header's addresses) or ``None``."""
        if len(node.args) != 1:
            return False
        argument_value = node.args[0].value
        if isinstance(argument_value, cst.Call):
            return self._four_byte_value(argument_value)
        if not isinstance(argument_value, cst.Name):
            return False
        name = argument_value.value
        values = []
        for other in iter_nodes(function):
            if isinstance(other, cst.Param) and other.name.value == name:
                return False
            if isinstance(other, cst.Assign):
                for target in other.targets:
                    if isinstance(target.target, cst.Name) and target.target.value == name:
                        values.append(other.value)
                    elif _binds(target.target, name):
                        if not self._four_byte_field(target.target, other.value, name):
                            return False  # unpacked or stored some other way
                        values.append(None)
            else:
                bound = None
                if isinstance(other, (cst.AugAssign, cst.AnnAssign, cst.For, cst.NamedExpr)):
                    bound = other.target
                elif isinstance(other, cst.WithItem) and other.asname is not None:
                    bound = other.asname.name
                elif isinstance(other, (cst.Global, cst.Nonlocal)):
                    if any(n.name.value == name for n in other.names):
                        return False
                if bound is not None and _binds(bound, name):
                    return False  # bound some other way
        return bool(values) and all(
            v is None or (isinstance(v, cst.Name) and v.value == "None")
            or (isinstance(v, cst.Call) and self._four_byte_value(v))
            for v in values
        ) and any(not (isinstance(v, cst.Name) and v.value == "None") for v in values)

    def _four_byte_value(self, call: cst.Call) -> bool:
        """``inet_aton(...)`` or ``struct.pack(fmt, ...)`` with a literal 4-byte format."""
        if self.called_name(call, _ATON) is not None:
            return True
        if self.called_name(call, {"struct.pack"}) is None or not call.args:
            return False
        fmt = string_value(call.args[0].value)
        try:
            return fmt is not None and struct.calcsize(fmt) == 4
        except struct.error:
            return False

    def _four_byte_field(self, target: cst.BaseExpression, value: cst.BaseExpression,
                         name: str) -> bool:
        """``(..., saddr, daddr) = struct.unpack("!BBHHHBBH4s4s", header)``: ``name`` is
        one of the tuple's plain names and its field is ``4s``."""
        if not isinstance(target, (cst.Tuple, cst.List)) or not isinstance(value, cst.Call):
            return False
        if self.called_name(value, {"struct.unpack", "struct.unpack_from"}) is None:
            return False
        fmt = string_value(value.args[0].value) if value.args else None
        if fmt is None:
            return False
        fields = []
        for count, code in re.findall(r"(\d*)([xcbB?hHiIlLqQnNefdspP])", fmt.lstrip("@=<>!")):
            if code in "sp":
                fields.append(f"{count or 1}{code}")
            elif code != "x":
                fields += [code] * int(count or 1)
        names = [e.value for e in target.elements]
        if len(names) != len(fields):
            return False
        return any(
            isinstance(element, cst.Name) and element.value == name and field == "4s"
            for element, field in zip(names, fields)
        ) and not any(
            isinstance(element, cst.Name) and element.value == name and field != "4s"
            for element, field in zip(names, fields)
        )

    def _fix(self, node: cst.Call, function: str) -> Optional[PendingFix]:
        if len(node.args) != 1 or node.args[0].star or node.args[0].keyword is not None:
            return None
        arg = self.parent(node)
        outer = self.parent(arg) if isinstance(arg, cst.Arg) else None
        if isinstance(outer, cst.Call) and self.called_name(
            outer, {"struct.unpack", "struct.unpack_from", "builtins.int.from_bytes"}
        ):
            return None
        prefix, imports = module_prefix(self, node, "ipaddress")
        value = self.context.module.code_for_node(node.args[0].value)
        if function == "inet_aton":
            new = f"{prefix}.ip_address({value}).packed"
            title = "Use ipaddress.ip_address(text).packed"
        else:
            new = f"str({prefix}.ip_address({value}))"
            title = "Use str(ipaddress.ip_address(packed))"
        replacement = cst.parse_expression(new).with_changes(lpar=node.lpar, rpar=node.rpar)
        return PendingFix(title, FixSafety.UNSAFE, [(node, replacement)], imports=imports)


def _binds(target: cst.BaseExpression, name: str) -> bool:
    """``target`` (an assignment target) binds the local ``name``: ``name``, ``(a, name)``,
    ``*name``; not ``self.name`` or ``d[name]``."""
    if isinstance(target, cst.Name):
        return target.value == name
    if isinstance(target, (cst.Tuple, cst.List)):
        return any(_binds(element.value, name) for element in target.elements)
    if isinstance(target, cst.StarredElement):
        return _binds(target.value, name)
    return False
