"""V6101: a socket created with the IPv4 address family."""

from __future__ import annotations

import re

import libcst as cst

from typing import Optional

from v6lint.model import Confidence, FixSafety, Severity
from v6lint.rules._base import Invalid, PendingFix, Rule, argument
from v6lint.rules._families import (
    ConnectFixMixin,
    address_host,
    handles_ipv6,
    ipv4_bind_host,
    is_af_inet,
    local_af_inet,
    iter_nodes,
    module_prefix,
)

SOCKET_CONSTRUCTORS = frozenset({"socket.socket", "_socket.socket"})


class AfInetSocket(ConnectFixMixin, Rule):
    """
    ## What it finds
    `socket.socket(socket.AF_INET, ...)` (or `PF_INET`, or `family=AF_INET`), also when the
    family comes from a module constant such as `FAMILY = socket.AF_INET`, and
    `m.socket(m.AF_INET, ...)` where the socket module is held in a variable or an
    attribute (`self.socket_module`, a green socket module): medium confidence, no fix.

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
    A server on every address: one dual-stack socket where the platform has them, the
    IPv4 socket where it does not:
    ```python
    if socket.has_dualstack_ipv6():
        sock = socket.create_server(("::", port), family=socket.AF_INET6, dualstack_ipv6=True)
    else:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("", port))
        sock.listen()
    ```
    Otherwise take the family from `getaddrinfo()` results:
    `for family, type, proto, _, addr in socket.getaddrinfo(...)`.

    ## Fix safety
    The fix (unsafe) is offered only for a TCP client whose very next statement is
    `sock.connect(address)`, written as `sock = socket.socket(AF_INET[, SOCK_STREAM])` or as
    `with socket.socket(...) as sock:`. It merges both into
    `socket.create_connection(address)`. It is not safe: the socket may now be AF_INET6, so
    `getpeername()`/`getsockname()` return 4-tuples and code unpacking `host, port` fails;
    when every address fails `create_connection` raises the last error (not necessarily the
    one `connect` raised) and the name is never bound, so an `except` block that closes
    `sock` breaks. Timeouts are the same (both use `socket.getdefaulttimeout()`).

    A second fix (unsafe) is offered for a TCP server written as consecutive lines of one
    block: `sock = socket.socket(AF_INET[, SOCK_STREAM])`, optionally
    `sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)`, `sock.bind((HOST, port))` with a tuple
    written in the call whose HOST is `""` or `"0.0.0.0"` (literal or module constant), and
    `sock.listen([backlog])`. The lines stay as they are in the `else` branch of
    `if socket.has_dualstack_ipv6():`, whose branch binds `("::", port)` with
    `create_server(..., family=AF_INET6, dualstack_ipv6=True[, backlog=...])` (an AF_INET6
    socket cannot bind "0.0.0.0"; "" would mean "::" too). Where the guard is false (no
    IPv6 in the kernel, or `IPV6_V6ONLY` cannot be cleared) the program runs the old code
    unchanged; on such an IPv6-only host it stays IPv4-only, no worse than before. Where
    the guard is true the socket is bound and listening on the same port for IPv4 clients,
    which arrive as `::ffff:a.b.c.d`, but it is not safe: the server is now reachable over
    IPv6 too (new exposure, other firewall rules); `getsockname()`/`accept()` return
    4-tuples, so code unpacking `host, port` fails; `sock.family` is AF_INET6;
    `create_server` sets `SO_REUSEADDR` on POSIX even when the old code did not (it only
    lets a restart bind over TIME_WAIT connections) and does not set it on Windows even
    when the old code did; and a failed bind closes the socket and raises `OSError` with
    the address in the message instead of leaving an open unbound socket. A specific
    address (`127.0.0.1`, a LAN address), another option, other statements between the
    lines or a port that reads the socket itself leave the finding without a fix.

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
    # The family is AF_INET/PF_INET written as an argument (followed by ``,`` or ``)``), or
    # a module constant ``FAMILY = socket.AF_INET`` (end of statement) that the argument
    # names, or a name imported ``as`` another: after the constant's name comes one of
    # those, never ``:``/``==``-style comparisons or ``AF_INET6``. The same pattern as
    # V6104's, so the prefilter scans it once for both.
    triggers = (re.compile(rb"F_INET\b(?:[ \t]*(?:[,);#\r\n]|\\|\Z)|\s+as\b)"),)

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
        # The server fix's own output: the AF_INET branch is the fallback of a dual-stack one.
        "import socket\n"
        "if socket.has_dualstack_ipv6():\n"
        "    s = socket.create_server(('::', 80), family=socket.AF_INET6, dualstack_ipv6=True)\n"
        "else:\n"
        "    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n"
        "    s.bind(('', 80))\n"
        "    s.listen()\n",
        # AF_INET in a comparison, not a socket.
        "import socket\nif sock.family == socket.AF_INET:\n    pass",
        "import socket\ns = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)",
        # A parameter named like the family is not the constant.
        "import socket\ndef f(AF_INET):\n    return socket.socket(AF_INET)",
        # A FAMILY constant assigned twice is not a fact.
        "import socket\nFAMILY = socket.AF_INET\nFAMILY = socket.AF_INET6\ns = socket.socket(FAMILY)",
        # Another module's socket() function.
        "import zmq\nctx = zmq.Context()\ns = ctx.socket(zmq.AF_INET)",
        # A local family chosen per address, or handed in by the caller.
        "import socket\ndef ping(host, port):\n    family = socket.AF_INET\n    if ':' in host:\n"
        "        family = socket.AF_INET6\n    s = socket.socket(family)\n    s.connect((host, port))",
        "import socket\ndef ping(host, port, family):\n    s = socket.socket(family)\n    s.connect((host, port))",
        "import socket\ndef ping(path, host, port):\n    family = socket.AF_UNIX if path else socket.AF_INET\n"
        "    return socket.socket(family)",
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
        Invalid(
            "import socket\n"
            "HOST = '0.0.0.0'\n"
            "def serve(port):\n"
            "    # every address\n"
            "    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n"
            "    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
            "    srv.bind((HOST, port))\n"
            "    srv.listen(5)\n"
            "    return srv.accept()\n",
            fixed="import socket\n"
            "HOST = '0.0.0.0'\n"
            "def serve(port):\n"
            "    # every address\n"
            "    if socket.has_dualstack_ipv6():\n"
            "        srv = socket.create_server(('::', port), family=socket.AF_INET6,"
            " dualstack_ipv6=True, backlog=5)\n"
            "    else:\n"
            "        srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n"
            "        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
            "        srv.bind((HOST, port))\n"
            "        srv.listen(5)\n"
            "    return srv.accept()\n",
        ),
        Invalid(
            'import socket\ns = socket.socket(socket.AF_INET)\ns.bind(("", 80))\ns.listen()\n',
            fixed="import socket\n"
            "if socket.has_dualstack_ipv6():\n"
            '    s = socket.create_server(("::", 80), family=socket.AF_INET6,'
            " dualstack_ipv6=True)\n"
            "else:\n"
            "    s = socket.socket(socket.AF_INET)\n"
            '    s.bind(("", 80))\n'
            "    s.listen()\n",
        ),
        # Servers reported without a fix: bound but never listening (yet) here; bound to one
        # IPv4 address, which has no dual-stack twin; another option between the lines.
        "import socket\ns = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\ns.bind(('', 80))",
        "import socket\n"
        "s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n"
        "s.bind(('127.0.0.1', 8080))\n"
        "s.listen(5)\n",
        "import socket\n"
        "s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n"
        "s.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)\n"
        "s.bind(('', 8080))\n"
        "s.listen(5)\n",
        "from socket import socket, PF_INET, SOCK_DGRAM\nu = socket(PF_INET, SOCK_DGRAM)",
        "import socket as so\ns = so.socket(family=so.AF_INET)",
        # A socket module reached through an attribute (pymemcache's socket_module).
        "class Client:\n"
        "    def connect(self):\n"
        "        return self.socket_module.socket(self.socket_module.AF_INET,\n"
        "                                         self.socket_module.SOCK_STREAM)\n",
        "import socket\nFAMILY = socket.AF_INET\ndef f():\n    return socket.socket(FAMILY)",
        # The family held in a local first.
        Invalid(
            "import socket\ndef ping(host, port):\n    family = socket.AF_INET\n"
            "    s = socket.socket(family, socket.SOCK_STREAM)\n    s.connect((host, port))\n    return s",
            fixed="import socket\ndef ping(host, port):\n    family = socket.AF_INET\n"
            "    s = socket.create_connection((host, port))\n    return s",
        ),
    )

    def visit_Call(self, node: cst.Call) -> None:
        family = argument(node, 0, "family")
        if family is None:
            return
        resolved = self.called_name(node, SOCKET_CONSTRUCTORS) is not None
        if resolved:
            if not is_af_inet(self, family.value) and not local_af_inet(self, family.value):
                return
        elif not _same_module_object(self, node.func, family.value):
            return
        if handles_ipv6(self, node):
            return
        self.report(
            family.value,
            "socket created with AF_INET can only reach IPv4 peers; use"
            " socket.create_connection() for clients, or a family from getaddrinfo()",
            confidence=Confidence.HIGH if resolved else Confidence.MEDIUM,
            # The fixes name the socket module, which only an import tells.
            fix=(self._connect_fix(node) or self._listen_fix(node)) if resolved else None,
        )

    # -- the server fix: socket() [+ setsockopt(SO_REUSEADDR)] + bind(("", port)) + listen()

    def _method_call(
        self, statement: cst.BaseStatement, target: str, method: str
    ) -> Optional[cst.Call]:
        """The call when ``statement`` is exactly ``target.method(...)`` on its own line."""
        if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
            return None
        expr = statement.body[0]
        if not isinstance(expr, cst.Expr) or not isinstance(expr.value, cst.Call):
            return None
        call = expr.value
        func = call.func
        if not (
            isinstance(func, cst.Attribute)
            and func.attr.value == method
            and isinstance(func.value, cst.Name)
            and func.value.value == target
        ):
            return None
        if any(arg.star or arg.keyword is not None for arg in call.args):
            return None
        return call

    def _is_reuseaddr(self, call: cst.Call) -> bool:
        """``setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)``: what create_server() sets on POSIX."""
        if len(call.args) != 3:
            return False
        level, option, value = (arg.value for arg in call.args)
        return (
            self.resolves_to(level, {"socket.SOL_SOCKET"})
            and self.resolves_to(option, {"socket.SO_REUSEADDR"})
            and (
                (isinstance(value, cst.Integer) and value.value == "1")
                or (isinstance(value, cst.Name) and value.value == "True")
            )
        )

    def _listen_fix(self, call: cst.Call) -> Optional[PendingFix]:
        """``s = socket.socket(AF_INET[, SOCK_STREAM])``, optionally
        ``s.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)``, ``s.bind((HOST, port))`` with HOST ""
        or "0.0.0.0", ``s.listen([backlog])``, consecutive in one block: the same four lines
        become the else branch of ``if socket.has_dualstack_ipv6(): s = create_server(...)``."""
        if not self._is_plain_tcp(call):
            return None
        assigned = self._assigned_socket(call)
        if assigned is None:
            return None
        name, block, body, index = assigned.name, assigned.block, assigned.body, assigned.index
        end = index + 1
        following = body[end] if end < len(body) else None
        option = self._method_call(following, name, "setsockopt") if following else None
        if option is not None:
            if not self._is_reuseaddr(option):
                return None
            end += 1
        bind = self._method_call(body[end], name, "bind") if end < len(body) else None
        listen = (
            self._method_call(body[end + 1], name, "listen") if end + 1 < len(body) else None
        )
        if bind is None or listen is None or len(bind.args) != 1 or len(listen.args) > 1:
            return None
        address = bind.args[0].value
        # A tuple written in the call: its port goes into the new call as it stands.
        if not isinstance(address, cst.Tuple) or len(address.elements) != 2:
            return None
        host_element, port_element = address.elements
        if ipv4_bind_host(self, address_host(self, address)) not in ("", "0.0.0.0"):
            return None
        if not isinstance(port_element, cst.Element):
            return None
        backlog = listen.args[0].value if listen.args else None
        # The port and backlog are now evaluated before the socket exists.
        for expr in (port_element.value, backlog):
            if expr is not None and any(
                isinstance(node, cst.Name) and node.value == name for node in iter_nodes(expr)
            ):
                return None
        prefix, imports = module_prefix(self, call, "socket")
        code = self.context.module.code_for_node
        quote = '"' if code(host_element.value).lstrip("rRuU").startswith('"') else "'"
        extra = f", backlog={code(backlog)}" if backlog is not None else ""
        dual = cst.parse_statement(
            f"{name} = {prefix}.create_server(({quote}::{quote}, {code(port_element.value)}),"
            f" family={prefix}.AF_INET6, dualstack_ipv6=True{extra})\n",
            config=self.context.module.config_for_parsing,
        )
        old = body[index : end + 2]
        guarded = cst.If(
            test=cst.parse_expression(f"{prefix}.has_dualstack_ipv6()"),
            body=cst.IndentedBlock(body=[dual]),
            orelse=cst.Else(
                body=cst.IndentedBlock(body=[old[0].with_changes(leading_lines=()), *old[1:]])
            ),
            leading_lines=old[0].leading_lines,
        )
        new_body = body[:index] + [guarded] + body[end + 2 :]
        return PendingFix(
            "Listen dual-stack where socket.has_dualstack_ipv6()",
            FixSafety.UNSAFE,
            [(block, block.with_changes(body=new_body))],
            imports=imports,
        )


def _same_module_object(rule: Rule, func: cst.BaseExpression, family: cst.BaseExpression) -> bool:
    """``m.socket(m.AF_INET, ...)`` where ``m`` is a socket module held in a variable or an
    attribute (``self.socket_module``, eventlet's or gevent's green socket): no import to
    resolve, but the call and its family come from the same object."""
    if not (
        isinstance(func, cst.Attribute)
        and func.attr.value == "socket"
        and isinstance(family, cst.Attribute)
        and family.attr.value in ("AF_INET", "PF_INET")
    ):
        return False
    code = rule.context.module.code_for_node
    return code(func.value) == code(family.value)
