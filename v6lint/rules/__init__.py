"""The Python rule registry: every public module in this package holds one rule.

A rule module is found by walking the package, so adding a rule is adding a file; nothing
else lists rules by hand.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil

from v6lint.rules._base import Rule


@functools.lru_cache(maxsize=None)
def python_rules() -> tuple[type[Rule], ...]:
    """All Python rules, sorted by code."""
    found: list[type[Rule]] = []
    for module_info in pkgutil.iter_modules(__path__):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, Rule)
                and value is not Rule
                and value.__module__ == module.__name__
                and getattr(value, "code", None)
            ):
                found.append(value)
    return tuple(sorted(found, key=lambda rule: rule.code))


def rule_by_code(code: str) -> type[Rule] | None:
    for rule in python_rules():
        if rule.code == code:
            return rule
    return None
