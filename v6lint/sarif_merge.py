"""Merge the SARIF logs of several shards (``v6lint check --shard K/N``) into one run.

GitHub code scanning treats each run of one category as the whole truth for that category,
so shard outputs must be merged before upload: one run, one ``tool.driver`` whose ``rules``
are the union of the shards' rules (sorted by id, as the reporter writes them), every result
with its ``ruleIndex`` recomputed against that list, artifact indexes shifted, and the
shards' notifications concatenated into one invocation that succeeded only if all did.
"""

from __future__ import annotations

import copy
from typing import Any, Iterable, Optional

SARIF_VERSION = "2.1.0"
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
# GitHub code scanning rejects a run with more results than this.
MAX_RESULTS = 25_000
_LEVEL_ORDER = {"error": 0, "warning": 1, "note": 2, "none": 3}


class SarifMergeError(ValueError):
    """The inputs cannot form one run (other tools, other categories, not SARIF 2.1.0)."""


def merge_sarif_logs(logs: Iterable[dict], max_results: int = MAX_RESULTS) -> dict:
    runs: list[dict] = []
    for number, log in enumerate(logs, start=1):
        if not isinstance(log, dict) or log.get("version") != SARIF_VERSION:
            raise SarifMergeError(f"input {number} is not a SARIF {SARIF_VERSION} log")
        for run in log.get("runs") or []:
            if not isinstance(run, dict) or not isinstance(run.get("tool", {}).get("driver"), dict):
                raise SarifMergeError(f"input {number} has a run without tool.driver")
            runs.append(run)
    if not runs:
        raise SarifMergeError("no runs to merge")

    first = runs[0]
    driver_name = first["tool"]["driver"].get("name")
    category = _category(first)
    for run in runs[1:]:
        if run["tool"]["driver"].get("name") != driver_name:
            raise SarifMergeError(
                f"runs of different tools ({driver_name!r} and {run['tool']['driver'].get('name')!r})"
            )
        if _category(run) != category:
            raise SarifMergeError(f"runs of different categories ({category!r} and {_category(run)!r})")

    # The union of rules, first description wins (shards of one version describe a rule alike).
    rules: dict[str, dict] = {}
    for run in runs:
        for rule in run["tool"]["driver"].get("rules") or []:
            rules.setdefault(rule["id"], copy.deepcopy(rule))
    rule_ids = sorted(rules)
    rule_index = {rule_id: i for i, rule_id in enumerate(rule_ids)}

    artifacts: list[dict] = []
    results: list[dict] = []
    seen: set[tuple] = set()
    notifications: list[dict] = []
    configuration_notifications: list[dict] = []
    successful = True
    for run in runs:
        offset = len(artifacts)
        artifacts.extend(copy.deepcopy(run.get("artifacts") or []))
        own_rules = run["tool"]["driver"].get("rules") or []
        for raw in run.get("results") or []:
            result = copy.deepcopy(raw)
            if offset:
                _shift_artifact_indexes(result, offset)
            rule_id = _result_rule_id(result, own_rules)
            if rule_id is not None:
                result["ruleId"] = rule_id
                if rule_id in rule_index:
                    result["ruleIndex"] = rule_index[rule_id]
                else:
                    result.pop("ruleIndex", None)
                if isinstance(result.get("rule"), dict):
                    result["rule"].pop("index", None)
            key = _identity(result)
            if key in seen:
                continue  # the same finding from overlapping inputs: one alert, not two
            seen.add(key)
            results.append(result)
        for invocation in run.get("invocations") or []:
            successful = successful and invocation.get("executionSuccessful", True)
            for field, sink in (
                ("toolExecutionNotifications", notifications),
                ("toolConfigurationNotifications", configuration_notifications),
            ):
                for item in invocation.get(field) or []:
                    item = copy.deepcopy(item)
                    if offset:
                        _shift_artifact_indexes(item, offset)
                    sink.append(item)

    results.sort(key=_order)
    if len(results) > max_results:
        keep = sorted(range(len(results)), key=lambda i: _LEVEL_ORDER.get(results[i].get("level", "warning"), 1))
        kept = sorted(keep[:max_results])
        dropped = len(results) - max_results
        results = [results[i] for i in kept]
        notifications.append(
            {
                "level": "warning",
                "message": {
                    "text": f"the merged shards hold {len(results) + dropped} results, more than GitHub "
                    f"code scanning's limit of {max_results} per run: the {dropped} least severe were left out"
                },
                "descriptor": {"id": "results-truncated"},
            }
        )

    merged_run: dict[str, Any] = {}
    for key, value in first.items():
        if key not in ("results", "invocations", "artifacts", "tool"):
            merged_run[key] = copy.deepcopy(value)
    driver = copy.deepcopy(first["tool"]["driver"])
    driver["rules"] = [rules[rule_id] for rule_id in rule_ids]
    tool = copy.deepcopy(first["tool"])
    tool["driver"] = driver
    invocation: dict[str, Any] = {"executionSuccessful": bool(successful)}
    first_invocations = first.get("invocations") or []
    if first_invocations and "workingDirectory" in first_invocations[0]:
        invocation["workingDirectory"] = copy.deepcopy(first_invocations[0]["workingDirectory"])
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    if configuration_notifications:
        invocation["toolConfigurationNotifications"] = configuration_notifications
    ordered: dict[str, Any] = {"tool": tool}
    ordered.update(merged_run)
    if artifacts:
        ordered["artifacts"] = artifacts
    ordered["invocations"] = [invocation]
    ordered["results"] = results
    return {"$schema": SCHEMA_URI, "version": SARIF_VERSION, "runs": [ordered]}


def _category(run: dict) -> Optional[str]:
    details = run.get("automationDetails")
    return details.get("id") if isinstance(details, dict) else None


def _result_rule_id(result: dict, own_rules: list) -> Optional[str]:
    if isinstance(result.get("ruleId"), str):
        return result["ruleId"]
    rule = result.get("rule")
    if isinstance(rule, dict):
        if isinstance(rule.get("id"), str):
            return rule["id"]
        index = rule.get("index")
    else:
        index = result.get("ruleIndex")
    if isinstance(index, int) and 0 <= index < len(own_rules):
        return own_rules[index].get("id")
    return None


def _shift_artifact_indexes(node: Any, offset: int) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("artifactLocation", "analysisTarget") and isinstance(value, dict):
                if isinstance(value.get("index"), int) and value["index"] >= 0:
                    value["index"] += offset
            _shift_artifact_indexes(value, offset)
    elif isinstance(node, list):
        for item in node:
            _shift_artifact_indexes(item, offset)


def _location(result: dict) -> tuple:
    try:
        physical = result["locations"][0]["physicalLocation"]
        region = physical.get("region") or {}
        return (
            physical["artifactLocation"].get("uri", ""),
            region.get("startLine", 0),
            region.get("startColumn", 0),
        )
    except (KeyError, IndexError, TypeError, AttributeError):
        return ("", 0, 0)


def _order(result: dict) -> tuple:
    return (*_location(result), result.get("ruleId", ""), result.get("message", {}).get("text", ""))


def _identity(result: dict) -> tuple:
    fingerprints = result.get("partialFingerprints") or {}
    return (
        result.get("ruleId"),
        _location(result),
        result.get("message", {}).get("text"),
        tuple(sorted(fingerprints.items())),
        result.get("baselineState"),
    )
