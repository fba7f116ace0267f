"""The whole rule catalog, both engines: what `v6lint rules`, `explain` and reporters show.

A code shared by a Python rule and semgrep rules (the same concern in several languages) is
described by the Python rule's documentation, with the other languages added.
"""

from __future__ import annotations

import dataclasses
import functools

from v6lint.model import RuleInfo


@functools.lru_cache(maxsize=None)
def load_catalog() -> dict[str, RuleInfo]:
    from v6lint.rules import python_rules

    catalog = {rule.code: rule.info() for rule in python_rules()}
    for info in _semgrep_rule_infos():
        known = catalog.get(info.code)
        if known is None:
            catalog[info.code] = info
        else:
            languages = tuple(dict.fromkeys((*known.languages, *info.languages)))
            catalog[info.code] = dataclasses.replace(known, languages=languages)
    return dict(sorted(catalog.items()))


def _semgrep_rule_infos() -> list[RuleInfo]:
    try:
        from v6lint.engines import semgrep
    except ImportError:
        return []
    return semgrep.rule_infos()
