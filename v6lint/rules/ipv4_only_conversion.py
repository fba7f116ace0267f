"""V6202: conversions between text and packed addresses that accept IPv4 only."""

from __future__ import annotations

import libcst as cst

from v6lint.model import Severity
from v6lint.rules._base import Rule

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
    Report only for now. `inet_aton` also accepts shorthand IPv4 forms (`"10.1"`) and trailing
    garbage after a space that `ipaddress` rejects, so a drop-in rewrite is not
    behaviour-preserving for every input.

    ## Exceptions
    `inet_pton`/`inet_ntop` with an explicit family are fine. The finding can be ignored where
    the data is IPv4 by protocol (an IPv4 header, a DHCPv4 field).
    """

    code = "V6202"
    name = "ipv4-only-conversion"
    summary = "Address conversion that accepts IPv4 only"
    message = "inet_aton()/inet_ntoa() handle IPv4 only"
    severity = Severity.WARNING
    precision = "very-high"
    tags = ("conversion",)
    triggers = (b"inet_aton", b"inet_ntoa")

    VALID = (
        "import socket\nsocket.inet_pton(socket.AF_INET6, text)",
        "import socket\nsocket.inet_ntop(family, packed)",
        "import ipaddress\nipaddress.ip_address(text).packed",
        "def inet_aton(text):\n    return text\ninet_aton('1.2.3.4')",
    )
    INVALID = (
        "import socket\npacked = socket.inet_aton(ip)",
        "from socket import inet_ntoa\ntext = inet_ntoa(data[12:16])",
    )

    def visit_Call(self, node: cst.Call) -> None:
        name = self.called_name(node, CONVERSIONS)
        if name is None:
            return
        function = name.rsplit(".", 1)[1]
        by_family, neutral = CONVERSIONS[name]
        self.report(
            node,
            f"{function}() handles IPv4 only and raises OSError for IPv6 addresses;"
            f" use {neutral} or {by_family}",
        )
