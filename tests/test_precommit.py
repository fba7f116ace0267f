"""The pre-commit hooks, end to end with the real ``pre-commit``.

``pre-commit try-repo`` clones the hook repository at a commit and pip-installs it into a fresh
virtualenv, so the working tree (which may hold uncommitted work) is copied into a temporary
git repository and committed first. The project under test is another temporary repository
with a bad, a good and a fixable file. One PRE_COMMIT_HOME serves the module, so the hook
environment is built once (a pip install from the package index: about a minute here).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PRE_COMMIT = shutil.which("pre-commit") or str(Path(sys.executable).with_name("pre-commit"))

BAD = "import socket\n\naddress = socket.gethostbyname('example.org')\n"
GOOD = "import socket\n\naddresses = socket.getaddrinfo('example.org', 443)\n"
FIXABLE = 'def url(host, port):\n    return f"http://{host}:{port}/metrics"\n'
FIXED = (
    'def url(host, port):\n    return f"http://[{host}]:{port}/metrics" if ":" in'
    ' str(host) else f"http://{host}:{port}/metrics"\n'
)

pytestmark = pytest.mark.skipif(not os.path.exists(PRE_COMMIT), reason="pre-commit is not installed")


def _git(cwd: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> Path:
    """The working tree as it is now (committed or not), committed in a scratch repository."""
    target = tmp_path_factory.mktemp("hook-repo")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO, capture_output=True, check=True,
    ).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if not source.is_file() or name.startswith((".v6lint_cache/", "bench/")):
            continue
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, destination)
    _git(target, "init", "-q")
    _git(target, "add", "-A")
    _git(target, "commit", "-q", "-m", "snapshot for the pre-commit test")
    return target


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name, text in (("bad.py", BAD), ("good.py", GOOD), ("fixable.py", FIXABLE)):
        (tmp_path / name).write_text(text)
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "files")
    return tmp_path


def try_repo(hook_repo: Path, home: Path, project: Path, hook: str, *files: str):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("V6LINT_", "PRE_COMMIT"))}
    env["PRE_COMMIT_HOME"] = str(home)
    env["V6LINT_CACHE_DIR"] = str(home / "v6lint-cache")
    return subprocess.run(
        [PRE_COMMIT, "try-repo", str(hook_repo), hook, "--verbose", "--files", *files],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )


def test_manifest_is_valid():
    done = subprocess.run([PRE_COMMIT, "validate-manifest", str(REPO / ".pre-commit-hooks.yaml")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_check_hook_fails_on_bad_file_and_passes_on_good_one(hook_repo, pre_commit_home, project):
    bad = try_repo(hook_repo, pre_commit_home, project, "v6lint", "bad.py")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "V6201" in bad.stdout
    assert "Failed" in bad.stdout

    good = try_repo(hook_repo, pre_commit_home, project, "v6lint", "good.py")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout
    assert (project / "bad.py").read_text() == BAD  # the check hook never writes


def test_fix_hook_rewrites_and_fails_then_passes(hook_repo, pre_commit_home, project):
    first = try_repo(hook_repo, pre_commit_home, project, "v6lint-fix", "fixable.py")
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    assert (project / "fixable.py").read_text() == FIXED

    # The fixed file is clean: once staged, the hook passes.
    _git(project, "add", "fixable.py")
    second = try_repo(hook_repo, pre_commit_home, project, "v6lint-fix", "fixable.py")
    assert second.returncode == 0, second.stdout + second.stderr
    assert (project / "fixable.py").read_text() == FIXED
