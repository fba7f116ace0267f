"""V6701: model and schema fields that can only store IPv4 addresses."""

from __future__ import annotations

import re
from typing import Optional

import libcst as cst

from v6lint.model import Confidence, FixSafety, Severity
from v6lint.rules._vocabulary import name_tokens
from v6lint.test_paths import is_migration_path, is_test_path
from v6lint.rules._base import (
    Invalid,
    PendingFix,
    Rule,
    argument,
    is_name,
    iter_nodes,
    keyword_argument,
    positional_argument,
    string_value,
)

_IP_FIELD = {"django.db.models.IPAddressField", "django.db.models.fields.IPAddressField"}
_GENERIC = {
    "django.db.models.GenericIPAddressField", "django.db.models.fields.GenericIPAddressField",
    "django.forms.GenericIPAddressField", "django.forms.fields.GenericIPAddressField",
}
_CHAR_FIELDS = {
    "django.db.models.CharField", "django.db.models.fields.CharField", "django.forms.CharField",
    "django.forms.fields.CharField", "pydantic.Field", "pydantic.fields.Field", "sqlmodel.Field",
}
_SA_TYPES = {
    f"sqlalchemy.{t}" for t in ("String", "VARCHAR", "Unicode", "CHAR", "NVARCHAR", "Text", "types.String", "types.VARCHAR", "types.Unicode", "types.CHAR", "sql.sqltypes.String")
}
_SA_COLUMNS = {"sqlalchemy.Column", "sqlalchemy.schema.Column", "sqlalchemy.orm.mapped_column", "sqlalchemy.sql.schema.Column"}
_IPV4_TYPES = {"ipaddress.IPv4Address", "ipaddress.IPv4Network", "ipaddress.IPv4Interface"}
_IPV6_OR_ANY = re.compile(r"IPv6|IPvAny|ip_address|IPAddress\b|_BaseAddress")
_MODEL_BASES = {
    "pydantic.BaseModel", "pydantic.main.BaseModel", "pydantic.BaseSettings",
    "pydantic_settings.BaseSettings", "sqlmodel.SQLModel", "typing.NamedTuple",
    "typing.TypedDict", "typing_extensions.TypedDict", "msgspec.Struct",
}
_MODEL_DECORATORS = {
    "dataclasses.dataclass", "pydantic.dataclasses.dataclass", "attr.s", "attr.attrs",
    "attr.define", "attrs.define", "attr.frozen", "attrs.frozen", "attr.dataclass",
}
# Qualifiers that make "addr"/"address" mean a network address, not a postal one.
_NETWORK_QUALIFIERS = {
    "remote", "client", "peer", "host", "source", "src", "dst", "dest", "server", "last",
    "login", "origin", "public", "private", "local", "bind", "listen", "gateway", "nat", "wan",
    "lan", "visitor", "sender", "request", "user", "current", "registration", "signup", "creator",
}


def is_ip_field_name(name: str) -> bool:
    tokens = name_tokens(name)
    if any(t in ("ip", "ips", "ipaddr", "ipaddress", "ipv") for t in tokens):
        return True
    if any(t in ("addr", "address") for t in tokens) and any(t in _NETWORK_QUALIFIERS for t in tokens):
        return "email" not in tokens and "mac" not in tokens
    return False



# Every name visit_Call acts on.
_FIELD_CALLS = frozenset(_IP_FIELD | _GENERIC | _CHAR_FIELDS | _SA_TYPES)

class Ipv4WidthStorageField(Rule):
    """
    ## What it finds
    - Django `models.IPAddressField` (IPv4 only; removed from Django 1.9 except in
      migrations);
    - `GenericIPAddressField(protocol="IPv4")` in models and forms (any case);
    - `CharField(max_length=15)` or `16` (Django models and forms, pydantic/SQLModel
      `Field(max_length=...)`) on address-named fields: `ip`, `ip_address`, `client_ip`,
      `last_login_ip`, `remote_addr`, `peer_address`...;
    - SQLAlchemy `Column("ip", String(15))`, `ip = Column(String(16))`,
      `ip: Mapped[str] = mapped_column(String(15))` (also `VARCHAR`, `Unicode`, `CHAR`);
    - fields of pydantic models, dataclasses, attrs classes, NamedTuples and TypedDicts
      annotated with `ipaddress.IPv4Address` (or `IPv4Network`/`IPv4Interface`) only, also
      inside `Optional[...]`/`list[...]`.

    ## Why it breaks on IPv6
    The textual form of an IPv6 address needs up to 39 characters, and 45 for the
    IPv4-mapped form `ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255`; a column of 15
    truncates it or fails the insert, and an IPv4-only field rejects it in validation. The
    first IPv6 client then breaks sign-up, logging or rate limiting.

    ## Example
    ```python
    class Visit(models.Model):
        ip = models.CharField(max_length=15)
        proxy = models.GenericIPAddressField(protocol="IPv4")

    class Peer(BaseModel):
        address: IPv4Address
    ```

    ## Fix
    Django: `GenericIPAddressField()` (both families, stored in 39 characters, normalised),
    or `CharField(max_length=45)`. SQLAlchemy: `String(45)`, or PostgreSQL's `INET`.
    pydantic: `IPvAnyAddress`; dataclasses: `ipaddress.IPv4Address | ipaddress.IPv6Address`.
    Then write and run the migration.

    ## Fix safety
    All fixes are **unsafe**: `max_length=15` -> `45`, `String(15)` -> `String(45)` and
    `IPAddressField` -> `GenericIPAddressField` change the database schema and need a
    migration (and `GenericIPAddressField` normalises IPv6 text and stores blank values as
    NULL, so it is not offered when `blank=True` is set); `protocol="IPv4"` -> `"both"`
    widens what validation accepts, so code downstream may now see IPv6 strings it never saw.
    Annotations get no fix: the field's type changes for every consumer.

    ## Exceptions
    Files under a `migrations/` directory are skipped (they record history; the model is
    what to fix). Fields whose names are not about network addresses (`address` alone, a
    postal address, `email_address`, `mac_address`) are not reported, nor are lengths other
    than 15/16, `IPv4Address | IPv6Address` or `Union[...]` annotations, `IPvAnyAddress`,
    and IPv4-typed fields outside data classes. In test code findings get low confidence.
    The finding can be ignored for data that is IPv4 by protocol (an IPv4 header field).
    """

    code = "V6701"
    name = "ipv4-width-storage-field"
    summary = "Storage field too narrow for, or restricted against, IPv6 addresses"
    message = "this field cannot store IPv6 addresses"
    severity = Severity.WARNING
    precision = "high"
    fix_safety = FixSafety.UNSAFE
    tags = ("storage",)
    # What it reports always spells one of these: the Django field names, an IPv4 type, or a
    # length of 15/16 given to a string column.
    triggers = (
        b"IPAddressField",
        b"IPv4",
        # One regex per form, each led by a literal that the regex engine searches for fast
        # (an alternation up front made this scan cost 1.5 s on the stdlib).
        re.compile(rb"length\s*=\s*1[56]\b"),
        re.compile(rb"String\(\s*1[56]\b"),
        re.compile(rb"CHAR\(\s*1[56]\b"),  # also VARCHAR(
        re.compile(rb"Unicode\(\s*1[56]\b"),
    )

    VALID = (
        "from django.db import models\nclass V(models.Model):\n    ip = models.GenericIPAddressField()",
        "from django.db import models\nclass V(models.Model):\n    ip = models.CharField(max_length=45)",
        "from django.db import models\nclass V(models.Model):\n    address = models.CharField(max_length=15)",
        "from django.db import models\nclass V(models.Model):\n    zip_code = models.CharField(max_length=15)",
        "from django.db import models\nclass V(models.Model):\n    ip = models.GenericIPAddressField(protocol='both')",
        "import ipaddress\nfrom pydantic import BaseModel\nclass P(BaseModel):\n"
        "    address: ipaddress.IPv4Address | ipaddress.IPv6Address",
        "from typing import Union\nfrom ipaddress import IPv4Address, IPv6Address\nfrom pydantic import BaseModel\n"
        "class P(BaseModel):\n    address: Union[IPv4Address, IPv6Address]",
        "from pydantic import BaseModel, IPvAnyAddress\nclass P(BaseModel):\n    address: IPvAnyAddress",
        "from sqlalchemy import Column, String\nname = Column('name', String(15))",
        # A function parameter is not a stored field.
        "from ipaddress import IPv4Address\ndef f(a: IPv4Address): ...",
    )
    INVALID = (
        Invalid(
            "from django.db import models\nclass V(models.Model):\n    ip = models.IPAddressField()",
            fixed="from django.db import models\nclass V(models.Model):\n    ip = models.GenericIPAddressField()",
        ),
        Invalid(
            "from django.db import models\nclass V(models.Model):\n"
            "    ip = models.GenericIPAddressField(protocol='IPv4')",
            fixed="from django.db import models\nclass V(models.Model):\n"
            "    ip = models.GenericIPAddressField(protocol='both')",
        ),
        Invalid(
            "from django import forms\nclass F(forms.Form):\n    ip = forms.GenericIPAddressField(protocol='ipv4')",
            fixed="from django import forms\nclass F(forms.Form):\n    ip = forms.GenericIPAddressField(protocol='both')",
        ),
        Invalid(
            "from django.db import models\nclass V(models.Model):\n"
            "    last_login_ip = models.CharField(max_length=15, blank=True)",
            fixed="from django.db import models\nclass V(models.Model):\n"
            "    last_login_ip = models.CharField(max_length=45, blank=True)",
        ),
        Invalid(
            "import sqlalchemy as sa\nt = sa.Table('v', meta, sa.Column('client_ip', sa.String(15)))",
            fixed="import sqlalchemy as sa\nt = sa.Table('v', meta, sa.Column('client_ip', sa.String(45)))",
        ),
        Invalid(
            "from sqlalchemy import String\nfrom sqlalchemy.orm import Mapped, mapped_column\nclass V(Base):\n"
            "    remote_addr: Mapped[str] = mapped_column(String(16))",
            fixed="from sqlalchemy import String\nfrom sqlalchemy.orm import Mapped, mapped_column\nclass V(Base):\n"
            "    remote_addr: Mapped[str] = mapped_column(String(45))",
        ),
        Invalid(
            "from ipaddress import IPv4Address\nfrom pydantic import BaseModel\nclass P(BaseModel):\n"
            "    address: IPv4Address"
        ),
        Invalid(
            "import dataclasses, ipaddress\nfrom typing import Optional\n@dataclasses.dataclass\nclass Peer:\n"
            "    gateway: Optional[ipaddress.IPv4Address] = None"
        ),
    )

    def __init__(self, context) -> None:
        super().__init__(context)
        self._skip = is_migration_path(context.path)
        self._confidence = Confidence.LOW if is_test_path(context.path) else Confidence.HIGH
        self._model_classes: dict[int, bool] = {}

    # -- Django and pydantic/SQLAlchemy calls -----------------------------------------------

    def visit_Call(self, node: cst.Call) -> None:
        if self._skip or not self.may_resolve_to(node.func, _FIELD_CALLS):
            return  # the name cannot be one of ours: spare the file its scope analysis
        names = self.qualified_names(node.func)
        if not names or len(names) != 1:
            return
        name = min(names)
        if name in _IP_FIELD:
            self._ip_address_field(node)
        elif name in _GENERIC:
            protocol = keyword_argument(node, "protocol")
            if protocol is None and name.startswith("django.db"):
                protocol = positional_argument(node, 2)
            value = string_value(protocol.value) if protocol is not None else None
            if value is not None and value.lower() == "ipv4":
                literal = protocol.value
                assert isinstance(literal, cst.SimpleString)
                new = cst.SimpleString(f"{literal.prefix}{literal.quote}both{literal.quote}")
                self.report(
                    protocol,
                    'GenericIPAddressField(protocol="IPv4") rejects IPv6 addresses; use'
                    ' protocol="both"',
                    confidence=self._confidence,
                    fix=PendingFix('Accept both families (protocol="both")', FixSafety.UNSAFE, [(literal, new)]),
                )
        elif name in _CHAR_FIELDS:
            length = keyword_argument(node, "max_length")
            field = self._field_name(node)
            if length is not None and field is not None and is_ip_field_name(field):
                self._narrow(length.value, field)
        elif name in _SA_TYPES:
            length = argument(node, 0, "length")
            field = self._sqlalchemy_field_name(node)
            if length is not None and field is not None and is_ip_field_name(field):
                self._narrow(length.value, field)

    def _ip_address_field(self, node: cst.Call) -> None:
        fix = None
        blank = keyword_argument(node, "blank")
        if isinstance(node.func, cst.Attribute) and not (blank is not None and is_name(blank.value, "True")):
            new = node.with_changes(func=node.func.with_changes(attr=cst.Name("GenericIPAddressField")))
            fix = PendingFix("Use GenericIPAddressField (needs a migration)", FixSafety.UNSAFE, [(node, new)])
        self.report(
            node,
            "IPAddressField stores IPv4 addresses only (and was removed in Django 1.9); use"
            " GenericIPAddressField and migrate",
            confidence=self._confidence,
            fix=fix,
        )

    def _narrow(self, value: cst.BaseExpression, field: str) -> None:
        if not isinstance(value, cst.Integer) or value.value not in ("15", "16"):
            return
        self.report(
            value,
            f"{field} holds an IP address in {value.value} characters: IPv6 needs 39 (45 for"
            " the IPv4-mapped form); widen it to 45 and migrate",
            confidence=self._confidence,
            fix=PendingFix("Widen to 45 characters (needs a migration)", FixSafety.UNSAFE, [(value, cst.Integer("45"))]),
        )

    def _field_name(self, call: cst.Call) -> Optional[str]:
        """The name a field call is assigned to in a class body (or a keyword name)."""
        parent = self.parent(call)
        if isinstance(parent, cst.Assign) and len(parent.targets) == 1:
            target = parent.targets[0].target
            return target.value if isinstance(target, cst.Name) else None
        if isinstance(parent, cst.AnnAssign) and isinstance(parent.target, cst.Name):
            return parent.target.value
        db_column = keyword_argument(call, "db_column")
        return string_value(db_column.value) if db_column is not None else None

    def _sqlalchemy_field_name(self, type_call: cst.Call) -> Optional[str]:
        arg = self.parent(type_call)
        column = self.parent(arg) if isinstance(arg, cst.Arg) else None
        if not isinstance(column, cst.Call) or not self.resolves_to_any(column.func, _SA_COLUMNS):
            return None
        first = positional_argument(column, 0)
        if first is not None and string_value(first.value) is not None:
            return string_value(first.value)
        return self._field_name(column)

    # -- annotations of data classes --------------------------------------------------------

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if self._skip or not isinstance(node.target, cst.Name):
            return
        statement = self.parent(node)
        block = self.parent(statement)
        klass = self.parent(block) if isinstance(block, cst.IndentedBlock) else None
        if not isinstance(klass, cst.ClassDef) or not self._is_model(klass):
            return
        annotation = node.annotation.annotation
        ipv4 = [
            n for n in iter_nodes(annotation) if isinstance(n, (cst.Name, cst.Attribute))
            if self.resolves_to_any(n, _IPV4_TYPES)
        ]
        if not ipv4:
            return
        text = self.context.module.code_for_node(annotation)
        if _IPV6_OR_ANY.search(text):
            return
        self.report(
            node.annotation,
            f"field {node.target.value} is typed IPv4-only; IPv6 values fail validation. Use"
            " IPvAnyAddress (pydantic) or IPv4Address | IPv6Address",
            confidence=self._confidence,
        )

    def _is_model(self, klass: cst.ClassDef, depth: int = 0) -> bool:
        key = id(klass)
        if key not in self._model_classes:
            self._model_classes[key] = depth < 4 and self._check_model(klass, depth)
        return self._model_classes[key]

    def _check_model(self, klass: cst.ClassDef, depth: int) -> bool:
        for decorator in klass.decorators:
            target = decorator.decorator.func if isinstance(decorator.decorator, cst.Call) else decorator.decorator
            if self.resolves_to_any(target, _MODEL_DECORATORS):
                return True
        for base in klass.bases:
            if base.keyword is not None:
                continue
            if self.resolves_to_any(base.value, _MODEL_BASES):
                return True
            # class Child(ParentModel) with ParentModel defined in this module.
            if isinstance(base.value, cst.Name):
                for parent in iter_nodes(self.context.module):
                    if not (isinstance(parent, cst.ClassDef) and parent.name.value == base.value.value):
                        continue
                    if parent is not klass and self._is_model(parent, depth + 1):
                        return True
        return False
