"""Code that writes or reads an IPv4-only protocol field on purpose (issue #13).

Some wire formats carry a 4-byte address and nothing else: the SOCKS4 request and reply,
DNS ``A`` and ``WKS`` record data, RADIUS ``NAS-IP-Address`` / ``Framed-IP-Address``
attribute values. Their IPv6 counterparts are other messages (SOCKS5 address type 4, an
``AAAA`` record, ``NAS-IPv6-Address`` / ``Framed-IPv6-Prefix``), so there is nothing to fix in
the code that fills the IPv4 field. Each test here needs a name AND evidence in the code:

- SOCKS4: a class or function named ``socks4`` / ``socksv4`` whose function builds the SOCKS4
  header, ``struct.pack("!BBH", version, command, port) + <4-byte address>``; a resolver call
  counts only as the argument of ``inet_aton`` (the value that goes into the field).
- DNS: a class named ``<prefix>A`` or ``<prefix>WKS`` (``Record_A``) in a module that also
  defines ``<prefix>AAAA``, the record type that carries IPv6.
- RADIUS: a literal that is the value stored under an IPv4 attribute key whose IPv6 twin
  attribute exists (RFC 3162, RFC 6911): ``req["NAS-IP-Address"] = "..."``, a dict entry, or
  the keyword form ``NAS_IP_Address="..."``. That value is attribute data, not a peer.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

import libcst as cst

from v6lint.rules._addressing import enclosing_scopes
from v6lint.rules._base import iter_nodes, string_value

if TYPE_CHECKING:
    from v6lint.rules._base import Rule

_SOCKS4_NAME = re.compile(r"socks_?v?4", re.IGNORECASE)
# VN, CD (one byte each), DSTPORT (two bytes): the first 4 bytes of a SOCKS4 request/reply.
_SOCKS4_HEADER = re.compile(r"^[@=<>!]?BBH$")
_ATON = frozenset({"socket.inet_aton", "_socket.inet_aton"})
_DNS_IPV4_TYPES = ("WKS", "A")
# RADIUS attributes that hold one IPv4 address, each with its IPv6 twin attribute.
RADIUS_IPV4_ATTRIBUTES = {
    "NAS-IP-Address": "NAS-IPv6-Address",  # RFC 3162
    "Framed-IP-Address": "Framed-IPv6-Address",  # RFC 6911 (and Framed-IPv6-Prefix)
    "Login-IP-Host": "Login-IPv6-Host",  # RFC 3162
}
_RADIUS_KEYWORDS = frozenset(k.replace("-", "_") for k in RADIUS_IPV4_ATTRIBUTES)


def ipv4_protocol_field(rule: "Rule", node: cst.CSTNode) -> Optional[str]:
    """Which IPv4-only protocol field ``node`` belongs to (``"SOCKS4"``, ``"DNS A"``,
    ``"RADIUS NAS-IP-Address"``), or None."""
    return _radius_value(rule, node) or _dns_record(rule, node) or _socks4(rule, node)


def _socks4(rule: "Rule", node: cst.CSTNode) -> Optional[str]:
    scopes = list(enclosing_scopes(rule, node))
    if not any(_SOCKS4_NAME.search(s.name.value) for s in scopes):
        return None
    function = next((s for s in scopes if isinstance(s, cst.FunctionDef)), None)
    if function is None or not _packs_socks4_header(rule, function):
        return None
    if isinstance(node, cst.Call) and rule.called_name(node, _ATON) is None and not (
        rule.called_name(node, {"socket.inet_ntoa", "_socket.inet_ntoa"})
    ):
        # A resolver (gethostbyname): only as the text that inet_aton packs into the field.
        arg = rule.parent(node)
        outer = rule.parent(arg) if isinstance(arg, cst.Arg) else None
        if not (isinstance(outer, cst.Call) and rule.called_name(outer, _ATON)):
            return None
    param = next((a for a in rule.ancestors(node) if isinstance(a, cst.Param)), None)
    if param is not None and not _packed_by_aton(rule, function, param.name.value):
        return None  # a default that goes somewhere other than the 4-byte field
    return "SOCKS4"


def _packs_socks4_header(rule: "Rule", function: cst.FunctionDef) -> bool:
    """``struct.pack(">BBH", 4, 1, port) + address`` somewhere in ``function``."""
    for other in iter_nodes(function):
        if isinstance(other, cst.BinaryOperation) and isinstance(other.operator, cst.Add):
            left = other.left
            if (
                isinstance(left, cst.Call) and rule.called_name(left, {"struct.pack"})
                and left.args and _SOCKS4_HEADER.match(string_value(left.args[0].value) or "")
                and len(left.args) == 4
            ):
                return True
    return False


def _packed_by_aton(rule: "Rule", function: cst.FunctionDef, name: str) -> bool:
    for other in iter_nodes(function.body):
        if isinstance(other, cst.Call) and rule.called_name(other, _ATON) and other.args:
            value = other.args[0].value
            if isinstance(value, cst.Name) and value.value == name:
                return True
    return False


def _dns_record(rule: "Rule", node: cst.CSTNode) -> Optional[str]:
    module = rule.context.module
    classes = None
    for scope in enclosing_scopes(rule, node):
        if not isinstance(scope, cst.ClassDef):
            continue
        name = scope.name.value
        for kind in _DNS_IPV4_TYPES:
            prefix = name[: -len(kind)]
            if not name.endswith(kind) or not prefix or not prefix.endswith("_"):
                continue
            if classes is None:
                classes = {
                    s.name.value for s in module.body if isinstance(s, cst.ClassDef)
                }
            if prefix + "AAAA" in classes:
                return f"DNS {kind}"
    return None


def _radius_value(rule: "Rule", node: cst.CSTNode) -> Optional[str]:
    if not isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
        return None
    parent = rule.parent(node)
    key: Optional[str] = None
    if isinstance(parent, cst.DictElement) and parent.value is node:
        key = string_value(parent.key)
    elif isinstance(parent, cst.Arg) and parent.value is node and parent.keyword is not None:
        if parent.keyword.value in _RADIUS_KEYWORDS:
            return "RADIUS " + parent.keyword.value.replace("_", "-")
    elif isinstance(parent, cst.Assign) and parent.value is node and len(parent.targets) == 1:
        target = parent.targets[0].target
        if isinstance(target, cst.Subscript) and len(target.slice) == 1:
            index = target.slice[0].slice
            if isinstance(index, cst.Index):
                key = string_value(index.value)
    if key in RADIUS_IPV4_ATTRIBUTES:
        return "RADIUS " + key
    return None
