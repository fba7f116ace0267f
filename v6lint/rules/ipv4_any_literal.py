"""V6402: "0.0.0.0" used as a bind address, a default or a destination."""

from __future__ import annotations

import re

import libcst as cst

from v6lint.model import Severity
from v6lint.rules._addresses import LiteralRule, Usage, describe
from v6lint.rules._vocabulary import LiteralAddress
from v6lint.rules._base import Invalid
from v6lint.rules._protocols import ipv4_protocol_field


class Ipv4AnyLiteral(LiteralRule):
    """
    ## What it finds
    The IPv4 wildcard `"0.0.0.0"` (alone or as `"0.0.0.0:8000"`) where the code uses it as an
    address: the host of a `bind`/`connect` tuple, `socket.create_server`, a
    `socketserver`/`http.server`/`xmlrpc.server` server address, a `host=`/`bind=`/`listen=`
    keyword, the default of a `--host` option, of `os.getenv("HOST", ...)` or of a `host`
    parameter, a value stored under an address-like name or config key (`BIND_ADDR`,
    `{"listen": ...}`), and URLs such as `"http://0.0.0.0:8000/"`. Module-level constants are
    followed to where they are used.

    ## Why it breaks on IPv6
    `0.0.0.0` means "every IPv4 interface" and nothing else. A server bound to it is not
    reachable over IPv6 at all, and on an IPv6-only host the bind fails outright (there is no
    IPv4 address family to bind). As a destination, `0.0.0.0` reaches the local host over
    IPv4 only (a Linux quirk that other systems do not share).

    ## Example
    ```python
    server = socketserver.TCPServer(("0.0.0.0", 8000), Handler)
    parser.add_argument("--host", default="0.0.0.0")
    ```

    ## Fix
    Listen on both families. With the standard library:
    ```python
    if socket.has_dualstack_ipv6():
        sock = socket.create_server(("", 8000), family=socket.AF_INET6, dualstack_ipv6=True)
    else:
        sock = socket.create_server(("", 8000))
    ```
    A `socketserver` subclass gets `address_family = socket.AF_INET6` and binds `"::"` after
    clearing `IPV6_V6ONLY` (as `http.server`'s `DualStackServer` does). asyncio servers take
    `host=None`, which binds every family. For an option default, use `"::"` where the server
    that consumes it is dual-stack, or `None`/`""` meaning "all interfaces".

    ## Fix safety
    No automatic fix: `"::"` only works on an `AF_INET6` socket, and most of these literals
    feed an `AF_INET` socket created elsewhere (socketserver's default, a raw `socket()`),
    so swapping the literal alone would make the bind fail. Where the framework is known and
    binds `"::"` dual-stack, V6801 reports the literal and offers the rewrite.

    ## Exceptions
    Not reported: comparisons such as `if host == "0.0.0.0": host = "localhost"` (they
    usually turn the wildcard into something connectable), prose, comments, docstrings,
    values listed together with an IPv6 form (`["0.0.0.0", "::"]`), framework binds (V6801)
    and `local_address=`/`source_address=` (V6901). URL- and host:port-shaped strings handed
    to `print()`, logging calls, `str.format()` or `%` are text for people, not endpoints,
    unless their name says address. `"0.0.0.0" if host is None else host` is the usual label
    of asyncio's host=None (every family) and is skipped too. In test code only literals
    that reach a socket call are reported, with low confidence. The finding can be ignored for services
    that are deliberately IPv4-only (a DHCPv4 server) or that listen only inside a
    container whose network is IPv4-only by design. The default of a SOCKS4 reply's address
    field and of a DNS `A`/`WKS` record's data (see `_protocols.py`) is not reported.
    """

    code = "V6402"
    name = "ipv4-any-literal"
    summary = "IPv4 wildcard 0.0.0.0 used as a bind address or default"
    message = '"0.0.0.0" binds IPv4 only; listen dual-stack on "::" or with host=None'
    severity = Severity.WARNING
    precision = "high"
    fix_safety = None
    tags = ("literal", "bind")
    # "0.0.0.0" where a literal reported here has it: at the start of the string (a quote
    # before it), after "//" or "user@" (a URL) or "host=" (a DSN), with no digit or dot after.
    triggers = (re.compile(rb"""0\.0\.0\.0(?<=["'/@=]0\.0\.0\.0)(?![\d.])"""),)
    kinds = ("any",)
    report_comparisons = False

    VALID = (
        'if host == "0.0.0.0":\n    host = "localhost"',
        '"""Bind to 0.0.0.0 to listen everywhere."""',
        'print("Serving on 0.0.0.0:8000")',
        'LISTEN = ["0.0.0.0", "::"]',
        'NETMASK = "0.0.0.0"',
        'version = "0.0.0.0"',
        # Owned by V6901 (pinning) and V6801 (framework bind).
        'import httpx\nhttpx.HTTPTransport(local_address="0.0.0.0")',
        'from flask import Flask\napp = Flask(__name__)\napp.run(host="0.0.0.0")',
    )
    INVALID = (
        Invalid('import socketserver\nsocketserver.TCPServer(("0.0.0.0", 8000), Handler)'),
        Invalid('sock.bind(("0.0.0.0", port))'),
        Invalid('import os\nHOST = os.environ.get("HOST", "0.0.0.0")'),
        Invalid('parser.add_argument("-H", "--host", default="0.0.0.0")'),
        Invalid('BIND_ADDR = "0.0.0.0"'),
        Invalid('ADDRESS = ("0.0.0.0", 9000)\nsock.bind(ADDRESS)'),
        Invalid('CONFIG = {"listen": "0.0.0.0:8080"}'),
        Invalid('def start(bind_host="0.0.0.0"):\n    pass'),
    )

    def on_address(self, node: cst.CSTNode, address: LiteralAddress, usage: Usage) -> None:
        if ipv4_protocol_field(self, node):
            return  # the default of a SOCKS4 or DNS A/WKS field, not a bind address
        where = describe(usage)
        if usage.role == "client" or "url" in address.form:
            message = (
                f'"0.0.0.0" as a destination ({where}) reaches the local host over IPv4 only;'
                ' connect to "localhost" instead'
            )
        else:
            message = (
                f'"0.0.0.0" ({where}) listens on IPv4 only and fails on an IPv6-only host; bind'
                ' "::" on a dual-stack socket (IPV6_V6ONLY cleared) or pass host=None to'
                " APIs that bind every family"
            )
        self.report(node, message, confidence=usage.confidence)
