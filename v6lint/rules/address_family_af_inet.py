"""V6103: a server's ``address_family`` set to AF_INET."""

from __future__ import annotations

import re

import libcst as cst

from v6lint.model import Severity
from v6lint.rules._base import Rule
from v6lint.rules._families import (
    IPV6_WORDS,
    enclosing_class,
    handles_ipv6,
    is_af_inet,
    mentions_ipv6,
)


class AddressFamilyAfInet(Rule):
    """
    ## What it finds
    `address_family = socket.AF_INET` in a class body (the attribute `socketserver` servers
    read when they create their socket), and `self.address_family = AF_INET` or
    `server.address_family = AF_INET` assignments; module constants holding `AF_INET` are
    followed. The standard library's own `socketserver.TCPServer` is one such class.

    ## Why it breaks on IPv6
    `socketserver.TCPServer` and everything built on it (`HTTPServer`, `SimpleXMLRPCServer`,
    `WSGIServer`, ...) create their listening socket with `self.address_family`. Set to
    `AF_INET`, the server can only bind IPv4 addresses: binding `"::"` or an IPv6 host name
    raises `socket.gaierror`, and on an IPv6-only host there is nothing to bind at all.

    ## Example
    ```python
    class Server(socketserver.ThreadingTCPServer):
        address_family = socket.AF_INET
    ```

    ## Fix
    Listen on IPv6 and, where the platform allows, accept IPv4 on the same socket:
    ```python
    class Server(socketserver.ThreadingTCPServer):
        address_family = socket.AF_INET6

        def server_bind(self):
            with contextlib.suppress(OSError):
                self.socket.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
            super().server_bind()
    ```
    or choose the family from `socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)` for
    the address the server is given.

    ## Fix safety
    No automatic fix: an AF_INET6 server cannot bind an IPv4 literal such as `"0.0.0.0"` or
    `"127.0.0.1"`, reports client addresses as 4-tuples (with `::ffff:` mapped IPv4
    addresses), and fails to start on a host without IPv6; which of these matter depends on
    how the class is used elsewhere.

    ## Exceptions
    Not reported: a value chosen at run time (`AF_INET6 if ipv6 else AF_INET`, a value from
    `getaddrinfo()`), and a class or function that also handles IPv6 (it mentions
    `AF_INET6`, `IPV6_V6ONLY`, `has_ipv6` or an `ipv6` flag, e.g. switches the family for
    IPv6 hosts). It can be ignored in a server that must stay IPv4-only by design.
    """

    code = "V6103"
    name = "address-family-af-inet"
    summary = "Server address_family set to IPv4-only AF_INET"
    message = "address_family = AF_INET makes the server IPv4-only"
    severity = Severity.WARNING
    precision = "very-high"
    tags = ("sockets", "servers")
    # An assignment to ``address_family`` (``x.address_family =``, annotated or not); not
    # comparisons, reads or ``address_family, addr = ...`` unpacking.
    triggers = (re.compile(rb"address_family[ \t]*(?::[^=\n]*)?=(?!=)"),)
    # The owning class counts as IPv6-aware when any of its methods mentions IPv6.
    context_triggers = (IPV6_WORDS,)

    VALID = (
        "import socket, socketserver\n"
        "class Server(socketserver.TCPServer):\n"
        "    address_family = socket.AF_INET6\n",
        # Chosen at run time from the address.
        "import socket, socketserver\n"
        "class Server(socketserver.TCPServer):\n"
        "    def __init__(self, addr, handler):\n"
        "        self.address_family = socket.getaddrinfo(*addr)[0][0]\n"
        "        super().__init__(addr, handler)\n",
        "import socket\n"
        "class Server:\n"
        "    address_family = socket.AF_INET6 if socket.has_ipv6 else socket.AF_INET\n",
        # The class switches to IPv6 for IPv6 hosts: it handles both families.
        "import socket, socketserver\n"
        "class Server(socketserver.TCPServer):\n"
        "    address_family = socket.AF_INET\n"
        "    def __init__(self, addr, handler):\n"
        "        if ':' in addr[0]:\n"
        "            self.address_family = socket.AF_INET6\n"
        "        super().__init__(addr, handler)\n",
        # Comparing is not setting.
        "import socket\nif server.address_family == socket.AF_INET:\n    pass",
        "import socket\nclass UnixServer:\n    address_family = socket.AF_UNIX\n",
        # Another attribute.
        "import socket\nclass C:\n    family = socket.AF_INET\n",
    )
    INVALID = (
        "import socket\n"
        "class TCPServer(BaseServer):\n"
        "    address_family = socket.AF_INET\n"
        "    socket_type = socket.SOCK_STREAM\n",
        "from socket import AF_INET\n"
        "class S(socketserver.UDPServer):\n"
        "    address_family: int = AF_INET\n",
        "import socket\n"
        "class S(socketserver.TCPServer):\n"
        "    def __init__(self, *a):\n"
        "        self.address_family = socket.AF_INET\n"
        "        super().__init__(*a)\n",
        "import socket\nFAMILY = socket.AF_INET\nhttpd.address_family = FAMILY",
    )

    def visit_Assign(self, node: cst.Assign) -> None:
        if any(_is_address_family_target(t.target) for t in node.targets):
            self._check(node, node.value)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if node.value is not None and _is_address_family_target(node.target):
            self._check(node, node.value)

    def _check(self, node: cst.CSTNode, value: cst.BaseExpression) -> None:
        if not is_af_inet(self, value):
            return
        owner = enclosing_class(self, node)
        if owner is not None and mentions_ipv6(self, owner):
            return
        if handles_ipv6(self, node):
            return
        self.report(
            node,
            "address_family = AF_INET makes the server IPv4-only; use AF_INET6 (clearing"
            " IPV6_V6ONLY for dual stack) or a family from getaddrinfo()",
        )


def _is_address_family_target(target: cst.BaseExpression) -> bool:
    if isinstance(target, cst.Name):
        return target.value == "address_family"
    return isinstance(target, cst.Attribute) and target.attr.value == "address_family"
