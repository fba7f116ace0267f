"""The engine's selective positions equal libcst's PositionProvider for the nodes asked, and
its statement lines are where each top-level statement's text starts."""

from __future__ import annotations

import os
import random
import sysconfig

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper, PositionProvider

from v6lint.engines.cst_positions import Layout
from v6lint.engines.cst_walk import walk

STDLIB = sysconfig.get_paths()["stdlib"]


def _check(source: str, samples: int = 60, seed: int = 0) -> int:
    module = cst.parse_module(source)
    expected = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    parents: dict = {}
    walk(module, parents=parents, skip_trivia=False)
    def top(node):
        while parents[node] is not module:
            node = parents[node]
        return node

    # Nodes of the module's header and footer (comments before the first statement) are not
    # served: the engine asks libcst then. Every node under a statement is.
    body = set(module.body)
    nodes = [node for node in parents if top(node) in body]
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


def test_statement_lines_are_where_each_statement_starts():
    source = "# a\n\nimport os\n\n\n# about f\ndef f():\n    return 1\nx = (1,\n 2)\n"
    module = cst.parse_module(source)
    parents: dict = {}
    walk(module, parents=parents, skip_trivia=False)
    layout = Layout(module, [], parents)
    code = module.code
    for statement in module.body:
        text = module.code_for_node(statement)
        offset = code.index(text)
        assert layout.first_lines[statement] == code.count("\n", 0, offset) + 1
