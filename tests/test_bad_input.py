"""Bad input never crashes the run: one diagnostic per problem, the scan goes on, exit 2."""

from __future__ import annotations

import os

import pytest

from test_cli import BAD, run


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "bad.py").write_text(BAD)
    return tmp_path


def _assert_reported(result, needle):
    assert result.exit_code == 2, result.output
    assert needle in result.output, result.output
    assert "bad.py:2:11: V6201" in result.output, "the rest of the tree was not scanned"


def test_syntax_error(tree):
    (tree / "broken.py").write_text("import socket\ndef f(:\n    socket.gethostbyname(h)\n")
    _assert_reported(run(["check", "."], tree), "broken.py:")
    assert "syntax-error" in run(["check", "."], tree).output


def test_undecodable_file(tree):
    (tree / "latin.py").write_bytes(b"import socket\nx = '\xff\xfe'\nsocket.gethostbyname(h)\n")
    _assert_reported(run(["check", "."], tree), "latin.py: decode-error")


def test_declared_encoding_is_honoured(tree):
    (tree / "latin1.py").write_bytes(
        b"# -*- coding: latin-1 -*-\nimport socket\nx = '\xe9'; socket.gethostbyname(h)\n"
    )
    result = run(["check", "latin1.py"], tree)
    assert result.exit_code == 1
    assert "latin1.py:3:10: V6201" in result.output


def test_columns_count_code_points_not_bytes(tree):
    (tree / "utf8.py").write_text("import socket\nx = 'éé'; socket.gethostbyname(h)\n", encoding="utf-8")
    result = run(["check", "utf8.py"], tree)
    assert "utf8.py:2:11: V6201" in result.output  # 13 if counted in UTF-8 bytes


def test_binary_file(tree):
    (tree / "blob.py").write_bytes(b"gethostbyname\0\0\0\x01\x02")
    _assert_reported(run(["check", "."], tree), "blob.py: binary-file")


def test_unreadable_file(tree):
    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their mode")
    path = tree / "secret.py"
    path.write_text(BAD)
    path.chmod(0)
    _assert_reported(run(["check", "."], tree), "secret.py: unreadable")


def test_missing_path(tree):
    _assert_reported(run(["check", "nope.py", "."], tree), "nope.py: unreadable")


def test_symlink_loops(tree):
    (tree / "loop_a.py").symlink_to(tree / "loop_b.py")
    (tree / "loop_b.py").symlink_to(tree / "loop_a.py")
    (tree / "sub").mkdir()
    (tree / "sub" / "back").symlink_to(tree)  # a folder loop: not followed
    _assert_reported(run(["check", "."], tree), "loop_a.py: unreadable")
    _assert_reported(run(["check", "loop_a.py", "."], tree), "loop_a.py: unreadable")


def test_file_over_the_size_limit(tree):
    (tree / "pyproject.toml").write_text("[tool.v6lint]\nmax-file-size = 100\n")
    (tree / "huge.py").write_text("import socket\n" + "x = 1\n" * 100 + "socket.gethostbyname(h)\n")
    _assert_reported(run(["check", "."], tree), "huge.py: too-large")


def test_deeply_nested_expression(tree):
    (tree / "deep.py").write_text("import socket\nx = " + "(" * 3000 + "1" + ")" * 3000 + "\nsocket.gethostbyname(h)\n")
    result = run(["check", "."], tree)
    assert result.exit_code in (1, 2)
    assert "Traceback" not in result.output
