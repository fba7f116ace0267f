"""The proof: real programs that fail on an IPv6-only host work on both an IPv6-only and an
IPv4-only host after ``v6lint check --fix --unsafe-fixes``.

Each host is a private network namespace made by an unprivileged user (``unshare -rnm``):
loopback up, then ``127.0.0.1/8`` removed (IPv6-only) or ``::1/128`` removed (IPv4-only), and
a bind-mounted hosts file in which ``localhost`` names only the address that host has. The
programs (tests/programs/*.py) use loopback only and bound their own run time.
"""

from __future__ import annotations

import ast
import functools
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROGRAMS = Path(__file__).parent / "programs"
PYTHON = sys.executable
V6LINT = Path(sys.executable).with_name("v6lint")

HOSTS = {
    # host kind: (address to delete from lo, hosts file)
    "ipv6-only": ("127.0.0.1/8", "::1 localhost ip6-localhost ip6-loopback\n"),
    "ipv4-only": ("::1/128", "127.0.0.1 localhost\n"),
}


def _script(kind: str, hosts_file: Path, command: list[str]) -> str:
    delete, _ = HOSTS[kind]
    return (
        "set -e; ip link set lo up; "
        f"ip addr del {delete} dev lo; "
        f"mount --bind {shlex.quote(str(hosts_file))} /etc/hosts; "
        f"exec {' '.join(shlex.quote(part) for part in command)}"
    )


def run_on_host(kind: str, folder: Path, command: list[str], timeout: int = 60) -> subprocess.CompletedProcess:
    hosts_file = folder / f"hosts-{kind}"
    hosts_file.write_text(HOSTS[kind][1])
    return subprocess.run(
        ["unshare", "-rnm", "sh", "-c", _script(kind, hosts_file, command)],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@functools.lru_cache(maxsize=None)
def namespaces_unavailable() -> str:
    """Why the hosts cannot be made here ("" when they can); probed once per session."""
    if not shutil.which("unshare") or not shutil.which("ip"):
        return "unshare or ip (iproute2) is not installed"
    probe = (
        "import socket\n"
        "s = socket.socket(socket.AF_INET6); s.bind(('::1', 0)); s.close()\n"
        "try:\n    socket.socket().bind(('127.0.0.1', 0))\nexcept OSError:\n    print('ipv6-only')\n"
        "print(socket.getaddrinfo('localhost', 1, type=socket.SOCK_STREAM)[0][4][0])\n"
    )
    folder = Path(os.environ.get("TMPDIR", "/tmp"))
    import tempfile

    with tempfile.TemporaryDirectory(dir=folder) as temporary:
        try:
            done = run_on_host("ipv6-only", Path(temporary), [PYTHON, "-c", probe], timeout=30)
        except (OSError, subprocess.SubprocessError) as error:
            return f"user namespaces unavailable: {error}"
    if done.returncode != 0:
        return f"user namespaces unavailable (unshare -rnm failed: {done.stderr.strip()[:200]})"
    if done.stdout.split() != ["ipv6-only", "::1"]:
        return f"the IPv6-only namespace is not IPv6-only: {done.stdout!r}"
    return ""


def _require_namespaces():
    reason = namespaces_unavailable()
    if reason:
        pytest.skip(reason)


def _parses(text: str) -> None:
    import libcst

    libcst.parse_module(text)
    ast.parse(text)


# Programs whose fixes do not exist yet: strict xfail, so the mark goes when the fix lands.
MISSING_FIXES: dict[str, str] = {
    "asyncio_echo": (
        "V6401 offers no fix for HOST = \"127.0.0.1\" shared by asyncio.start_server and"
        " asyncio.open_connection: the rule rewrites client addresses only, and a module"
        " constant that also reaches a bind is not one (asyncio.start_server(\"localhost\")"
        " would bind both loopbacks)"
    ),
}

NAMES = sorted(path.stem for path in PROGRAMS.glob("*.py"))


def _params():
    for name in NAMES:  # a list, not a generator: pytest deprecates iterators
        marks = [pytest.mark.xfail(reason=MISSING_FIXES[name], strict=True)] if name in MISSING_FIXES else []
        yield pytest.param(name, marks=marks, id=name)


def test_there_are_programs():
    assert len(NAMES) >= 6


def test_hosts_are_what_they_claim(tmp_path):
    _require_namespaces()
    check = (
        "import socket\n"
        "def can(family, address):\n"
        "    try:\n"
        "        socket.socket(family).bind((address, 0)); return True\n"
        "    except OSError:\n"
        "        return False\n"
        "print(can(socket.AF_INET, '127.0.0.1'), can(socket.AF_INET6, '::1'),"
        " sorted({a[4][0] for a in socket.getaddrinfo('localhost', 1)}))\n"
    )
    six = run_on_host("ipv6-only", tmp_path, [PYTHON, "-c", check])
    four = run_on_host("ipv4-only", tmp_path, [PYTHON, "-c", check])
    assert six.stdout.strip() == "False True ['::1']", six.stderr
    assert four.stdout.strip() == "True False ['127.0.0.1']", four.stderr


@pytest.mark.parametrize("name", list(_params()))
def test_program_fixed_by_v6lint_runs_on_both_hosts(name, tmp_path):
    _require_namespaces()
    program = tmp_path / f"{name}.py"
    shutil.copyfile(PROGRAMS / f"{name}.py", program)
    original = program.read_text()

    # The original program is IPv4-only: it must fail on the IPv6-only host, or this test
    # proves nothing.
    before = run_on_host("ipv6-only", tmp_path, [PYTHON, program.name])
    assert before.returncode != 0 and "OK" not in before.stdout.split(), (
        f"{name} already works on an IPv6-only host:\n{before.stdout}{before.stderr}"
    )

    fixed = subprocess.run(
        [str(V6LINT), "check", "--fix", "--unsafe-fixes", program.name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, NO_COLOR="1"),
    )
    assert fixed.returncode in (0, 1), fixed.stdout + fixed.stderr  # 2 would be an error
    text = program.read_text()
    assert text != original, f"v6lint changed nothing:\n{fixed.stdout}"
    _parses(text)

    for kind in ("ipv6-only", "ipv4-only"):
        after = run_on_host(kind, tmp_path, [PYTHON, program.name])
        assert after.returncode == 0 and "OK" in after.stdout.split(), (
            f"fixed {name} fails on the {kind} host:\n{after.stdout}{after.stderr}\n"
            f"--- v6lint report:\n{fixed.stdout}\n--- fixed program:\n{text}"
        )

    # A second run has nothing left to change.
    again = subprocess.run(
        [str(V6LINT), "check", "--diff", "--unsafe-fixes", program.name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 0 and again.stdout == "", again.stdout + again.stderr
