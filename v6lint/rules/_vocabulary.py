"""The words and text shapes the Python rules share: no syntax tree, no engine.

What an IPv4 literal looks like (and when a dotted quad is a version, an OID, a mask or
documentation), which words in a name say "address", "host", "port" or "something else",
the calls that take a host or a URL, and the template shapes that write a host in brackets
(which paths hold tests is v6lint.test_paths). The rules' tree helpers (v6lint.rules.
_addresses, _addressing) read these; nothing here depends on how the source was parsed.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import re
from typing import Optional

# Decimal octets without leading zeros: "01.02.03.04" is a version, not an address.
IPV4_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"

IPV4 = rf"{IPV4_OCTET}(?:\.{IPV4_OCTET}){{3}}"

IPV4_BARE = re.compile(rf"(?P<ip>{IPV4})(?::(?P<port>[0-9]{{1,5}}))?")

IPV4_URL = re.compile(
    rf"(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://(?:[^@/\s]*@)?(?P<ip>{IPV4})(?=$|[:/?#])[^\s]*"
)

# libpq keyword/value connection strings: "host=127.0.0.1 port=5432 dbname=app".
IPV4_KEYWORD_DSN = re.compile(rf"(?:\w+=\S+\s+)*(?P<key>host|hostaddr)=(?P<ip>{IPV4})(?:\s+\w+=\S+)*")

# The leading text of an f-string: f"http://127.0.0.1:{port}/" (the URL shape above) or
# f"127.0.0.1:{port}".
IPV4_FSTRING_URL = IPV4_URL

IPV4_FSTRING_HOSTPORT = re.compile(rf"(?P<ip>{IPV4}):")

IPV4_PREFIX = re.compile(rf"{IPV4_OCTET}\.(?:{IPV4_OCTET}\.){{0,2}}")

DOCUMENTATION_NETWORKS = tuple(
    ipaddress.ip_network(n) for n in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24")
)


@dataclasses.dataclass(frozen=True)
class LiteralAddress:
    """An IPv4 address found in a string literal, and where in the string it stands."""

    ip: str
    form: str  # "bare", "hostport", "url", "dsn", "fstring-url", "fstring-hostport"
    start: int  # offset of the address inside the literal's value (text part for f-strings)
    scheme: str = ""

    @property
    def kind(self) -> str:
        """"loopback", "any" or "other"."""
        if self.ip == "0.0.0.0":
            return "any"
        if self.ip.startswith("127."):
            return "loopback"
        return "other"


def parse_literal(value: str) -> Optional[LiteralAddress]:
    """The IPv4 address a whole string literal denotes, or None (prose, versions, CIDRs)."""
    match = IPV4_BARE.fullmatch(value)
    if match:
        return LiteralAddress(match["ip"], "hostport" if match["port"] else "bare", 0)
    match = IPV4_URL.fullmatch(value)
    if match:
        return LiteralAddress(match["ip"], "url", match.start("ip"), match["scheme"].lower())
    match = IPV4_KEYWORD_DSN.fullmatch(value)
    if match:
        return LiteralAddress(match["ip"], "dsn", match.start("ip"))
    return None


def is_excluded_other(ip: str) -> bool:
    """Addresses V6403 never reports: documentation ranges, masks, OID-like and 0.x values."""
    address = ipaddress.IPv4Address(ip)
    if any(address in net for net in DOCUMENTATION_NETWORKS):
        return True
    if ip.startswith(("2.5.", "1.3.6.")):  # X.500 / SNMP object identifiers
        return True
    if ip.startswith("0."):  # "this network": never a destination, often a version
        return True
    value = int(address)
    inverted = ~value & 0xFFFFFFFF
    # A contiguous netmask (255.255.255.0) or host mask (0.0.0.255); 255.255.255.255 is a
    # mask too unless it reaches a socket call (checked by the caller).
    if value and (inverted & (inverted + 1)) == 0:
        return True
    return False


def is_ipv6_text(value: str) -> bool:
    text = value.strip("[]")
    if "%" in text:
        text = text.split("%", 1)[0]
    try:
        return isinstance(ipaddress.ip_address(text), ipaddress.IPv6Address)
    except ValueError:
        return "::" in value  # "[::]:8000", "::ffff:" prefixes

ADDRESS_TOKENS = {
    "host", "hosts", "hostname", "hostnames", "addr", "addrs", "address", "addresses",
    "ip", "ips", "ipaddr", "ipaddress", "ipaddresses", "bind", "listen", "server", "servers",
    "endpoint", "endpoints", "gateway", "nameserver", "nameservers", "resolver", "resolvers",
    "upstream", "proxy", "broker", "brokers", "dsn", "netloc", "interface", "iface",
    "localhost", "loopback", "remote", "peer", "dest", "destination", "target", "nexthop",
}

# A name with one of these is about something else that merely looks like an address.
NOT_ADDRESS_TOKENS = {
    "version", "versions", "ver", "oid", "mask", "netmask", "subnet", "prefix", "agent", "ua",
    "release", "build", "regex", "pattern", "re", "format", "fmt", "example", "examples",
    "doc", "docs", "help", "description", "text", "msg", "message", "label", "placeholder",
    "sample", "fake", "dummy", "mock", "invalid", "bad", "broadcast", "multicast", "mcast",
    "group", "hex", "packed", "int", "num", "network", "net", "cidr", "range", "count",
}

# Names that hold a peer's address as data (WSGI/CGI variables, proxy headers): assigning a
# literal to them builds a fake request, it does not choose where to connect.
PEER_DATA = {
    "remote_addr", "remote_ip", "client_ip", "client_addr", "client_address", "peer_addr",
    "peer_ip", "peername", "x_real_ip", "real_ip", "remote_host", "x_forwarded_for",
    "http_x_forwarded_for", "http_x_real_ip", "forwarded_for", "origin_ip", "source_ip",
    # WSGI/CGI request variables describe the request being handled.
    "server_name", "server_addr", "http_host",
}


def name_tokens(name: str) -> list[str]:
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    tokens = [t for t in re.split(r"[^A-Za-z0-9]+", spaced.lower()) if t]
    # HOSTv4, addr6, ipv4addr: drop the family suffix so the stem is seen.
    return [re.sub(r"(?<=[a-z])v?[46]$", "", t) for t in tokens]


def is_peer_data_name(name: str) -> bool:
    return "_".join(name_tokens(name)) in PEER_DATA or "forwarded" in name_tokens(name)


def is_address_name(name: str) -> bool:
    tokens = name_tokens(name)
    if not tokens or is_peer_data_name(name):
        return False
    if any(t in NOT_ADDRESS_TOKENS for t in tokens):
        return False
    return any(t in ADDRESS_TOKENS or t in ("ipv", "ipaddr") for t in tokens)

# Calls whose host argument is a destination: (positional index, keyword); index None means
# "a (host, port) tuple at this position".
CLIENT_SINKS = {
    "socket.create_connection": (0, "address", True),
    "socket.getaddrinfo": (0, "host", False),
    "http.client.HTTPConnection": (0, "host", False),
    "http.client.HTTPSConnection": (0, "host", False),
    "smtplib.SMTP": (0, "host", False),
    "smtplib.SMTP_SSL": (0, "host", False),
    "smtplib.LMTP": (0, "host", False),
    "ftplib.FTP": (0, "host", False),
    "ftplib.FTP_TLS": (0, "host", False),
    "telnetlib.Telnet": (0, "host", False),
    "poplib.POP3": (0, "host", False),
    "poplib.POP3_SSL": (0, "host", False),
    "imaplib.IMAP4": (0, "host", False),
    "imaplib.IMAP4_SSL": (0, "host", False),
    "nntplib.NNTP": (0, "host", False),
    "asyncio.open_connection": (0, "host", False),
    "redis.Redis": (0, "host", False),
    "redis.StrictRedis": (0, "host", False),
    "redis.client.Redis": (0, "host", False),
    "redis.asyncio.Redis": (0, "host", False),
    "paramiko.SSHClient.connect": (0, "hostname", False),
    # Database and broker clients that take host= (keyword only in practice).
    "psycopg2.connect": (-1, "host", False),
    "psycopg.connect": (-1, "host", False),
    "asyncpg.connect": (-1, "host", False),
    "asyncpg.create_pool": (-1, "host", False),
    "pymongo.MongoClient": (0, "host", False),
    "pika.ConnectionParameters": (0, "host", False),
    "kombu.Connection": (0, "hostname", False),
    "aioredis.Redis": (0, "host", False),
}

SERVER_SINKS = {
    "socket.create_server": (0, "address", True),
    "socketserver.TCPServer": (0, "server_address", True),
    "socketserver.UDPServer": (0, "server_address", True),
    "socketserver.ThreadingTCPServer": (0, "server_address", True),
    "socketserver.ThreadingUDPServer": (0, "server_address", True),
    "socketserver.ForkingTCPServer": (0, "server_address", True),
    "socketserver.ForkingUDPServer": (0, "server_address", True),
    "http.server.HTTPServer": (0, "server_address", True),
    "http.server.ThreadingHTTPServer": (0, "server_address", True),
    "xmlrpc.server.SimpleXMLRPCServer": (0, "addr", True),
    "xmlrpc.server.DocXMLRPCServer": (0, "addr", True),
    "wsgiref.simple_server.WSGIServer": (0, "server_address", True),
    "wsgiref.simple_server.make_server": (0, "host", False),
    "smtpd.SMTPServer": (0, "localaddr", True),
}

# Calls that fetch a URL given as a string (for test code, where a URL must really be used).
URL_SINKS = {
    "urllib.request.urlopen", "urllib.request.Request", "urllib.request.urlretrieve",
    "xmlrpc.client.ServerProxy", "requests.get", "requests.post", "requests.put",
    "requests.delete", "requests.head", "requests.patch", "requests.request",
    "requests.Session.get", "httpx.get", "httpx.post", "httpx.Client", "httpx.AsyncClient",
    "httpx.stream", "httpx.request", "aiohttp.ClientSession", "websocket.create_connection",
    "websockets.connect", "redis.from_url", "redis.Redis.from_url", "sqlalchemy.create_engine",
}

# Methods recognised by name where the receiver's type is not knowable: ``sock.bind((h, p))``.
TUPLE_METHODS = {"bind": "server", "connect": "client", "connect_ex": "client"}

DISPLAY_METHODS = {
    "format", "debug", "info", "warning", "warn", "error", "exception", "critical", "log",
    "write", "echo", "secho", "print",
}

# Keywords that name a local address and therefore pin the family (V6901 owns them).
PINNING_KEYWORDS = {"local_address", "source_address", "local_addr", "source_addr", "bind_address_local"}

# Words that name a "host:port" string (or a host) ...
HOSTPORT_WORDS = frozenset(
    {
        "addr", "address", "hostport", "ipport", "netloc", "endpoint", "server", "listen",
        "bind", "peer", "proxy", "upstream", "authority", "host", "hostname", "remote",
        "broker", "nameserver", "ip", "ipaddr", "sockaddr", "saddr", "daddr",
    }
)

# ... words that name a host on its own (the left part of a join) ...
HOST_WORDS = frozenset(
    {
        "host", "hostname", "ip", "ipaddr", "addr", "address", "server", "peer", "remote",
        "bind", "listen", "proxy", "upstream", "broker", "ipv6", "ip6", "fqdn", "saddr",
        "daddr", "hostaddr",
    }
)

PORT_WORDS = frozenset({"port", "portnum", "portno", "sport", "dport", "lport", "rport"})

# ... and words that say the value is something else, whatever else the name says.
NOT_ADDRESS_WORDS = frozenset(
    {
        "user", "username", "userinfo", "login", "auth", "password", "passwd", "pwd", "pass",
        "cred", "creds", "credential", "credentials", "secret", "token", "key", "keys",
        "header", "headers", "time", "timestamp", "date", "datetime", "clock", "duration",
        "hour", "hours", "minute", "minutes", "version", "ver", "path", "paths", "dir", "file",
        "filename", "url", "uri", "href", "link", "scheme", "ratio", "aspect", "mime", "type",
        "label", "tag", "image", "mount", "volume", "mac", "hwaddr", "ether", "ethernet",
        "lladdr", "bssid", "email", "mail", "uuid", "guid", "hash", "digest", "fingerprint",
        "sha", "md5", "cert", "range", "cmd", "command", "family", "ipv4", "v4", "inet4",
        "prefix", "mask", "netmask", "cidr", "zone", "id", "list", "lines",
        "sender", "recipient", "from", "to", "cc", "bcc", "reply", "return", "spec", "fmt",
    }
)

# Extra words that mean "IPv6 already" for a split: splitting an IPv6 address on ':' is
# taking it apart into groups, not a host:port split.
IPV6_WORDS = frozenset({"ipv6", "ip6", "v6", "inet6", "in6"})

# Tuples of (host, port): ``addr[0]`` is a host, ``addr[1]`` a port.
ADDRESS_TUPLE_WORDS = frozenset(
    {
        "addr", "address", "sockaddr", "peername", "sockname", "peer", "remote", "bind",
        "listen", "server", "client", "endpoint", "hostport", "target", "dest", "destination",
        "source", "src", "dst", "local", "upstream", "proxy", "conn", "laddr", "raddr",
    }
)

ADDRESS_TUPLE_CALLS = frozenset({"getpeername", "getsockname"})

# "ipv4", "inet6", "v4" stay one word: the digit is the point.
WORD_PATTERN = re.compile(r"(?i:ipv[46]|inet[46]|ip[46]|in[46]|v[46])(?![a-z])|[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")


def words(identifier: str) -> frozenset[str]:
    """The lower-case words of an identifier or key: ``HTTP_HOST`` -> {http, host}."""
    return frozenset(w.lower() for w in WORD_PATTERN.findall(identifier))

# Number-to-text helpers that ports go through: twisted's intToBytes, int_to_str, ...
INT_TO_TEXT = re.compile(r"(?i)^_?int_?to_?(?:bytes|str|string|text)$")

BRACKET_LITERALS = frozenset({"[", "]", "[]", "][", "]:", "[:"})

BRACKET_METHODS = frozenset({"startswith", "endswith", "strip", "lstrip", "rstrip", "find",
                              "rfind", "index", "rindex", "split", "rsplit", "partition",
                              "rpartition", "replace", "count"})

PERCENT_FIELD = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdrai]")

BRACES_FIELD = re.compile(r"\{[^{}]*\}")

# A field in brackets written as a host: at the start of the text or after "//", "@", "=",
# "Host: " or "CONNECT ", and followed by the end, ":port" or "/path". Prompts and messages
# such as "Username [%s]: " or "worker [%s]" bracket a default or a name, not a host.
HOST_BRACKETS = re.compile(
    r"(?:^|//|@|=|(?i:host:)[ \t]*|CONNECT )\[\0\](?:$|:(?=[^\s])|/)"
)


def bracket_template(text: str) -> bool:
    """``text`` (fields replaced by NUL) writes a field in brackets the way a host is
    written: ``"[%s]:%d"``, ``"http://[{}]/"``, ``f"[{host}]"``."""
    return bool(HOST_BRACKETS.search(text))
