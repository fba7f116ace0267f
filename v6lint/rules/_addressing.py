"""Helpers shared by the host:port and address-parsing rules (V65x, V66x); not a rule module.

What makes a value "an address" is decided from its name (``addr``, ``server_host``,
``os.environ["REDIS_HOST"]``, ``config.get("bind")``) and, one step back, from the single
assignment of a local name. The name is split into words (``selfNodeAddr`` -> self, node,
addr) and judged word by word, so ``macaddr`` or ``proxy_auth`` do not pass for an address.
The words themselves live in v6lint.rules._vocabulary; this module applies them to the tree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import libcst as cst
from libcst.metadata import Assignment, ScopeProvider

from v6lint.rules._base import iter_nodes, string_value as _str_value
from v6lint.rules._vocabulary import (
    ADDRESS_TUPLE_CALLS,
    ADDRESS_TUPLE_WORDS,
    BRACES_FIELD,
    BRACKET_LITERALS,
    BRACKET_METHODS,
    INT_TO_TEXT,
    NOT_ADDRESS_WORDS,
    PERCENT_FIELD,
    bracket_template,
    words,
)


def string_value(node):
    """A str literal's value, or a bytes literal's decoded as latin-1 (b"[" tests count too)."""
    value = _str_value(node)
    if value is None and isinstance(node, cst.SimpleString) and "b" in node.prefix.lower():
        try:
            raw = node.evaluated_value
        except Exception:
            return None
        return raw.decode("latin-1") if isinstance(raw, bytes) else None
    return value

if TYPE_CHECKING:
    from v6lint.rules._base import Rule


def callee_name(call: cst.Call) -> Optional[str]:
    """The last name of what is called: ``sock.connect(...)`` -> "connect", ``f()`` -> "f"."""
    func = call.func
    if isinstance(func, cst.Attribute):
        return func.attr.value
    return func.value if isinstance(func, cst.Name) else None


def _key_of_call(call: cst.Call) -> Optional[str]:
    """``x.get("host")``, ``os.getenv("HOST")``, ``getattr(o, "host")`` -> the key."""
    name = callee_name(call)
    if name in ("get", "getenv", "pop", "setdefault", "get_option", "getoption", "getint"):
        if call.args:
            return string_value(call.args[0].value)
    if name == "getattr" and len(call.args) >= 2:
        return string_value(call.args[1].value)
    return None


def expression_name(node: cst.BaseExpression) -> Optional[str]:
    """The identifier or key that names ``node``'s value, when it has one."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return node.attr.value
    if isinstance(node, cst.Subscript) and len(node.slice) == 1:
        index = node.slice[0].slice
        if isinstance(index, cst.Index):
            key = string_value(index.value)
            if key is not None:
                return key
    if isinstance(node, cst.Call):
        return _key_of_call(node)
    return None


def name_words(node: cst.BaseExpression) -> frozenset[str]:
    name = expression_name(node)
    return words(name) if name else frozenset()


def unwrap_conversion(node: cst.BaseExpression) -> cst.BaseExpression:
    """``str(x)``, ``int(x)``, ``intToBytes(x)`` -> ``x`` (one level)."""
    if (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Name)
        and (node.func.value in ("str", "int") or INT_TO_TEXT.match(node.func.value))
        and len(node.args) == 1
        and not node.args[0].star
        and node.args[0].keyword is None
    ):
        return node.args[0].value
    return node


def tuple_index(node: cst.BaseExpression) -> Optional[tuple[cst.BaseExpression, int]]:
    """``addr[0]`` -> (addr, 0) for a literal integer index."""
    if isinstance(node, cst.Subscript) and len(node.slice) == 1:
        index = node.slice[0].slice
        if isinstance(index, cst.Index) and isinstance(index.value, cst.Integer):
            return node.value, int(index.value.value)
    return None


def is_address_tuple(node: cst.BaseExpression) -> bool:
    """A (host, port) sockaddr: ``sock.getpeername()``, ``server_address``, ``peer``."""
    if isinstance(node, cst.Call):
        func = node.func
        attr = func.attr.value if isinstance(func, cst.Attribute) else None
        return attr in ADDRESS_TUPLE_CALLS
    found = name_words(node)
    return bool(found & ADDRESS_TUPLE_WORDS) and not (found & NOT_ADDRESS_WORDS)


def local_value(rule: "Rule", name: cst.Name) -> Optional[cst.BaseExpression]:
    """The value of the single plain assignment of a name in its own scope, if there is one."""
    if rule.is_local_parameter(name):
        return None  # its binding is the parameter (the cheap answer spares a scope analysis)
    try:
        scope = rule.get_metadata(ScopeProvider, name, None)
    except KeyError:
        return None
    if scope is None:
        return None
    try:
        assignments = list(scope[name.value])
    except Exception:
        return None
    if len(assignments) != 1 or not isinstance(assignments[0], Assignment):
        return None
    holder = rule.parent(assignments[0].node)
    if isinstance(holder, cst.AssignTarget):
        statement = rule.parent(holder)
        if isinstance(statement, cst.Assign) and len(statement.targets) == 1:
            return statement.value
    if isinstance(holder, cst.AnnAssign) and holder.value is not None:
        return holder.value
    return None


def enclosing_function(rule: "Rule", node: cst.CSTNode) -> cst.CSTNode:
    """The innermost function around ``node``, else the module."""
    for ancestor in rule.ancestors(node):
        if isinstance(ancestor, (cst.FunctionDef, cst.Lambda)):
            return ancestor
    return rule.context.module


def enclosing_scopes(rule: "Rule", node: cst.CSTNode):
    """The functions and classes around ``node``, innermost first."""
    for ancestor in rule.ancestors(node):
        if isinstance(ancestor, (cst.FunctionDef, cst.ClassDef)):
            yield ancestor


def family_scope_words(rule: "Rule", node: cst.CSTNode) -> frozenset[str]:
    """Words of the names of the classes and functions around ``node`` (``_BaseV6``)."""
    found: set[str] = set()
    for scope in enclosing_scopes(rule, node):
        found |= words(scope.name.value)
    return frozenset(found)


def code_of(rule: "Rule", node: cst.CSTNode) -> str:
    return rule.context.module.code_for_node(node).strip()


def strip_parens(node: cst.BaseExpression) -> cst.BaseExpression:
    if getattr(node, "lpar", None):
        return node.with_changes(lpar=[], rpar=[])
    return node


class Awareness:
    """What a function does that shows it already handles IPv6 host:port forms.

    ``brackets``: it tests, strips, splits on or writes ``[``/``]`` (``host.startswith("[")``,
    ``strip("[]")``, ``f"[{host}]"``, ``"[%s]:%d" %``: a bracketed field where a host goes,
    see ``bracket_template``); ``colon_tests``: the code of every ``X`` in
    ``":" in X`` / ``X.count(":")`` (a colon test on a host is the IPv6 check).
    """

    def __init__(self, rule: "Rule", function: cst.CSTNode) -> None:
        self.brackets = False
        self.colon_tests: set[str] = set()
        self.colon_counts: set[str] = set()
        for node in iter_nodes(function):
            if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
                method = node.func.attr.value
                first = string_value(node.args[0].value) if node.args else None
                if method in BRACKET_METHODS and first is not None:
                    if first in BRACKET_LITERALS or first.startswith("[") or first.endswith("]"):
                        self.brackets = True
                if method == "count" and first == ":":
                    self.colon_counts.add(code_of(rule, node.func.value))
                elif method == "format" and isinstance(node.func.value, cst.SimpleString):
                    text = string_value(node.func.value) or ""
                    if bracket_template(BRACES_FIELD.sub("\0", text)):
                        self.brackets = True
            elif isinstance(node, cst.Comparison):
                left = string_value(node.left)
                for target in node.comparisons:
                    if left in (":", "[", "]") and isinstance(
                        target.operator, (cst.In, cst.NotIn)
                    ):
                        self.colon_tests.add(code_of(rule, target.comparator))
                        if left != ":":
                            self.brackets = True
                    right = string_value(target.comparator)
                    if right in ("[", "]") or (
                        left in ("[", "]") and isinstance(target.operator, (cst.Equal, cst.NotEqual))
                    ):
                        self.brackets = True
            elif isinstance(node, cst.FormattedString):
                text = "".join(
                    p.value if isinstance(p, cst.FormattedStringText) else "\0"
                    for p in node.parts
                )
                if bracket_template(text):
                    self.brackets = True
            elif isinstance(node, cst.SimpleString):
                value = string_value(node)
                if value is not None and (
                    value in ("[", "]")
                    or bracket_template(BRACES_FIELD.sub("\0", PERCENT_FIELD.sub("\0", value)))
                ):
                    self.brackets = True  # b"[" + host + b"]", "[%s]:%d" and the like


def awareness(rule: "Rule", node: cst.CSTNode) -> Awareness:
    """The (cached) awareness of the function around ``node``."""
    function = enclosing_function(rule, node)
    cache = rule.context.memo
    key = ("awareness", id(function))
    if key not in cache:
        cache[key] = (function, Awareness(rule, function))
    return cache[key][1]
