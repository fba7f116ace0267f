"""Regions: the parts of a Python file a rule can report in, found from its bytes alone.

A big file that passes the prefilter is mostly irrelevant to the rules that run on it
(test_os.py: 173 KB, one finding), and libcst's parse and scope analysis cost grows with the
text. So the cst engine parses a *reduced* copy:

- every module-level statement that is not a function or class definition is kept, and so is
  the header and every non-definition statement of a kept class (the whole class when one of
  those holds a hit);
- a definition (module-level, or a member of a class) is kept whole when its text holds a hit
  (a trigger or context trigger of a rule that runs), the word ``global``, a name bound by a
  module-level statement that holds a hit (``HOST = "127.0.0.1"``, ``from struct import pack
  as p``, followed through statements that use it), or when it is a module-level definition
  named by kept code that holds a hit (rules look up local functions by name) or by a kept
  class header (base classes), or when it mentions a kept class whose header holds a hit
  (rules about a class read its instantiations);
- any other definition becomes a stub binding the same name on its first line: ``def name():
  pass`` for a one-line definition, else a string body that spans its other lines (see
  ``_stub``).

Kept text never moves: every line keeps its number and every kept character its column, so
findings and fix edits need no mapping. The lexer knows strings, comments and brackets; where
it cannot make sense of a file, nothing is removed. A syntax error inside a stubbed definition
goes unreported, like one in a file no trigger matches: v6lint is not a syntax checker.
"""

from __future__ import annotations

import bisect
import re
from typing import Iterable, NamedTuple, Optional, Sequence

# Below this size a file is parsed whole: the reduction would save less than it costs.
MIN_REDUCIBLE_BYTES = 6_000

# One token the statement splitter must see: a string (any prefix, any quotes; a backslash
# escapes the next character, newlines included), a comment, a bracket, or a newline.
_TOKEN = re.compile(
    rb"[rRbBuUfF]{0,2}(?:'''(?:[^'\\]|\\.|'(?!''))*'''"
    rb'|"""(?:[^"\\]|\\.|"(?!""))*"""'
    rb"|'(?:[^'\\\n]|\\.)*'"
    rb'|"(?:[^"\\\n]|\\.)*")'
    rb"|(#[^\n]*)"
    rb"|([(\[{])"
    rb"|([)\]}])"
    rb"|(\n)",
    re.S,
)
_OPEN, _CLOSE, _NEWLINE = 2, 3, 4
_INDENT = re.compile(rb"[ \t\f]*")
_CONTINUATION = re.compile(rb"(?:else|elif|except|finally)\b")
_DEFINITION = re.compile(rb"(?:async[ \t]+)?(def|class)[ \t]+([A-Za-z_][A-Za-z0-9_]*)")
_WORD = re.compile(rb"[A-Za-z_][A-Za-z0-9_]*")
_GLOBAL = re.compile(rb"\bglobal\b")
# ``import x as NAME`` / ``from m import y as NAME``: a call through NAME may hold no hit itself.
_ALIAS = re.compile(rb"\bas[ \t]+([A-Za-z_][A-Za-z0-9_]*)")
# Names a module-level statement binds: ``NAME =``, ``NAME: T =``, ``A, B =`` at a line start.
_ASSIGNED = re.compile(
    rb"^[ \t]*([A-Za-z_][A-Za-z0-9_]*(?:[ \t]*,[ \t]*[A-Za-z_][A-Za-z0-9_]*)*)[ \t]*(?::[^=\n]*)?=(?!=)",
    re.M,
)


class _Statement(NamedTuple):
    start: int
    indent: bytes
    head: bytes  # the first bytes of the statement, after its indentation


class _Group(NamedTuple):
    """A statement with its decorators or its else/except/finally clauses."""

    start: int
    end: int
    indent: bytes
    kind: str  # "def", "class" or "statement"
    name: Optional[bytes]
    header_end: int  # where a class's body starts (its first member); else ``end``


def statements(data: bytes) -> Optional[list[_Statement]]:
    """Every logical line that starts a statement, or None when the lexing went wrong."""
    starts = [0]
    depth = 0
    for match in _TOKEN.finditer(data):
        group = match.lastindex
        if group == _NEWLINE:
            if depth == 0:
                starts.append(match.end())
        elif group == _OPEN:
            depth += 1
        elif group == _CLOSE:
            if depth == 0:
                return None  # unbalanced: a string form this lexer does not know
            depth -= 1
    if depth:
        return None
    found = []
    size = len(data)
    for start in starts:
        indent_end = _INDENT.match(data, start).end()
        if indent_end >= size:
            continue
        first = data[indent_end : indent_end + 1]
        if first in (b"\n", b"\r", b"#", b"\\"):
            continue  # blank, comment-only, or a line continued by a backslash
        if data[max(start - 2, 0) : start] == b"\\\n" or data[max(start - 3, 0) : start] == b"\\\r\n":
            continue  # the tail of a backslash-continued line
        found.append(_Statement(start, data[start:indent_end], data[indent_end : indent_end + 80]))
    return found


def _groups(stmts: Sequence[_Statement], first: int, last: int, indent: bytes, end: int) -> list[_Group]:
    """Group ``stmts[first:last]`` at ``indent`` (deeper ones belong to the group before)."""
    heads: list[int] = []
    for index in range(first, last):
        statement = stmts[index]
        if statement.indent != indent:
            continue
        if heads:
            previous = stmts[heads[-1]]
            if _CONTINUATION.match(statement.head):
                continue  # else/elif/except/finally of the compound statement before
            if previous.head.startswith(b"@") and _group_is_decorators(stmts, heads[-1], index):
                continue  # a decorator's definition
        heads.append(index)
    groups = []
    for position, index in enumerate(heads):
        group_start = stmts[index].start
        next_head = heads[position + 1] if position + 1 < len(heads) else None
        group_end = stmts[next_head].start if next_head is not None else end
        kind, name, header_end = "statement", None, group_end
        definition_index = index
        while definition_index < last and stmts[definition_index].head.startswith(b"@"):
            definition_index += 1
        if definition_index < last and stmts[definition_index].start < group_end:
            match = _DEFINITION.match(stmts[definition_index].head)
            if match:
                kind, name = match.group(1).decode(), match.group(2)
                if kind == "class":
                    body = definition_index + 1
                    if body < last and stmts[body].start < group_end:
                        header_end = stmts[body].start
        groups.append(_Group(group_start, group_end, indent, kind, name, header_end))
    return groups


def _group_is_decorators(stmts: Sequence[_Statement], head: int, index: int) -> bool:
    """True when every statement from ``head`` up to ``index`` is a decorator."""
    return all(stmts[i].head.startswith(b"@") for i in range(head, index) if stmts[i].indent == stmts[head].indent)


def _members(stmts: Sequence[_Statement], starts: Sequence[int], group: _Group) -> list[_Group]:
    """The members of a class group (definitions and statements of its body)."""
    first = bisect.bisect_left(starts, group.header_end)
    last = bisect.bisect_left(starts, group.end)
    if first >= last:
        return []
    body_indent = stmts[first].indent
    if len(body_indent) <= len(group.indent) or not body_indent.startswith(group.indent):
        return []
    return _groups(stmts, first, last, body_indent, group.end)


def _stub(data: bytes, group: _Group) -> bytes:
    """``def name(): pass`` on the group's first line, its other lines left empty. A group of
    several lines gets a string for a body instead of ``pass``: it opens on the first line,
    holds the line breaks of the others and closes on the last. The parser then reads one
    token where each empty line would have been a node of its own."""
    text = data[group.start : group.end]
    lines = text.splitlines(keepends=True)
    keyword = b"class " if group.kind == "class" else b"def "
    signature = b":" if group.kind == "class" else b"():"
    head = group.indent + keyword + (group.name or b"_") + signature
    if len(lines) == 1:
        return head + b" pass" + _ending(lines[0])
    out = [head, b" '''", _ending(lines[0])]
    out.extend(_ending(line) for line in lines[1:-1])
    out += [b"'''", _ending(lines[-1])]
    return b"".join(out)


def _ending(line: bytes) -> bytes:
    if line.endswith(b"\r\n"):
        return b"\r\n"
    if line.endswith((b"\n", b"\r")):
        return line[-1:]
    return b""


class _Reducer:
    def __init__(self, data: bytes, hits: Sequence[int]) -> None:
        self.data = data
        self.hits = hits
        self._words: dict[int, tuple[int, set[bytes]]] = {}

    def has_hit(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.hits, start)
        return index < len(self.hits) and self.hits[index] < end

    def words(self, start: int, end: int) -> set[bytes]:
        found = self._words.get(start)
        if found is None or found[0] != end:
            found = self._words[start] = (end, set(_WORD.findall(self.data, start, end)))
        return found[1]

    def must_keep(self, group: _Group, hot: set[bytes]) -> bool:
        if self.has_hit(group.start, group.end):
            return True
        text = self.data[group.start : group.end]
        if b"global" in text and _GLOBAL.search(text):
            return True
        return bool(hot) and not hot.isdisjoint(self.words(group.start, group.end))


def reduce_source(data: bytes, hits: Iterable[int]) -> bytes:
    """``data`` with every definition no rule can report in replaced by a stub (see the module
    docstring); ``data`` itself when nothing can be removed or the file is not understood."""
    if len(data) < MIN_REDUCIBLE_BYTES:
        return data
    stmts = statements(data)
    if not stmts:
        return data
    reducer = _Reducer(data, sorted(set(hits)))
    top = _groups(stmts, 0, len(stmts), stmts[0].indent, len(data))
    if not top or top[0].indent:
        return data  # an indented first statement: not a module this splitter understands
    hot = _hot_names(reducer, top)
    kept = _kept_definitions(reducer, top, hot)
    return _render(reducer, stmts, top, kept, hot)


def _hot_names(reducer: _Reducer, top: Sequence[_Group]) -> set[bytes]:
    """Names bound by module-level statements that hold a hit, followed through statements
    that mention them (``HOST = "127.0.0.1"``; ``ADDRESS = (HOST, 80)``)."""
    data = reducer.data
    hot: set[bytes] = set()
    plain = [group for group in top if group.kind == "statement"]
    pending = [group for group in plain if reducer.has_hit(group.start, group.end)]
    done: set[int] = set()
    while pending:
        group = pending.pop()
        if group.start in done:
            continue
        done.add(group.start)
        new = set()
        for match in _ASSIGNED.finditer(data, group.start, group.end):
            new.update(name.strip() for name in match.group(1).split(b","))
        new.update(_ALIAS.findall(data, group.start, group.end))
        new -= hot
        if new:
            hot |= new
            pending.extend(g for g in plain if g.start not in done and not new.isdisjoint(reducer.words(g.start, g.end)))
    return hot


def _kept_definitions(reducer: _Reducer, top: Sequence[_Group], hot: set[bytes]) -> set[int]:
    """The starts of the module-level definitions to keep (whole, or a class partly); adds
    the names of kept classes whose header holds a hit to ``hot``.

    Besides those holding a hit: definitions rules look up by name, i.e. local base classes
    (followed up the hierarchy), functions a statement with a hit assigns or calls
    (``getaddrinfo = _ipv4_only``), and the code that uses a kept class whose header holds a
    hit (``MyServer(...)``). Followed one step from code that holds a hit, not transitively:
    in a library module everything reaches everything.
    """
    data = reducer.data
    definitions = {group.name: group for group in top if group.kind != "statement" and group.name}
    kept: dict[int, _Group] = {}
    pending = [g for g in top if g.kind != "statement" and reducer.must_keep(g, hot)]
    named: set[bytes] = set()
    for group in top:
        # ``__all__`` names every public definition; a listing is not a use.
        if (
            group.kind == "statement"
            and reducer.has_hit(group.start, group.end)
            and not data.startswith(b"__all__", group.start)
        ):
            named |= reducer.words(group.start, group.end)
    while True:
        for group in pending:
            if group.start in kept:
                continue
            kept[group.start] = group
            if reducer.has_hit(group.start, group.end):
                named |= reducer.words(group.start, group.end)
            if group.kind == "class":
                named |= reducer.words(group.start, group.header_end)  # its bases
        pending = [definitions[name] for name in named & definitions.keys() if definitions[name].start not in kept]
        classes = {
            group.name
            for group in kept.values()
            if group.kind == "class" and reducer.has_hit(group.start, group.header_end)
        } - hot
        if classes:
            hot |= classes
            pending += [g for g in top if g.kind != "statement" and g.start not in kept and reducer.must_keep(g, hot)]
        if not pending:
            return set(kept)


def _render(
    reducer: _Reducer,
    stmts: Sequence[_Statement],
    top: Sequence[_Group],
    kept: set[int],
    hot: set[bytes],
) -> bytes:
    """The reduced text: stubs for the definitions not kept and, in kept classes, for the
    members that hold nothing a rule needs."""
    data = reducer.data
    starts = [statement.start for statement in stmts]
    pieces: list[bytes] = []
    position = 0
    for group in top:
        if group.kind == "statement":
            continue
        if group.start not in kept:
            pieces += [data[position : group.start], _stub(data, group)]
            position = group.end
            continue
        if group.kind != "class":
            continue
        members = _members(stmts, starts, group)
        if any(m.kind == "statement" and reducer.has_hit(m.start, m.end) for m in members):
            continue  # code in the class body itself: rules read the whole class around it
        for member in members:
            if member.kind == "statement" or member.name is None or reducer.must_keep(member, hot):
                continue
            pieces += [data[position : member.start], _stub(data, member)]
            position = member.end
    if not pieces:
        return data
    pieces.append(data[position:])
    return b"".join(pieces)
