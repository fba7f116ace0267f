"""V6502: "host:port" strings and URLs built without brackets for IPv6 hosts."""

from __future__ import annotations

import re
from typing import Optional, Sequence

import libcst as cst

from v6lint.model import Confidence, FixSafety, Severity
from v6lint.rules._addressing import (
    HOST_WORDS,
    NOT_ADDRESS_WORDS,
    PORT_WORDS,
    awareness,
    code_of,
    enclosing_function,
    is_address_tuple,
    local_value,
    name_words,
    tuple_index,
    unwrap_conversion,
    words,
)
from v6lint.rules._base import Invalid, PendingFix, Rule, string_value

# Calls whose string arguments are messages for people, not addresses.
MESSAGE_CALLS = frozenset(
    {
        "debug", "info", "warning", "warn", "error", "exception", "critical", "fatal", "log",
        "print", "echo", "secho", "notice", "trace", "fail", "skip", "abort", "exit", "_",
        "gettext", "ngettext", "add_note", "set_description", "set_postfix", "setText",
        "setWindowTitle", "log_message", "log_error", "log_request", "status", "progress",
    }
)
# A string stored under such a name is shown or used as a key, not connected to.
MESSAGE_WORDS = frozenset(
    {
        "msg", "message", "messages", "text", "desc", "description", "label", "title", "display",
        "log", "repr", "str", "name", "key", "cache", "id", "ident", "identifier", "summary",
        "info", "detail", "details", "status", "banner", "prompt", "help", "caption", "tooltip",
        "error", "err", "reason", "note", "comment", "doc", "tag", "prefix", "suffix", "title",
    }
)
_REPR_FUNCTIONS = frozenset({"__repr__", "__str__", "__format__", "__unicode__", "__rich_repr__"})
# Names that say "this string is an address or URL": reports there are sure.
ADDRESS_SINK_WORDS = frozenset(
    {
        "addr", "address", "netloc", "endpoint", "url", "uri", "target", "location",
        "hostport", "authority", "bind", "listen", "proxy", "server", "dsn", "connect",
        "upstream", "broker", "peer", "base", "origin", "host",
    }
)
SINK_CALLS = frozenset(
    {
        "connect", "create_connection", "urlopen", "Request", "HTTPConnection",
        "HTTPSConnection", "get", "post", "put", "delete", "head", "patch", "request",
        "Popen", "run", "check_call", "check_output", "call", "ClientSession", "from_url",
        "StrictRedis", "Redis", "MongoClient", "create_engine", "Channel", "insecure_channel",
        "secure_channel", "ServerProxy", "bind", "listen",
    }
)

_PREFIX_OK = re.compile(
    r"(?:|(?:[A-Za-z\0][\w+.\-\0]*:)?//(?:[^\s/@]*@)?|[^\s@]*@|(?i:host:[ \t]*)|--?[\w\-]+=)"
)
_LITERAL_PORT = re.compile(r":(\d{1,5})(?=$|[/?#\0]|\r\n)")
_PERCENT = re.compile(
    r"%(?:\((?P<key>[^)]*)\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?(?P<conv>[diouxXeEfFgGcrsa%])"
)
_BRACES = re.compile(r"\{\{|\}\}|\{(?P<field>[^{}]*)\}")


class HostPortJoin(Rule):
    """
    ## What it finds
    A host and a port joined with a bare colon, when the result is used as an address:
    `f"{host}:{port}"`, `"%s:%d" % (host, port)`, `"{}:{}".format(host, port)`,
    `host + ":" + str(port)`, `":".join((host, str(port)))`, `"%s:%d" % sock.getpeername()`,
    URLs such as `f"http://{host}:{port}/path"` and `Host` header values. The left part must
    be a host (named `host`, `ip`, `addr`, `server`, `peer`, ..., or `addr[0]` of a socket
    address) and the right part a port (named `port`, an integer, `addr[1]`, or a literal such
    as `:8080`).

    ## Why it breaks on IPv6
    An IPv6 address written next to a port must be in brackets: `[2001:db8::1]:8080`
    (RFC 3986 for URLs, and the convention of every host:port parser). Without them
    `2001:db8::1:8080` is ambiguous: `urlsplit` rejects it or reads the wrong port, servers
    answer 400 to such a `Host` header, and `rsplit(":", 1)` takes the last group for the port.

    ## Example
    ```python
    url = f"http://{host}:{port}/metrics"
    ```

    ## Fix
    Bracket the host when it contains a colon:
    ```python
    url = (f"http://[{host}]:{port}/metrics" if ":" in str(host) else f"http://{host}:{port}/metrics")
    ```
    or keep a helper such as `def join_host_port(h, p): return f"[{h}]:{p}" if ":" in h else f"{h}:{p}"`.

    ## Fix safety
    The rewrite keeps the original expression as the `else` branch and takes the bracketed
    one only when `str(host)` contains a colon. For every host whose text has no colon (IPv4
    addresses, DNS names, `None`, integers) the original branch runs: same string, same
    exceptions. `str(host)` is what `%s`, `{}` and f-strings print for plain values, and unlike
    `":" in host` it cannot raise for `None` or an `IPv4Address` object. A host whose text has
    a colon gave an ambiguous string no parser reads back as that host; it now gets brackets.
    The fix is **safe** when the host is a plain name (reading it twice cannot differ), and
    **unsafe** when it is an attribute or item (`self.host`, `addr[0]`): the second read could
    run a property or `__getitem__`. No fix is offered for `":".join(...)`, for a tuple-valued
    operand (`"%s:%d" % addr`), or when the host is a call.

    ## Exceptions
    Not reported: hosts already bracketed (`f"[{host}]:{port}"`) or tested for a colon in the
    same function; messages (arguments of logging, `print`, exceptions, `__repr__`, strings
    with spaces around the pair, values stored under names such as `msg`, `label`, `key`);
    dictionary keys; hosts that are module constants without a colon (`HOST = "127.0.0.1"`);
    `"%s:%s" % (user, password)` and other pairs that are not host and port.
    A report can be ignored where the host is an IPv4 address or a DNS name by construction.
    """

    code = "V6502"
    name = "host-port-join"
    summary = "A host:port string or URL built without brackets for IPv6 hosts"
    message = "host:port built without brackets is ambiguous for IPv6 hosts"
    severity = Severity.WARNING
    precision = "high"
    fix_safety = FixSafety.SAFE
    tags = ("host-port", "url")
    # Every join this rule reports spells one of these shapes, and the text after the port up
    # to the end of the string holds no whitespace (such strings are messages). Each regex
    # starts with a literal, so the scan stays a fast substring search.
    triggers = (
        # f"{host}:{port}", f"{host}:8080/x", "{}:{}".format(...): a field without conversion
        # or spec, ":", then a field without spec or a port. A literal port starting with 0
        # (":0277", hex text) is not taken for one, here and below.
        re.compile(rb"""\{[^{}:!\n]*\}:(?:\{[^{}:\n]*\}|[1-9])(?:[^\s"'{]|\{[^{}\n]*\}|\{)*["']"""),
        # "%s:%d" % ..., "%(host)s:%(port)s" % ...: the string (or the last string of an
        # implicit concatenation) is followed by "%" or by another string.
        re.compile(
            rb"""s:%(?<=[%)0-9*.\-#+ hlL]s:%)[^\s"']*["'](?:\s|\\)*(?:\)(?:\s|\\)*)?"""
            rb"""(?:%|[rRuUfFbB]{0,2}["'])"""
        ),
        # host + ":" + port, host + ":8080"
        re.compile(rb"""\+\s*[rRuU]?["']:(?:["']\s*\+|[1-9][^\s"']*["'])"""),
        # ":".join((host, port)), ":".join(map(str, addr))
        re.compile(rb"""":"\.join\(\s*(?:[(\[]|map\s*\()"""),
        re.compile(rb"""':'\.join\(\s*(?:[(\[]|map\s*\()"""),
    )

    VALID = (
        'address = f"[{host}]:{port}"',
        'logger.info(f"connecting to {host}:{port}")',
        'logger.info("%s:%d", host, port)',
        'auth = "%s:%s" % (user, password)',
        'stamp = f"{hours}:{minutes}"',
        'def f(host, port):\n    if ":" in host:\n        host = f"[{host}]"\n'
        '    return f"{host}:{port}"',
        'raise ValueError(f"{host}:{port}")',
        'class C:\n    def __repr__(self):\n        return f"{self.host}:{self.port}"',
        'label = f"{host}:{port}"',
        'cache[f"{host}:{port}"] = conn',
        'line = f"{key}:{value}"',
        'print("%s:%d" % (host, port))',
        'text = f"Server at {host}:{port} is up"',
        'pair = "{}:{}".format(name, value)',
    )
    INVALID = (
        Invalid(
            'def url(host, port):\n    return f"http://{host}:{port}/metrics"\n',
            fixed='def url(host, port):\n    return f"http://[{host}]:{port}/metrics" if ":" in'
            ' str(host) else f"http://{host}:{port}/metrics"\n',
        ),
        Invalid(
            'def f(host, port):\n    address = "%s:%d" % (host, port)\n',
            fixed='def f(host, port):\n    address = "[%s]:%d" % (host, port) if ":" in str(host)'
            ' else "%s:%d" % (host, port)\n',
        ),
        Invalid(
            'def f(host, port):\n    connect("{}:{}".format(host, port))\n',
            fixed='def f(host, port):\n    connect("[{}]:{}".format(host, port) if ":" in str(host)'
            ' else "{}:{}".format(host, port))\n',
        ),
        Invalid(
            'def f(host, port):\n    target = host + ":" + str(port)\n',
            fixed='def f(host, port):\n    target = ("[" + host + "]") + ":" + str(port) if ":" in'
            ' str(host) else host + ":" + str(port)\n',
        ),
        Invalid(
            'class C:\n    def url(self):\n        return f"{self.host}:{self.port}"\n',
            fixed='class C:\n    def url(self):\n        return f"[{self.host}]:{self.port}" if ":" in'
            ' str(self.host) else f"{self.host}:{self.port}"\n',
        ),
        Invalid(
            'headers = {"Host": f"{server_ip}:8080"}',
            fixed='headers = {"Host": f"[{server_ip}]:8080" if ":" in str(server_ip) else f"{server_ip}:8080"}',
        ),
        'def f(sock):\n    peer = "%s:%d" % sock.getpeername()\n    return peer',
        'netloc = ":".join((host, str(port)))',
        Invalid(
            'def f(addr):\n    return f"{addr[0]}:{addr[1]}"',
            fixed='def f(addr):\n    return f"[{addr[0]}]:{addr[1]}" if ":" in str(addr[0]) else f"{addr[0]}:{addr[1]}"',
        ),
        'def f(kwargs):\n    address = "{host}:{port}".format_map(kwargs)\n    return address',
        Invalid('def f(host, port):\n    url = f"http://{host}:{port}" "/RPC2"\n', fixed=None),
        Invalid('def f(host, port):\n    url = ("http://%s:%d" "/RPC2") % (host, port)\n', fixed=None),
    )

    # -- the five spellings ----------------------------------------------------------------

    def visit_FormattedString(self, node: cst.FormattedString) -> None:
        parts = node.parts
        for i, part in enumerate(parts[:-1]):
            if not isinstance(part, cst.FormattedStringExpression):
                continue
            following = parts[i + 1]
            if not isinstance(following, cst.FormattedStringText) or not following.value.startswith(":"):
                continue
            if part.conversion or part.format_spec or part.equal:
                continue
            port_node: Optional[cst.BaseExpression] = None
            if following.value == ":" and i + 2 < len(parts):
                after = parts[i + 2]
                if not isinstance(after, cst.FormattedStringExpression) or after.format_spec:
                    continue
                port_node = after.expression
                rest = parts[i + 3 :]
            elif _LITERAL_PORT.match(_text(parts[i + 1 :])):
                rest = parts[i + 1 :]
            else:
                continue
            prefix = _text(parts[:i])
            suffix = _text(rest)
            if port_node is None:
                suffix = _LITERAL_PORT.sub("", suffix, count=1)
            elif port_node is not None and not self._is_port(port_node):
                continue
            if not self._is_host(part.expression):
                continue

            def bracketed(i=i):
                new_parts = list(parts)
                new_parts[i + 1] = parts[i + 1].with_changes(value="]" + parts[i + 1].value)
                if i > 0 and isinstance(parts[i - 1], cst.FormattedStringText):
                    new_parts[i - 1] = parts[i - 1].with_changes(value=parts[i - 1].value + "[")
                else:
                    new_parts.insert(i, cst.FormattedStringText("["))
                return node.with_changes(parts=new_parts)

            self._consider(node, part.expression, prefix, suffix, bracketed)
            return

    def visit_BinaryOperation(self, node: cst.BinaryOperation) -> None:
        if isinstance(node.operator, cst.Modulo):
            self._percent(node)
        elif isinstance(node.operator, cst.Add):
            parent = self.parent(node)
            if isinstance(parent, cst.BinaryOperation) and isinstance(parent.operator, cst.Add):
                return  # only the whole chain
            self._concatenation(node)

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if not isinstance(func, cst.Attribute) or not isinstance(func.value, cst.SimpleString):
            return
        if func.attr.value in ("format", "format_map"):
            self._format(node)
        elif func.attr.value == "join" and string_value(func.value) == ":" and len(node.args) == 1:
            self._join(node)

    def _percent(self, node: cst.BinaryOperation) -> None:
        template = string_value(node.left)
        if template is None or ":" not in template:
            return
        conversions = [m for m in _PERCENT.finditer(template) if m.group("conv") != "%"]
        for k, match in enumerate(conversions[:-1]):
            nxt = conversions[k + 1]
            if match.group("conv") != "s" or template[match.end() : nxt.start()] != ":":
                continue
            if nxt.group("conv") not in "sdi":
                continue
            prefix = _percent_text(template[: match.start()])
            suffix = _percent_text(template[nxt.end() :])
            right = node.right
            host = port = None
            if match.group("key") is not None and isinstance(right, cst.Dict):
                host = _dict_value(right, match.group("key"))
                port = _dict_value(right, nxt.group("key") or "")
            elif isinstance(right, cst.Tuple) and len(right.elements) == len(conversions):
                host, port = right.elements[k].value, right.elements[k + 1].value
            elif len(conversions) == 2 and is_address_tuple(unwrap_conversion(right)):
                # "%s:%d" % sock.getpeername()
                self._consider(node, None, prefix, suffix, None)
                return
            if host is None or port is None:
                return
            if not (self._is_host(host) and (self._is_port(port) or nxt.group("conv") in "di")):
                return
            self._consider(node, host, prefix, suffix, self._retemplate(node, node.left, k, "%"))
            return

    def _format(self, node: cst.Call) -> None:
        template = string_value(node.func.value)
        if template is None or ":" not in template:
            return
        fields = [m for m in _BRACES.finditer(template) if m.group("field") is not None]
        positional = [a for a in node.args if a.keyword is None and not a.star]
        automatic = 0
        resolved = []
        for match in fields:
            field = match.group("field")
            if "!" in field or ":" in field:  # conversions and specs: not a plain host
                resolved.append(None)
                if field.split("!")[0].split(":")[0] == "":
                    automatic += 1
                continue
            if field == "":
                index = automatic
                automatic += 1
                resolved.append(positional[index].value if index < len(positional) else None)
            elif field.isdigit():
                index = int(field)
                resolved.append(positional[index].value if index < len(positional) else None)
            else:
                value = next((a.value for a in node.args if a.keyword and a.keyword.value == field), None)
                if value is None and (
                    node.func.attr.value == "format_map" or any(a.star == "**" for a in node.args)
                ):
                    value = cst.Name(field) if field.isidentifier() else None  # judged by name
                resolved.append(value)
        for k, match in enumerate(fields[:-1]):
            nxt = fields[k + 1]
            if template[match.end() : nxt.start()] != ":":
                continue
            prefix = _brace_text(template[: match.start()])
            suffix = _brace_text(template[nxt.end() :])
            host, port = resolved[k], resolved[k + 1]
            if host is None or port is None:
                star = [a for a in node.args if a.star == "*"]
                if len(fields) == 2 and len(star) == 1 and not positional and is_address_tuple(
                    unwrap_conversion(star[0].value)
                ):
                    self._consider(node, None, prefix, suffix, None)
                return
            if self._is_host(host) and self._is_port(port):
                synthetic = node.func.attr.value == "format_map" or not any(
                    host is a.value for a in node.args
                )
                builder = None if synthetic else self._retemplate(node, node.func.value, k, "{")
                self._consider(node, None if synthetic else host, prefix, suffix, builder)
            return

    def _concatenation(self, node: cst.BinaryOperation) -> None:
        operands: list[cst.BaseExpression] = []
        current: cst.BaseExpression = node
        while isinstance(current, cst.BinaryOperation) and isinstance(current.operator, cst.Add) and not current.lpar:
            operands.insert(0, current.right)
            current = current.left
        operands.insert(0, current)
        literals = [string_value(o) for o in operands]
        for i in range(len(operands) - 1):
            colon = literals[i + 1]
            if literals[i] is not None or colon is None or not colon.startswith(":"):
                continue
            if colon == ":" and i + 2 < len(operands) and literals[i + 2] is None:
                port = operands[i + 2]
                if not self._is_port(port):
                    continue
                suffix = _joined(literals[i + 3 :])
            elif _LITERAL_PORT.match(colon):
                suffix = _joined([_LITERAL_PORT.sub("", colon, count=1)] + literals[i + 2 :])
            else:
                continue
            host = operands[i]
            if not self._is_host(host):
                continue
            prefix = _joined(literals[:i])
            bracketed = None
            if isinstance(operands[i + 1], cst.SimpleString):
                quote = '"' if operands[i + 1].quote.endswith('"') else "'"
                wrapped = cst.BinaryOperation(
                    cst.BinaryOperation(cst.SimpleString(f"{quote}[{quote}"), cst.Add(), host),
                    cst.Add(),
                    cst.SimpleString(f"{quote}]{quote}"),
                    lpar=[cst.LeftParen()],
                    rpar=[cst.RightParen()],
                )
                bracketed = lambda: node.deep_replace(host, wrapped)  # noqa: E731
            self._consider(node, host, prefix, suffix, bracketed)
            return

    def _join(self, node: cst.Call) -> None:
        value = node.args[0].value
        if isinstance(value, (cst.Tuple, cst.List)) and len(value.elements) == 2:
            host, port = value.elements[0].value, value.elements[1].value
            if self._is_host(host) and self._is_port(port):
                self._consider(node, host, "", "", None)
        elif (
            isinstance(value, cst.Call)
            and isinstance(value.func, cst.Name)
            and value.func.value == "map"
            and len(value.args) == 2
            and is_address_tuple(value.args[1].value)
        ):
            self._consider(node, None, "", "", None)

    # -- judging and reporting -------------------------------------------------------------

    def _is_host(self, node: cst.BaseExpression) -> bool:
        node = unwrap_conversion(node)
        indexed = tuple_index(node)
        if indexed is not None:
            return indexed[1] == 0 and is_address_tuple(indexed[0])
        constant = string_value(self.module_constant(node)) if isinstance(node, cst.Name) else None
        if constant is not None and ":" not in constant:
            return False  # DEFAULT_HTTP_HOST = "127.0.0.1": never needs brackets
        found = name_words(node)
        if found & (NOT_ADDRESS_WORDS - {"ipv4", "v4", "inet4"}) or found & PORT_WORDS:
            return False
        if found & {"ipv4", "v4", "inet4"}:
            return False  # an IPv4 address needs no brackets
        if found & HOST_WORDS:
            return True
        if isinstance(node, cst.Name) and not found & MESSAGE_WORDS:
            value = local_value(self, node)
            if isinstance(value, cst.Call):
                func = value.func
                called = func.attr.value if isinstance(func, cst.Attribute) else (
                    func.value if isinstance(func, cst.Name) else None
                )
                return called in ("gethostname", "getfqdn")
        return False

    def _is_port(self, node: cst.BaseExpression) -> bool:
        node = unwrap_conversion(node)
        if isinstance(node, cst.Integer):
            return True
        indexed = tuple_index(node)
        if indexed is not None:
            return indexed[1] == 1 and is_address_tuple(indexed[0])
        found = name_words(node)
        return bool(found & PORT_WORDS) and not found & {"key", "name", "list", "range"}

    def _consider(self, node, host, prefix: str, suffix: str, bracketed) -> None:
        suffix = suffix[:-2] if suffix.endswith("\r\n") else suffix
        if not _PREFIX_OK.fullmatch(prefix) or re.search(r"\s", suffix):
            return
        context = self._context(node)
        if context is None:
            return
        if host is not None:
            aware = awareness(self, node)
            if aware.brackets or code_of(self, unwrap_conversion(host)) in aware.colon_tests:
                return
        elif awareness(self, node).brackets:
            return
        confidence = Confidence.HIGH if ("//" in prefix or "host" in prefix.lower() or context) else Confidence.MEDIUM
        fix = None
        if host is not None and bracketed is not None:
            fix = self._fix(node, unwrap_conversion(host), bracketed)
        self.report(
            node,
            "host:port built without brackets: an IPv6 host gives an ambiguous"
            ' "2001:db8::1:80"; write "[host]:port" when the host contains ":"',
            confidence=confidence,
            fix=fix,
        )

    def _context(self, node: cst.CSTNode) -> Optional[bool]:
        """None when the string is a message or a key; else whether it clearly is an address."""
        function = enclosing_function(self, node)
        if isinstance(function, cst.FunctionDef) and function.name.value in _REPR_FUNCTIONS:
            return None
        child: cst.CSTNode = node
        in_call = False
        for ancestor in self.ancestors(node):
            if isinstance(ancestor, (cst.Raise, cst.Assert, cst.FormattedStringExpression)):
                return None
            if isinstance(ancestor, cst.SubscriptElement):
                return None
            if isinstance(ancestor, cst.DictElement):
                if child is ancestor.key:
                    return None
                key = string_value(ancestor.key)
                return bool(key and words(key) & ADDRESS_SINK_WORDS)
            if isinstance(ancestor, cst.Arg) and ancestor.keyword is not None:
                found = words(ancestor.keyword.value)
                if found & MESSAGE_WORDS:
                    return None
                if found & ADDRESS_SINK_WORDS:
                    return True
            if isinstance(ancestor, cst.Call) and child is not ancestor.func:
                func = ancestor.func
                called = func.attr.value if isinstance(func, cst.Attribute) else (
                    func.value if isinstance(func, cst.Name) else None
                )
                if called in MESSAGE_CALLS or (
                    called and called.endswith(("Error", "Exception", "Warning"))
                ):
                    return None
                if called in SINK_CALLS:
                    return True
                if isinstance(func, cst.Attribute) and isinstance(func.value, cst.SimpleString):
                    return None  # an argument of "...".format(): part of a bigger string
                in_call = True
            if isinstance(ancestor, cst.BinaryOperation) and any(
                (string_value(side) or "").strip() != (string_value(side) or "")
                or " " in (string_value(side) or "")
                for side in (ancestor.left, ancestor.right)
            ):
                return None  # glued into prose
            if in_call and isinstance(
                ancestor, (cst.Assign, cst.AnnAssign, cst.AugAssign, cst.Return)
            ):
                return False
            if isinstance(ancestor, (cst.Assign, cst.AnnAssign, cst.AugAssign)):
                targets = (
                    [t.target for t in ancestor.targets]
                    if isinstance(ancestor, cst.Assign)
                    else [ancestor.target]
                )
                found: frozenset[str] = frozenset()
                for target in targets:
                    if isinstance(target, cst.Subscript):
                        key = name_words(target)
                        if "host" in key:
                            return True  # headers["Host"] = ...
                    found |= name_words(target)
                if found & MESSAGE_WORDS:
                    return None
                return bool(found & ADDRESS_SINK_WORDS)
            if isinstance(ancestor, cst.Return):
                if not isinstance(function, cst.FunctionDef):
                    return False
                found = words(function.name.value)
                if found & MESSAGE_WORDS:
                    return None  # _host_error(), get_node_name(): text or a key
                return bool(found & ADDRESS_SINK_WORDS)
            if isinstance(ancestor, (cst.BaseSmallStatement, cst.BaseCompoundStatement)):
                return False
            child = ancestor
        return False

    def _retemplate(self, node, literal: cst.SimpleString, k: int, style: str):
        """A builder for ``node`` with brackets around the ``k``-th field of its template."""
        if not isinstance(literal, cst.SimpleString):
            return None  # implicit concatenation: leave it to a person
        inner_start = len(literal.prefix) + len(literal.quote)
        raw = literal.value[inner_start : len(literal.value) - len(literal.quote)]
        if style == "%":
            spans = [m.span() for m in _PERCENT.finditer(raw) if m.group("conv") != "%"]
        else:
            spans = [m.span() for m in _BRACES.finditer(raw) if m.group("field") is not None]
        if k + 1 >= len(spans):
            return None
        start, end = spans[k]
        new_raw = raw[:start] + "[" + raw[start:end] + "]" + raw[end:]
        new_literal = literal.with_changes(
            value=literal.value[:inner_start] + new_raw + literal.value[len(literal.value) - len(literal.quote):]
        )
        return lambda: node.deep_replace(literal, new_literal)

    def _fix(self, node, host: cst.BaseExpression, bracketed) -> Optional[PendingFix]:
        if isinstance(self.parent(node), cst.ConcatenatedString):
            return None  # f"http://{h}:{p}" "/path": a part cannot become an expression
        if isinstance(host, cst.Name):
            safety = FixSafety.SAFE
        elif _plain_read(host):
            safety = FixSafety.UNSAFE
        else:
            return None
        new_body = bracketed()
        if new_body is None:
            return None
        test = cst.Comparison(
            cst.SimpleString('":"'),
            [cst.ComparisonTarget(cst.In(), cst.Call(cst.Name("str"), [cst.Arg(host.deep_clone())]))],
        )
        parent = self.parent(node)
        needs_parens = not isinstance(
            parent, (cst.Assign, cst.AnnAssign, cst.Return, cst.Arg, cst.Element, cst.DictElement)
        ) or node.lpar
        replacement = cst.IfExp(
            test=test,
            body=strip_outer(new_body),
            orelse=strip_outer(node.deep_clone()),
            lpar=[cst.LeftParen()] if needs_parens else [],
            rpar=[cst.RightParen()] if needs_parens else [],
        )
        return PendingFix("Bracket the host when it contains ':'", safety, [(node, replacement)])


def strip_outer(node: cst.BaseExpression) -> cst.BaseExpression:
    return node.with_changes(lpar=[], rpar=[]) if getattr(node, "lpar", None) else node


def _plain_read(node: cst.BaseExpression) -> bool:
    """``self.host``, ``addr[0]``, ``self.addr[0]``: reads with no call in them."""
    while True:
        if isinstance(node, cst.Name):
            return True
        if isinstance(node, cst.Attribute):
            node = node.value
        elif tuple_index(node) is not None:
            node = node.value
        else:
            return False


def _text(parts: Sequence[cst.BaseFormattedStringContent]) -> str:
    """The literal text of f-string parts, expressions as NUL."""
    out = []
    for part in parts:
        if isinstance(part, cst.FormattedStringText):
            out.append(part.value.replace("\\r\\n", "\r\n"))
        else:
            out.append("\0")
    return "".join(out)


def _percent_text(text: str) -> str:
    return _PERCENT.sub(lambda m: "%" if m.group("conv") == "%" else "\0", text)


def _brace_text(text: str) -> str:
    return _BRACES.sub(lambda m: m.group(0)[0] if m.group("field") is None else "\0", text)


def _joined(literals) -> str:
    return "".join("\0" if value is None else value for value in literals)


def _dict_value(node: cst.Dict, key: str) -> Optional[cst.BaseExpression]:
    for element in node.elements:
        if isinstance(element, cst.DictElement) and string_value(element.key) == key:
            return element.value
    return None
