"""V6301: standard-library server classes whose address_family defaults to AF_INET."""

from __future__ import annotations

import dataclasses
import re
from typing import Optional

import libcst as cst
from libcst.metadata import ScopeProvider

from v6lint.model import Confidence, FixSafety, Severity
from v6lint.rules._base import Invalid, PendingFix, Rule, argument, string_value
from v6lint.rules._families import (
    IPV6_WORDS,
    address_host,
    handles_ipv6,
    is_af_inet,
    mentions_ipv6,
)

_SOCKETSERVER = ("TCPServer", "UDPServer", "ThreadingTCPServer", "ForkingTCPServer",
                 "ThreadingUDPServer", "ForkingUDPServer")
SERVER_CLASSES = frozenset(
    {f"socketserver.{name}" for name in _SOCKETSERVER}
    | {f"SocketServer.{name}" for name in _SOCKETSERVER}  # Python 2 spelling
    | {
        "http.server.HTTPServer",
        "http.server.ThreadingHTTPServer",
        "BaseHTTPServer.HTTPServer",
        "wsgiref.simple_server.WSGIServer",
        "xmlrpc.server.SimpleXMLRPCServer",
        "xmlrpc.server.DocXMLRPCServer",
        "xmlrpc.server.MultiPathXMLRPCServer",
        "SimpleXMLRPCServer.SimpleXMLRPCServer",
        "DocXMLRPCServer.DocXMLRPCServer",
    }
)
MAKE_SERVER = frozenset({"wsgiref.simple_server.make_server"})
_SERVER_CALLS = SERVER_CLASSES | MAKE_SERVER
# Bases that never set the family: mixing them in changes nothing.
NEUTRAL_BASES = frozenset(
    {
        "builtins.object",
        "socketserver.ThreadingMixIn",
        "socketserver.ForkingMixIn",
        "socketserver.BaseServer",
        "SocketServer.ThreadingMixIn",
        "SocketServer.ForkingMixIn",
        "xmlrpc.server.SimpleXMLRPCDispatcher",
        "xmlrpc.server.XMLRPCDocGenerator",
        "xmlrpc.server.MultiPathXMLRPCServer",
    }
)
_KNOWN_BASES = SERVER_CLASSES | NEUTRAL_BASES
_IPV6_WORD = re.compile(r"ipv6|inet6|dual", re.IGNORECASE)

_DUAL_STACK_MEMBERS = """\
address_family = {p}.AF_INET6 if {p}.has_dualstack_ipv6() else {p}.AF_INET

def server_bind(self):
    if self.address_family == {p}.AF_INET6:
        self.socket.setsockopt({p}.IPPROTO_IPV6, {p}.IPV6_V6ONLY, 0)
    super().server_bind()
"""


@dataclasses.dataclass
class _Class:
    node: cst.ClassDef
    stdlib_base: Optional[str] = None  # the first standard server class among the bases
    local_bases: list = dataclasses.field(default_factory=list)  # cst.ClassDef
    unknown_bases: list = dataclasses.field(default_factory=list)  # spellings
    family: Optional[str] = None  # "ipv4" | "other" | None: what the class itself sets


class Ipv4DefaultServerClass(Rule):
    """
    ## What it finds
    Standard-library servers that listen with `address_family = AF_INET` because nobody
    changed the default: instantiations of `socketserver.TCPServer`, `UDPServer`,
    `ThreadingTCPServer`, `ForkingTCPServer`, `ThreadingUDPServer`, `ForkingUDPServer`,
    `http.server.HTTPServer`, `ThreadingHTTPServer`, `wsgiref.simple_server.WSGIServer`,
    `xmlrpc.server.SimpleXMLRPCServer`, `DocXMLRPCServer`, `MultiPathXMLRPCServer`;
    `wsgiref.simple_server.make_server()` without an IPv6-capable `server_class`; and
    subclasses of them (mixins such as `ThreadingMixIn` included) that do not set
    `address_family`. A subclass is reported at its `class` line, once: its instantiations
    and its own subclasses are not reported again.

    ## Why it breaks on IPv6
    These classes inherit `address_family = socket.AF_INET` from `socketserver.TCPServer`.
    The server binds IPv4 only: `("", 8000)` listens on 0.0.0.0, an IPv6 host such as `"::"`
    raises `socket.gaierror`, and on an IPv6-only host clients can never connect.

    ## Example
    ```python
    class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
        pass

    httpd = http.server.HTTPServer(("", 8000), Handler)
    ```

    ## Fix
    Subclass with an IPv6 family and accept IPv4 on the same socket (what
    `python -m http.server` itself does):
    ```python
    class DualStackServer(http.server.ThreadingHTTPServer):
        address_family = socket.AF_INET6

        def server_bind(self):
            with contextlib.suppress(OSError):
                self.socket.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
            super().server_bind()

    httpd = DualStackServer(("::", 8000), Handler)
    ```
    or set `address_family` from `socket.getaddrinfo(host, port, type=SOCK_STREAM)[0][0]`.

    ## Fix safety
    An unsafe fix is offered only at a subclass definition that sets neither
    `address_family` nor `server_bind`, and only when every use of the class in the file is
    an instantiation on host `""` (the bound address is then "all addresses" in either
    family). It adds `address_family = AF_INET6 if socket.has_dualstack_ipv6() else AF_INET`
    and a `server_bind` that clears `IPV6_V6ONLY`; the guard keeps AF_INET on hosts without
    dual-stack IPv6, where an AF_INET6 socket could not even be created. It is unsafe
    because on dual-stack hosts `client_address`/`server_address` become 4-tuples with IPv4
    clients shown as `::ffff:a.b.c.d` (handlers that unpack `host, port` or compare with IPv4
    strings break), the server becomes reachable over IPv6 (new exposure), and other modules
    that import the class with an IPv4 host such as `"0.0.0.0"` would fail to bind. Direct
    instantiations of the standard classes get no fix: that needs a new class.

    ## Exceptions
    Not reported: a subclass (in the same file) that sets `address_family` to anything but
    AF_INET (AF_INET6, a value from `getaddrinfo()`), or that mentions IPv6 (`IPV6_V6ONLY`,
    `AF_INET6`, `has_dualstack_ipv6`), and its instantiations and subclasses; a class that
    sets `address_family = AF_INET` explicitly (that is V6103's finding); a standard class
    whose `address_family` this file assigns (`HTTPServer.address_family = AF_INET6`); code
    that also handles IPv6 around the instantiation; `make_server(..., server_class=X)` for
    any `X` other than a standard IPv4 class. A subclass with a base from another module is
    reported with medium confidence (that base may set the family). The definitions inside
    the standard library that derive from a standard server class (e.g. `HTTPServer`) are
    reported as any other subclass; `socketserver.TCPServer` itself is V6103's.
    """

    code = "V6301"
    name = "ipv4-default-server-class"
    summary = "Standard-library server class that defaults to IPv4 (AF_INET)"
    message = "this server class defaults to address_family = AF_INET and listens on IPv4 only"
    severity = Severity.WARNING
    precision = "high"
    fix_safety = FixSafety.UNSAFE
    tags = ("servers",)
    # Every class in SERVER_CLASSES ends with one of these names, whatever module or alias
    # it is reached through (``ss.TCPServer``, ``from http.server import HTTPServer as H``);
    # ``Server`` is searched first (a fast literal scan), then the name checked backwards.
    # ``make_server`` is called or imported under another name.
    triggers = (
        re.compile(
            rb"Server(?:(?<=TCPServer)|(?<=UDPServer)|(?<=HTTPServer)|(?<=WSGIServer)"
            rb"|(?<=XMLRPCServer))"
        ),
        re.compile(rb"make_server(?:\s*\(|\s+as\b)"),
    )
    # The rule reads a subclass's whole body (an ``address_family`` set in ``__init__``, an
    # IPv6-aware ``server_bind``) and the code that instantiates it.
    context_triggers = (b"Server", b"address_family", IPV6_WORDS)

    VALID = (
        "import socket, socketserver\n"
        "class Server(socketserver.ThreadingTCPServer):\n"
        "    address_family = socket.AF_INET6\n"
        "server = Server(('::', 9000), Handler)\n",
        # The family comes from getaddrinfo.
        "import socket\n"
        "from http.server import HTTPServer\n"
        "class Server(HTTPServer):\n"
        "    def __init__(self, addr, handler):\n"
        "        self.address_family = socket.getaddrinfo(*addr)[0][0]\n"
        "        super().__init__(addr, handler)\n"
        "httpd = Server(addr, Handler)\n",
        # A dual-stack server_bind.
        "import socket\n"
        "from http.server import ThreadingHTTPServer\n"
        "class DualStack(ThreadingHTTPServer):\n"
        "    def server_bind(self):\n"
        "        self.socket.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)\n"
        "        return super().server_bind()\n",
        # make_server with such a class, and an inheriting subclass.
        "import socket\n"
        "from wsgiref.simple_server import make_server, WSGIServer\n"
        "class V6(WSGIServer):\n"
        "    address_family = socket.AF_INET6\n"
        "class Quiet(V6):\n"
        "    pass\n"
        "make_server('::', 8000, app, server_class=Quiet)\n",
        # The standard class's family assigned in this file.
        "import socket, http.server\n"
        "http.server.HTTPServer.address_family = socket.AF_INET6\n"
        "httpd = http.server.HTTPServer(('::', 80), Handler)\n",
        # Explicit AF_INET: V6103 reports it, not this rule.
        "import socket, socketserver\n"
        "class S(socketserver.UDPServer):\n"
        "    address_family = socket.AF_INET\n",
        # Unix-domain servers are not IP at all.
        "import socketserver\nserver = socketserver.UnixStreamServer(path, Handler)",
        "import socketserver\nclass H(socketserver.BaseRequestHandler):\n    pass",
        # Another project's HTTPServer.
        "from myproject.server import HTTPServer\nHTTPServer(('', 80), H)",
    )
    INVALID = (
        Invalid("import http.server\nhttpd = http.server.HTTPServer(('', 8000), Handler)\n"),
        Invalid(
            "import socketserver\n"
            "class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):\n"
            "    allow_reuse_address = True\n"
            "server = Server(('', 9000), Handler)\n",
            fixed="import socketserver\n"
            "import socket\n"
            "class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):\n"
            "    allow_reuse_address = True\n"
            "    address_family = socket.AF_INET6 if socket.has_dualstack_ipv6()"
            " else socket.AF_INET\n"
            "\n"
            "    def server_bind(self):\n"
            "        if self.address_family == socket.AF_INET6:\n"
            "            self.socket.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)\n"
            "        super().server_bind()\n"
            "server = Server(('', 9000), Handler)\n",
        ),
        # Bound to 127.0.0.1 elsewhere: reported, no fix.
        Invalid(
            "from http.server import ThreadingHTTPServer as T\n"
            "class Quiet(T):\n"
            "    pass\n"
            "Quiet(('127.0.0.1', 0), H)\n"
        ),
        Invalid("from wsgiref.simple_server import make_server\nmake_server('', 8000, app)\n"),
        Invalid(
            "from xmlrpc.server import SimpleXMLRPCServer\n"
            "with SimpleXMLRPCServer(('localhost', 8000)) as server:\n"
            "    server.serve_forever()\n"
        ),
    )

    def __init__(self, context) -> None:
        super().__init__(context)
        self._classes: dict[int, _Class] = {}
        self._class_names: set[str] = set()
        self._calls: list[cst.Call] = []
        self._patched: list[tuple[cst.BaseExpression, cst.BaseExpression]] = []

    # -- collecting ------------------------------------------------------------------------

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        info = _Class(node)
        for base in node.bases:
            if base.keyword is not None:
                continue
            local = self._local_class(base.value)
            if local is not None:
                info.local_bases.append(local)
                continue
            if not self.may_resolve_to(base.value, _KNOWN_BASES):
                names: frozenset[str] = frozenset()  # cannot be a known class: skip the lookup
            else:
                names = self.qualified_names(base.value)
            if names and names <= SERVER_CLASSES:
                info.stdlib_base = info.stdlib_base or min(names)
            elif not (names and names <= NEUTRAL_BASES):
                info.unknown_bases.append(self.context.module.code_for_node(base.value))
        self._classes[id(node)] = info
        self._class_names.add(node.name.value)

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            target = target.target
            if isinstance(target, cst.Name) and target.value == "address_family":
                self._set_family(target, node.value, class_level=True)
            elif isinstance(target, cst.Attribute) and target.attr.value == "address_family":
                if isinstance(target.value, cst.Name) and target.value.value == "self":
                    self._set_family(target, node.value, class_level=False)
                else:
                    self._patched.append((target.value, node.value))

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        target = node.target
        if node.value is not None and isinstance(target, cst.Name):
            if target.value == "address_family":
                self._set_family(target, node.value, class_level=True)

    def visit_Call(self, node: cst.Call) -> None:
        if not self.may_resolve_to(node.func, _SERVER_CALLS):
            return  # the name cannot be one of ours: spare the file its scope analysis
        names = self.qualified_names(node.func)
        if names and (names <= SERVER_CLASSES or names <= MAKE_SERVER):
            self._calls.append(node)

    def _set_family(self, target: cst.CSTNode, value: cst.BaseExpression, class_level: bool) -> None:
        owner = None
        for ancestor in self.ancestors(target):
            if isinstance(ancestor, cst.FunctionDef) and class_level:
                return  # a local variable named address_family
            if isinstance(ancestor, cst.ClassDef):
                owner = ancestor
                break
        info = self._classes.get(id(owner)) if owner is not None else None
        if info is None:
            return
        family = "ipv4" if is_af_inet(self, value) else "other"
        if info.family != "other":  # any non-AF_INET assignment makes the class capable
            info.family = family

    def _local_class(self, expr: cst.BaseExpression) -> Optional[cst.ClassDef]:
        if not isinstance(expr, cst.Name) or expr.value not in self._class_names:
            return None  # no class of that name visited yet: spare the scope lookup
        scope = self.get_metadata(ScopeProvider, expr, None)
        if scope is None:
            return None
        try:
            assignments = list(scope[expr.value])
        except Exception:
            return None
        if len(assignments) != 1:
            return None
        node = getattr(assignments[0], "node", None)
        return node if isinstance(node, cst.ClassDef) and id(node) in self._classes else None

    # -- deciding --------------------------------------------------------------------------

    def _status(self, info: _Class, seen: frozenset = frozenset()) -> Optional[str]:
        """"ipv6" (capable), "ipv4" (AF_INET set here or above: reported elsewhere), or None."""
        if info.family == "ipv4":
            return "ipv4"
        if info.family == "other" or mentions_ipv6(self, info.node):
            return "ipv6"
        if any(_IPV6_WORD.search(base) for base in info.unknown_bases):
            return "ipv6"
        for base in info.local_bases:
            if id(base) in seen:
                continue
            status = self._status(self._classes[id(base)], seen | {id(info.node)})
            if status is not None:
                return status
        return None

    def _is_server(self, info: _Class, seen: frozenset = frozenset()) -> bool:
        if info.stdlib_base is not None:
            return True
        return any(
            id(base) not in seen and self._is_server(self._classes[id(base)], seen | {id(info.node)})
            for base in info.local_bases
        )

    def _patched_classes(self) -> set[str]:
        patched = set()
        for owner, value in self._patched:
            if not is_af_inet(self, value):
                patched |= self.qualified_names(owner)
        return patched

    def leave_Module(self, original_node: cst.Module) -> None:
        for info in self._classes.values():
            if info.stdlib_base is None or self._status(info) is not None:
                continue
            if any(self._is_server(self._classes[id(b)]) for b in info.local_bases):
                continue  # the local server base is where it is reported
            self.report(
                info.node.name,
                f"class {info.node.name.value} derives from {info.stdlib_base} without setting"
                " address_family, so it listens on IPv4 (AF_INET) only; set AF_INET6 and"
                " clear IPV6_V6ONLY in server_bind for dual stack",
                confidence=Confidence.MEDIUM if info.unknown_bases else Confidence.HIGH,
                fix=self._class_fix(info),
            )
        patched = self._patched_classes()
        for call in self._calls:
            names = self.qualified_names(call.func)
            if names <= MAKE_SERVER:
                server_class = argument(call, 3, "server_class")
                if server_class is not None:
                    names = self.qualified_names(server_class.value)
                    if not names or not names <= SERVER_CLASSES:
                        continue
                else:
                    names = frozenset({"wsgiref.simple_server.WSGIServer"})
            if names & patched or handles_ipv6(self, call):
                continue
            shown = min(names).rsplit(".", 1)[1]
            self.report(
                call,
                f"{shown} uses address_family = AF_INET and listens on IPv4 only; use a"
                " subclass with address_family = AF_INET6 that clears IPV6_V6ONLY",
                confidence=Confidence.HIGH,
            )

    # -- the dual-stack fix ----------------------------------------------------------------

    def _class_fix(self, info: _Class) -> Optional[PendingFix]:
        node = info.node
        if info.unknown_bases or info.local_bases or not isinstance(node.body, cst.IndentedBlock):
            return None
        for statement in node.body.body:
            if isinstance(statement, cst.FunctionDef) and statement.name.value == "server_bind":
                return None
        if not self._only_instantiated_on_any_host(node):
            return None
        new_members = [
            # A blank line inside a block would otherwise be indented (trailing whitespace).
            member.with_changes(
                leading_lines=[line.with_changes(indent=False) for line in member.leading_lines]
            )
            for member in cst.parse_module(_DUAL_STACK_MEMBERS.format(p="socket")).body
        ]
        body = [
            s
            for s in node.body.body
            if not (
                isinstance(s, cst.SimpleStatementLine)
                and len(s.body) == 1
                and isinstance(s.body[0], cst.Pass)
            )
        ]
        new_class = node.with_changes(body=node.body.with_changes(body=body + new_members))
        return PendingFix(
            "Make the server dual-stack where socket.has_dualstack_ipv6()",
            FixSafety.UNSAFE,
            [(node, new_class)],
            imports=("socket",),
        )

    def _only_instantiated_on_any_host(self, node: cst.ClassDef) -> bool:
        scope = self.get_metadata(ScopeProvider, node, None)
        if scope is None:
            return False
        accesses = [
            access
            for assignment in scope.assignments[node.name.value]
            for access in assignment.references
        ]
        if not accesses:
            return False
        for access in accesses:
            call = self.parent(access.node)
            if not isinstance(call, cst.Call) or call.func is not access.node:
                return False
            address = argument(call, 0, "server_address")
            host = address_host(self, address.value) if address is not None else None
            if host is None or string_value(self.module_constant(host)) != "":
                return False
        return True
