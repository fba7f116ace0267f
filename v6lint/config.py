"""Configuration from ``[tool.v6lint]`` in ``pyproject.toml``, and rule selection.

The nearest ``pyproject.toml`` with a ``[tool.v6lint]`` table, searching from the working
directory upwards, is the project's configuration (as ruff does); its folder is the root that
``exclude`` and ``per-file-ignores`` patterns are relative to. Keys::

    [tool.v6lint]
    select = ["V6"]                 # codes or prefixes; default: every rule
    ignore = ["V6403"]
    exclude = ["legacy/", "*_pb2.py"]  # added to the default excludes
    per-file-ignores = { "tests/*" = ["V6401"] }
    max-file-size = 2000000         # bytes; larger files are reported and skipped
    respect-gitignore = true
    min-confidence = "medium"       # hide findings below it (low: test code, weak evidence)
"""

from __future__ import annotations

import dataclasses
import fnmatch
import os
import re
import sys
from typing import Any, Iterable, Mapping, Optional, Sequence

from v6lint.model import Confidence

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

DEFAULT_MAX_FILE_SIZE = 2_000_000
_CODE_PREFIX = re.compile(r"^V(6(\d{1,3})?)?$")


class ConfigError(ValueError):
    """A configuration that cannot be used; the message names the file and the key."""


@dataclasses.dataclass(frozen=True)
class Config:
    root: str  # absolute folder the patterns are relative to
    source: Optional[str] = None  # the pyproject.toml read, if any
    select: tuple[str, ...] = ("V6",)
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    respect_gitignore: bool = True
    min_confidence: Confidence = Confidence.LOW  # report findings at least this sure

    def with_overrides(
        self,
        select: Optional[Sequence[str]] = None,
        ignore: Sequence[str] = (),
        min_confidence: Optional[Confidence] = None,
    ) -> "Config":
        return dataclasses.replace(
            self,
            select=tuple(select) if select else self.select,
            ignore=self.ignore + tuple(ignore),
            min_confidence=min_confidence or self.min_confidence,
        )

    def is_confident_enough(self, confidence: Confidence) -> bool:
        return confidence.rank >= self.min_confidence.rank

    def is_selected(self, code: str, path: Optional[str] = None) -> bool:
        ignore: Iterable[str] = self.ignore
        if path is not None:
            ignore = (*self.ignore, *self._per_file_codes(path))
        return is_selected(code, self.select, ignore)

    def _per_file_codes(self, path: str) -> list[str]:
        relative = _relative_posix(path, self.root)
        codes: list[str] = []
        for pattern, pattern_codes in self.per_file_ignores:
            if path_matches(relative, pattern):
                codes.extend(pattern_codes)
        return codes


def is_selected(code: str, select: Iterable[str], ignore: Iterable[str]) -> bool:
    """The most specific matching prefix wins; on a tie, ignore wins (as in ruff)."""
    best_select = max((len(p) for p in select if code.startswith(p)), default=-1)
    best_ignore = max((len(p) for p in ignore if code.startswith(p)), default=-1)
    return best_select >= 0 and best_select > best_ignore


def parse_codes(value: str) -> list[str]:
    """``"V61,V6201"`` -> ``["V61", "V6201"]``; raises ConfigError for anything else."""
    codes = [part.strip().upper() for part in value.split(",") if part.strip()]
    for code in codes:
        if code != "ALL" and not _CODE_PREFIX.match(code):
            raise ConfigError(f"{code!r} is not a v6lint code or prefix (like V6101 or V61)")
    return ["V6" if code == "ALL" else code for code in codes]


def path_matches(relative_path: str, pattern: str) -> bool:
    """gitignore-like: a pattern without "/" matches any path component, else the path start."""
    pattern = pattern.strip()
    if not pattern:
        return False
    anchored = pattern.strip("/")
    if "/" not in anchored:
        return any(fnmatch.fnmatchcase(part, anchored) for part in relative_path.split("/"))
    return fnmatch.fnmatchcase(relative_path, anchored) or fnmatch.fnmatchcase(
        relative_path, anchored + "/*"
    )


def _relative_posix(path: str, root: str) -> str:
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, root)
    except ValueError:  # another drive on Windows
        return absolute.replace(os.sep, "/")
    return relative.replace(os.sep, "/")


def find_config_file(start: str) -> Optional[str]:
    """The nearest pyproject.toml with a [tool.v6lint] table, from ``start`` upwards."""
    current = os.path.abspath(start)
    while True:
        candidate = os.path.join(current, "pyproject.toml")
        if os.path.isfile(candidate):
            try:
                with open(candidate, "rb") as handle:
                    text = handle.read()
            except OSError:
                text = b""
            if b"[tool.v6lint" in text:
                return candidate
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


def load_config(start: str, explicit: Optional[str] = None) -> Config:
    """Read the configuration; raises ConfigError (naming the file) when it is broken."""
    path = explicit or find_config_file(start)
    if path is None:
        return Config(root=os.path.abspath(start))
    try:
        with open(path, "rb") as handle:
            document = tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from error
    table = document.get("tool", {}).get("v6lint", {})
    if explicit and not table and os.path.basename(path) != "pyproject.toml":
        table = document  # a dedicated v6lint.toml holds the keys at top level
    return config_from_table(table, path)


_KNOWN_KEYS = {
    "select", "ignore", "exclude", "per-file-ignores", "max-file-size", "respect-gitignore",
    "min-confidence",
}
# The levels from least to most sure, as --min-confidence and min-confidence name them.
CONFIDENCE_LEVELS = tuple(c.value for c in sorted(Confidence, key=lambda c: c.rank))


def config_from_table(table: Mapping[str, Any], path: str) -> Config:
    if not isinstance(table, Mapping):
        raise ConfigError(f"{path}: [tool.v6lint] must be a table")
    unknown = sorted(set(table) - _KNOWN_KEYS)
    if unknown:
        raise ConfigError(
            f"{path}: unknown key(s) in [tool.v6lint]: {', '.join(unknown)}"
            f" (known: {', '.join(sorted(_KNOWN_KEYS))})"
        )
    values: dict[str, Any] = {"root": os.path.dirname(os.path.abspath(path)), "source": path}
    for key in ("select", "ignore"):
        if key in table:
            values[key] = tuple(_codes(table[key], path, key))
    if "exclude" in table:
        values["exclude"] = tuple(_string_list(table["exclude"], path, "exclude"))
    if "per-file-ignores" in table:
        mapping = table["per-file-ignores"]
        if not isinstance(mapping, Mapping):
            raise ConfigError(f"{path}: per-file-ignores must be a table of pattern = [codes]")
        values["per_file_ignores"] = tuple(
            (pattern, tuple(_codes(codes, path, f"per-file-ignores.{pattern}")))
            for pattern, codes in mapping.items()
        )
    if "max-file-size" in table:
        size = table["max-file-size"]
        if not isinstance(size, int) or isinstance(size, bool) or size <= 0:
            raise ConfigError(f"{path}: max-file-size must be a positive number of bytes")
        values["max_file_size"] = size
    if "respect-gitignore" in table:
        if not isinstance(table["respect-gitignore"], bool):
            raise ConfigError(f"{path}: respect-gitignore must be true or false")
        values["respect_gitignore"] = table["respect-gitignore"]
    if "min-confidence" in table:
        level = table["min-confidence"]
        if level not in CONFIDENCE_LEVELS:
            raise ConfigError(f"{path}: min-confidence must be one of {', '.join(CONFIDENCE_LEVELS)}")
        values["min_confidence"] = Confidence(level)
    return Config(**values)


def _string_list(value: Any, path: str, key: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{path}: {key} must be a list of strings")
    return value


def _codes(value: Any, path: str, key: str) -> list[str]:
    try:
        return parse_codes(",".join(_string_list(value, path, key)))
    except ConfigError as error:
        raise ConfigError(f"{path}: {key}: {error}") from error
