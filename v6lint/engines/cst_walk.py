"""A batched walk over a libcst tree for the rules, several times cheaper than libcst's own.

``libcst.visit_batched`` goes through ``_visit_and_replace_children``, which is built for
transformers: each field of each node costs several calls and an attribute hook, even when
every visitor only reads. The rules need less: their ``visit_<Type>`` and ``leave_<Type>``
methods called in libcst's order, and each node's parent. So this walk reads the children
straight from the node's fields, in the order libcst visits them (taken once per node class
from libcst's own ``_visit_and_replace_children``), and skips whitespace and punctuation
nodes, which no rule visits (unless one does: then they are walked too).
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import re
from typing import Callable, Iterable, MutableMapping, Optional

import libcst as cst

# Leaves of layout and punctuation: no rule reports on them or asks for their parent.
TRIVIA: frozenset[type] = frozenset(
    {
        cst.SimpleWhitespace,
        cst.ParenthesizedWhitespace,
        cst.TrailingWhitespace,
        cst.EmptyLine,
        cst.Newline,
        cst.Comment,
        cst.Comma,
        cst.Semicolon,
        cst.Colon,
        cst.Dot,
        cst.AssignEqual,
        cst.LeftParen,
        cst.RightParen,
        cst.LeftSquareBracket,
        cst.RightSquareBracket,
        cst.LeftCurlyBrace,
        cst.RightCurlyBrace,
    }
)

_VISITED_FIELD = re.compile(r'visit_\w+\(\s*self,\s*"(\w+)"')


@functools.lru_cache(maxsize=None)
def child_fields(node_class: type) -> tuple[str, ...]:
    """The fields of ``node_class`` that hold children, in the order libcst visits them."""
    try:
        source = inspect.getsource(node_class._visit_and_replace_children)
        names = tuple(dict.fromkeys(_VISITED_FIELD.findall(source)))
    except (OSError, TypeError):
        names = ()
    if not names and dataclasses.is_dataclass(node_class):
        names = tuple(field.name for field in dataclasses.fields(node_class))
    return names


class _Leave:
    __slots__ = ("node",)

    def __init__(self, node: cst.CSTNode) -> None:
        self.node = node


def dispatch_table(visitors: Iterable[object]) -> tuple[dict, dict]:
    """``{node class name: [bound visit methods]}`` and the same for leave methods."""
    visits: dict[str, list[Callable]] = {}
    leaves: dict[str, list[Callable]] = {}
    for visitor in visitors:
        for name in dir(type(visitor)):
            if not name.startswith(("visit_", "leave_")) or name.count("_") != 1:
                continue  # visit_<Type>_<attribute> hooks are not supported (none is used)
            method = getattr(visitor, name)
            if getattr(method, "_is_no_op", False):
                continue  # libcst's empty stubs for every node type
            (visits if name[0] == "v" else leaves).setdefault(name[6:], []).append(method)
    return visits, leaves


def walk(
    root: cst.CSTNode,
    visitors: Iterable[object] = (),
    parents: Optional[MutableMapping[cst.CSTNode, cst.CSTNode]] = None,
    *,
    skip_trivia: bool = True,
) -> None:
    """Call every visitor's ``visit_<Type>``/``leave_<Type>`` methods over ``root``'s tree, in
    libcst's order, recording each walked node's parent in ``parents``."""
    visits, leaves = dispatch_table(visitors)
    handled = set(visits) | set(leaves)
    skipped = {cls for cls in TRIVIA if cls.__name__ not in handled} if skip_trivia else set()
    if parents is None:
        parents = {}
    stack: list = [root]
    pop, push = stack.pop, stack.append
    while stack:
        item = pop()
        if item.__class__ is _Leave:
            node = item.node
            for method in leaves[type(node).__name__]:
                method(node)
            continue
        node = item
        node_class = type(node)
        name = node_class.__name__
        methods = visits.get(name)
        if methods:
            for method in methods:
                method(node)
        if name in leaves:
            push(_Leave(node))
        children = []
        for field in child_fields(node_class):
            value = getattr(node, field)
            if isinstance(value, cst.CSTNode):
                if value.__class__ not in skipped:
                    children.append(value)
            elif isinstance(value, (list, tuple)):
                for child in value:
                    if isinstance(child, cst.CSTNode) and child.__class__ not in skipped:
                        children.append(child)
        for child in reversed(children):
            parents[child] = node
            push(child)
