"""V6106: IPv4-only socket options (IPPROTO_IP level), IPv4 multicast membership."""

from __future__ import annotations

import re

import libcst as cst

from v6lint.model import Confidence, Severity
from v6lint.rules._base import Rule, positional_argument
from v6lint.rules._families import handles_ipv6, is_mreq_pack

# IPv4 option -> the IPv6 option that does the same at level IPPROTO_IPV6.
OPTIONS = {
    "socket.IP_ADD_MEMBERSHIP": "IPV6_JOIN_GROUP",
    "socket.IP_DROP_MEMBERSHIP": "IPV6_LEAVE_GROUP",
    "socket.IP_ADD_SOURCE_MEMBERSHIP": "MCAST_JOIN_SOURCE_GROUP",
    "socket.IP_DROP_SOURCE_MEMBERSHIP": "MCAST_LEAVE_SOURCE_GROUP",
    "socket.IP_MULTICAST_IF": "IPV6_MULTICAST_IF",
    "socket.IP_MULTICAST_TTL": "IPV6_MULTICAST_HOPS",
    "socket.IP_MULTICAST_LOOP": "IPV6_MULTICAST_LOOP",
    "socket.IP_TTL": "IPV6_UNICAST_HOPS",
    "socket.IP_TOS": "IPV6_TCLASS",
    "socket.IP_RECVTOS": "IPV6_RECVTCLASS",
    "socket.IP_PKTINFO": "IPV6_RECVPKTINFO",
    "socket.IP_RECVTTL": "IPV6_RECVHOPLIMIT",
}
MULTICAST = {name for name in OPTIONS if "MEMBERSHIP" in name or "MULTICAST" in name}


class Ipv4OnlySocketOption(Rule):
    """
    ## What it finds
    `setsockopt()`/`getsockopt()` with an IPv4-level option: the multicast options
    `IP_ADD_MEMBERSHIP`, `IP_DROP_MEMBERSHIP`, `IP_ADD_SOURCE_MEMBERSHIP`,
    `IP_DROP_SOURCE_MEMBERSHIP`, `IP_MULTICAST_IF`, `IP_MULTICAST_TTL`, `IP_MULTICAST_LOOP`,
    and the per-packet options `IP_TTL`, `IP_TOS`, `IP_RECVTOS`, `IP_PKTINFO`, `IP_RECVTTL`;
    and an `ip_mreq` built with `struct.pack("4sl", socket.inet_aton(group),
    socket.INADDR_ANY)` (or `"4s4s"`, `"4s4si"`), reported as one finding for the whole
    request.

    ## Why it breaks on IPv6
    These options belong to level `IPPROTO_IP` and act on IPv4 packets only. On an AF_INET6
    socket the multicast joins fail (an `ip_mreq` cannot name an IPv6 group), and `IP_TTL` /
    `IP_TOS` are either rejected or silently affect only IPv4-mapped traffic, so IPv6 packets
    go out with the default hop limit and traffic class. The code cannot work on an
    IPv6-only network without its IPv6 counterpart.

    ## Example
    ```python
    mreq = struct.pack("4sl", socket.inet_aton(GROUP), socket.INADDR_ANY)
    sock.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreq)
    ```

    ## Fix
    Use the IPv6 option at level `IPPROTO_IPV6` for IPv6 sockets (keeping the IPv4 one for
    IPv4 sockets): `IPV6_JOIN_GROUP`/`IPV6_LEAVE_GROUP` with an `ipv6_mreq`,
    `IPV6_MULTICAST_IF`/`_HOPS`/`_LOOP`, `IPV6_UNICAST_HOPS` for `IP_TTL`, `IPV6_TCLASS`
    for `IP_TOS`:
    ```python
    mreq = socket.inet_pton(socket.AF_INET6, GROUP) + struct.pack("@I", ifindex)
    sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_JOIN_GROUP, mreq)
    ```

    ## Fix safety
    No automatic fix: the IPv6 form needs an IPv6 group address and an interface index,
    which the IPv4 code does not have.

    ## Exceptions
    Not reported when the enclosing function (or top-level statement) also handles IPv6
    (it mentions `IPPROTO_IPV6`, an `IPV6_` option, `AF_INET6` or an `ipv6` flag): then the
    IPv4 option is one branch of dual-stack code. `IP_TOS` is included on purpose although
    some kernels accept it on IPv6 sockets: there it marks only IPv4-mapped packets, never
    IPv6 ones. Ignore the finding for protocols that are IPv4 by definition (e.g. an IPv4
    multicast discovery protocol that also has a separate IPv6 implementation elsewhere).
    """

    code = "V6106"
    name = "ipv4-only-socket-option"
    summary = "IPv4-only socket option or multicast membership request"
    message = "this socket option applies to IPv4 packets only"
    severity = Severity.WARNING
    precision = "high"
    tags = ("sockets", "multicast")
    # An option is named by its own identifier (an alias is bound on an import line that
    # names it too); an ip_mreq format is a literal whose text, spaces dropped, is "4s" +
    # "4s"/l/L/i/I (see _families._MREQ_FORMAT). The regex starts at the "4": one that
    # starts at every quote costs ten times more.
    triggers = (
        *(name.split(".")[1].encode() for name in OPTIONS),
        re.compile(rb"4 *s *(?:4 *s|[lLiI])"),
    )

    VALID = (
        "import socket\n"
        "sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_JOIN_GROUP, mreq6)",
        "import socket\nsock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)",
        "import socket\nsock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)",
        # Dual-stack code: the IPv4 option is one branch.
        "import socket\n"
        "def set_ttl(sock, ttl):\n"
        "    if sock.family == socket.AF_INET6:\n"
        "        sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_UNICAST_HOPS, ttl)\n"
        "    else:\n"
        "        sock.setsockopt(socket.IPPROTO_IP, socket.IP_TTL, ttl)\n",
        # A constant of another module that shares the name.
        "import mylib\nsock.setsockopt(mylib.IPPROTO_IP, mylib.IP_TTL, 5)",
        # struct.pack of something that is not an ip_mreq.
        "import struct\nheader = struct.pack('4sl', magic, length)",
        "import struct, socket\nkey = struct.pack('!I', 7)",
    )
    INVALID = (
        "import socket, struct\n"
        "mreq = struct.pack('4sl', socket.inet_aton(group), socket.INADDR_ANY)\n",
        "import socket\n"
        "sock.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreq)\n",
        "from socket import IPPROTO_IP, IP_MULTICAST_TTL\n"
        "s.setsockopt(IPPROTO_IP, IP_MULTICAST_TTL, 2)\n",
        "import socket\nttl = s.getsockopt(socket.IPPROTO_IP, socket.IP_TTL)\n",
        "import socket\nsock.setsockopt(socket.SOL_IP, socket.IP_TOS, 0x10)\n",
    )

    def visit_Call(self, node: cst.Call) -> None:
        if is_mreq_pack(self, node):
            if self._option_call_value(node) or handles_ipv6(self, node):
                return
            self.report(
                node,
                "this ip_mreq (an IPv4 group from inet_aton) can only join IPv4 multicast;"
                " IPv6 needs an ipv6_mreq (inet_pton(AF_INET6, group) + interface index)"
                " with IPV6_JOIN_GROUP",
                confidence=Confidence.HIGH,
            )
            return
        if not _is_sockopt_call(node):
            return
        option = positional_argument(node, 1)
        if option is None:
            return
        names = self.qualified_names(option.value)
        if not names or not names <= set(OPTIONS):
            return
        if handles_ipv6(self, node):
            return
        name = min(names)
        short = name.rsplit(".", 1)[1]
        self.report(
            option.value,
            f"{short} applies to IPv4 only; IPv6 sockets need {OPTIONS[name]} at level"
            " IPPROTO_IPV6",
            confidence=Confidence.HIGH if name in MULTICAST else Confidence.MEDIUM,
        )

    def _option_call_value(self, pack: cst.Call) -> bool:
        """The mreq is the value argument of a setsockopt call reported for its option."""
        arg = self.parent(pack)
        call = self.parent(arg) if isinstance(arg, cst.Arg) else None
        if not isinstance(call, cst.Call) or not _is_sockopt_call(call):
            return False
        option = positional_argument(call, 1)
        return option is not None and self.resolves_to_any(option.value, OPTIONS)


def _is_sockopt_call(node: cst.Call) -> bool:
    return isinstance(node.func, cst.Attribute) and node.func.attr.value in (
        "setsockopt",
        "getsockopt",
    )

