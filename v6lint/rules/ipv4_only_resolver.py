"""V6201: name resolution that can only return IPv4 addresses."""

from __future__ import annotations

import re

import libcst as cst

from typing import Optional

from v6lint.model import FixSafety, Severity
from v6lint.rules._base import Invalid, PendingFix, Rule
from v6lint.rules._families import module_prefix
from v6lint.rules._protocols import ipv4_protocol_field

RESOLVERS = {
    "socket.gethostbyname": "returns one IPv4 address as a string",
    "socket.gethostbyname_ex": "returns IPv4 addresses only",
}


class Ipv4OnlyResolver(Rule):
    """
    ## What it finds
    Calls to `socket.gethostbyname()` and `socket.gethostbyname_ex()`, however they were
    imported (`from socket import gethostbyname as resolve` is found too).

    ## Why it breaks on IPv6
    Both functions ask the resolver for A records only. On an IPv6-only host a name that has
    only AAAA records fails with `socket.gaierror`, and a dual-stack name is always reached
    over IPv4. An IPv6 literal such as `"::1"` is rejected outright.

    ## Example
    ```python
    import socket
    address = socket.gethostbyname(host)
    sock = socket.socket()
    sock.connect((address, port))
    ```

    ## Fix
    Resolve with `socket.getaddrinfo()`, which returns every address of both families, and
    try them in order; to connect, `socket.create_connection((host, port))` does exactly that:
    ```python
    sock = socket.create_connection((host, port))
    ```
    When only a printable address is wanted, take `getaddrinfo(host, None)[0][4][0]`.

    ## Fix safety
    `gethostbyname(host)` gets an unsafe fix:
    `socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)[0][4][0]`, the first address
    in the system's preferred order, of either family, as a string. The type stays `str`,
    and unknown names still raise `socket.gaierror`, but the result may now be IPv6 text
    (even `::1` for `localhost`, or `fe80::1%eth0` with a scope): code that puts it into
    `"%s:%d"`, an AF_INET socket or an IPv4-only field breaks. `gethostbyname("")` returned
    `"0.0.0.0"` and `"<broadcast>"` `"255.255.255.255"`; `getaddrinfo` rejects both. Where
    the result is only used to connect, `socket.create_connection((host, port))` is the
    better rewrite (by hand). `gethostbyname_ex` returns a triple and gets no fix.

    ## Exceptions
    `socket.gethostbyaddr()` and `socket.getfqdn()` handle both families and are not reported.
    The finding can be ignored in code that talks to an IPv4-only protocol on purpose (for
    example a DHCPv4 client). A name resolved only to be packed by `inet_aton` into a SOCKS4
    request (a `socks4`-named scope that packs the SOCKS4 header, see `_protocols.py`) is
    not reported; resolving the proxy's own address there still is.
    """

    code = "V6201"
    name = "ipv4-only-resolver"
    summary = "Name resolution that returns IPv4 addresses only"
    message = "gethostbyname() resolves IPv4 addresses only; use getaddrinfo() or create_connection()"
    severity = Severity.WARNING
    precision = "very-high"
    fix_safety = FixSafety.UNSAFE
    tags = ("resolver",)
    # A call (``gethostbyname(``, ``gethostbyname_ex (``) or an import under another name;
    # not mentions in prose, strings or mock targets.
    triggers = (re.compile(rb"gethostbyname(?:_ex)?(?:\s*\(|\s+as\b)"),)

    VALID = (
        "import socket\nsocket.getaddrinfo(host, 80)",
        "import socket\nsocket.gethostbyaddr(ip)",
        "import socket\nsocket.getfqdn()",
        # A method of some other object that happens to share the name.
        "class Resolver:\n    def gethostbyname(self, h): ...\nResolver().gethostbyname('x')",
        # A local function shadows the import.
        "def gethostbyname(host):\n    return host\ngethostbyname('example.org')",
        # Mentioning the function is not calling it.
        "import socket\nRESOLVE = 'socket.gethostbyname'",
    )
    INVALID = (
        Invalid(
            "import socket\naddress = socket.gethostbyname(host)\n",
            fixed="import socket\n"
            "address = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)[0][4][0]\n",
        ),
        Invalid(
            "import socket as s\nprint(s.gethostbyname('example.org'))\n",
            fixed="import socket as s\n"
            "print(s.getaddrinfo('example.org', None, type=s.SOCK_STREAM)[0][4][0])\n",
        ),
        "import socket as s\nnames = s.gethostbyname_ex(host)",
        Invalid(
            "from socket import gethostbyname as resolve\nresolve('example.org')",
            fixed="from socket import gethostbyname as resolve\nimport socket\n"
            "socket.getaddrinfo('example.org', None, type=socket.SOCK_STREAM)[0][4][0]",
        ),
    )

    def visit_Call(self, node: cst.Call) -> None:
        name = self.called_name(node, RESOLVERS)
        if name is None:
            return
        if ipv4_protocol_field(self, node):
            return  # the text inet_aton packs into a SOCKS4 request
        function = name.rsplit(".", 1)[1]
        self.report(
            node,
            f"{function}() {RESOLVERS[name]}; use socket.getaddrinfo() or"
            " socket.create_connection() to reach IPv6 hosts too",
            fix=self._fix(node) if function == "gethostbyname" else None,
        )

    def _fix(self, node: cst.Call) -> Optional[PendingFix]:
        if len(node.args) != 1 or node.args[0].star or node.args[0].keyword is not None:
            return None
        prefix, imports = module_prefix(self, node, "socket")
        host = self.context.module.code_for_node(node.args[0].value)
        new = cst.parse_expression(
            f"{prefix}.getaddrinfo({host}, None, type={prefix}.SOCK_STREAM)[0][4][0]"
        ).with_changes(lpar=node.lpar, rpar=node.rpar)
        return PendingFix(
            "Resolve with getaddrinfo() (first address of either family)",
            FixSafety.UNSAFE,
            [(node, new)],
            imports=imports,
        )
