"""V6401: "127.0.0.1" (or another 127/8 address) used as a real address."""

from __future__ import annotations

import re
from typing import Optional

import libcst as cst

from v6lint.model import Confidence, FixSafety, Severity
from v6lint.rules._addresses import LiteralRule, Usage, describe, expression_name
from v6lint.rules._vocabulary import LiteralAddress, is_address_name, name_tokens
from v6lint.rules._base import Invalid, PendingFix, positional_argument, string_value

# A name for a list of trusted peers (gunicorn's forwarded_allow_ips / proxy_allow_ips,
# TRUSTED_PROXIES, ALLOWED_IPS): one word says "allowed", another says "addresses".
_ALLOW_TOKENS = frozenset({"allow", "allowed", "trust", "trusted", "whitelist", "allowlist"})
_ALLOWED_THINGS = frozenset(
    {"ip", "ips", "from", "proxy", "proxies", "addr", "addrs", "address", "addresses", "peers", "clients"}
)


def is_allowlist_name(name: str) -> bool:
    tokens = set(name_tokens(name))
    return bool(tokens & _ALLOW_TOKENS) and bool(tokens & _ALLOWED_THINGS)


class Ipv4LoopbackLiteral(LiteralRule):
    """
    ## What it finds
    The IPv4 loopback address `"127.0.0.1"` (any 127/8 address) where the code uses it as an
    address: the host of a `connect`/`bind`/`sendto` tuple, an argument of
    `socket.create_connection`, `http.client.HTTPConnection`, `smtplib.SMTP`, `redis.Redis`
    and similar clients, a `host=`/`address=`/`bind=` keyword, a URL or DSN
    (`"http://127.0.0.1:8000/"`, `"postgresql://app@127.0.0.1/db"`, `"127.0.0.1:6379"`), the
    default of an `--host` option, of `os.getenv("HOST", ...)` or of a `host` parameter, a
    value stored under an address-like name or config key (`HOST`, `REDIS_ADDR`,
    `{"host": ...}`), and loopback checks such as `if host == "127.0.0.1"` or
    `host.startswith("127.")`. Module-level constants are followed to where they are used.
    A loopback literal that is the whole list of trusted peers is reported too: the default
    of `os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")`, `TRUSTED_PROXIES =
    ["127.0.0.1"]`, a settings class `name = "proxy_allow_ips"` with `default = "127.0.0.1"`
    (a name with "allow"/"trusted" and "ips"/"proxies"/"from"/"addresses").

    ## Why it breaks on IPv6
    On an IPv6-only host (Linux built without IPv4, or an IPv6-only container) there is no
    127.0.0.1: a client connecting there gets "Network is unreachable" and a server binding it
    fails. On a dual-stack host the failure is subtler: a server listening on 127.0.0.1 only is
    not reached by clients that resolve `localhost` to `::1` first (Node.js, Go, curl and
    Python's `create_connection` try `::1` first on many systems), and a loopback check that
    compares with "127.0.0.1" treats `::1` (and `::ffff:127.0.0.1`) as a remote peer.

    ## Example
    ```python
    conn = http.client.HTTPConnection("127.0.0.1", 8080)
    REDIS_URL = "redis://127.0.0.1:6379/0"
    if host in ("localhost", "127.0.0.1"):
        trusted = True
    ```

    ## Fix
    A client should name the local host `"localhost"`: the resolver returns both `::1` and
    `127.0.0.1` and `create_connection` (used by http.client, urllib, requests, redis-py,
    asyncio) tries each in turn. A server that must stay local should listen on both
    loopbacks (one socket on `"::1"`, one on `"127.0.0.1"`, or an asyncio server on
    `"localhost"`, which binds every address the name resolves to). A loopback check should
    use `ipaddress.ip_address(host).is_loopback` (after unwrapping `ipv4_mapped`) or also
    accept `"::1"`.

    ## Fix safety
    The offered fix (clients only: socket-address tuples of `connect`/`create_connection`,
    client constructors and URLs) rewrites `127.0.0.1` to `localhost` and is **unsafe**:
    `localhost` depends on `/etc/hosts`; it may resolve to `::1` first, where a different
    service could listen on the same port; a URL's Host header and TLS server name change
    (virtual hosts, `ALLOWED_HOSTS` and certificates issued for the IP can reject it); MySQL
    client libraries take `localhost` to mean the Unix socket, so MySQL URLs and drivers get no
    fix at all. Binds are never rewritten to `localhost`: a server listening on
    `localhost` may end up on `::1` only while its clients still dial 127.0.0.1.

    ## Exceptions
    Not reported: dotted quads inside prose, comments and docstrings, version strings, values
    that also list an IPv6 form (`("127.0.0.1", "::1")`, `host == "127.0.0.1" or host ==
    "::1"`), literals assigned to peer-data names such as `REMOTE_ADDR` (test requests),
    comparisons with a peer's address (V6404 reports those) and framework binds (V6801).
    URL- and host:port-shaped strings handed to `print()`, logging calls, `str.format()` or
    `%` are text for people, not endpoints, unless their name says address.
    In test code (a `test`/`tests` directory, `test_*.py`, `*_test.py`, `conftest.py`) only
    literals that reach a socket call are reported, with low confidence: they are real IPv4
    assumptions (the suite fails on an IPv6-only host), but fixing them is a test-suite
    choice. The finding can be ignored for software that only ever runs where IPv4 loopback
    exists and that is reached through 127.0.0.1 by design.
    """

    code = "V6401"
    name = "ipv4-loopback-literal"
    summary = "IPv4 loopback literal used as an address"
    message = (
        '"127.0.0.1" is IPv4-only loopback; clients should use "localhost", servers both'
        " loopbacks"
    )
    severity = Severity.WARNING
    precision = "high"
    fix_safety = FixSafety.UNSAFE
    tags = ("literal", "loopback")
    # A 127/8 address where a literal reported here has it: at the start of the string (a
    # quote before it), after "//" or "user@" (a URL) or "host=" (a DSN); or one of the
    # startswith() prefixes "127.", "127.0.", "127.0.0.". The regex starts with a literal.
    triggers = (
        re.compile(rb"""127\.(?<=["'/@=]127\.)(?:\d{1,3}\.\d{1,3}\.\d{1,3}(?![\d.])|(?:0\.){0,2}["'])"""),
    )
    kinds = ("loopback",)

    VALID = (
        # Prose and docstrings.
        '"""Connect to 127.0.0.1 by default."""',
        'log.info("listening on 127.0.0.1")',
        # Both loopbacks are handled.
        'if host in ("127.0.0.1", "::1"):\n    pass',
        'LOCAL = ["127.0.0.1", "::1", "localhost"]',
        # Test data for a fake request, not where anything connects.
        'environ = {"REMOTE_ADDR": "127.0.0.1"}',
        # Not an address: an unrelated string and a version.
        'VERSION = "127.0.0.1"',
        'ip_text = "127.0.0.1.nip.io"',
        # Comparison with a peer address: V6404's finding.
        'if request.remote_addr == "127.0.0.1":\n    allow()',
        # Trusted-address lists that hold both loopbacks, or a setting that is no list.
        'import os\ntrusted = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")',
        'TRUSTED_PROXIES = ["127.0.0.1", "::1"]',
        'class StatsdPrefix(Setting):\n    name = "statsd_prefix"\n    default = "127.0.0.1"',
        'ALLOWED_CHARS = "127.0.0.1"',
        'log.info("trusted proxies: %s", "127.0.0.1")',
    )
    INVALID = (
        Invalid(
            'import socket\nsock = socket.create_connection(("127.0.0.1", 8080))',
            fixed='import socket\nsock = socket.create_connection(("localhost", 8080))',
        ),
        Invalid(
            'import http.client\nconn = http.client.HTTPConnection("127.0.0.1", 8080)',
            fixed='import http.client\nconn = http.client.HTTPConnection("localhost", 8080)',
        ),
        Invalid(
            'import urllib.request\nurllib.request.urlopen("http://127.0.0.1:8000/health")',
            fixed='import urllib.request\nurllib.request.urlopen("http://localhost:8000/health")',
        ),
        Invalid('HOST = "127.0.0.1"'),
        Invalid('import os\nhost = os.getenv("DB_HOST", "127.0.0.1")'),
        Invalid('parser.add_argument("--host", default="127.0.0.1")'),
        Invalid('DATABASES = {"default": {"HOST": "127.0.0.1", "PORT": 5432}}'),
        Invalid('if host == "127.0.0.1":\n    pass'),
        Invalid('sock.bind(("127.0.0.1", 0))'),
        Invalid('DSN = "postgresql://app@127.0.0.1:5432/app"'),
        Invalid('def serve(host="127.0.0.1", port=8000):\n    pass'),
        Invalid('is_local = hostname.startswith("127.")'),
        Invalid('import os\ntrusted = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")'),
        Invalid('TRUSTED_PROXIES = ["127.0.0.1"]'),
        Invalid(
            'class ProxyAllowFrom(Setting):\n    name = "proxy_allow_ips"\n'
            '    cli = ["--proxy-allow-from"]\n    default = "127.0.0.1"'
        ),
    )

    def address_usage(self, node: cst.CSTNode, address: LiteralAddress) -> Optional[Usage]:
        usage = super().address_usage(node, address)
        if usage is None and not self._in_tests and address.form == "bare":
            usage = self._allowlist_usage(node)
        return usage

    def _allowlist_usage(self, node: cst.CSTNode) -> Optional[Usage]:
        """The loopback literal is the whole list of trusted peers: the default of a lookup
        keyed by an allow-list name (``os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")``),
        the value of such a name (``TRUSTED_PROXIES = ["127.0.0.1"]``), or the ``default`` of a
        settings class whose ``name`` is one (gunicorn's ``name = "proxy_allow_ips"``)."""
        value: cst.CSTNode = node
        parent = self.parent(node)
        if isinstance(parent, cst.Element):
            holder = self.parent(parent)
            if not isinstance(holder, (cst.List, cst.Tuple, cst.Set)) or self.has_ipv6_literal(holder):
                return None
            value, parent = holder, self.parent(holder)
        if isinstance(parent, cst.Arg) and value is node:
            call = self.parent(parent)
            if not isinstance(call, cst.Call) or (parent.keyword is not None and parent.keyword.value != "default"):
                return None
            key = self._lookup_key(call, parent, self.call_name(call), self.method_name(call))
            if key is not None and is_allowlist_name(key):
                return Usage("allowlist", "unknown", f'the default of "{key}"', Confidence.HIGH)
            return None
        if not isinstance(parent, cst.Assign) or parent.value is not value or len(parent.targets) != 1:
            return None
        target = parent.targets[0].target
        name = expression_name(target)
        if name is not None and is_allowlist_name(name):
            return Usage("allowlist", "unknown", name, Confidence.MEDIUM)
        if isinstance(target, cst.Name) and target.value == "default":
            setting = self._setting_name(parent)
            if setting is not None and is_allowlist_name(setting):
                return Usage("allowlist", "unknown", f'the default of setting "{setting}"', Confidence.MEDIUM)
        return None

    def _setting_name(self, statement: cst.Assign) -> Optional[str]:
        """``name = "..."`` beside ``default = ...`` in the same class body."""
        line = self.parent(statement)
        body = self.parent(line) if line is not None else None
        klass = self.parent(body) if body is not None else None
        if not isinstance(klass, cst.ClassDef):
            return None
        for item in klass.body.body:
            if not isinstance(item, cst.SimpleStatementLine):
                continue
            for small in item.body:
                if (
                    isinstance(small, cst.Assign)
                    and len(small.targets) == 1
                    and isinstance(small.targets[0].target, cst.Name)
                    and small.targets[0].target.value == "name"
                ):
                    return string_value(small.value)
        return None

    def on_address(self, node: cst.CSTNode, address: LiteralAddress, usage: Usage) -> None:
        self.report(
            node,
            self._message(address, usage),
            confidence=usage.confidence,
            fix=self._fix(node, address, usage),
        )

    def _message(self, address: LiteralAddress, usage: Usage) -> str:
        where = describe(usage)
        ip = address.ip
        if usage.context == "allowlist":
            return (
                f'"{ip}" is the whole trusted-address list ({usage.detail}): a peer on IPv6'
                ' loopback "::1" is not trusted; add "::1"'
            )
        if usage.context == "compare":
            return (
                f'loopback check against "{ip}" ({where}) misses "::1"; use'
                " ipaddress.ip_address(host).is_loopback or also accept \"::1\""
            )
        if usage.role == "server":
            return (
                f'"{ip}" ({where}) listens on IPv4 loopback only: unreachable over "::1" and'
                " fails where IPv4 is absent; listen on both \"::1\" and \"127.0.0.1\""
            )
        if usage.role == "client":
            return (
                f'"{ip}" ({where}) fails on an IPv6-only host; connect to "localhost", which'
                " resolves to both \"::1\" and \"127.0.0.1\""
            )
        return (
            f'IPv4 loopback "{ip}" {where}: missing on IPv6-only hosts; clients should use'
            ' "localhost", servers should listen on both loopbacks'
        )

    def _fix(
        self, node: cst.CSTNode, address: LiteralAddress, usage: Usage
    ) -> Optional[PendingFix]:
        if usage.role != "client" or usage.mysql or "mysql" in address.scheme:
            return None
        if "maria" in address.scheme:
            return None
        if usage.call is not None:
            callee = self.context.module.code_for_node(usage.call.func).lower()
            if "mysql" in callee:
                return None
        if address.ip != "127.0.0.1":
            return None  # 127.0.1.1 and friends are not "localhost"
        new: Optional[cst.CSTNode] = None
        if isinstance(node, cst.SimpleString):
            new = node.with_changes(value=node.value.replace(address.ip, "localhost", 1))
        elif isinstance(node, cst.FormattedString) and isinstance(
            node.parts[0], cst.FormattedStringText
        ):
            first = node.parts[0]
            renamed = first.with_changes(value=first.value.replace(address.ip, "localhost", 1))
            parts = [renamed, *node.parts[1:]]
            new = node.with_changes(parts=parts)
        if new is None:
            return None
        return PendingFix(
            'Use "localhost" (resolves to ::1 and 127.0.0.1)', FixSafety.UNSAFE, [(node, new)]
        )

    # host.startswith("127.") as a loopback test
    def visit_Call(self, node: cst.Call) -> None:
        if self._in_tests or not isinstance(node.func, cst.Attribute):
            return
        if node.func.attr.value != "startswith":
            return
        first = positional_argument(node, 0)
        if first is None or len(node.args) != 1:
            return
        value = string_value(first.value)
        if value not in ("127.", "127.0.", "127.0.0.", "127.0.0.1"):
            return
        receiver = node.func.value
        if self.peer_kind(receiver) == "addr":
            return  # V6404's
        name = expression_name(receiver)
        if name is None or not is_address_name(name) or self._ipv6_in_condition(node):
            return
        if self.once(node):
            self.report(
                node,
                f'loopback check {name}.startswith("{value}") misses "::1"; use'
                " ipaddress.ip_address(host).is_loopback",
                confidence=Confidence.MEDIUM,
            )
