"""The engine's selective positions equal libcst's PositionProvider for the nodes asked, and a
statement around them, rendered alone, is exactly its slice of the module's text."""

from __future__ import annotations

import os
import random
import sysconfig

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper, PositionProvider

from v6lint.engines.cst_positions import STATEMENT_TYPES, Layout, render_alone
from v6lint.engines.cst_walk import walk

STDLIB = sysconfig.get_paths()["stdlib"]


def _check(source: str, samples: int = 60, seed: int = 0) -> int:
    module = cst.parse_module(source)
    expected = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    parents: dict = {}
    walk(module, parents=parents, skip_trivia=False)
    nodes = list(parents)  # every node but the module: header and footer comments too
    chosen = random.Random(seed).sample(nodes, min(samples, len(nodes)))
    found = Layout(module, chosen, parents).positions
    assert found is not None
    for node in chosen:
        assert found[node] == expected[node], (type(node).__name__, found[node], expected[node])
    return len(chosen)


@pytest.mark.parametrize(
    "name", ["smtplib.py", "socketserver.py", "http/client.py", "test/test_timeout.py", "ftplib.py"]
)
def test_positions_equal_libcst_on_stdlib_modules(name):
    with open(os.path.join(STDLIB, name), encoding="utf-8") as handle:
        assert _check(handle.read()) == 60


@pytest.mark.parametrize(
    "source",
    [
        "# header comment\n\nimport socket\nx = (1,\n     2)\n\n\ndef f():\n    return 'é' + \"\"\"a\nb\"\"\"\n",
        "import socket\r\nclass C:\r\n    def m(self):\r\n        return socket.socket()\r\n",
        "x = 1\ry = 2\rz = [\r  3]\r",  # old Mac line endings
        "if True:\n\tvalue = {'k': [1, 2,\n\t\t3]}\nelse:\n\tvalue = None",  # tabs, no final newline
    ],
)
def test_positions_equal_libcst_on_awkward_layouts(source):
    assert _check(source, samples=1000) > 5


def _located_statements(source: str, samples: int, seed: int = 0):
    module = cst.parse_module(source)
    parents: dict = {}
    walk(module, parents=parents, skip_trivia=False)
    nodes = list(parents)
    chosen = random.Random(seed).sample(nodes, min(samples, len(nodes)))
    layout = Layout(module, chosen, parents)
    code = module.code
    line_starts = [0]
    for line in code.splitlines(keepends=True):
        line_starts.append(line_starts[-1] + len(line))
    found = 0
    for node in chosen:
        located = layout.enclosing_statement([node])
        if located is None:
            continue
        found += 1
        text = render_alone(module, located)
        start = line_starts[located.first_line - 1]
        assert code[start : start + len(text)] == text, type(located.statement).__name__
        # The innermost statement above the node: no statement lies between them.
        assert located.statement in _ancestors(parents, node)
        assert not any(
            isinstance(a, STATEMENT_TYPES) and not isinstance(parents[a], cst.If)
            for a in _ancestors_until(parents, node, located.statement)
        )
    return found


def _ancestors(parents, node):
    found = []
    while node in parents:
        node = parents[node]
        found.append(node)
    return found


def _ancestors_until(parents, node, stop):
    found = []
    node = parents[node]
    while node is not stop:
        found.append(node)
        node = parents[node]
    return found


@pytest.mark.parametrize("name", ["smtplib.py", "socketserver.py", "test/test_timeout.py"])
def test_statements_rendered_alone_are_their_slice_of_the_module(name):
    with open(os.path.join(STDLIB, name), encoding="utf-8") as handle:
        assert _located_statements(handle.read(), samples=300) > 200


@pytest.mark.parametrize(
    "source",
    [
        "class C:\n\tdef m(self):\n\t\tif x:\n\t\t\treturn (1,\n\t\t\t  2)  # c\n\n\t\t# lead\n\t\ty = 3\n",
        "def f():\r\n  @dec\r\n  # c\r\n  def g(): return 1\r\n  with a as b, c:\r\n      pass\r\n",
        "if a:\n    pass\nelif b:\n        x = [\n  1]\nelse:\n  y = 2\n",
    ],
)
def test_statements_rendered_alone_keep_odd_indentation(source):
    assert _located_statements(source, samples=1000) > 3


def test_a_statement_is_not_its_own_enclosing_statement():
    module = cst.parse_module("x = 1\ndef f():\n    y = 2\n")
    parents: dict = {}
    walk(module, parents=parents, skip_trivia=False)
    inner = module.body[1].body.body[0]
    layout = Layout(module, [module.body[0], inner], parents)
    assert layout.enclosing_statement([module.body[0]]) is None  # top level: no statement above
    located = layout.enclosing_statement([inner])
    assert located.statement is module.body[1] and located.first_line == 2


def test_a_node_to_locate_that_is_not_in_the_tree_does_not_cost_the_positions():
    module = cst.parse_module("def f():\n    return g(1)\n")
    parents: dict = {}
    walk(module, parents=parents, skip_trivia=False)
    call = module.body[0].body.body[0].body[0].value
    stranger = cst.parse_expression("h(2)")  # a node of another tree
    layout = Layout(module, [call], parents, also=[call.args[0], stranger])
    assert layout.positions is not None and layout.positions[call].start.line == 2
    assert layout.enclosing_statement([call.args[0]]).first_line == 2
    assert layout.enclosing_statement([stranger]) is None
