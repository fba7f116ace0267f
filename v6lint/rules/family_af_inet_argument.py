"""V6104: AF_INET passed as the family of a resolver or connection call."""

from __future__ import annotations

import re

import libcst as cst

from v6lint.model import Confidence, Severity
from v6lint.rules._addressing import enclosing_function
from v6lint.rules._base import Rule, iter_nodes, keyword_argument, positional_argument
from v6lint.rules._families import handles_ipv6, is_af_inet, local_af_inet, mentions_ipv6

# Calls whose family is a positional parameter too: name -> index.
POSITIONAL_FAMILY = {"socket.getaddrinfo": 2, "_socket.getaddrinfo": 2}

# Methods (of an event loop, usually a local or attribute) known to take ``family=``.
KNOWN_METHODS = frozenset(
    {"create_connection", "create_server", "create_datagram_endpoint", "getaddrinfo"}
)
KNOWN_FUNCTIONS = frozenset(
    {
        "socket.getaddrinfo",
        "socket.create_server",
        "asyncio.open_connection",
        "asyncio.start_server",
        "asyncio.streams.open_connection",
        "asyncio.streams.start_server",
    }
)

# Left to other rules or meaningless here: the socket constructor is V6101; fromfd's family
# must describe an existing descriptor; aiohttp's connector pins a whole client session, which
# V6901 (ipv4-pinning) reports.
SKIPPED = frozenset(
    {
        "socket.socket",
        "_socket.socket",
        "socket.fromfd",
        "socket.socket.__init__",
        "aiohttp.TCPConnector",
        "aiohttp.connector.TCPConnector",
    }
)


class FamilyAfInetArgument(Rule):
    """
    ## What it finds
    `AF_INET` passed as the address family of a resolver, connection or server call:
    `socket.getaddrinfo(host, port, socket.AF_INET)`, `socket.create_server(addr,
    family=socket.AF_INET)`, `loop.create_connection(..., family=socket.AF_INET)` and the
    other asyncio calls (`create_server`, `create_datagram_endpoint`, `getaddrinfo`,
    `asyncio.open_connection`, `asyncio.start_server`), and more generally any call given
    `family=AF_INET` (client libraries take the same hint). Also a default that hands
    `AF_INET` to every caller who passes nothing: a parameter named for the family
    (`def create_socket(self, family=socket.AF_INET)`, `TCPConnector(*, family=AF_INET)`)
    that the function goes on to use, and a class attribute `family = socket.AF_INET` that
    the module reads back as `self.family`. The loop is usually a local
    (`loop = asyncio.get_running_loop()`) or `self.loop`, so methods are matched by name and
    the value by its qualified name. `socket.create_connection()` has no family parameter.

    ## Why it breaks on IPv6
    The family is a filter: with `AF_INET` the resolver returns only A records and the
    connection or server only IPv4 sockets. On an IPv6-only host the name resolves to nothing
    (`gaierror`), or the connection fails although the peer is reachable over IPv6.

    ## Example
    ```python
    infos = socket.getaddrinfo(host, port, socket.AF_INET, socket.SOCK_STREAM)
    reader, writer = await asyncio.open_connection(host, port, family=socket.AF_INET)
    ```

    ## Fix
    Leave the family out (the default, `AF_UNSPEC`/`0`, returns both families) and use every
    result, or let asyncio race them with `happy_eyeballs_delay=0.25`:
    ```python
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    reader, writer = await asyncio.open_connection(host, port, happy_eyeballs_delay=0.25)
    ```

    ## Fix safety
    No automatic fix: with the filter gone the results include IPv6 entries, whose sockaddr
    is a 4-tuple and which may come first; code that takes `infos[0]` or unpacks
    `host, port = sockaddr` changes behaviour.

    ## Exceptions
    Not reported: a family chosen at run time, a call in code that also handles IPv6 (the
    enclosing function or top-level statement mentions `AF_INET6`, `has_ipv6` or an `ipv6`
    flag), `socket.socket(AF_INET)` (that is V6101) and `socket.fromfd()`. A family
    default is not reported when the function (or class) also handles IPv6, when the
    parameter is never used, or for `address_family` (V6103's). It can be ignored
    where the protocol is IPv4 by design, or when a fallback to IPv4 is deliberate after an
    IPv6 attempt elsewhere.
    """

    code = "V6104"
    name = "family-af-inet-argument"
    summary = "AF_INET passed as the family of a resolver, connection or server call"
    message = "family=AF_INET restricts this call to IPv4"
    severity = Severity.WARNING
    precision = "high"
    tags = ("sockets", "resolver")
    # The family is AF_INET/PF_INET written as an argument (followed by ``,`` or ``)``), or
    # a module constant ``FAMILY = socket.AF_INET`` (end of statement) that the argument
    # names, or a name imported ``as`` another: after the constant's name comes one of
    # those, never ``:``/``==``-style comparisons or ``AF_INET6``. The same pattern as
    # V6101's, so the prefilter scans it once for both.
    triggers = (re.compile(rb"F_INET\b(?:[ \t]*(?:[,);#\r\n]|\\|\Z)|\s+as\b)"),)

    VALID = (
        # A local family set per address.
        "import socket\ndef resolve(host, port):\n    family = socket.AF_INET\n    if ':' in host:\n"
        "        family = socket.AF_INET6\n    return socket.getaddrinfo(host, port, family)",
        # aiohttp's connector pins the whole session: V6901 reports it, not this rule.
        "import aiohttp, socket\nconnector = aiohttp.TCPConnector(family=socket.AF_INET)",
        "import socket\nsocket.getaddrinfo(host, port, type=socket.SOCK_STREAM)",
        "import socket\nsocket.getaddrinfo(host, port, socket.AF_UNSPEC)",
        "import socket\nsocket.getaddrinfo(host, port, family)",
        # Both families: one branch each.
        "import socket\n"
        "def resolve(host, v6):\n"
        "    family = socket.AF_INET6 if v6 else socket.AF_INET\n"
        "    return socket.getaddrinfo(host, 80, family=socket.AF_INET)\n",
        "import socket\n"
        "async def connect(loop, host):\n"
        "    try:\n"
        "        return await loop.create_connection(P, host, 80, family=socket.AF_INET6)\n"
        "    except OSError:\n"
        "        return await loop.create_connection(P, host, 80, family=socket.AF_INET)\n",
        # The socket constructor is another rule's business; fromfd describes an fd.
        "import socket\ns = socket.socket(family=socket.AF_INET)",
        "import socket\ns = socket.fromfd(fd, socket.AF_INET, socket.SOCK_STREAM)",
        # A comparison of a result's family.
        "import socket\n[i for i in socket.getaddrinfo(h, p) if i[0] == socket.AF_INET]",
        # A positional AF_INET where the family is not a parameter at all.
        "import socket\nlookup(socket.AF_INET, host)",
        # A family default that the function never uses, or that is IPv6-aware.
        "import socket\ndef make(host, family=socket.AF_INET):\n    return host",
        "import socket\n"
        "def make(host, family=socket.AF_INET):\n"
        "    if family == socket.AF_INET6:\n        host = host.strip('[]')\n"
        "    return socket.getaddrinfo(host, 80, family)\n",
        # A default that is not a family.
        "import socket\ndef f(kind=socket.AF_INET):\n    return kind",
        # A class attribute nobody reads back.
        "import socket\nclass Names:\n    family = socket.AF_INET\n",
    )
    INVALID = (
        "import socket\ndef resolve(host, port):\n    family = socket.AF_INET\n"
        "    return socket.getaddrinfo(host, port, family, socket.SOCK_STREAM)",
        "import socket\ninfos = socket.getaddrinfo(host, port, socket.AF_INET, socket.SOCK_STREAM)",
        "from socket import getaddrinfo, AF_INET\ngetaddrinfo(host, 0, family=AF_INET)",
        "import asyncio, socket\n"
        "async def main():\n"
        "    loop = asyncio.get_running_loop()\n"
        "    await loop.create_connection(Proto, 'example.org', 80, family=socket.AF_INET)\n",
        "import asyncio, socket\n"
        "async def main():\n"
        "    r, w = await asyncio.open_connection(host, 80, family=socket.AF_INET)\n",
        "import socket\n"
        "class Client:\n"
        "    async def start(self):\n"
        "        await self.loop.create_datagram_endpoint(P, remote_addr=a, family=socket.AF_INET)\n",
        "import socket\nserver = socket.create_server(('', 8000), family=socket.AF_INET)",
        "import httpcore, socket\npool = httpcore.ConnectionPool(family=socket.AF_INET)",
        # Defaults every caller who passes nothing gets.
        "import socket\n"
        "class Dispatcher:\n"
        "    def create_socket(self, family=socket.AF_INET, type=socket.SOCK_STREAM):\n"
        "        self.socket = socket.socket(family, type)\n",
        "import socket\n"
        "class Connector:\n"
        "    def __init__(self, *, resolve=True, family=socket.AF_INET):\n"
        "        self._family = family\n"
        "    def lookup(self, host, port):\n"
        "        return socket.getaddrinfo(host, port, family=self._family)\n",
        "import socket\n"
        "class Base:\n"
        "    def __init__(self):\n        self.create_socket(self.family, socket.SOCK_STREAM)\n"
        "class TcpServer(Base):\n"
        "    family = socket.AF_INET\n",
    )

    def visit_Call(self, node: cst.Call) -> None:
        name = self.called_name(node, POSITIONAL_FAMILY)
        family = keyword_argument(node, "family")
        if family is None and name is not None:
            family = positional_argument(node, POSITIONAL_FAMILY[name])
        if family is None:
            return
        if not is_af_inet(self, family.value) and not local_af_inet(self, family.value):
            return
        if self.resolves_to_any(node.func, SKIPPED):
            return
        if handles_ipv6(self, node):
            return
        self.report(
            family.value,
            "AF_INET restricts this call to IPv4 addresses; leave the family out"
            " (AF_UNSPEC) and handle every result",
            confidence=Confidence.HIGH if self._known(node) else Confidence.MEDIUM,
        )

    def visit_Param(self, node: cst.Param) -> None:
        if node.default is None or not _names_a_family(node.name.value):
            return
        if not is_af_inet(self, node.default):
            return
        function = enclosing_function(self, node)  # a parameter always has one
        if mentions_ipv6(self, function.body):
            return
        used = any(
            isinstance(other, cst.Name) and other.value == node.name.value
            for other in iter_nodes(function.body)
        )
        if not used:
            return
        self.report(
            node.default,
            f"parameter {node.name.value!r} defaults to AF_INET, so every caller that passes"
            " no family gets IPv4 only; default to AF_UNSPEC (0) and use the family of each"
            " getaddrinfo() result",
            confidence=Confidence.MEDIUM,
        )

    def visit_Assign(self, node: cst.Assign) -> None:
        """``family = socket.AF_INET`` in a class body, read back as ``self.family``."""
        if len(node.targets) != 1 or not isinstance(node.targets[0].target, cst.Name):
            return
        name = node.targets[0].target.value
        if name == "address_family" or not _names_a_family(name):
            return
        statement = self.parent(node)
        block = self.parent(statement) if statement is not None else None
        owner = self.parent(block) if block is not None else None
        if not isinstance(owner, cst.ClassDef) or not is_af_inet(self, node.value):
            return
        if mentions_ipv6(self, owner) or not self._read_back(name):
            return
        self.report(
            node.value,
            f"class attribute {name!r} = AF_INET makes the sockets this class creates IPv4"
            " only; take the family from getaddrinfo() for the configured host",
            confidence=Confidence.MEDIUM,
        )

    def _read_back(self, name: str) -> bool:
        key = ("family-attributes",)
        memo = self.context.memo
        if key not in memo:
            memo[key] = frozenset(
                node.attr.value
                for node in iter_nodes(self.context.module)
                if isinstance(node, cst.Attribute)
                and isinstance(node.value, cst.Name)
                and node.value.value in ("self", "cls")
            )
        return name in memo[key]

    def _known(self, node: cst.Call) -> bool:
        if self.called_name(node, KNOWN_FUNCTIONS) is not None:
            return True
        return isinstance(node.func, cst.Attribute) and node.func.attr.value in KNOWN_METHODS


def _names_a_family(name: str) -> bool:
    lowered = name.lower().lstrip("_")
    return lowered in ("af", "sock_family", "socket_family") or lowered.endswith("family")
