"""Positions of a few nodes, the same as libcst's ``PositionProvider`` gives, for less.

``PositionProvider`` renders the whole module while updating a line and column for every
token and recording a range for every node: on test_socket.py that costs more than parsing it,
to place the handful of nodes a rule reported. Here the module is rendered once with plain
token collection, and position tracking is switched on only for the top-level statements that
hold a reported node; each starts from the line and column of the text rendered before it.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterable, Iterator, Mapping, Optional

import libcst as cst
from libcst._position import CodeRange
from libcst.metadata.position_provider import PositionProvidingCodegenState


class _Ranges:
    """Stands in for the provider the codegen state writes its ranges into."""

    def __init__(self) -> None:
        self._computed: dict[cst.CSTNode, CodeRange] = {}


class _SelectiveState(PositionProvidingCodegenState):
    """Tracks positions only while ``tracking`` is set; otherwise just collects tokens."""

    tracking = False

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
        if self.tracking:
            super().before_codegen(node)

    def after_codegen(self, node: cst.CSTNode) -> None:
        if self.tracking:
            super().after_codegen(node)

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
        with super().record_syntactic_position(node, start_node=start_node, end_node=end_node):
            yield

    counted = 0  # tokens already accounted for in ``line`` and ``column``

    def resume_at_end_of_tokens(self) -> None:
        """Move line and column over the tokens rendered since they were last up to date."""
        text = "".join(self.tokens[self.counted :])
        newlines = text.count("\n") + text.count("\r") - text.count("\r\n")
        if newlines:
            self.line += newlines
            self.column = len(text) - (max(text.rfind("\n"), text.rfind("\r")) + 1)
        else:
            self.column += len(text)
        self.counted = len(self.tokens)


def top_level_statement(
    module: cst.Module, node: cst.CSTNode, parents: Mapping[cst.CSTNode, cst.CSTNode]
) -> Optional[cst.CSTNode]:
    """The statement of ``module.body`` that holds ``node`` (None: not under one)."""
    while True:
        parent = parents.get(node)
        if parent is None:
            return None
        if parent is module:
            return node if node in module.body else None
        node = parent


class Layout:
    """Where ``module``'s top-level statements start, and the positions of chosen nodes."""

    def __init__(
        self,
        module: cst.Module,
        nodes: Iterable[cst.CSTNode],
        parents: Mapping[cst.CSTNode, cst.CSTNode],
    ) -> None:
        self.module = module
        self.parents = parents
        nodes = list(nodes)
        wanted = {top_level_statement(module, node, parents) for node in nodes}
        ranges = _Ranges()
        state = _SelectiveState(
            default_indent=module.default_indent,
            default_newline=module.default_newline,
            provider=ranges,  # type: ignore[arg-type]
        )
        for line in module.header:
            line._codegen(state)
        # The line each statement's text (its leading blank and comment lines included) starts on.
        self.first_lines: dict[cst.CSTNode, int] = {}
        for statement in module.body:
            state.resume_at_end_of_tokens()
            self.first_lines[statement] = state.line
            state.tracking = statement in wanted
            statement._codegen(state)
            if state.tracking:  # line and column followed every token: they are up to date
                state.tracking = False
                state.counted = len(state.tokens)
        self.positions: Optional[dict[cst.CSTNode, CodeRange]] = {}
        for node in nodes:
            position = ranges._computed.get(node)
            if position is None:
                self.positions = None  # a node outside every statement: ask libcst
                break
            self.positions[node] = position

    def statement_of(self, node: cst.CSTNode) -> Optional[tuple[cst.CSTNode, int]]:
        """The top-level statement holding ``node`` and the line its text starts on."""
        statement = top_level_statement(self.module, node, self.parents)
        if statement is None:
            return None
        return statement, self.first_lines[statement]
