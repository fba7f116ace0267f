"""Fix building: a rule's CST replacements (``PendingFix``) become exact text edits.

Called by the cst engine for every report that carries a ``PendingFix``:
- the replacement itself becomes one exact ``TextEdit`` (``_word_aligned_edit``), computed on
  the innermost statement that holds it when it can be;
- every module the new code needs becomes a separate insertion ``import X`` after the file's
  leading imports, unless the name already refers to that module where the fix stands; when
  the name is bound to something else there, the fix is dropped (it would use the wrong object).

Applying the edits (``--fix``, ``--diff``) is v6lint.fixes, which sits above the engines.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Callable, Mapping, Optional, Sequence

import libcst as cst

from v6lint.engines.cst_positions import Located, render_alone
from v6lint.model import Fix, Position, Span, TextEdit

# The text of import insertions (``import X`` lines): fix application merges equal ones.
IMPORT_LINES = re.compile(r"(?:import [A-Za-z_][\w.]*(?:\r\n|\r|\n))+")


def build_fix(
    module: cst.Module,
    pending,
    scopes: Optional[Mapping] = None,
    render_module: Optional[Callable[[], str]] = None,
    locate: Optional[Callable[[Sequence[cst.CSTNode]], Optional[Located]]] = None,
    parents: Optional[Mapping] = None,
) -> Optional[Fix]:
    """Turn a rule's ``PendingFix`` into a ``Fix`` whose edits apply to ``module.code``.

    ``scopes`` is the engine's resolved ``ScopeProvider`` mapping; without it an import is
    added only when the module has no top-level binding of the name at all.
    ``render_module`` returns ``module.code``, rendered once per file for all its fixes.
    ``locate`` gives the innermost statement holding the given nodes and where its text
    starts (``Layout.enclosing_statement``): then only that statement is rendered (and, given
    the engine's ``parents`` links, only the nodes above a single replaced node are rebuilt).
    """
    edit = (
        _statement_edit(module, pending, locate, parents)
        if locate is not None
        else None
    )
    if edit is None:
        updated = module
        for old, new in pending.replacements:
            updated = updated.deep_replace(old, new)
        before = render_module() if render_module is not None else module.code
        after = updated.code
        if before == after:
            return None
        edit = _word_aligned_edit(before, after)
    elif edit is _UNCHANGED:
        return None
    edits = [edit]
    for name in dict.fromkeys(pending.imports):  # keep order, drop repeats
        anchors = [old for old, _ in pending.replacements]
        state = _import_state(module, name, anchors, scopes)
        if state == "conflict":
            return None
        if state == "missing":
            edits.append(import_edit(module, name))
    return Fix(pending.title, pending.safety, tuple(edits))


_UNCHANGED = TextEdit(Span(Position(1, 1), Position(1, 1)), "")


def _replaced_along_path(
    root: cst.CSTNode, old: cst.CSTNode, new: cst.CSTNode, parents: Mapping
) -> Optional[cst.CSTNode]:
    """``root.deep_replace(old, new)``, rebuilding only the nodes between ``old`` and ``root``
    (deep_replace transforms the whole subtree). None when the path cannot be followed."""
    if not isinstance(new, cst.CSTNode):
        return None  # a FlattenSentinel (several statements): libcst splices those in
    replaced, child = new, old
    while child is not root:
        parent = parents.get(child)
        if parent is None:
            return None
        changes = {}
        for field in dataclasses.fields(parent):
            value = getattr(parent, field.name)
            if value is child:
                changes[field.name] = replaced
            elif isinstance(value, (list, tuple)) and any(item is child for item in value):
                changes[field.name] = type(value)(replaced if item is child else item for item in value)
        if len(changes) != 1:
            return None
        replaced, child = parent.with_changes(**changes), parent
    return replaced


def _statement_edit(
    module: cst.Module, pending, locate, parents: Optional[Mapping] = None
) -> Optional[TextEdit]:
    """The edit computed on the innermost statement that holds every replaced node (rendered
    alone it is its slice of ``module.code``, starting at column 1 of its first line);
    ``_UNCHANGED`` when it renders the same; None when the module must be rendered whole."""
    if not module.has_trailing_newline:
        return None  # the module drops the final newline of whichever statement ends it
    located = locate([old for old, _ in pending.replacements])
    if located is None:
        return None
    updated = None
    if len(pending.replacements) == 1 and parents is not None:
        updated = _replaced_along_path(located.statement, *pending.replacements[0], parents)
    if updated is None:
        updated = located.statement
        for old, new in pending.replacements:
            updated = updated.deep_replace(old, new)
    before, after = render_alone(module, located), render_alone(module, located, updated)
    if before == after:
        return _UNCHANGED
    edit = _word_aligned_edit(before, after)
    shift = located.first_line - 1
    return TextEdit(
        Span(
            Position(edit.span.start.line + shift, edit.span.start.column),
            Position(edit.span.end.line + shift, edit.span.end.column),
        ),
        edit.replacement,
    )


def _word_aligned_edit(before: str, after: str) -> TextEdit:
    """The smallest edit, widened so that it neither starts nor ends inside a word:
    ``socket.inet_ntoa(x)`` -> ``str(...)`` replaces ``socket.inet_ntoa(`` rather than
    ``ocket.inet_ntoa(`` (same result; readable in SARIF and diffs, fewer false overlaps)."""
    prefix = 0
    limit = min(len(before), len(after))
    while prefix < limit and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and before[-1 - suffix] == after[-1 - suffix]:
        suffix += 1

    def word(char: str) -> bool:
        return char.isalnum() or char == "_"

    while prefix > 0 and word(before[prefix - 1]) and (
        (prefix < len(before) and word(before[prefix])) or (prefix < len(after) and word(after[prefix]))
    ):
        prefix -= 1
    while suffix > 0 and word(before[-suffix]) and (
        (len(before) - suffix - 1 >= prefix and word(before[-suffix - 1]))
        or (len(after) - suffix - 1 >= prefix and word(after[-suffix - 1]))
    ):
        suffix -= 1
    start = offset_to_position(before, prefix)
    end = offset_to_position(before, len(before) - suffix)
    return TextEdit(Span(start, end), after[prefix : len(after) - suffix])


def _import_state(module: cst.Module, name: str, anchors: Sequence[cst.CSTNode], scopes) -> str:
    """"present" when ``name`` already means module ``name`` at every anchor, "missing" when
    an ``import`` has to be added, "conflict" when the name is bound to something else."""
    first = name.split(".", 1)[0]
    if scopes is None:
        imports = [
            small
            for statement in module.body
            if isinstance(statement, cst.SimpleStatementLine)
            for small in statement.body
            if isinstance(small, cst.Import)
        ]
        if _binds_otherwise(module, first):
            return "conflict"
        return "present" if any(_imports_exactly(node, name) for node in imports) else "missing"
    states = set()
    for anchor in anchors:
        scope = scopes.get(anchor) or scopes.get(module)
        assignments = list(scope[first]) if scope is not None and first in scope else []
        if not assignments:
            states.add("missing")
        elif not all(_binds_module(a.node, first) for a in assignments):
            states.add("conflict")
        elif any(_imports_exactly(a.node, name) for a in assignments):
            states.add("present")
        else:
            states.add("missing")  # ``import urllib.request`` does not promise urllib.parse
    if "conflict" in states:
        return "conflict"
    return "missing" if "missing" in states else "present"


def _aliases(node: cst.CSTNode):
    if isinstance(node, cst.Import):
        for alias in node.names:
            asname = alias.asname.name.value if alias.asname and isinstance(alias.asname.name, cst.Name) else None
            yield _dotted(alias.name), asname


def _binds_module(node: cst.CSTNode, first: str) -> bool:
    """Whether this ``import`` binds ``first`` to the top-level module ``first``."""
    for imported, asname in _aliases(node):
        if asname is None and imported.split(".", 1)[0] == first:
            return True
        if asname == first and imported == first:
            return True
    return False


def _imports_exactly(node: cst.CSTNode, name: str) -> bool:
    first = name.split(".", 1)[0]
    for imported, asname in _aliases(node):
        if asname is None and (imported == name or imported.startswith(name + ".")):
            return True
        if asname == first and imported == name == first:
            return True
    return False


def _dotted(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    return ""


def _binds_otherwise(module: cst.Module, name: str) -> bool:
    """A top-level binding of ``name`` that is not ``import name`` (no scope data)."""
    for statement in module.body:
        if isinstance(statement, (cst.FunctionDef, cst.ClassDef)) and statement.name.value == name:
            return True
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
                    for alias in small.names:
                        bound = alias.asname.name if alias.asname else alias.name
                        if isinstance(bound, cst.Name) and bound.value == name:
                            return True
                if isinstance(small, cst.Assign):
                    for target in small.targets:
                        if isinstance(target.target, cst.Name) and target.target.value == name:
                            return True
    return False


def import_insertion_index(module: cst.Module) -> int:
    """Where a new top-level import goes: after the leading imports, else after the module
    docstring (``from __future__`` imports are imports, so they stay first)."""
    body = module.body
    index = 0
    if body and _is_docstring(body[0]):
        index = 1
    position = index
    while position < len(body) and _is_import_block(body[position]):
        position += 1
        index = position
    return index


def _is_docstring(statement: cst.CSTNode) -> bool:
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and len(statement.body) == 1
        and isinstance(statement.body[0], cst.Expr)
        and isinstance(statement.body[0].value, (cst.SimpleString, cst.ConcatenatedString))
    )


def _is_import_block(statement: cst.CSTNode) -> bool:
    """An import line, or ``try:`` around imports only (the ImportError fallback idiom)."""
    if isinstance(statement, cst.SimpleStatementLine):
        return all(isinstance(small, (cst.Import, cst.ImportFrom)) for small in statement.body)
    if isinstance(statement, cst.Try):
        blocks = [statement.body, *(handler.body for handler in statement.handlers)]
        if statement.orelse:
            blocks.append(statement.orelse.body)
        for block in blocks:
            for inner in getattr(block, "body", ()):
                if not isinstance(inner, cst.SimpleStatementLine):
                    return False
                if not all(isinstance(s, (cst.Import, cst.ImportFrom, cst.Pass)) for s in inner.body):
                    return False
        return True
    return False


def import_edit(module: cst.Module, name: str) -> TextEdit:
    """An insertion of ``import name`` at ``import_insertion_index``, in the file's newline
    style; comments above the next statement stay with that statement."""
    index = import_insertion_index(module)
    head = module.with_changes(body=module.body[:index], footer=(), has_trailing_newline=True).code
    code = module.code
    newline = module.default_newline
    if not code.startswith(head):  # a last line without newline: rendered with one in ``head``
        head = head[: -len(newline)] if head.endswith(newline) else head
        if not code.startswith(head):
            raise ValueError("cannot place the import")  # should not happen: libcst round-trips
        return TextEdit(_point(code, len(head)), f"{newline}import {name}")
    return TextEdit(_point(code, len(head)), f"import {name}{newline}")


def _point(text: str, offset: int) -> Span:
    position = offset_to_position(text, offset)
    return Span(position, position)


def offset_to_position(text: str, offset: int) -> Position:
    line = text.count("\n", 0, offset) + 1
    line_start = text.rfind("\n", 0, offset) + 1
    return Position(line, offset - line_start + 1)
