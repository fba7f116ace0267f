"""Findings do not depend on the speed machinery: the prefilter (triggers, syntactic gating of
name lookups, lazily computed metadata), the worker processes or the cache.

The corpus is a sample of the interpreter's standard library: real code none of us wrote.
"""

from __future__ import annotations

import os
import sysconfig

import pytest

from v6lint.config import Config
from v6lint.engines import cst as engine
from v6lint.rules import python_rules
from v6lint.runner import run_check

STDLIB = sysconfig.get_paths()["stdlib"]


def _sample(step: int, max_size: int) -> list[str]:
    found = []
    for folder, folders, names in os.walk(STDLIB):
        folders[:] = sorted(f for f in folders if f not in ("site-packages", "__pycache__"))
        for name in sorted(names):
            path = os.path.join(folder, name)
            if name.endswith(".py") and os.path.getsize(path) <= max_size:
                found.append(path)
    return found[::step]


@pytest.fixture(scope="module")
def corpus() -> list[str]:
    files = _sample(step=9, max_size=40_000)
    assert len(files) > 120
    return files


def test_exhaustive_analysis_matches_prefiltered(corpus):
    """Every rule on every file with libcst's eager providers vs triggers + gating + laziness."""
    rules = python_rules()
    sample = corpus[::3]
    total = skipped = 0
    for path in sample:
        with open(path, "rb") as handle:
            data = handle.read()
        fast_findings, fast_diagnostics = engine.analyze_source(data, path, rules, exhaustive=False)
        full_findings, full_diagnostics = engine.analyze_source(data, path, rules, exhaustive=True)
        assert fast_findings == full_findings, path
        if engine.triggered_rules(data, rules):
            assert fast_diagnostics == full_diagnostics, path
        else:
            skipped += 1
        total += len(full_findings)
    # Not vacuous: the sample has findings, and the prefilter skipped some files.
    assert total > 0
    assert skipped > 0


def test_jobs_and_cache_do_not_change_findings(corpus, tmp_path, monkeypatch):
    config = Config(root=str(tmp_path))
    monkeypatch.setenv("V6LINT_CACHE_DIR", str(tmp_path / "cache"))
    serial = run_check(corpus, config, jobs=1, cwd=STDLIB, use_cache=False)
    assert serial.findings, "the corpus must produce findings for this test to mean anything"
    parallel_cold = run_check(corpus, config, jobs=2, cwd=STDLIB, use_cache=True)
    assert os.listdir(tmp_path / "cache")

    # A warm run must not parse anything: make parsing impossible and run again.
    def no_parsing(*args, **kwargs):
        raise AssertionError("a warm cache run parsed a file")

    monkeypatch.setattr(engine, "analyze_source", no_parsing)
    parallel_warm = run_check(corpus, config, jobs=2, cwd=STDLIB, use_cache=True)
    serial_warm = run_check(corpus, config, jobs=1, cwd=STDLIB, use_cache=True)

    for other in (parallel_cold, parallel_warm, serial_warm):
        assert other.findings == serial.findings
        assert other.diagnostics == serial.diagnostics
