"""End-to-end tests of the semgrep engine on tests/fixtures/polyglot with the real semgrep.

One semgrep run (module-scoped fixture) serves most tests: it costs a few seconds on start-up.
The last tests check that scanning the engine's folder mirror gives exactly what passing every
file to semgrep on its own path gave, whatever the folders and file names.
"""

from __future__ import annotations

import os
import pathlib
import re
import subprocess

import pytest
import yaml

from v6lint import languages
from v6lint.engines import semgrep as engine
from v6lint.model import (
    Confidence,
    DiagnosticKind,
    FixSafety,
    Position,
    RuleInfo,
    Severity,
    SourceFile,
)

ROOT = pathlib.Path(__file__).resolve().parent / "fixtures" / "polyglot"

needs_semgrep = pytest.mark.skipif(
    not engine.available(), reason="semgrep is not installed (pip install 'v6lint[semgrep]')"
)


def source_files(explicit: bool = False) -> list[SourceFile]:
    files = []
    for path in sorted(ROOT.rglob("*")):
        if not path.is_file():
            continue
        language = languages.language_for(str(path))
        if language is None:
            continue
        display = path.relative_to(ROOT).as_posix()
        files.append(SourceFile(display, str(path), language, explicit))
    return files


@pytest.fixture(scope="module")
def result():
    if not engine.available():
        pytest.skip("semgrep is not installed (pip install 'v6lint[semgrep]')")
    return engine.run(source_files(), jobs=1)


def codes_by_path(findings) -> dict[str, set[str]]:
    table: dict[str, set[str]] = {}
    for finding in findings:
        table.setdefault(finding.path, set()).add(finding.code)
    return table


# Every file of the fixture and the codes it must produce (the tree is written so that each
# language's rules fire; a missing entry means a language silently dropped out of the run).
EXPECTED = {
    "src/server.c": {"V6101", "V6108"},
    "tests/client.go": {"V6104", "V6502"},
    "src/Server.java": {"V6901", "V6402"},
    "src/web.js": {"V6402"},
    "src/lookup.mts": {"V6901"},
    "src/Net.cs": {"V6402"},
    "src/server.rb": {"V6402"},
    "vendor/lib/ban.php": {"V6202"},
    "src/main.rs": {"V6402"},
    "deploy/nginx.conf": {"V6801"},
    "deploy/docker-compose.yml": {"V6801", "V6902"},
    "deploy/Dockerfile.prod": {"V6801"},
    "deploy/app.socket": {"V6801"},
    "db/schema.sql": {"V6701"},
    "deploy/start.sh": {"V6901"},
}


@needs_semgrep
def test_every_language_reported(result):
    findings, _ = result
    table = codes_by_path(findings)
    for path, codes in EXPECTED.items():
        assert codes <= table.get(path, set()), (path, table.get(path))
    # Nothing for Python (the cst engine's job) and nothing unexpected.
    assert "src/app.py" not in table
    assert set(table) == set(EXPECTED)
    assert all(f.engine == "semgrep" for f in findings)


@needs_semgrep
def test_findings_carry_metadata(result):
    findings, _ = result
    socket_finding = next(f for f in findings if f.path == "src/server.c" and f.code == "V6101")
    assert socket_finding.name == "af-inet-socket"
    assert socket_finding.severity is Severity.WARNING
    assert socket_finding.confidence is Confidence.HIGH
    assert socket_finding.fix is None
    assert "IPv4" in socket_finding.message and "\n" not in socket_finding.message
    line = (ROOT / "src/server.c").read_text().splitlines()[socket_finding.span.start.line - 1]
    assert "socket(AF_INET" in line


@needs_semgrep
def test_messages_have_no_unresolved_metavariables(result):
    findings, _ = result
    assert findings
    raw = [(f.path, f.code, f.message) for f in findings if re.search(r"\$[A-Z_][A-Z0-9_]*", f.message)]
    assert raw == []


@needs_semgrep
def test_columns_are_code_points(result):
    findings, _ = result
    finding = next(f for f in findings if f.path == "src/web.js")
    text = (ROOT / "src/web.js").read_text(encoding="utf-8")
    line_text = text.splitlines()[1]
    start = line_text.index("app.listen")
    end = line_text.index(";", start)  # the call ends before the statement's semicolon
    assert finding.span.start == Position(2, start + 1)
    assert finding.span.end == Position(2, end + 1)
    # Byte columns would be larger: the line has multi-byte characters before the match.
    assert len(line_text[:start].encode("utf-8")) > start


@needs_semgrep
def test_unparseable_file_is_a_diagnostic(result):
    _, diagnostics = result
    broken = [d for d in diagnostics if d.path == "src/broken.c"]
    assert len(broken) == 1
    # A file semgrep's grammar cannot parse is reported, once, but does not fail the run
    # (semgrep itself calls it a warning and exits 0 unless --strict): see test below.
    assert broken[0].kind is DiagnosticKind.NOTICE
    assert not broken[0].is_error
    assert "not analysed" in broken[0].message and "parse" in broken[0].message
    assert "language C" in broken[0].message
    # semgrep names the line where the unparseable region starts (it reports 1 here).
    assert broken[0].line in (1, 2)
    # Only the broken file has a problem, and no diagnostic is an error.
    assert {d.path for d in diagnostics if d.path} == {"src/broken.c"}
    assert not any(d.is_error for d in diagnostics)


@needs_semgrep
def test_unparseable_file_is_an_error_when_strict(tmp_path, monkeypatch):
    broken = tmp_path / "broken.c"
    broken.write_text((ROOT / "src/broken.c").read_text())
    fine = tmp_path / "fine.c"
    fine.write_text("int f(void) { return socket(AF_INET, SOCK_STREAM, 0); }\n")
    files = [SourceFile("broken.c", str(broken), "c"), SourceFile("fine.c", str(fine), "c")]
    findings, diagnostics = engine.run(files, jobs=1, strict_parse=True)
    assert [(d.kind, d.path) for d in diagnostics] == [(DiagnosticKind.ENGINE, "broken.c")]
    assert "could not parse" in diagnostics[0].message
    # The other file is still scanned.
    assert {(f.path, f.code) for f in findings} == {("fine.c", "V6101")}
    # The environment variable asks for the same.
    monkeypatch.setenv(engine.STRICT_ENV, "1")
    _, diagnostics = engine.run(files[:1], jobs=1)
    assert [d.kind for d in diagnostics] == [DiagnosticKind.ENGINE]
    monkeypatch.setenv(engine.STRICT_ENV, "0")
    _, diagnostics = engine.run(files[:1], jobs=1)
    assert [d.kind for d in diagnostics] == [DiagnosticKind.NOTICE]


@needs_semgrep
def test_node_script_without_suffix_is_scanned_as_javascript(tmp_path):
    from v6lint.config import Config
    from v6lint.discovery import discover

    (tmp_path / "bin").mkdir()
    script = tmp_path / "bin" / "serve"
    script.write_text(
        "#!/usr/bin/env node\n"
        "const http = require('http');\n"
        "http.createServer(handler).listen(8080, '0.0.0.0');\n"
    )
    (tmp_path / "bin" / "notes").write_text("listen(8080, '0.0.0.0') is what we used to do\n")
    shell = tmp_path / "bin" / "run"  # a shell script that merely starts node
    shell.write_text("#!/bin/sh\nexec node server.js --port 8080\n")
    files, problems = discover([str(tmp_path)], Config(root=str(tmp_path)), cwd=str(tmp_path))
    assert not problems
    assert sorted((f.path, f.language) for f in files) == [("bin/run", "bash"), ("bin/serve", "js")]
    findings, diagnostics = engine.run(files, jobs=1)
    assert not diagnostics
    assert [(f.path, f.code, f.span.start.line) for f in findings] == [("bin/serve", "V6402", 3)]


@needs_semgrep
def test_shell_script_without_suffix_is_scanned_as_bash(tmp_path):
    """Container entrypoints rarely carry ``.sh``; semgrep picks bash by suffix only."""
    from v6lint.config import Config
    from v6lint.discovery import discover

    script = tmp_path / "docker-entrypoint"
    script.write_text(
        "#!/bin/sh\n"
        "set -e\n"
        'LISTEN_ADDR="${LISTEN_ADDR:-0.0.0.0:8080}"\n'
        'HOST="${LISTEN_ADDR%%:*}"\n'
        'exec server --host "$HOST"\n'
    )
    (tmp_path / "zsh-helper").write_text('#!/bin/zsh\nHOST="${LISTEN_ADDR%%:*}"\n')
    files, problems = discover([str(tmp_path)], Config(root=str(tmp_path)), cwd=str(tmp_path))
    assert not problems
    assert [(f.path, f.language) for f in files] == [("docker-entrypoint", "bash")]
    findings, diagnostics = engine.run(files, jobs=1)
    assert not diagnostics
    assert [(f.path, f.code, f.span.start.line) for f in findings] == [("docker-entrypoint", "V6501", 4)]


def apply(text: str, fix) -> str:
    lines = text.split("\n")
    (edit,) = fix.edits

    def offset(position: Position) -> int:
        return sum(len(line) + 1 for line in lines[: position.line - 1]) + position.column - 1

    return text[: offset(edit.span.start)] + edit.replacement + text[offset(edit.span.end) :]


@needs_semgrep
def test_fixes_carried_with_their_tier(result):
    findings, _ = result
    buffer = next(f for f in findings if f.path == "src/server.c" and f.code == "V6108")
    assert buffer.fix is not None and buffer.fix.safety is FixSafety.SAFE
    text = (ROOT / "src/server.c").read_text()
    assert "char buf[INET6_ADDRSTRLEN];" in apply(text, buffer.fix)
    assert "INET_ADDRSTRLEN" not in apply(text, buffer.fix)

    join = next(f for f in findings if f.path == "tests/client.go" and f.code == "V6502")
    assert join.fix is not None and join.fix.safety is FixSafety.UNSAFE
    fixed = apply((ROOT / "tests/client.go").read_text(), join.fix)
    assert 'net.Dial("tcp4", net.JoinHostPort(host, strconv.Itoa(port)))' in fixed

    nginx = next(f for f in findings if f.path == "deploy/nginx.conf")
    assert nginx.fix is not None and nginx.fix.safety is FixSafety.UNSAFE
    fixed = apply((ROOT / "deploy/nginx.conf").read_text(), nginx.fix)
    assert "listen 80; listen [::]:80;" in fixed

    # Report-only rules never carry a fix.
    assert all(f.fix is None for f in findings if f.path == "src/Server.java")


@needs_semgrep
def test_single_file_and_no_targets():
    one = [s for s in source_files() if s.path == "src/main.rs"]
    findings, diagnostics = engine.run(one)
    assert [f.code for f in findings] == ["V6402"]
    assert diagnostics == []
    # Only Python files: semgrep is not started at all.
    python_only = [s for s in source_files() if s.language == "python"]
    assert engine.run(python_only) == ([], [])


def test_missing_semgrep_is_a_notice_unless_named(monkeypatch):
    monkeypatch.setattr(engine, "_executable", lambda: None)
    assert not engine.available()
    findings, diagnostics = engine.run(source_files())
    assert findings == []
    assert len(diagnostics) == 1
    assert diagnostics[0].kind is DiagnosticKind.NOTICE
    assert "semgrep is not installed" in diagnostics[0].message
    named = [s for s in source_files(explicit=True) if s.path == "src/main.rs"]
    _, diagnostics = engine.run(named)
    assert len(diagnostics) == 1
    assert diagnostics[0].kind is DiagnosticKind.ENGINE
    assert diagnostics[0].path == "src/main.rs"


def test_too_large_file_is_skipped_with_a_diagnostic(tmp_path, monkeypatch):
    monkeypatch.setattr(engine, "MAX_TARGET_BYTES", 10)
    monkeypatch.setattr(engine, "_executable", lambda: None)
    big = tmp_path / "big.go"
    big.write_text("package main\n" * 5)
    _, diagnostics = engine.run([SourceFile("big.go", str(big), "go")])
    assert [d.kind for d in diagnostics] == [DiagnosticKind.TOO_LARGE]


def test_rule_infos_and_languages():
    infos = engine.rule_infos()
    assert all(isinstance(info, RuleInfo) for info in infos)
    codes = [info.code for info in infos]
    assert len(codes) == len(set(codes))
    by_code = {info.code: info for info in infos}
    assert by_code["V6201"].name == "ipv4-only-resolver"
    assert {"c", "cpp", "csharp", "php", "ruby"} <= set(by_code["V6201"].languages)
    assert by_code["V6108"].fix_safety is FixSafety.SAFE  # INET6_ADDRSTRLEN widening
    assert by_code["V6101"].fix_safety is None
    for info in infos:
        assert info.summary and not info.summary.endswith(".")
        assert "## What it finds" in info.docs
    assert {
        "c", "cpp", "go", "java", "js", "ts", "csharp", "ruby", "php", "rust",
        "yaml", "generic", "dockerfile", "bash",
    } <= engine.languages_with_rules()
    # Every language a rule names is one that v6lint's file detection can produce.
    known = set(languages.SUFFIX_LANGUAGES.values()) | set(languages.NAME_LANGUAGES.values())
    assert engine.languages_with_rules() <= known | {"dockerfile"}


def test_rules_dir_is_the_repository_rules():
    assert engine.rules_dir() == pathlib.Path(__file__).resolve().parent.parent / "rules"
    assert os.path.isdir(engine.rules_dir())


# --------------------------------------------------------------------------------------------
# The folder mirror: semgrep scans one folder instead of thousands of file arguments, and the
# results must be those of the former per-file invocation.

RULES = pathlib.Path(__file__).resolve().parent.parent / "rules"

# Folders semgrep's default ignore list or habits would skip if it walked them itself.
SKIP_PRONE = [
    "src",
    "tests",
    "vendor/lib",
    "node_modules/pkg",
    ".hidden/deep",
    "build",
    "dist",
    "dir with space",
    "ünïcode/ß",
]


def build_tree(root: pathlib.Path) -> list[SourceFile]:
    """~50 files across languages and folders, with same-named files and awkward names."""
    examples = sorted(
        path
        for path in RULES.rglob("*")
        if path.is_file()
        and ".fixed." not in path.name
        and (path.suffix not in (".yaml", ".yml") or ".test." in path.name)
        and languages.language_for(str(path)) is not None
    )
    placed: list[tuple[pathlib.Path, pathlib.Path]] = []
    for index, example in enumerate(examples):
        placed.append((example, pathlib.Path(SKIP_PRONE[index % len(SKIP_PRONE)], example.name)))
    go, js = RULES / "go", RULES / "js"
    placed += [
        # Same base name, different folders and contents.
        (go / "listen-ipv4-loopback.go", pathlib.Path("cmd/a/main.go")),
        (go / "host-port-join.go", pathlib.Path("cmd/b/main.go")),
        # Names semgrep's default ignore list matches.
        (go / "ipv4-only-network.go", pathlib.Path("src/server_test.go")),
        (js / "listen-ipv4-any.js", pathlib.Path("src/app.min.js")),
        # Spaces and non-ASCII characters in the file name itself.
        (js / "ipv4first.js", pathlib.Path("dir with space/mé lange ✓.js")),
    ]
    placed += [
        (path, pathlib.Path("poly") / path.relative_to(ROOT))
        for path in ROOT.rglob("*")
        if path.is_file() and path.suffix != ".md"
    ]
    files = []
    for original, relative in placed:
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(original.read_bytes())
        language = languages.language_for(str(target))
        assert language is not None, target
        files.append(SourceFile(relative.as_posix(), str(target), language))
    return files


def scan_per_file(files: list[SourceFile], workdir: pathlib.Path):
    """The former behaviour: every file an explicit semgrep argument at its own path."""
    targets = [s for s in files if s.language in engine.languages_with_rules()]
    present = {s.language for s in targets}
    config = workdir / "rules.yaml"
    config.write_text(
        yaml.safe_dump(
            {"rules": [r.raw for r in engine._rules() if present.intersection(r.languages)]}
        )
    )
    by_fs_path = {}
    for index, source in enumerate(targets):
        alias = engine._alias_name(source)
        scanned = os.path.abspath(source.fs_path)
        if alias is not None:
            copy = workdir / "aliases" / str(index) / alias
            copy.parent.mkdir(parents=True)
            copy.write_bytes(pathlib.Path(source.fs_path).read_bytes())
            scanned = str(copy)
        by_fs_path[scanned] = source
    output, problem = engine._invoke(
        engine._executable(), config, sorted(by_fs_path), str(workdir), 1, 30, len(by_fs_path)
    )
    assert problem is None and output is not None
    scanned = engine._scanned(output, str(workdir))
    assert scanned == set(by_fs_path)
    findings = engine._unique(engine._findings(output, by_fs_path, str(workdir)))
    return findings, engine._errors(output, by_fs_path, str(workdir))


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    root = tmp_path_factory.mktemp("tree")
    return root, build_tree(root)


@needs_semgrep
def test_folder_scan_equals_per_file_scan(tree, tmp_path):
    root, files = tree
    assert len(files) >= 40
    findings, diagnostics = engine.run(files, jobs=1)
    expected_findings, expected_diagnostics = scan_per_file(files, tmp_path)
    assert findings == expected_findings
    assert sorted(diagnostics, key=repr) == sorted(expected_diagnostics, key=repr)
    # Paths are the user's, never the mirror's.
    assert {f.path for f in findings} <= {s.path for s in files}
    assert [d.path for d in diagnostics] == ["poly/src/broken.c"]
    with_findings = {f.path for f in findings}
    for folder in SKIP_PRONE:
        assert any(path.startswith(folder + "/") for path in with_findings), folder
    for path in (
        "cmd/a/main.go",
        "cmd/b/main.go",
        "src/server_test.go",
        "src/app.min.js",
        "dir with space/mé lange ✓.js",
        "poly/deploy/Dockerfile.prod",
        "poly/src/lookup.mts",
        "poly/tests/client.go",
        "poly/vendor/lib/ban.php",
    ):
        assert path in with_findings, path
    # The two main.go files keep their own findings.
    first = {(f.code, f.span) for f in findings if f.path == "cmd/a/main.go"}
    second = {(f.code, f.span) for f in findings if f.path == "cmd/b/main.go"}
    assert first and second and first != second
    # Spans point at the user's text: the unicode file's match is where the option is.
    unicode = next(f for f in findings if f.path == "dir with space/mé lange ✓.js")
    lines = (root / unicode.path).read_text(encoding="utf-8").splitlines()
    line = lines[unicode.span.start.line - 1]
    assert "ipv4first" in line[unicode.span.start.column - 1 : unicode.span.end.column - 1]


@needs_semgrep
def test_mirror_is_scanned_whole_as_one_folder(tree, tmp_path):
    root, files = tree
    targets = [s for s in files if s.language in engine.languages_with_rules()]
    by_fs_path, problems = engine._mirror(targets, str(tmp_path / engine._TREE))
    assert problems == []
    by_path = lambda s: s.path  # noqa: E731
    assert sorted(by_fs_path.values(), key=by_path) == sorted(targets, key=by_path)
    for mirrored, source in by_fs_path.items():
        assert not os.path.islink(mirrored)
        if engine._alias_name(source) is None:
            assert os.path.basename(mirrored) == os.path.basename(source.fs_path)
        if os.stat(mirrored).st_dev == os.stat(source.fs_path).st_dev:
            assert os.path.samefile(mirrored, source.fs_path)  # a hard link, not a copy
    config = tmp_path / "rules.yaml"
    config.write_text(yaml.safe_dump({"rules": [r.raw for r in engine._rules()]}))
    output, problem = engine._invoke(
        engine._executable(), config, [engine._TREE], str(tmp_path), 1, 30, len(by_fs_path)
    )
    assert problem is None and output is not None
    # semgrep scanned exactly the mirror, with none of its default ignores applied, so the
    # explicit second pass is not needed.
    assert engine._scanned(output, str(tmp_path)) == set(by_fs_path)


@needs_semgrep
def test_files_semgrep_ignores_in_the_folder_are_scanned_explicitly(tmp_path, monkeypatch):
    # A temporary folder inside a repository whose .semgrepignore excludes everything: semgrep
    # applies it to the mirror, so every file goes through the explicit second pass.
    repo = tmp_path / "repo"
    (repo / "tmp").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / ".semgrepignore").write_text("*.go\n*.js\n*.java\n")
    files = [s for s in source_files() if s.language in ("go", "js", "java")]
    monkeypatch.setattr(engine.tempfile, "tempdir", str(repo / "tmp"))
    ignored = engine.run(files, jobs=1)
    monkeypatch.undo()
    normal = engine.run(files, jobs=1)
    assert ignored == normal
    assert {f.path for f in normal[0]} == {s.path for s in files}


@needs_semgrep
def test_symlinked_and_missing_files(tmp_path):
    real = tmp_path / "real.go"
    real.write_bytes((RULES / "go" / "listen-ipv4-loopback.go").read_bytes())
    link = tmp_path / "link.go"
    link.symlink_to(real)
    files = [
        SourceFile("link.go", str(link), "go"),
        SourceFile("gone.go", str(tmp_path / "gone.go"), "go"),
    ]
    findings, diagnostics = engine.run(files, jobs=1)
    reference, _ = engine.run([SourceFile("real.go", str(real), "go")], jobs=1)
    assert reference
    assert [(f.code, f.span) for f in findings] == [(f.code, f.span) for f in reference]
    assert {f.path for f in findings} == {"link.go"}
    assert [(d.kind, d.path) for d in diagnostics] == [(DiagnosticKind.UNREADABLE, "gone.go")]


@pytest.mark.parametrize(
    "first_line, language",
    [
        (b"#!/usr/bin/env node\n", "js"),
        (b"#!/usr/bin/node\n", "js"),
        (b"#! /usr/bin/env -S node --no-warnings\r\n", "js"),
        (b"#!/usr/local/bin/nodejs\n", "js"),
        (b"#!/usr/bin/env ts-node\n", "ts"),
        (b"#!/usr/bin/env python3\n", "python"),
        (b"#!/bin/sh node\n", "bash"),  # node is an argument of sh
        (b"#!/usr/bin/env nodemon\n", None),
        (b"#!/bin/bash\n", "bash"),
        (b"#!/bin/bash -e\n", "bash"),
        (b"#!/usr/bin/env sh\n", "bash"),
        (b"#!/bin/dash\n", "bash"),
        (b"#!/bin/zsh\n", None),  # not POSIX syntax
        (b"#!/usr/bin/env bashdb\n", None),
        (b"#!/usr/bin/fish\n", None),
        (b"node server.js\n", None),
    ],
)
def test_shebang_language(first_line, language):
    assert languages.shebang_language(first_line) == language


def test_suffix_less_files_are_sniffed_only_without_suffix(tmp_path):
    script = tmp_path / "cli"
    script.write_bytes(b"#!/usr/bin/env node\nconsole.log(1)\n")
    named = tmp_path / "cli.txt"
    named.write_bytes(b"#!/usr/bin/env node\n")
    assert languages.language_for(str(script)) is None
    assert languages.language_for(str(script), sniff=True) == "js"
    assert languages.language_for(str(named), sniff=True) is None
    assert languages.language_for(str(tmp_path / "missing"), sniff=True) is None


@needs_semgrep
def test_csharp_async_identifier_does_not_hide_the_file(tmp_path):
    # semgrep's C# grammar loses the whole class to `bool async`; the mirror renames it.
    path = tmp_path / "Pool.cs"
    path.write_text(
        "using System.Net.Sockets;\n"
        "class Pool\n"
        "{\n"
        "    async Task Open(bool async, int timeout)\n"
        "    {\n"
        "        if (async) await Task.Yield();\n"
        "        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);\n"
        "        Connect(s, async);\n"
        "    }\n"
        "}\n"
    )
    files = [SourceFile(path="Pool.cs", fs_path=str(path), language="csharp", explicit=True)]
    findings, diagnostics = engine.run(files, jobs=1)
    assert not diagnostics
    assert [(f.code, f.span.start.line, f.span.start.column) for f in findings] == [
        ("V6101", 7, 17)
    ]
    assert path.read_text().count("bool async") == 1  # the user's file is untouched


def test_csharp_async_identifier_pattern_leaves_the_modifier():
    pattern = engine._CSHARP_ASYNC_IDENTIFIER
    renamed = [
        b"bool async)", b"bool async,", b"(async)", b"if (!async)", b"async ? a : b",
        b"bool async = false", b"x == async &&",
    ]
    kept = [
        b"async Task Run()", b"async () => x", b"static async ValueTask<int> F()",
        b"async x => x", b"asynchronous,", b"isAsync)",
    ]
    assert all(pattern.search(text) for text in renamed)
    assert not any(pattern.search(text) for text in kept)


def test_in_tests_lowers_confidence_only_in_test_code():
    meta = {"confidence": "high", "in-tests": "low"}
    assert engine._confidence(meta, "lib/server.rb") is Confidence.HIGH
    assert engine._confidence(meta, "test/test_server.rb") is Confidence.LOW
    # Never raises: a low rule stays low in tests, medium goes no higher than medium.
    assert engine._confidence({"confidence": "low", "in-tests": "medium"}, "test/a.rb") is Confidence.LOW
    assert engine._confidence({"confidence": "high", "in-tests": "medium"}, "test/a.rb") is Confidence.MEDIUM
    # Without in-tests, test code keeps the rule's confidence.
    assert engine._confidence({"confidence": "medium"}, "test/a.rb") is Confidence.MEDIUM


@needs_semgrep
def test_in_tests_confidence_end_to_end(tmp_path):
    for folder in ("lib", "test"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "sender.rb").write_text("def send_it\n  s = UDPSocket.new\nend\n")
    files = [
        SourceFile(f"{folder}/sender.rb", str(tmp_path / folder / "sender.rb"), "ruby", False)
        for folder in ("lib", "test")
    ]
    findings, _ = engine.run(files, jobs=1)
    assert {(f.path, f.code, f.confidence) for f in findings} == {
        ("lib/sender.rb", "V6102", Confidence.HIGH),
        ("test/sender.rb", "V6102", Confidence.LOW),
    }


def test_first_branches_keeps_bytes_lines_and_one_branch_per_conditional():
    source = (
        b"#ifdef WITH_TLS\nint f(int a, int tls)\n#else\nint f(int a)\n#endif\n{\n"
        b"#if 0\n  old();\n#elif defined(X) && \\\n      defined(Y)\n  xy();\n#else\n  other();\n#endif\n"
        b"  caf\xc3\xa9();\r\n}\n"
    )
    rewritten = engine.first_branches(source)
    assert len(rewritten) == len(source)  # byte offsets are semgrep's positions
    lines = rewritten.split(b"\n")
    assert lines[1] == b"int f(int a, int tls)" and lines[3].strip() == b""  # first branch
    assert lines[7].strip() == b"" and lines[10] == b"  xy();"  # after #if 0, the next branch
    assert lines[12].strip() == b""  # the #else after a chosen branch
    assert lines[9].strip() == b""  # a directive's continuation line
    assert lines[14] == b"  caf\xc3\xa9();\r"
    assert all(not line.lstrip().startswith(b"#") for line in lines)


C_IFDEF_HEADER = """#include <netdb.h>

#ifdef WITH_TLS
int net_connect(struct mosq *mosq, const char *host, int port, bool tls)
#else
int net_connect(struct mosq *mosq, const char *host, int port)
#endif
{
	struct addrinfo hints;
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_INET;
	if(mosq->sock < 0){
		return -1;
#ifdef WITH_TLS
	}else if(tls){
		start_tls(mosq);
#endif
	}
	return getaddrinfo(host, NULL, &hints, &mosq->ai);
}
"""


@needs_semgrep
def test_c_file_semgrep_rejects_is_scanned_again_with_first_branches(tmp_path):
    """Two #ifdef'd headers over one body plus an #ifdef'd "} else if" make semgrep drop the
    whole file (mosquitto net_mosq.c); the retry finds what the first branches hold."""
    path = tmp_path / "net.c"
    path.write_text(C_IFDEF_HEADER)
    source = SourceFile(path="net.c", fs_path=str(path), language="c")
    findings, diagnostics = engine.run([source], jobs=1, strict_parse=True)
    assert [(f.code, f.span.start.line, f.span.start.column) for f in findings] == [("V6104", 11, 2)]
    assert [(d.kind, d.path) for d in diagnostics] == [(DiagnosticKind.NOTICE, "net.c")]
    assert "only the first branch" in diagnostics[0].message
