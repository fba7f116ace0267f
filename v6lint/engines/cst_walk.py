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

import functools
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator, MutableMapping, Optional

import libcst as cst
from libcst import MaybeSentinel
from libcst.metadata.scope_provider import _ASSIGNMENT_LIKE_NODES, ScopeVisitor

from v6lint.cst_children import child_fields, children_of

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

class _Leave:
    __slots__ = ("node",)

    def __init__(self, node: cst.CSTNode) -> None:
        self.node = node


@functools.lru_cache(maxsize=None)
def _handler_names(visitor_class: type) -> tuple[str, ...]:
    """The ``visit_<Type>``/``leave_<Type>`` methods a visitor class really defines (read once
    per class: ``dir`` of a libcst visitor lists hundreds of names)."""
    names = []
    for name in dir(visitor_class):
        if not name.startswith(("visit_", "leave_")) or name.count("_") != 1:
            continue  # visit_<Type>_<attribute> hooks are not supported (none is used)
        if getattr(getattr(visitor_class, name), "_is_no_op", False):
            continue  # libcst's empty stubs for every node type
        names.append(name)
    return tuple(names)


def dispatch_table(visitors: Iterable[object]) -> tuple[dict, dict]:
    """``{node class name: [bound visit methods]}`` and the same for leave methods."""
    visits: dict[str, list[Callable]] = {}
    leaves: dict[str, list[Callable]] = {}
    for visitor in visitors:
        for name in _handler_names(type(visitor)):
            (visits if name[0] == "v" else leaves).setdefault(name[6:], []).append(getattr(visitor, name))
    return visits, leaves


def walk(
    root: cst.CSTNode,
    visitors: Iterable[object] = (),
    parents: Optional[MutableMapping[cst.CSTNode, cst.CSTNode]] = None,
    *,
    skip_trivia: bool = True,
    stack: Optional[list] = None,
) -> None:
    """Call every visitor's ``visit_<Type>``/``leave_<Type>`` methods over ``root``'s tree, in
    libcst's order, recording each walked node's parent in ``parents``.

    ``stack``, an empty list, becomes the walk's own stack: while a visitor runs, it holds
    the subtrees still to walk (see ``pending_subtrees``)."""
    visits, leaves = dispatch_table(visitors)
    handled = set(visits) | set(leaves)
    skipped = frozenset(cls for cls in TRIVIA if cls.__name__ not in handled) if skip_trivia else frozenset()
    if parents is None:
        parents = {}
    if stack is None:
        stack = []
    stack.append(root)
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
        children = children_of(node, skipped)
        # Linked and stacked before the node's visitors run: they often ask for the parent
        # chain of a child, or of a node further down (see ``pending_subtrees``).
        for child in children:
            parents[child] = node
        name = node_class.__name__
        if name in leaves:
            push(_Leave(node))
        for child in reversed(children):
            push(child)
        methods = visits.get(name)
        if methods:
            for method in methods:
                method(node)


def pending_subtrees(stack: list) -> Iterator[cst.CSTNode]:
    """The roots of the subtrees a paused ``walk`` has yet to visit, the nearest first (the
    children of the node being visited come first)."""
    return (item for item in reversed(stack) if item.__class__ is not _Leave)


# -- libcst's own visitors (the metadata providers) ---------------------------------------------

_LIBCST_VISIT = cst.CSTNode.visit


def _read_only_visit(self: cst.CSTNode, visitor):
    """``CSTNode.visit`` for a ``CSTVisitor``, without rebuilding every node on the way.

    libcst's ``visit`` runs ``_visit_and_replace_children``, which constructs (and validates) a
    copy of each node even for a visitor, which can change nothing; the copy is thrown away.
    This calls the same hooks in the same order (``on_visit``; per visited field
    ``on_visit_attribute``, the children, ``on_leave_attribute``; ``on_leave``) and returns the
    node itself, as libcst does for visitors. Attribute hooks are skipped where the visitor
    has no method for them (their default bodies look one up and find nothing), and so are
    layout and punctuation subtrees (``TRIVIA``) that it has no hook for: the metadata
    providers record nothing there but, for ``ScopeProvider``, the scope of the node itself,
    which nothing asks of a comma. Transformers get libcst's own method.
    """
    plans = visitor.__dict__.get("_v6lint_plans")
    if plans is None:
        if not isinstance(visitor, cst.CSTVisitor):
            return _LIBCST_VISIT(self, visitor)
        plans = visitor.__dict__["_v6lint_plans"] = _plans_for(visitor)
    plan = plans.get(self.__class__)
    if plan is None:
        plan = plans[self.__class__] = _plan(visitor, self.__class__)
    if plan is False:
        return _LIBCST_VISIT(self, visitor)
    skipped = plans[None]
    if visitor.on_visit(self):
        for field, hooked in plan:
            value = getattr(self, field)
            if hooked:
                visitor.on_visit_attribute(self, field)
            if value is None or value.__class__ is MaybeSentinel:
                pass
            elif value.__class__ is tuple or value.__class__ is list:
                for child in value:
                    if child.__class__ not in skipped:
                        child.visit(visitor)
            elif value.__class__ not in skipped:
                value.visit(visitor)
            if hooked:
                visitor.on_leave_attribute(self, field)
    visitor.on_leave(self)
    return self


# Plans shared by every instance of a plain visitor class (a batch's hooks vary per instance).
_CLASS_PLANS: dict[type, dict] = {}


def _plans_for(visitor) -> dict:
    """``{node class: ((field, has attribute hooks), ...) or False}``, and under ``None`` the
    trivia classes the visitor skips."""
    batched = getattr(visitor, "visitor_methods", None) is not None
    plans = None if batched else _CLASS_PLANS.get(visitor.__class__)
    if plans is None:
        plans = {None: _skipped_trivia(visitor)}
        if not batched:
            _CLASS_PLANS[visitor.__class__] = plans
    return plans


def _plan(visitor, node_class: type):
    fields = child_fields(node_class)
    if fields is None:
        return False
    return tuple((field, _has_attribute_hooks(visitor, node_class, field)) for field in fields)


def _defines(visitor) -> Callable[[str], bool]:
    """Whether ``visitor`` has a hook method of a name that does something: for a batch, one of
    its members' (it calls them by name, nothing else); libcst's visitors carry an empty stub
    for every hook name, which does not count."""
    methods = getattr(visitor, "visitor_methods", None)
    if methods is not None:
        return methods.__contains__
    visitor_class = visitor.__class__
    return lambda name: not getattr(getattr(visitor_class, name, None), "_is_no_op", True)


def _hooks_named(defines: Callable[[str], bool], suffix: str) -> bool:
    return defines(f"visit_{suffix}") or defines(f"leave_{suffix}")


def _skipped_trivia(visitor) -> frozenset:
    visitor_class = visitor.__class__
    batched = getattr(visitor, "visitor_methods", None) is not None
    generic = batched or (
        visitor_class.on_visit is cst.CSTVisitor.on_visit
        and visitor_class.on_leave in (cst.CSTVisitor.on_leave, _scope_on_leave, _LIBCST_SCOPE_ON_LEAVE)
    )
    if not generic:
        return frozenset()  # it does something for every node: give it every node
    defines = _defines(visitor)
    return frozenset(c for c in TRIVIA if not _hooks_named(defines, c.__name__))


def _has_attribute_hooks(visitor, node_class: type, field: str) -> bool:
    """Whether ``visitor`` has a ``visit_<Type>_<field>``/``leave_...`` method to call."""
    batched = getattr(visitor, "visitor_methods", None) is not None
    if not batched and (
        visitor.__class__.on_visit_attribute is not cst.CSTVisitor.on_visit_attribute
        or visitor.__class__.on_leave_attribute is not cst.CSTVisitor.on_leave_attribute
    ):
        return True  # hooks of its own: always call them
    return _hooks_named(_defines(visitor), f"{node_class.__name__}_{field}")


# ScopeProvider's visitor tests every node it leaves against a tuple of 17 node classes (an
# ``isinstance`` through ``ABCMeta`` per class: a sixth of its time); the answer depends on the
# node's class alone.
_LIBCST_SCOPE_ON_LEAVE = ScopeVisitor.on_leave
_ASSIGNMENT_LIKE: dict[type, bool] = {}


def _scope_on_leave(self: ScopeVisitor, original_node: cst.CSTNode) -> None:
    """``ScopeVisitor.on_leave``, with the class test answered once per node class."""
    self.provider.set_metadata(original_node, self.scope)
    node_class = original_node.__class__
    assignment_like = _ASSIGNMENT_LIKE.get(node_class)
    if assignment_like is None:
        assignment_like = _ASSIGNMENT_LIKE[node_class] = issubclass(node_class, _ASSIGNMENT_LIKE_NODES)
    if assignment_like:
        self.scope._assignment_count += 1
    cst.CSTVisitor.on_leave(self, original_node)


# A batch asks each member for its hook methods through ``inspect.getmembers``, ~8 ms per
# provider and file; the names depend on the class alone, so libcst's answer is kept per class.
_LIBCST_GET_VISITORS = cst.BatchableCSTVisitor.get_visitors
_HOOK_NAMES: dict[type, tuple[str, ...]] = {}


def _get_visitors(self: cst.BatchableCSTVisitor) -> dict[str, Callable]:
    """``BatchableCSTVisitor.get_visitors``, with the method names found once per class."""
    names = _HOOK_NAMES.get(self.__class__)
    if names is None:
        names = _HOOK_NAMES[self.__class__] = tuple(_LIBCST_GET_VISITORS(self))
    return {name: getattr(self, name) for name in names}


@contextmanager
def read_only_visits() -> Iterator[None]:
    """Within the block, visitors (libcst's metadata providers among them) traverse trees
    without rebuilding them. Not thread-safe: the engine analyses one file at a time."""
    if cst.CSTNode.visit is _read_only_visit:
        yield
        return
    cst.CSTNode.visit = _read_only_visit  # type: ignore[method-assign]
    ScopeVisitor.on_leave = _scope_on_leave  # type: ignore[method-assign]
    cst.BatchableCSTVisitor.get_visitors = _get_visitors  # type: ignore[method-assign]
    try:
        yield
    finally:
        cst.CSTNode.visit = _LIBCST_VISIT  # type: ignore[method-assign]
        ScopeVisitor.on_leave = _LIBCST_SCOPE_ON_LEAVE  # type: ignore[method-assign]
        cst.BatchableCSTVisitor.get_visitors = _LIBCST_GET_VISITORS  # type: ignore[method-assign]
