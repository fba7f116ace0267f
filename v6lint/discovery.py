"""Which files to scan.

Folders are walked with git's own idea of ignored files when they lie in a git work tree
(``git ls-files --cached --others --exclude-standard``: exact .gitignore semantics, and fast),
and with a plain walk otherwise. Default excludes (VCS folders, virtualenvs, node_modules,
caches, build output) and the configuration's ``exclude`` apply to files found in folders; a
file named on the command line is always scanned, because pre-commit passes file names.
"""

from __future__ import annotations

import os
import subprocess
from typing import Iterable, Optional, Sequence

from v6lint.config import Config, path_matches
from v6lint.languages import language_for
from v6lint.model import Diagnostic, DiagnosticKind, SourceFile

DEFAULT_EXCLUDES = (
    ".git",
    ".hg",
    ".svn",
    ".bzr",
    ".tox",
    ".nox",
    ".venv",
    "venv",
    ".eggs",
    "*.egg-info",
    "__pycache__",
    "__pypackages__",
    "node_modules",
    "bower_components",
    "site-packages",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    ".v6lint_cache",
    ".direnv",
    "_build",
    "buck-out",
    "dist",
)
# Build output is excluded only at the top of a scanned folder: "build" deeper down is often
# real source (a package's build module, a build/ folder of scripts).
TOP_LEVEL_EXCLUDES = ("build",)


def display_path(path: str, cwd: str) -> str:
    """Relative to ``cwd`` when below it, "/"-separated."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, cwd) if _is_below(absolute, cwd) else absolute
    return relative.replace(os.sep, "/")


def _is_below(path: str, folder: str) -> bool:
    try:
        return os.path.commonpath([path, folder]) == folder
    except ValueError:
        return False


def discover(
    paths: Sequence[str], config: Config, cwd: Optional[str] = None
) -> tuple[list[SourceFile], list[Diagnostic]]:
    cwd = os.path.abspath(cwd or os.getcwd())
    files: dict[str, SourceFile] = {}
    diagnostics: list[Diagnostic] = []
    for raw in paths or ["."]:
        path = os.path.join(cwd, raw) if not os.path.isabs(raw) else raw
        shown = display_path(path, cwd)
        try:
            is_dir = os.path.isdir(path)
            exists = os.path.exists(path)
            os.stat(path)  # raises for a symlink loop or a dangling link
        except OSError as error:
            diagnostics.append(
                Diagnostic(DiagnosticKind.UNREADABLE, error.strerror or str(error), shown)
            )
            continue
        if not exists:
            diagnostics.append(Diagnostic(DiagnosticKind.UNREADABLE, "no such file or folder", shown))
            continue
        if is_dir:
            for found in _files_in_folder(path, config, diagnostics):
                # sniff: a suffix-less script (bin/cli) is recognised by its shebang line.
                language = language_for(found, sniff=True)
                if language is None:
                    continue
                if os.path.islink(found) and not os.path.exists(found):
                    diagnostics.append(
                        Diagnostic(
                            DiagnosticKind.UNREADABLE,
                            "symbolic link is dangling or loops",
                            display_path(found, cwd),
                        )
                    )
                    continue
                key = os.path.realpath(found)
                files.setdefault(key, SourceFile(display_path(found, cwd), found, language))
        else:
            language = language_for(path, sniff=True)
            if language is None:
                continue  # pre-commit may pass files of any type; nothing to check in them
            key = os.path.realpath(path)
            files[key] = SourceFile(shown, path, language, explicit=True)
    ordered = sorted(files.values(), key=lambda source: source.path)
    return ordered, diagnostics


def _files_in_folder(folder: str, config: Config, diagnostics: list[Diagnostic]) -> Iterable[str]:
    listed = _git_listed_files(folder) if config.respect_gitignore else None
    # Nothing listed means the folder is outside git's view (ignored itself, or untracked in
    # a repository that ignores it): it was named on purpose, so walk it.
    candidates = listed if listed else _walk(folder, diagnostics)
    for path in candidates:
        if _excluded(path, folder, config):
            continue
        if os.path.isfile(path) or os.path.islink(path):
            yield path


def _excluded(path: str, scan_root: str, config: Config) -> bool:
    relative_to_scan = os.path.relpath(path, scan_root).replace(os.sep, "/")
    parts = relative_to_scan.split("/")
    if parts[0] in TOP_LEVEL_EXCLUDES and len(parts) > 1:
        return True
    if any(path_matches(relative_to_scan, pattern) for pattern in DEFAULT_EXCLUDES):
        return True
    if config.exclude:
        relative_to_root = os.path.relpath(os.path.abspath(path), config.root).replace(os.sep, "/")
        if any(path_matches(relative_to_root, pattern) for pattern in config.exclude):
            return True
    return False


def _git_listed_files(folder: str) -> Optional[list[str]]:
    """Files git would consider part of the tree below ``folder``; None outside git."""
    try:
        completed = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", "."],
            cwd=folder,
            capture_output=True,
            timeout=120,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if completed.returncode != 0:
        return None
    names = completed.stdout.decode("utf-8", "surrogateescape").split("\0")
    return [os.path.join(folder, name) for name in names if name]


def _walk(folder: str, diagnostics: list[Diagnostic]) -> Iterable[str]:
    def on_error(error: OSError) -> None:
        diagnostics.append(
            Diagnostic(
                DiagnosticKind.UNREADABLE,
                error.strerror or str(error),
                error.filename and display_path(error.filename, os.getcwd()),
            )
        )

    # followlinks=False: a symlinked folder cannot send the walk round a loop.
    for current, folders, names in os.walk(folder, onerror=on_error, followlinks=False):
        relative = os.path.relpath(current, folder).replace(os.sep, "/")
        kept = []
        for name in folders:
            child = name if relative == "." else f"{relative}/{name}"
            if any(path_matches(child, p) for p in DEFAULT_EXCLUDES):
                continue
            if relative == "." and name in TOP_LEVEL_EXCLUDES:
                continue
            if os.path.exists(os.path.join(current, name, "pyvenv.cfg")):
                continue  # a virtualenv under any name
            kept.append(name)
        folders[:] = sorted(kept)
        for name in sorted(names):
            yield os.path.join(current, name)
