"""The base class every Python rule derives from, and the helpers rules share.

A rule is a libcst ``BatchableCSTVisitor``: the cst engine runs every selected rule in one pass
over a file (so rules must use ``visit_*``/``leave_*`` methods, not matcher decorators, which
batching ignores). Rules match on qualified names from ``QualifiedNameProvider``, so aliases and
module aliases resolve and local shadowing does not fire.

Positions are not computed during the visit: ``report`` keeps the node, and the engine resolves
``PositionProvider`` only for files that produced a report (positions cost more than parsing).
"""

from __future__ import annotations

import dataclasses
import inspect
import re
from typing import Any, ClassVar, Collection, Iterator, Optional, Sequence, Union

import libcst as cst
from libcst.metadata import (
    Assignment,
    GlobalScope,
    ParentNodeProvider,
    QualifiedNameProvider,
    ScopeProvider,
)

from v6lint.cst_children import descendants
from v6lint.model import Confidence, FixSafety, RuleInfo, Severity

DOC_SECTIONS = (
    "What it finds",
    "Why it breaks on IPv6",
    "Example",
    "Fix",
    "Fix safety",
    "Exceptions",
)


@dataclasses.dataclass(frozen=True)
class Invalid:
    """A bad example: ``code`` must produce a finding of the rule.

    ``fixed`` is the expected source after ``--fix --unsafe-fixes`` (None: no fix offered).
    """

    code: str
    fixed: Optional[str] = None


@dataclasses.dataclass
class PendingFix:
    """A fix expressed as CST replacements; the engine turns it into text edits."""

    title: str
    safety: FixSafety
    replacements: Sequence[tuple[cst.CSTNode, cst.CSTNode]]
    # Modules the new code needs ("socket", "ipaddress"): the engine adds ``import X`` after
    # the file's imports, as a separate edit, when the file does not import it yet.
    imports: tuple[str, ...] = ()


@dataclasses.dataclass
class Report:
    node: cst.CSTNode
    message: str
    confidence: Confidence
    fix: Optional[PendingFix]


class RuleContext:
    """What a rule may know about the file it visits."""

    def __init__(self, path: str, module: cst.Module, source: Optional[bytes] = None) -> None:
        self.path = path
        # The engine may parse a reduced copy of the file (v6lint.regions): definitions no
        # rule can report in are stubs there. ``source`` is always the whole file.
        self.module = module
        self.source = source
        self.reports: list[tuple[type["Rule"], Report]] = []
        # Names the file may bind with ``import ... as``; set by the engine to enable the
        # gating in ``Rule.may_resolve_to`` (None: look every name up).
        self.alias_names: Optional[frozenset[str]] = None
        # Answers of helpers that depend on the file alone, shared by every rule that asks
        # (keyed by helper and node; the value keeps the node alive so its id stays unique).
        self.memo: dict[tuple[str, int], tuple[cst.CSTNode, Any]] = {}


class Rule(cst.BatchableCSTVisitor):
    """Base of all Python rules. Subclasses set the class attributes and visit nodes.

    The class docstring is the rule's documentation, in the sections of ``DOC_SECTIONS``
    (``## What it finds`` ...); a test checks they are all there.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]
    message: ClassVar[str]  # the default message of a report
    severity: ClassVar[Severity] = Severity.WARNING
    precision: ClassVar[str] = "high"
    fix_safety: ClassVar[Optional[FixSafety]] = None  # the most permissive tier the rule offers
    tags: ClassVar[tuple[str, ...]] = ()
    # The file must contain one of these byte strings for the rule to run on it: the cheap
    # prefilter that keeps most files from being parsed at all. Must be a superset condition.
    triggers: ClassVar[tuple[bytes, ...]]
    # Text the rule inspects beyond the statement it reports in (a pattern elsewhere in the
    # module, say). It never makes a file parsed, but definitions holding it are kept whole
    # in the reduced copy the engine parses (v6lint.regions).
    context_triggers: ClassVar[tuple[bytes, ...]] = ()
    VALID: ClassVar[Sequence[str]] = ()
    INVALID: ClassVar[Sequence[Union[str, Invalid]]] = ()

    METADATA_DEPENDENCIES = (QualifiedNameProvider, ScopeProvider, ParentNodeProvider)

    def __init__(self, context: RuleContext) -> None:
        super().__init__()
        self.context = context

    # -- reporting -------------------------------------------------------------------------

    def report(
        self,
        node: cst.CSTNode,
        message: Optional[str] = None,
        *,
        confidence: Confidence = Confidence.HIGH,
        fix: Optional[PendingFix] = None,
    ) -> None:
        self.context.reports.append(
            (type(self), Report(node, message or self.message, confidence, fix))
        )

    # -- name resolution -------------------------------------------------------------------

    def qualified_names(self, node: cst.CSTNode) -> frozenset[str]:
        try:
            found = self.get_metadata(QualifiedNameProvider, node, set())
        except KeyError:
            return frozenset()
        return frozenset(q.name for q in found)

    def resolves_to(self, node: cst.CSTNode, names: Collection[str]) -> bool:
        """True when every binding ``node`` may refer to is one of ``names``.

        "Every", not "any": ``try: from socket import AF_INET6 as F`` / ``except: ... AF_INET
        as F`` is the correct fallback idiom and must not be reported as AF_INET.
        """
        if not self.may_resolve_to(node, names):
            return False
        found = self.qualified_names(node)
        return bool(found) and found <= set(names)

    def resolves_to_any(self, node: cst.CSTNode, names: Collection[str]) -> bool:
        """True when some binding ``node`` may refer to is one of ``names`` (name resolution
        only when the node's last identifier allows it: see ``may_resolve_to``)."""
        return self.may_resolve_to(node, names) and not self.qualified_names(node).isdisjoint(names)

    def called_name(self, call: cst.Call, names: Collection[str]) -> Optional[str]:
        """The qualified name of ``call``'s target when it is one of ``names``."""
        if not self.may_resolve_to(call.func, names):
            return None
        found = self.qualified_names(call.func)
        if found and found <= set(names):
            return min(found)  # several spellings: any, but the same every run
        return None

    def may_resolve_to(self, node: cst.CSTNode, names: Collection[str]) -> bool:
        """A cheap syntactic test that lets most nodes skip name resolution (the costly scope
        analysis is then never computed for the file: see the engine's LazyMetadata).

        A qualified name always ends with the node's own last identifier (``s.gethostbyname``
        -> ``socket.gethostbyname``), unless that identifier was bound by ``import ... as``.
        False only when no name in ``names`` can be the answer.
        """
        aliases = getattr(self.context, "alias_names", None)
        if aliases is None:
            return True
        if isinstance(node, cst.Name):
            tail = node.value
        elif isinstance(node, cst.Attribute):
            tail = node.attr.value
        else:
            return True
        if tail in aliases:
            return True
        return any(name == tail or name.endswith("." + tail) for name in names)

    def parent(self, node: cst.CSTNode) -> Optional[cst.CSTNode]:
        return self.get_metadata(ParentNodeProvider, node, None)

    def ancestors(self, node: cst.CSTNode):
        current = self.parent(node)
        while current is not None:
            yield current
            current = self.parent(current)

    def enclosing_handler(
        self, node: cst.CSTNode, exception_names: Collection[str]
    ) -> Optional[cst.ExceptHandler]:
        """The handler of the nearest ``try`` (in the same function) whose body holds ``node``
        and that catches one of ``exception_names`` (by last name) or everything."""
        child = node
        for ancestor in self.ancestors(node):
            if isinstance(ancestor, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
                return None
            if isinstance(ancestor, cst.Try) and child is ancestor.body:
                for handler in ancestor.handlers:
                    if handler.type is None:
                        return handler
                    caught = (
                        [element.value for element in handler.type.elements]
                        if isinstance(handler.type, cst.Tuple)
                        else [handler.type]
                    )
                    for expression in caught:
                        if isinstance(expression, cst.Attribute):
                            name = expression.attr.value
                        else:
                            name = expression.value if isinstance(expression, cst.Name) else None
                        if name in exception_names:
                            return handler
            child = ancestor
        return None

    def module_constant(self, node: cst.BaseExpression, depth: int = 3) -> cst.BaseExpression:
        """Follow a name to the value of its single module-level assignment.

        ``HOST = "0.0.0.0"`` ... ``bind((HOST, 80))`` yields the string. A parameter, a local, a
        name assigned more than once, or anything else is returned unchanged: only facts that
        hold for every execution are followed.
        """
        for _ in range(depth):
            if not isinstance(node, cst.Name):
                return node
            value = self._single_global_value(node)
            if value is None:
                return node
            node = value
        return node

    def is_local_parameter(self, name: cst.Name) -> bool:
        """``name`` is a parameter of the function whose body holds it (not in a class or
        comprehension scope in between): its one binding is that parameter, which no
        assignment lookup follows. Known without scope analysis."""
        child: cst.CSTNode = name
        for ancestor in self.ancestors(name):
            if isinstance(ancestor, (cst.FunctionDef, cst.Lambda)):
                return child is ancestor.body and name.value in _parameter_names(ancestor.params)
            if isinstance(ancestor, (cst.ClassDef, cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp)):
                return False
            child = ancestor
        return False

    def _single_global_value(self, name: cst.Name) -> Optional[cst.BaseExpression]:
        if self.is_local_parameter(name):
            return None  # bound in the function's scope, not the module's
        scope = self.get_metadata(ScopeProvider, name, None)
        if scope is None:
            return None
        try:
            assignments = list(scope[name.value])
        except Exception:  # libcst raises for names it cannot look up
            return None
        if len(assignments) != 1:
            return None
        assignment = assignments[0]
        if not isinstance(assignment, Assignment) or not isinstance(assignment.scope, GlobalScope):
            return None
        target = assignment.node
        holder = self.parent(target)
        if isinstance(holder, cst.AssignTarget):
            statement = self.parent(holder)
            if isinstance(statement, cst.Assign) and len(statement.targets) == 1:
                return statement.value
        if isinstance(holder, cst.AnnAssign) and holder.value is not None:
            return holder.value
        return None

    # -- documentation ---------------------------------------------------------------------

    @classmethod
    def docs(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def info(cls) -> RuleInfo:
        return RuleInfo(
            code=cls.code,
            name=cls.name,
            summary=cls.summary,
            severity=cls.severity,
            fix_safety=cls.fix_safety,
            precision=cls.precision,
            tags=("ipv6", *cls.tags),
            docs=cls.docs(),
            languages=("python",),
        )


# -- helpers for literal values ----------------------------------------------------------------


def string_value(node: cst.CSTNode) -> Optional[str]:
    """The value of a plain (non-f, non-bytes) string literal, concatenations included."""
    if isinstance(node, cst.SimpleString):
        if "b" in node.prefix.lower():
            return None
        try:
            value = node.evaluated_value
        except Exception:
            return None
        return value if isinstance(value, str) else None
    if isinstance(node, cst.ConcatenatedString):
        left, right = string_value(node.left), string_value(node.right)
        if left is None or right is None:
            return None
        return left + right
    return None


def _parameter_names(parameters: cst.Parameters) -> set[str]:
    params = [*parameters.posonly_params, *parameters.params, *parameters.kwonly_params]
    for extra in (parameters.star_arg, parameters.star_kwarg):
        if isinstance(extra, cst.Param):
            params.append(extra)
    return {param.name.value for param in params}


def iter_nodes(root: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """``root`` and every node below it, in source order (what ``libcst.matchers.findall``
    walks, without importing the matchers, which cost ~0.75 s of start-up)."""
    return descendants(root)


def is_name(node: cst.CSTNode, value: str) -> bool:
    return isinstance(node, cst.Name) and node.value == value


def keyword_argument(call: cst.Call, keyword: str) -> Optional[cst.Arg]:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == keyword:
            return arg
    return None


def positional_argument(call: cst.Call, index: int) -> Optional[cst.Arg]:
    """The ``index``-th positional argument, or None (also when a ``*args`` comes first)."""
    position = 0
    for arg in call.args:
        if arg.keyword is not None or arg.star == "**":
            break
        if arg.star == "*":
            return None
        if position == index:
            return arg
        position += 1
    return None


def argument(call: cst.Call, index: int, keyword: str) -> Optional[cst.Arg]:
    """An argument given either by position or by keyword."""
    return keyword_argument(call, keyword) or positional_argument(call, index)


_CODE_PATTERN = re.compile(r"^V6\d{3}$")


def check_rule_class(rule: type[Rule]) -> list[str]:
    """Problems with a rule's declaration (used by the registry's tests)."""
    problems = []
    for attribute in ("code", "name", "summary", "message", "triggers"):
        if not getattr(rule, attribute, None):
            problems.append(f"{rule.__name__}: missing {attribute}")
    if not _CODE_PATTERN.match(getattr(rule, "code", "")):
        problems.append(f"{rule.__name__}: code {getattr(rule, 'code', None)!r} is not V6 + 3 digits")
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", getattr(rule, "name", "")):
        problems.append(f"{rule.__name__}: name must be kebab-case")
    docs = rule.docs()
    for section in DOC_SECTIONS:
        if f"## {section}" not in docs:
            problems.append(f"{rule.__name__}: docstring lacks '## {section}'")
    if not rule.VALID or not rule.INVALID:
        problems.append(f"{rule.__name__}: needs VALID and INVALID examples")
    return problems
