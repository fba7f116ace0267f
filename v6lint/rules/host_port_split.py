"""V6501: "host:port" strings taken apart at the first ':'."""

from __future__ import annotations

import re
from typing import Optional

import libcst as cst

from v6lint.model import Confidence, FixSafety, Severity
from v6lint.rules._addressing import (
    HOST_WORDS,
    HOSTPORT_WORDS,
    IPV6_WORDS,
    NOT_ADDRESS_WORDS,
    PORT_WORDS,
    awareness,
    code_of,
    family_scope_words,
    enclosing_function,
    local_value,
    name_words,
    unwrap_conversion,
)
from v6lint.rules._base import Invalid, PendingFix, Rule, argument, iter_nodes, string_value

SPLITS = frozenset({"split", "rsplit", "partition", "rpartition"})
# Methods that return the same text, for looking through ``addr.strip().split(":")``.
_SAME_TEXT = frozenset({"strip", "lower", "decode", "lstrip", "rstrip"})
SOCKET_SINKS = frozenset(
    {"connect", "connect_ex", "bind", "sendto", "create_connection", "open_connection",
     "create_server", "start_server", "getaddrinfo"}
)
_CATCHES_VALUE_ERROR = frozenset({"ValueError", "Exception", "BaseException"})


class HostPortSplit(Rule):
    """
    ## What it finds
    A `"host:port"` string split at its first colon: `host, port = addr.split(":")`,
    `addr.split(":")[0]`, `addr.split(":", 1)`, `addr.partition(":")`, and the host part of
    `addr.rsplit(":", 1)` / `addr.rpartition(":")` when the brackets are never removed.
    It is reported when the value is an address: its name (`addr`, `netloc`, `server`,
    `bind`, `proxy`, `*_HOST`, `*_ADDR`, `os.environ["REDIS_ADDR"]`, `config.get("listen")`,
    a local assigned from one of those), the names of the parts (`host, port = ...`), or the
    use of the parts (`sock.connect((a, int(b)))`).

    ## Why it breaks on IPv6
    An IPv6 address contains colons, so the port cannot be told from the address by the
    first colon. `"[2001:db8::1]:8080".split(":")` gives six pieces: unpacking raises
    `ValueError`, `[0]` is `"[2001"` and `[1]` is `"db8"`. A bare `"::1"` gives an empty host.
    `rsplit(":", 1)` finds the right port, but leaves the host as `"[2001:db8::1]"`, which
    `getaddrinfo()` rejects: the brackets of the standard notation (RFC 3986) must go too.

    ## Example
    ```python
    host, port = os.environ["REDIS_ADDR"].split(":")
    ```

    ## Fix
    Split at the last colon and strip the brackets of an IPv6 host:
    ```python
    host, port = os.environ["REDIS_ADDR"].rsplit(":", 1)
    if ":" in host:
        host = host.strip("[]")
    ```
    or parse it as the authority of a URL: `u = urllib.parse.urlsplit("//" + addr)`, then
    `u.hostname` and `u.port` (brackets removed, port checked).

    ## Fix safety
    The fix is offered for the two-name unpacking of `split(":")` (no maxsplit) and is
    **safe** there. The old statement succeeds only for a string with exactly one colon, and
    for that string `rsplit(":", 1)` returns the same two pieces while the host holds no colon,
    so the added `strip` never runs. A string without a colon makes both versions raise the
    same `ValueError` ("not enough values to unpack"), a non-string the same `AttributeError`
    or `TypeError`. Only strings with two or more colons, which the old code rejected, now
    parse: IPv6 addresses. The bracket strip is guarded by `":" in host` on purpose: an
    unconditional `host.strip("[]")` would change `"[name]:80"`, which the old code accepted.
    The fix becomes **unsafe** when the statement sits in a `try` that catches `ValueError`
    in the same function (an `except ValueError: host, port = addr, 80` fallback used to see
    a bare `"::1"` as a host without port, and now gets a split), and for `split(":", 1)`,
    whose old result for multi-colon strings was accepted and changes. Indexing (`[0]`,
    `[1]`) and `partition` have no fix: the old code accepted every string, so any rewrite
    changes some result.

    ## Exceptions
    Not reported: time strings, `name: value` header lines, `PATH`-style lists, ratios,
    `key:value` lines, drive letters and URL schemes (none of them is named as an address),
    `split(":")[-1]` for the port (the last piece is the port in both IPv6 forms), and
    functions that already handle brackets (`startswith("[")`, `strip("[]")`,
    `f"[{host}]"`, `b"[" + host + b"]"`) or test the host part for a colon, and code inside
    classes or functions named for IPv6 (`_BaseV6`, `parse_ipv6`), which take IPv6 addresses
    apart on purpose. The finding can be ignored where the
    value is an IPv4 address or a DNS name by construction.
    """

    code = "V6501"
    name = "host-port-split"
    summary = "A host:port string split at the first colon"
    message = "splitting host:port at the first ':' breaks on IPv6 addresses"
    severity = Severity.WARNING
    precision = "high"
    fix_safety = FixSafety.SAFE
    tags = ("host-port",)
    # Every call this rule reports passes a ":" literal (any prefix, str or bytes) as the
    # separator: first after the parenthesis of split/rsplit/partition/rpartition, or as
    # ``sep=`` anywhere in the arguments. Each regex starts with a literal, so the scan is a
    # fast substring search; prose such as pydoc_data/topics.py does not match.
    triggers = (
        re.compile(rb"""split\s*\(\s*[bBrRuU]{0,2}["']{1,3}:["']"""),
        re.compile(rb"""partition\s*\(\s*[bBrRuU]{0,2}["']{1,3}:["']"""),
        re.compile(rb"""sep\s*=\s*[bBrRuU]{0,2}["']{1,3}:["']"""),
    )

    VALID = (
        'hours, minutes = clock.split(":")',
        'name, value = line.split(":", 1)',
        'import os\nfor entry in os.environ["PATH"].split(":"):\n    pass',
        'scheme, rest = url.split(":", 1)',
        'port = int(addr.split(":")[-1])',
        'host, port = addr.rsplit(":", 1)\nhost = host.strip("[]")',
        'def f(addr):\n    if addr.startswith("["):\n        host, _, port = addr[1:].partition("]:")\n'
        '    else:\n        host, port = addr.split(":")\n    return host, port',
        'user, password = credentials.split(":")',
        'width, height = ratio.split(":")',
        'drive, path = filename.split(":")',
        'groups = ipv6_addr.split(":")',
        'a, b = mac_address.split(":", 1)',
        'from urllib.parse import urlsplit\nu = urlsplit(url)\nhost, port = u.hostname, u.port',
        'key, value = item.split(":")',
        # Redis Cluster's MOVED reply writes IPv6 nodes without brackets: rsplit is right.
        'host, port = new_node.rsplit(":", 1)',
    )
    INVALID = (
        Invalid(
            'host, port = address.split(":")\n',
            fixed='host, port = address.rsplit(":", 1)\nif ":" in host:\n'
            '    host = host.strip("[]")\n',
        ),
        Invalid(
            'class Node:\n    def __init__(self, address):\n'
            '        self.host, self.port = address.split(":")\n',
            fixed='class Node:\n    def __init__(self, address):\n'
            '        self.host, self.port = address.rsplit(":", 1)\n'
            '        if ":" in self.host:\n            self.host = self.host.strip("[]")\n',
        ),
        'import os\nhost = os.environ["REDIS_HOST"].split(":")[0]',
        'port = int(netloc.split(":")[1])',
        'host, _, port = server.partition(":")',
        'from urllib.parse import urlsplit\nhost, port = urlsplit(url).netloc.rsplit(":", 1)',
        Invalid(
            'def f(value, sock):\n    a, b = value.split(":")\n    sock.connect((a, int(b)))',
            fixed='def f(value, sock):\n    a, b = value.rsplit(":", 1)\n    if ":" in a:\n'
            '        a = a.strip("[]")\n    sock.connect((a, int(b)))',
        ),
        Invalid(
            'host, port = line.split(":")',
            fixed='host, port = line.rsplit(":", 1)\nif ":" in host:\n    host = host.strip("[]")',
        ),
        'import os\nhp = os.getenv("LISTEN_ADDR")\nparts = hp.split(":")\nport = parts[1]',
    )

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if not isinstance(func, cst.Attribute) or func.attr.value not in SPLITS:
            return
        method = func.attr.value
        partition = method.endswith("partition")
        separator = argument(node, 0, "sep")
        if separator is None or _literal(separator.value) != ":":
            return
        maxsplit: Optional[int] = None
        if not partition:
            limit = argument(node, 1, "maxsplit")
            if limit is not None:
                if not isinstance(limit.value, cst.Integer):
                    return
                maxsplit = int(limit.value.value)
        # "first": the host is what precedes the first colon; "last": the last colon.
        if method == "rpartition" or (method == "rsplit" and maxsplit == 1):
            kind = "last"
        elif method == "partition" or maxsplit in (None, 1):
            kind = "first"
        else:
            return

        receiver = func.value
        receiver_words = self._receiver_words(receiver)
        if receiver_words & (NOT_ADDRESS_WORDS | IPV6_WORDS):
            return
        receiver_is_address = bool(receiver_words & HOSTPORT_WORDS)
        if family_scope_words(self, node) & IPV6_WORDS:
            return  # _BaseV6._ip_int_from_string(): taking an IPv6 address apart on purpose
        if kind == "last" and not _bracketed_by_standard(receiver, receiver_words):
            # rsplit(":", 1) is right for the unbracketed "::1:6379" that protocols such as
            # Redis Cluster use; only URL authorities and Host headers are bracketed by rule.
            return

        parent = self.parent(node)
        if isinstance(parent, cst.Subscript) and parent.value is node:
            self._indexed(node, parent, kind, partition, maxsplit, receiver_is_address)
        elif isinstance(parent, cst.Assign) and parent.value is node and len(parent.targets) == 1:
            target = parent.targets[0].target
            if isinstance(target, (cst.Tuple, cst.List)):
                self._unpacked(node, parent, target, kind, method, maxsplit, receiver_is_address)
            elif isinstance(target, cst.Name) and kind == "first" and receiver_is_address:
                self._parts_variable(node, target)

    # -- the three ways the pieces are used ------------------------------------------------

    def _indexed(self, node, subscript, kind, partition, maxsplit, receiver_is_address):
        if not receiver_is_address or len(subscript.slice) != 1:
            return
        index_node = subscript.slice[0].slice
        if not isinstance(index_node, cst.Index):
            return
        index = _integer(index_node.value)
        if index is None:
            return
        aware = awareness(self, node)
        if aware.brackets or code_of(self, node.func.value) in aware.colon_counts:
            return
        if kind == "last":
            if index == 0:
                self.report(node, _KEEPS_BRACKETS, confidence=Confidence.MEDIUM)
            return
        # split(":")[-1] and rsplit(":")[-1] are the port in both IPv6 forms.
        last_is_port = not partition and maxsplit is None
        port_indexes = (2, -1) if partition else (1, -1)
        if index == 0 or (index in port_indexes and not (index == -1 and last_is_port)):
            part = "host" if index == 0 else "port"
            self.report(
                node,
                f"taking the {part} from a host:port string at the first ':' breaks on IPv6"
                ' ("[::1]:80" has several colons); use rsplit(":", 1) and strip the brackets,'
                ' or urllib.parse.urlsplit("//" + value)',
            )

    def _unpacked(self, node, assign, target, kind, method, maxsplit, receiver_is_address):
        elements = [element.value for element in target.elements]
        if any(isinstance(e, cst.StarredElement) for e in target.elements):
            return
        wanted = 3 if method.endswith("partition") else 2
        if len(elements) != wanted:
            return
        first_words = name_words(elements[0])
        last_words = name_words(elements[-1])
        if (first_words | last_words) & NOT_ADDRESS_WORDS:
            return
        named_parts = bool(first_words & HOST_WORDS) and bool(last_words & PORT_WORDS)
        if not (receiver_is_address or named_parts or self._feeds_socket(node, elements)):
            return
        aware = awareness(self, node)
        host_code = code_of(self, elements[0])
        if (
            aware.brackets
            or host_code in aware.colon_tests
            or code_of(self, node.func.value) in aware.colon_counts
        ):
            return
        if kind == "last":
            self.report(node, _KEEPS_BRACKETS, confidence=Confidence.MEDIUM)
            return
        confidence = Confidence.HIGH if receiver_is_address or named_parts else Confidence.MEDIUM
        self.report(
            node,
            "unpacking host:port split at ':' raises ValueError for IPv6 addresses"
            ' ("[::1]:80" has several colons); split at the last colon and strip the brackets',
            confidence=confidence,
            fix=self._fix(node, assign, elements[0], method, maxsplit),
        )

    def _parts_variable(self, node, target: cst.Name):
        function = enclosing_function(self, node)
        indexed = False
        for other in iter_nodes(function):
            if (
                isinstance(other, cst.Subscript)
                and isinstance(other.value, cst.Name)
                and other.value.value == target.value
                and len(other.slice) == 1
                and isinstance(other.slice[0].slice, cst.Index)
                and _integer(other.slice[0].slice.value) in (0, 1)
            ):
                indexed = True
                break
        if not indexed:
            return
        aware = awareness(self, node)
        if aware.brackets or code_of(self, node.func.value) in aware.colon_counts:
            return
        self.report(
            node,
            "the pieces of a host:port string split at every ':' are wrong for IPv6 addresses;"
            ' use rsplit(":", 1) and strip the brackets',
            confidence=Confidence.MEDIUM,
        )

    # -- helpers ---------------------------------------------------------------------------

    def _receiver_words(self, receiver: cst.BaseExpression) -> frozenset[str]:
        for _ in range(3):
            if (
                isinstance(receiver, cst.Call)
                and isinstance(receiver.func, cst.Attribute)
                and receiver.func.attr.value in _SAME_TEXT
            ):
                receiver = receiver.func.value
            else:
                receiver = unwrap_conversion(receiver)
                break
        found = name_words(receiver)
        if isinstance(receiver, cst.Name) and not (found & (HOSTPORT_WORDS | NOT_ADDRESS_WORDS)):
            value = local_value(self, receiver)
            if value is not None and value is not receiver:
                found = found | name_words(unwrap_conversion(value))
        return found

    def _feeds_socket(self, node: cst.Call, elements) -> bool:
        """The parts go into a socket address tuple: ``connect((a, int(b)))``."""
        if not all(isinstance(e, cst.Name) for e in (elements[0], elements[-1])):
            return False
        host, port = elements[0].value, elements[-1].value

        def pair(first, second) -> bool:
            second = unwrap_conversion(second)
            return (
                isinstance(first, cst.Name) and first.value == host
                and isinstance(second, cst.Name) and second.value == port
            )

        for other in iter_nodes(enclosing_function(self, node)):
            if not isinstance(other, cst.Call):
                continue
            func = other.func
            called = func.attr.value if isinstance(func, cst.Attribute) else (
                func.value if isinstance(func, cst.Name) else None
            )
            if called not in SOCKET_SINKS or not other.args:
                continue
            first = other.args[0].value
            if isinstance(first, cst.Tuple) and len(first.elements) == 2:
                if pair(first.elements[0].value, first.elements[1].value):
                    return True
            if len(other.args) >= 2 and pair(first, other.args[1].value):
                return True
        return False

    def _fix(self, node, assign, host, method, maxsplit) -> Optional[PendingFix]:
        if method not in ("split", "rsplit") or maxsplit not in (None, 1):
            return None
        if method == "rsplit" and maxsplit == 1:
            return None
        statement = self.parent(assign)
        if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
            return None
        if not _plain_target(host) or string_value(node.args[0].value) != ":":
            return None  # a bytes separator would make the str test ``":" in host`` raise
        safety = FixSafety.SAFE
        if maxsplit == 1 or self.enclosing_handler(statement, _CATCHES_VALUE_ERROR) is not None:
            safety = FixSafety.UNSAFE
        separator = node.args[0].with_changes(
            keyword=None, equal=cst.MaybeSentinel.DEFAULT,
            comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")),
        )
        new_call = node.with_changes(
            func=node.func.with_changes(attr=cst.Name("rsplit")),
            args=[separator, cst.Arg(cst.Integer("1"))],
        )
        host_code = self.context.module.code_for_node(host).strip()
        config = self.context.module.config_for_parsing
        strip = cst.parse_statement(
            f'if ":" in {host_code}:\n    {host_code} = {host_code}.strip("[]")\n', config=config
        )
        new_line = statement.with_changes(body=[assign.with_changes(value=new_call)])
        return PendingFix(
            'Split at the last ":" and strip IPv6 brackets',
            safety,
            [(statement, cst.FlattenSentinel([new_line, strip]))],
        )


_KEEPS_BRACKETS = (
    'rsplit(":", 1)/rpartition(":") keeps the brackets of "[::1]:80" in the host, and'
    ' getaddrinfo() rejects "[::1]"; strip them (host.strip("[]")) when the host has a colon'
)


def _bracketed_by_standard(receiver: cst.BaseExpression, found: frozenset[str]) -> bool:
    """A URL authority or an HTTP Host header, where IPv6 hosts always carry brackets."""
    if found & {"netloc", "authority"} or {"http", "host"} <= found:
        return True
    if isinstance(receiver, (cst.Subscript, cst.Call)):
        base = receiver.value if isinstance(receiver, cst.Subscript) else receiver.func
        if isinstance(base, cst.Attribute) and base.attr.value in ("get",):
            base = base.value
        return "host" in found and "headers" in name_words(base)
    if isinstance(receiver, cst.Attribute) and receiver.attr.value == "host":
        return "request" in name_words(receiver.value)
    return False


def _literal(node: cst.BaseExpression) -> Optional[str]:
    value = string_value(node)
    if value is not None:
        return value
    if isinstance(node, cst.SimpleString) and node.prefix.lower() in ("b", "br", "rb"):
        try:
            raw = node.evaluated_value
        except Exception:
            return None
        if isinstance(raw, bytes):
            return raw.decode("latin-1")
    return None


def _integer(node: cst.BaseExpression) -> Optional[int]:
    if isinstance(node, cst.Integer):
        return int(node.value)
    if (
        isinstance(node, cst.UnaryOperation)
        and isinstance(node.operator, cst.Minus)
        and isinstance(node.expression, cst.Integer)
    ):
        return -int(node.expression.value)
    return None


def _plain_target(node: cst.BaseExpression) -> bool:
    """A name or a chain of attributes on a name (``self.host``)."""
    while isinstance(node, cst.Attribute):
        node = node.value
    return isinstance(node, cst.Name)
