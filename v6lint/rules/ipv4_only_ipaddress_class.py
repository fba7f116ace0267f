"""V6604: ipaddress IPv4-only classes applied to input of either family."""

from __future__ import annotations

import libcst as cst

from v6lint.model import Confidence, FixSafety, Severity
from libcst.metadata import Assignment, ScopeProvider

from v6lint.rules._addressing import enclosing_function, name_words
from v6lint.rules._vocabulary import words
from v6lint.rules._base import Invalid, PendingFix, Rule, argument, iter_nodes, string_value

CLASSES = {
    "ipaddress.IPv4Address": "ip_address",
    "ipaddress.IPv4Network": "ip_network",
    "ipaddress.IPv4Interface": "ip_interface",
}
_VALUE_ERRORS = frozenset({"ValueError", "AddressValueError", "NetmaskValueError", "Exception",
                           "BaseException"})
# Names that say the code is choosing between families, or that the data is IPv4 by name.
_FAMILY_WORDS = frozenset({"ipv4", "v4", "inet4", "ipv6", "v6", "inet6", "version", "family"})
_IPV6_NAMES = frozenset({"ipaddress.IPv6Address", "ipaddress.IPv6Network",
                         "ipaddress.IPv6Interface", "ipaddress.ip_address",
                         "ipaddress.ip_network", "ipaddress.ip_interface", "socket.AF_INET6"})


class Ipv4OnlyIpaddressClass(Rule):
    """
    ## What it finds
    `ipaddress.IPv4Address(x)`, `ipaddress.IPv4Network(x)` and `ipaddress.IPv4Interface(x)`
    called on a value that could hold either family: a parameter, request or config data, a
    variable. Reported however the class was imported.

    ## Why it breaks on IPv6
    These constructors accept IPv4 only and raise `AddressValueError` for `"2001:db8::1"`:
    code that parses peers, allowlists or CIDRs with them rejects every IPv6 client, and on
    an IPv6-only host that is every client.

    ## Example
    ```python
    client = ipaddress.IPv4Address(request.remote_addr)
    ```

    ## Fix
    Use the factory functions, which return the IPv4 or IPv6 class as the text requires:
    ```python
    client = ipaddress.ip_address(request.remote_addr)
    ```
    (`ip_network`, `ip_interface` likewise). Code after it may need to accept both classes
    (`.version`, `.max_prefixlen`, 16-byte `.packed`).

    ## Fix safety
    The fix (renaming the call to the factory) is **unsafe**. For IPv4 text it returns an
    equal `IPv4Address`, but: invalid input raises plain `ValueError` instead of
    `AddressValueError`, so an `except ipaddress.AddressValueError:` stops catching it;
    integers of 2**32 and more and 16-byte values, which used to raise, now give IPv6
    addresses; and every caller then has to cope with `IPv6Address` objects (128-bit `int()`,
    16-byte `packed`, no IPv4-only methods). Apply it with `--unsafe-fixes` after checking the
    code that uses the result.

    ## Exceptions
    Not reported: `isinstance()` checks and type annotations (no call), literal constants
    (`IPv4Network("10.0.0.0/8")`, also through a module constant or a loop over literal
    strings: IPv4 by nature), values that already are IPv4 objects, calls in functions named
    for IPv4 (`is_ipv4`, a schema's "ipv4" format checker), calls under
    `with pytest.raises(...)`/`assertRaises`, 4-byte slices of a packet, values named `ipv4`/`v4`, calls
    inside a branch that tested the family or version, and "is this IPv4?" predicates: a call
    in a `try` that catches `ValueError`/`AddressValueError` in a function named for IPv4
    (`is_ipv4`) or one that also handles IPv6 (`IPv6Address`, `ip_address`, `AF_INET6`).
    A `try` that only turns the error into a rejection is reported with medium confidence:
    it still refuses IPv6 input.
    """

    code = "V6604"
    name = "ipv4-only-ipaddress-class"
    summary = "ipaddress IPv4-only classes used on input of either family"
    message = "IPv4Address/IPv4Network/IPv4Interface reject IPv6 input"
    severity = Severity.WARNING
    precision = "high"
    fix_safety = FixSafety.UNSAFE
    tags = ("validation", "ipaddress")
    triggers = (b"IPv4Address", b"IPv4Network", b"IPv4Interface")

    VALID = (
        'import ipaddress\nPRIVATE = [ipaddress.IPv4Network("10.0.0.0/8")]',
        'import ipaddress\nif isinstance(addr, ipaddress.IPv4Address):\n    pass',
        'from ipaddress import IPv4Address, IPv6Address\nfrom typing import Union\n'
        'Address = Union[IPv4Address, IPv6Address]',
        'import ipaddress\ndef is_ipv4(value):\n    try:\n        ipaddress.IPv4Address(value)\n'
        '        return True\n    except ipaddress.AddressValueError:\n        return False',
        'import ipaddress\ndef parse(value):\n    try:\n        return ipaddress.IPv4Address(value)\n'
        '    except ValueError:\n        return ipaddress.IPv6Address(value)',
        'import ipaddress\nNETS = [ipaddress.IPv4Network(n) for n in ("10.0.0.0/8", "192.168.0.0/16")]',
        'import ipaddress\nsrc = ipaddress.IPv4Address(packet[12:16])',
        'import ipaddress, socket\ndef f(family, text):\n    if family == socket.AF_INET:\n'
        '        return ipaddress.IPv4Address(text)',
        'import ipaddress\nv4 = ipaddress.IPv4Address(ipv4_text)',
        'import ipaddress\nip = ipaddress.IPv4Address("192.0.2.1")\nnet = ipaddress.IPv4Network((ip, 32))',
        'import ipaddress, pytest\nwith pytest.raises(ValueError):\n    ipaddress.IPv4Address(bad)',
        'import ipaddress\ndef is_ipv4(instance):\n    return bool(ipaddress.IPv4Address(instance))',
    )
    INVALID = (
        Invalid(
            'import ipaddress\nclient = ipaddress.IPv4Address(request.remote_addr)\n',
            fixed='import ipaddress\nclient = ipaddress.ip_address(request.remote_addr)\n',
        ),
        Invalid(
            'from ipaddress import IPv4Network\ndef allowed(cidr):\n    return IPv4Network(cidr, strict=False)\n',
            fixed='from ipaddress import IPv4Network\nimport ipaddress\ndef allowed(cidr):\n'
            '    return ipaddress.ip_network(cidr, strict=False)\n',
        ),
        Invalid(
            'import ipaddress\ndef valid(value):\n    try:\n        ipaddress.IPv4Address(value)\n'
            '    except ValueError:\n        raise SystemExit("bad address")',
            fixed='import ipaddress\ndef valid(value):\n    try:\n        ipaddress.ip_address(value)\n'
            '    except ValueError:\n        raise SystemExit("bad address")',
        ),
        Invalid(
            'import ipaddress\niface = ipaddress.IPv4Interface(config["address"])',
            fixed='import ipaddress\niface = ipaddress.ip_interface(config["address"])',
        ),
    )

    def visit_Call(self, node: cst.Call) -> None:
        name = self.called_name(node, CLASSES)
        if name is None:
            return
        value_arg = argument(node, 0, "address")
        if value_arg is None or value_arg.star:
            return
        value = value_arg.value
        if self._ipv4_by_nature(value) or self._in_family_branch(node) or self._expects_error(node):
            return
        function = enclosing_function(self, node)
        if isinstance(function, cst.FunctionDef) and words(function.name.value) & {"ipv4", "v4", "inet4"}:
            return  # is_ipv4(), jsonschema's "ipv4" format checker
        confidence = Confidence.HIGH
        handler = self.enclosing_handler(node, _VALUE_ERRORS)
        if handler is not None:
            if self._predicate(node):
                return
            confidence = Confidence.MEDIUM
        factory = CLASSES[name]
        if isinstance(node.func, cst.Attribute):
            new_func: cst.BaseExpression = node.func.with_changes(attr=cst.Name(factory))
            imports: tuple[str, ...] = ()
        else:
            new_func = cst.Attribute(cst.Name("ipaddress"), cst.Name(factory))
            imports = ("ipaddress",)
        self.report(
            node,
            f"{name.rsplit('.', 1)[1]}() rejects IPv6 input with AddressValueError; use"
            f" ipaddress.{factory}(), which accepts both families",
            confidence=confidence,
            fix=PendingFix(
                f"Use ipaddress.{factory}()",
                FixSafety.UNSAFE,
                [(node.func, new_func)],
                imports=imports,
            ),
        )

    # -- the exceptions --------------------------------------------------------------------

    def _ipv4_by_nature(self, value: cst.BaseExpression) -> bool:
        resolved = self.module_constant(value)
        if self._literal(resolved) or self._ipv4_object(resolved):
            return True
        if isinstance(value, cst.Tuple) and value.elements:
            # IPv4Network((address, prefix)): the address decides.
            return self._ipv4_by_nature(value.elements[0].value)
        if isinstance(value, cst.Attribute) and self.resolves_to_any(value.value, CLASSES):
            return True  # IPv4Address._ALL_ONES
        if isinstance(value, cst.Name):
            values = self._assigned_values(value)
            if values and all(self._literal(v) or self._ipv4_object(v) for v in values):
                return True
            if self._loops_over_literals(value):
                return True
        if isinstance(value, cst.Subscript) and len(value.slice) == 1:
            window = value.slice[0].slice
            if (
                isinstance(window, cst.Slice)
                and isinstance(window.lower, cst.Integer)
                and isinstance(window.upper, cst.Integer)
                and int(window.upper.value) - int(window.lower.value) == 4
            ):
                return True  # four bytes of an IPv4 header
        return bool(name_words(value) & {"ipv4", "v4", "inet4"})

    def _assigned_values(self, name: cst.Name) -> list[cst.BaseExpression]:
        """Every value assigned to ``name`` in its scope; [] if one is not a plain assignment."""
        try:
            scope = self.get_metadata(ScopeProvider, name, None)
            assignments = list(scope[name.value]) if scope is not None else []
        except Exception:
            return []
        values = []
        for assignment in assignments:
            if not isinstance(assignment, Assignment):
                return []
            holder = self.parent(assignment.node)
            statement = self.parent(holder) if isinstance(holder, cst.AssignTarget) else None
            if not isinstance(statement, cst.Assign) or len(statement.targets) != 1:
                return []
            values.append(statement.value)
        return values

    def _ipv4_object(self, node: cst.BaseExpression) -> bool:
        """Already an IPv4 object: ``ip = IPv4Address("192.0.2.1")``."""
        return isinstance(node, cst.Call) and self.called_name(node, CLASSES) is not None

    @staticmethod
    def _literal(node: cst.BaseExpression) -> bool:
        if isinstance(node, (cst.SimpleString, cst.ConcatenatedString, cst.Integer)):
            return True
        if isinstance(node, cst.Tuple):
            return all(isinstance(e.value, (cst.SimpleString, cst.Integer)) for e in node.elements)
        return False

    def _loops_over_literals(self, name: cst.Name) -> bool:
        for ancestor in self.ancestors(name):
            loop = None
            if isinstance(ancestor, (cst.ListComp, cst.SetComp, cst.GeneratorExp, cst.DictComp)):
                loop = ancestor.for_in
            elif isinstance(ancestor, cst.For):
                loop = ancestor
            if loop is not None and isinstance(loop.target, cst.Name) and loop.target.value == name.value:
                iterable = self.module_constant(loop.iter)
                if isinstance(iterable, (cst.List, cst.Tuple, cst.Set)):
                    return all(
                        string_value(e.value) is not None for e in iterable.elements
                    )
                return False
            if isinstance(ancestor, (cst.FunctionDef, cst.ClassDef)):
                return False
        return False

    def _expects_error(self, node: cst.CSTNode) -> bool:
        """``with self.assertRaises(...)``: a test that feeds bad input on purpose."""
        for ancestor in self.ancestors(node):
            if isinstance(ancestor, cst.With):
                for item in ancestor.items:
                    call = item.item
                    if isinstance(call, cst.Call):
                        func = call.func
                        called = func.attr.value if isinstance(func, cst.Attribute) else (
                            func.value if isinstance(func, cst.Name) else ""
                        )
                        if "raises" in called.lower() or called.lower().startswith("assert"):
                            return True
            if isinstance(ancestor, (cst.FunctionDef, cst.ClassDef)):
                return False
        return False

    def _in_family_branch(self, node: cst.CSTNode) -> bool:
        for ancestor in self.ancestors(node):
            test = None
            if isinstance(ancestor, (cst.If, cst.IfExp, cst.While)):
                test = ancestor.test
            elif isinstance(ancestor, cst.BooleanOperation):
                test = ancestor.left
            if test is not None:
                code = self.context.module.code_for_node(test)
                if words(code) & _FAMILY_WORDS or "AF_INET" in code or '":"' in code or "':'" in code:
                    return True
            if isinstance(ancestor, (cst.FunctionDef, cst.ClassDef)):
                return False
        return False

    def _predicate(self, node: cst.CSTNode) -> bool:
        function = enclosing_function(self, node)
        if isinstance(function, cst.FunctionDef) and words(function.name.value) & {"ipv4", "v4", "inet4"}:
            return True
        for other in iter_nodes(function):
            if isinstance(other, (cst.Name, cst.Attribute)) and self.resolves_to_any(other, _IPV6_NAMES):
                return True
        return False
