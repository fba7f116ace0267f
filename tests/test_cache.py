"""The content-hash cache: faithful round trips, keys, corruption, atomic concurrent writes."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys

import pytest

from v6lint import cache as cache_module
from v6lint.cache import Cache
from v6lint.config import Config
from v6lint.engines import cst as engine
from v6lint.model import (
    Confidence,
    Diagnostic,
    DiagnosticKind,
    Finding,
    Fix,
    FixSafety,
    Position,
    Severity,
    Span,
    TextEdit,
)
from v6lint.runner import run_check

BAD = "import socket\naddress = socket.gethostbyname('example.org')\n"


def _finding(path: str = "a.py") -> Finding:
    span = Span(Position(2, 11), Position(2, 46))
    edit = TextEdit(Span(Position(2, 18), Position(2, 31)), "getaddrinfo ✓")
    return Finding(
        code="V6201", name="ipv4-only-resolver", path=path, span=span, message="mëssage",
        severity=Severity.ERROR, confidence=Confidence.MEDIUM,
        fix=Fix("Use getaddrinfo", FixSafety.UNSAFE, (edit,)), engine="cst",
    )


def test_round_trip_keeps_everything_but_the_path(tmp_path):
    cache = Cache(str(tmp_path), ["V6201"])
    key = cache.key(b"data", "a.py")
    diagnostic = Diagnostic(DiagnosticKind.SYNTAX, "bad", "a.py", 3)
    cache.put(key, [_finding()], [diagnostic])
    findings, diagnostics = cache.get(key, "moved/b.py")
    assert findings == [_finding("moved/b.py")]
    assert diagnostics == [Diagnostic(DiagnosticKind.SYNTAX, "bad", "moved/b.py", 3)]
    # The cache folder keeps itself out of git.
    assert (tmp_path / ".gitignore").read_text().strip().endswith("*")


def test_key_depends_on_bytes_and_selected_codes(tmp_path):
    one = Cache(str(tmp_path), ["V6201", "V6202"])
    same = Cache(str(tmp_path), ["V6202", "V6201"])
    other = Cache(str(tmp_path), ["V6201"])
    assert one.key(b"x", "a.py") == same.key(b"x", "a.py")
    assert one.key(b"x", "a.py") != one.key(b"y", "a.py")
    assert one.key(b"x", "a.py") != other.key(b"x", "a.py")
    assert one.folder.endswith(cache_module.ruleset_version())


def test_key_keeps_a_file_and_its_copy_in_tests_apart(tmp_path):
    """Rules read whether a file is test code (findings there are low confidence): a copy
    under tests/ must not be served the product file's findings, nor the reverse."""
    cache = Cache(str(tmp_path), ["V6401"])
    assert cache.key(b"x", "app.py") == cache.key(b"x", "src/pkg/app.py")  # a move still hits
    assert cache.key(b"x", "app.py") != cache.key(b"x", "tests/test_app.py")
    assert cache.key(b"x", "app/settings.py") != cache.key(b"x", "app/migrations/0001.py")


def test_a_copy_in_tests_is_not_served_the_cached_findings_of_the_original(tmp_path):
    code = 'import socket\ns = socket.create_connection(("127.0.0.1", 80))\n'
    (tmp_path / "app.py").write_text(code)
    (tmp_path / "tests").mkdir()
    env = dict(os.environ, V6LINT_CACHE_DIR=str(tmp_path / "cache"))
    command = [sys.executable, "-m", "v6lint", "check", "--output-format", "json", "--exit-zero"]
    subprocess.run([*command, "app.py"], cwd=tmp_path, env=env, check=True, capture_output=True)
    (tmp_path / "tests" / "test_app.py").write_text(code)  # the same bytes, cached above
    result = subprocess.run([*command, "."], cwd=tmp_path, env=env, check=True, capture_output=True)
    found = json.loads(result.stdout)["findings"]
    assert sorted((f["path"], f["confidence"]) for f in found) == [
        ("app.py", "high"),
        ("tests/test_app.py", "low"),
    ]


def test_corrupt_or_foreign_entries_are_misses(tmp_path):
    cache = Cache(str(tmp_path), ["V6201"])
    key = cache.key(b"data", "a.py")
    cache.put(key, [_finding()], [])
    path = cache._entry_path(key)
    for junk in (b"", b"{not json", b'{"format": 99, "findings": []}', b'{"format": 1, "findings": [{"code": 1}]}', b"[]"):
        with open(path, "wb") as handle:
            handle.write(junk)
        assert cache.get(key, "a.py") is None


def test_corrupt_entry_is_ignored_by_a_run(tmp_path, monkeypatch):
    (tmp_path / "bad.py").write_text(BAD)
    monkeypatch.setenv("V6LINT_CACHE_DIR", str(tmp_path / "cache"))
    config = Config(root=str(tmp_path))
    first = run_check(["bad.py"], config, jobs=1, cwd=str(tmp_path))
    assert [f.code for f in first.findings] == ["V6201"]
    entries = [
        os.path.join(folder, name)
        for folder, _, names in os.walk(tmp_path / "cache")
        for name in names
        if name.endswith(".json") and name != "triggers.json"
    ]
    assert len(entries) == 1
    with open(entries[0], "w") as handle:
        handle.write("garbage")
    again = run_check(["bad.py"], config, jobs=1, cwd=str(tmp_path))
    assert again.findings == first.findings
    with open(entries[0]) as handle:
        assert json.load(handle)["format"] == cache_module.FORMAT  # rewritten


def test_warm_run_uses_the_cache_and_edits_invalidate(tmp_path, monkeypatch):
    target = tmp_path / "bad.py"
    target.write_text(BAD)
    monkeypatch.setenv("V6LINT_CACHE_DIR", str(tmp_path / "cache"))
    config = Config(root=str(tmp_path))
    cold = run_check(["bad.py"], config, jobs=1, cwd=str(tmp_path))

    calls = []
    real = engine.analyze_source
    monkeypatch.setattr(engine, "analyze_source", lambda *a, **k: calls.append(a[1]) or real(*a, **k))
    warm = run_check(["bad.py"], config, jobs=1, cwd=str(tmp_path))
    assert warm.findings == cold.findings and calls == []

    target.write_text("\n" + BAD)  # an edit: new bytes, new key
    edited = run_check(["bad.py"], config, jobs=1, cwd=str(tmp_path))
    assert calls == ["bad.py"]
    assert edited.findings[0].span.start.line == 3


def test_selection_is_part_of_the_key(tmp_path, monkeypatch):
    (tmp_path / "bad.py").write_text(BAD)
    monkeypatch.setenv("V6LINT_CACHE_DIR", str(tmp_path / "cache"))
    everything = run_check(["bad.py"], Config(root=str(tmp_path)), jobs=1, cwd=str(tmp_path))
    assert everything.findings
    narrowed = Config(root=str(tmp_path)).with_overrides(select=["V6202"], ignore=())
    assert run_check(["bad.py"], narrowed, jobs=1, cwd=str(tmp_path)).findings == []


def test_no_cache_writes_nothing(tmp_path):
    (tmp_path / "bad.py").write_text(BAD)
    env = dict(os.environ, V6LINT_CACHE_DIR=str(tmp_path / "cache"))
    done = subprocess.run(
        [sys.executable, "-m", "v6lint", "check", "--no-cache", "bad.py"],
        cwd=tmp_path, env=env, capture_output=True, text=True,
    )
    assert done.returncode == 1, done.stderr
    assert "V6201" in done.stdout
    assert not (tmp_path / "cache").exists()
    done = subprocess.run(
        [sys.executable, "-m", "v6lint", "check", "bad.py"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 1 and (tmp_path / "cache").is_dir()


def _writer(args) -> None:
    folder, rounds = args
    cache = Cache(folder, ["V6201"])
    key = cache.key(b"shared", "a.py")
    for _ in range(rounds):
        cache.put(key, [_finding()], [])
        assert cache.get(key, "a.py") is not None


def test_concurrent_writers_never_leave_half_an_entry(tmp_path):
    context = multiprocessing.get_context("fork")
    with context.Pool(4) as pool:
        pool.map(_writer, [(str(tmp_path), 50)] * 4)
    cache = Cache(str(tmp_path), ["V6201"])
    assert cache.get(cache.key(b"shared", "a.py"), "a.py")[0] == [_finding()]
    leftovers = [n for _, _, names in os.walk(tmp_path) for n in names if n.startswith(".tmp-")]
    assert leftovers == []


@pytest.mark.parametrize("options", [[], ["--no-cache"]])
def test_files_without_triggers_are_checked_without_importing_the_rules(tmp_path, options):
    """The pre-commit case: with the trigger table cached or shipped, no rule (and no libcst)
    is loaded when no file holds a trigger, from the first run on."""
    target = tmp_path / "plain.py"
    target.write_text("print('hello')\n")
    code = (
        "import sys\n"
        "from v6lint.cli import main\n"
        "try:\n"
        "    main(['check', *sys.argv[2:], sys.argv[1]])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('libcst' in sys.modules, 'v6lint.rules' in sys.modules)\n"
    )
    env = {**os.environ, "V6LINT_CACHE_DIR": str(tmp_path / "cache")}
    outputs = []
    for _ in range(2):  # the first run reads the shipped table and caches it, the second reads that
        done = subprocess.run(
            [sys.executable, "-c", code, str(target), *options], capture_output=True, text=True, env=env, cwd=tmp_path
        )
        outputs.append(done.stdout.strip().splitlines()[-1])
    assert outputs == ["False False", "False False"], outputs


def test_a_few_files_get_workers_only_when_several_must_be_parsed(tmp_path):
    from v6lint.model import SourceFile
    from v6lint.runner import PARALLEL_MIN_PARSED_BYTES, PythonAnalysis, _worth_workers

    def source(name: str, text: str) -> SourceFile:
        (tmp_path / name).write_text(text)
        return SourceFile(name, str(tmp_path / name), "python")

    filler = "# padding\n" * (PARALLEL_MIN_PARSED_BYTES // 10)
    plain = [source(f"plain{i}.py", filler) for i in range(5)]  # big, but nothing to parse
    socket_code = [source(f"net{i}.py", BAD + filler) for i in range(2)]
    cache = Cache(str(tmp_path / "cache"), ["V6101"])
    analysis = PythonAnalysis(Config(root=str(tmp_path)), cache)

    def worth(sources):
        return _worth_workers([analysis.prepare(item) for item in sources])

    assert not worth(plain)
    assert not worth(plain + socket_code[:1])  # one file to parse
    assert worth(plain + socket_code)
    for item in socket_code:  # once their results are cached, nothing is left to parse
        data = open(item.fs_path, "rb").read()
        cache.put(cache.key(data, "a.py"), [], [])
    assert not worth(plain + socket_code)
