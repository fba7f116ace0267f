"""V6603: addresses packed into 32 bits or checked for a 4-byte length."""

from __future__ import annotations

import re
from typing import Optional

import libcst as cst

from v6lint.model import Severity
from v6lint.rules._addressing import enclosing_function, name_words
from v6lint.rules._base import Rule, argument, iter_nodes, string_value

STRUCT_PACK = frozenset({"struct.pack", "struct.pack_into"})
STRUCT_UNPACK = frozenset({"struct.unpack", "struct.unpack_from"})
TO_PACKED = frozenset({"socket.inet_aton", "_socket.inet_aton"})
IPV4_CLASSES = frozenset({"ipaddress.IPv4Address"})
# A value named so is an address (a 32-bit number or 4 packed bytes in this context).
ADDRESS_WORDS = frozenset({"ip", "ipaddr", "addr", "address", "netmask", "ipnum", "ipint",
                           "saddr", "daddr", "inaddr", "gateway", "subnet", "broadcast",
                           "nexthop", "hostaddr"})
PACKED_WORDS = frozenset({"packed", "inaddr"})
LENGTH_IP_WORDS = frozenset({"ip", "ipaddr", "inaddr", "hostaddr"})
# Sockaddr tuples have 2 (IPv4) or 4 (IPv6) items: len(addr) == 4 there is the IPv6 test.
NOT_PACKED_WORDS = frozenset({"sockaddr", "sa", "peer", "peername", "sockname", "info",
                              "tuple", "args", "parts", "version", "list", "ips", "addrs",
                              "addresses", "hosts", "items", "fields", "str", "string",
                              "text", "port", "ports", "mac", "ipv6", "v6", "ip6"})
_FORMAT_ITEM = re.compile(r"(\d*)([xcbB?hHiIlLqQnNefdspP])")

# Trigger pieces. _WS: blanks, newlines and backslash continuations; _ARG: a call's argument
# text with one level of nested brackets.
_WS = rb"[\s\\]*"
_ARG = rb"(?:[^()]|\([^()]*\))*"
_FMT = rb"[@=<>! ]?[0-9 xcbB?hHqQnNefdspP]*[IiLl][0-9 xcbB?hHiIlLqQnNefdspP]*"
_PACK_CALL = (rb"pack(?:_into|_from)?" + _WS + rb"\(" + _WS
              + rb"(?:[bBrRuU]{0,2}[\"'][@=<>! ]*[\"']" + _WS + rb")?"
              + rb"[bBrRuU]{0,2}(?:\"" + _FMT + rb"\"|'" + _FMT + rb"')")


def _format_items(fmt: str) -> Optional[list[str]]:
    """Codes of a struct format, one per argument; None if it cannot be read."""
    body = fmt.lstrip("@=<>! ")
    items: list[str] = []
    for count, code in _FORMAT_ITEM.findall(body.replace(" ", "")):
        if code in "sp":
            items.append(code)
        elif code == "x":
            continue
        else:
            items.extend(code * int(count or 1))
    return items


class Ipv4PackedWidth(Rule):
    """
    ## What it finds
    Addresses squeezed into 32 bits or 4 bytes: `struct.pack("!I", ip_int)` and
    `struct.unpack("!I", socket.inet_aton(ip))` (an `I`/`L` field fed from an address),
    `int.from_bytes(socket.inet_aton(ip), "big")`, `int(ipaddress.IPv4Address(ip))`, and
    `len(packed) == 4` / `len(packed_ip) != 4` on packed addresses.

    ## Why it breaks on IPv6
    An IPv6 address is 128 bits (16 bytes). A 32-bit field cannot hold it: `struct.pack`
    raises `struct.error`, `inet_aton` raises `OSError`, and a 4-byte length check rejects
    every IPv6 address. Integers stored this way also end up in 32-bit database columns.

    ## Example
    ```python
    number = struct.unpack("!I", socket.inet_aton(ip))[0]
    ```

    ## Fix
    Use the width-free forms: `int(ipaddress.ip_address(ip))` (up to 128 bits),
    `ipaddress.ip_address(ip).packed` (4 or 16 bytes), and store addresses as 16-byte binary,
    text of 45 characters or a native `inet` column. Check lengths against `(4, 16)` or use
    `ipaddress.ip_address(packed)`.

    ## Fix safety
    No automatic fix: the width usually continues into a wire format or a database column
    that has to change with it.

    ## Exceptions
    Not reported: `len(sockaddr) == 4` (a 4-item sockaddr is how IPv6 peers are recognised),
    functions that also test for 16 bytes (they handle both families), and 32-bit fields fed
    from values not named as addresses. The finding can be ignored in IPv4-by-protocol code:
    IPv4 headers, DHCPv4, SOCKS4, the IPv4 half of a family switch.
    """

    code = "V6603"
    name = "ipv4-packed-width"
    summary = "An address packed into 32 bits or checked for a 4-byte length"
    message = "this stores an address in 32 bits, which holds IPv4 only"
    severity = Severity.WARNING
    precision = "high"
    tags = ("validation", "storage")
    # Each trigger is the shape of one finding, in the definition that holds it:
    # - a struct call whose format literal (a leading "!"/"" piece may be concatenated) has an
    #   I/i/L/l field (struct takes no keyword arguments, so the format is always first);
    # - ``from struct import pack as p`` / ``IPv4Address as A``: an aliased call keeps the file
    #   (only the file: the region of ``p(...)`` holds no trigger);
    # - int(...IPv4Address(...)), int.from_bytes(<a call>, ...) (the call may be an alias);
    # - len(<ip.../...packed.../...inaddr...>) ==/!= 4, either way round (what _length accepts).
    triggers = (
        re.compile(_PACK_CALL),
        re.compile(rb"pack(?:_into|_from)?\s+as\s+\w"),
        re.compile(rb"IPv4Address\s+as\s+\w"),
        re.compile(rb"int" + _WS + rb"\(" + _WS + rb"(?:\w+" + _WS + rb"\." + _WS + rb")*IPv4Address" + _WS + rb"\("),
        re.compile(rb"int" + _WS + rb"\." + _WS + rb"from_bytes" + _WS + rb"\(" + _WS
                   + rb"(?:\w+" + _WS + rb"\." + _WS + rb")*\w+" + _WS + rb"\("),
        re.compile(rb"len" + _WS + rb"\(" + _WS + rb"(?:(?i:(?:self\.)?ip)|" + _ARG + rb"?(?i:packed|inaddr))"
                   + _ARG + rb"\)" + _WS + rb"[!=]=" + _WS + rb"\(?" + _WS + rb"4(?![\w.])"),
        re.compile(rb"4" + _WS + rb"\)?" + _WS + rb"[!=]=" + _WS + rb"len" + _WS + rb"\("),
    )

    VALID = (
        'import struct\nheader = struct.pack("!I", length)',
        'import struct\nstruct.pack("!HH", port, flags)',
        'if len(sockaddr) == 4:\n    scope = sockaddr[3]',
        'def f(packed):\n    if len(packed) == 4:\n        return 4\n    if len(packed) == 16:\n        return 6',
        'import ipaddress\nvalue = int(ipaddress.ip_address(text))',
        'import struct\nsize, = struct.unpack("!I", data[:4])',
    )
    INVALID = (
        'import socket, struct\nnumber = struct.unpack("!I", socket.inet_aton(ip))[0]',
        'import struct\npayload = struct.pack("!IH", ip_int, port)',
        'import ipaddress\nrow.ip = int(ipaddress.IPv4Address(request_ip))',
        'if len(packed_ip) != 4:\n    raise ValueError("bad address")',
        'import socket\nn = int.from_bytes(socket.inet_aton(addr), "big")',
    )

    def visit_Call(self, node: cst.Call) -> None:
        name = self.called_name(node, STRUCT_PACK | STRUCT_UNPACK | {"int", "builtins.int"})
        func = node.func
        if name in STRUCT_PACK or name in STRUCT_UNPACK:
            self._struct(node, name)
        elif (
            isinstance(func, cst.Name) and func.value == "int" and len(node.args) == 1
            and isinstance(node.args[0].value, cst.Call)
            and self.called_name(node.args[0].value, IPV4_CLASSES)
        ):
            self.report(node, "int(IPv4Address(...)) is a 32-bit number; int(ipaddress.ip_address"
                        "(...)) takes both families (and needs up to 128 bits to store)")
        elif (
            isinstance(func, cst.Attribute) and func.attr.value == "from_bytes"
            and isinstance(func.value, cst.Name) and func.value.value == "int" and node.args
            and isinstance(node.args[0].value, cst.Call)
            and self.called_name(node.args[0].value, TO_PACKED)
        ):
            self.report(node, "int.from_bytes(inet_aton(...)) turns an address into 32 bits;"
                        " use int(ipaddress.ip_address(...))")
        elif isinstance(func, cst.Name) and func.value == "len" and len(node.args) == 1:
            self._length(node)

    def _struct(self, node: cst.Call, name: str) -> None:
        fmt_arg = argument(node, 0, "format")
        fmt = string_value(fmt_arg.value) if fmt_arg else None
        if fmt is None and fmt_arg is not None and isinstance(fmt_arg.value, cst.SimpleString):
            try:
                raw = fmt_arg.value.evaluated_value
                fmt = raw.decode("latin-1") if isinstance(raw, bytes) else None
            except Exception:
                fmt = None
        if fmt is None:
            return
        items = _format_items(fmt)
        if not items:
            return
        if name in STRUCT_UNPACK:
            buffer = argument(node, 1, "buffer")
            if buffer is None or items.count("I") + items.count("L") + items.count("i") + items.count("l") == 0:
                return
            value = buffer.value
            if len(items) == 1 and (
                (isinstance(value, cst.Call) and self.called_name(value, TO_PACKED))
                or self._named_address(value)
            ):
                self.report(node, "unpacking an address as one 32-bit integer handles IPv4 only;"
                            " use int(ipaddress.ip_address(...))")
            return
        offset = 3 if name == "struct.pack_into" else 1
        values = [a for a in node.args[offset:] if a.keyword is None]
        if any(a.star for a in values):
            return
        for code, arg in zip(items, values):
            if code in "IiLl" and (
                self._named_address(arg.value)
                or (isinstance(arg.value, cst.Call) and self.called_name(arg.value, {"int", "builtins.int"})
                    and arg.value.args and isinstance(arg.value.args[0].value, cst.Call)
                    and self.called_name(arg.value.args[0].value, IPV4_CLASSES))
            ):
                self.report(arg.value, "packing an address into a 32-bit field handles IPv4 only;"
                            " IPv6 addresses need 16 bytes (ipaddress.ip_address(...).packed)")
                return

    def _named_address(self, node: cst.BaseExpression) -> bool:
        found = name_words(node)
        return bool(found & ADDRESS_WORDS) and not found & NOT_PACKED_WORDS

    def _length(self, node: cst.Call) -> None:
        parent = self.parent(node)
        if not isinstance(parent, cst.Comparison) or len(parent.comparisons) != 1:
            return
        other = parent.comparisons[0].comparator if parent.left is node else parent.left
        if not (isinstance(other, cst.Integer) and other.value == "4"):
            return
        if not isinstance(parent.comparisons[0].operator, (cst.Equal, cst.NotEqual)):
            return
        value = node.args[0].value
        found = name_words(value)
        spelled = self.context.module.code_for_node(value).lower()
        # Keep in step with the triggers: packed/inaddr/octets, or a name that starts with ip.
        if not (
            any(word in spelled for word in ("packed", "inaddr"))
            or (spelled.startswith(("ip", "self.ip")) and found & LENGTH_IP_WORDS)
        ) or found & NOT_PACKED_WORDS:
            return
        for other_node in iter_nodes(enclosing_function(self, node)):
            if isinstance(other_node, cst.Integer) and other_node.value == "16":
                return  # the function handles 16-byte addresses too
        self.report(parent, "a 4-byte length check accepts packed IPv4 addresses only; IPv6"
                    " addresses are 16 bytes")
