"""Annotated fixture files: each ``# ruleid: CODE`` line must be reported, each ``# ok: CODE``
line must not, and nothing else may be reported by the codes the file annotates."""

from __future__ import annotations

import pytest

from helpers import FIXTURES, check_fixture, expected_lines

FILES = sorted((FIXTURES / "python").glob("*.py"))


def _codes(path):
    must, must_not = expected_lines(path.read_text(encoding="utf-8"))
    return set().union(*must.values(), *must_not.values())


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_fixture(path):
    codes = _codes(path)
    assert codes, f"{path.name} has no annotations"
    assert check_fixture(path, codes) == []
