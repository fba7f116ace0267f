"""V6101: a socket created with the IPv4 address family."""

from __future__ import annotations

import libcst as cst

from v6lint.model import Confidence, FixSafety, Severity
from v6lint.rules._base import Invalid, Rule, argument
from v6lint.rules._families import ConnectFixMixin, handles_ipv6, is_af_inet

SOCKET_CONSTRUCTORS = frozenset({"socket.socket", "_socket.socket"})


class AfInetSocket(ConnectFixMixin, Rule):
    """
    ## What it finds
    `socket.socket(socket.AF_INET, ...)` (or `PF_INET`, or `family=AF_INET`), also when the
    family comes from a module constant such as `FAMILY = socket.AF_INET`.

    ## Why it breaks on IPv6
    An `AF_INET` socket can only talk IPv4. On an IPv6-only host `connect()` to a name that
    has only AAAA records fails, `bind()` cannot listen for IPv6 clients, and an IPv6 literal
    address raises `socket.gaierror`. On a host built without legacy IP the socket cannot even
    be created (`EAFNOSUPPORT`).

    ## Example
    ```python
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.connect((host, port))
    ```

    ## Fix
    A client: `socket.create_connection((host, port))` resolves the name with
    `getaddrinfo()` and tries every address of either family in turn:
    ```python
    sock = socket.create_connection((host, port))
    ```
    A server: `socket.create_server(("", port), family=socket.AF_INET6,
    dualstack_ipv6=True)` when `socket.has_dualstack_ipv6()`. Otherwise take the family from
    `getaddrinfo()` results: `for family, type, proto, _, addr in socket.getaddrinfo(...)`.

    ## Fix safety
    The fix (unsafe) is offered only for a TCP client whose very next statement is
    `sock.connect(address)`, written as `sock = socket.socket(AF_INET[, SOCK_STREAM])` or as
    `with socket.socket(...) as sock:`. It merges both into
    `socket.create_connection(address)`. It is not safe: the socket may now be AF_INET6, so
    `getpeername()`/`getsockname()` return 4-tuples and code unpacking `host, port` fails;
    when every address fails `create_connection` raises the last error (not necessarily the
    one `connect` raised) and the name is never bound, so an `except` block that closes
    `sock` breaks. Timeouts are the same (both use `socket.getdefaulttimeout()`).

    ## Exceptions
    Not reported: a family that comes from `getaddrinfo()` results or a parameter; code that
    also handles IPv6 (the enclosing function - or at module level, the enclosing top-level
    statement - mentions `AF_INET6`, `has_ipv6`, `IPPROTO_IPV6` or an `ipv6` flag), since
    the AF_INET branch is then one half of a dual-stack program; `AF_UNIX` and other
    families. The finding can be ignored for protocols that are IPv4 by definition (DHCPv4,
    raw IPv4 packets).
    """

    code = "V6101"
    name = "af-inet-socket"
    summary = "Socket created with the IPv4-only AF_INET family"
    message = "socket created with AF_INET can only reach IPv4 peers"
    severity = Severity.WARNING
    precision = "high"
    fix_safety = FixSafety.UNSAFE
    tags = ("sockets",)
    # The family must resolve to the constant, so its name is in the file (imports included).
    triggers = (b"AF_INET", b"PF_INET")

    VALID = (
        # The family comes from getaddrinfo results.
        "import socket\n"
        "for af, kind, proto, _, sa in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):\n"
        "    s = socket.socket(af, kind, proto)\n",
        "import socket\ninfo = socket.getaddrinfo(h, p)[0]\ns = socket.socket(info[0], info[1])",
        # A dual-stack function: the AF_INET branch is one half of it.
        "import socket\n"
        "def make(host):\n"
        "    if ':' in host:\n"
        "        return socket.socket(socket.AF_INET6)\n"
        "    return socket.socket(socket.AF_INET)\n",
        "import socket\n"
        "def make():\n"
        "    if socket.has_ipv6:\n"
        "        return socket.socket(socket.AF_INET6)\n"
        "    return socket.socket(socket.AF_INET)\n",
        # AF_INET in a comparison, not a socket.
        "import socket\nif sock.family == socket.AF_INET:\n    pass",
        "import socket\ns = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)",
        # A parameter named like the family is not the constant.
        "import socket\ndef f(AF_INET):\n    return socket.socket(AF_INET)",
        # A FAMILY constant assigned twice is not a fact.
        "import socket\nFAMILY = socket.AF_INET\nFAMILY = socket.AF_INET6\ns = socket.socket(FAMILY)",
        # Another module's socket() function.
        "import zmq\nctx = zmq.Context()\ns = ctx.socket(zmq.AF_INET)",
    )
    INVALID = (
        Invalid(
            "import socket\n"
            "s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n"
            "s.connect((host, port))\n"
            "s.sendall(b'ping')\n",
            fixed="import socket\n"
            "s = socket.create_connection((host, port))\n"
            "s.sendall(b'ping')\n",
        ),
        Invalid(
            "import socket\n"
            "def ping(host, port):\n"
            "    with socket.socket(socket.AF_INET) as s:\n"
            "        s.connect((host, port))\n"
            "        s.sendall(b'ping')\n",
            fixed="import socket\n"
            "def ping(host, port):\n"
            "    with socket.create_connection((host, port)) as s:\n"
            "        s.sendall(b'ping')\n",
        ),
        # A server: no fix, only the report.
        "import socket\ns = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\ns.bind(('', 80))",
        "from socket import socket, PF_INET, SOCK_DGRAM\nu = socket(PF_INET, SOCK_DGRAM)",
        "import socket as so\ns = so.socket(family=so.AF_INET)",
        "import socket\nFAMILY = socket.AF_INET\ndef f():\n    return socket.socket(FAMILY)",
    )

    def visit_Call(self, node: cst.Call) -> None:
        if self.called_name(node, SOCKET_CONSTRUCTORS) is None:
            return
        family = argument(node, 0, "family")
        if family is None or not is_af_inet(self, family.value):
            return
        if handles_ipv6(self, node):
            return
        self.report(
            family.value,
            "socket created with AF_INET can only reach IPv4 peers; use"
            " socket.create_connection() for clients, or a family from getaddrinfo()",
            confidence=Confidence.HIGH,
            fix=self._connect_fix(node),
        )
