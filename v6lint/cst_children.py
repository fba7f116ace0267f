"""A libcst node's children read straight from its fields, in the order libcst visits them.

libcst's ``CSTNode.children`` collects them by running a visitor through
``_visit_and_replace_children``, which rebuilds the node on the way: ~100 times slower than
reading the fields. Shared by the engine's walk and by the rules' subtree searches.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import re
from typing import Iterator, Optional

import libcst as cst
from libcst import MaybeSentinel

_VISITED_FIELD = re.compile(r'visit_\w+\(\s*self,\s*"(\w+)"')


@functools.lru_cache(maxsize=None)
def child_fields(node_class: type) -> Optional[tuple[str, ...]]:
    """The fields of ``node_class`` that hold children, in the order libcst visits them (None
    when they cannot be read).

    ``_visit_and_replace_children`` passes each field's name as a string literal to libcst's
    ``visit_*`` helpers, one call per field in visiting order, so the names are the method's
    string constants in order of first use; field names only reach its code object that way
    (the node constructor's keywords are one tuple constant). Reading them from the code
    object costs nothing; ``inspect.getsource`` (the fallback) ~2 ms per class at start-up.
    """
    method = getattr(node_class, "_visit_and_replace_children", None)
    code = getattr(method, "__code__", None)
    if code is None or not dataclasses.is_dataclass(node_class):
        return None
    fields = {field.name for field in dataclasses.fields(node_class)}
    names = tuple(dict.fromkeys(c for c in code.co_consts if isinstance(c, str) and c in fields))
    if names or not _visits_any_field(method):
        return names
    return _child_fields_from_source(method)


def _visits_any_field(method) -> bool:
    return any(name.startswith("visit_") for name in method.__code__.co_names)


def _child_fields_from_source(method) -> Optional[tuple[str, ...]]:
    try:
        source = inspect.getsource(method)
    except (OSError, TypeError):
        return None
    return tuple(dict.fromkeys(_VISITED_FIELD.findall(source)))


_FIELDS_TO_READ: dict[type, tuple[tuple[str, ...], bool]] = {}


def _fields_to_read(node_class: type) -> tuple[tuple[str, ...], bool]:
    """The fields to read children from, and whether they are known to hold only nodes,
    sequences of nodes, None or MaybeSentinel (else every dataclass field, values checked)."""
    found = _FIELDS_TO_READ.get(node_class)
    if found is None:
        fields = child_fields(node_class)
        if fields is not None:
            found = (fields, True)
        elif dataclasses.is_dataclass(node_class):
            found = (tuple(field.name for field in dataclasses.fields(node_class)), False)
        else:
            found = ((), True)
        _FIELDS_TO_READ[node_class] = found
    return found


def children_of(node: cst.CSTNode, skipped: frozenset = frozenset()) -> list[cst.CSTNode]:
    """``node.children`` in libcst's order, leaving out nodes whose class is in ``skipped``."""
    children = []
    fields, exact = _fields_to_read(node.__class__)
    for field in fields:
        value = getattr(node, field)
        value_class = value.__class__
        if value_class is tuple or value_class is list:
            for child in value:
                if child.__class__ not in skipped and (exact or isinstance(child, cst.CSTNode)):
                    children.append(child)
        elif value is None or value_class is MaybeSentinel or value_class in skipped:
            continue
        elif exact or isinstance(value, cst.CSTNode):  # (isinstance through ABCMeta is slow)
            children.append(value)
    return children


def descendants(root: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """``root`` and every node below it, pre-order, in source order: the nodes that following
    ``children`` down the tree gives, whitespace and punctuation included."""
    stack = [root]
    pop, extend = stack.pop, stack.extend
    while stack:
        node = pop()
        yield node
        extend(reversed(children_of(node)))
