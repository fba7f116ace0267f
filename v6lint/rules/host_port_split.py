"""V6501: "host:port" strings taken apart at the first ':'.

A split (``split(":")``, ``partition(":")``, ``find(":")`` then slices) is reported when the
code shows that the text is a host and a port: the pieces go into a socket call or a
``(host, port)`` address, they are stored or passed as a host and a port (``host=``,
``self.port = int(...)``, ``{"host": ...}``), they are named so, or the text itself is named
as an address. Each of these is evidence; a word that says the text is something else (a
user, a time, a path, a key) vetoes, and code that already handles IPv6 (brackets, colon
counts, IPv6-named scopes) or never reads the piece it cut is left alone.
"""

from __future__ import annotations

import re
from typing import Optional

import libcst as cst

from v6lint.model import Confidence, FixSafety, Severity
from v6lint.rules._addressing import (
    awareness,
    callee_name,
    code_of,
    family_scope_words,
    enclosing_function,
    local_value,
    name_words,
    unwrap_conversion,
)
from v6lint.rules._vocabulary import (
    ADDRESS_TUPLE_WORDS,
    HOST_WORDS,
    HOSTPORT_WORDS,
    IPV6_WORDS,
    NOT_ADDRESS_WORDS,
    PORT_WORDS,
    words,
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
_FINDS = frozenset({"find", "index", "rfind", "rindex"})
# Receivers that hold something with colons that is never "host:port", whatever the parts are
# called (the other NOT_ADDRESS_WORDS only lower the weight of the receiver's name).
NEVER_HOSTPORT_WORDS = frozenset(
    {
        "mac", "hwaddr", "ether", "ethernet", "lladdr", "bssid", "time", "timestamp", "clock",
        "date", "datetime", "duration", "hour", "hours", "minute", "minutes", "ratio",
        "aspect", "uuid", "guid", "hash", "digest", "fingerprint", "sha", "md5", "ipv4",
        "v4", "inet4", "mime", "version", "ver",
    }
)
# What the first piece of a host:port split may be stored as besides HOST_WORDS
# (``domain = request.host.split(":", 1)[0]``).
_HOST_PART_WORDS = frozenset({"domain", "netloc"})
# The names of a URL that has had its scheme, path and user cut off (``url, port = ...``).
_STRIPPED_URL_WORDS = frozenset({"url", "uri"})
# Callees whose (host, port) arguments make a split's parts an address.
_SINK_WORDS = frozenset({"connection", "connect", "client", "socket", "server", "conn"})


class HostPortSplit(Rule):
    """
    ## What it finds
    A `"host:port"` string split at its first colon: `host, port = addr.split(":")`,
    `addr.split(":")[0]`, `addr.split(":", 1)`, `addr.partition(":")[::2]`, a list of pieces
    indexed later (`parts = s.split(":")` ... `parts[0]`, `parts[1]`), a cut by hand
    (`i = addr.find(":")` then `addr[:i]` / `addr[i + 1:]`), and the host part of
    `addr.rsplit(":", 1)` / `addr.rpartition(":")` when the text is a URL authority or a
    `Host` header (bracketed by rule) and the brackets are never removed.

    Whether the text is a host and a port is decided on evidence, strongest first:
    - use: the two pieces go into a socket call or address (`sock.connect((a, int(b)))`,
      `create_connection`, `getaddrinfo`, a `(host, port)` tuple stored as an address, a
      call named for a connection or server), or are returned as a pair by a function named
      for a host:port parser (`def parse_hostport(text): ... return f[0], int(f[1])`);
    - destination: what the pieces are stored or passed as (`host = ...`, `self.port =
      int(...)`, `connect(host=..., port=...)`, `{"host": ...}`);
    - the pieces' own names (`host, port = ...`, `_, host, port = spec.split(":")`);
    - the text's name (`addr`, `netloc`, `server`, `bind`, `proxy`, `*_HOST`, `*_ADDR`,
      `os.environ["REDIS_ADDR"]`, `config.get("listen")`, or a local assigned from one of
      those), which alone is enough for the two-name unpacking and first-piece cuts.
    A word that names something else (`user, password`, `hours, minutes`, `key, value`,
    `filename, lineno`, a port mapping) overrides all of these. Confidence is high when the
    use or both names agree, medium on one piece of evidence.

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
    `f"[{host}]"`, `"[%s]:%d" %`, `b"[" + host + b"]"`; brackets in prose such as the
    prompt `"Username [%s]: "` do not count) or test the host part for a colon or count its
    colons, code inside classes or functions named for IPv6 (`_BaseV6`, `parse_ipv6`), which
    take IPv6 addresses apart on purpose, and a cut whose result the function never reads
    (`host = host[:i]` kept only for a commented-out header). The finding can be ignored
    where the value is an IPv4 address or a DNS name by construction.
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
    # ``sep=`` anywhere in the arguments, or as the only argument of find/index/rfind/rindex. Each regex starts with a literal, so the scan is a
    # fast substring search; prose such as pydoc_data/topics.py does not match.
    triggers = (
        re.compile(rb"""split\s*\(\s*[bBrRuU]{0,2}["']{1,3}:["']"""),
        re.compile(rb"""partition\s*\(\s*[bBrRuU]{0,2}["']{1,3}:["']"""),
        re.compile(rb"""sep\s*=\s*[bBrRuU]{0,2}["']{1,3}:["']"""),
        # addr.find(":") / index / rfind / rindex, then slices of addr.
        re.compile(rb"""(?:find|index)\s*\(\s*[bBrRuU]{0,2}["']{1,3}:["']\s*\)"""),
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
        # The parts' names decide over a receiver that says nothing.
        'user, password = spec.split(":")',
        'hours, minutes = value.split(":")',
        'host_port, container_port = mapping.split(":")',
        'module, attr = ref.split(":")',
        'filename, lineno = location.split(":")',
        'user_part = netloc.split(":")[0]',
        'i = line.find(":")\nkey = line[:i]\nvalue = line[i + 1:]',
        'host, path = spec.split(":", 1)',
        'host, port = mac.split(":")',
        'parts = arg.split(":", 1)\nuid = to_uid(parts[0])\ngid = to_gid(parts[1])',
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
        Invalid(
            'def target(spec):\n    host, port = spec.split(":")\n    return host, int(port)\n',
            fixed='def target(spec):\n    host, port = spec.rsplit(":", 1)\n    if ":" in host:\n'
            '        host = host.strip("[]")\n    return host, int(port)\n',
        ),
        Invalid(
            'import sys, socket\nh, p = sys.argv[1].split(":")\nsocket.create_connection((h, int(p)))',
            fixed='import sys, socket\nh, p = sys.argv[1].rsplit(":", 1)\nif ":" in h:\n'
            '    h = h.strip("[]")\nsocket.create_connection((h, int(p)))',
        ),
        'host, port = data.split(b":")',
        'host, port = value.partition(":")[::2]',
        '_, host, port = spec.split(":")',
        'i = addr.find(":")\nhost = addr[:i]\nport = int(addr[i + 1:])',
        'hostname = target[:target.index(":")]',
        'port = int(arg.split(":")[1])',
        'def parse_hostport(text):\n    fields = text.split(":")\n    return fields[0], int(fields[1])',
    )

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if not isinstance(func, cst.Attribute):
            return
        if func.attr.value in _FINDS:
            self._found(node)
            return
        if func.attr.value not in SPLITS:
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
        if receiver_words & (NEVER_HOSTPORT_WORDS | IPV6_WORDS):
            return  # MAC addresses, clocks, IPv6 groups: no reading makes them host:port
        if family_scope_words(self, node) & IPV6_WORDS:
            return  # _BaseV6._ip_int_from_string(): taking an IPv6 address apart on purpose
        # The receiver's name is one piece of evidence among others: "spec", "value" or "line"
        # may well hold "host:port", and the parts' names or uses then decide.
        receiver_is_address = bool(receiver_words & HOSTPORT_WORDS) and not (
            receiver_words & NOT_ADDRESS_WORDS
        )
        if kind == "last" and not self._bracketed(receiver, receiver_words):
            # rsplit(":", 1) is right for the unbracketed "::1:6379" that protocols such as
            # Redis Cluster use; only URL authorities and Host headers are bracketed by rule.
            return

        parent = self.parent(node)
        if isinstance(parent, cst.Subscript) and parent.value is node:
            if partition and _is_even_slice(parent):
                # host, port = addr.partition(":")[::2]
                holder = self.parent(parent)
                if isinstance(holder, cst.Assign) and holder.value is parent and len(holder.targets) == 1:
                    target = holder.targets[0].target
                    if isinstance(target, (cst.Tuple, cst.List)) and len(target.elements) == 2:
                        self._unpacked(node, holder, target, kind, method, maxsplit,
                                       receiver_is_address, even_slice=True)
                return
            self._indexed(node, parent, kind, partition, maxsplit, receiver_is_address)
        elif isinstance(parent, cst.Assign) and parent.value is node and len(parent.targets) == 1:
            target = parent.targets[0].target
            if isinstance(target, (cst.Tuple, cst.List)):
                self._unpacked(node, parent, target, kind, method, maxsplit, receiver_is_address)
            elif isinstance(target, cst.Name) and kind == "first":
                self._parts_variable(node, target, receiver_is_address)

    # -- the ways the pieces are used ------------------------------------------------------

    def _indexed(self, node, subscript, kind, partition, maxsplit, receiver_is_address):
        if len(subscript.slice) != 1:
            return
        index_node = subscript.slice[0].slice
        if not isinstance(index_node, cst.Index):
            return
        index = _integer(index_node.value)
        if index is None:
            return
        # Where the piece goes: ``host = addr.split(":")[0].lower()``, ``port=int(...)``.
        dest = _destination_words(self, subscript)
        if dest & NOT_ADDRESS_WORDS:
            return  # user = netloc.split(":")[0], scheme = url.split(":")[0]
        host_named = bool(dest & (HOST_WORDS | _HOST_PART_WORDS)) and not dest & PORT_WORDS
        port_named = bool(dest & PORT_WORDS)
        if kind == "last":
            if index == 0 and (receiver_is_address or host_named):
                aware = awareness(self, node)
                if not (aware.brackets or code_of(self, node.func.value) in aware.colon_counts):
                    self.report(node, _KEEPS_BRACKETS, confidence=Confidence.MEDIUM)
            return
        # split(":")[-1] and rsplit(":")[-1] are the port in both IPv6 forms.
        last_is_port = not partition and maxsplit is None
        port_indexes = (2, -1) if partition else (1, -1)
        if not (index == 0 or (index in port_indexes and not (index == -1 and last_is_port))):
            return
        named = host_named if index == 0 else port_named
        if not (receiver_is_address or named):
            return
        aware = awareness(self, node)
        if aware.brackets or code_of(self, node.func.value) in aware.colon_counts:
            return
        part = "host" if index == 0 else "port"
        self.report(
            node,
            f"taking the {part} from a host:port string at the first ':' breaks on IPv6"
            ' ("[::1]:80" has several colons); use rsplit(":", 1) and strip the brackets,'
            ' or urllib.parse.urlsplit("//" + value)',
            confidence=Confidence.HIGH if receiver_is_address else Confidence.MEDIUM,
        )

    def _unpacked(self, node, assign, target, kind, method, maxsplit, receiver_is_address,
                  even_slice=False):
        elements = [element.value for element in target.elements]
        if any(isinstance(e, cst.StarredElement) for e in target.elements):
            return
        wanted = 3 if method.endswith("partition") and not even_slice else 2
        several = False
        if len(elements) != wanted:
            # _, host, port = spec.split(":") / local_port, host, port = ...: the last two.
            if method == "split" and maxsplit is None and len(elements) in (3, 4):
                several = True
            else:
                return
        host, port = (elements[-2], elements[-1]) if several else (elements[0], elements[-1])
        all_words = frozenset().union(*(name_words(e) for e in elements))
        if name_words(port) & PORT_WORDS and name_words(host) & _STRIPPED_URL_WORDS:
            # url, port = url.split(":", 1) after the scheme, path and user were cut off: a
            # part named for a port outweighs the old name of the text it came from.
            all_words = all_words - _STRIPPED_URL_WORDS
        if all_words & NOT_ADDRESS_WORDS:
            return  # user, password / hours, minutes / name, value: the parts say what it is
        function = enclosing_function(self, node)
        flows = _flows(self, function)
        host_words = (name_words(host) - _STRIPPED_URL_WORDS) | flows.words(code_of(self, host))
        port_words = name_words(port) | flows.words(code_of(self, port))
        if host_words & NOT_ADDRESS_WORDS or port_words & NOT_ADDRESS_WORDS:
            return  # the parts are handed on as something else (user=..., key=...)
        if name_words(host) & PORT_WORDS:
            return  # host_port, container_port = "8080:80".split(":"): a port mapping
        host_named = bool(host_words & HOST_WORDS) and not host_words & PORT_WORDS
        port_named = bool(port_words & PORT_WORDS)
        sink = flows.feeds_sink(code_of(self, host), code_of(self, port))
        if several:
            if not (host_named and port_named) and not sink:
                return
        elif not (
            receiver_is_address or sink or (host_named and (port_named or _unused(port)))
            or (port_named and name_words(host) & _STRIPPED_URL_WORDS)
        ):
            return
        aware = awareness(self, node)
        host_code = code_of(self, host)
        receiver_code = code_of(self, node.func.value)
        if (
            aware.brackets
            or self._colon_tested(function, host_code, receiver_code, assign)
            or receiver_code in aware.colon_counts
        ):
            return
        if kind == "last":
            self.report(node, _KEEPS_BRACKETS, confidence=Confidence.MEDIUM)
            return
        strong = (host_named and port_named) or sink or receiver_is_address
        confidence = Confidence.HIGH if strong else Confidence.MEDIUM
        self.report(
            node,
            "unpacking host:port split at ':' raises ValueError for IPv6 addresses"
            ' ("[::1]:80" has several colons); split at the last colon and strip the brackets',
            confidence=confidence,
            fix=None if several or even_slice
            else self._fix(node, assign, elements[0], method, maxsplit),
        )

    def _parts_variable(self, node, target: cst.Name, receiver_is_address: bool):
        function = enclosing_function(self, node)
        indexed = set()
        for other in iter_nodes(function):
            if (
                isinstance(other, cst.Subscript)
                and isinstance(other.value, cst.Name)
                and other.value.value == target.value
                and len(other.slice) == 1
                and isinstance(other.slice[0].slice, cst.Index)
            ):
                index = _integer(other.slice[0].slice.value)
                if index in (0, 1):
                    indexed.add(index)
        if not indexed:
            return
        flows = _flows(self, function)
        first, second = f"{target.value}[0]", f"{target.value}[1]"
        host_words, port_words = flows.words(first), flows.words(second)
        if (host_words | port_words) & NOT_ADDRESS_WORDS:
            return  # uid = name_to_uid(parts[0]) ... user = parts[0]
        host_named = bool(host_words & HOST_WORDS) and not host_words & PORT_WORDS
        port_named = bool(port_words & PORT_WORDS)
        sink = flows.feeds_sink(first, second)
        # validate_hostport(): ``return (parts[0], int(parts[1]))`` in a function named for it.
        named_function = (
            _function_words(function) & HOSTPORT_WORDS
            and not _function_words(function) & NOT_ADDRESS_WORDS
            and flows.returns_pair(first, second)
        )
        if not (receiver_is_address or sink or host_named or port_named or named_function):
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

    def _found(self, node: cst.Call) -> None:
        """``i = addr.find(":")`` then ``addr[:i]`` / ``addr[i + 1:]``: a split by hand."""
        if len(node.args) != 1 or node.args[0].keyword is not None:
            return
        if _literal(node.args[0].value) != ":":
            return
        receiver = node.func.value
        receiver_words = self._receiver_words(receiver)
        if receiver_words & (NEVER_HOSTPORT_WORDS | IPV6_WORDS):
            return
        if family_scope_words(self, node) & IPV6_WORDS:
            return
        last = node.func.attr.value in ("rfind", "rindex")
        if last and not self._bracketed(receiver, receiver_words):
            return
        receiver_is_address = bool(receiver_words & HOSTPORT_WORDS) and not (
            receiver_words & NOT_ADDRESS_WORDS
        )
        receiver_code = code_of(self, receiver)
        parent = self.parent(node)
        index_code = None
        if isinstance(parent, cst.Assign) and parent.value is node and len(parent.targets) == 1:
            if isinstance(parent.targets[0].target, cst.Name):
                index_code = parent.targets[0].target.value
        function = enclosing_function(self, node)
        host_slices, port_slices = [], []
        for other in iter_nodes(function):
            if not (isinstance(other, cst.Subscript) and len(other.slice) == 1):
                continue
            piece = other.slice[0].slice
            if not isinstance(piece, cst.Slice) or piece.step is not None:
                continue
            if code_of(self, other.value) != receiver_code:
                continue
            if piece.lower is None and piece.upper is not None and (
                piece.upper is node or code_of(self, piece.upper) == index_code
            ):
                host_slices.append(other)
            elif piece.upper is None and piece.lower is not None and index_code is not None:
                if _plus_one(piece.lower, index_code):
                    port_slices.append(other)
        if not host_slices and not port_slices:
            return
        # ``host = host[:i]`` whose result nothing reads (logging's HTTPHandler cuts the port
        # for a Host header that is commented out): no value is taken apart wrongly.
        host_slices = [h for h in host_slices if not _dead_store(self, function, h)]
        port_slices = [p for p in port_slices if not _dead_store(self, function, p)]
        if not host_slices and not port_slices:
            return
        flows = _flows(self, function)
        words_of = [(s, _destination_words(self, s)) for s in host_slices + port_slices]
        if any(w & NOT_ADDRESS_WORDS for _, w in words_of):
            return  # key = line[:i], value = line[i + 1:]
        host_named = any(
            w & HOST_WORDS and not w & PORT_WORDS for s, w in words_of if s in host_slices
        )
        port_named = any(w & PORT_WORDS for s, w in words_of if s in port_slices)
        sink = any(
            flows.feeds_sink(code_of(self, h), code_of(self, p))
            for h in host_slices for p in port_slices
        )
        if last:
            if not host_slices or not (receiver_is_address or host_named):
                return
        elif not (receiver_is_address or sink or host_named or port_named):
            return
        aware = awareness(self, node)
        if aware.brackets or receiver_code in aware.colon_counts:
            return
        if last:
            self.report(node, _KEEPS_BRACKETS, confidence=Confidence.MEDIUM)
            return
        self.report(
            node,
            "cutting a host:port string at the first ':' breaks on IPv6 addresses"
            ' ("[::1]:80" has several colons); cut at the last colon and strip the brackets',
            confidence=Confidence.HIGH if receiver_is_address or sink or (
                host_named and port_named) else Confidence.MEDIUM,
        )

    # -- helpers ---------------------------------------------------------------------------

    def _receiver_words(self, receiver: cst.BaseExpression) -> frozenset[str]:
        for _ in range(4):
            if (
                isinstance(receiver, cst.Call)
                and isinstance(receiver.func, cst.Attribute)
                and receiver.func.attr.value in _SAME_TEXT
            ):
                receiver = receiver.func.value
            elif (
                isinstance(receiver, cst.Subscript)
                and isinstance(receiver.value, cst.Call)
                and isinstance(receiver.value.func, cst.Attribute)
                and receiver.value.func.attr.value in SPLITS
            ):
                # netloc.split("@")[-1].split(":"): the tail of the same text
                receiver = receiver.value.func.value
            else:
                receiver = unwrap_conversion(receiver)
                break
        found = name_words(receiver)
        if isinstance(receiver, cst.Name) and not (found & (HOSTPORT_WORDS | NOT_ADDRESS_WORDS)):
            value = local_value(self, receiver)
            if value is not None and value is not receiver:
                found = found | name_words(unwrap_conversion(value))
        return found

    def _bracketed(self, receiver: cst.BaseExpression, found: frozenset[str]) -> bool:
        if _bracketed_by_standard(receiver, found):
            return True
        if isinstance(receiver, cst.Name):
            value = local_value(self, receiver)
            if value is not None and value is not receiver:
                return _bracketed_by_standard(value, name_words(value))
        return False

    def _colon_tested(self, function, host_code, receiver_code, assign) -> bool:
        """The host part is tested for a colon (the IPv6 check). When the host is stored back
        into the receiver (``self.host, self.port = self.host.split(":")``), the test before
        the split is the "has a port" guard, not an IPv6 check: only later tests count."""
        if host_code not in awareness(self, assign).colon_tests:
            return False
        if host_code != receiver_code:
            return True
        seen = False
        for other in iter_nodes(function):
            if other is assign:
                seen = True
            elif seen and isinstance(other, cst.Comparison):
                if string_value(other.left) == ":" and any(
                    isinstance(t.operator, (cst.In, cst.NotIn))
                    and code_of(self, t.comparator) == host_code
                    for t in other.comparisons
                ):
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


def _is_even_slice(subscript: cst.Subscript) -> bool:
    """``[::2]``: the first and last piece of a partition."""
    if len(subscript.slice) != 1 or not isinstance(subscript.slice[0].slice, cst.Slice):
        return False
    piece = subscript.slice[0].slice
    return (
        piece.lower is None and piece.upper is None
        and isinstance(piece.step, cst.Integer) and piece.step.value == "2"
    )


def _unused(node: cst.BaseExpression) -> bool:
    return isinstance(node, cst.Name) and node.value.startswith("_")


def _plus_one(node: cst.BaseExpression, index_code: str) -> bool:
    """``i + 1`` (or ``1 + i``) for the index name ``i``."""
    if not isinstance(node, cst.BinaryOperation) or not isinstance(node.operator, cst.Add):
        return False
    left, right = node.left, node.right
    if isinstance(left, cst.Integer):
        left, right = right, left
    return (
        isinstance(left, cst.Name) and left.value == index_code
        and isinstance(right, cst.Integer) and right.value == "1"
    )


def _function_words(function: cst.CSTNode) -> frozenset[str]:
    if isinstance(function, cst.FunctionDef):
        return words(function.name.value)
    return frozenset()


def _target_words(target: cst.BaseExpression) -> frozenset[str]:
    if isinstance(target, (cst.Name, cst.Attribute, cst.Subscript)):
        return name_words(target)
    return frozenset()


def _carrier(rule: Rule, node: cst.CSTNode) -> cst.CSTNode:
    """The outermost expression that still carries ``node``'s text or number:
    ``int(x)``, ``x.strip().lower()``, ``port_number(x)``, ``x or 80``."""
    for _ in range(5):
        parent = rule.parent(node)
        if isinstance(parent, cst.Attribute) and parent.value is node:
            call = rule.parent(parent)
            if (
                isinstance(call, cst.Call) and call.func is parent
                and parent.attr.value in _SAME_TEXT
            ):
                node = call
                continue
            return node
        if isinstance(parent, cst.Arg) and parent.keyword is None and not parent.star:
            call = rule.parent(parent)
            if isinstance(call, cst.Call) and len(call.args) == 1 and isinstance(
                call.func, cst.Name
            ):
                node = call
                continue
            return node
        if isinstance(parent, cst.BooleanOperation) and parent.left is node:
            node = parent
            continue
        return node
    return node


def _dead_store(rule: Rule, function: cst.CSTNode, node: cst.CSTNode) -> bool:
    """``node``'s value is stored in a local name that no later code of the function reads
    (outside loops only: in a loop an earlier line may read it on the next turn)."""
    if not isinstance(function, cst.FunctionDef):
        return False
    node = _carrier(rule, node)
    assign = rule.parent(node)
    if not (
        isinstance(assign, cst.Assign) and assign.value is node and len(assign.targets) == 1
        and isinstance(assign.targets[0].target, cst.Name)
    ):
        return False
    for ancestor in rule.ancestors(assign):
        if ancestor is function:
            break
        if isinstance(ancestor, (cst.For, cst.While, cst.FunctionDef, cst.Lambda)):
            return False
    name = assign.targets[0].target.value
    inside = {id(n) for n in iter_nodes(assign)}
    seen = False
    for other in iter_nodes(function):
        if other is assign:
            seen = True
        elif seen and id(other) not in inside and isinstance(other, cst.Name) and other.value == name:
            if isinstance(rule.parent(other), cst.AssignTarget):
                continue  # rebound, not read
            return False
        elif isinstance(other, (cst.Global, cst.Nonlocal)):
            return False
    return seen


def _destination_words(rule: Rule, node: cst.CSTNode) -> frozenset[str]:
    """The words of what ``node``'s value is stored as or passed as: ``host = <node>``,
    ``self.port = int(<node>)``, ``connect(host=<node>)``, ``{"host": <node>}``."""
    node = _carrier(rule, node)
    parent = rule.parent(node)
    if isinstance(parent, cst.Assign) and parent.value is node:
        return frozenset().union(*(_target_words(t.target) for t in parent.targets))
    if isinstance(parent, cst.AnnAssign) and parent.value is node:
        return _target_words(parent.target)
    if isinstance(parent, cst.Arg) and parent.value is node and parent.keyword is not None:
        return words(parent.keyword.value)
    if isinstance(parent, cst.DictElement) and parent.value is node:
        key = string_value(parent.key)
        return words(key) if key else frozenset()
    return frozenset()


class _Flows:
    """Where the values of one function go, by the code of the expression handed on."""

    def __init__(self, rule: Rule, function: cst.CSTNode) -> None:
        self.dest: dict[str, set[str]] = {}
        self.pairs: set[tuple[str, str]] = set()
        self.returned: set[tuple[str, str]] = set()

        def source(value):
            for _ in range(5):
                if isinstance(value, cst.Call):
                    func = value.func
                    if isinstance(func, cst.Attribute) and func.attr.value in _SAME_TEXT:
                        value = func.value
                        continue
                    if (
                        isinstance(func, cst.Name) and len(value.args) == 1
                        and value.args[0].keyword is None and not value.args[0].star
                    ):
                        value = value.args[0].value
                        continue
                if isinstance(value, cst.BooleanOperation):
                    value = value.left
                    continue
                break
            if isinstance(value, (cst.Name, cst.Attribute, cst.Subscript)):
                return code_of(rule, value)
            return None

        def store(value, found):
            if found:
                code = source(value)
                if code is not None:
                    self.dest.setdefault(code, set()).update(found)

        def pair(a, b):
            first, second = source(a), source(b)
            if first is not None and second is not None:
                return (first, second)
            return None

        for node in iter_nodes(function):
            if isinstance(node, cst.Assign):
                found = frozenset().union(*(_target_words(t.target) for t in node.targets))
                store(node.value, found)
                value = node.value
                if (
                    isinstance(value, cst.Tuple) and len(value.elements) == 2
                    and found & (ADDRESS_TUPLE_WORDS | HOSTPORT_WORDS)
                    and not found & NOT_ADDRESS_WORDS
                ):
                    p = pair(value.elements[0].value, value.elements[1].value)
                    if p:
                        self.pairs.add(p)  # self.addr = (host, int(port))
            elif isinstance(node, cst.AnnAssign) and node.value is not None:
                store(node.value, _target_words(node.target))
            elif isinstance(node, cst.DictElement):
                key = string_value(node.key)
                if key:
                    store(node.value, words(key))
            elif isinstance(node, cst.Return) and isinstance(node.value, cst.Tuple):
                if len(node.value.elements) == 2:
                    p = pair(node.value.elements[0].value, node.value.elements[1].value)
                    if p:
                        self.returned.add(p)
            elif isinstance(node, cst.Call):
                for arg in node.args:
                    if arg.keyword is not None:
                        store(arg.value, words(arg.keyword.value))
                called = callee_name(node)
                if called is None or not node.args:
                    continue
                if called not in SOCKET_SINKS and not words(called) & _SINK_WORDS:
                    continue
                first = node.args[0].value
                if isinstance(first, cst.Tuple) and len(first.elements) >= 2:
                    p = pair(first.elements[0].value, first.elements[1].value)
                    if p:
                        self.pairs.add(p)
                if len(node.args) >= 2 and node.args[1].keyword is None:
                    p = pair(first, node.args[1].value)
                    if p:
                        self.pairs.add(p)

    def words(self, code: str) -> frozenset[str]:
        return frozenset(self.dest.get(code, ()))

    def feeds_sink(self, host_code: str, port_code: str) -> bool:
        return (host_code, port_code) in self.pairs

    def returns_pair(self, host_code: str, port_code: str) -> bool:
        return (host_code, port_code) in self.returned


def _flows(rule: Rule, function: cst.CSTNode) -> _Flows:
    cache = rule.context.memo
    key = ("v6501-flows", id(function))
    if key not in cache:
        cache[key] = (function, _Flows(rule, function))
    return cache[key][1]
