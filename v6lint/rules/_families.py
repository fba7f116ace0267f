"""Helpers shared by the socket-family rules (V61x, V63x); not a rule module (leading "_").

They take the visiting rule as first argument because only the rule holds the file's
metadata (qualified names, scopes, parents).
"""

from __future__ import annotations

import ipaddress
import re
from typing import TYPE_CHECKING, NamedTuple, Optional, Sequence, Union

import libcst as cst

from v6lint.model import FixSafety
from v6lint.rules._base import PendingFix, argument, iter_nodes, string_value

if TYPE_CHECKING:
    from v6lint.rules._base import Rule

AF_INET_NAMES = frozenset(
    {
        "socket.AF_INET",
        "socket.PF_INET",
        "socket.AddressFamily.AF_INET",
        "_socket.AF_INET",
    }
)

# Names whose presence shows that a piece of code deals with IPv6 as well.
IPV6_NAMES = frozenset(
    {
        "socket.AF_INET6",
        "socket.PF_INET6",
        "socket.AddressFamily.AF_INET6",
        "_socket.AF_INET6",
        "socket.has_ipv6",
        "socket.has_dualstack_ipv6",
        "socket.IPPROTO_IPV6",
        "socket.AF_UNSPEC",
        "ipaddress.IPv6Address",
        "ipaddress.IPv6Network",
        "ipaddress.IPv6Interface",
    }
)

# Identifiers such as ``ipv6``, ``IPV6_ENABLED``, ``use_inet6``, ``dualstack``, ``self.v6``.
_IPV6_IDENTIFIER = re.compile(r"ipv6|inet6|dualstack|dual_stack|(?:^|_)v6(?:$|_)", re.IGNORECASE)

# Text in which ``mentions_ipv6`` can find something (names, strings, IPV6_NAMES): the
# context trigger of rules that read a whole class or function for it (v6lint.regions).
IPV6_WORDS = re.compile(rb"(?i)ipv6|inet6|dual_?stack|AF_UNSPEC|(?<![a-z0-9])v6(?![a-z0-9])")


def is_af_inet(rule: "Rule", expr: Optional[cst.BaseExpression]) -> bool:
    """``expr`` is AF_INET/PF_INET, directly or through a module-level constant."""
    if expr is None:
        return False
    if rule.resolves_to(expr, AF_INET_NAMES):
        return True
    followed = rule.module_constant(expr)
    return followed is not expr and rule.resolves_to(followed, AF_INET_NAMES)


def local_af_inet(rule: "Rule", expr: Optional[cst.BaseExpression]) -> bool:
    """``expr`` is a function's local name whose one plain assignment there is AF_INET
    (``family = socket.AF_INET`` then ``socket.socket(family, ...)``); a name assigned
    twice (``family = AF_INET6`` on some branch) or a parameter is not."""
    if not isinstance(expr, cst.Name):
        return False
    from v6lint.rules._addressing import enclosing_function, local_value

    if not isinstance(enclosing_function(rule, expr), (cst.FunctionDef, cst.Lambda)):
        return False  # module level: is_af_inet follows module constants
    value = local_value(rule, expr)
    return value is not None and rule.resolves_to(value, AF_INET_NAMES)


def mentions_ipv6(rule: "Rule", root: cst.CSTNode) -> bool:
    """``root`` refers to AF_INET6 / has_ipv6 / an IPv6 option, a string "AF_INET6" (the
    ``getattr(socket, "AF_INET6", None)`` idiom) or an identifier that names IPv6."""
    cache = rule.context.memo
    key = ("mentions_ipv6", id(root))
    if key in cache:
        return cache[key][1]
    found = False
    for node in iter_nodes(root):
        if isinstance(node, cst.Name):
            if _IPV6_IDENTIFIER.search(node.value) or rule.resolves_to_any(node, IPV6_NAMES):
                found = True
        elif isinstance(node, cst.Attribute):
            if rule.resolves_to_any(node, IPV6_NAMES):
                found = True
        elif isinstance(node, cst.SimpleString):
            value = string_value(node)
            if value is not None and "INET6" in value:
                found = True
        if found:
            break
    cache[key] = (root, found)  # keep root alive so that id() stays unique
    return found


def handles_ipv6(rule: "Rule", node: cst.CSTNode) -> bool:
    """The code around ``node`` also handles IPv6: an enclosing function (any level), or at
    module level the enclosing top-level statement, mentions IPv6."""
    in_function = False
    top: Optional[cst.CSTNode] = None
    for ancestor in [node, *rule.ancestors(node)]:
        if isinstance(ancestor, (cst.FunctionDef, cst.Lambda)):
            in_function = True
            if mentions_ipv6(rule, ancestor):
                return True
        parent = rule.parent(ancestor)
        if isinstance(parent, cst.Module):
            top = ancestor
    if not in_function and top is not None:
        return mentions_ipv6(rule, top)
    return False


def enclosing_class(rule: "Rule", node: cst.CSTNode) -> Optional[cst.ClassDef]:
    for ancestor in rule.ancestors(node):
        if isinstance(ancestor, cst.ClassDef):
            return ancestor
    return None


def ipv4_bind_host(rule: "Rule", expr: Optional[cst.BaseExpression]) -> Optional[str]:
    """The host string when ``expr`` (maybe a module constant) is "", "0.0.0.0" or another
    IPv4 literal; None otherwise."""
    if expr is None:
        return None
    value = string_value(rule.module_constant(expr))
    if value is None:
        return None
    if value == "":
        return value
    try:
        ipaddress.IPv4Address(value)
    except ValueError:
        return None
    return value


def address_host(rule: "Rule", expr: Optional[cst.BaseExpression]) -> Optional[cst.BaseExpression]:
    """The host element of a ``(host, port)`` tuple literal (maybe a module constant)."""
    if expr is None:
        return None
    expr = rule.module_constant(expr)
    if isinstance(expr, cst.Tuple) and len(expr.elements) == 2:
        element = expr.elements[0]
        if isinstance(element, cst.Element):
            return element.value
    return None


def module_prefix(rule: "Rule", call: cst.Call, module: str) -> tuple[str, tuple[str, ...]]:
    """How fixed code should spell ``module``: reuse ``s.`` from ``s.func(...)`` when ``s`` is
    that module, else the plain module name plus an import request."""
    func = call.func
    if isinstance(func, cst.Attribute) and rule.resolves_to(func.value, {module}):
        return rule.context.module.code_for_node(func.value), ()
    return module, (module,)


class ConnectFixMixin:
    """The V6101/V6102 fix: ``sock = socket.socket(...)`` directly followed by
    ``sock.connect(address)`` becomes ``sock = socket.create_connection(address)``."""

    def _is_plain_tcp(self: "Rule", call: cst.Call) -> bool:
        if any(arg.star for arg in call.args):
            return False
        kind = argument(call, 1, "type")
        if kind is not None and not self.resolves_to(kind.value, {"socket.SOCK_STREAM"}):
            return False
        proto = argument(call, 2, "proto")
        if proto is not None and not (
            isinstance(proto.value, cst.Integer) and proto.value.value == "0"
        ):
            return False
        return argument(call, 3, "fileno") is None and len(call.args) <= 3

    def _connect_address(
        self, statement: cst.BaseStatement, target: str
    ) -> Optional[cst.BaseExpression]:
        """The address of ``target.connect(address)`` when ``statement`` is exactly that."""
        if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
            return None
        if statement.trailing_whitespace.comment is not None:
            return None
        if any(line.comment is not None for line in statement.leading_lines):
            return None
        expr = statement.body[0]
        if not isinstance(expr, cst.Expr) or not isinstance(expr.value, cst.Call):
            return None
        call = expr.value
        if not (
            isinstance(call.func, cst.Attribute)
            and call.func.attr.value == "connect"
            and isinstance(call.func.value, cst.Name)
            and call.func.value.value == target
        ):
            return None
        if len(call.args) != 1 or call.args[0].keyword is not None or call.args[0].star:
            return None
        return call.args[0].value

    def _new_call(self, call: cst.Call, address: cst.BaseExpression) -> cst.Call:
        prefix, _ = module_prefix(self, call, "socket")
        return cst.Call(
            func=cst.parse_expression(f"{prefix}.create_connection"),
            args=[cst.Arg(address)],
        )

    def _assigned_socket(self, call: cst.Call) -> Optional[AssignedSocket]:
        """``call`` as the whole of ``name = socket.socket(...)`` on a line of its own, with
        where that line stands in its block (the start of every statement-sequence fix)."""
        assign = self.parent(call)
        if not isinstance(assign, cst.Assign) or len(assign.targets) != 1:
            return None
        target = assign.targets[0].target
        line = self.parent(assign)
        block = self.parent(line) if line is not None else None
        if not isinstance(target, cst.Name) or not isinstance(line, cst.SimpleStatementLine):
            return None
        if len(line.body) != 1 or not isinstance(block, (cst.IndentedBlock, cst.Module)):
            return None
        body = list(block.body)
        index = _index(body, line)
        if index is None:
            return None
        return AssignedSocket(target.value, assign, line, block, body, index)

    def _connect_fix(self, call: cst.Call) -> Optional[PendingFix]:
        if not self._is_plain_tcp(call):
            return None
        _, imports = module_prefix(self, call, "socket")
        parent = self.parent(call)
        # sock = socket.socket(...) ; sock.connect(address)
        if isinstance(parent, cst.Assign):
            assigned = self._assigned_socket(call)
            if assigned is None or assigned.index + 1 >= len(assigned.body):
                return None
            line, block, body, index = assigned.line, assigned.block, assigned.body, assigned.index
            address = self._connect_address(body[index + 1], assigned.name)
            if address is None:
                return None
            new_line = line.with_deep_changes(parent, value=self._new_call(call, address))
            new_body = body[:index] + [new_line] + body[index + 2 :]
            return PendingFix(
                "Use socket.create_connection()",
                FixSafety.UNSAFE,
                [(block, block.with_changes(body=new_body))],
                imports=imports,
            )
        # with socket.socket(...) as sock: sock.connect(address); ...
        if isinstance(parent, cst.WithItem) and isinstance(parent.asname, cst.AsName):
            with_node = self.parent(parent)
            target = parent.asname.name
            if not isinstance(with_node, cst.With) or not isinstance(target, cst.Name):
                return None
            if not isinstance(with_node.body, cst.IndentedBlock) or len(with_node.body.body) < 2:
                return None
            body = list(with_node.body.body)
            address = self._connect_address(body[0], target.value)
            if address is None:
                return None
            items = [
                item.with_changes(item=self._new_call(call, address)) if item is parent else item
                for item in with_node.items
            ]
            new_with = with_node.with_changes(
                items=items, body=with_node.body.with_changes(body=body[1:])
            )
            return PendingFix(
                "Use socket.create_connection()",
                FixSafety.UNSAFE,
                [(with_node, new_with)],
                imports=imports,
            )
        return None



class AssignedSocket(NamedTuple):
    name: str
    assign: cst.Assign
    line: cst.SimpleStatementLine
    block: Union[cst.IndentedBlock, cst.Module]
    body: list[cst.BaseStatement]
    index: int


def _index(body: Sequence[cst.CSTNode], node: cst.CSTNode) -> Optional[int]:
    for index, statement in enumerate(body):
        if statement is node:
            return index
    return None


# ip_mreq / ip_mreqn layouts: "4sl", "=4sL", "4s4s", "4s4si", ... (group, then interface).
_MREQ_FORMAT = re.compile(r"^[@=<>!]?4s(?:4s|[lLiI])(?:4s|[iI])?$")

INADDR_NAMES = frozenset(
    {
        "socket.INADDR_ANY",
        "socket.INADDR_LOOPBACK",
        "socket.INADDR_BROADCAST",
        "socket.INADDR_NONE",
        "socket.INADDR_ALLHOSTS_GROUP",
        "socket.INADDR_MAX_LOCAL_GROUP",
        "socket.INADDR_UNSPEC_GROUP",
    }
)


def _format_text(node: cst.BaseExpression) -> Optional[str]:
    if isinstance(node, cst.SimpleString):
        try:
            value = node.evaluated_value
        except Exception:
            return None
        return value.decode("latin-1") if isinstance(value, bytes) else value
    return None


def is_mreq_pack(rule: "Rule", call: cst.Call) -> bool:
    """``struct.pack("4sl", socket.inet_aton(group), socket.INADDR_ANY)`` and the like: an
    IPv4 multicast membership request, reported as a whole by V6106."""
    if not call.args or rule.called_name(call, {"struct.pack"}) is None:
        return False
    fmt = _format_text(call.args[0].value)
    if fmt is None or not _MREQ_FORMAT.match(fmt.replace(" ", "")):
        return False
    for arg in call.args[1:]:
        value = arg.value
        if isinstance(value, cst.Call) and rule.called_name(value, {"socket.inet_aton"}):
            return True
        if rule.resolves_to(value, INADDR_NAMES):
            return True
    return False


def inside_mreq_pack(rule: "Rule", node: cst.CSTNode) -> bool:
    """``node`` is a direct argument of an ip_mreq ``struct.pack`` (see ``is_mreq_pack``)."""
    arg = rule.parent(node)
    call = rule.parent(arg) if isinstance(arg, cst.Arg) else None
    return isinstance(call, cst.Call) and is_mreq_pack(rule, call)
