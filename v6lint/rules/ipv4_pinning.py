"""V6901: code that forces a process or an HTTP client onto IPv4."""

from __future__ import annotations

import re
from typing import Optional

import libcst as cst

from v6lint.model import Confidence, FixSafety, Severity
from v6lint.rules._addresses import AddressContext
from v6lint.rules._vocabulary import PINNING_KEYWORDS, parse_literal
from v6lint.rules._base import Invalid, PendingFix, argument, is_name, iter_nodes, keyword_argument, string_value

_GAI = "urllib3.util.connection.allowed_gai_family"
_HAS_IPV6 = "urllib3.util.connection.HAS_IPV6"
_CONNECTORS = {"aiohttp.TCPConnector", "aiohttp.connector.TCPConnector"}


def _is_urllib3_name(names: frozenset[str], suffix: str) -> bool:
    # urllib3 is also vendored: requests.packages.urllib3, pip._vendor.urllib3, botocore...
    return any(n == suffix or n.endswith("." + suffix) for n in names)


class Ipv4Pinning(AddressContext):
    """
    ## What it finds
    Code that forces IPv4 for a whole process or an HTTP client:
    - `urllib3.util.connection.allowed_gai_family = lambda: socket.AF_INET` (or a function
      returning `AF_INET`), through any import spelling, including vendored copies
      (`requests.packages.urllib3`);
    - `urllib3.util.connection.HAS_IPV6 = False`;
    - a replacement assigned to `socket.getaddrinfo` whose body uses `AF_INET` and never
      `AF_INET6` (a wrapper that passes `family=AF_INET` or filters the results to IPv4);
    - `aiohttp.TCPConnector(family=socket.AF_INET)`;
    - a local address that is an IPv4 literal: `httpx.HTTPTransport(local_address="0.0.0.0")`,
      `AsyncHTTPTransport`, urllib3/requests pools and adapters with
      `source_address=("0.0.0.0", 0)`, `socket.create_connection(..., source_address=...)`,
      requests-toolbelt `SourceAddressAdapter("0.0.0.0")`.

    ## Why it breaks on IPv6
    These switches exist to make IPv4 win on hosts with broken IPv6, and they keep winning
    after the network is fixed: every name resolves to A records only, so on an IPv6-only host
    (or a NAT64 network, or when the peer is IPv6-only) every request fails with a resolution
    or connection error, far from the line that caused it. Binding the local side to an IPv4
    address makes IPv6 destinations unreachable the same way.

    ## Example
    ```python
    import socket
    import urllib3.util.connection as urllib3_cn

    urllib3_cn.allowed_gai_family = lambda: socket.AF_INET  # "IPv6 is slow here"
    ```

    ## Fix
    Remove the override and fix the network (or let Happy Eyeballs do its job: urllib3 and
    aiohttp try every address). If IPv4 must be forced in some environment, gate it behind an
    explicit setting that defaults to off, and keep `family=0` (`AF_UNSPEC`) and no local
    address as the default.

    ## Fix safety
    The offered fixes are **unsafe**: they remove the `family=`, `local_address=` or
    `source_address=` argument, or delete the `allowed_gai_family`/`HAS_IPV6` assignment
    statement. Behaviour changes on purpose: connections may now go over IPv6 where the author
    saw IPv6 fail, and a local address chosen for routing (a specific interface) is dropped.
    Statements inside an `if` (a toggle someone can already switch off) and the
    `getaddrinfo` monkey-patch (the wrapper may do more than pin the family) are reported
    without a fix.

    ## Exceptions
    Not reported: `family=socket.AF_UNSPEC` or `0`, `AF_INET6`, local addresses given as
    names or variables, and a `socket.getaddrinfo` replacement that never mentions `AF_INET`
    or also handles `AF_INET6` (a full resolver such as dnspython's). In
    test code the findings get low confidence. The finding can be ignored when the pinning is
    off by default and only switched on by an explicit configuration flag.
    """

    code = "V6901"
    name = "ipv4-pinning"
    summary = "Process- or client-wide forcing of IPv4"
    message = "this forces IPv4; IPv6-only destinations become unreachable"
    severity = Severity.WARNING
    precision = "very-high"
    fix_safety = FixSafety.UNSAFE
    tags = ("pinning",)
    # allowed_gai_family, HAS_IPV6 and getaddrinfo are reported only where they are assigned
    # (``x.getaddrinfo = wrapper``); the wrapper function is kept by the region reducer because
    # the assignment names it. b"local_addr" / b"source_addr" also cover local_address /
    # source_address (keywords and kwargs["source_address"]); bind_address_local is the last
    # of PINNING_KEYWORDS.
    triggers = (
        re.compile(rb"allowed_gai_family\s*=(?!=)"),
        re.compile(rb"HAS_IPV6\s*=(?!=)"),
        re.compile(rb"getaddrinfo\s*=(?!=)"),
        b"TCPConnector", b"SourceAddressAdapter",
        b"local_addr", b"source_addr", b"bind_address_local",
    )

    VALID = (
        "import aiohttp\nconnector = aiohttp.TCPConnector(family=0)",
        "import aiohttp, socket\nconnector = aiohttp.TCPConnector(family=socket.AF_UNSPEC)",
        "import httpx\ntransport = httpx.HTTPTransport(local_address=LOCAL)",
        "import httpx\ntransport = httpx.HTTPTransport(retries=3)",
        # Restoring the default is not pinning.
        "import urllib3.util.connection as c\nimport socket\n"
        "c.allowed_gai_family = lambda: socket.AF_INET6 if c.HAS_IPV6 else socket.AF_UNSPEC",
        "import socket\n_orig = socket.getaddrinfo\ndef logged(*a, **k):\n"
        "    print(a)\n    return _orig(*a, **k)\nsocket.getaddrinfo = logged",
        "import urllib3.util.connection as c\nc.HAS_IPV6 = True",
        "import socket\nsocket.create_connection((host, 80), source_address=('::', 0))",
    )
    INVALID = (
        Invalid(
            "import socket\nimport urllib3.util.connection as urllib3_cn\n"
            "urllib3_cn.allowed_gai_family = lambda: socket.AF_INET\nrun()",
            fixed="import socket\nimport urllib3.util.connection as urllib3_cn\nrun()",
        ),
        Invalid(
            "import socket\nfrom requests.packages.urllib3.util import connection\n"
            "def ipv4_only():\n    return socket.AF_INET\nconnection.allowed_gai_family = ipv4_only\n",
            fixed="import socket\nfrom requests.packages.urllib3.util import connection\n"
            "def ipv4_only():\n    return socket.AF_INET\n",
        ),
        Invalid(
            "from urllib3.util import connection\nconnection.HAS_IPV6 = False\nmain()",
            fixed="from urllib3.util import connection\nmain()",
        ),
        Invalid(
            "import socket\n_orig = socket.getaddrinfo\n"
            "def v4(host, port, family=0, type=0, proto=0, flags=0):\n"
            "    return _orig(host, port, socket.AF_INET, type, proto, flags)\nsocket.getaddrinfo = v4"
        ),
        Invalid(
            "import aiohttp, socket\nconnector = aiohttp.TCPConnector(family=socket.AF_INET, limit=10)",
            fixed="import aiohttp, socket\nconnector = aiohttp.TCPConnector(limit=10)",
        ),
        Invalid(
            'import httpx\ntransport = httpx.HTTPTransport(local_address="0.0.0.0")',
            fixed="import httpx\ntransport = httpx.HTTPTransport()",
        ),
        Invalid(
            'pool = PoolManager(num_pools=2, source_address=("0.0.0.0", 0))',
            fixed="pool = PoolManager(num_pools=2)",
        ),
    )

    # -- assignments: allowed_gai_family, HAS_IPV6, socket.getaddrinfo -----------------------

    def visit_Assign(self, node: cst.Assign) -> None:
        if len(node.targets) != 1:
            return
        target = node.targets[0].target
        if isinstance(target, cst.Subscript):
            self._pool_kwargs(node, target)
            return
        if not isinstance(target, cst.Attribute):
            return
        names = self.qualified_names(target)
        if target.attr.value == "allowed_gai_family" and _is_urllib3_name(names, _GAI):
            if self._returns_af_inet(node.value):
                self._report_statement(
                    node,
                    "urllib3's allowed_gai_family is overridden to return AF_INET: every"
                    " requests/urllib3 connection resolves A records only and IPv6-only hosts"
                    " become unreachable; remove the override",
                )
        elif target.attr.value == "HAS_IPV6" and _is_urllib3_name(names, _HAS_IPV6):
            if is_name(node.value, "False") or (isinstance(node.value, cst.Integer) and node.value.value == "0"):
                self._report_statement(
                    node,
                    "urllib3.util.connection.HAS_IPV6 = False makes urllib3 resolve IPv4 only;"
                    " remove the assignment",
                )
        elif target.attr.value == "getaddrinfo" and "socket.getaddrinfo" in names:
            function = self._function_value(node.value)
            if function is not None and self._mentions_af_inet(function):
                self.report(
                    node,
                    "socket.getaddrinfo is replaced by a wrapper that forces AF_INET: the whole"
                    " process resolves IPv4 only; remove the monkey-patch",
                    confidence=self._confidence(node),
                )

    def _pool_kwargs(self, node: cst.Assign, target: cst.Subscript) -> None:
        """kwargs["source_address"] = ("0.0.0.0", 0) in an adapter's init_poolmanager."""
        if len(target.slice) != 1 or not isinstance(target.slice[0].slice, cst.Index):
            return
        key = string_value(target.slice[0].slice.value)
        if key not in PINNING_KEYWORDS:
            return
        ip = self._ipv4_local_address(node.value)
        if ip is not None:
            self.report(
                node,
                f'{key}="{ip}" binds the client to an IPv4 source address, so only IPv4'
                " destinations can be reached; drop it or make it configurable",
                confidence=self._confidence(node),
            )

    def _report_statement(self, node: cst.Assign, message: str) -> None:
        statement = self.parent(node)
        fix = None
        block = self.parent(statement) if isinstance(statement, cst.SimpleStatementLine) else None
        conditional = any(isinstance(a, (cst.If, cst.Try)) for a in self.ancestors(node))
        if (
            isinstance(statement, cst.SimpleStatementLine)
            and len(statement.body) == 1
            and not conditional
            and isinstance(block, (cst.Module, cst.IndentedBlock))
            and len(block.body) > 1
        ):
            fix = PendingFix("Remove the IPv4 override", FixSafety.UNSAFE, [(statement, cst.RemovalSentinel.REMOVE)])
        self.report(node, message, confidence=self._confidence(node), fix=fix)

    def _may_be_adapter(self, func: cst.BaseExpression) -> bool:
        """A qualified name ends with the callee's last identifier unless an import renamed
        it: only then can it end with SourceAddressAdapter (spares most files a scope)."""
        if isinstance(func, cst.Attribute):
            tail = func.attr.value
        elif isinstance(func, cst.Name):
            tail = func.value
        else:
            return True
        aliases = self.context.alias_names
        return tail.endswith("SourceAddressAdapter") or aliases is None or tail in aliases

    def _confidence(self, node: cst.CSTNode) -> Confidence:
        if self._in_tests:
            return Confidence.LOW
        if any(isinstance(a, cst.If) for a in self.ancestors(node)):
            return Confidence.MEDIUM  # behind a toggle
        return Confidence.HIGH

    def _function_value(self, value: cst.BaseExpression) -> Optional[cst.CSTNode]:
        if isinstance(value, cst.Lambda):
            return value
        if isinstance(value, cst.Name):
            for found in iter_nodes(self.context.module):
                if not (isinstance(found, cst.FunctionDef) and found.name.value == value.value):
                    continue
                return found
        return None

    def _is_af_inet(self, node: cst.CSTNode) -> bool:
        return isinstance(node, (cst.Name, cst.Attribute)) and self.resolves_to(node, ("socket.AF_INET",))

    def _mentions_af_inet(self, function: cst.CSTNode) -> bool:
        """The wrapper uses AF_INET and never AF_INET6 (dnspython's resolver override handles
        both families and must not be reported)."""
        names = [n for n in iter_nodes(function) if isinstance(n, (cst.Name, cst.Attribute))]
        if any(self.resolves_to(n, ("socket.AF_INET6",)) for n in names):
            return False
        return any(self._is_af_inet(n) for n in names)

    def _returns_af_inet(self, value: cst.BaseExpression) -> bool:
        function = self._function_value(value)
        if isinstance(function, cst.Lambda):
            returned = [function.body]
        elif isinstance(function, cst.FunctionDef):
            returned = [r.value for r in iter_nodes(function) if isinstance(r, cst.Return) and r.value is not None]
        else:
            return self._is_af_inet(value)
        for expression in returned:
            # `AF_INET6 if HAS_IPV6 else AF_UNSPEC` is urllib3's own default: only a value
            # that can be AF_INET pins the family.
            candidates = [expression]
            if isinstance(expression, cst.IfExp):
                candidates = [expression.body, expression.orelse]
            if any(self._is_af_inet(c) for c in candidates):
                return True
        return False

    # -- calls: TCPConnector(family=AF_INET), local/source addresses ------------------------

    def visit_Call(self, node: cst.Call) -> None:
        name = self.called_name(node, _CONNECTORS)
        if name is not None:
            family = keyword_argument(node, "family")
            if family is not None and self._is_af_inet(self.module_constant(family.value)):
                self.report(
                    family,
                    "aiohttp TCPConnector(family=AF_INET) resolves IPv4 only; drop family= (the"
                    " default 0 tries IPv6 and IPv4)",
                    confidence=self._confidence(node),
                    fix=self._remove_argument(node, family, "Remove family=AF_INET"),
                )
            return
        for arg in node.args:
            if arg.keyword is None or arg.keyword.value not in PINNING_KEYWORDS:
                continue
            ip = self._ipv4_local_address(arg.value)
            if ip is None or (self._in_tests and self.mocked(node)):
                continue
            self.report(
                arg,
                f'{arg.keyword.value}="{ip}" binds the client to an IPv4 source address, so only'
                f" IPv4 destinations can be reached; drop {arg.keyword.value}= or make it configurable",
                confidence=self._confidence(node),
                fix=self._remove_argument(node, arg, f"Remove {arg.keyword.value}="),
            )
        qualified = self.qualified_names(node.func) if self._may_be_adapter(node.func) else ()
        if any(n.endswith("SourceAddressAdapter") for n in qualified):
            source = argument(node, 0, "source_address")
            if source is not None and source.keyword is None:
                ip = self._ipv4_local_address(source.value)
                if ip is not None:
                    self.report(
                        source,
                        f'SourceAddressAdapter("{ip}") sends every request from an IPv4 source'
                        " address; IPv6 destinations become unreachable",
                        confidence=self._confidence(node),
                    )

    def _ipv4_local_address(self, value: cst.BaseExpression) -> Optional[str]:
        value = self.module_constant(value)
        if isinstance(value, cst.Tuple) and value.elements:
            value = self.module_constant(value.elements[0].value)
        text = string_value(value)
        if text is None:
            return None
        address = parse_literal(text)
        return address.ip if address is not None and address.form == "bare" else None

    def _remove_argument(self, call: cst.Call, arg: cst.Arg, title: str) -> PendingFix:
        args = [a for a in call.args if a is not arg]
        if args:
            # The new last argument must not keep a dangling comma it did not have before.
            last_comma = call.args[-1].comma
            args[-1] = args[-1].with_changes(comma=last_comma)
        return PendingFix(title, FixSafety.UNSAFE, [(call, call.with_changes(args=args))])
