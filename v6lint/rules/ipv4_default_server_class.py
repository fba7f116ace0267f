"""V6301: standard-library server classes whose address_family defaults to AF_INET."""

from __future__ import annotations

import dataclasses
import re
from typing import Optional

import libcst as cst
from libcst.metadata import ScopeProvider

from v6lint.model import Confidence, FixSafety, Severity
from v6lint.rules._base import (
    Invalid,
    PendingFix,
    Rule,
    argument,
    is_name,
    iter_nodes,
    keyword_argument,
    string_value,
)
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
# logging.config.listen() serves a ThreadingTCPServer on host "localhost": IPv4 only, and no
# argument changes that.
LOGGING_LISTEN = frozenset({"logging.config.listen"})
# multiprocessing takes the family from the address's type, not its value: every (host, port)
# tuple is "AF_INET" (multiprocessing.connection.address_type), so ("::1", 0) raises
# socket.gaierror. Only Listener accepts family="AF_INET6"; a manager cannot listen on IPv6.
MP_LISTENER = frozenset({"multiprocessing.connection.Listener"})
MP_MANAGERS = frozenset(
    {
        "multiprocessing.managers.BaseManager",
        "multiprocessing.managers.SyncManager",
        "multiprocessing.managers.SharedMemoryManager",
    }
)
_SERVER_CALLS = SERVER_CLASSES | MAKE_SERVER | LOGGING_LISTEN | MP_LISTENER | MP_MANAGERS
_CALL_GROUPS = (SERVER_CLASSES, MAKE_SERVER, LOGGING_LISTEN, MP_LISTENER, MP_MANAGERS)
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
# Unix-domain servers set address_family = AF_UNIX: a class that lists one of them first
# (``class S(UnixStreamServer, HTTPServer)``) is no IP server at all.
_UNIX = ("UnixStreamServer", "UnixDatagramServer", "ThreadingUnixStreamServer",
         "ThreadingUnixDatagramServer", "ForkingUnixStreamServer", "ForkingUnixDatagramServer")
UNIX_BASES = frozenset(
    {f"socketserver.{name}" for name in _UNIX} | {f"SocketServer.{name}" for name in _UNIX}
)
_KNOWN_BASES = SERVER_CLASSES | NEUTRAL_BASES | UNIX_BASES
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
    manager: bool = False  # derives from a multiprocessing manager


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

    A standard class is followed through a name bound once: an import alias, a module
    constant (`SERVER = HTTPServer`), a local variable (also `A if cond else B` when both
    are standard IPv4 classes), and a parameter default (the documentation's
    `def run(server_class=HTTPServer, ...): server_class(("", 8000), handler)`, unless a call
    in the file passes that parameter something else). A standard class passed to a function
    of the same file that calls the parameter (`start(socketserver.TCPServer, 9000)`) is
    reported at the argument.

    Also reported: `logging.config.listen()` (a `ThreadingTCPServer` on `"localhost"`, IPv4
    only, with no way to change it) and multiprocessing's `Listener((host, port))` without
    `family=` and `BaseManager`/`SyncManager`/`SharedMemoryManager` (and local subclasses)
    given a `(host, port)` address: multiprocessing derives the family from the address's
    type, so every tuple is `"AF_INET"` and `Listener(("::1", 0))` raises `socket.gaierror`.

    ## Why it breaks on IPv6
    These classes inherit `address_family = socket.AF_INET` from `socketserver.TCPServer`.
    The server binds IPv4 only: `("", 8000)` listens on 0.0.0.0, an IPv6 host such as `"::"`
    or `"::1"` raises `socket.gaierror` (a certain bug; the message says so), `"localhost"`
    is resolved for IPv4 only (127.0.0.1), and on an IPv6-only host the AF_INET socket
    cannot even be created, so clients can never connect.

    ## Example
    ```python
    class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
        pass

    httpd = http.server.HTTPServer(("", 8000), Handler)

    def run(server_class=HTTPServer, handler_class=BaseHTTPRequestHandler):
        server_class(("", 8000), handler_class).serve_forever()

    listener = multiprocessing.connection.Listener(("localhost", 6000), authkey=key)
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
    or set `address_family` from `socket.getaddrinfo(host, port, type=SOCK_STREAM)[0][0]`
    (`http.server.test()` does that since Python 3.8). multiprocessing: a Unix socket path
    for local use; `Listener` (and the matching `Client`) also accept `family="AF_INET6"`
    for an IPv6 address, managers do not. `logging.config.listen()` has no IPv6 form.

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
    instantiations of the standard classes, calls through names, `logging.config.listen()`
    and multiprocessing get no fix: they need a new class, or a different address.

    ## Exceptions
    Not reported: a subclass (in the same file) that sets `address_family` to anything but
    AF_INET (AF_INET6, a value from `getaddrinfo()`), or that mentions IPv6 (`IPV6_V6ONLY`,
    `AF_INET6`, `has_dualstack_ipv6`), and its instantiations and subclasses; a class whose
    first server base is a Unix-domain one (`class S(UnixStreamServer, HTTPServer)`: AF_UNIX
    wins the MRO); a class that sets `address_family = AF_INET` explicitly (that is V6103's
    finding); a standard class whose `address_family` this file assigns
    (`HTTPServer.address_family = AF_INET6`), or a parameter whose `address_family` the
    function assigns (`ServerClass.address_family, addr = _get_best_family(...)`); a server
    built with `bind_and_activate=False` whose `socket` is then replaced (given a socket made
    elsewhere, of any family); code that also handles IPv6 around the instantiation;
    `make_server(..., server_class=X)` for any `X` other than a standard IPv4 class; names
    bound more than once, and classes passed to functions of other modules (including
    `http.server.test(ServerClass=HTTPServer)`, which picks the family itself); mere
    references (annotations, `isinstance`, dictionaries of classes); multiprocessing
    addresses that are not a `(host, port)` tuple, `Listener(..., family=...)`, and `Client`
    (a client, not a listener); `smtpd.SMTPServer`, which takes its family from
    `getaddrinfo()`. A subclass with a base from another module is reported with medium
    confidence (that base may set the family). The definitions inside the standard library
    that derive from a standard server class (e.g. `HTTPServer`) are reported as any other
    subclass; `socketserver.TCPServer` itself is V6103's.
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
        # logging.config.listen(), however logging.config is imported.
        re.compile(rb"logging\.config\b|from[ \t]+logging[ \t]+import[^\n]*\bconfig\b"),
        # multiprocessing's Listener and managers: the import (an alias binds its name for
        # v6lint.regions), a Listener call, a manager class (a local subclass's header keeps
        # the definitions that instantiate it).
        re.compile(rb"multiprocessing"),
        re.compile(rb"\bListener\s*\("),
        re.compile(rb"\b(?:Base|Sync|SharedMemory)Manager\b"),
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
        # A Unix-domain server first in the bases: AF_UNIX wins the MRO.
        "import socketserver, http.server\n"
        "class UnixHTTP(socketserver.UnixStreamServer, http.server.HTTPServer):\n"
        "    pass\n",
        # http.server.test() (3.8+) sets ServerClass.address_family from getaddrinfo itself.
        "import http.server\n"
        "http.server.test(HandlerClass=Handler, ServerClass=http.server.HTTPServer, bind='::')\n",
        # A parameter whose default is patched before use, the http.server.test() way.
        "import socket\n"
        "from http.server import ThreadingHTTPServer\n"
        "def serve(server_class=ThreadingHTTPServer, bind=None, port=8000):\n"
        "    info = socket.getaddrinfo(bind, port, type=socket.SOCK_STREAM)[0]\n"
        "    server_class.address_family = info[0]\n"
        "    server_class(info[4], Handler).serve_forever()\n",
        # The parameter's default is overridden by every caller in the file.
        "import socket\n"
        "from http.server import HTTPServer\n"
        "class V6(HTTPServer):\n"
        "    address_family = socket.AF_INET6\n"
        "def run(server_class=HTTPServer, port=8000):\n"
        "    server_class(('::', port), Handler).serve_forever()\n"
        "run(server_class=V6)\n",
        # Handed an IPv6 socket made elsewhere.
        "from http.server import HTTPServer\n"
        "def adopt(sock):\n"
        "    httpd = HTTPServer(sock.getsockname()[:2], Handler, bind_and_activate=False)\n"
        "    httpd.socket = sock\n"
        "    return httpd\n",
        # Only references: annotations, isinstance, a registry of names.
        "from http.server import HTTPServer, ThreadingHTTPServer\n"
        "def is_http(server: HTTPServer) -> bool:\n"
        "    return isinstance(server, (HTTPServer, ThreadingHTTPServer))\n"
        "KINDS = {'http': HTTPServer}\n",
        # A class passed to a function that does not instantiate it.
        "from http.server import HTTPServer\n"
        "def describe(cls):\n"
        "    return cls.__name__\n"
        "describe(HTTPServer)\n",
        # multiprocessing: an explicit family, a Unix socket path, no address.
        "from multiprocessing.connection import Listener\n"
        "with Listener(('::1', 6000), family='AF_INET6', authkey=b'k') as listener:\n"
        "    conn = listener.accept()\n",
        "from multiprocessing.managers import BaseManager\n"
        "class Jobs(BaseManager):\n"
        "    pass\n"
        "Jobs(address='/run/jobs.sock', authkey=b'k').get_server().serve_forever()\n",
        "from multiprocessing.connection import Listener, Client\n"
        "listener = Listener()\n"
        "client = Client(('localhost', 6000))\n",
        # A test double whose server_bind binds nothing: no socket at all.
        "import socketserver\n"
        "from wsgiref.simple_server import WSGIServer\n"
        "class FakeServer(WSGIServer):\n"
        "    def __init__(self, address, handler):\n"
        "        socketserver.BaseServer.__init__(self, address, handler)\n"
        "        self.server_bind()\n"
        "    def server_bind(self):\n"
        "        self.server_name, self.server_port = 'test', 80\n"
        "        self.setup_environ()\n",
        # smtpd picks the family from getaddrinfo.
        "import smtpd\nserver = smtpd.SMTPServer(('::1', 8025), None)\n",
    )
    INVALID = (
        # No bind, but the AF_INET socket connects out (idlelib's reversed RPC server).
        "import socketserver\n"
        "class ReverseServer(socketserver.TCPServer):\n"
        "    def server_bind(self):\n"
        "        pass\n"
        "    def server_activate(self):\n"
        "        self.socket.connect(self.server_address)\n",
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
        # The docs' run() idiom: the default class of a parameter that is instantiated.
        Invalid(
            "from http.server import HTTPServer, BaseHTTPRequestHandler\n"
            "def run(server_class=HTTPServer, handler_class=BaseHTTPRequestHandler):\n"
            "    httpd = server_class(('', 8000), handler_class)\n"
            "    httpd.serve_forever()\n"
            "run()\n"
        ),
        # Through a module constant, with an IPv6 host: raises socket.gaierror.
        Invalid(
            "import http.server\n"
            "SERVER = http.server.ThreadingHTTPServer\n"
            "def main():\n"
            "    SERVER(('::', 8000), Handler).serve_forever()\n"
        ),
        # Passed to a local function that instantiates it.
        Invalid(
            "import socketserver\n"
            "def start(factory, port):\n"
            "    return factory(('', port), Handler)\n"
            "start(socketserver.ThreadingTCPServer, 9000)\n"
        ),
        Invalid("import wsgiref.simple_server as ws\nws.make_server('::1', 8000, app)\n"),
        Invalid("import logging.config\nt = logging.config.listen(9999)\nt.start()\n"),
        # multiprocessing makes every (host, port) address AF_INET.
        Invalid(
            "from multiprocessing.connection import Listener\n"
            "listener = Listener(('localhost', 6000), authkey=b'secret')\n"
        ),
        Invalid(
            "from multiprocessing.managers import BaseManager\n"
            "class QueueManager(BaseManager):\n"
            "    pass\n"
            "m = QueueManager(address=('', 50000), authkey=b'abc')\n"
        ),
    )

    def __init__(self, context) -> None:
        super().__init__(context)
        self._classes: dict[int, _Class] = {}
        self._class_names: set[str] = set()
        self._calls: list[cst.Call] = []
        self._patched: list[tuple[cst.BaseExpression, cst.BaseExpression]] = []
        # Names bound to a server class (``SERVER = HTTPServer``, a parameter defaulting to
        # one): calls through them are looked up at the end.
        self._alias_names: set[str] = set()
        # Arguments that may be a server class, handed to some other callable.
        self._class_args: list[cst.Arg] = []
        self._name_calls: list[cst.Call] = []

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
            if not self.may_resolve_to(base.value, _KNOWN_BASES | MP_MANAGERS):
                names: frozenset[str] = frozenset()  # cannot be a known class: skip the lookup
            else:
                names = self.qualified_names(base.value)
            if names and names <= SERVER_CLASSES:
                info.stdlib_base = info.stdlib_base or min(names)
            elif names and names <= UNIX_BASES:
                if info.stdlib_base is None:
                    info.family = "other"  # AF_UNIX comes first in the MRO
            elif names and names <= MP_MANAGERS:
                info.manager = True
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
            elif isinstance(target, cst.Name) and self._may_be_server_class(node.value):
                self._alias_names.add(target.value)

    def visit_Param(self, node: cst.Param) -> None:
        if node.default is not None and self._may_be_server_class(node.default):
            self._alias_names.add(node.name.value)

    def visit_Arg(self, node: cst.Arg) -> None:
        if not node.star and self._may_be_server_class(node.value):
            self._class_args.append(node)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        target = node.target
        if node.value is not None and isinstance(target, cst.Name):
            if target.value == "address_family":
                self._set_family(target, node.value, class_level=True)

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if isinstance(func, cst.Name):
            self._name_calls.append(node)  # maybe a name bound to a class: decided at the end
            return
        if self.may_resolve_to(func, _SERVER_CALLS) and self._known_call(node):
            self._calls.append(node)

    def _known_call(self, node: cst.Call) -> bool:
        names = self.qualified_names(node.func)
        return bool(names) and any(names <= group for group in _CALL_GROUPS)

    def _may_be_server_class(self, expr: cst.BaseExpression) -> bool:
        if isinstance(expr, cst.IfExp):
            return self._may_be_server_class(expr.body) and self._may_be_server_class(expr.orelse)
        return isinstance(expr, (cst.Name, cst.Attribute)) and self.may_resolve_to(
            expr, SERVER_CLASSES
        )

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
        assignment = self._single_assignment(expr)
        node = getattr(assignment, "node", None)
        return node if isinstance(node, cst.ClassDef) and id(node) in self._classes else None

    def _single_assignment(self, name: cst.Name):
        scope = self.get_metadata(ScopeProvider, name, None)
        if scope is None:
            return None
        try:
            assignments = list(scope[name.value])
        except Exception:
            return None
        return assignments[0] if len(assignments) == 1 else None

    # -- deciding --------------------------------------------------------------------------

    def _status(self, info: _Class, seen: frozenset = frozenset()) -> Optional[str]:
        """"ipv6" (capable), "ipv4" (AF_INET set here or above: reported elsewhere), or None."""
        if info.family == "ipv4":
            return "ipv4"
        if info.family == "other" or mentions_ipv6(self, info.node):
            return "ipv6"
        if _binds_nothing(info.node):
            return "ipv6"  # no socket is bound: nothing listens on IPv4 either
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

    def _is_manager(self, info: _Class, seen: frozenset = frozenset()) -> bool:
        if info.manager:
            return True
        return any(
            id(base) not in seen and self._is_manager(self._classes[id(base)], seen | {id(info.node)})
            for base in info.local_bases
        )

    def _patched_classes(self) -> set[str]:
        patched = set()
        for owner, value in self._patched:
            if not is_af_inet(self, value):
                patched |= self.qualified_names(owner)
        return patched

    def _server_class(self, expr: cst.BaseExpression) -> frozenset[str]:
        """The standard IPv4 server classes ``expr`` names (both branches of ``A if c else
        B``), or an empty set."""
        if isinstance(expr, cst.IfExp):
            body, orelse = self._server_class(expr.body), self._server_class(expr.orelse)
            return body | orelse if body and orelse else frozenset()
        if not isinstance(expr, (cst.Name, cst.Attribute)) or not self.may_resolve_to(
            expr, SERVER_CLASSES
        ):
            return frozenset()
        names = self.qualified_names(expr)
        return names if names and names <= SERVER_CLASSES else frozenset()

    def _through_name(self, name: cst.Name):
        """What a call through ``name`` instantiates: (classes, the parameter when they are
        its default, the binding's scope node) or None. Only a name bound once is followed."""
        assignment = self._single_assignment(name)
        node = getattr(assignment, "node", None)
        if isinstance(node, cst.Param):
            if node.default is None:
                return None
            classes = self._server_class(node.default)
            return (classes, node) if classes else None
        holder = self.parent(node) if node is not None else None
        if isinstance(holder, cst.AssignTarget):
            statement = self.parent(holder)
            if isinstance(statement, cst.Assign) and len(statement.targets) == 1:
                classes = self._server_class(statement.value)
                return (classes, None) if classes else None
        return None

    def _patched_name(self, call: cst.Call, name: str) -> bool:
        """``name.address_family = <not AF_INET>`` in the function (or module) of ``call``:
        http.server.test's ``ServerClass.address_family, addr = _get_best_family(...)``."""
        scope_node = self._enclosing_function(call) or self.context.module
        for node in iter_nodes(scope_node):
            if isinstance(node, (cst.Assign, cst.AugAssign, cst.AnnAssign)):
                targets = (
                    [t.target for t in node.targets] if isinstance(node, cst.Assign) else [node.target]
                )
                for target in targets:
                    for element in iter_nodes(target):
                        if (
                            isinstance(element, cst.Attribute)
                            and element.attr.value == "address_family"
                            and isinstance(element.value, cst.Name)
                            and element.value.value == name
                        ):
                            return True
        return False

    def _enclosing_function(self, node: cst.CSTNode) -> Optional[cst.FunctionDef]:
        for ancestor in self.ancestors(node):
            if isinstance(ancestor, cst.FunctionDef):
                return ancestor
        return None

    def _replaces_socket(self, call: cst.Call) -> bool:
        """``bind_and_activate=False`` and, in the same function (or module), some
        ``x.socket = ...``: the server is given a socket made elsewhere (of any family)."""
        flag = keyword_argument(call, "bind_and_activate")
        if flag is None or not is_name(flag.value, "False"):
            return False
        scope_node = self._enclosing_function(call) or self.context.module
        for node in iter_nodes(scope_node):
            if isinstance(node, cst.Assign) and any(
                isinstance(t.target, cst.Attribute) and t.target.attr.value == "socket"
                for t in node.targets
            ):
                return True
        return False

    def _callers_pass(self, param: cst.Param) -> bool:
        """A call in this file passes ``param`` a value that is not a standard IPv4 class."""
        parameters = self.parent(param)
        function = self.parent(parameters) if parameters is not None else None
        if not isinstance(function, cst.FunctionDef) or not isinstance(parameters, cst.Parameters):
            return True
        scope = self.get_metadata(ScopeProvider, function, None)
        if scope is None:
            return True
        positional = [*parameters.posonly_params, *parameters.params]
        index = next((i for i, p in enumerate(positional) if p is param), None)
        if index is not None and positional and positional[0].name.value in ("self", "cls"):
            index -= 1  # a method called through self
        try:
            assignments = list(scope[function.name.value])
        except Exception:
            return True
        for assignment in assignments:
            for access in getattr(assignment, "references", ()):
                call = self.parent(access.node)
                if not isinstance(call, cst.Call) or call.func is not access.node:
                    continue
                if any(arg.star for arg in call.args):
                    return True
                passed = argument(call, index, param.name.value) if index is not None and index >= 0 else keyword_argument(call, param.name.value)
                if passed is not None and not self._server_class(passed.value):
                    return True
        return False

    def _report_call(
        self, call: cst.Call, names: frozenset[str], via: str = "", make_server: bool = False
    ) -> None:
        if handles_ipv6(self, call) or self._replaces_socket(call):
            return
        shown = min(names).rsplit(".", 1)[1]
        if make_server:
            address = argument(call, 0, "host")
            host = address.value if address is not None else None
        else:
            address = argument(call, 0, "server_address")
            host = address_host(self, address.value) if address is not None else None
        host_text = string_value(self.module_constant(host)) if host is not None else None
        if host_text is not None and ":" in host_text:
            detail = f" (binding the IPv6 address {host_text!r} raises socket.gaierror)"
        else:
            detail = ""
        self.report(
            call,
            f"{shown}{via} uses address_family = AF_INET and listens on IPv4 only{detail}; use"
            " a subclass with address_family = AF_INET6 that clears IPV6_V6ONLY",
            confidence=Confidence.HIGH,
        )

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
        calls = []
        for call in self._name_calls:
            name = call.func.value
            if name in self._alias_names or name in self._class_names:
                self._call_through_name(call, call.func)
            elif self.may_resolve_to(call.func, _SERVER_CALLS):
                calls.append(call)
        calls = [c for c in calls if self._known_call(c)] + self._calls
        for call in calls:
            func = call.func
            names = self.qualified_names(func)
            if names <= MP_LISTENER or names <= MP_MANAGERS:
                self._multiprocessing(call, names <= MP_LISTENER)
                continue
            if names <= LOGGING_LISTEN:
                if not handles_ipv6(self, call):
                    self.report(
                        call,
                        "logging.config.listen() serves on a ThreadingTCPServer bound to"
                        " 'localhost' with address_family = AF_INET: IPv4 only, and on an"
                        " IPv6-only host it cannot listen at all",
                        confidence=Confidence.HIGH,
                    )
                continue
            make_server = names <= MAKE_SERVER
            if make_server:
                server_class = argument(call, 3, "server_class")
                if server_class is not None:
                    names = self.qualified_names(server_class.value)
                    if not names or not names <= SERVER_CLASSES:
                        continue
                else:
                    names = frozenset({"wsgiref.simple_server.WSGIServer"})
            if names & patched:
                continue
            self._report_call(call, names, make_server=make_server)
        self._passed_classes(patched)

    def _call_through_name(self, call: cst.Call, func: cst.Name) -> None:
        local = self._local_class(func)
        if local is not None:
            if self._is_manager(self._classes[id(local)]):
                self._multiprocessing(call, listener=False)
            return  # a local server class is reported at its definition
        if func.value not in self._alias_names:
            return
        found = self._through_name(func)
        if found is None:
            return
        names, param = found
        if names & self._patched_classes() or self._patched_name(call, func.value):
            return
        if param is not None and self._callers_pass(param):
            return
        shown = min(names).rsplit(".", 1)[1]
        via = (
            f" (the default of parameter {func.value})"
            if param is not None
            else f" (through {func.value})"
        )
        self._report_call(call, frozenset({f"x.{shown}"}), via)

    def _passed_classes(self, patched: set[str]) -> None:
        """``run(HTTPServer, Handler)`` where ``run`` (a function of this file) calls the
        parameter that receives the class."""
        for arg in self._class_args:
            call = self.parent(arg)
            if not isinstance(call, cst.Call) or not isinstance(call.func, cst.Name):
                continue
            names = self._server_class(arg.value)
            if not names or names & patched:
                continue
            assignment = self._single_assignment(call.func)
            function = getattr(assignment, "node", None)
            if not isinstance(function, cst.FunctionDef):
                continue
            param = _bound_parameter(function, call, arg)
            if param is None or not self._instantiates(function, param):
                continue
            if mentions_ipv6(self, function) or handles_ipv6(self, call):
                continue
            shown = min(names).rsplit(".", 1)[1]
            self.report(
                arg.value,
                f"{shown} is passed as {param} to {function.name.value}(), which instantiates"
                " it: it uses address_family = AF_INET and listens on IPv4 only; pass a"
                " subclass with address_family = AF_INET6 that clears IPV6_V6ONLY",
                confidence=Confidence.HIGH,
            )

    def _instantiates(self, function: cst.FunctionDef, param: str) -> bool:
        patched = False
        called = False
        for node in iter_nodes(function.body):
            if isinstance(node, cst.Call) and is_name(node.func, param):
                called = True
            elif (
                isinstance(node, cst.Attribute)
                and node.attr.value == "address_family"
                and is_name(node.value, param)
            ):
                patched = True
        return called and not patched

    def _multiprocessing(self, call: cst.Call, listener: bool) -> None:
        if any(arg.star for arg in call.args):
            return
        if listener and argument(call, 1, "family") is not None:
            return  # family="AF_INET6" works; an explicit "AF_INET" is a choice
        address = argument(call, 0, "address")
        host = address_host(self, address.value) if address is not None else None
        if host is None or handles_ipv6(self, call):
            return  # no (host, port) tuple: a Unix socket, or unknown
        host_text = string_value(self.module_constant(host))
        detail = (
            f" ({host_text!r} raises socket.gaierror)"
            if host_text is not None and ":" in host_text
            else ""
        )
        what = "Listener" if listener else "manager"
        advice = (
            'pass family="AF_INET6" for an IPv6 address, or use a Unix socket path'
            if listener
            else "a manager cannot listen on IPv6: use a Unix socket path for local use"
        )
        self.report(
            call,
            f"multiprocessing gives every (host, port) address AF_INET: this {what} listens"
            f" on IPv4 only{detail}; {advice}",
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


def _bound_parameter(function: cst.FunctionDef, call: cst.Call, arg: cst.Arg) -> Optional[str]:
    """The name of ``function``'s parameter that ``arg`` of ``call`` binds."""
    params = function.params
    if arg.keyword is not None:
        name = arg.keyword.value
        every = [*params.posonly_params, *params.params, *params.kwonly_params]
        return name if any(p.name.value == name for p in every) else None
    positional = [*params.posonly_params, *params.params]
    index = 0
    for other in call.args:
        if other is arg:
            break
        if other.keyword is None:
            index += 1
    return positional[index].name.value if index < len(positional) else None


def _binds_nothing(node: cst.ClassDef) -> bool:
    """The class overrides ``server_bind`` with one that binds nothing (no ``bind`` or
    ``server_bind`` call in it) and never touches ``self.socket``: a test double such as
    ``class MockServer(WSGIServer)`` that never opens a socket. idlelib's RPCServer skips
    the bind too, but connects its AF_INET socket in ``server_activate``."""
    if not isinstance(node.body, cst.IndentedBlock):
        return False
    for inner in iter_nodes(node.body):
        if (
            isinstance(inner, cst.Attribute)
            and inner.attr.value == "socket"
            and isinstance(inner.value, cst.Name)
            and inner.value.value == "self"
        ):
            return False
    for statement in node.body.body:
        if isinstance(statement, cst.FunctionDef) and statement.name.value == "server_bind":
            for inner in iter_nodes(statement.body):
                if isinstance(inner, cst.Call):
                    func = inner.func
                    name = func.attr.value if isinstance(func, cst.Attribute) else (
                        func.value if isinstance(func, cst.Name) else ""
                    )
                    if name in ("bind", "server_bind"):
                        return False
            return True
    return False
