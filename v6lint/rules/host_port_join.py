"""V6502: "host:port" strings and URLs built without brackets for IPv6 hosts."""

from __future__ import annotations

import re
from typing import Optional, Sequence

import libcst as cst

from v6lint.model import Confidence, FixSafety, Severity
from v6lint.rules._addressing import _key_of_call as _key_of
from v6lint.rules._addressing import (
    awareness,
    callee_name,
    code_of,
    enclosing_function,
    is_address_tuple,
    local_value,
    name_words,
    tuple_index,
    unwrap_conversion,
    string_value,
)
from v6lint.rules._vocabulary import HOST_WORDS, NOT_ADDRESS_WORDS, PORT_WORDS, words
from v6lint.test_paths import is_test_path
from v6lint.rules._base import Invalid, PendingFix, Rule, iter_nodes

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

# Evidence levels for a part of a join: SHOWN by what the code does with the value (it came
# out of a socket address, it went into one), NAMED by its name, NOT when the name or origin
# says it is something else (a user, a time, an IPv4 address by construction).
SHOWN, NAMED, NOT = "shown", "named", "not"
# Calls that take a (host, port) socket address ...
_SOCKADDR_CALLS = frozenset(
    {"connect", "connect_ex", "bind", "sendto", "create_connection", "getnameinfo",
     "create_server", "HTTPServer", "ThreadingHTTPServer", "TCPServer", "UDPServer",
     "ThreadingTCPServer", "make_server", "SimpleXMLRPCServer", "WSGIServer"}
)
# ... calls that take a host and a port as two arguments (the value: the host's position) ...
_HOST_PORT_CALLS = {
    "getaddrinfo": 0, "open_connection": 0, "start_server": 1, "HTTPConnection": 0,
    "HTTPSConnection": 0, "SMTP": 0, "SMTP_SSL": 0, "FTP": 0, "create_connection": 1,
}
# ... and calls whose result is an IPv4 address or a DNS name, never an IPv6 address.
_IPV4_OR_NAME_CALLS = frozenset({"inet_ntoa", "gethostbyname", "gethostname"})


# Calls whose argument is a "host:port" or a URL: what goes in is an address.
_HOSTPORT_SINKS = frozenset(
    {"HTTPConnection", "HTTPSConnection", "urlopen", "Request", "ServerProxy", "create_connection",
     "insecure_channel", "secure_channel", "from_url", "urlsplit", "urlparse", "connect_tcp",
     "websocket_connect", "create_connection", "ws_connect", "ClientSession", "StrictRedis"}
)
_URL_IN_TEXT = re.compile(r"(?:^|[\s(<'\"=\[])(?:[A-Za-z\0][\w+.\-\0]*:)?//$")
_URL_END = re.compile(r"(?:[/?#][^\s]*)?[.,;)\]'\">]*(?:\s|$)")
_CONNECT = re.compile(r"(?i)connect ")
_HTTP_VERSION = re.compile(r" HTTP/\d(?:\.\d)?")
KEY = "key"


def _trim(suffix: str) -> str:
    while suffix.endswith("\r\n"):
        suffix = suffix[:-2]
    return suffix


def _shape(prefix: str, suffix: str) -> bool:
    """The string says its left part is a host: a URL authority (``scheme://host:port``,
    without userinfo after the pair), a ``Host:`` header, a ``CONNECT host:port HTTP/1.x``."""
    if _CONNECT.fullmatch(prefix) and _HTTP_VERSION.fullmatch(suffix):
        return True
    if re.fullmatch(r"(?i)host:[ \t]*", prefix):
        return True
    if prefix.endswith("//") and "@" not in suffix.split("/", 1)[0]:
        return True
    return False


class _Facts:
    __slots__ = ("hosts", "ports", "plain", "other", "bracketed")

    def __init__(self) -> None:
        self.hosts: set[str] = set()
        self.ports: set[str] = set()
        self.plain: set[str] = set()  # every assignment is an IPv4 address or a DNS name
        self.other: set[str] = set()  # assigned something else somewhere
        self.bracketed: set[str] = set()  # a urllib3 parse_url() result or one of its parts


def _unwrap(node: cst.BaseExpression) -> cst.BaseExpression:
    """``str(x)``, ``int(x)``, ``x.encode("ascii")``, ``x.decode()`` -> ``x``."""
    node = unwrap_conversion(node)
    if (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Attribute)
        and node.func.attr.value in ("encode", "decode")
        and len(node.args) <= 2
    ):
        return node.func.value
    return node


def _whole_socket_address(node: cst.BaseExpression) -> bool:
    """``sock.getsockname()`` / ``sock.getpeername()`` itself, not a slice of it."""
    return (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Attribute)
        and node.func.attr.value in ("getsockname", "getpeername")
        and not node.args
    )


def _strip_slice(node: cst.BaseExpression) -> cst.BaseExpression:
    """``addr[:2]`` -> ``addr`` (the host and port of a 4-tuple IPv6 address)."""
    if isinstance(node, cst.Subscript) and len(node.slice) == 1:
        part = node.slice[0].slice
        if isinstance(part, cst.Slice) and part.step is None and (
            part.lower is None or (isinstance(part.lower, cst.Integer) and part.lower.value == "0")
        ) and isinstance(part.upper, cst.Integer) and part.upper.value == "2":
            return node.value
    return node


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
    URLs such as `f"http://{host}:{port}/path"`, `Host` header values, bytes templates
    (`b"CONNECT %s:%d HTTP/1.0\r\n"`, `b"Host: %s:%d"`), `netloc += ":" + str(port)` and
    `"{}:{}".format(*self.server_address)`, a whole `sock.getpeername()` handed to
    `create_connection()` (which unpacks `host, port`), templates split over lines
    (`("http://{host}:{port}/\n" "...").format(...)`) and an optional port suffix
    (`port_str = "" if port is None else f":{port}"`, then `f"{scheme}://{host}{port_str}"`). A whole `sock.getsockname()` or `getpeername()`
    formatted into two fields (`"%s:%s" % sock.getsockname()`) is reported wherever it is,
    log lines included: for an IPv6 socket the formatting raises `TypeError`.

    Evidence decides whether the parts are a host and a port; names only add to it:
    - origin: the parts came out of a socket address (`host, port = sock.getsockname()[:2]`,
      `conn, (h, p) = sock.accept()`, `addr[0]`, `transport.get_extra_info("peername")`);
    - use: the same values go into a socket call in the function (`connect((h, p))`,
      `create_connection`, `getaddrinfo(h, p)`, `host=`/`port=` keywords);
    - shape: the string says the left part is a host (`scheme://X:port`, `Host: X:port`,
      `CONNECT X:port HTTP/1.x`) or it goes to a call that takes one (`HTTPConnection`,
      `urlopen`, `ServerProxy`, ...); then a port (an integer, `%d`, a port by origin or name)
      is enough;
    - names: `host`, `ip`, `addr`, `server`, `peer`, ... and `port`, or the `{host}`/`{port}`
      fields of a template.
    A URL written inside a message (`log.info("Serving on http://%s:%d/ ..." % (h, p))`,
    `print(f"Open http://{host}:{port}/")`, `__str__`) is reported with medium confidence:
    people copy it to connect.

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
    operand (`"%s:%d" % addr`), for bytes templates (`str()` of bytes prints `b'...'`), for
    `netloc += ":" + str(port)` (the host is the text built so far), or when the host is a call.
    How the rule decided that a part is a host (name, origin, use or shape) does not change the
    rewrite, so these cases keep the tiers above.

    ## Exceptions
    A whole `getpeername()` handed to `create_connection()` is not reported in test code:
    test suites connect back to listeners they created AF_INET themselves.
    Not reported: hosts already bracketed (`f"[{host}]:{port}"`, `self._wrap_ipv6(h)`) or
    tested for a colon in the same function; plain host:port text in messages (logging,
    `print`, exceptions, `__repr__`, strings with spaces around the pair, values stored under
    names such as `msg`, `label`, `key`) unless it is a URL; expected values in `assert`s;
    dictionary keys and subscripts; pairs that are not host and port by name or origin
    (`(filename, lineno)`, `(user, password)`, `"%02d:%02d"`, `f"{prefix}:{id}"`).
    Hosts that never need brackets by construction are silent: string literals and module
    constants without a colon (`"localhost"`, `HOST = "127.0.0.1"`, `'a' if c else 'b'`),
    values of `socket.gethostname()`, `getfqdn()` (a DNS name), `inet_ntoa()` and
    `gethostbyname()` (IPv4 only), and the results of other calls with arguments (no evidence
    of a bare host). Left alone: `logger.info("http://%s:%d", host, port)` (logging's own
    arguments) and `string.Template`.
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
        # host + ":" + port, host + ":8080", host + b":" + port
        re.compile(rb"""\+\s*[rRuUbB]{0,2}["']:(?:["']\s*\+|[1-9][^\s"']*["'])"""),
        # ":".join((host, port)), ":".join(map(str, addr))
        re.compile(rb"""":"\.join\(\s*(?:[(\[]|map\s*\()"""),
        re.compile(rb"""':'\.join\(\s*(?:[(\[]|map\s*\()"""),
        # ":".join(hostport), the list built as [host] + append(port)
        re.compile(rb"""[uU]?["']:["']\.join\(\s*\w+\s*\)"""),
        # URLs inside texts: "running on http://%s:%d (...)", f"see http://{host}:{port} ..."
        re.compile(rb"""//%s:%"""),
        re.compile(rb"""//\{[^{}\n]*\}:(?:\{|[1-9])"""),
        # port_str = "" if port is None else f":{port}" (or ":%d" % port), later joined as
        # f"{scheme}://{host}{port_str}{path}"
        re.compile(rb"""f["']:\{[^{}\n]*\}["']"""),
        re.compile(rb"""["']:%[ds]["']\s*%"""),
        # create_connection(sock.getpeername()): a whole socket address, maybe via a local
        # (keyed on the call, so that only definitions that connect are kept whole)
        b"create_connection(",
        # b"CONNECT %s:%d HTTP/1.0\r\n"
        b"CONNECT %s:%",
        # netloc += ":" + str(port), netloc += ":%d" % port
        re.compile(rb"""\+=\s*[rRuUbB]?["']:(?:["']|%)"""),
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
        # Look-alikes that are no host:port, hosts that never need brackets, messages.
        'def f(filename, lineno):\n    where = "%s:%d" % (filename, lineno)\n    return where\n',
        'def f(port):\n    name = socket.gethostname()\n    url = f"http://{name}:{port}/"\n    return url\n',
        'def f(packed, port):\n    ip = socket.inet_ntoa(packed)\n    target = f"{ip}:{port}"\n    return target\n',
        'def f(sock):\n    host, port = sock.getsockname()[:2]\n    print("listening on %s:%d" % (host, port))\n',
        'def f(prefix, id):\n    key = f"{prefix}:{id}"\n    return key\n',
        'def f(module, func):\n    target = "{module}:{func}".format(module=module, func=func)\n    return target\n',
        'def f(h, m):\n    stamp = "%02d:%02d" % (h, m)\n    return stamp\n',
        'def f(sock):\n    host, port = sock.getpeername()[:2]\n    if ":" in host:\n        host = "[%s]" % host\n    return "http://%s:%d/" % (host, port)\n',
        'def f(port):\n    url = "http://%s:%d/" % ("localhost", port)\n    return url\n',
        'def f(a, b, host):\n    url = "ftp://%s:%s@%s/" % (a, b, host)\n    return url\n',
        'def f(log, host, port):\n    log.warning("cannot reach %s:%d, retrying" % (host, port))\n',
        'def f(conns, host, port):\n    return conns[f"http://{host}:{port}"]\n',
        'def f(port):\n    host = socket.gethostbyname(socket.gethostname())\n    return "%s:%d" % (host, port)\n',
        'def f(server):\n    url = "http://%s:%s" % (socket.gethostname(), server.server_address[1])\n    return url\n',
        'def f(key, value):\n    return b"%s:%s" % (key, value)\n',
        'def f(total, port):\n    total += ":" + str(port)\n    return total\n',
        # A list joined with ":" that is no host and port: a clock time, path entries.
        'def f(self):\n    parts = [self.hours]\n    parts.append(str(self.minutes))\n    return ":".join(parts)\n',
        'def f(self):\n    parts = [self.root]\n    for p in self.items:\n        parts.append(p)\n    return ":".join(parts)\n',
        # The host and port taken first, or an address that is not a socket's.
        'def f(self):\n    peer = self.sock.getpeername()[:2]\n    return self.handler.create_connection(peer)\n',
        'def f(self, peer):\n    return socket.create_connection(peer)\n',
        'def f(self):\n    peer = self.sock.getpeername()\n    peer = peer[:2]\n    return socket.create_connection(peer)\n',
        # An optional ":port" suffix after a bracketed host, or after something not a host.
        'def f(host, port, path):\n    if ":" in host:\n        host = f"[{host}]"\n'
        '    port_str = "" if port is None else f":{port}"\n    return f"http://{host}{port_str}{path}"\n',
        'def f(name, version):\n    tag = "" if version is None else f":{version}"\n    return f"docker://{name}{tag}"\n',
        # A multi-line message template whose fields are a clock time, not an address.
        'def f(h, m):\n    print("Started at {h}:{m} "\n          "(local time)".format(h=h, m=m))\n',
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
        'def serve(sock):\n    print("backdoor listening on %s:%s" % sock.getsockname())\n',
        'netloc = ":".join((host, str(port)))',
        'def host_header(scheme, host, port):\n    return host + b":" + intToBytes(port)\n',
        Invalid(
            'def f(addr):\n    return f"{addr[0]}:{addr[1]}"',
            fixed='def f(addr):\n    return f"[{addr[0]}]:{addr[1]}" if ":" in str(addr[0]) else f"{addr[0]}:{addr[1]}"',
        ),
        'def f(kwargs):\n    address = "{host}:{port}".format_map(kwargs)\n    return address',
        'def f(self):\n    peer = self.sock.getpeername()\n    return self.handler.create_connection(peer, timeout=5)\n',
        'import socket\ndef f(sock):\n    return socket.create_connection(sock.getpeername())\n',
        'class U:\n    def authority(self):\n        hostport = [self.host]\n        if self.port != 80:\n'
        '            hostport.append(str(self.port))\n        return ":".join(hostport)\n',
        Invalid('def f(host, port):\n    url = f"http://{host}:{port}" "/RPC2"\n', fixed=None),
        Invalid(
            'def f(scheme, host, port, path):\n    port_str = "" if port is None else f":{port}"\n'
            '    return f"{scheme}://{host}{port_str}{path}"\n',
            fixed=None,
        ),
        Invalid(
            'def f(host, port):\n    print("Running on http://{host}:{port}/\\n"\n'
            '          "(Press CTRL+C to quit)".format(host=host, port=port))\n',
            fixed=None,
        ),
        Invalid('def f(host, port):\n    url = ("http://%s:%d" "/RPC2") % (host, port)\n', fixed=None),
        # Evidence other than names: socket addresses, sinks, the string's shape.
        Invalid(
            'def f(sock):\n    host, port = sock.getsockname()[:2]\n    url = "http://%s:%d/" % (host, port)\n    return url\n',
            fixed='def f(sock):\n    host, port = sock.getsockname()[:2]\n    url = "http://[%s]:%d/" % (host, port) if ":" in str(host) else "http://%s:%d/" % (host, port)\n    return url\n',
        ),
        Invalid(
            'def f(sock):\n    a, b = sock.getpeername()[:2]\n    target = f"{a}:{b}"\n    return target\n',
            fixed='def f(sock):\n    a, b = sock.getpeername()[:2]\n    target = f"[{a}]:{b}" if ":" in str(a) else f"{a}:{b}"\n    return target\n',
        ),
        Invalid(
            'def f(listener):\n    conn, (rhost, rport) = listener.accept()\n    peer = rhost + ":" + str(rport)\n    return conn, peer\n',
            fixed='def f(listener):\n    conn, (rhost, rport) = listener.accept()\n    peer = ("[" + rhost + "]") + ":" + str(rport) if ":" in str(rhost) else rhost + ":" + str(rport)\n    return conn, peer\n',
        ),
        Invalid(
            'def f(h, p):\n    sock = socket.create_connection((h, p))\n    endpoint = f"{h}:{p}"\n    return sock, endpoint\n',
            fixed='def f(h, p):\n    sock = socket.create_connection((h, p))\n    endpoint = f"[{h}]:{p}" if ":" in str(h) else f"{h}:{p}"\n    return sock, endpoint\n',
        ),
        Invalid(
            'def f(srv, port):\n    url = "http://%s:%d/status" % (srv, port)\n    return url\n',
            fixed='def f(srv, port):\n    url = "http://[%s]:%d/status" % (srv, port) if ":" in str(srv) else "http://%s:%d/status" % (srv, port)\n    return url\n',
        ),
        Invalid(
            'def f(a, b):\n    return "https://{host}:{port}/v1".format(host=a, port=b)\n',
            fixed='def f(a, b):\n    return "https://[{host}]:{port}/v1".format(host=a, port=b) if ":" in str(a) else "https://{host}:{port}/v1".format(host=a, port=b)\n',
        ),
        Invalid(
            'def f(log, host, port):\n    log.info("Serving on http://%s:%d/ (press Ctrl-C to stop)" % (host, port))\n',
            fixed='def f(log, host, port):\n    log.info("Serving on http://[%s]:%d/ (press Ctrl-C to stop)" % (host, port) if ":" in str(host) else "Serving on http://%s:%d/ (press Ctrl-C to stop)" % (host, port))\n',
        ),
        Invalid(
            'def f(host, port):\n    print(f"Open http://{host}:{port}/ in a browser")\n',
            fixed='def f(host, port):\n    print(f"Open http://[{host}]:{port}/ in a browser" if ":" in str(host) else f"Open http://{host}:{port}/ in a browser")\n',
        ),
        Invalid(
            'def f(sock):\n    return "%s:%d" % sock.getpeername()[:2]\n',
            fixed=None,
        ),
        Invalid(
            'def f(transport):\n    peer = "%s:%s" % transport.get_extra_info("peername")[:2]\n    return peer\n',
            fixed=None,
        ),
        Invalid(
            'class Proxy:\n    def tunnel(self):\n        self.send(b"CONNECT %s:%d HTTP/1.0\\r\\n" % (self.proxy_host.encode("ascii"), self.proxy_port))\n',
            fixed=None,
        ),
        Invalid(
            'def f(sock, host, port):\n    sock.sendall(b"Host: %s:%d\\r\\n" % (host, port))\n',
            fixed=None,
        ),
        Invalid(
            'def f(netloc, port):\n    netloc += ":" + str(port)\n    return netloc\n',
            fixed=None,
        ),
        Invalid(
            'def f(netloc, port):\n    netloc += ":%d" % port\n    return netloc\n',
            fixed=None,
        ),
    )

    # -- the five spellings ----------------------------------------------------------------

    def visit_FormattedString(self, node: cst.FormattedString) -> None:
        parts = node.parts
        for i, part in enumerate(parts[:-1]):
            if not isinstance(part, cst.FormattedStringExpression):
                continue
            following = parts[i + 1]
            if part.conversion or part.format_spec or part.equal:
                continue
            if isinstance(following, cst.FormattedStringExpression):
                # f"{scheme}://{host}{port_str}{path}" with port_str = f":{port}" or "":
                # the colon comes in with the optional port.
                optional = self._optional_port(following)
                if optional is None:
                    continue
                prefix, suffix = _text(parts[:i]), _text(parts[i + 2 :])
                if self._pair_here(node, part.expression, optional, prefix, suffix):
                    self._consider(node, part.expression, prefix, suffix, None)
                    return
                continue
            if not isinstance(following, cst.FormattedStringText) or not following.value.startswith(":"):
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
            if not self._pair_here(node, part.expression, port_node or cst.Integer("80"), prefix, suffix):
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

    def _optional_port(self, part: cst.FormattedStringExpression) -> Optional[cst.BaseExpression]:
        """The port of ``{port_str}`` when its one local assignment is ``"" if port is None
        else f":{port}"`` (either order, ``":%d" % port`` and ``":" + str(port)`` too)."""
        if part.conversion or part.format_spec or not isinstance(part.expression, cst.Name):
            return None
        value = local_value(self, part.expression)
        if not isinstance(value, cst.IfExp):
            return None
        branches = [value.body, value.orelse]
        empty = [b for b in branches if string_value(b) == ""]
        if len(empty) != 1:
            return None
        other = branches[1] if empty[0] is branches[0] else branches[0]
        port: Optional[cst.BaseExpression] = None
        if (
            isinstance(other, cst.FormattedString)
            and len(other.parts) == 2
            and isinstance(other.parts[0], cst.FormattedStringText)
            and other.parts[0].value == ":"
            and isinstance(other.parts[1], cst.FormattedStringExpression)
            and not other.parts[1].format_spec
        ):
            port = other.parts[1].expression
        elif isinstance(other, cst.BinaryOperation) and string_value(other.left) in (":%d", ":%s", ":"):
            if isinstance(other.operator, (cst.Modulo, cst.Add)):
                port = _unwrap(other.right)
        if port is None or self._port(port) is NOT:
            return None
        if self._port(port) is None and not words(code_of(self, port)) & PORT_WORDS:
            return None
        return port

    def visit_BinaryOperation(self, node: cst.BinaryOperation) -> None:
        if isinstance(node.operator, cst.Modulo):
            self._percent(node)
        elif isinstance(node.operator, cst.Add):
            parent = self.parent(node)
            if isinstance(parent, cst.BinaryOperation) and isinstance(parent.operator, cst.Add):
                return  # only the whole chain
            self._concatenation(node)

    def visit_Call(self, node: cst.Call) -> None:
        if callee_name(node) == "create_connection":
            self._whole_address_connect(node)
            return
        func = node.func
        if not isinstance(func, cst.Attribute) or not isinstance(
            func.value, (cst.SimpleString, cst.ConcatenatedString)
        ):
            return  # a template split over lines ("...{host}:{port}/\n" "...").format() too
        if func.attr.value in ("format", "format_map"):
            self._format(node)
        elif func.attr.value == "join" and string_value(func.value) == ":" and len(node.args) == 1:
            self._join(node)

    def _whole_address_connect(self, node: cst.Call) -> None:
        """``create_connection(sock.getpeername())``, directly or through a local: the
        function unpacks ``host, port = address``, and an IPv6 socket's address is a 4-tuple
        (kazoo 2.0 ``client.command``)."""
        first = node.args[0] if node.args and node.args[0].keyword is None and not node.args[0].star else None
        if first is None or is_test_path(self.context.path):
            return  # test suites connect back to a listener they made AF_INET themselves
        value = first.value
        if isinstance(value, cst.Name):
            value = local_value(self, value)
        if value is None or not _whole_socket_address(value):
            return
        self.report(
            value,  # where [:2] goes: the getpeername() call, also when a local holds it
            "create_connection() unpacks (host, port), but an IPv6 socket's address is a"
            " 4-tuple (host, port, flowinfo, scope_id): pass getpeername()[:2]",
            confidence=Confidence.HIGH,
        )

    def _percent(self, node: cst.BinaryOperation) -> None:
        template = string_value(node.left)
        if template is None or ":" not in template:
            return
        conversions = [m for m in _PERCENT.finditer(template) if m.group("conv") != "%"]
        if (
            len(conversions) == 1
            and template.startswith(":")
            and template[1 : conversions[0].start()] == ""
            and conversions[0].group("conv") in "sdi"
        ):
            self._appended_port(node, node.right, template[conversions[0].end() :])
            return
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
            elif len(conversions) == 2 and _whole_socket_address(unwrap_conversion(right)):
                # "%s:%s" % sock.getsockname(): an AF_INET6 address is a 4-tuple, so the
                # formatting itself raises, in a log line as much as in a URL.
                self.report(
                    node,
                    "formatting a socket address as two fields raises TypeError for IPv6"
                    " sockets (their address is a 4-tuple (host, port, flowinfo, scope_id));"
                    " take [:2] and bracket a host that holds ':'",
                    confidence=Confidence.HIGH,
                )
                return
            elif len(conversions) == 2 and self._address_tuple(unwrap_conversion(right)):
                # "%s:%d" % sock.getpeername()[:2]
                self._consider(node, None, prefix, suffix, None)
                return
            if host is None or port is None:
                return
            if not self._pair_here(node, host, port, prefix, suffix, nxt.group("conv") in "di"):
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
                if len(fields) == 2 and len(star) == 1 and not positional and self._address_tuple(
                    unwrap_conversion(star[0].value)
                ):
                    self._consider(node, None, prefix, suffix, None)
                return
            if self._pair_here(node, host, port, prefix, suffix):
                synthetic = node.func.attr.value == "format_map" or not any(
                    host is a.value for a in node.args
                )
                builder = None if synthetic else self._retemplate(node, node.func.value, k, "{")
                self._consider(node, None if synthetic else host, prefix, suffix, builder)
            return

    def _appended_port(self, node: cst.BaseExpression, port, suffix: str) -> None:
        """``netloc += ":" + str(port)``, ``host += ":%d" % port``: the target is the host."""
        statement = self.parent(node)
        if not (
            isinstance(statement, cst.AugAssign)
            and isinstance(statement.operator, cst.AddAssign)
            and statement.value is node
        ):
            return
        target = statement.target
        found = name_words(target)
        if self._built_from_bracketed(target):
            return  # netloc = auth; netloc += host (a parse_url() host keeps its brackets)
        h = self._host(target)
        if h is NOT or (h is None and not found & {"netloc", "authority", "hostport", "location"}):
            return
        if self._port(port) is NOT or (self._port(port) is None and not isinstance(port, cst.Integer)):
            return
        if re.search(r"\s", _trim(suffix)):
            return
        self._consider(node, target, "", suffix, None)

    def _built_from_bracketed(self, target: cst.BaseExpression) -> bool:
        """Some assignment of ``target`` in the function (``=``, ``+=``, ``x or ""``) is a
        host that keeps its brackets (a part of urllib3's ``parse_url()``)."""
        facts = self._facts(target)
        if not facts.bracketed:
            return False
        code = code_of(self, target)
        for node in iter_nodes(enclosing_function(self, target)):
            if isinstance(node, cst.Assign) and any(
                code_of(self, t.target) == code for t in node.targets
            ):
                value = node.value
            elif isinstance(node, cst.AugAssign) and code_of(self, node.target) == code:
                value = node.value
            else:
                continue
            while isinstance(value, cst.BooleanOperation):
                value = value.left
            if code_of(self, _unwrap(value)) in facts.bracketed:
                return True
        return False

    def _concatenation(self, node: cst.BinaryOperation) -> None:
        operands: list[cst.BaseExpression] = []
        current: cst.BaseExpression = node
        while isinstance(current, cst.BinaryOperation) and isinstance(current.operator, cst.Add) and not current.lpar:
            operands.insert(0, current.right)
            current = current.left
        operands.insert(0, current)
        literals = [string_value(o) for o in operands]
        if literals[0] == ":" and len(operands) >= 2 and literals[1] is None:
            self._appended_port(node, operands[1], _joined(literals[2:]))
            return
        for i in range(len(operands) - 1):
            colon = literals[i + 1]
            if literals[i] is not None or colon is None or not colon.startswith(":"):
                continue
            if colon == ":" and i + 2 < len(operands) and literals[i + 2] is None:
                port = operands[i + 2]
                suffix = _joined(literals[i + 3 :])
            elif _LITERAL_PORT.match(colon):
                port = cst.Integer("80")
                suffix = _joined([_LITERAL_PORT.sub("", colon, count=1)] + literals[i + 2 :])
            else:
                continue
            host = operands[i]
            prefix = _joined(literals[:i])
            if not self._pair_here(node, host, port, prefix, suffix):
                continue
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
            if self._pair_here(node, host, port, "", ""):
                self._consider(node, host, "", "", None)
        elif isinstance(value, cst.Name):
            # hostport = [self.host]; hostport.append(str(self.port)); ":".join(hostport)
            pair = self._built_pair(value)
            if pair is not None and self._pair_here(node, pair[0], pair[1], "", ""):
                self._consider(node, pair[0], "", "", None)
        elif (
            isinstance(value, cst.Call)
            and isinstance(value.func, cst.Name)
            and value.func.value == "map"
            and len(value.args) == 2
            and self._address_tuple(value.args[1].value)
        ):
            self._consider(node, None, "", "", None)

    def _built_pair(self, name: cst.Name):
        """(host, port) when the one assignment of ``name`` is a one-element list and the
        function appends to it exactly once (the port, maybe only when not the default)."""
        value = local_value(self, name)
        if not isinstance(value, cst.List) or len(value.elements) != 1:
            return None
        appended = [
            call
            for call in iter_nodes(enclosing_function(self, name))
            if isinstance(call, cst.Call)
            and isinstance(call.func, cst.Attribute)
            and isinstance(call.func.value, cst.Name)
            and call.func.value.value == name.value
        ]
        if len(appended) != 1 or appended[0].func.attr.value != "append" or len(appended[0].args) != 1:
            return None
        port = appended[0].args[0].value
        if (
            isinstance(port, cst.Call)
            and isinstance(port.func, cst.Name)
            and port.func.value in ("unicode", "str", "bytes")
            and len(port.args) == 1
        ):
            port = port.args[0].value
        return value.elements[0].value, port

    # -- judging and reporting -------------------------------------------------------------

    def _is_host(self, node: cst.BaseExpression) -> bool:
        return self._host(node) in (NAMED, SHOWN)

    def _is_port(self, node: cst.BaseExpression) -> bool:
        return self._port(node) in (NAMED, SHOWN)

    def _pair_here(self, node, host, port, prefix: str, suffix: str, number: bool = False, labels=None) -> bool:
        """The pair check for one join: the parts' evidence, helped by the string's shape and
        by a sink the string goes to."""
        shape = _shape(prefix, _trim(suffix)) or self._strong_sink(node)
        if labels is not None:
            host_label, port_label = (words(label) for label in labels)
            if self._host(host) is None and host_label & HOST_WORDS and not host_label & NOT_ADDRESS_WORDS:
                host = cst.Name("host")  # "{host}:{port}".format(host=..., port=...)
            if self._port(port) is None and port_label & PORT_WORDS:
                port = cst.Name("port")
        return self._pair(host, port, number, shape)

    def _strong_sink(self, node) -> bool:
        """The string is an argument of a call that takes "host:port" or a URL."""
        parent = self.parent(node)
        if not isinstance(parent, cst.Arg):
            return False
        call = self.parent(parent)
        if not isinstance(call, cst.Call):
            return False
        called = callee_name(call)
        return called in _HOSTPORT_SINKS

    def _pair(self, host, port, port_is_number: bool = False, shape: bool = False) -> bool:
        """Whether ``host`` and ``port`` are a host and a port, on the evidence.

        ``shape``: the string itself says the left part is a host (a URL authority, a
        ``Host:`` header, a ``CONNECT`` request line); ``port_is_number``: a ``%d``.
        """
        h, p = self._host(host), self._port(port)
        if h is NOT or p is NOT:
            return False
        if p is None and port_is_number:
            p = NAMED
        if h is None:
            # An unnamed left part is a host when the string's shape or the right part's
            # origin (a socket address, a port that went into one) says so.
            return p is not None and (shape or p is SHOWN)
        if p is None:
            return h is SHOWN and shape
        return True

    def _host(self, node: cst.BaseExpression):
        """SHOWN (a socket address's host by origin or use), NAMED, NOT, or None (no idea)."""
        node = _unwrap(node)
        indexed = tuple_index(node)
        if indexed is not None:
            if self._address_tuple(indexed[0]):
                return SHOWN if indexed[1] == 0 else NOT
            return NOT if indexed[1] != 0 else None
        if isinstance(node, (cst.SimpleString, cst.ConcatenatedString, cst.Integer)):
            value = string_value(node)
            return None if value is not None and ":" in value else NOT
        if isinstance(node, cst.IfExp):
            # 'localhost' if os.name == 'nt' else '0.0.0.0': both sides decide
            sides = (self._host(node.body), self._host(node.orelse))
            return NOT if sides == (NOT, NOT) else (SHOWN if SHOWN in sides else None)
        if isinstance(node, cst.Call):
            called = callee_name(node)
            if called in _IPV4_OR_NAME_CALLS or (called == "getfqdn" and not node.args):
                return NOT  # socket.gethostname(): a DNS name; inet_ntoa(): IPv4
            if words(called) & {"wrap", "bracket", "brackets", "ipv6", "netloc", "quote", "format"}:
                return NOT  # self._wrap_ipv6(host): already bracketed
            if node.args and not _key_of(node):
                return NOT  # what a call with arguments makes is no evidence of a bare host
        if isinstance(node, cst.Name):
            constant = string_value(self.module_constant(node))
            if constant is not None and ":" not in constant:
                return NOT  # DEFAULT_HTTP_HOST = "127.0.0.1": never needs brackets
        found = name_words(node)
        if found & NOT_ADDRESS_WORDS or found & PORT_WORDS:
            return NOT  # user, key, time, ipv4 ...: not a host that needs brackets
        code = code_of(self, node)
        facts = self._facts(node)
        if code in facts.plain:
            return NOT  # inet_ntoa(), gethostbyname(), gethostname(), "localhost"
        if code in facts.bracketed or (
            isinstance(node, cst.Attribute) and node.attr.value == "host" and (
                _parse_url_call(node.value) or code_of(self, node.value) in facts.bracketed
            )
        ):
            return NOT  # urllib3's parse_url() keeps an IPv6 host's brackets: "[::1]"
        if code in facts.hosts:
            return SHOWN
        if found & HOST_WORDS:
            return NAMED
        if isinstance(node, cst.Name) and not found & MESSAGE_WORDS:
            value = local_value(self, node)
            if value is not None and value is not node:
                return self._host(value) if not isinstance(value, cst.Name) else None
        return None

    def _port(self, node: cst.BaseExpression):
        node = _unwrap(node)
        if isinstance(node, cst.Integer):
            return SHOWN
        indexed = tuple_index(node)
        if indexed is not None:
            if self._address_tuple(indexed[0]):
                return SHOWN if indexed[1] == 1 else NOT
            return None
        found = name_words(node)
        if found & {"key", "name", "list", "range"} or found & (NOT_ADDRESS_WORDS - {"id"}):
            return NOT
        if code_of(self, node) in self._facts(node).ports:
            return SHOWN
        if found & PORT_WORDS:
            return NAMED
        return None

    def _address_tuple(self, node: cst.BaseExpression, depth: int = 0) -> bool:
        """A (host, port) socket address: ``sock.getpeername()[:2]``, ``server_address``,
        ``transport.get_extra_info("peername")``, or a local name holding one."""
        node = _strip_slice(node)
        if is_address_tuple(node):
            return True
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
            if node.func.attr.value == "get_extra_info" and node.args:
                return string_value(node.args[0].value) in ("peername", "sockname")
        if isinstance(node, cst.Name) and depth == 0:
            value = local_value(self, node)
            if value is not None and not isinstance(value, cst.Name):
                return self._address_tuple(value, depth + 1)
        return False

    def _facts(self, node: cst.CSTNode) -> "_Facts":
        """What the function around ``node`` (and its class, for ``self.x``) says of values."""
        function = enclosing_function(self, node)
        scopes = [function]
        if isinstance(node, cst.Attribute) and isinstance(function, cst.FunctionDef):
            for ancestor in self.ancestors(function):
                if isinstance(ancestor, cst.ClassDef):
                    scopes.append(ancestor)
                    break
        facts = _Facts()
        for scope in scopes:
            key = ("v6502-facts", id(scope))
            cache = self.context.memo
            if key not in cache:
                cache[key] = (scope, self._collect(scope))
            found = cache[key][1]
            facts.hosts |= found.hosts
            facts.ports |= found.ports
            facts.plain |= found.plain
            facts.other |= found.other
            facts.bracketed |= found.bracketed
        # A name whose every assignment is a literal stays plain even when it also goes into
        # a socket call (``bind_hostname = "localhost"`` ... ``bind((bind_hostname, 0))``).
        facts.plain -= facts.other
        return facts

    def _collect(self, scope: cst.CSTNode) -> "_Facts":
        facts = _Facts()
        for node in iter_nodes(scope):
            if isinstance(node, cst.Assign):
                value = node.value
                for target in node.targets:
                    self._assigned(facts, target.target, value)
            elif isinstance(node, (cst.AugAssign, cst.AnnAssign)) and node.value is not None:
                if isinstance(node, cst.AnnAssign):
                    self._assigned(facts, node.target, node.value)
                elif isinstance(node.target, (cst.Name, cst.Attribute)):
                    facts.other.add(code_of(self, node.target))
            elif isinstance(node, cst.Call):
                self._call_facts(facts, node)
        return facts

    def _assigned(self, facts: "_Facts", target, value) -> None:
        if isinstance(target, (cst.Tuple, cst.List)):
            elements = [e.value for e in target.elements]
            if isinstance(value, (cst.Tuple, cst.List)) and len(value.elements) == len(elements):
                for element, part in zip(elements, value.elements):
                    if not isinstance(part, cst.StarredElement):
                        self._assigned(facts, element, part.value)
                return
            if _parse_url_call(value):
                # scheme, auth, host, port, ... = parse_url(url): urllib3 keeps the brackets
                facts.bracketed.update(code_of(self, e) for e in elements)
            for element in elements:
                if isinstance(element, (cst.Name, cst.Attribute)):
                    facts.other.add(code_of(self, element))  # not a literal assignment
            if len(elements) >= 2 and self._address_tuple(value, 1):
                facts.hosts.add(code_of(self, elements[0]))
                facts.ports.add(code_of(self, elements[1]))
            elif (
                len(elements) == 2
                and isinstance(value, cst.Call)
                and isinstance(value.func, cst.Attribute)
                and value.func.attr.value in ("accept", "recvfrom")
                and isinstance(elements[1], (cst.Tuple, cst.List))
                and len(elements[1].elements) >= 2
            ):
                # conn, (host, port) = sock.accept()
                facts.hosts.add(code_of(self, elements[1].elements[0].value))
                facts.ports.add(code_of(self, elements[1].elements[1].value))
            return
        if not isinstance(target, (cst.Name, cst.Attribute)):
            return
        code = code_of(self, target)
        indexed = tuple_index(value)
        if indexed is not None and self._address_tuple(indexed[0], 1):
            (facts.hosts if indexed[1] == 0 else facts.ports).add(code)
            facts.other.add(code)
            return
        if _parse_url_call(value):
            facts.bracketed.add(code)  # url = parse_url(text): url.host keeps the brackets
        literal = string_value(value)
        if literal is not None and ":" not in literal and literal.strip():
            facts.plain.add(code)
            return
        if isinstance(value, cst.Call):
            called = callee_name(value)
            if called in _IPV4_OR_NAME_CALLS or (called == "getfqdn" and not value.args):
                facts.plain.add(code)
                return
        facts.other.add(code)

    def _call_facts(self, facts: "_Facts", call: cst.Call) -> None:
        called = callee_name(call)
        if called in _SOCKADDR_CALLS:
            for arg in call.args:
                if isinstance(arg.value, cst.Tuple) and len(arg.value.elements) in (2, 4):
                    first, second = arg.value.elements[0].value, arg.value.elements[1].value
                    if not isinstance(_unwrap(first), (cst.SimpleString, cst.Integer)):
                        facts.hosts.add(code_of(self, _unwrap(first)))
                    facts.ports.add(code_of(self, _unwrap(second)))
                    break
        elif called in _HOST_PORT_CALLS:
            positional = [a.value for a in call.args if a.keyword is None and not a.star]
            offset = _HOST_PORT_CALLS[called]
            if len(positional) >= offset + 2:
                host, port = _unwrap(positional[offset]), _unwrap(positional[offset + 1])
                if not isinstance(host, (cst.SimpleString, cst.Integer)):
                    facts.hosts.add(code_of(self, host))
                facts.ports.add(code_of(self, port))
        for arg in call.args:
            if arg.keyword is not None and arg.keyword.value in ("host", "hostname", "server_hostname"):
                facts.hosts.add(code_of(self, _unwrap(arg.value)))
            elif arg.keyword is not None and arg.keyword.value == "port":
                facts.ports.add(code_of(self, _unwrap(arg.value)))

    def _consider(self, node, host, prefix: str, suffix: str, bracketed) -> None:
        suffix = _trim(suffix)
        plain = bool(_PREFIX_OK.fullmatch(prefix)) and not re.search(r"\s", suffix)
        request_line = bool(_CONNECT.fullmatch(prefix) and _HTTP_VERSION.fullmatch(suffix))
        # A URL inside a text ("running on http://%s:%d/ ..."): what people copy to connect.
        in_text = bool(_URL_IN_TEXT.search(prefix) and _URL_END.match(suffix)) and (
            "@" not in suffix.split("/", 1)[0]
        )
        if not (plain or request_line or in_text):
            return
        context = self._context(node)
        if context is KEY:
            return
        if context is None and not in_text:
            return  # a message, a repr: only the URLs in it are reported
        if host is not None:
            aware = awareness(self, node)
            if aware.brackets or code_of(self, _unwrap(host)) in aware.colon_tests:
                return
        elif awareness(self, node).brackets:
            return
        if context is None:
            confidence = Confidence.MEDIUM
        elif request_line or "//" in prefix or "host" in prefix.lower() or context:
            confidence = Confidence.HIGH
        else:
            confidence = Confidence.MEDIUM
        fix = None
        if host is not None and bracketed is not None and not _is_bytes(node):
            fix = self._fix(node, unwrap_conversion(host), bracketed)
        self.report(
            node,
            "host:port built without brackets: an IPv6 host gives an ambiguous"
            ' "2001:db8::1:80"; write "[host]:port" when the host contains ":"',
            confidence=confidence,
            fix=fix,
        )

    def _context(self, node: cst.CSTNode):
        """KEY for a key, None for a message; else whether it clearly is an address."""
        function = enclosing_function(self, node)
        if isinstance(function, cst.FunctionDef) and function.name.value in _REPR_FUNCTIONS:
            return None
        child: cst.CSTNode = node
        in_call = False
        for ancestor in self.ancestors(node):
            if isinstance(ancestor, cst.Assert):
                return KEY  # an expected value in a test, not an address being built
            if isinstance(ancestor, (cst.Raise, cst.FormattedStringExpression)):
                return None
            if isinstance(ancestor, cst.SubscriptElement):
                return KEY
            if isinstance(ancestor, cst.DictElement):
                if child is ancestor.key:
                    return KEY
                key = string_value(ancestor.key)
                return bool(key and words(key) & ADDRESS_SINK_WORDS)
            if isinstance(ancestor, cst.Arg) and ancestor.keyword is not None:
                found = words(ancestor.keyword.value)
                if found & MESSAGE_WORDS:
                    return None
                if found & ADDRESS_SINK_WORDS:
                    return True
            if isinstance(ancestor, cst.Call) and child is not ancestor.func:
                called = callee_name(ancestor)
                if called in MESSAGE_CALLS or (
                    called and called.endswith(("Error", "Exception", "Warning"))
                ):
                    return None
                if called in SINK_CALLS:
                    return True
                func = ancestor.func
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


# Parsers whose host keeps an IPv6 literal's brackets: urllib3's parse_url (requests uses it
# too: ``parse_url("http://[::1]:80").host == "[::1]"``) and urllib.parse's splitport, whose
# ``(.*):([0-9]*)`` leaves "[::1]" whole.
_BRACKET_KEEPING_PARSERS = frozenset({"parse_url", "splitport", "_splitport", "splitnport",
                                      "_splitnport"})


def _parse_url_call(node: cst.BaseExpression) -> bool:
    """``parse_url(text)``, ``_splitport(authority)``: a parser whose host keeps the brackets
    of an IPv6 literal (``"[::1]"``)."""
    if not isinstance(node, cst.Call):
        return False
    called = callee_name(node)
    return called in _BRACKET_KEEPING_PARSERS


def _is_bytes(node: cst.CSTNode) -> bool:
    """A bytes template: ``str(host)`` in a fix would print ``b'...'`` (and warn under -b)."""
    for literal in iter_nodes(node):
        if isinstance(literal, cst.SimpleString) and "b" in literal.prefix.lower():
            return True
    return False


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
