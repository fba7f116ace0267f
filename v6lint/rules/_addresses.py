"""Shared logic of the address-literal family (V6401-V6404), framework binds (V6801) and IPv4
pinning (V6901).

Precision comes from context: a dotted quad is only an address when the code uses it as one.
``AddressContext.literal_usage`` answers "where does this literal go?" by walking up from the
string (through socket-address tuples, collections, conditional expressions and module-level
constants) to a sink call, a keyword, an assignment, a parameter default, a config-dict key or a
comparison whose name or callee says "address". The same module decides which rule owns a
literal, so that one problem gives one finding: a literal in a framework bind belongs to V6801,
one in ``local_address=``/``source_address=`` to V6901, and a comparison with a peer address to
V6404; V6401-V6403 report the rest. What a literal and an address name look like, and the
sink tables, are in v6lint.rules._vocabulary.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Iterator, Optional

import libcst as cst
from libcst.metadata import Assignment, GlobalScope, ScopeProvider

from v6lint.model import Confidence
from v6lint.rules._base import Rule, is_name as _is_name, iter_nodes, keyword_argument, positional_argument, string_value
from v6lint.test_paths import is_gunicorn_config_name, is_test_path
from v6lint.rules._vocabulary import (
    CLIENT_SINKS,
    DISPLAY_METHODS,
    IPV4_FSTRING_HOSTPORT,
    IPV4_FSTRING_URL,
    LiteralAddress,
    PEER_DATA,
    PINNING_KEYWORDS,
    SERVER_SINKS,
    TUPLE_METHODS,
    URL_SINKS,
    is_address_name,
    is_ipv6_text,
    name_tokens,
    parse_literal,
)

# -- what an IPv4 literal looks like ---------------------------------------------------------


def parse_fstring(node: cst.FormattedString) -> Optional[LiteralAddress]:
    """An IPv4 address at the start of an f-string that builds a URL or a host:port."""
    if not node.parts or not isinstance(node.parts[0], cst.FormattedStringText):
        return None
    text = node.parts[0].value
    if any(isinstance(p, cst.FormattedStringText) and re.search(r"\s", p.value) for p in node.parts):
        return None
    match = IPV4_FSTRING_URL.fullmatch(text)
    if match:
        return LiteralAddress(match["ip"], "fstring-url", match.start("ip"), match["scheme"].lower())
    match = IPV4_FSTRING_HOSTPORT.fullmatch(text)
    if match and len(node.parts) > 1:
        return LiteralAddress(match["ip"], "fstring-hostport", 0)
    return None


# -- names that say "address" ----------------------------------------------------------------


def expression_name(node: cst.CSTNode) -> Optional[str]:
    """The name an expression is known by: ``x``, ``self.x``, ``d["x"]``, ``get_x()``."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return node.attr.value
    if isinstance(node, cst.Subscript) and len(node.slice) == 1:
        index = node.slice[0].slice
        if isinstance(index, cst.Index):
            return string_value(index.value)
    if isinstance(node, cst.Call):
        if isinstance(node.func, cst.Attribute) and node.func.attr.value in ("get", "pop", "setdefault"):
            first = positional_argument(node, 0)
            if first is not None:
                return string_value(first.value)
        return expression_name(node.func)
    return None


# -- where literals go -----------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Usage:
    """How a literal is used as an address."""

    context: str  # "sink", "url", "keyword", "name", "default", "config", "compare", "startswith"
    role: str  # "client", "server" or "unknown"
    detail: str  # for messages: "socket.create_connection()", "HOST", "host="
    confidence: Confidence
    call: Optional[cst.Call] = None  # the sink call, when there is one
    mysql: bool = False  # the sink treats "localhost" as a Unix socket


class AddressContext(Rule):
    """Mixin with the context walk; rules of this family derive from it (not registered)."""

    def __init__(self, context) -> None:
        super().__init__(context)
        self._imports: set[str] = set()
        self._reported: set[int] = set()
        self._in_tests = is_test_path(context.path)

    # The modules a file imports, for framework guesses that cannot resolve a receiver.
    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            self._imports.add(cst.helpers.get_full_name_for_node(alias.name).split(".")[0])

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if node.module is not None and not node.relative:
            self._imports.add(cst.helpers.get_full_name_for_node(node.module).split(".")[0])

    # -- small helpers ---------------------------------------------------------------------

    def once(self, node: cst.CSTNode) -> bool:
        """True the first time a node is reported by this rule instance."""
        if id(node) in self._reported:
            return False
        self._reported.add(id(node))
        return True

    def call_name(self, call: cst.Call) -> Optional[str]:
        names = self.qualified_names(call.func)
        return next(iter(names)) if len(names) == 1 else None

    def method_name(self, call: cst.Call) -> Optional[str]:
        return call.func.attr.value if isinstance(call.func, cst.Attribute) else None

    def string_literals(self, node: cst.CSTNode) -> Iterator[cst.CSTNode]:
        for found in (n for n in iter_nodes(node) if isinstance(n, (cst.SimpleString, cst.ConcatenatedString))):
            yield found

    def has_ipv6_literal(self, node: cst.CSTNode) -> bool:
        for found in self.string_literals(node):
            value = string_value(found)
            if value and is_ipv6_text(value):
                return True
        return False

    def collection_of(self, node: cst.CSTNode) -> Optional[cst.CSTNode]:
        """The list/tuple/set a node is an element of."""
        parent = self.parent(node)
        if isinstance(parent, cst.Element):
            holder = self.parent(parent)
            if isinstance(holder, (cst.List, cst.Tuple, cst.Set)):
                return holder
        return None

    def is_sockaddr(self, node: cst.CSTNode, tuple_node: cst.CSTNode) -> bool:
        """``node`` is the host of a ``(host, port)`` tuple."""
        if not isinstance(tuple_node, cst.Tuple) or len(tuple_node.elements) not in (2, 4):
            return False
        first, second = tuple_node.elements[0], tuple_node.elements[1]
        if first.value is not node or isinstance(second, cst.StarredElement):
            return False
        return string_value(second.value) is None and not isinstance(
            second.value, (cst.SimpleString, cst.FormattedString, cst.ConcatenatedString)
        )

    def module_references(self, value: cst.CSTNode) -> tuple[Optional[str], list[cst.CSTNode]]:
        """For the value of a single module-level ``NAME = value``: the name and its uses."""
        parent = self.parent(value)
        if not isinstance(parent, cst.Assign) or len(parent.targets) != 1:
            return None, []
        target = parent.targets[0].target
        if not isinstance(target, cst.Name):
            return None, []
        scope = self.get_metadata(ScopeProvider, target, None)
        if not isinstance(scope, GlobalScope):
            return target.value, []
        assignments = [a for a in scope.assignments[target.value]]
        if len(assignments) != 1 or not isinstance(assignments[0], Assignment):
            return target.value, []
        return target.value, [ref.node for ref in assignments[0].references]

    # -- peer addresses (V6404) ------------------------------------------------------------

    def peer_kind(self, node: cst.CSTNode, depth: int = 0) -> Optional[str]:
        """"addr" when ``node`` is a peer's address string, "sockaddr" for a peer tuple."""
        if depth > 3:
            return None
        if isinstance(node, cst.Attribute):
            if node.attr.value in ("remote_addr", "remote_ip"):
                return "addr"
            if node.attr.value == "client_address":
                return "sockaddr"
            # starlette / FastAPI: request.client.host
            if (
                node.attr.value == "host"
                and isinstance(node.value, cst.Attribute)
                and node.value.attr.value == "client"
            ):
                return "addr"
            return None
        if isinstance(node, cst.Subscript) and len(node.slice) == 1:
            index = node.slice[0].slice
            if not isinstance(index, cst.Index):
                return None
            key = string_value(index.value)
            if key == "REMOTE_ADDR":
                return "addr"
            if key == "client":  # ASGI scope["client"] is (host, port)
                return "sockaddr"
            if isinstance(index.value, cst.Integer):
                number = index.value.value
                base = self.peer_kind(node.value, depth + 1)
                if base == "sockaddr" and number == "0":
                    return "addr"
                if base == "accept" and number == "1":
                    return "sockaddr"
            return None
        if isinstance(node, cst.Call):
            method = self.method_name(node)
            first = positional_argument(node, 0)
            if method == "getpeername" and not node.args:
                return "sockaddr"
            if method == "get_extra_info" and first and string_value(first.value) == "peername":
                return "sockaddr"
            if method == "accept" and not node.args:
                return "accept"
            if method == "get" and first and string_value(first.value) == "REMOTE_ADDR":
                return "addr"
            return None
        if isinstance(node, cst.Name):
            return self._peer_name(node, depth)
        return None

    def _peer_name(self, node: cst.Name, depth: int) -> Optional[str]:
        scope = self.get_metadata(ScopeProvider, node, None)
        if scope is None:
            return None
        try:
            assignments = list(scope[node.value])
        except Exception:
            return None
        if not assignments:
            return None
        kinds = set()
        for assignment in assignments:
            kinds.add(self._peer_assignment(assignment, depth))
        if len(kinds) == 1:
            return kinds.pop()
        return None

    def _peer_assignment(self, assignment, depth: int) -> Optional[str]:
        if not isinstance(assignment, Assignment):
            return None
        target = assignment.node
        if isinstance(target, cst.Param):
            # def allowed(remote_addr): the parameter is named for what it holds.
            return "addr" if "_".join(name_tokens(target.name.value)) in PEER_DATA else None
        holder = self.parent(target)
        if isinstance(holder, cst.AssignTarget):
            statement = self.parent(holder)
            if isinstance(statement, cst.Assign):
                return self.peer_kind(statement.value, depth + 1)
            return None
        # Tuple unpacking: host, port = self.client_address / conn, addr = sock.accept()
        if isinstance(holder, cst.Element):
            tuple_node = self.parent(holder)
            if not isinstance(tuple_node, (cst.Tuple, cst.List)):
                return None
            position = next(
                (i for i, e in enumerate(tuple_node.elements) if e is holder), None
            )
            assign_target = self.parent(tuple_node)
            statement = self.parent(assign_target) if isinstance(assign_target, cst.AssignTarget) else None
            if not isinstance(statement, cst.Assign):
                return None
            source = self.peer_kind(statement.value, depth + 1)
            if source == "sockaddr" and position == 0:
                return "addr"
            if source == "accept" and position == 1:
                return "sockaddr"
        return None

    def normalises_mapped(self, node: cst.CSTNode) -> bool:
        """The enclosing function (or module) handles ``::ffff:`` forms already."""
        scope_node: cst.CSTNode = self.context.module
        for ancestor in self.ancestors(node):
            if isinstance(ancestor, cst.FunctionDef):
                scope_node = ancestor
                break
        key = id(scope_node)
        cache = self.__dict__.setdefault("_normalised", {})
        if key not in cache:
            if scope_node is self.context.module and self.context.source is not None:
                # The whole file, not the parsed copy, whose unrelated functions are stubs.
                code = self.context.source.decode("utf-8", "replace")
            else:
                code = self.context.module.code_for_node(scope_node)
            cache[key] = "ipv4_mapped" in code or "::ffff:" in code.lower()
        return cache[key]

    def peer_comparison(self, literal: cst.CSTNode) -> Optional[cst.CSTNode]:
        """The comparison node when ``literal`` is compared with a peer address."""
        node = literal
        collection = self.collection_of(node)
        if collection is not None:
            node = collection
        parent = self.parent(node)
        if isinstance(parent, cst.ComparisonTarget):
            comparison = self.parent(parent)
            if isinstance(comparison, cst.Comparison):
                others = [comparison.left] + [t.comparator for t in comparison.comparisons]
                if any(o is not node and self.peer_kind(o) == "addr" for o in others):
                    return comparison
        if isinstance(parent, cst.Comparison):
            others = [t.comparator for t in parent.comparisons]
            if any(self.peer_kind(o) == "addr" for o in others):
                return parent
        # ALLOWED = ["10.0.0.1", ...] at module level, then `peer in ALLOWED`.
        if collection is not None or isinstance(self.parent(node), cst.Assign):
            _, references = self.module_references(node)
            for reference in references:
                found = self.peer_comparison_of_reference(reference)
                if found is not None:
                    return found
        return None

    def peer_comparison_of_reference(self, reference: cst.CSTNode) -> Optional[cst.Comparison]:
        parent = self.parent(reference)
        if isinstance(parent, cst.ComparisonTarget):
            comparison = self.parent(parent)
            if isinstance(comparison, cst.Comparison) and self.peer_kind(comparison.left) == "addr":
                return comparison
        return None

    # -- framework binds (V6801) and pinning (V6901) ---------------------------------------

    def framework_bind(self, literal: cst.CSTNode) -> Optional[tuple[str, str]]:
        """(framework, how to fix) when ``literal`` is the host of a framework's listener.

        The fix kind is "ipv6-any" (write "::" / "[::]:port"), "none-host" (asyncio: host None
        binds every family), "empty-host" (tornado: address "" binds every family) or "".
        """
        parent = self.parent(literal)
        # run_simple(hostname=hostname or "127.0.0.1"): the fallback is the bind address.
        while isinstance(parent, (cst.IfExp, cst.BooleanOperation)):
            literal, parent = parent, self.parent(parent)
        if isinstance(parent, cst.Element):
            holder = self.parent(parent)
            # bind = ["0.0.0.0:8000"] (gunicorn / hypercorn), or a command line list
            if isinstance(holder, cst.List):
                found = self._framework_list_bind(literal, holder)
                if found:
                    return found
                parent = self.parent(holder)
                literal = holder
        if isinstance(parent, cst.Arg):
            call = self.parent(parent)
            if isinstance(call, cst.Call):
                return self._framework_call_bind(parent, call)
        if isinstance(parent, cst.Assign):
            return self._framework_assign_bind(literal, parent)
        if isinstance(parent, cst.DictElement) and parent.value is literal:
            key = string_value(parent.key)
            if key == "bind" and "gunicorn" in self._imports:
                return ("gunicorn", "ipv6-any")
            if key == "bind" and "hypercorn" in self._imports:
                return ("Hypercorn", "ipv6-any")
        return None

    def _framework_list_bind(self, literal, holder: cst.List) -> Optional[tuple[str, str]]:
        values = [string_value(e.value) for e in holder.elements]
        position = next((i for i, e in enumerate(holder.elements) if e.value is literal), None)
        if position is None or position == 0:
            return None
        previous = values[position - 1]
        if previous in ("--bind", "-b") and any(v and "gunicorn" in v for v in values):
            return ("gunicorn", "ipv6-any")
        if previous == "runserver":
            return ("Django runserver", "ipv6-any")
        return None

    def _framework_call_bind(self, arg: cst.Arg, call: cst.Call) -> Optional[tuple[str, str]]:
        name = self.call_name(call)
        method = self.method_name(call)

        def at(index: int, keyword: str) -> bool:
            return argument_is(call, arg, index, keyword)

        if name in ("werkzeug.serving.run_simple", "werkzeug.run_simple", "werkzeug.serving.make_server"):
            return ("werkzeug", "ipv6-any") if at(0, "hostname" if "run_simple" in name else "host") else None
        if name == "uvicorn.run" and at(-1, "host"):
            return ("uvicorn", "")
        if name in ("uvicorn.Config", "uvicorn.config.Config") and at(1, "host"):
            return ("uvicorn", "")
        if name in ("aiohttp.web.run_app", "aiohttp.web_runner.run_app") and at(-1, "host"):
            return ("aiohttp", "none-host")
        if name in ("aiohttp.web.TCPSite", "aiohttp.web_runner.TCPSite") and at(1, "host"):
            return ("aiohttp", "none-host")
        if name == "asyncio.start_server" and at(1, "host"):
            return ("asyncio", "none-host")
        if name in ("django.core.management.call_command",) and at(1, "addrport"):
            first = positional_argument(call, 0)
            if first is not None and string_value(first.value) == "runserver":
                return ("Django runserver", "ipv6-any")
        if method == "create_server" and name != "socket.create_server" and at(1, "host"):
            return ("asyncio", "none-host")
        if method == "run" and self._is_flask_app(call.func.value):
            if at(0, "host"):
                return ("Flask", "ipv6-any")
        if method == "run" and "flask_socketio" in self._imports and at(1, "host"):
            return ("Flask-SocketIO", "ipv6-any")
        if method == "listen" and "tornado" in self._imports and at(1, "address"):
            return ("Tornado", "empty-host")
        return None

    def _is_flask_app(self, receiver: cst.BaseExpression) -> bool:
        value = self.module_constant(receiver)
        if isinstance(value, cst.Call):
            name = self.call_name(value)
            if name in ("flask.Flask", "flask.app.Flask"):
                return True
        if "flask" in self._imports and isinstance(receiver, cst.Name):
            return "app" in name_tokens(receiver.value) or receiver.value.endswith("app")
        return False

    def _framework_assign_bind(self, literal, statement: cst.Assign) -> Optional[tuple[str, str]]:
        if len(statement.targets) != 1:
            return None
        target = statement.targets[0].target
        # hypercorn: config.bind = ["0.0.0.0:8000"]
        if isinstance(target, cst.Attribute) and target.attr.value == "bind":
            if "hypercorn" in self._imports:
                return ("Hypercorn", "ipv6-any")
            return None
        if not isinstance(target, cst.Name):
            return None
        scope = self.get_metadata(ScopeProvider, target, None)
        # gunicorn.conf.py: a module-level `bind`
        if target.value == "bind" and isinstance(scope, GlobalScope) and self._looks_like_gunicorn_conf():
            return ("gunicorn", "ipv6-any")
        # class Command(runserver.Command): default_addr = "0.0.0.0"
        if target.value == "default_addr":
            for ancestor in self.ancestors(statement):
                if isinstance(ancestor, cst.ClassDef):
                    bases = " ".join(self.context.module.code_for_node(b.value) for b in ancestor.bases)
                    names = set().union(*(self.qualified_names(b.value) for b in ancestor.bases)) if ancestor.bases else set()
                    if "runserver" in bases.lower() or any("runserver" in n for n in names):
                        return ("Django runserver", "")
                    break
        return None

    def _looks_like_gunicorn_conf(self) -> bool:
        if is_gunicorn_config_name(self.context.path):
            return True
        settings = {"workers", "worker_class", "threads", "wsgi_app", "accesslog", "errorlog",
                    "preload_app", "worker_connections", "max_requests", "graceful_timeout"}
        for statement in self.context.module.body:
            if isinstance(statement, cst.SimpleStatementLine):
                for small in statement.body:
                    if isinstance(small, cst.Assign):
                        for target in small.targets:
                            if isinstance(target.target, cst.Name) and target.target.value in settings:
                                return True
        return False

    def pinning_literal(self, literal: cst.CSTNode) -> bool:
        """``literal`` is a local (source) address that pins the client's family."""
        node = literal
        collection = self.collection_of(node)
        if collection is not None and self.is_sockaddr(literal, collection):
            node = collection
        parent = self.parent(node)
        if isinstance(parent, cst.Arg) and parent.keyword is not None:
            return parent.keyword.value in PINNING_KEYWORDS
        if isinstance(parent, cst.Arg):
            call = self.parent(parent)
            if isinstance(call, cst.Call):
                name = self.call_name(call) or ""
                return name.endswith("SourceAddressAdapter") and argument_is(call, parent, 0, "source_address")
        return False

    # -- the context walk ------------------------------------------------------------------

    def literal_usage(self, literal: cst.CSTNode) -> Optional[Usage]:
        """How ``literal`` (a string node) is used as an address, or None."""
        usage = self._usage(literal, literal, depth=0, sockaddr=False)
        if usage is None:
            return None
        if self._in_tests:
            # Test data (fake environ values, expected strings) is not an IPv4 assumption;
            # a literal that really reaches a socket is, but it matters less.
            if usage.context not in ("sink", "url-sink") or self.mocked(literal, usage):
                return None
            if usage.call is not None and self.call_name(usage.call) == "socket.getaddrinfo":
                return None  # resolving a numeric address needs no IPv4 connectivity
            usage = dataclasses.replace(usage, confidence=Confidence.LOW)
        return usage

    def mocked(self, node: cst.CSTNode, usage: Optional["Usage"] = None) -> bool:
        """In tests: the socket is a mock (a patched test function, a fake transport)."""
        if usage is not None and usage.call is not None and isinstance(usage.call.func, cst.Attribute):
            receiver = expression_name(usage.call.func.value) or ""
            if any(t in ("transport", "mock", "fake", "stub", "proactor") for t in name_tokens(receiver)):
                return True
        for ancestor in self.ancestors(node):
            if isinstance(ancestor, cst.FunctionDef):
                for decorator in ancestor.decorators:
                    text = self.context.module.code_for_node(decorator.decorator).lower()
                    if "patch" in text or "mock" in text:
                        return True
        return False

    def _usage(self, literal, node, depth: int, sockaddr: bool) -> Optional[Usage]:
        if depth > 4:
            return None
        parent = self.parent(node)
        if parent is None:
            return None
        # ("127.0.0.1", 8080): the tuple goes where the address goes.
        if isinstance(parent, cst.Element):
            holder = self.parent(parent)
            if isinstance(holder, cst.Tuple) and self.is_sockaddr(node, holder):
                return self._usage(literal, holder, depth + 1, sockaddr=True)
            if isinstance(holder, (cst.List, cst.Tuple, cst.Set)):
                if self.has_ipv6_literal(holder):
                    return None  # ["127.0.0.1", "::1"]: both families are handled
                return self._usage(literal, holder, depth + 1, sockaddr)
            return None
        if isinstance(parent, (cst.IfExp, cst.BooleanOperation)):
            if isinstance(parent, cst.IfExp) and self.has_ipv6_literal(parent):
                return None  # "::1" if family == AF_INET6 else "127.0.0.1": family-aware
            if isinstance(parent, cst.IfExp) and self._labels_none(literal, parent):
                return None
            return self._usage(literal, parent, depth + 1, sockaddr)
        if (
            isinstance(parent, cst.Call)
            and isinstance(parent.func, cst.Name)
            and parent.func.value in ("frozenset", "set", "tuple", "list")
        ):
            return None
        if isinstance(parent, cst.Arg):
            call = self.parent(parent)
            if isinstance(call, cst.Call):
                return self._call_usage(literal, node, parent, call, sockaddr)
            return None
        if isinstance(parent, cst.DictElement) and parent.value is node:
            key = string_value(parent.key)
            if key is not None and is_address_name(key):
                return Usage("config", "unknown", f'"{key}"', Confidence.MEDIUM)
            return None
        if isinstance(parent, (cst.Assign, cst.AnnAssign, cst.AugAssign)):
            return self._assign_usage(literal, node, parent, depth, sockaddr)
        if isinstance(parent, cst.Param) and parent.default is node:
            if is_address_name(parent.name.value):
                return Usage("default", "unknown", parent.name.value, Confidence.MEDIUM)
            return None
        if isinstance(parent, cst.Return):
            for ancestor in self.ancestors(parent):
                if isinstance(ancestor, cst.FunctionDef):
                    if is_address_name(ancestor.name.value):
                        return Usage("name", "unknown", f"{ancestor.name.value}()", Confidence.MEDIUM)
                    break
            return None
        if isinstance(parent, (cst.ComparisonTarget, cst.Comparison)):
            return self._compare_usage(literal, node, parent)
        return None

    def _labels_none(self, literal, expression: cst.IfExp) -> bool:
        """`"0.0.0.0" if host is None else host`: asyncio-style servers bind every family for
        host=None and print "0.0.0.0" as its label (aiohttp's and uvicorn's start-up line)."""
        if string_value(literal) != "0.0.0.0" or expression.body is not literal:
            return False
        test = expression.test
        if not (isinstance(test, cst.Comparison) and len(test.comparisons) == 1):
            return False
        target = test.comparisons[0]
        if not isinstance(target.operator, cst.Is) or not _is_name(target.comparator, "None"):
            return False
        code = self.context.module.code_for_node
        return code(test.left) == code(expression.orelse)

    def _call_usage(self, literal, node, arg: cst.Arg, call: cst.Call, sockaddr: bool) -> Optional[Usage]:
        name = self.call_name(call)
        method = self.method_name(call)
        for sinks, role in ((CLIENT_SINKS, "client"), (SERVER_SINKS, "server")):
            if name in sinks:
                index, keyword, wants_tuple = sinks[name]
                if wants_tuple == sockaddr and argument_is(call, arg, index, keyword):
                    return Usage("sink", role, f"{name}()", Confidence.HIGH, call)
        if name in URL_SINKS and argument_is(call, arg, 0, "url"):
            return Usage("url-sink", "client", f"{name}()", Confidence.HIGH, call)
        if method is not None and sockaddr:
            if method in TUPLE_METHODS and argument_is(call, arg, 0, "address"):
                return Usage("sink", TUPLE_METHODS[method], f".{method}()", Confidence.HIGH, call)
            if method == "sendto" and argument_is(call, arg, 1, "address"):
                return Usage("sink", "client", ".sendto()", Confidence.HIGH, call)
        if method == "connect" and not sockaddr and argument_is(call, arg, 0, "hostname"):
            # paramiko's SSHClient.connect("10.0.0.5"), ftplib's FTP().connect("10.0.0.5")
            if isinstance(call.func, cst.Attribute) and not self.resolves_to_any(call.func, ("sqlite3.connect",)):
                return Usage("sink", "client", ".connect()", Confidence.MEDIUM, call)
        keyword = arg.keyword.value if arg.keyword is not None else None
        if keyword is not None and keyword != "default" and is_address_name(keyword):
            mysql = "mysql" in (name or "").lower() or "mysql" in self.context.module.code_for_node(call.func).lower()
            return Usage("keyword", "unknown", f"{keyword}=", Confidence.HIGH, call, mysql)
        # argparse / optparse: add_argument("--host", default="0.0.0.0")
        if keyword == "default" and method in ("add_argument", "add_option"):
            names = [string_value(a.value) or "" for a in call.args if a.keyword is None]
            dest = keyword_argument(call, "dest")
            if dest is not None:
                names.append(string_value(dest.value) or "")
            if any(is_address_name(n) for n in names if n):
                shown = max(names, key=len) or "an option"
                return Usage("default", "unknown", f"the default of {shown}", Confidence.HIGH)
            return None
        # os.getenv("HOST", "0.0.0.0"), settings.get("bind", ...), getattr(conf, "HOST", ...)
        if keyword in (None, "default", "fallback") and not sockaddr:
            lookup = self._lookup_key(call, arg, name, method)
            if lookup is not None and is_address_name(lookup):
                return Usage("default", "unknown", f'the default of "{lookup}"', Confidence.HIGH)
        return None

    def _lookup_key(self, call: cst.Call, arg: cst.Arg, name, method) -> Optional[str]:
        if name in ("os.getenv", "os.environ.get", "os.environ.setdefault", "os.getenvb") or method in (
            "get", "pop", "setdefault", "getenv", "env", "str",
        ):
            key_arg = positional_argument(call, 0)
            if key_arg is not None and key_arg is not arg and argument_is(call, arg, 1, "default"):
                return string_value(key_arg.value)
            if key_arg is not None and key_arg is not arg and arg.keyword is not None:
                return string_value(key_arg.value)
        if name == "builtins.getattr":
            key_arg = positional_argument(call, 1)
            if key_arg is not None and argument_is(call, arg, 2, "default"):
                return string_value(key_arg.value)
        return None

    def _assign_usage(self, literal, node, statement, depth: int, sockaddr: bool) -> Optional[Usage]:
        targets = (
            [t.target for t in statement.targets] if isinstance(statement, cst.Assign) else [statement.target]
        )
        for target in targets:
            name = expression_name(target)
            if name is not None and is_address_name(name):
                if isinstance(target, cst.Name) and self._has_ipv6_twin(name):
                    return None
                return Usage("name", "unknown", name, Confidence.MEDIUM)
        # NAME = "10.0.0.1" at module level: judge it by where NAME goes.
        if isinstance(statement, cst.Assign) and statement.value is node:
            _, references = self.module_references(node)
            for reference in references:
                usage = self._usage(literal, reference, depth + 1, sockaddr)
                if usage is not None:
                    return usage
        return None

    def _has_ipv6_twin(self, name: str) -> bool:
        """`_LOCALHOST = "127.0.0.1"` next to `_LOCALHOST_V6 = "::1"` (or HOSTv4 / HOSTv6):
        the module picks the constant by family."""
        cache = self.__dict__.setdefault("_ipv6_constants", None)
        if cache is None:
            cache = set()
            for statement in self.context.module.body:
                if not isinstance(statement, cst.SimpleStatementLine):
                    continue
                for small in statement.body:
                    if isinstance(small, cst.Assign) and len(small.targets) == 1:
                        target = small.targets[0].target
                        value = string_value(small.value)
                        if isinstance(target, cst.Name) and value and is_ipv6_text(value):
                            cache.add(target.value)
            self._ipv6_constants = cache
        stem = re.sub(r"(?i)_?v?4$", "", name)
        return any(other != name and other.startswith(stem) for other in cache)

    def _compare_usage(self, literal, node, parent) -> Optional[Usage]:
        comparison = self.parent(parent) if isinstance(parent, cst.ComparisonTarget) else parent
        if not isinstance(comparison, cst.Comparison):
            return None
        operators = [t.operator for t in comparison.comparisons]
        if not all(isinstance(o, (cst.Equal, cst.NotEqual, cst.In, cst.NotIn)) for o in operators):
            return None
        if self.peer_comparison(literal) is not None:
            return None  # V6404's
        others = [comparison.left] + [t.comparator for t in comparison.comparisons]
        for other in others:
            if other is node:
                continue
            name = expression_name(other)
            if name is not None and is_address_name(name) and not self._ipv6_in_condition(comparison):
                return Usage("compare", "unknown", name, Confidence.MEDIUM)
        return None

    def _ipv6_in_condition(self, comparison: cst.CSTNode) -> bool:
        """`host == "127.0.0.1" or host == "::1"`: the whole condition covers IPv6."""
        top = comparison
        for ancestor in self.ancestors(comparison):
            if isinstance(ancestor, (cst.BooleanOperation, cst.UnaryOperation)):
                top = ancestor
            else:
                break
        return self.has_ipv6_literal(top)


def argument_is(call: cst.Call, arg: cst.Arg, index: int, keyword: str) -> bool:
    """``arg`` is the argument at position ``index`` (-1: keyword only) or named ``keyword``."""
    if arg.keyword is not None:
        return arg.keyword.value == keyword
    if index < 0:
        return False
    return positional_argument(call, index) is arg


class LiteralRule(AddressContext):
    """Base of V6401-V6403: visits every string literal that is an IPv4 address and hands
    the ones used as addresses, and not owned by V6404/V6801/V6901, to ``on_address``."""

    kinds: tuple[str, ...] = ()
    report_comparisons = True

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        if not isinstance(self.parent(node), cst.ConcatenatedString):
            self._literal(node, string_value(node))

    def visit_ConcatenatedString(self, node: cst.ConcatenatedString) -> None:
        if not isinstance(self.parent(node), cst.ConcatenatedString):
            self._literal(node, string_value(node))

    def visit_FormattedString(self, node: cst.FormattedString) -> None:
        if isinstance(self.parent(node), cst.ConcatenatedString):
            return
        address = parse_fstring(node)
        if address is not None and address.kind in self.kinds:
            self._address(node, address)

    def _literal(self, node: cst.CSTNode, value: Optional[str]) -> None:
        if value is None or len(value) > 2048:
            return
        address = parse_literal(value)
        if address is not None and address.kind in self.kinds:
            self._address(node, address)

    def _address(self, node: cst.CSTNode, address: LiteralAddress) -> None:
        usage = self.address_usage(node, address)
        if usage is not None and self.once(node):
            self.on_address(node, address, usage)

    def address_usage(self, node: cst.CSTNode, address: LiteralAddress) -> Optional[Usage]:
        if isinstance(self.parent(node), cst.Expr):
            return None  # a docstring or a bare string statement
        if self.claimed_elsewhere(node):
            return None  # V6801 / V6901 report these
        if self.peer_comparison(node) is not None:
            return None  # V6404 reports these
        usage = self.literal_usage(node)
        if usage is not None and usage.context == "compare" and not self.report_comparisons:
            return None
        if usage is None and not self._in_tests and not self._displayed(node) and address.form in (
            "url", "dsn", "fstring-url", "hostport", "fstring-hostport",
        ):
            # The string's own shape says "endpoint": a URL, a DSN or host:port.
            confidence = Confidence.HIGH if address.form != "hostport" else Confidence.MEDIUM
            usage = Usage("url", "client" if "url" in address.form else "unknown", "an endpoint string", confidence)
        return usage

    def _displayed(self, node: cst.CSTNode) -> bool:
        """An argument of str.format(), print() or a logging call, or a %-format operand:
        text shown to people ("try curl 127.0.0.1:8080"), not an endpoint the code uses."""
        parent = self.parent(node)
        if isinstance(parent, cst.BinaryOperation) and isinstance(parent.operator, cst.Modulo):
            return True
        if isinstance(parent, cst.Element):
            holder = self.parent(parent)
            if isinstance(holder, cst.Tuple) and isinstance(self.parent(holder), cst.BinaryOperation):
                return True
        if isinstance(parent, cst.Arg):
            call = self.parent(parent)
            if isinstance(call, cst.Call):
                method = self.method_name(call)
                if method in DISPLAY_METHODS:
                    return True
                return isinstance(call.func, cst.Name) and call.func.value == "print"
        return False

    def claimed_elsewhere(self, node: cst.CSTNode) -> bool:
        """A framework bind (V6801) or a pinned local address (V6901), directly or through a
        module-level constant."""
        if self.framework_bind(node) is not None or self.pinning_literal(node):
            return True
        holder = self.collection_of(node)
        value = holder if holder is not None and self.is_sockaddr(node, holder) else node
        _, references = self.module_references(value)
        return any(
            self.framework_bind(r) is not None or self.pinning_literal(r) for r in references
        )

    def on_address(self, node: cst.CSTNode, address: LiteralAddress, usage: Usage) -> None:
        raise NotImplementedError


def describe(usage: Usage) -> str:
    """Where the literal goes, for messages."""
    if usage.context in ("sink", "url-sink"):
        return f"passed to {usage.detail}"
    if usage.context == "keyword":
        return f"passed as {usage.detail}"
    if usage.context == "default":
        return f"used as {usage.detail}"
    if usage.context == "config":
        return f"stored under {usage.detail}"
    if usage.context == "compare":
        return f"compared with {usage.detail}"
    if usage.context == "name":
        return f"assigned to {usage.detail}"
    return "used as an endpoint"
