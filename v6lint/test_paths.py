"""Which files are test code, and the other facts of a path that rules read.

Both engines ask the same question: the Python rules lower (or drop) findings in test code,
and semgrep rules with ``in-tests: low`` lower theirs. One answer for every language: folders
``test``/``tests``/``spec``/``specs``/``__tests__``/``testing``/``test-*``/``test_*``/``*_test``/
``*_tests`` and .NET test projects (``Npgsql.Tests``, ``Akka.Remote.Tests``); files
``test_*``, ``*_test``/``*_tests``/``*_spec``, ``*.test.*``/``*.spec.*``/``*.test-d.*``,
``FooTest.*``/``FooTests.*``, ``test.*``/``tests.*``/``testing.*`` (helpers such as
``werkzeug/test.py``) and ``conftest.py``. Files under ``fixtures`` or ``testdata`` are sample
inputs (an analyser's or a code generator's) and count as ordinary code.

Rules ask these functions, never the path itself, so ``path_facts`` can name every fact of a
path a finding depends on: the result cache, keyed by content and not by path, keys on it too
and keeps a file and its copy in ``tests/`` apart. This module imports nothing of v6lint: the
runner, the cache, both engines and the rules use it.
"""

from __future__ import annotations

import re

_TEST_FOLDER = re.compile(
    r"^(tests?|specs?|__tests__|testing|test[-_]\w+|\w*_tests?|\w[\w.]*\.(?:Unit|Integration)?Tests?)$",
    re.IGNORECASE,
)
_TEST_FILE = re.compile(
    r"(^test_\w+|_(tests?|spec)|\.(test|spec|test-d)|[a-z0-9]Tests?|^tests?|^testing)\.[A-Za-z0-9]+$"
    r"|^conftest\.py$"
)
_SAMPLE_FOLDERS = ("fixtures", "testdata")


def is_test_path(path: str) -> bool:
    """Whether ``path`` (as a finding names it, ``/`` or ``\\`` separated) is test code."""
    parts = path.replace("\\", "/").split("/")
    folders = parts[:-1]
    if any(folder in _SAMPLE_FOLDERS for folder in folders):
        return False
    return any(_TEST_FOLDER.match(folder) for folder in folders) or bool(_TEST_FILE.search(parts[-1]))


def is_migration_path(path: str) -> bool:
    """A file in a Django ``migrations`` folder: generated schema history (V6701 skips it)."""
    return "/migrations/" in "/" + path.replace("\\", "/")


def is_gunicorn_config_name(path: str) -> bool:
    """A file named like a gunicorn config (``gunicorn.conf.py``), whose ``bind`` V6801 reads."""
    return "gunicorn" in path.replace("\\", "/").rsplit("/", 1)[-1].lower()


def path_facts(path: str) -> bytes:
    """Every fact of ``path`` a Python rule's findings depend on, as a short key."""
    facts = (is_test_path(path), is_migration_path(path), is_gunicorn_config_name(path))
    return bytes(b"tmg"[index] if fact else ord("-") for index, fact in enumerate(facts))
