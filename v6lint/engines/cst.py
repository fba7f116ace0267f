"""The cst engine: one libcst parse and one batched visit per Python file, serving every rule.

Cost control, in order: rules whose byte triggers are absent are not run; a file with no
runnable rule is not parsed; a big file is parsed as a reduced copy in which definitions that
hold no trigger are stubs (v6lint.regions); the rules' pass is a plain walk (cst_walk) and
libcst's metadata providers run without rebuilding the tree; scopes are computed only when a
rule asks for a name that can match; positions only for files with a report, and only along
the paths down to the reported nodes (cst_positions).
"""

from __future__ import annotations

import functools
import os
import re
import sys
import threading
from typing import Any, Iterable, Iterator, Mapping, Optional, Sequence

import libcst as cst
from libcst.metadata import (
    MetadataWrapper,
    ParentNodeProvider,
    PositionProvider,
    QualifiedNameProvider,
    ScopeProvider,
)

from v6lint.model import (
    Diagnostic,
    DiagnosticKind,
    Finding,
    Fix,
    Position,
    Span,
)
from v6lint.engines.cst_fixes import build_fix
from v6lint.engines.cst_positions import Layout
from v6lint.engines.cst_walk import pending_subtrees, read_only_visits, walk
from v6lint.prefilter import TriggerTable, binary_diagnostic
from v6lint.regions import reduce_source
from v6lint.rules._base import PendingFix, Rule, RuleContext


# CPython's tokenizer limit (MAXLEVEL); libcst's parser crashes somewhere above a thousand.
MAX_BRACKET_DEPTH = 200
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"()[]{}")


def bracket_depth(source: bytes) -> int:
    """An upper bound of the bracket nesting (brackets in strings and comments count too)."""
    brackets = source.translate(None, _NOT_BRACKETS)
    if len(brackets) <= MAX_BRACKET_DEPTH:
        return len(brackets)
    depth = deepest = 0
    for byte in brackets:
        if byte in b"([{":
            depth += 1
            if depth > deepest:
                deepest = depth
        elif depth:
            depth -= 1
    return deepest


def triggered_rules(source: bytes, rules: Iterable[type[Rule]]) -> list[type[Rule]]:
    rules = tuple(rules)
    codes = _trigger_table(rules).codes_in(source)
    return [rule for rule in rules if rule.code in codes]


def region_hits(
    source: bytes, rules: Sequence[type[Rule]], selected: Sequence[type[Rule]]
) -> list[int]:
    """Offsets of the triggers and context triggers of ``selected`` (a subset of ``rules``)."""
    codes = [rule.code for rule in selected]
    hits = _trigger_table(tuple(rules)).hit_offsets(source, codes)
    context = _context_table(tuple(rules))
    if context.rules:
        hits += context.hit_offsets(source, codes)
    return hits


@functools.lru_cache(maxsize=256)
def _context_table(rules: tuple[type[Rule], ...]) -> TriggerTable:
    return TriggerTable({rule.code: rule.context_triggers for rule in rules if rule.context_triggers})


@functools.lru_cache(maxsize=256)  # one per set of rules a file triggers (see the runner)
def _trigger_table(rules: tuple[type[Rule], ...]) -> TriggerTable:
    return TriggerTable.from_rules(rules)


# An internal switch for the equivalence tests: every rule on every file, libcst's own eager
# metadata providers, no syntactic gating. Findings must not depend on it.
EXHAUSTIVE = bool(os.environ.get("V6LINT_EXHAUSTIVE"))
# Another, for the same tests: parse whole files (triggers still apply). See v6lint.regions.
REGIONS = not os.environ.get("V6LINT_WHOLE_FILES")

# ``as NAME`` anywhere (imports, but also with/except: a superset is fine). Comments and line
# continuations may stand between the keyword and the name inside an import's parentheses.
_AS_NAME = re.compile(r"\bas\b(?:\s|\\|#[^\n]*)*(\w+)")


def alias_names(text: str) -> frozenset[str]:
    """Every name a file may bind with ``import ... as NAME`` (a superset)."""
    return frozenset(_AS_NAME.findall(text)) if "as" in text else frozenset()


class _TooDeep(Exception):
    """The tree is deeper than the default recursion limit allows to visit."""


# Long implicit string concatenations (pydoc_data/topics.py) nest thousands of levels deep.
# Such files are retried once in a thread with room for that depth.
_DEEP_STACK_BYTES = 512 * 1024 * 1024
_DEEP_RECURSION_LIMIT = 200_000


def analyze_source(
    source: bytes, path: str, rules: Sequence[type[Rule]], *, exhaustive: Optional[bool] = None
) -> tuple[list[Finding], list[Diagnostic]]:
    """Findings of ``rules`` in one Python file's bytes. Never raises for bad input."""
    try:
        return _analyze_source(source, path, rules, exhaustive)
    except _TooDeep:
        pass
    outcome: list = []

    def analyze_deeply() -> None:
        try:
            outcome.append(_analyze_source(source, path, rules, exhaustive))
        except _TooDeep:
            pass

    previous_stack = threading.stack_size(_DEEP_STACK_BYTES)
    previous_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(_DEEP_RECURSION_LIMIT)
    try:
        worker = threading.Thread(target=analyze_deeply, name="v6lint-deep-file")
        worker.start()
        worker.join()
    finally:
        threading.stack_size(previous_stack)
        sys.setrecursionlimit(previous_limit)
    if outcome:
        return outcome[0]
    return [], [Diagnostic(DiagnosticKind.SYNTAX, "too deeply nested to analyse", path)]


def _analyze_source(
    source: bytes, path: str, rules: Sequence[type[Rule]], exhaustive: Optional[bool]
) -> tuple[list[Finding], list[Diagnostic]]:
    exhaustive = EXHAUSTIVE if exhaustive is None else exhaustive
    selected = list(rules) if exhaustive else triggered_rules(source, rules)
    if not selected:
        return [], []
    binary = binary_diagnostic(source, path)
    if binary is not None:
        return [], [binary]
    if bracket_depth(source) > MAX_BRACKET_DEPTH:
        # CPython refuses such files too ("too many nested parentheses"), and libcst's native
        # parser would overflow its stack on them and take the whole process down.
        return [], [Diagnostic(DiagnosticKind.SYNTAX, "brackets nested too deeply to parse", path)]
    text = source
    if not exhaustive and REGIONS:
        text = reduce_source(source, region_hits(source, rules, selected))
    try:
        try:
            module = cst.parse_module(text)
        except cst.ParserSyntaxError:
            if text is source:
                raise
            # The error may lie in a removed definition: report it as the whole file has it.
            text = source
            module = cst.parse_module(text)
    except cst.ParserSyntaxError as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else "invalid syntax"
        return [], [Diagnostic(DiagnosticKind.SYNTAX, reason, path, error.raw_line or None)]
    except (UnicodeDecodeError, LookupError) as error:
        return [], [Diagnostic(DiagnosticKind.DECODE, f"cannot decode: {error}", path)]
    except (RecursionError, MemoryError):
        return [], [Diagnostic(DiagnosticKind.SYNTAX, "too deeply nested to parse", path)]

    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    context = RuleContext(path, module, source)
    try:
        visitors = [rule(context) for rule in selected]
        if exhaustive:
            wrapper.visit_batched(visitors)
        else:
            # Metadata is computed when a rule first asks for it, and rules' name helpers ask
            # only for nodes that can resolve to a wanted name: most parsed files need none.
            context.alias_names = _alias_names_of(source, module)
            metadata = LazyMetadata(wrapper)
            for visitor in visitors:
                visitor.metadata = metadata
            walk(module, visitors, metadata.parents.links, stack=metadata.parents.pending)
    except RecursionError:
        raise _TooDeep() from None
    if not context.reports:
        return [], []

    layout = positions = None
    if not exhaustive:
        replaced = [  # a fix is computed on the statement around the nodes it replaces
            old for _, report in context.reports if report.fix is not None for old, _ in report.fix.replacements
        ]
        layout = Layout(module, [report.node for _, report in context.reports], metadata.parents, replaced)
        positions = layout.positions
    if positions is None:
        positions = wrapper.resolve(PositionProvider)
    rendered = _Rendered(module)
    findings = []
    for rule, report in context.reports:
        code_range = positions[report.node]
        span = Span(
            Position(code_range.start.line, code_range.start.column + 1),
            Position(code_range.end.line, code_range.end.column + 1),
        )
        findings.append(
            Finding(
                code=rule.code,
                name=rule.name,
                path=path,
                span=span,
                message=report.message,
                severity=rule.severity,
                confidence=report.confidence,
                fix=_to_fix(module, report.fix, wrapper, rendered, layout) if report.fix else None,
                engine="cst",
            )
        )
    return findings, []


def _alias_names_of(source: bytes, module: cst.Module) -> Optional[frozenset[str]]:
    try:
        return alias_names(source.decode(module.encoding))
    except (UnicodeDecodeError, LookupError):
        return None  # no gating: every name is looked up


class LazyMetadata(Mapping):
    """The ``metadata`` of every rule visitor: a provider is resolved on first use.

    Two providers are served more cheaply than libcst's own, with the same values:
    ``QualifiedNameProvider`` asks the scope of the node directly (libcst's provider walks the
    whole module to wrap that same call in a LazyValue per node), and ``ParentNodeProvider``
    is one stack-tracking walk (libcst's calls ``node.children``, itself a visit, per node).
    Measured on 11 stdlib files (0.9 MB): parse 4.1 s, parents 10.8 s, scopes 14.6 s,
    qualified names 11.4 s more. libcst's providers run with ``read_only_visits`` (the same
    hooks in the same order, without rebuilding the tree): scopes ~1.5x faster.
    """

    def __init__(self, wrapper: MetadataWrapper) -> None:
        self._wrapper = wrapper
        self.parents = _Parents(wrapper.module)
        self._resolved: dict[Any, Mapping] = {ParentNodeProvider: self.parents}

    def __contains__(self, key: object) -> bool:
        return True  # every declared provider can be computed; get_metadata checks declarations

    def __getitem__(self, key: Any) -> Mapping:
        value = self._resolved.get(key)
        if value is None:
            if key is QualifiedNameProvider:
                value = _QualifiedNames(self[ScopeProvider])
            else:
                with read_only_visits():
                    value = self._wrapper.resolve(key)
            self._resolved[key] = value
        return value

    def __iter__(self) -> Iterator[Any]:
        return iter(self._resolved)

    def __len__(self) -> int:
        return len(self._resolved)


class _QualifiedNames(Mapping):
    def __init__(self, scopes: Mapping) -> None:
        self._scopes = scopes

    def __getitem__(self, node: Any):
        scope = self._scopes.get(node)
        return scope.get_qualified_names_for(node) if scope is not None else set()

    def get(self, node: Any, default: Any = None):
        return self[node]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._scopes)

    def __len__(self) -> int:
        return len(self._scopes)


class _Parents(Mapping):
    """Parent links recorded by the rules' own walk. A node the walk has not reached yet is
    looked for in the subtrees it has still to walk, nearest first (a rule asks about a
    grandchild of the node it visits, say); one it skips (punctuation) makes one full walk
    fill in the rest."""

    def __init__(self, module: cst.Module) -> None:
        self._module = module
        self.links: dict[cst.CSTNode, cst.CSTNode] = {}
        self.pending: list = []  # the rules' walk's stack
        self._filled: set[int] = set()  # ids of pending subtrees already linked
        self._complete = False

    def __getitem__(self, node: Any) -> cst.CSTNode:
        found = self.links.get(node)
        if found is None and not self._complete and node is not self._module:
            found = self._fill_pending(node)
            if found is None:
                walk(self._module, parents=self.links, skip_trivia=False)
                self._complete = True
                found = self.links.get(node)
        if found is None:
            raise KeyError(node)
        return found

    def _fill_pending(self, node: Any) -> Optional[cst.CSTNode]:
        for subtree in pending_subtrees(self.pending):
            if id(subtree) in self._filled:
                continue
            self._filled.add(id(subtree))  # the subtree stays alive on the stack or in links
            walk(subtree, parents=self.links, skip_trivia=False)
            found = self.links.get(node)
            if found is not None:
                return found
        return None

    def get(self, node: Any, default: Any = None):
        try:
            return self[node]
        except KeyError:
            return default

    def __iter__(self) -> Iterator[Any]:
        return iter(self.links)

    def __len__(self) -> int:
        return len(self.links)


class _Rendered:
    """The module's source text, rendered on first use and then shared by all its fixes."""

    def __init__(self, module: cst.Module) -> None:
        self._module = module
        self._code: Optional[str] = None

    @property
    def code(self) -> str:
        if self._code is None:
            self._code = self._module.code
        return self._code


def _to_fix(
    module: cst.Module,
    pending: PendingFix,
    wrapper: Optional[MetadataWrapper] = None,
    rendered: Optional["_Rendered"] = None,
    layout: Optional[Layout] = None,
) -> Optional[Fix]:
    """Turn CST replacements into one exact text edit, plus one insertion per needed import.

    ``code_for_node`` is not a faithful slice for parenthesised expressions, arguments or
    statements, so the edit comes from rendering the whole module before and after the
    replacement and trimming what the two have in common (v6lint.engines.cst_fixes.build_fix).
    The scope data the rules already computed tells whether ``import X`` is needed.
    """
    try:
        # Scopes are costly and matter only for fixes that add an import.
        needs_scopes = wrapper is not None and bool(pending.imports)
        scopes = None
        if needs_scopes:
            with read_only_visits():
                scopes = wrapper.resolve(ScopeProvider)
        locate = layout.enclosing_statement if layout is not None else None
        parents = layout.parents if layout is not None else None
        render_module = (lambda: rendered.code) if rendered is not None else None
        return build_fix(module, pending, scopes, render_module, locate, parents)
    except Exception:  # a rule built a replacement libcst cannot render: keep the finding
        return None
