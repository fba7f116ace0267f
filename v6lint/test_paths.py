"""Which files are test code, and the other facts of a path that rules read.

Both engines ask the same question: the Python rules lower (or drop) findings in test code,
and semgrep rules with ``in-tests: low`` lower theirs. One answer for every language:
folders ``test``/``tests``/``spec``/``specs``/``__tests__``/``testing``/``test-*``/``test_*``/
``*_test``/``*_tests``, .NET test projects (``Npgsql.Tests``, ``Akka.Remote.Tests``), files ``test_*``, ``*_test``/``*_tests``/``*_spec``, ``*.test.*``/
``*.spec.*``/``*.test-d.*``, ``FooTest.*``/``FooTests.*``, ``test.*``/``tests.*``/``testing.*`` (helpers such
as ``werkzeug/test.py``) and ``conftest.py``. Files under ``fixtures`` or
``testdata`` are sample inputs (an analyser's or a code generator's) and count as ordinary code.

``path_facts`` names every fact of a path that a Python rule reads, so that the result cache,
which is keyed by content and not by path, keeps apart a file and its copy in ``tests/``.
This module imports nothing of v6lint: the runner, the cache and both engines use it.
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


def path_facts(path: str) -> bytes:
    """Every fact of ``path`` a Python rule's findings depend on, as a short key: test code
    (confidence), a Django ``migrations`` folder (V6108 skips it) and a gunicorn config file
    (V6801 reads its ``bind``)."""
    path = path.replace("\\", "/")
    facts = [
        b"t" if is_test_path(path) else b"-",
        b"m" if "/migrations/" in f"/{path}" else b"-",
        b"g" if "gunicorn" in path.rsplit("/", 1)[-1].lower() else b"-",
    ]
    return b"".join(facts)
