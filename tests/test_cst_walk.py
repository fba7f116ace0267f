"""The engine's traversals give libcst's results: the rules' walk visits what libcst's batched
visit does, in the same order, and libcst's metadata computed with read-only visits equals the
metadata computed by libcst's own visits."""

from __future__ import annotations

import os
import sysconfig

import libcst as cst
import pytest
from libcst.metadata import (
    ExpressionContextProvider,
    MetadataWrapper,
    ParentNodeProvider,
    ScopeProvider,
)
from libcst.metadata.scope_provider import ScopeVisitor

from v6lint.engines.cst_walk import TRIVIA, read_only_visits, walk

STDLIB = sysconfig.get_paths()["stdlib"]
MODULES = ["smtplib.py", "socketserver.py", "typing.py", "test/test_timeout.py", "dataclasses.py"]


def _source(name: str) -> str:
    with open(os.path.join(STDLIB, name), encoding="utf-8") as handle:
        return handle.read()


class _Recorder(cst.BatchableCSTVisitor):
    """Records every visit and leave of the node types rules use."""

    def __init__(self) -> None:
        super().__init__()
        self.events: list[tuple[str, int]] = []

    def visit_Call(self, node: cst.Call) -> None:
        self.events.append(("Call", id(node)))

    def visit_Name(self, node: cst.Name) -> None:
        self.events.append(("Name", id(node)))

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        self.events.append(("SimpleString", id(node)))

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.events.append(("ClassDef", id(node)))

    def leave_Module(self, node: cst.Module) -> None:
        self.events.append(("leave Module", id(node)))


@pytest.mark.parametrize("name", MODULES)
def test_walk_visits_like_libcst(name):
    module = cst.parse_module(_source(name))
    ours, theirs = _Recorder(), _Recorder()
    parents: dict = {}
    walk(module, [ours], parents)
    cst.visit_batched(module, [theirs])
    assert ours.events == theirs.events and len(ours.events) > 100
    expected = MetadataWrapper(module, unsafe_skip_copy=True).resolve(ParentNodeProvider)
    for node, parent in parents.items():
        assert expected[node] is parent
    # Everything but layout and punctuation got its parent recorded.
    assert all(type(node) in TRIVIA for node in expected if node not in parents)


def _metadata(module: cst.Module):
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    scopes = wrapper.resolve(ScopeProvider)
    contexts = wrapper.resolve(ExpressionContextProvider)
    walk_parents: dict = {}
    walk(module, parents=walk_parents, skip_trivia=False)
    # Layout and punctuation nodes get no scope under read_only_visits: nothing asks for one.
    order = [node for node in walk_parents if type(node) not in TRIVIA]
    summary = []
    for node in order:
        scope = scopes.get(node)
        names = sorted(q.name for q in scope.get_qualified_names_for(node)) if scope else None
        if isinstance(node, cst.Name) and scope is not None:
            assignments = sorted(
                (type(getattr(a, "node", None)).__name__, a.name) for a in scope[node.value]
            ) if node.value in scope else []
        else:
            assignments = None
        summary.append((type(node).__name__, type(scope).__name__, names, assignments, str(contexts.get(node))))
    return summary


@pytest.mark.parametrize("name", MODULES)
def test_metadata_with_read_only_visits_equals_libcst(name):
    source = _source(name)
    expected = _metadata(cst.parse_module(source))
    with read_only_visits():
        found = _metadata(cst.parse_module(source))
    assert found == expected


def test_transformers_still_rebuild_the_tree():
    module = cst.parse_module("x = 1\n")

    class Rename(cst.CSTTransformer):
        def leave_Name(self, original, updated):
            return updated.with_changes(value="y")

    libcst_methods = (cst.CSTNode.visit, ScopeVisitor.on_leave, cst.BatchableCSTVisitor.get_visitors)
    with read_only_visits():
        assert module.visit(Rename()).code == "y = 1\n"
    # libcst's own methods are back.
    assert (cst.CSTNode.visit, ScopeVisitor.on_leave, cst.BatchableCSTVisitor.get_visitors) == libcst_methods


def test_batched_providers_get_the_same_hooks():
    for provider in (ScopeProvider(), ExpressionContextProvider()):
        expected = provider.get_visitors()
        with read_only_visits():
            assert provider.get_visitors() == expected and provider.get_visitors() == expected


def test_child_fields_read_from_code_match_libcst_source():
    """The visiting order read from each class's code object equals the one in its source."""
    import dataclasses
    import inspect

    from v6lint.cst_children import _child_fields_from_source, child_fields

    classes = [
        c
        for c in vars(cst).values()
        if isinstance(c, type) and issubclass(c, cst.CSTNode) and dataclasses.is_dataclass(c)
        and not inspect.isabstract(c)
    ]
    assert len(classes) > 150
    for node_class in classes:
        method = node_class._visit_and_replace_children
        assert child_fields(node_class) == _child_fields_from_source(method), node_class.__name__


def test_a_node_below_the_visited_one_is_linked_without_walking_the_module():
    from v6lint.engines.cst import _Parents

    module = cst.parse_module("f(g(x), [y])\nh(z)\n")
    parents = _Parents(module)
    asked = []

    class Asker(cst.BatchableCSTVisitor):
        def visit_Call(self, node: cst.Call) -> None:
            if isinstance(node.func, cst.Name) and node.func.value == "f":
                x = node.args[0].value.args[0].value  # a great-grandchild, not walked yet
                asked.append((type(parents[x]).__name__, type(parents[parents[x]]).__name__))

    walk(module, [Asker()], parents.links, stack=parents.pending)
    assert asked == [("Arg", "Call")]
    assert not parents._complete  # found in the walk's pending subtrees, not by a full walk


@pytest.mark.parametrize("name", MODULES)
def test_descendants_are_what_following_children_gives(name):
    from v6lint.cst_children import descendants

    module = cst.parse_module(_source(name))
    expected, stack = [], [module]
    while stack:
        node = stack.pop()
        expected.append(node)
        stack.extend(reversed(node.children))
    found = list(descendants(module))
    assert len(found) == len(expected) and all(a is b for a, b in zip(found, expected))
