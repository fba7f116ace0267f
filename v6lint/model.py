"""The data every part of v6lint shares: rule metadata, findings, fixes and diagnostics.

Both engines produce these objects and every reporter consumes them; nothing here knows
about libcst, semgrep or an output format. Positions are 1-based lines and 1-based columns
counted in Unicode code points (SARIF ``columnKind: unicodeCodePoints``); each engine adapter
normalises its own unit to this one.
"""

from __future__ import annotations

import dataclasses
import enum
from typing import Optional


class Severity(str, enum.Enum):
    """How serious a finding is; the names are SARIF's ``level`` values."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


class FixSafety(str, enum.Enum):
    """Whether ``--fix`` may apply a fix on its own (see DESIGN.md, "Fix safety")."""

    SAFE = "safe"  # same results and exceptions for every input the old code accepted
    UNSAFE = "unsafe"  # changes types, exposure or platform behaviour: needs --unsafe-fixes


class Confidence(str, enum.Enum):
    """How sure the rule is that this occurrence is a real IPv4-only assumption."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        """0 for low, 1 for medium, 2 for high: the order of ``--min-confidence`` levels."""
        return _CONFIDENCE_RANKS[self]


_CONFIDENCE_RANKS = {Confidence.LOW: 0, Confidence.MEDIUM: 1, Confidence.HIGH: 2}


@dataclasses.dataclass(frozen=True, order=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based, Unicode code points


@dataclasses.dataclass(frozen=True, order=True)
class Span:
    start: Position
    end: Position  # exclusive: the position just after the last character


@dataclasses.dataclass(frozen=True)
class TextEdit:
    """Replace the text in ``span`` with ``replacement`` (an empty span inserts)."""

    span: Span
    replacement: str


@dataclasses.dataclass(frozen=True)
class Fix:
    title: str  # imperative, e.g. "Use socket.create_connection()"
    safety: FixSafety
    edits: tuple[TextEdit, ...]


@dataclasses.dataclass(frozen=True)
class Suppression:
    """An inline ``v6lint: ignore[...]`` comment that silenced a finding."""

    reason: str  # the text after the directive; may be empty
    line: int  # where the comment stands


@dataclasses.dataclass(frozen=True)
class RuleInfo:
    """What a reporter needs to know about a rule, whichever engine implements it."""

    code: str  # "V6" + three digits, shared by every language's form of one concern
    name: str  # kebab-case, names the bad pattern: reads well as "ignore <name>"
    summary: str  # one sentence, no trailing period
    severity: Severity
    fix_safety: Optional[FixSafety]  # None: report only
    precision: str  # SARIF precision: very-high | high | medium | low
    tags: tuple[str, ...]
    docs: str  # Markdown: What it finds / Why it breaks on IPv6 / Example / Fix / Fix safety / Exceptions
    languages: tuple[str, ...]  # "python", "c", "go", ...

    @property
    def help_uri(self) -> str:
        return f"https://v6lint.readthedocs.io/en/latest/rules/{self.code}.html"


@dataclasses.dataclass(frozen=True)
class Finding:
    code: str
    name: str
    path: str  # as discovered: relative to the working directory where possible, "/" separated
    span: Span
    message: str
    severity: Severity = Severity.WARNING
    confidence: Confidence = Confidence.HIGH
    fix: Optional[Fix] = None
    suppression: Optional[Suppression] = None
    engine: str = "cst"  # "cst" or "semgrep": for diagnostics and statistics only
    baseline_state: Optional[str] = None  # with --baseline: "new" or "unchanged"

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.span.start, self.code, self.message)


@dataclasses.dataclass(frozen=True)
class SourceFile:
    """A file chosen for analysis."""

    path: str  # display path: relative to the working directory where possible, "/" separated
    fs_path: str  # what to open
    language: str  # "python", or a semgrep language name ("c", "go", "js", "dockerfile", ...)
    explicit: bool = False  # named on the command line: never excluded


class DiagnosticKind(str, enum.Enum):
    """Why a file (or the configuration) could not be analysed."""

    CONFIG = "config-error"
    UNREADABLE = "unreadable"
    DECODE = "decode-error"
    BINARY = "binary-file"
    TOO_LARGE = "too-large"
    SYNTAX = "syntax-error"
    ENGINE = "engine-error"
    FIX = "fix-error"
    NOTICE = "notice"  # informational: does not make the run fail


@dataclasses.dataclass(frozen=True)
class Diagnostic:
    """A problem with the input or a tool, not with the code's IPv6 readiness."""

    kind: DiagnosticKind
    message: str
    path: Optional[str] = None
    line: Optional[int] = None

    @property
    def is_error(self) -> bool:
        return self.kind is not DiagnosticKind.NOTICE

    def render(self) -> str:
        where = self.path or "v6lint"
        if self.path and self.line:
            where = f"{self.path}:{self.line}"
        return f"{where}: {self.kind.value}: {self.message}"
