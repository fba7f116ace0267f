"""Fix building (v6lint/engines/cst_fixes.py) and application (v6lint/fixes.py) with small
test-only rules, and --fix/--diff via the CLI."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import libcst as cst
import pytest

from v6lint import fixes
from v6lint.engines.cst import analyze_source
from v6lint.fixes import apply_fixes, fix_source
from v6lint.model import DiagnosticKind, FixSafety
from v6lint.rules._base import PendingFix, Rule, string_value

V6LINT = Path(sys.executable).with_name("v6lint")


class _Loopback(Rule):
    """Test rule: "127.0.0.1" -> "localhost" (safe)."""

    code, name, summary, message = "V6991", "toy-loopback", "toy", "loopback literal"
    triggers = (b"127.0.0.1",)

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        if string_value(node) == "127.0.0.1":
            new = node.with_changes(value=node.value.replace("127.0.0.1", "localhost"))
            self.report(node, fix=PendingFix("Use localhost", FixSafety.SAFE, [(node, new)]))


class _Ntoa(Rule):
    """Test rule: socket.inet_ntoa(x) -> str(ipaddress.ip_address(x)) (unsafe, needs an import)."""

    code, name, summary, message = "V6992", "toy-ntoa", "toy", "inet_ntoa"
    triggers = (b"inet_ntoa",)

    def visit_Call(self, node: cst.Call) -> None:
        if self.called_name(node, {"socket.inet_ntoa"}) and node.args:
            argument = node.args[0].with_changes(comma=cst.MaybeSentinel.DEFAULT)
            inner = cst.Call(cst.parse_expression("ipaddress.ip_address"), [argument])
            new = cst.Call(cst.Name("str"), [cst.Arg(inner)])
            fix = PendingFix("Use ipaddress", FixSafety.UNSAFE, [(node, new)], imports=("ipaddress",))
            self.report(node, fix=fix)


class _Wrap(Rule):
    """Test rule: connect(...) -> checked(connect(...)); its edit covers the arguments, so it
    overlaps any fix inside them."""

    code, name, summary, message = "V6993", "toy-wrap", "toy", "connect"
    triggers = (b"connect",)

    def visit_Call(self, node: cst.Call) -> None:
        if isinstance(node.func, cst.Name) and node.func.value == "connect":
            parent = self.parent(self.parent(node))
            if isinstance(parent, cst.Call) and isinstance(parent.func, cst.Name) and parent.func.value == "checked":
                return
            new = cst.Call(cst.Name("checked"), [cst.Arg(node)])
            self.report(node, fix=PendingFix("Wrap", FixSafety.SAFE, [(node, new)], imports=("socket",)))


class _Breaker(Rule):
    """Test rule whose fix does not parse: BREAK -> "a" " (an unterminated string)."""

    code, name, summary, message = "V6994", "toy-breaker", "toy", "breaker"
    triggers = (b"BREAK",)

    def visit_Name(self, node: cst.Name) -> None:
        if node.value == "BREAK":
            self.report(node, fix=PendingFix("Break", FixSafety.SAFE, [(node, cst.SimpleString('"a" "'))]))


TOYS = [_Loopback, _Ntoa, _Wrap, _Breaker]


def analyzer(rules=TOYS, path="t.py"):
    return lambda data: analyze_source(data, path, rules)


def fix(source: str | bytes, unsafe=True, rules=TOYS):
    data = source.encode() if isinstance(source, str) else source
    return fix_source(data, "t.py", analyzer(rules), unsafe)


def fixed_text(source: str, unsafe=True, rules=TOYS) -> str:
    outcome = fix(source, unsafe, rules)
    assert not outcome.diagnostics, outcome.diagnostics
    return (outcome.fixed or outcome.original).decode()


# -- imports ---------------------------------------------------------------------------------


def test_import_goes_after_existing_imports_once_for_several_fixes():
    source = 'import os\nimport socket\n\n# keep\nA = socket.inet_ntoa(b"1234")\nB = socket.inet_ntoa(b"5678")\n'
    assert fixed_text(source) == (
        "import os\nimport socket\nimport ipaddress\n\n# keep\n"
        'A = str(ipaddress.ip_address(b"1234"))\nB = str(ipaddress.ip_address(b"5678"))\n'
    )


def test_import_after_docstring_and_future_imports():
    source = '"""Doc."""\nfrom __future__ import annotations\nfrom socket import inet_ntoa\nx = inet_ntoa(p)\n'
    assert fixed_text(source) == (
        '"""Doc."""\nfrom __future__ import annotations\nfrom socket import inet_ntoa\n'
        "import ipaddress\nx = str(ipaddress.ip_address(p))\n"
    )
    # Only a docstring and a future import before the first statement.
    source = '"""Doc."""\nfrom __future__ import annotations\n\nX = "127.0.0.1"\nconnect(X)\n'
    assert fixed_text(source).startswith('"""Doc."""\nfrom __future__ import annotations\nimport socket\n\nX = ')


def test_import_after_header_comments_when_no_statement_precedes():
    source = "#!/usr/bin/env python\n# licence\n\nconnect(1)\n"
    assert fixed_text(source) == "#!/usr/bin/env python\n# licence\n\nimport socket\nchecked(connect(1))\n"


def test_no_import_when_already_imported_and_fix_dropped_when_name_is_taken():
    source = 'import ipaddress\nimport socket\nx = socket.inet_ntoa(p)\n'
    assert fixed_text(source) == 'import ipaddress\nimport socket\nx = str(ipaddress.ip_address(p))\n'
    # ``ipaddress`` is something else here: the fix would call the wrong object.
    taken = "import socket\nfrom mylib import ipaddress\nx = socket.inet_ntoa(p)\n"
    [finding] = analyze_source(taken.encode(), "t.py", [_Ntoa])[0]
    assert finding.fix is None
    local = "import socket\ndef f(p):\n    ipaddress = 1\n    return socket.inet_ntoa(p)\n"
    [finding] = analyze_source(local.encode(), "t.py", [_Ntoa])[0]
    assert finding.fix is None


def test_import_in_file_without_trailing_newline():
    assert fixed_text("import os") == "import os"  # nothing to fix
    assert fixed_text("import os\nconnect(1)") == "import os\nimport socket\nchecked(connect(1))"
    assert fixed_text("import os\nimport sys") == "import os\nimport sys"


# -- overlap, rounds, idempotence ------------------------------------------------------------


def test_overlapping_fixes_first_wins_then_next_round_applies_the_other():
    source = 'import socket\nconnect("127.0.0.1")\n'
    findings, _ = analyze_source(source.encode(), "t.py", TOYS)
    assert {f.code for f in findings} == {"V6991", "V6993"}
    text, applied = apply_fixes(source, findings, unsafe=False)
    # The wrap starts first and wins; the literal inside it is not applied in this round.
    assert [f.code for f in applied] == ["V6993"]
    assert text == 'import socket\nchecked(connect("127.0.0.1"))\n'
    outcome = fix(source, unsafe=False)
    assert outcome.fixed.decode() == 'import socket\nchecked(connect("localhost"))\n'
    assert sorted(f.code for f in outcome.applied) == ["V6991", "V6993"]
    assert outcome.remaining == []


def test_order_of_findings_does_not_matter():
    source = 'import socket\nconnect("127.0.0.1")\nA = socket.inet_ntoa(x)\nB = "127.0.0.1"\n'
    findings, _ = analyze_source(source.encode(), "t.py", TOYS)
    forward = apply_fixes(source, findings, unsafe=True)
    backward = apply_fixes(source, list(reversed(findings)), unsafe=True)
    assert forward[0] == backward[0]
    assert [f.code for f in forward[1]] == [f.code for f in backward[1]]


def test_safe_only_without_unsafe():
    source = 'import socket\nA = socket.inet_ntoa(x)\nB = "127.0.0.1"\n'
    outcome = fix(source, unsafe=False)
    assert outcome.fixed.decode() == 'import socket\nA = socket.inet_ntoa(x)\nB = "localhost"\n'
    assert [f.code for f in outcome.remaining] == ["V6992"]


def test_second_run_changes_nothing():
    source = 'import socket\nconnect("127.0.0.1")\nA = socket.inet_ntoa(x)\n'
    first = fix(source)
    assert first.changed
    second = fix(first.fixed)
    assert not second.changed and second.fixed is None and second.applied == []


def test_suppressed_finding_is_not_fixed():
    from v6lint.suppressions import apply_suppressions

    source = 'B = "127.0.0.1"  # v6lint: ignore[V6991] IPv4 on purpose\n'

    def analyze(data):
        found, diagnostics = analyze_source(data, "t.py", TOYS)
        return apply_suppressions(found, data.decode()), diagnostics

    outcome = fix_source(source.encode(), "t.py", analyze, unsafe=True)
    assert not outcome.changed


def test_fix_that_would_not_parse_leaves_the_file_and_says_so():
    source = 'BREAK = 1\nB = "127.0.0.1"\n'
    outcome = fix(source)
    assert not outcome.changed and outcome.fixed is None
    [diagnostic] = outcome.diagnostics
    assert diagnostic.kind is DiagnosticKind.FIX and "V6994" in diagnostic.message


def test_fixes_that_never_settle_are_refused():
    class Grow(Rule):
        """Adds a character every round."""

        code, name, summary, message = "V6995", "toy-grow", "toy", "grow"
        triggers = (b"grow",)

        def visit_Name(self, node: cst.Name) -> None:
            if node.value.startswith("grow"):
                self.report(node, fix=PendingFix("Grow", FixSafety.SAFE, [(node, cst.Name(node.value + "w"))]))

    outcome = fix("grow = 1\n", rules=[Grow])
    assert not outcome.changed
    assert "did not settle" in outcome.diagnostics[0].message


# -- encodings and newlines ------------------------------------------------------------------


def test_crlf_file_stays_crlf():
    source = b'import socket\r\n\r\nA = socket.inet_ntoa(x)\r\nconnect("127.0.0.1")\r\n'
    outcome = fix(source)
    assert outcome.fixed == (
        b"import socket\r\nimport ipaddress\r\n\r\nA = str(ipaddress.ip_address(x))\r\n"
        b'checked(connect("localhost"))\r\n'
    )
    assert b"\n" not in outcome.fixed.replace(b"\r\n", b"")


def test_latin1_file_with_coding_cookie_keeps_its_encoding():
    source = '# -*- coding: latin-1 -*-\nimport socket\nNAME = "café"\nA = socket.inet_ntoa(x)  # é\n'
    outcome = fix(source.encode("latin-1"))
    assert outcome.changed
    expected = source.replace("socket.inet_ntoa(x)", "str(ipaddress.ip_address(x))").replace(
        "import socket\n", "import socket\nimport ipaddress\n"
    )
    assert outcome.fixed == expected.encode("latin-1")
    assert "\ufffd" not in outcome.fixed.decode("latin-1")


def test_columns_after_non_ascii_text_on_the_same_line():
    source = 'import socket\nA = ("é", "127.0.0.1", socket.inet_ntoa(x))\n'
    assert fixed_text(source) == 'import socket\nimport ipaddress\nA = ("é", "localhost", str(ipaddress.ip_address(x)))\n'


def test_utf8_bom_is_kept():
    outcome = fix('\ufeffB = "127.0.0.1"\n'.encode("utf-8"))
    assert outcome.fixed == '\ufeffB = "localhost"\n'.encode("utf-8")


def test_unencodable_result_leaves_the_file():
    class Snowman(Rule):
        """Puts a character that ASCII cannot hold."""

        code, name, summary, message = "V6996", "toy-snowman", "toy", "snowman"
        triggers = (b"SNOW",)

        def visit_Name(self, node: cst.Name) -> None:
            if node.value == "SNOW":
                self.report(node, fix=PendingFix("Snow", FixSafety.SAFE, [(node, cst.parse_expression('"\u2603"'))]))

    outcome = fix("# coding: ascii\nx = SNOW\n".encode("ascii"), rules=[Snowman])
    assert not outcome.changed and "cannot be encoded" in outcome.diagnostics[0].message


# -- atomic writes ---------------------------------------------------------------------------


def test_atomic_write_keeps_mode_and_leaves_no_temporary(tmp_path):
    from v6lint.atomic import write_atomically

    target = tmp_path / "prog.py"
    target.write_text("old\n")
    os.chmod(target, 0o750)
    write_atomically(str(target), b"new\r\n")
    assert target.read_bytes() == b"new\r\n"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o750
    assert [p.name for p in tmp_path.iterdir()] == ["prog.py"]


def test_atomic_write_failure_keeps_the_old_file(tmp_path, monkeypatch):
    from v6lint import atomic

    target = tmp_path / "prog.py"
    target.write_text("old\n")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic.write_atomically(str(target), b"new\n")
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["prog.py"]


# -- through the real CLI --------------------------------------------------------------------


def _first_fixable_example(safety: FixSafety):
    """A real rule's INVALID example with a fix of this tier, or skip (rules land in parallel)."""
    from v6lint.rules import python_rules
    from v6lint.rules._base import Invalid

    for rule in python_rules():
        for example in rule.INVALID:
            if isinstance(example, Invalid) and example.fixed is not None:
                findings, _ = analyze_source(example.code.encode(), "e.py", [rule])
                if any(f.fix is not None and f.fix.safety is safety for f in findings):
                    if all(f.fix is None or f.fix.safety is safety for f in findings):
                        return rule, example
    pytest.skip(f"no rule offers a {safety.value} fix yet")


def _run(args, cwd):
    env = dict(os.environ, NO_COLOR="1")
    return subprocess.run([str(V6LINT), *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=120)


def test_cli_diff_fix_and_unsafe_fixes(tmp_path):
    rule, example = _first_fixable_example(FixSafety.UNSAFE)
    target = tmp_path / "prog.py"
    target.write_text(example.code)
    args = ["check", "--select", rule.code, "prog.py"]

    # Without --unsafe-fixes the unsafe fix is hidden, with it shown as available.
    plain = _run(args, tmp_path)
    assert plain.returncode == 1 and "[*]" not in plain.stdout and "--unsafe-fixes" in plain.stdout
    shown = _run(args + ["--unsafe-fixes"], tmp_path)
    assert shown.returncode == 1 and "[*]" in shown.stdout

    # --fix alone does not apply an unsafe fix.
    safe_only = _run(args + ["--fix"], tmp_path)
    assert safe_only.returncode == 1 and target.read_text() == example.code

    # --diff shows, writes nothing, exits 1.
    diff = _run(args + ["--diff", "--unsafe-fixes"], tmp_path)
    assert diff.returncode == 1, diff.stderr
    assert "--- a/prog.py" in diff.stdout and "+++ b/prog.py" in diff.stdout
    assert target.read_text() == example.code
    nothing = _run(args + ["--diff"], tmp_path)
    assert nothing.returncode == 0 and nothing.stdout == ""

    applied = _run(args + ["--fix", "--unsafe-fixes", "--output-format", "json"], tmp_path)
    assert target.read_text() == example.fixed
    import json

    report = json.loads(applied.stdout)
    assert report["summary"]["fixes_applied"] >= 1
    # The report lists what remains after fixing: nothing fixable is left of this rule.
    assert [f for f in report["findings"] if f.get("fix")] == []
    assert applied.returncode == (1 if report["findings"] else 0)

    again = _run(args + ["--diff", "--unsafe-fixes"], tmp_path)
    assert again.returncode == 0 and again.stdout == ""


def test_cli_fix_reports_remaining_and_error_on_unparsable_result(tmp_path, monkeypatch):
    # The engine refuses a result that does not parse; through the CLI that is exit 2 and
    # the file is untouched. Use the engine directly with a toy rule via fix_files.
    from v6lint.config import Config
    from v6lint.model import SourceFile

    target = tmp_path / "prog.py"
    target.write_text('BREAK = 1\nB = "127.0.0.1"\n')
    monkeypatch.setattr("v6lint.runner.selected_python_rules", lambda config: tuple(TOYS))
    source = SourceFile("prog.py", str(target), "python")
    findings, _ = analyze_source(target.read_bytes(), "prog.py", TOYS)
    run = fixes.fix_files([source], findings, Config(root=str(tmp_path)), unsafe=True, write=True)
    assert run.applied == 0 and run.changed == []
    assert [d.kind for d in run.diagnostics] == [DiagnosticKind.FIX]
    assert target.read_text() == 'BREAK = 1\nB = "127.0.0.1"\n'
    assert {f.code for f in run.findings} == {"V6991", "V6994"}


def test_fix_files_writes_and_reports_remaining(tmp_path, monkeypatch):
    from v6lint.config import Config
    from v6lint.model import SourceFile

    target = tmp_path / "prog.py"
    target.write_text('import socket\nA = socket.inet_ntoa(x)\nB = "127.0.0.1"\n')
    os.chmod(target, 0o640)
    monkeypatch.setattr("v6lint.runner.selected_python_rules", lambda config: tuple(TOYS))
    source = SourceFile("prog.py", str(target), "python")
    findings, _ = analyze_source(target.read_bytes(), "prog.py", TOYS)
    run = fixes.fix_files([source], findings, Config(root=str(tmp_path)), unsafe=False, write=True)
    assert run.applied == 1
    assert target.read_text() == 'import socket\nA = socket.inet_ntoa(x)\nB = "localhost"\n'
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640
    assert [f.code for f in run.findings] == ["V6992"]


def test_diff_of_a_latin1_file():
    source = '# -*- coding: latin-1 -*-\nNAME = "café"\nB = "127.0.0.1"\n'
    outcome = fix(source.encode("latin-1"))
    assert outcome.diff() == (
        "--- a/t.py\n+++ b/t.py\n@@ -1,3 +1,3 @@\n # -*- coding: latin-1 -*-\n"
        ' NAME = "café"\n-B = "127.0.0.1"\n+B = "localhost"\n'
    )
