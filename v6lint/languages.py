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
    # Config templates (nginx.tmpl for docker-gen, *.template for envsubst, *.conf.j2 for
    # Jinja): only rules whose paths: include these names run on them.
    ".tmpl": "generic",
    ".template": "generic",
    ".j2": "generic",
    ".ini": "generic",
}

# Exact file names (lower-case) that have no telling suffix.
NAME_LANGUAGES: dict[str, str] = {
    "dockerfile": "dockerfile",
    "containerfile": "dockerfile",
    "nginx.conf": "generic",
    ".env": "generic",  # splitext(".env") has no suffix; JAVA_OPTS/NODE_OPTIONS live here
}

# "#!/usr/bin/python3", "#!/usr/bin/env python3.12", "#!/usr/bin/env -S python3 -u".
_PYTHON_SHEBANG = re.compile(rb"^#![^\n]*\bpython[0-9.]*\b")
# "#!/usr/bin/env node", "#!/usr/bin/nodejs", "#!/usr/bin/env -S node --no-warnings"; ts-node
# and tsx run TypeScript. The interpreter must be a whole word after the last "/" or a space:
# "#!/bin/sh" with "node" later on the line (an argument) does not count.
_NODE_SHEBANG = re.compile(rb"^#![ \t]*(?:\S*/)?(?:env[ \t]+(?:-\S+[ \t]+)*)?(node|nodejs|ts-node|tsx)(?:[ \t]|$)")
# "#!/bin/sh", "#!/bin/bash -e", "#!/usr/bin/env bash": entrypoints and init scripts, which
# hold the shell rules' host:port splits and binds. POSIX-family shells only (semgrep parses
# them as bash); zsh and fish have their own syntax.
_SHELL_SHEBANG = re.compile(rb"^#![ \t]*(?:\S*/)?(?:env[ \t]+(?:-\S+[ \t]+)*)?(?:sh|bash|dash|ash|ksh)(?:[ \t]|$)")


def language_for(path: str, *, sniff: bool = False) -> Optional[str]:
    """The language of ``path``, or None when v6lint has no rules for it.

    With ``sniff`` (discovery uses it for every file), a suffix-less file is recognised by its
    first line: a Python shebang makes it Python, a node (or ts-node/tsx) shebang JavaScript
    (TypeScript), a sh/bash/dash/ash/ksh shebang a shell script. Scripts like ``bin/cli``
    carry no suffix.
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
        return shebang_language(first_line)
    return None


def shebang_language(first_line: bytes) -> Optional[str]:
    """The language a script's first line names as its interpreter, if v6lint has rules for it."""
    if not first_line.startswith(b"#!"):
        return None
    if _PYTHON_SHEBANG.match(first_line):
        return PYTHON
    node = _NODE_SHEBANG.match(first_line.rstrip(b"\r\n"))
    if node:
        return "ts" if node.group(1) in (b"ts-node", b"tsx") else "js"
    if _SHELL_SHEBANG.match(first_line.rstrip(b"\r\n")):
        return "bash"
    return None
