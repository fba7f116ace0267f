"""V6404: a peer's address compared with IPv4 strings, without unwrapping ::ffff:a.b.c.d."""

from __future__ import annotations

import libcst as cst

from v6lint.model import Confidence, Severity
from v6lint.rules._addresses import AddressContext
from v6lint.rules._vocabulary import IPV4_PREFIX, is_ipv6_text, parse_literal
from v6lint.rules._base import Invalid, positional_argument, string_value


class Ipv4MappedComparison(AddressContext):
    """
    ## What it finds
    A peer's address compared with IPv4 strings: `request.remote_addr == "127.0.0.1"`,
    `environ["REMOTE_ADDR"] in ALLOWED_IPS` (where `ALLOWED_IPS` is a list of IPv4
    strings), `request.META.get("REMOTE_ADDR") != "10.0.0.1"`,
    `self.client_address[0] in ("127.0.0.1", "10.0.0.2")`, `getpeername()[0]`,
    `transport.get_extra_info("peername")[0]`, `request.client.host`, `request.remote_ip`,
    ASGI `scope["client"][0]`, the address of `conn, addr = sock.accept()`, local variables
    assigned from those, and `peer.startswith("192.168.")`.

    ## Why it breaks on IPv6
    A server listening on a dual-stack socket (`"::"` with `IPV6_V6ONLY` off: gunicorn
    `[::]:8000`, werkzeug `host="::"`, `http.server`'s default) sees IPv4 clients as
    IPv4-mapped addresses, `"::ffff:127.0.0.1"`. The string no longer equals
    `"127.0.0.1"`, so an allowlist locks out legitimate clients, and a denylist or
    rate-limit key is bypassed by anyone connecting over IPv4. Real IPv6 peers are never
    matched at all.

    ## Example
    ```python
    ALLOWED = ["127.0.0.1", "10.0.0.5"]

    @app.before_request
    def only_internal():
        if request.remote_addr not in ALLOWED:
            abort(403)
    ```

    ## Fix
    Parse and unwrap before comparing, and compare addresses, not strings:
    ```python
    ip = ipaddress.ip_address(request.remote_addr)
    ip = ip.ipv4_mapped or ip
    if ip not in {ipaddress.ip_address(a) for a in ALLOWED}:
        abort(403)
    ```
    Use `ip.is_loopback` for loopback checks and `ip in ipaddress.ip_network(...)` for ranges,
    and list the IPv6 addresses that should be allowed too.

    ## Fix safety
    No automatic fix: the normalisation needs a new statement and changes the values the
    surrounding code sees (an `ipaddress` object instead of a string).

    ## Exceptions
    Not reported when the same function (or module, for module-level code) mentions
    `ipv4_mapped` or `"::ffff:"` (the address is normalised), when the compared values
    include an IPv6 literal, inside `assert` statements, or in test code (tests check what
    a framework reports; they do not guard anything). The finding can be ignored when the
    server is known to listen on IPv4-only sockets and will never be dual-stack.
    """

    code = "V6404"
    name = "ipv4-mapped-comparison"
    summary = "Peer address compared with IPv4 strings without unwrapping IPv4-mapped form"
    message = 'peer address compared with IPv4 strings; a dual-stack server sees "::ffff:a.b.c.d"'
    severity = Severity.WARNING
    precision = "high"
    fix_safety = None
    tags = ("literal", "peer")
    # What peer_kind() recognises: b"peername" covers getpeername() and
    # get_extra_info("peername"); accept() takes no argument; "client" only as ASGI
    # scope["client"].
    triggers = (
        b"remote_addr", b"REMOTE_ADDR", b"client_address", b"peername",
        b"remote_ip", b"client.host", b"accept()", b'["client"]', b"['client']",
    )

    VALID = (
        # Normalised first.
        "import ipaddress\ndef check(request):\n    ip = ipaddress.ip_address(request.remote_addr)\n"
        "    ip = ip.ipv4_mapped or ip\n    return str(ip) == '127.0.0.1'",
        'if request.remote_addr.removeprefix("::ffff:") == "127.0.0.1":\n    pass',
        # IPv6 forms are listed too.
        'if request.remote_addr in ("127.0.0.1", "::1"):\n    pass',
        # Not a peer address.
        'if host == "127.0.0.1":\n    pass',
        # An assertion checks a framework, it does not guard anything.
        'assert request.remote_addr == "127.0.0.1"',
        # Comparing with a non-address string.
        'if request.remote_addr == "unknown":\n    pass',
        'if request.remote_addr is None:\n    pass',
    )
    INVALID = (
        Invalid('if request.remote_addr == "127.0.0.1":\n    allow()'),
        Invalid('ALLOWED = ["127.0.0.1", "10.0.0.5"]\nif request.remote_addr not in ALLOWED:\n    abort(403)'),
        Invalid('if environ["REMOTE_ADDR"] != "10.1.1.1":\n    deny()'),
        Invalid('ip = request.META.get("REMOTE_ADDR")\nif ip in {"192.168.1.2", "192.168.1.3"}:\n    pass'),
        Invalid(
            "class H:\n    def handle(self):\n        host, port = self.client_address\n"
            '        if host != "127.0.0.1":\n            return'
        ),
        Invalid('conn, addr = sock.accept()\nif addr[0] == "10.0.0.9":\n    pass'),
        Invalid('if request.remote_addr.startswith("192.168."):\n    pass'),
    )

    def __init__(self, context) -> None:
        super().__init__(context)

    def visit_Comparison(self, node: cst.Comparison) -> None:
        if self._in_tests or self._in_assert(node):
            return
        operands = [node.left] + [t.comparator for t in node.comparisons]
        for index, target in enumerate(node.comparisons):
            if not isinstance(target.operator, (cst.Equal, cst.NotEqual, cst.In, cst.NotIn)):
                continue
            left, right = operands[index], operands[index + 1]
            for peer, other in ((left, right), (right, left)):
                if isinstance(target.operator, (cst.In, cst.NotIn)) and peer is right:
                    continue  # "x in peer" is a substring test
                values = self._ipv4_values(other, membership=isinstance(target.operator, (cst.In, cst.NotIn)))
                if values and self.peer_kind(peer) == "addr":
                    self._report(node, values)
                    return

    def visit_Call(self, node: cst.Call) -> None:
        if self._in_tests or not isinstance(node.func, cst.Attribute) or node.func.attr.value != "startswith":
            return
        first = positional_argument(node, 0)
        if first is None:
            return
        prefixes = []
        candidates = (
            [e.value for e in first.value.elements]
            if isinstance(first.value, (cst.Tuple, cst.List))
            else [first.value]
        )
        for candidate in candidates:
            value = string_value(candidate)
            if value is None:
                continue
            if is_ipv6_text(value):
                return
            if IPV4_PREFIX.fullmatch(value) or parse_literal(value):
                prefixes.append(value)
        if prefixes and self.peer_kind(node.func.value) == "addr":
            self._report(node, prefixes)

    def _report(self, node: cst.CSTNode, values: list[str]) -> None:
        if self.normalises_mapped(node) or not self.once(node):
            return
        shown = ", ".join(f'"{v}"' for v in values[:3]) + (", ..." if len(values) > 3 else "")
        self.report(
            node,
            f"peer address compared with IPv4 strings ({shown}); behind a dual-stack listener"
            ' IPv4 clients appear as "::ffff:a.b.c.d" and never match: parse with'
            " ipaddress.ip_address() and unwrap .ipv4_mapped first",
            confidence=Confidence.HIGH,
        )

    def _ipv4_values(self, node: cst.BaseExpression, membership: bool) -> list[str]:
        """The IPv4 strings ``node`` stands for (empty when any value is IPv6 or not a string)."""
        node = self.module_constant(node)
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value in (
            "set", "frozenset", "tuple", "list",
        ) and len(node.args) == 1:
            node = self.module_constant(node.args[0].value)
        if membership and isinstance(node, (cst.List, cst.Tuple, cst.Set)):
            values = []
            for element in node.elements:
                value = string_value(element.value)
                if value is None:
                    continue
                if is_ipv6_text(value):
                    return []
                address = parse_literal(value)
                if address is not None and address.form == "bare":
                    values.append(value)
            return values
        if not membership:
            value = string_value(node)
            if value is not None:
                address = parse_literal(value)
                if address is not None and address.form == "bare":
                    return [value]
        return []

    def _in_assert(self, node: cst.CSTNode) -> bool:
        return any(isinstance(a, cst.Assert) for a in self.ancestors(node))
