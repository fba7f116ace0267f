"""SARIF 2.1.0 output, shaped for GitHub code scanning and valid for every other consumer.

The log is built from sarif-om objects (imported only when this format is asked for) and
written by `to_json`, our own small serializer: sarif-om ships none, and the usual
``jschema_to_python.to_json`` drops ``level: "warning"`` (an attrs default), which would make
a warning under an error-default rule read as an error. `to_json` also writes
``suppressions[].status``: sarif-om still calls it ``state``, the final schema ``status``.

What goes into the one run, and why:

* ``tool.driver`` lists only the rules that fired (suppressed and absent results included),
  with help text and Markdown, ``precision`` and ``problem.severity`` but no
  ``security-severity``: IPv6 readiness is not a security alert.
* URIs are relative to the repository root (``report.root``) after resolving symlinks,
  percent-encoded, with ``uriBaseId: %SRCROOT%``; GitHub ignores the base id and reads the
  URI as repository-relative. Files outside the root get absolute ``file://`` URIs.
* ``partialFingerprints.primaryLocationLineHash`` is computed exactly as the upload action
  does (`v6lint.fingerprints`), so API uploads match action uploads; ``v6lint/v1`` carries
  v6lint's own line-move-proof key.
* Inline-suppressed findings ARE included, each with ``suppressions: [{kind: inSource,
  status: accepted, justification}]``. That keeps the file an honest, complete record (SARIF
  viewers, reviewdog and sarif-tools honour suppressions), but GitHub code scanning does not:
  it shows them as open alerts, to be dismissed once in the UI (docs/github-code-scanning.md
  says so). Dropping them silently would hide decisions the team made in the code.
* With ``--baseline``, results carry ``baselineState`` and the baseline entries that are gone
  are emitted with ``baselineState: absent`` (no line hash: their line no longer holds them).
* GitHub rejects runs over 25,000 results: beyond that the most severe are kept (active
  before suppressed before absent; error before warning before note) and a notification
  says how many were dropped. Tags are capped at 10 per rule, the number GitHub keeps.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import os
import pathlib
import re
import urllib.parse
from typing import Any, Optional

from v6lint.fingerprints import baseline_keys, decode_like_node, line_hashes
from v6lint.model import Diagnostic, DiagnosticKind, Finding, FixSafety, RuleInfo, Severity
from v6lint.reporters import Report

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://v6lint.readthedocs.io/"
AUTOMATION_ID = "v6lint/"  # category "v6lint", no run id: one upload per tool and ref
SRCROOT = "%SRCROOT%"
MAX_RESULTS = 25_000  # GitHub rejects a run with more
MAX_TAGS = 10  # GitHub keeps only the first 10
MAX_DESCRIPTION = 1024  # GitHub's limit for short and full descriptions

_SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTE: 2}
_PROBLEM_SEVERITY = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.NOTE: "recommendation",
}
# Diagnostics that mean the tool itself failed, not just one file it could not read.
_FATAL_KINDS = {DiagnosticKind.CONFIG, DiagnosticKind.ENGINE}
# Attributes written even when they equal sarif-om's default, because readers infer other
# things from their absence (a missing result level falls back to the rule's level).
_ALWAYS_KEEP = {"level"}


# --- serializer -----------------------------------------------------------------------------


def to_json(value: Any) -> Any:
    """Turn sarif-om objects into JSON-ready data with the schema's property names.

    Drops None and attrs defaults (``-1`` indexes, ``en-US``, default newline sequences), keeps
    ``level`` and empty lists, passes dicts through (``properties``, ``partialFingerprints``).
    """
    import attr

    if attr.has(type(value)):
        out = {}
        for field in attr.fields(type(value)):
            item = getattr(value, field.name)
            if item is None:
                continue
            if field.name not in _ALWAYS_KEEP and field.default is not attr.NOTHING:
                default = field.default
                if isinstance(default, attr.Factory):  # type: ignore[arg-type]
                    default = default.factory()
                if item == default and type(item) is type(default):
                    continue
            name = field.metadata.get("schema_property_name", field.name)
            if name == "state" and type(value).__name__ == "Suppression":
                name = "status"  # sarif-om follows the pre-final rtm.4 schema here
            out[name] = to_json(item)
        return out
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    return value


# --- paths ----------------------------------------------------------------------------------


class _Locator:
    """Maps display paths (relative to cwd) to SARIF artifact locations and file contents."""

    def __init__(self, report: Report, om: Any):
        self.om = om
        self.cwd = report.cwd
        self.root = os.path.realpath(report.root)
        self._uri: dict[str, tuple[str, bool]] = {}
        self._text: dict[str, Optional[str]] = {}
        self._hashes: dict[str, Optional[list[str]]] = {}

    def real(self, path: str) -> str:
        return os.path.realpath(os.path.join(self.cwd, path))

    def uri(self, path: str) -> tuple[str, bool]:
        """(uri, relative_to_root) for a display path."""
        if path not in self._uri:
            real = self.real(path)
            relative = os.path.relpath(real, self.root)
            if relative == os.curdir or relative.split(os.sep)[0] == os.pardir:
                self._uri[path] = (pathlib.Path(real).as_uri(), False)
            else:
                posix = relative.replace(os.sep, "/")
                # quote() percent-encodes ":" too, so no segment can read as a URI scheme.
                encoded = urllib.parse.quote_from_bytes(os.fsencode(posix), safe="/")
                self._uri[path] = (encoded, True)
        return self._uri[path]

    def repo_path(self, path: str) -> str:
        """The path as a repository-relative posix string (for v6lint's own key)."""
        uri, relative = self.uri(path)
        return urllib.parse.unquote(uri) if relative else self.real(path)

    def artifact(self, path: str) -> Any:
        uri, relative = self.uri(path)
        if relative:
            return self.om.ArtifactLocation(uri=uri, uri_base_id=SRCROOT)
        return self.om.ArtifactLocation(uri=uri)

    def text(self, path: str) -> Optional[str]:
        if path not in self._text:
            try:
                with open(self.real(path), "rb") as handle:
                    self._text[path] = decode_like_node(handle.read())
            except OSError:
                self._text[path] = None
        return self._text[path]

    def line_hash(self, path: str, line: int) -> Optional[str]:
        if path not in self._hashes:
            text = self.text(path)
            self._hashes[path] = line_hashes(text) if text is not None else None
        hashes = self._hashes[path]
        if hashes is None or not 1 <= line <= len(hashes):
            return None
        return hashes[line - 1]


# --- rules ----------------------------------------------------------------------------------

_HEADING = re.compile(r"^\s*(?:#+\s*)?(?P<title>[A-Z][A-Za-z0-9 /-]+?)\s*:?\s*$")


def _section(docs: str, title: str) -> str:
    """First paragraph of the docs section called ``title`` ("## Title", "Title:" or RST)."""
    lines = docs.splitlines()
    for i, line in enumerate(lines):
        match = _HEADING.match(line)
        if match and match.group("title").lower() == title.lower():
            body: list[str] = []
            for following in lines[i + 1 :]:
                if set(following.strip()) <= set("=-~^") and following.strip() and not body:
                    continue  # RST underline
                if not following.strip():
                    if body:
                        break
                    continue
                if _HEADING.match(following) and following.lstrip().startswith("#"):
                    break
                body.append(following.strip())
            return " ".join(body)
    return ""


def _clip(text: str, limit: int = MAX_DESCRIPTION) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _descriptor(om: Any, code: str, rule: Optional[RuleInfo], sample: Finding) -> Any:
    if rule is None:
        # A code the catalog does not know (say, from an old baseline): still a valid rule.
        summary = sample.name or code
        text = f"{code} is not in this version of v6lint's rule catalog."
        return om.ReportingDescriptor(
            id=code,
            name=sample.name or code,
            short_description=om.MultiformatMessageString(text=_clip(summary)),
            full_description=om.MultiformatMessageString(text=_clip(text)),
            help=om.MultiformatMessageString(text=text, markdown=text),
            default_configuration=om.ReportingConfiguration(level=sample.severity.value),
            properties={"precision": "medium", "problem.severity": "warning", "tags": ["ipv6"]},
        )
    why = _section(rule.docs, "Why it breaks on IPv6")
    full = _sentence(rule.summary) + (" " + why if why else "")
    docs = rule.docs.strip() or _sentence(rule.summary)
    tags = list(dict.fromkeys(rule.tags))[:MAX_TAGS]
    properties: dict[str, Any] = {
        "precision": rule.precision,
        "problem.severity": _PROBLEM_SEVERITY[Severity(rule.severity)],
    }
    if tags:
        properties["tags"] = tags
    return om.ReportingDescriptor(
        id=rule.code,
        name=rule.name[:255],
        short_description=om.MultiformatMessageString(text=_clip(_sentence(rule.summary))),
        full_description=om.MultiformatMessageString(text=_clip(full)),
        help=om.MultiformatMessageString(text=docs, markdown=docs),
        help_uri=rule.help_uri,
        default_configuration=om.ReportingConfiguration(level=Severity(rule.severity).value),
        properties=properties,
    )


# --- results --------------------------------------------------------------------------------


def _region(om: Any, span: Any) -> Any:
    return om.Region(
        start_line=span.start.line,
        start_column=span.start.column,
        end_line=span.end.line,
        end_column=span.end.column,
    )


def _fix(om: Any, locator: _Locator, finding: Finding) -> Any:
    fix = finding.fix
    if fix.safety is FixSafety.SAFE:
        tier = "safe fix, applied by --fix"
    else:
        tier = "unsafe fix, applied only with --unsafe-fixes"
    replacements = []
    for edit in fix.edits:
        replacement = om.Replacement(deleted_region=_region(om, edit.span))
        if edit.replacement:
            replacement.inserted_content = om.ArtifactContent(text=edit.replacement)
        replacements.append(replacement)
    return om.Fix(
        description=om.Message(text=f"{fix.title} ({tier})"),
        artifact_changes=[
            om.ArtifactChange(
                artifact_location=locator.artifact(finding.path), replacements=replacements
            )
        ],
    )


def _priority(finding: Finding) -> tuple[int, int]:
    if finding.baseline_state == "absent":
        tier = 2
    elif finding.suppression is not None:
        tier = 1
    else:
        tier = 0
    return tier, _SEVERITY_RANK[Severity(finding.severity)]


def _limit(findings: list[Finding], limit: int) -> tuple[list[Finding], int]:
    if len(findings) <= limit:
        return findings, 0
    keep = sorted(range(len(findings)), key=lambda i: _priority(findings[i]))[:limit]
    return [findings[i] for i in sorted(keep)], len(findings) - limit


def _notification(om: Any, locator: _Locator, diagnostic: Diagnostic) -> Any:
    notification = om.Notification(
        message=om.Message(text=diagnostic.message),
        level="error" if diagnostic.is_error else "note",
        descriptor=om.ReportingDescriptorReference(id=diagnostic.kind.value),
    )
    if diagnostic.path:
        physical = om.PhysicalLocation(artifact_location=locator.artifact(diagnostic.path))
        if diagnostic.line:
            physical.region = om.Region(start_line=diagnostic.line)
        notification.locations = [om.Location(physical_location=physical)]
    return notification


def build(report: Report, max_results: int = MAX_RESULTS) -> Any:
    """The sarif-om `SarifLog` for ``report``."""
    import sarif_om as om

    locator = _Locator(report, om)
    candidates = list(report.findings) + [
        f if f.baseline_state == "absent" else _as_absent(f) for f in report.absent
    ]
    findings, dropped = _limit(candidates, max_results)

    # Rules: every code that fired, in code order, so ruleIndex is stable across runs.
    samples: dict[str, Finding] = {}
    for finding in candidates:
        samples.setdefault(finding.code, finding)
    codes = sorted(samples)
    rule_index = {code: i for i, code in enumerate(codes)}
    rules = [_descriptor(om, code, report.rules.get(code), samples[code]) for code in codes]

    # v6lint's own keys: active and suppressed findings are counted apart, so an active
    # result's key equals its entry in a baseline kept at the repository root.
    keys: dict[int, str] = {}
    for suppressed in (False, True):
        group = [
            i
            for i, f in enumerate(findings)
            if f.baseline_state != "absent" and (f.suppression is not None) == suppressed
        ]
        group_keys = baseline_keys(
            [findings[i] for i in group],
            lambda f: locator.text(f.path),
            lambda f: locator.repo_path(f.path),
        )
        keys.update(zip(group, group_keys))

    results = []
    for position, finding in enumerate(findings):
        absent = finding.baseline_state == "absent"
        result = om.Result(
            message=om.Message(text=finding.message or finding.name or finding.code),
            rule_id=finding.code,
            rule_index=rule_index[finding.code],
            level=Severity(finding.severity).value,
            locations=[
                om.Location(
                    physical_location=om.PhysicalLocation(
                        artifact_location=locator.artifact(finding.path),
                        region=_region(om, finding.span),
                    )
                )
            ],
        )
        fingerprints = {}
        if not absent:
            line_hash = locator.line_hash(finding.path, finding.span.start.line)
            if line_hash:
                fingerprints["primaryLocationLineHash"] = line_hash
            fingerprints["v6lint/v1"] = keys[position]
        if fingerprints:
            result.partial_fingerprints = fingerprints
        if finding.fix is not None and finding.fix.edits and not absent:
            result.fixes = [_fix(om, locator, finding)]
        if finding.suppression is not None:
            suppression = om.Suppression(kind="inSource", state="accepted")
            if finding.suppression.reason.strip():
                suppression.justification = finding.suppression.reason.strip()
            if finding.suppression.line:
                suppression.location = om.Location(
                    physical_location=om.PhysicalLocation(
                        artifact_location=locator.artifact(finding.path),
                        region=om.Region(start_line=finding.suppression.line),
                    )
                )
            result.suppressions = [suppression]
        if finding.baseline_state:
            result.baseline_state = finding.baseline_state
        results.append(result)

    notifications = [_notification(om, locator, d) for d in report.diagnostics]
    if dropped:
        notifications.append(
            om.Notification(
                message=om.Message(
                    text=(
                        f"{len(candidates)} results exceed GitHub code scanning's limit of "
                        f"{max_results} per run: the {dropped} least severe were left out of "
                        "this file (run `v6lint check` with another output format to see all)."
                    )
                ),
                level="warning",
                descriptor=om.ReportingDescriptorReference(id="results-truncated"),
            )
        )
    invocation = om.Invocation(
        execution_successful=not any(d.kind in _FATAL_KINDS for d in report.diagnostics),
        working_directory=om.ArtifactLocation(uri=_dir_uri(report.cwd)),
    )
    if notifications:
        invocation.tool_execution_notifications = notifications

    driver = om.ToolComponent(
        name="v6lint",
        information_uri=INFORMATION_URI,
        rules=rules,
    )
    if report.tool_version:
        driver.semantic_version = report.tool_version
        driver.version = report.tool_version
    run = om.Run(
        tool=om.Tool(driver=driver),
        automation_details=om.RunAutomationDetails(id=AUTOMATION_ID),
        column_kind="unicodeCodePoints",
        original_uri_base_ids={SRCROOT: om.ArtifactLocation(uri=_dir_uri(report.root))},
        invocations=[invocation],
        results=results,
    )
    return om.SarifLog(version="2.1.0", schema_uri=SCHEMA_URI, runs=[run])


def _as_absent(finding: Finding) -> Finding:
    return dataclasses.replace(finding, baseline_state="absent")


def _dir_uri(path: str) -> str:
    uri = pathlib.Path(os.path.realpath(path)).as_uri()
    return uri if uri.endswith("/") else uri + "/"


def render(report: Report, max_results: int = MAX_RESULTS) -> str:
    document = to_json(build(report, max_results))
    # $schema and version first: easier to recognise when someone opens the file.
    ordered = {"$schema": document.pop("$schema"), "version": document.pop("version")}
    ordered.update(document)
    text = json.dumps(ordered, indent=2, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from an undecodable file name
        text = json.dumps(ordered, indent=2, ensure_ascii=True)
    return text + "\n"
