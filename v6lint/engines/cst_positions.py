"""Positions of a few nodes, the same as libcst's ``PositionProvider`` gives, for less.

``PositionProvider`` renders the whole module while updating a line and column for every
token and recording a range for every node: on test_socket.py that costs more than parsing it,
to place the handful of nodes a rule reported. Here the module is rendered once, and position
tracking is on only along the paths down to the nodes asked for (and inside them). Every other
subtree is rendered as plain tokens; the line and column are brought up to date from its text
when its rendering ends.

The same rendering records where the text of each statement on those paths starts, so that a
fix can be computed on the innermost statement around it instead of the whole module.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterable, Iterator, Mapping, NamedTuple, Optional, Sequence

import libcst as cst
from libcst._nodes.internal import CodegenState
from libcst._position import CodePosition, CodeRange
from libcst.metadata.position_provider import PositionProvidingCodegenState

# The statements whose text starts at the beginning of a line (their leading blank and comment
# lines, then their indentation).
STATEMENT_TYPES = (cst.SimpleStatementLine, cst.BaseCompoundStatement)


class _Ranges:
    """Stands in for the provider the codegen state writes its ranges into."""

    def __init__(self) -> None:
        self._computed: dict[cst.CSTNode, CodeRange] = {}


class _AllPlaced(Exception):
    """Every wanted node has its range: the rest of the module need not be rendered."""


class _SelectiveState(PositionProvidingCodegenState):
    """Tracks line and column on the path to the wanted nodes and inside them; renders every
    other subtree without tracking and then moves line and column over its text."""

    path: frozenset = frozenset()  # ancestors of the wanted nodes
    wanted: frozenset = frozenset()
    inside = 0  # how many wanted nodes are being rendered around the current one
    unplaced = 0  # wanted nodes whose rendering has not ended yet
    skipped: Optional[cst.CSTNode] = None  # the subtree rendered without tracking
    tracking = True
    counted = 0  # tokens already accounted for in ``line`` and ``column``

    def add_token(self, value: str) -> None:
        if self.tracking:
            super().add_token(value)
        else:
            self.tokens.append(value)

    def add_indent_tokens(self) -> None:
        if self.tracking:
            super().add_indent_tokens()
        else:
            self.tokens.extend(self.indent_tokens)

    def before_codegen(self, node: cst.CSTNode) -> None:
        if not self.tracking:
            return
        if node in self.path:
            self.starts[node] = CodePosition(self.line, self.column)
        if node in self.wanted:
            self.inside += 1
        elif not self.inside and node not in self.path:
            self.counted = len(self.tokens)
            self.skipped, self.tracking = node, False
            return
        super().before_codegen(node)

    def after_codegen(self, node: cst.CSTNode) -> None:
        if not self.tracking:
            if node is self.skipped:
                self.skipped, self.tracking = None, True
                self._catch_up()
            return
        super().after_codegen(node)
        if node in self.wanted:
            self.inside -= 1
            self.unplaced -= 1
            if not self.unplaced:
                raise _AllPlaced()  # the text after the last wanted node moves nothing asked

    @contextmanager
    def record_syntactic_position(
        self,
        node: cst.CSTNode,
        *,
        start_node: Optional[cst.CSTNode] = None,
        end_node: Optional[cst.CSTNode] = None,
    ) -> Iterator[None]:
        if not self.tracking:
            yield
            return
        start = CodePosition(self.line, self.column)
        yield
        end = CodePosition(self.line, self.column)
        computed = self.provider._computed
        if start_node is not None:
            if start_node not in computed:
                return  # a path node whose first child went untracked: its range is not asked
            start = computed[start_node].start
        if end_node is not None:
            if end_node not in computed:
                return
            end = computed[end_node].end
        computed[node] = CodeRange(start, end)

    def _catch_up(self) -> None:
        """Move line and column over the tokens rendered since they were last up to date."""
        text = "".join(self.tokens[self.counted :])
        newlines = text.count("\n") + text.count("\r") - text.count("\r\n")
        if newlines:
            self.line += newlines
            self.column = len(text) - (max(text.rfind("\n"), text.rfind("\r")) + 1)
        else:
            self.column += len(text)


class Located(NamedTuple):
    """A statement and what it takes to render it alone as its slice of the module's text."""

    statement: cst.CSTNode
    first_line: int  # where its text starts (leading blank and comment lines included)
    indent: tuple[str, ...]  # the indentation of the blocks around it, outermost first


class Layout:
    """The positions of chosen nodes, and where the statements around them start."""

    def __init__(
        self,
        module: cst.Module,
        nodes: Iterable[cst.CSTNode],
        parents: Mapping[cst.CSTNode, cst.CSTNode],
        also: Iterable[cst.CSTNode] = (),
    ) -> None:
        """``positions`` is for ``nodes``; the statements around ``also`` (the nodes fixes
        replace) are located too."""
        self.module = module
        self.parents = parents
        nodes = list(nodes)
        tracked = nodes + list(also)
        path = {module}
        for node in tracked:
            ancestor = parents.get(node)
            while ancestor is not None and ancestor not in path:
                path.add(ancestor)
                ancestor = parents.get(ancestor)
        ranges = _Ranges()
        state = _SelectiveState(
            default_indent=module.default_indent,
            default_newline=module.default_newline,
            provider=ranges,  # type: ignore[arg-type]
        )
        state.path, state.wanted = frozenset(path), frozenset(tracked)
        state.starts = {}  # where the text of each path node starts
        state.unplaced = len(state.wanted)
        if state.unplaced:
            try:
                module._codegen(state)
            except _AllPlaced:
                pass
        self._starts = state.starts
        self.positions: Optional[dict[cst.CSTNode, CodeRange]] = {}
        for node in nodes:
            position = ranges._computed.get(node)
            if position is None:
                self.positions = None  # not reached from the module: ask libcst
                break
            self.positions[node] = position

    def enclosing_statement(self, nodes: Sequence[cst.CSTNode]) -> Optional[Located]:
        """The innermost statement that holds all of ``nodes`` below it (none of them is the
        statement itself); None when there is none or it was not on a tracked path."""
        if not nodes:
            return None
        chains = [list(self._statements_above(node)) for node in nodes]
        others = [set(chain) for chain in chains[1:]]
        for statement in chains[0]:
            if all(statement in chain for chain in others):
                break
        else:
            return None
        start = self._starts.get(statement)
        if start is None or start.column != 0:
            return None
        indent = [
            block.indent if block.indent is not None else self.module.default_indent
            for block in self._ancestors(statement)
            if isinstance(block, cst.IndentedBlock)
        ]
        return Located(statement, start.line, tuple(reversed(indent)))

    def _ancestors(self, node: cst.CSTNode) -> Iterator[cst.CSTNode]:
        ancestor = self.parents.get(node)
        while ancestor is not None:
            yield ancestor
            ancestor = self.parents.get(ancestor)

    def _statements_above(self, node: cst.CSTNode) -> Iterator[cst.CSTNode]:
        for ancestor in self._ancestors(node):
            if isinstance(ancestor, STATEMENT_TYPES) and not (
                isinstance(ancestor, cst.If) and isinstance(self.parents.get(ancestor), cst.If)
            ):  # an ``elif`` is rendered as part of the ``if`` above it
                yield ancestor


def render_alone(module: cst.Module, located: Located, node: Optional[cst.CSTNode] = None) -> str:
    """The text of ``located.statement`` (or of ``node`` standing in its place) exactly as the
    module renders it there: the indentation of the enclosing blocks is restored."""
    state = CodegenState(default_indent=module.default_indent, default_newline=module.default_newline)
    state.indent_tokens.extend(located.indent)
    (located.statement if node is None else node)._codegen(state)
    return "".join(state.tokens)
