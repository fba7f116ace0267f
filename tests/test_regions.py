"""The region reducer (v6lint.regions): the engine parses a copy of a big file in which the
definitions no running rule can report in are stubs. Findings must not change, lines and
columns must not move, and text the lexer cannot follow must be left alone."""

from __future__ import annotations

import ast
import os
import sysconfig

import pytest

from v6lint.engines import cst as engine
from v6lint.regions import MIN_REDUCIBLE_BYTES, reduce_source, statements
from v6lint.rules import python_rules

STDLIB = sysconfig.get_paths()["stdlib"]
FILLER = "".join(f"def filler_{i}(value):\n    return value + {i}\n\n\n" for i in range(200))


def hits_of(data: bytes, *needles: bytes) -> list[int]:
    found = []
    for needle in needles:
        start = data.find(needle)
        while start >= 0:
            found.append(start)
            start = data.find(needle, start + 1)
    return found


def analyze(data: bytes, monkeypatch, *, regions: bool):
    monkeypatch.setattr(engine, "REGIONS", regions)
    return engine.analyze_source(data, "example.py", python_rules())


def test_unrelated_definitions_become_stubs_on_the_same_lines():
    source = (
        "import socket\n\n"
        + FILLER
        + "class Client:\n"
        + "    timeout = 3\n\n"
        + "    def unrelated(self):\n        return [1,\n  2]\n\n"
        + "    @property\n    def sock(self):\n        return socket.socket(socket.AF_INET)\n\n"
        + FILLER.replace("filler_", "tail_")
    ).encode()
    reduced = reduce_source(source, hits_of(source, b"AF_INET"))
    assert b"return value" not in reduced and b"return [1," not in reduced
    assert reduced.count(b"\n") == source.count(b"\n")
    ast.parse(reduced)
    lines, kept = source.splitlines(), reduced.splitlines()
    for number, line in enumerate(lines):
        if b"socket.socket" in line or b"timeout = 3" in line or b"class Client" in line:
            assert kept[number] == line  # kept text does not move
    # The name stays bound, on its own first line; the body is one string over its lines.
    assert b"\ndef filler_7(): '''\n\n\n'''\ndef filler_8()" in reduced
    assert b"    def unrelated(): '''\n\n\n'''\n    @property" in reduced


def test_a_one_line_definition_becomes_a_one_line_stub():
    source = b"import socket\n" + b"def f(): return 1\n" * 400 + b"s = socket.socket()\n"
    reduced = reduce_source(source, hits_of(source, b"socket("))
    assert reduced.count(b"def f(): pass\n") == 400
    ast.parse(reduced)


def test_small_files_and_files_without_definitions_are_left_alone():
    small = b"import socket\nsocket.socket(socket.AF_INET)\n"
    assert reduce_source(small, [20]) is small
    flat = ("x = 1\n" * (MIN_REDUCIBLE_BYTES // 6 + 10)).encode()
    assert reduce_source(flat, []) == flat


@pytest.mark.parametrize(
    "tricky",
    [
        'EXAMPLE = """\ndef not_a_function():\n    pass\n"""\n',  # code inside a string
        "VALUE = (1,\n2)\n",  # a bracket spanning lines, the next at column 0
        "TOTAL = 1 + \\\n2\n",  # a backslash continuation
        "if True:\n    pass\nelse:\n    pass\n",  # a clause at column 0 of one statement
        "try:\n    import ssl\nexcept ImportError:\n    ssl = None\n",
    ],
)
def test_statements_inside_strings_brackets_and_clauses_are_not_split(tricky):
    source = (FILLER + tricky + FILLER.replace("filler_", "after_")).encode()
    reduced = reduce_source(source, [])
    ast.parse(reduced)
    assert reduced.count(b"\n") == source.count(b"\n")
    assert tricky.encode() in reduced


def test_unbalanced_text_is_not_reduced():
    # A 3.12 f-string reusing its quotes inside a replacement field: the lexer sees a stray
    # closing bracket and gives up rather than guess.
    source = (FILLER + 'label = f"{names["a)"]}"\n').encode()
    assert statements(source) is None
    assert reduce_source(source, []) is source


@pytest.mark.parametrize(
    "program",
    [
        # A call through an import alias: the function holds no trigger itself.
        "from struct import pack as p\n\n{filler}def encode(ip_int):\n    return p('!L', ip_int)\n",
        # A module constant used inside a function.
        'HOST = "127.0.0.1"\n\n{filler}def serve(sock):\n    sock.bind((HOST, 8080))\n',
        # A local base class defined far from its subclass.
        "import socketserver\n\n{filler}class Base(socketserver.TCPServer):\n    pass\n\n"
        "{filler2}class Server(Base):\n    allow_reuse_address = True\n",
        # A global assigned in another function must stop the constant from being followed.
        'HOST = "example.org"\n\n{filler}def configure():\n    global HOST\n    HOST = read()\n\n'
        "{filler2}def serve(sock):\n    sock.connect((HOST, 80))\n",
        # CRLF line endings and a decorated method.
        "import socket\r\n\r\n{filler}class C:\r\n    @staticmethod\r\n    def make():\r\n"
        "        return socket.socket(socket.AF_INET, socket.SOCK_STREAM)\r\n",
    ],
)
def test_findings_equal_whole_file_analysis(program, monkeypatch):
    text = program.format(filler=FILLER, filler2=FILLER.replace("filler_", "more_"))
    if "\r\n" in text:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    data = text.encode()
    assert len(data) > MIN_REDUCIBLE_BYTES
    whole = analyze(data, monkeypatch, regions=False)
    reduced = analyze(data, monkeypatch, regions=True)
    assert reduced == whole


def test_a_syntax_error_that_breaks_the_lexing_is_still_reported(monkeypatch):
    # An unclosed bracket: the lexer gives up, the whole file is parsed, the error reported.
    # (An error inside a balanced, stubbed definition goes unreported, like one in a file no
    # trigger matches: v6lint is not a syntax checker.)
    data = ("import socket\n" + FILLER + "def broken(:\n    pass\n\n" + "s = socket.socket()\n").encode()
    findings, diagnostics = analyze(data, monkeypatch, regions=True)
    assert [d.kind.value for d in diagnostics] == ["syntax-error"]
    assert diagnostics == analyze(data, monkeypatch, regions=False)[1]


# Socket-heavy standard library modules of different shapes (servers, clients, tests).
STDLIB_MODULES = [
    "smtplib.py",
    "ftplib.py",
    "socketserver.py",
    "http/server.py",
    "xmlrpc/server.py",
    "logging/config.py",
    "urllib/request.py",
    "idlelib/rpc.py",
    "test/test_timeout.py",
    "test/test_asyncio/test_base_events.py",
]


def test_stdlib_findings_equal_whole_file_analysis(monkeypatch):
    total = reduced_files = 0
    for name in STDLIB_MODULES:
        path = os.path.join(STDLIB, name)
        if not os.path.exists(path):
            continue
        with open(path, "rb") as handle:
            data = handle.read()
        selected = engine.triggered_rules(data, python_rules())
        if len(reduce_source(data, engine.region_hits(data, python_rules(), selected))) < len(data):
            reduced_files += 1
        whole = analyze(data, monkeypatch, regions=False)
        reduced = analyze(data, monkeypatch, regions=True)
        assert reduced == whole, name
        total += len(whole[0])
    assert total >= 20  # not vacuous: these modules have findings
    assert reduced_files >= 5  # and the reducer removed something from most of them
