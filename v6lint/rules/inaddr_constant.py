"""V6107: the IPv4 INADDR_* address constants."""

from __future__ import annotations

from typing import Union

import libcst as cst

from v6lint.model import Severity
from v6lint.rules._base import Rule
from v6lint.rules._families import INADDR_NAMES, handles_ipv6, inside_mreq_pack

REPLACEMENTS = {
    "INADDR_ANY": "'::' (with IPV6_V6ONLY cleared for dual stack)",
    "INADDR_LOOPBACK": "'::1'",
    "INADDR_BROADCAST": "an IPv6 multicast group such as ff02::1",
    "INADDR_NONE": "a None check or ipaddress.ip_address() validation",
}


class InaddrConstant(Rule):
    """
    ## What it finds
    References to `socket.INADDR_ANY`, `INADDR_LOOPBACK`, `INADDR_BROADCAST`, `INADDR_NONE`,
    `INADDR_ALLHOSTS_GROUP`, `INADDR_MAX_LOCAL_GROUP` and `INADDR_UNSPEC_GROUP`, however
    imported.

    ## Why it breaks on IPv6
    They are 32-bit IPv4 addresses as integers (`INADDR_ANY` is `0`, `INADDR_LOOPBACK` is
    `0x7f000001`). Code built on them packs 4-byte addresses, compares peers with IPv4
    values or listens on IPv4 only; none of it has a meaning for an IPv6 socket, and the
    IPv6 equivalents (`::`, `::1`, multicast instead of broadcast) are different values.

    ## Example
    ```python
    addr = socket.inet_ntoa(struct.pack("!I", socket.INADDR_LOOPBACK))
    ```

    ## Fix
    Use addresses of the socket's family: `"::"`/`""` to listen on every address,
    `"::1"` or `"localhost"` for loopback, `ipaddress.ip_address(x).is_loopback` /
    `.is_unspecified` to test a peer, an IPv6 multicast group (e.g. `ff02::1`) instead of
    broadcast.

    ## Fix safety
    No automatic fix: the replacement depends on the family of the socket and on what the
    value is used for.

    ## Exceptions
    Not reported inside an `ip_mreq` `struct.pack(...)` (V6106 reports the whole membership
    request), in imports, or in code that also handles IPv6 (the enclosing function or
    top-level statement mentions `AF_INET6` or an `ipv6` flag). Broadcast has no IPv6
    counterpart: code that must broadcast on IPv4 networks can ignore the finding.
    """

    code = "V6107"
    name = "inaddr-constant"
    summary = "IPv4 INADDR_* address constant"
    message = "INADDR_* constants are IPv4 addresses"
    severity = Severity.WARNING
    precision = "high"
    tags = ("sockets",)
    triggers = (b"INADDR_",)

    VALID = (
        "import socket\nsock.bind(('::', 0))",
        # Inside an ip_mreq: V6106 reports the membership request as a whole.
        "import socket, struct\nmreq = struct.pack('4sl', socket.inet_aton(g), socket.INADDR_ANY)",
        # Dual-stack code.
        "import socket\n"
        "def any_address(family):\n"
        "    if family == socket.AF_INET6:\n"
        "        return '::'\n"
        "    return socket.inet_ntoa(struct.pack('!I', socket.INADDR_ANY))\n",
        # A same-named constant of another module or a local.
        "import mylib\nx = mylib.INADDR_ANY",
        "INADDR_ANY = '::'\nsock.bind((INADDR_ANY, 0))",
        "import socket\nlabel = 'INADDR_ANY'",
    )
    INVALID = (
        "import socket, struct\npacked = struct.pack('!I', socket.INADDR_LOOPBACK)",
        "from socket import INADDR_ANY\nif peer == INADDR_ANY:\n    pass",
        "import socket as s\nBROADCAST = s.INADDR_BROADCAST",
        "import socket, struct\nmreq = group_bin + struct.pack('=I', socket.INADDR_ANY)",
    )

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self._check(node)

    def visit_Name(self, node: cst.Name) -> None:
        parent = self.parent(node)
        if isinstance(parent, cst.Attribute) and parent.attr is node:
            return  # the Attribute itself is checked
        self._check(node)

    def _check(self, node: Union[cst.Name, cst.Attribute]) -> None:
        name = node.value if isinstance(node, cst.Name) else node.attr.value
        if not name.startswith("INADDR_") or not self.resolves_to(node, INADDR_NAMES):
            return
        for ancestor in self.ancestors(node):
            if isinstance(ancestor, (cst.Import, cst.ImportFrom)):
                return
            if isinstance(ancestor, cst.BaseStatement):
                break
        if inside_mreq_pack(self, node) or handles_ipv6(self, node):
            return
        instead = REPLACEMENTS.get(name, "an address of the socket's family")
        self.report(
            node,
            f"{name} is an IPv4 address (a 32-bit integer); IPv6 code needs {instead}",
        )
