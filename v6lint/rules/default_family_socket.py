"""V6102: a socket created without a family, which defaults to IPv4."""

from __future__ import annotations

import re

import libcst as cst

from v6lint.model import Confidence, FixSafety, Severity
from v6lint.rules._base import Invalid, Rule, argument, keyword_argument
from v6lint.rules._families import ConnectFixMixin, handles_ipv6

SOCKET_CONSTRUCTORS = frozenset({"socket.socket", "_socket.socket"})


class DefaultFamilySocket(ConnectFixMixin, Rule):
    """
    ## What it finds
    `socket.socket()` called without a family, positionally or as `family=`, e.g.
    `socket.socket()` or `socket.socket(type=socket.SOCK_DGRAM)`.

    ## Why it breaks on IPv6
    The default family of `socket.socket()` is `AF_INET`, so the socket is IPv4-only without
    the code saying so. On an IPv6-only host connecting it to a name with only AAAA records
    fails, an IPv6 literal raises `socket.gaierror`, and on a kernel without legacy IP the
    call itself fails.

    ## Example
    ```python
    sock = socket.socket()
    sock.connect((host, port))
    ```

    ## Fix
    For a client, `socket.create_connection((host, port))`, which tries every address
    `getaddrinfo()` returns:
    ```python
    sock = socket.create_connection((host, port))
    ```
    For a server, `socket.create_server(("", port), family=socket.AF_INET6,
    dualstack_ipv6=True)` where `socket.has_dualstack_ipv6()`; otherwise pass the family of
    the address at hand.

    ## Fix safety
    The same unsafe fix as V6101, under the same conditions (a TCP client socket whose next
    statement is `sock.connect(address)`): the socket may become AF_INET6, which changes
    `getpeername()` results to 4-tuples, and on failure `create_connection` raises the last
    error and never binds the name.

    ## Exceptions
    Not reported: `socket.socket(fileno=fd)` (the family is read from the descriptor),
    Python 2's `socket.socket(_sock=s)` (it wraps `s`, whatever its family),
    `socket.fromfd()`, calls with `*args`/`**kwargs`, and code that also handles IPv6 (the
    enclosing function, or the enclosing top-level statement, mentions `AF_INET6`,
    `has_ipv6` or an `ipv6` flag). It can be ignored for sockets used only for a local,
    IPv4-by-design purpose, such as a throwaway socket for `setsockopt` probing in a test.
    """

    code = "V6102"
    name = "default-family-socket"
    summary = "Socket created without a family, which defaults to IPv4"
    message = "socket.socket() without a family creates an IPv4-only AF_INET socket"
    severity = Severity.WARNING
    precision = "high"
    fix_safety = FixSafety.UNSAFE
    tags = ("sockets",)
    # A report needs a constructor call with no positional argument: ``x.socket(`` or
    # ``socket(`` followed (past blanks, comments, continuations) by ``)`` or a keyword
    # argument. Or the constructor imported under another name
    # (``from socket import socket as S`` / ``from _socket import (..., socket as S)``).
    triggers = (
        re.compile(rb"socket[ \t]*\((?:\s|#[^\n]*|\\\r?\n)*(?:\)|\w+\s*=(?!=))"),
        re.compile(
            rb"from[ \t]+_?socket[ \t]+import\b(?:[^\n()\\]|\\.|\([^)]*)*?\bsocket\s+as\b", re.S
        ),
    )

    VALID = (
        "import socket\ns = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)",
        "import socket\ns = socket.socket(fileno=fd)",
        "import socket\ns = socket.socket(None, None, None, fd)",
        "import socket\ns = socket.fromfd(fd, family, kind)",
        "import socket\ns = socket.socket(*args)",
        "import socket\ns = socket.socket(**options)",
        "import socket\nfor af, kind, proto, _, sa in socket.getaddrinfo(h, p):\n"
        "    s = socket.socket(af, kind, proto)",
        # The function handles IPv6 too (a has_ipv6 check).
        "import socket\n"
        "def probe():\n"
        "    if socket.has_ipv6:\n"
        "        return socket.socket(socket.AF_INET6)\n"
        "    return socket.socket()\n",
        # Not the socket module's socket.
        "import ssl\nctx = ssl.create_default_context()\nctx.wrap_socket(raw).socket()",
        "class Pool:\n    def socket(self): ...\nPool().socket()",
    )
    INVALID = (
        Invalid(
            "import socket\n"
            "def fetch(host):\n"
            "    sock = socket.socket()\n"
            "    sock.connect((host, 80))\n"
            "    return sock.recv(10)\n",
            fixed="import socket\n"
            "def fetch(host):\n"
            "    sock = socket.create_connection((host, 80))\n"
            "    return sock.recv(10)\n",
        ),
        "import socket\nu = socket.socket(type=socket.SOCK_DGRAM)",
        "from socket import socket\nlistener = socket()\nlistener.bind(('', 0))",
        "import socket as s\nsock = s.socket(proto=0)",
    )

    def visit_Call(self, node: cst.Call) -> None:
        if self.called_name(node, SOCKET_CONSTRUCTORS) is None:
            return
        if any(arg.star for arg in node.args):
            return
        if argument(node, 0, "family") is not None or keyword_argument(node, "fileno"):
            return
        if keyword_argument(node, "_sock"):
            return  # Python 2's socket(_sock=s) wraps an existing socket of s's family
        if handles_ipv6(self, node):
            return
        self.report(
            node,
            "socket.socket() without a family creates an IPv4-only AF_INET socket; use"
            " socket.create_connection() for clients, or pass a family from getaddrinfo()",
            confidence=Confidence.HIGH,
            fix=self._connect_fix(node),
        )
