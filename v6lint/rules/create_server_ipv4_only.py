"""V6105: socket.create_server() on an IPv4 address with the default (IPv4) family."""

from __future__ import annotations

import re
from typing import Optional

import libcst as cst

from v6lint.model import Confidence, FixSafety, Severity
from v6lint.rules._base import Invalid, PendingFix, Rule, argument, keyword_argument
from v6lint.rules._families import address_host, handles_ipv6, ipv4_bind_host, module_prefix

# Parents under which a conditional expression needs no parentheses.
_BARE_OK = (cst.Assign, cst.AnnAssign, cst.WithItem, cst.Arg, cst.Return, cst.Expr, cst.Element)


class CreateServerIpv4Only(Rule):
    """
    ## What it finds
    `socket.create_server(address)` without a `family=` argument where the host of `address`
    is `""`, `"0.0.0.0"` or another IPv4 literal (also through a module constant such as
    `HOST = "0.0.0.0"`).

    ## Why it breaks on IPv6
    `create_server` defaults to `family=AF_INET`. Such a server accepts IPv4 clients only:
    on an IPv6-only network nobody can reach it, and on a dual-stack host clients that
    resolve the name to its AAAA record first get "connection refused".

    ## Example
    ```python
    server = socket.create_server(("", 8080))
    ```

    ## Fix
    Listen on IPv6 with IPv4 accepted on the same socket when the platform supports it, and
    keep the IPv4 server where it does not:
    ```python
    server = (
        socket.create_server(("::", 8080), family=socket.AF_INET6, dualstack_ipv6=True)
        if socket.has_dualstack_ipv6()
        else socket.create_server(("", 8080))
    )
    ```

    ## Fix safety
    Unsafe, offered only for the all-interfaces hosts `""` and `"0.0.0.0"` (a loopback or
    other specific IPv4 address has no dual-stack equivalent on one socket). The guard keeps
    the old server on hosts without IPv6 or dual-stack support, so the program still starts
    there (an unguarded `family=AF_INET6` would raise `EAFNOSUPPORT` on an IPv4-only host).
    Where the guard is true the behaviour changes: the server becomes reachable over IPv6
    (new exposure, other firewall rules apply), and `accept()`/`getsockname()` return
    4-tuples with IPv4 clients shown as `::ffff:a.b.c.d`, which breaks code that unpacks
    `host, port` or compares the peer with IPv4 strings.

    ## Exceptions
    Not reported: an explicit `family=` (AF_INET there is V6104), a host that is a name,
    a variable or an IPv6 literal, and code that also handles IPv6 (the enclosing function
    or top-level statement mentions `AF_INET6`, `has_dualstack_ipv6` or an `ipv6` flag). A
    server bound to `127.0.0.1` on purpose (a local-only helper) may be ignored if its
    clients always connect to `127.0.0.1`, never to `localhost`.
    """

    code = "V6105"
    name = "create-server-ipv4-only"
    summary = "socket.create_server() on an IPv4 address with the default IPv4 family"
    message = "create_server() defaults to AF_INET: this server accepts IPv4 clients only"
    severity = Severity.WARNING
    precision = "very-high"
    fix_safety = FixSafety.UNSAFE
    tags = ("sockets", "servers")
    # A call of ``create_server`` (``socket.create_server(``, ``s.create_server(``, a bare
    # imported name) or an import under another name. An event loop's method
    # (``loop.create_server(``, ``self._loop.create_server(``) never is socket's: only a
    # module imported ``as loop`` could make it so.
    triggers = (re.compile(rb"create_server(?<!loop\.create_server)(?:\s*\(|\s+as\b)"),)

    VALID = (
        "import socket\n"
        "s = socket.create_server(('::', 8000), family=socket.AF_INET6, dualstack_ipv6=True)",
        "import socket\ns = socket.create_server(('', 8000), family=socket.AF_INET6)",
        "import socket\ns = socket.create_server((host, 8000))",
        "import socket\ns = socket.create_server(('localhost', 8000))",
        "import socket\n"
        "if socket.has_dualstack_ipv6():\n"
        "    s = socket.create_server(('', 80), family=socket.AF_INET6, dualstack_ipv6=True)\n"
        "else:\n"
        "    s = socket.create_server(('', 80))\n",
        # An asyncio loop's create_server takes host and port, and its default is AF_UNSPEC.
        "import asyncio\n"
        "async def main(loop):\n"
        "    await loop.create_server(Proto, '', 8000)\n",
        # A HOST constant reassigned later is not a fact.
        "import socket\nHOST = '0.0.0.0'\nHOST = '::'\ns = socket.create_server((HOST, 1))",
    )
    INVALID = (
        Invalid(
            "import socket\nserver = socket.create_server(('', 8080))\n",
            fixed="import socket\n"
            "server = socket.create_server(('::', 8080), family=socket.AF_INET6,"
            " dualstack_ipv6=True) if socket.has_dualstack_ipv6()"
            " else socket.create_server(('', 8080))\n",
        ),
        Invalid(
            "import socket\n"
            "HOST = '0.0.0.0'\n"
            "with socket.create_server((HOST, 9000), backlog=5) as srv:\n"
            "    srv.accept()\n",
            fixed="import socket\n"
            "HOST = '0.0.0.0'\n"
            "with socket.create_server(('::', 9000), backlog=5, family=socket.AF_INET6,"
            " dualstack_ipv6=True) if socket.has_dualstack_ipv6()"
            " else socket.create_server((HOST, 9000), backlog=5) as srv:\n"
            "    srv.accept()\n",
        ),
        Invalid(
            "from socket import create_server\nconn, peer = create_server(('0.0.0.0', 1)).accept()\n",
            fixed="from socket import create_server\n"
            "import socket\n"
            "conn, peer = (socket.create_server(('::', 1), family=socket.AF_INET6,"
            " dualstack_ipv6=True) if socket.has_dualstack_ipv6()"
            " else create_server(('0.0.0.0', 1))).accept()\n",
        ),
        # A loopback-only server: reported, no fix.
        "import socket\nsrv = socket.create_server(('127.0.0.1', 0))",
    )

    def visit_Call(self, node: cst.Call) -> None:
        if self.called_name(node, {"socket.create_server"}) is None:
            return
        if any(arg.star for arg in node.args) or keyword_argument(node, "family"):
            return
        address = argument(node, 0, "address")
        if address is None:
            return
        host = ipv4_bind_host(self, address_host(self, address.value))
        if host is None or handles_ipv6(self, node):
            return
        shown = repr(host)
        self.report(
            address.value,
            f"create_server() on {shown} uses the default AF_INET family and accepts IPv4"
            " clients only; use family=socket.AF_INET6, dualstack_ipv6=True where"
            " socket.has_dualstack_ipv6()",
            confidence=Confidence.HIGH,
            fix=self._fix(node, address, host),
        )

    def _fix(self, node: cst.Call, address: cst.Arg, host: str) -> Optional[PendingFix]:
        if host not in ("", "0.0.0.0") or keyword_argument(node, "dualstack_ipv6"):
            return None
        prefix, imports = module_prefix(self, node, "socket")
        code = self.context.module.code_for_node
        if isinstance(address.value, cst.Tuple):
            element = address.value.elements[0]
            quote = '"' if code(element.value).lstrip("rRuU").startswith('"') else "'"
            new_address: cst.BaseExpression = address.value.with_deep_changes(
                element, value=cst.SimpleString(f"{quote}::{quote}")
            )
        elif host == "":
            new_address = address.value  # AF_INET6 binds "" as "::"
        else:
            new_address = cst.parse_expression(f"('::', {code(address.value)}[1])")
        args = [
            arg.with_changes(value=new_address, keyword=None, equal=cst.MaybeSentinel.DEFAULT)
            if arg is address
            else arg
            for arg in node.args
        ]
        args[-1] = args[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        args += [
            cst.Arg(cst.parse_expression(f"{prefix}.AF_INET6"), keyword=cst.Name("family")),
            cst.Arg(cst.Name("True"), keyword=cst.Name("dualstack_ipv6")),
        ]
        args = [
            arg.with_changes(
                equal=cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace(""))
            )
            if arg.keyword is not None
            else arg
            for arg in args
        ]
        dual = cst.Call(func=cst.parse_expression(f"{prefix}.create_server"), args=args)
        old = node.with_changes(lpar=[], rpar=[])
        guarded = cst.IfExp(
            test=cst.parse_expression(f"{prefix}.has_dualstack_ipv6()"),
            body=dual,
            orelse=old,
            lpar=node.lpar,
            rpar=node.rpar,
        )
        parent = self.parent(node)
        if not node.lpar and not isinstance(parent, _BARE_OK):
            guarded = guarded.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
        return PendingFix(
            "Listen dual-stack where socket.has_dualstack_ipv6()",
            FixSafety.UNSAFE,
            [(node, guarded)],
            imports=imports,
        )
