"""The textual prefilter: which Python rules can possibly fire on a file, from its bytes alone.

A rule's ``triggers`` is a superset condition: the file must contain one of them for the rule
to have anything to report. A trigger is either a ``bytes`` substring or a compiled ``bytes``
regular expression (for shapes a substring cannot express narrowly, such as a dotted quad).

This module imports neither libcst nor the rules, so the runner can decide that no file needs
parsing (the usual pre-commit case) without paying for either. Substring tests are used for
literal triggers because ``bytes.__contains__`` is a fast two-way search in C: measured on the
stdlib (31 MB, ~30 triggers), N substring scans took 1.3 s, one combined lookahead regex that
reports every trigger (overlapping ones included) 4.8 s.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
from typing import Iterable, Mapping, Optional, Sequence, Union

try:  # the regex parser, to find the literal bytes a pattern requires
    from re import _constants as _regex_constants, _parser as _regex_parser
except ImportError:  # Python 3.10
    import sre_constants as _regex_constants  # type: ignore[no-redef]
    import sre_parse as _regex_parser  # type: ignore[no-redef]

from v6lint.model import Diagnostic, DiagnosticKind

Trigger = Union[bytes, "re.Pattern[bytes]"]


def binary_diagnostic(data: bytes, path: str) -> Optional[Diagnostic]:
    """The diagnostic for a file with NUL bytes near its start (not Python source), else None."""
    if b"\0" in data[:8192]:
        return Diagnostic(DiagnosticKind.BINARY, "binary content, not scanned", path)
    return None


@functools.lru_cache(maxsize=None)
def required_literal(pattern: "re.Pattern[bytes]") -> Optional[bytes]:
    """The longest run of literal bytes (three or more) in the top-level sequence of
    ``pattern``, which every match therefore contains; None if there is none or case is
    ignored. ``split[\\s]*\\(`` gives ``split``."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = _regex_parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # a private module: if its form changes, do without the shortcut
        return None
    best, run = b"", bytearray()
    for op, argument in list(parsed) + [(None, None)]:
        if op is _regex_constants.LITERAL and argument < 256:
            run.append(argument)
            continue
        if len(run) > len(best):
            best = bytes(run)
        run.clear()
    return best if len(best) >= 3 else None


class TriggerTable:
    """Every selected rule's triggers; ``codes_in(data)`` is the set of rules worth running."""

    def __init__(self, rules: Mapping[str, Sequence[Trigger]]) -> None:
        self.rules = {code: tuple(triggers) for code, triggers in rules.items()}
        # Each distinct trigger is tested once per file even when several rules share it.
        self._literals: dict[bytes, list[str]] = {}
        # Each regex with the longest run of literal bytes every match contains: where that
        # run is absent (a substring test in C), the regex is not run.
        self._patterns: list[tuple["re.Pattern[bytes]", list[str], Optional[bytes]]] = []
        by_pattern: dict[tuple[bytes, int], list[str]] = {}
        compiled: dict[tuple[bytes, int], "re.Pattern[bytes]"] = {}
        for code, triggers in self.rules.items():
            for trigger in triggers:
                if isinstance(trigger, bytes):
                    self._literals.setdefault(trigger, []).append(code)
                elif isinstance(trigger, re.Pattern) and isinstance(trigger.pattern, bytes):
                    key = (trigger.pattern, trigger.flags)
                    by_pattern.setdefault(key, []).append(code)
                    compiled[key] = trigger
                else:
                    raise TypeError(f"{code}: a trigger must be bytes or a bytes regex, not {trigger!r}")
        self._patterns = [
            (compiled[key], codes, required_literal(compiled[key])) for key, codes in by_pattern.items()
        ]

    @classmethod
    def from_rules(cls, rules: Iterable[type]) -> "TriggerTable":
        return cls({rule.code: tuple(rule.triggers) for rule in rules})

    def codes_in(self, data: bytes) -> frozenset[str]:
        found: set[str] = set()
        total = len(self.rules)
        for literal, codes in self._literals.items():
            if literal in data:
                found.update(codes)
                if len(found) == total:
                    return frozenset(found)
        for pattern, codes, needed in self._patterns:
            if found.issuperset(codes) or (needed is not None and needed not in data):
                continue
            if pattern.search(data):
                found.update(codes)
        return frozenset(found)

    def hit_offsets(self, data: bytes, codes: Iterable[str]) -> list[int]:
        """Where the triggers of ``codes`` occur in ``data`` (start offsets, unsorted)."""
        literals: set[bytes] = set()
        patterns: dict[tuple[bytes, int], "re.Pattern[bytes]"] = {}
        for code in codes:
            for trigger in self.rules.get(code, ()):
                if isinstance(trigger, bytes):
                    literals.add(trigger)
                else:
                    patterns[(trigger.pattern, trigger.flags)] = trigger
        offsets: list[int] = []
        for literal in literals:
            found = data.find(literal)
            while found >= 0:
                offsets.append(found)
                found = data.find(literal, found + 1)
        for pattern in patterns.values():
            needed = required_literal(pattern)
            if needed is None or needed in data:
                offsets.extend(match.start() for match in pattern.finditer(data))
        return offsets

    # -- a JSON form, so a cached table spares importing the rules --------------------------
    # Byte strings are written as latin-1 text (one character per byte, so every byte string
    # round-trips) and flags by name: the shipped table reads like the rules' own triggers.

    def to_json(self) -> dict:
        out = {}
        for code, triggers in self.rules.items():
            items = []
            for trigger in triggers:
                if isinstance(trigger, bytes):
                    items.append({"bytes": trigger.decode("latin-1")})
                    continue
                item: dict = {"regex": trigger.pattern.decode("latin-1")}
                flags = [flag.name for flag in _JSON_FLAGS.values() if trigger.flags & flag]
                if trigger.flags & ~sum(_JSON_FLAGS.values()):
                    raise ValueError(f"{code}: a trigger flag the JSON form cannot name: {trigger!r}")
                if flags:
                    item["flags"] = flags
                items.append(item)
            out[code] = items
        return out

    @classmethod
    def from_json(cls, data: Mapping) -> "TriggerTable":
        rules: dict[str, list[Trigger]] = {}
        for code, triggers in data.items():
            parsed: list[Trigger] = []
            for item in triggers:
                if "bytes" in item:
                    parsed.append(item["bytes"].encode("latin-1"))
                else:
                    flags = 0
                    for name in item.get("flags", ()):
                        flags |= _JSON_FLAGS[name]
                    parsed.append(re.compile(item["regex"].encode("latin-1"), flags))
            rules[str(code)] = parsed
        return cls(rules)


# The regex flags a bytes pattern can carry (re.UNICODE is implied for str patterns only).
_JSON_FLAGS = {flag.name: flag for flag in (re.IGNORECASE, re.MULTILINE, re.DOTALL, re.VERBOSE)}


# -- the table shipped with the package ----------------------------------------------------------

# Every Python rule's triggers as the rules of this package declare them, so that a first run,
# or one with --no-cache, need not import the rules (and libcst) to learn that no file holds a
# trigger. Written by ``write_shipped_table``; read only while its fingerprint (a hash of the
# rule modules) matches them, so an edited rule never runs behind stale triggers.
_RULES_FOLDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "rules")
SHIPPED_TABLE = os.path.join(_RULES_FOLDER, "triggers.json")


def rules_fingerprint() -> str:
    """A hash of the rule modules' source (~1 ms: they are a few hundred KB)."""
    digest = hashlib.blake2b(digest_size=16)
    for name in sorted(os.listdir(_RULES_FOLDER)):
        if name.endswith(".py"):
            digest.update(name.encode())
            with open(os.path.join(_RULES_FOLDER, name), "rb") as handle:
                digest.update(handle.read())
    return digest.hexdigest()


def shipped_table() -> Optional[TriggerTable]:
    """The shipped table, or None when it is missing, unreadable or not the rules' own."""
    try:
        with open(SHIPPED_TABLE, "rb") as handle:
            data = json.loads(handle.read())
        if data.get("fingerprint") != rules_fingerprint():
            return None
        return TriggerTable.from_json(data["rules"])
    except (OSError, ValueError, TypeError, KeyError, AttributeError, re.error, UnicodeError):
        return None


def shipped_table_json() -> str:
    """What ``SHIPPED_TABLE`` must hold for the rules as they are (this imports them)."""
    from v6lint.rules import python_rules

    table = TriggerTable.from_rules(python_rules())
    return json.dumps({"fingerprint": rules_fingerprint(), "rules": table.to_json()}, indent=1, sort_keys=True) + "\n"


def write_shipped_table() -> None:
    """Rewrite ``SHIPPED_TABLE`` after a rule changed: ``python -m v6lint.prefilter``."""
    from v6lint.atomic import write_atomically

    write_atomically(SHIPPED_TABLE, shipped_table_json())


if __name__ == "__main__":
    write_shipped_table()
