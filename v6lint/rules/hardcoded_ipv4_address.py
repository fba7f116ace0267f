"""V6403: a hard-coded IPv4 address (not loopback, not the wildcard) used as an address."""

from __future__ import annotations

import ipaddress
import re

import libcst as cst

from v6lint.model import Severity
from v6lint.rules._addresses import LiteralRule, Usage, describe
from v6lint.rules._vocabulary import LiteralAddress, is_excluded_other
from v6lint.rules._base import Invalid
from v6lint.rules._protocols import ipv4_protocol_field


class HardcodedIpv4Address(LiteralRule):
    """
    ## What it finds
    IPv4 literals other than 127/8 (V6401) and 0.0.0.0 (V6402) where the code uses them as
    an address: `sock.connect(("8.8.8.8", 80))`, `sendto(data, ("239.1.1.1", 5000))`,
    `redis.Redis(host="10.0.0.5")`, `NAMESERVERS = ["1.1.1.1", "8.8.8.8"]`,
    `"http://192.168.1.10:8080/api"`, `"amqp://guest@10.1.2.3//"`, the default of a
    `--server` option or of `os.getenv("DB_HOST", ...)`, and comparisons such as
    `if gateway == "192.168.0.1"`. Module-level constants are followed to where they are
    used.

    ## Why it breaks on IPv6
    An IPv4 address can only be reached over IPv4: on an IPv6-only host (or behind NAT64
    without a synthesised name) every connection to it fails, and a setting that can only
    hold IPv4 addresses leaves no way to configure an IPv6 peer. IPv4 multicast groups and
    the broadcast address have no IPv6 equivalent at the same address (IPv6 uses `ff0x::`
    groups), so code that sends to them is IPv4-only by construction.

    ## Example
    ```python
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.connect(("8.8.8.8", 80))  # "what is my address?" trick
    local_ip = s.getsockname()[0]
    ```

    ## Fix
    Take endpoints from configuration and accept names or either family; when a DNS name with
    AAAA records exists, use it. For public resolvers list both families
    (`["1.1.1.1", "2606:4700:4700::1111"]`). To learn the local address, connect a datagram
    socket created from `getaddrinfo()` of a dual-stack name, or use the address of the
    interface the application already listens on.

    ## Fix safety
    No automatic fix: there is no mechanical replacement for a specific address; the right
    one depends on the deployment.

    ## Exceptions
    Not reported: documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24),
    netmasks and host masks (255.255.255.0, 0.0.0.255, and 255.255.255.255 unless it reaches
    a socket call, where it is the broadcast address), addresses starting with 0, strings
    that look like OIDs (2.5.x.x, 1.3.6.x), versions and user agents (names such as
    `version`, `ua`), dotted quads inside prose, comments and docstrings, literals listed
    together with an IPv6 form, test data stored under peer names (`REMOTE_ADDR`), and
    comparisons with a peer address (V6404). URL- and host:port-shaped strings handed to
    `print()`, logging calls, `str.format()` or `%` are text for people, not endpoints,
    unless their name says address. In test code only literals that reach a socket
    call are reported, with low confidence. The finding can be ignored where the peer is
    IPv4-only by nature (an IPv4 router's management address, a DHCPv4 relay). The value of
    a RADIUS IPv4 attribute that has an IPv6 twin (`req["NAS-IP-Address"] = ...`,
    `"Framed-IP-Address": ...`, `NAS_IP_Address=...`) is attribute data, not a peer: not
    reported (`_protocols.py`).
    """

    code = "V6403"
    name = "hardcoded-ipv4-address"
    summary = "Hard-coded IPv4 address used as an address"
    message = "hard-coded IPv4 address; make it configurable and accept IPv6 addresses or names"
    severity = Severity.WARNING
    precision = "medium"
    fix_safety = None
    tags = ("literal",)
    # Every literal this rule reports holds the dotted quad in its own source text, where the
    # address starts the string (a quote before it), follows "//" or "user@" (a URL), or
    # "host=" (a DSN); its first octet is 1-9xx and not 127 (V6401), and no digit or dot
    # follows it. Versions ("1.2.3.4.5"), dates and prose quads do not match.
    triggers = (re.compile(rb"""["'/@=](?!127\.)[1-9]\d{0,2}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![\d.])"""),)
    kinds = ("other",)

    VALID = (
        'EXAMPLE_SERVER = "192.0.2.10"\nsock.connect((EXAMPLE_SERVER, 80))',
        'NETMASK = "255.255.255.0"',
        'ADDRESS_MASK = "255.255.0.0"',
        '__version__ = "1.2.3.4"',
        'server_version = "2.0.1.4"',
        'OID_COMMON_NAME = "2.5.4.3"',
        'log.info("peer 10.0.0.1 refused")',
        'environ = {"REMOTE_ADDR": "10.1.2.3"}',
        'DNS = ["8.8.8.8", "2001:4860:4860::8888"]',
        'ua = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0.6099.109"',
        'pkg_resources.parse_version("1.2.3.4")',
        'hostname = "10.0.0.1.example.com"',
    )
    INVALID = (
        Invalid('sock.connect(("8.8.8.8", 80))'),
        Invalid('import redis\nr = redis.Redis(host="10.0.0.5", port=6379)'),
        Invalid('NAMESERVERS = ["1.1.1.1", "8.8.8.8"]'),
        Invalid('API = "http://192.168.1.10:8080/api"'),
        Invalid('BROKER_URL = "amqp://guest:guest@10.1.2.3:5672//"'),
        Invalid('import os\nhost = os.getenv("DB_HOST", "10.0.0.7")'),
        Invalid('if gateway_ip == "192.168.0.1":\n    pass'),
        Invalid('sock.sendto(data, ("255.255.255.255", 9))'),
        Invalid('GROUP = "239.1.2.3"\nsock.sendto(b"hi", (GROUP, 5000))'),
    )

    def on_address(self, node: cst.CSTNode, address: LiteralAddress, usage: Usage) -> None:
        if ipv4_protocol_field(self, node):
            return  # RADIUS NAS-IP-Address & co.: attribute data, IPv4 by protocol
        if is_excluded_other(address.ip):
            broadcast_to_socket = address.ip == "255.255.255.255" and usage.context == "sink"
            if not broadcast_to_socket:
                return
        ip = address.ip
        where = describe(usage)
        parsed = ipaddress.IPv4Address(ip)
        if parsed.is_multicast:
            message = (
                f'IPv4 multicast group "{ip}" ({where}) is IPv4-only; IPv6 needs an ff0x:: group'
                " and IPV6_JOIN_GROUP"
            )
        elif ip == "255.255.255.255":
            message = (
                f'IPv4 broadcast "{ip}" ({where}) has no IPv6 equivalent; use the all-nodes'
                " multicast group ff02::1 or a service-specific group"
            )
        else:
            message = (
                f'hard-coded IPv4 address "{ip}" ({where}) is unreachable from an IPv6-only'
                " host; make it configurable and accept IPv6 addresses or DNS names"
            )
        self.report(node, message, confidence=usage.confidence)
