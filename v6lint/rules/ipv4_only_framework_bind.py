"""V6801: a web framework or server told to listen on "0.0.0.0" or "127.0.0.1"."""

from __future__ import annotations

import re
from typing import Optional

import libcst as cst

from v6lint.model import Confidence, FixSafety, Severity
from v6lint.rules._addresses import AddressContext
from v6lint.rules._vocabulary import LiteralAddress, parse_literal
from v6lint.rules._base import Invalid, PendingFix, string_value

_FIX_TEXT = {
    "ipv6-any": 'Listen on "::" (dual-stack where IPV6_V6ONLY is off)',
    "none-host": "Pass host=None (binds every address family)",
    "empty-host": 'Pass address="" (binds every address family)',
}


class Ipv4OnlyFrameworkBind(AddressContext):
    """
    ## What it finds
    Servers and frameworks told to listen on `"0.0.0.0"` or `"127.0.0.1"`:
    Flask `app.run(host=...)`, werkzeug `run_simple`/`make_server`, uvicorn
    `run(host=...)`/`Config(host=...)`, Hypercorn `config.bind = [...]`, aiohttp
    `web.run_app(host=...)`/`TCPSite(runner, host)`, `asyncio.start_server(cb, host)` and
    `loop.create_server(factory, host)`, Tornado `app.listen(port, address=...)`, gunicorn's
    module-level `bind = "0.0.0.0:8000"` in a gunicorn config file, `{"bind": ...}` options
    of a gunicorn/Hypercorn application, `["gunicorn", "--bind", "0.0.0.0:8000"]` command
    lines, and Django `call_command("runserver", "0.0.0.0:8000")`, `[..., "runserver",
    "0.0.0.0:8000"]` or a runserver command's `default_addr`. Module-level constants are
    followed (`HOST = "0.0.0.0"` ... `app.run(host=HOST)`).

    ## Why it breaks on IPv6
    The service accepts IPv4 connections only; on an IPv6-only host the bind fails at start-up
    (`"0.0.0.0"`) or the loopback does not exist (`"127.0.0.1"`), and on a dual-stack host
    clients that resolve the service's name or `localhost` to an IPv6 address are refused.

    ## Example
    ```python
    app = Flask(__name__)
    app.run(host="0.0.0.0", port=8000)
    ```

    ## Fix
    - werkzeug/Flask, gunicorn, Hypercorn and Django runserver bind `"::"` (`"[::]:8000"`)
      on an `AF_INET6` socket without setting `IPV6_V6ONLY`, which on Linux (with the default
      `net.ipv6.bindv6only=0`) also accepts IPv4 clients as `::ffff:a.b.c.d`.
    - asyncio-based servers (`asyncio.start_server`, `loop.create_server`, aiohttp) set
      `IPV6_V6ONLY` on every IPv6 socket, so `"::"` would drop IPv4; pass `host=None`
      instead, which opens one socket per family.
    - Tornado: `address=""` binds every family.
    - uvicorn (single process) listens through `loop.create_server` too, but needs a host:
      create a dual-stack socket yourself (`socket.create_server(("::", port),
      family=socket.AF_INET6, dualstack_ipv6=True)`) and pass it to
      `uvicorn.Server(config).run(sockets=[sock])`, or run it under gunicorn with `[::]`.
    - `"127.0.0.1"`: listen on both loopbacks (`"::1"` and `"127.0.0.1"`; asyncio servers
      accept `host=["127.0.0.1", "::1"]` or `"localhost"`).

    ## Fix safety
    Every offered fix is **unsafe**: it changes exposure (the service becomes reachable over
    IPv6, including from networks a firewall for IPv4 did not cover), and `"::"` is only
    dual-stack where `IPV6_V6ONLY` is off: Windows and OpenBSD default it on (OpenBSD cannot
    clear it), and Linux hosts with `net.ipv6.bindv6only=1` do too, so there the service
    would stop accepting IPv4. `host=None`/`address=""` bind both families everywhere but may
    fail when one family has no address at all on older Pythons. `"127.0.0.1"` gets no
    automatic fix: rewriting it to `"localhost"` can leave the server on `::1` only while
    clients still dial 127.0.0.1. uvicorn and Django's `default_addr` get no fix (the right
    change is not a literal).

    ## Exceptions
    Not reported when the framework cannot be identified (V6401/V6402 report the literal
    instead), when an IPv6 bind is listed too (`bind = ["0.0.0.0:8000", "[::]:8000"]`), and
    for binds of `"::"`, `""`, `None` or names. The finding can be ignored for a service that
    is deliberately IPv4-only, or that runs in a container whose network has no IPv6 (the
    image should still work when the network changes, though).
    """

    code = "V6801"
    name = "ipv4-only-framework-bind"
    summary = "Framework or server bound to an IPv4-only address"
    message = "the server listens on an IPv4-only address"
    severity = Severity.WARNING
    precision = "high"
    fix_safety = FixSafety.UNSAFE
    tags = ("bind", "framework")
    # Only a bare address or host:port string is reported, so the literal starts with the
    # address: a quote right before "0.0.0.0" or a whole 127/8 quad.
    triggers = (
        re.compile(rb"""0\.0\.0\.0(?<=["']0\.0\.0\.0)(?![\d.])"""),
        re.compile(rb"""127\.(?<=["']127\.)\d{1,3}\.\d{1,3}\.\d{1,3}(?![\d.])"""),
    )

    VALID = (
        'from flask import Flask\napp = Flask(__name__)\napp.run(host="::")',
        'import uvicorn\nuvicorn.run(app, host=HOST_FROM_ENV)',
        'bind = ["0.0.0.0:8000", "[::]:8000"]\nworkers = 4',
        'import asyncio\nasyncio.start_server(handle, None, 8888)',
        # Not a framework call we know: V6402 reports it, not V6801.
        'server.run(host="0.0.0.0")',
        # A gunicorn-looking `bind` in a module that is not a gunicorn config.
        'bind = "0.0.0.0:8000"\nprint(bind)',
    )
    INVALID = (
        Invalid(
            'from flask import Flask\napp = Flask(__name__)\napp.run(host="0.0.0.0", port=5000)',
            fixed='from flask import Flask\napp = Flask(__name__)\napp.run(host="::", port=5000)',
        ),
        Invalid(
            'from werkzeug.serving import run_simple\nrun_simple("0.0.0.0", 5000, app)',
            fixed='from werkzeug.serving import run_simple\nrun_simple("::", 5000, app)',
        ),
        Invalid('import uvicorn\nuvicorn.run("main:app", host="0.0.0.0", port=8000)'),
        Invalid(
            'bind = "0.0.0.0:8000"\nworkers = 4',
            fixed='bind = "[::]:8000"\nworkers = 4',
        ),
        Invalid(
            "from aiohttp import web\nweb.run_app(app, host='0.0.0.0', port=8080)",
            fixed="from aiohttp import web\nweb.run_app(app, host=None, port=8080)",
        ),
        Invalid(
            'import asyncio\nasyncio.start_server(handle, "0.0.0.0", 8888)',
            fixed="import asyncio\nasyncio.start_server(handle, None, 8888)",
        ),
        Invalid(
            "from hypercorn.config import Config\nconfig = Config()\nconfig.bind = ['0.0.0.0:8000']",
            fixed="from hypercorn.config import Config\nconfig = Config()\nconfig.bind = ['[::]:8000']",
        ),
        Invalid('from flask import Flask\napp = Flask(__name__)\napp.run(host="127.0.0.1")'),
        Invalid(
            'import tornado.web\napp.listen(8888, address="0.0.0.0")',
            fixed='import tornado.web\napp.listen(8888, address="")',
        ),
        Invalid(
            'from django.core.management import call_command\ncall_command("runserver", "0.0.0.0:8000")',
            fixed='from django.core.management import call_command\ncall_command("runserver", "[::]:8000")',
        ),
    )

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        if not isinstance(self.parent(node), cst.ConcatenatedString):
            self._literal(node)

    def visit_ConcatenatedString(self, node: cst.ConcatenatedString) -> None:
        if not isinstance(self.parent(node), cst.ConcatenatedString):
            self._literal(node)

    def _literal(self, node: cst.CSTNode) -> None:
        value = string_value(node)
        if value is None or len(value) > 64:
            return
        address = parse_literal(value)
        if address is None or address.kind not in ("any", "loopback") or address.form not in ("bare", "hostport"):
            return
        found = self.framework_bind(node)
        target = node
        if found is None:
            # HOST = "0.0.0.0" ... app.run(host=HOST): judge the constant by its uses.
            _, references = self.module_references(node)
            for reference in references:
                found = self.framework_bind(reference)
                if found is not None:
                    break
        if found is None or (self._in_tests and self.mocked(node)) or not self.once(target):
            return
        holder = self.collection_of(node)
        if holder is not None and self.has_ipv6_literal(holder):
            return  # an IPv6 listener is configured too
        framework, fix_kind = found
        self.report(
            target,
            self._message(framework, address, fix_kind),
            confidence=Confidence.LOW if self._in_tests else Confidence.HIGH,
            fix=self._fix(node, address, fix_kind, framework),
        )

    def _message(self, framework: str, address: LiteralAddress, fix_kind: str) -> str:
        if address.kind == "loopback":
            return (
                f'{framework} listens on IPv4 loopback "{address.ip}" only: unreachable over "::1"'
                " and fails on an IPv6-only host; listen on both loopbacks"
            )
        advice = {
            "ipv6-any": 'listen on "::" (dual-stack on Linux)',
            "none-host": "pass host=None to bind every address family",
            "empty-host": 'pass address="" to bind every address family',
        }.get(fix_kind, "pass it a dual-stack socket bound to \"::\"")
        return (
            f'{framework} listens on "0.0.0.0", IPv4 only: IPv6 clients are refused and the bind'
            f" fails on an IPv6-only host; {advice}"
        )

    def _fix(self, node: cst.CSTNode, address: LiteralAddress, fix_kind: str, framework: str) -> Optional[PendingFix]:
        if address.kind != "any" or fix_kind not in _FIX_TEXT or not isinstance(node, cst.SimpleString):
            return None
        if fix_kind == "ipv6-any":
            port = node.evaluated_value.partition(":")[2] if address.form == "hostport" else None
            text = f"[::]:{port}" if port else "::"
            new: cst.BaseExpression = cst.SimpleString(f"{node.prefix}{node.quote}{text}{node.quote}")
        elif fix_kind == "none-host":
            if address.form != "bare":
                return None
            new = cst.Name("None")
        else:
            if address.form != "bare":
                return None
            new = cst.SimpleString(f"{node.prefix}{node.quote}{node.quote}")
        return PendingFix(_FIX_TEXT[fix_kind], FixSafety.UNSAFE, [(node, new)])
