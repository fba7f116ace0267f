"""Which language a file is in, decided from its name (and, for scripts, its first line).

Python goes to the cst engine; every other language named here goes to the semgrep engine,
which runs rules from ``rules/<language>/``. A file whose language is unknown is not scanned.
"""

from __future__ import annotations

import os
import re
from typing import Optional

PYTHON = "python"

# Suffix (lower-case) -> language. The language names are semgrep's, so the semgrep engine can
# pass them through; "generic" covers config formats semgrep parses as plain text.
SUFFIX_LANGUAGES: dict[str, str] = {
    ".py": PYTHON,
    ".pyi": PYTHON,
    ".pyw": PYTHON,
    ".c": "c",
    ".h": "c",
    ".cc": "cpp",
    ".cpp": "cpp",
    ".cxx": "cpp",
    ".hh": "cpp",
    ".hpp": "cpp",
    ".hxx": "cpp",
    ".go": "go",
    ".java": "java",
    ".kt": "kotlin",
    ".js": "js",
    ".mjs": "js",
    ".cjs": "js",
    ".jsx": "js",
    ".ts": "ts",
    ".mts": "ts",
    ".cts": "ts",
    ".tsx": "ts",
    ".cs": "csharp",
    ".rb": "ruby",
    ".php": "php",
    ".rs": "rust",
    ".sh": "bash",
    ".bash": "bash",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".sql": "generic",
    ".conf": "generic",
    ".service": "generic",
    ".socket": "generic",
    ".env": "generic",
    ".properties": "generic",
}

# Exact file names (lower-case) that have no telling suffix.
NAME_LANGUAGES: dict[str, str] = {
    "dockerfile": "dockerfile",
    "containerfile": "dockerfile",
    "nginx.conf": "generic",
    ".env": "generic",  # splitext(".env") has no suffix; JAVA_OPTS/NODE_OPTIONS live here
}

_PYTHON_SHEBANG = re.compile(rb"^#![^\n]*\bpython[0-9.]*\b")


def language_for(path: str, *, sniff: bool = False) -> Optional[str]:
    """The language of ``path``, or None when v6lint has no rules for it.

    With ``sniff`` (used for files named on the command line), a suffix-less file whose first
    line is a Python shebang counts as Python.
    """
    name = os.path.basename(path).lower()
    if name in NAME_LANGUAGES:
        return NAME_LANGUAGES[name]
    if name.startswith("dockerfile.") or name.endswith(".dockerfile"):
        return "dockerfile"
    _, suffix = os.path.splitext(name)
    if suffix in SUFFIX_LANGUAGES:
        return SUFFIX_LANGUAGES[suffix]
    if sniff and not suffix:
        try:
            with open(path, "rb") as handle:
                first_line = handle.readline(256)
        except OSError:
            return None
        if _PYTHON_SHEBANG.match(first_line):
            return PYTHON
    return None
