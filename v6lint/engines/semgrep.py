"""The semgrep engine: runs v6lint's own rules (``rules/<lang>/*.yaml``) on non-Python files.

semgrep runs as a subprocess, never imported (its wrapper alone takes seconds to import), and
once per v6lint run over every non-Python target, so its start-up cost (~3 s) is paid once.
It runs offline: ``--metrics=off --disable-version-check`` plus the matching environment
variables, rules from local files only, never ``--config auto`` or the registry.

semgrep gets one folder target, not the files: with thousands of file arguments it is many
times slower (it pays a fixed cost per explicit target). The folder is a mirror of exactly the
chosen files, hard-linked (else copied, never symlinked: semgrep skips symlinked files) into a
private temporary working directory as ``tree/<n>/<name>``, one numbered folder per source
folder, so file names (which pick the language and match the rules' ``paths:`` patterns) are
kept; a rule's ``paths:`` must therefore use file-name patterns only, not folder names. The
mirror's root holds an empty ``.semgrepignore``: semgrep's default ignore list (``tests/``,
``*_test.go``, ``*.min.js``...) and ``.gitignore`` handling are v6lint's discovery's business,
not semgrep's (``--no-git-ignore``), and v6lint's own size limit replaces semgrep's. Any file
semgrep's ``paths.scanned`` still leaves out (a ``.semgrepignore`` further up, when the temporary
folder is inside a repository) is given to it again as an explicit target, which bypasses the
ignore lists; one it skips even then gets a notice. A C# file that uses ``async`` as an
identifier (which semgrep's C# grammar cannot parse) is mirrored as a copy with those
identifiers renamed to the same-length ``asyn_``, never linked, so offsets are unchanged.
Result paths are mapped back to the user's files, and positions are computed from the user's
file. semgrep's own ``nosem`` comments are
disabled (``--disable-nosem``): v6lint has its own suppressions, which are recorded, not
dropped. Only the rule files whose languages occur among the targets are loaded, merged into
one temporary config.

Findings are keyed on the rule's metadata (``metadata.v6lint.code``, name, fix-safety,
confidence), never on semgrep's ``check_id``. Columns are recomputed from semgrep's byte
offsets into 1-based code-point columns by reading the file (semgrep counts bytes), so they
agree with the cst engine. ``extra.fix`` becomes a one-edit `Fix` over the match range with the
tier from the metadata (a rule whose metadata says ``fix-safety: none`` never yields a fix).

Failures never raise. A target semgrep cannot parse becomes one Diagnostic naming the file and
its language: a NOTICE ("not analysed: semgrep could not parse it"), which does not fail the
run, because semgrep's grammars lag the languages (new Java/C# syntax, TypeScript dialects,
macro-heavy or vendored C) far more often than a checked-in file is really broken, and semgrep
itself reports such errors at level ``warn`` and exits 0 unless ``--strict``. With
``strict_parse`` (environment variable ``V6LINT_SEMGREP_STRICT=1``) a parse failure is kind
ENGINE instead and the run exits 2. Partial parses (semgrep skipped some constructs and scanned
the rest) are always NOTICEs. A C/C++ file semgrep rejects whole is scanned once more with only
the first branch of each preprocessor conditional (``first_branches``; conditional headers and
``#ifdef``'d ``} else if`` trip its parser); when that copy parses, its findings count and the
file gets a NOTICE saying the other branches were not analysed. A target that times out, a bad
exit code or unreadable output of semgrep as a whole stay ENGINE diagnostics (exit 2): the
results are incomplete for reasons that are not the file's language.

A missing semgrep executable: if the user named a non-Python file explicitly on the command
line, that request cannot be honoured, so the diagnostic is kind ENGINE (the run fails, exit
2). If the files were only discovered by walking folders, the diagnostic is a NOTICE: the
Python part of the audit is still complete and a machine without semgrep (a pre-commit
environment, say) should not fail for it. Either way there is exactly one diagnostic, saying
how many files in which languages went unscanned and how to install semgrep.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
from typing import Any, Iterable, Optional, Sequence

import yaml

from v6lint.model import (
    Confidence,
    Diagnostic,
    DiagnosticKind,
    Finding,
    Fix,
    FixSafety,
    Position,
    RuleInfo,
    Severity,
    SourceFile,
    Span,
    TextEdit,
)
from v6lint.test_paths import is_test_path

ENGINE = "semgrep"

# Files larger than this are not handed to semgrep (they are generated or data, and semgrep's
# own default of 1 MB would skip them silently); each gets a TOO_LARGE notice instead.
MAX_TARGET_BYTES = 2_000_000

# Keep the command line far below ARG_MAX (2 MiB here, less on macOS and Windows) when files are
# passed explicitly (only those the folder scan left out): split over several processes beyond.
_MAX_ARGS_CHARS = 100_000

_SEVERITIES = {"ERROR": Severity.ERROR, "WARNING": Severity.WARNING, "INFO": Severity.NOTE}
_FIX_SAFETY = {"safe": FixSafety.SAFE, "unsafe": FixSafety.UNSAFE, "none": None}
_CONFIDENCE = {c.value: c for c in Confidence}
_PRECISION_ORDER = ("low", "medium", "high", "very-high")

INSTALL_HINT = "install it with: pip install 'v6lint[semgrep]' (or put semgrep on PATH)"


# --------------------------------------------------------------------------------------------
# Rules


def rules_dir() -> pathlib.Path:
    """Where the rule YAML lives: ``v6lint/_semgrep_rules`` in a wheel, else ``<repo>/rules``."""
    package = pathlib.Path(__file__).resolve().parent.parent
    bundled = package / "_semgrep_rules"
    if bundled.is_dir():
        return bundled
    return package.parent / "rules"


@dataclasses.dataclass(frozen=True)
class _Rule:
    """One semgrep rule as loaded from a YAML file, with its v6lint metadata."""

    id: str
    file: pathlib.Path
    languages: tuple[str, ...]
    severity: Severity
    code: str
    name: str
    summary: str
    fix_safety: Optional[FixSafety]
    confidence: Confidence
    precision: str
    help: str
    raw: dict


def _is_rule_file(path: pathlib.Path) -> bool:
    # x.test.yaml / x.fixed.test.yaml are the test targets of YAML-language rules.
    name = path.name
    return name.endswith((".yaml", ".yml")) and ".test." not in name and ".fixed." not in name


@functools.lru_cache(maxsize=None)
def _load_rules(directory: Optional[str] = None) -> tuple[_Rule, ...]:
    root = pathlib.Path(directory) if directory else rules_dir()
    rules: list[_Rule] = []
    if not root.is_dir():
        return ()
    for path in sorted(root.rglob("*")):
        if not path.is_file() or not _is_rule_file(path):
            continue
        with open(path, encoding="utf-8") as handle:
            document = yaml.safe_load(handle)
        if not isinstance(document, dict) or not isinstance(document.get("rules"), list):
            continue
        for raw in document["rules"]:
            meta = (raw.get("metadata") or {}).get("v6lint") or {}
            if "code" not in meta:
                continue
            rules.append(
                _Rule(
                    id=raw["id"],
                    file=path,
                    languages=tuple(raw.get("languages") or ()),
                    severity=_SEVERITIES.get(raw.get("severity", "WARNING"), Severity.WARNING),
                    code=meta["code"],
                    name=meta["name"],
                    summary=meta.get("summary", ""),
                    fix_safety=_FIX_SAFETY.get(meta.get("fix-safety", "none")),
                    confidence=_CONFIDENCE.get(meta.get("confidence", "high"), Confidence.HIGH),
                    precision=meta.get("precision", "high"),
                    help=(raw.get("metadata") or {}).get("help", ""),
                    raw=raw,
                )
            )
    return tuple(rules)


def _rules() -> tuple[_Rule, ...]:
    return _load_rules(None)


def _rules_by_id() -> dict[str, _Rule]:
    return {rule.id: rule for rule in _rules()}


def rule_infos() -> list[RuleInfo]:
    """One RuleInfo per v6lint code that the semgrep rules implement.

    Several rules (languages, variants) share a code. The summary and name come from the first
    rule in path order, the fix tier is the most permissive one any rule offers (a per-finding
    Fix carries its own tier), the precision is the lowest, and the docs gather each distinct
    help text under the languages it applies to.
    """
    by_code: dict[str, list[_Rule]] = {}
    for rule in _rules():
        by_code.setdefault(rule.code, []).append(rule)
    infos = []
    for code in sorted(by_code):
        group = by_code[code]
        first = group[0]
        tiers = {rule.fix_safety for rule in group}
        fix_safety = (
            FixSafety.SAFE
            if FixSafety.SAFE in tiers
            else FixSafety.UNSAFE
            if FixSafety.UNSAFE in tiers
            else None
        )
        precision = min(
            (rule.precision for rule in group),
            key=lambda p: _PRECISION_ORDER.index(p) if p in _PRECISION_ORDER else 0,
        )
        languages = sorted({lang for rule in group for lang in rule.languages})
        docs_parts: list[str] = []
        seen: set[str] = set()
        for rule in group:
            text = rule.help.strip()
            if not text or text in seen:
                continue
            seen.add(text)
            label = ", ".join(rule.languages)
            docs_parts.append(f"### {label}: `{rule.id}`\n\n{text}")
        infos.append(
            RuleInfo(
                code=code,
                name=first.name,
                summary=first.summary,
                severity=first.severity,
                fix_safety=fix_safety,
                precision=precision,
                tags=("ipv6", "portability"),
                docs="\n\n".join(docs_parts),
                languages=tuple(languages),
            )
        )
    return infos


def languages_with_rules() -> set[str]:
    """Language names (as in v6lint/languages.py) that at least one rule applies to."""
    return {lang for rule in _rules() for lang in rule.languages}


# --------------------------------------------------------------------------------------------
# The executable


def _executable() -> Optional[str]:
    # The interpreter's own scripts directory first: a venv that has v6lint[semgrep] installed
    # need not be activated for its semgrep to be found.
    scripts = pathlib.Path(sys.executable).parent
    for name in ("semgrep", "semgrep.exe"):
        candidate = scripts / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return shutil.which("semgrep")


def available() -> bool:
    """Whether a semgrep executable is there to run."""
    return _executable() is not None


# --------------------------------------------------------------------------------------------
# Running


STRICT_ENV = "V6LINT_SEMGREP_STRICT"


def _strict_from_env() -> bool:
    return os.environ.get(STRICT_ENV, "").strip().lower() in ("1", "true", "yes", "on")


def run(
    files: Sequence[SourceFile],
    *,
    jobs: Optional[int] = None,
    timeout: int = 30,
    strict_parse: Optional[bool] = None,
) -> tuple[list[Finding], list[Diagnostic]]:
    """Scan every non-Python file in ``files`` with one semgrep process; never raises.

    ``timeout`` is semgrep's per-rule, per-file limit in seconds; ``jobs`` its parallelism
    (default: semgrep's own choice). ``strict_parse`` makes a file semgrep cannot parse an
    error (exit 2) instead of a notice; None reads ``V6LINT_SEMGREP_STRICT``.
    """
    if strict_parse is None:
        strict_parse = _strict_from_env()
    diagnostics: list[Diagnostic] = []
    covered = languages_with_rules()
    targets: list[SourceFile] = []
    for source in files:
        if source.language == "python" or source.language not in covered:
            continue
        try:
            size = os.path.getsize(source.fs_path)
        except OSError as error:
            diagnostics.append(
                Diagnostic(DiagnosticKind.UNREADABLE, f"cannot read: {error.strerror}", source.path)
            )
            continue
        if size > MAX_TARGET_BYTES:
            diagnostics.append(
                Diagnostic(
                    DiagnosticKind.TOO_LARGE,
                    f"{size} bytes, over the semgrep engine's limit of {MAX_TARGET_BYTES}; skipped",
                    source.path,
                )
            )
            continue
        targets.append(source)
    if not targets:
        return [], diagnostics

    executable = _executable()
    if executable is None:
        diagnostics.append(_missing_semgrep(targets))
        return [], diagnostics

    present = {source.language for source in targets}
    rules = [rule for rule in _rules() if present.intersection(rule.languages)]

    findings: list[Finding] = []
    with tempfile.TemporaryDirectory(prefix="v6lint-semgrep-") as workdir:
        by_fs_path, problems = _mirror(targets, os.path.join(workdir, _TREE))
        diagnostics.extend(problems)
        # semgrep may report a path with its symlinks resolved.
        lookup = dict(by_fs_path)
        for fs_path, source in by_fs_path.items():
            lookup.setdefault(os.path.realpath(fs_path), source)
        config = pathlib.Path(workdir, "v6lint-rules.yaml")
        config.write_text(
            yaml.safe_dump({"rules": [rule.raw for rule in rules]}, sort_keys=False),
            encoding="utf-8",
        )
        outputs: list[dict] = []
        if by_fs_path:
            # One folder target: semgrep walks it far faster than it handles file arguments
            # (semgrep 1.182, 150 Java files: ~32 s as arguments, 9-13 s as one folder).
            output, problem = _invoke(
                executable, config, [_TREE], workdir, jobs, timeout, len(by_fs_path)
            )
            if problem is not None:
                diagnostics.append(problem)
            if output is not None:
                outputs.append(output)
                # Whatever semgrep chose not to scan in the folder (an ignore rule it applied
                # after all, a size or minified-file heuristic) is given to it explicitly, which
                # bypasses those filters; what it still does not scan is reported.
                scanned = _scanned(output, workdir)
                missed = [path for path in sorted(by_fs_path) if not _in(path, scanned)]
                for batch in _batches(missed):
                    output, problem = _invoke(
                        executable, config, batch, workdir, jobs, timeout, len(batch)
                    )
                    if problem is not None:
                        diagnostics.append(problem)
                    if output is not None:
                        outputs.append(output)
                        scanned |= _scanned(output, workdir)
                for path in missed:
                    if not _in(path, scanned):
                        diagnostics.append(
                            Diagnostic(
                                DiagnosticKind.NOTICE,
                                "semgrep skipped this file even when named explicitly; "
                                "it was not scanned",
                                by_fs_path[path].path,
                            )
                        )
        unparsed_c = [
            path
            for output in outputs
            for path in _unparsed(output, workdir)
            if path in lookup and lookup[path].language in ("c", "cpp")
        ]
        recovered: set[str] = set()
        if unparsed_c:
            retry = _retry_first_branches(
                unparsed_c, lookup, executable, config, workdir, jobs, timeout
            )
            if retry is not None:
                retry_output, retry_lookup = retry
                failed_again = set(_unparsed(retry_output, workdir))
                for path, source in retry_lookup.items():
                    if path not in failed_again and _in(path, _scanned(retry_output, workdir)):
                        recovered.add(source.path)
                findings.extend(
                    f for f in _findings(retry_output, retry_lookup, workdir) if f.path in recovered
                )
        for output in outputs:
            findings.extend(_findings(output, lookup, workdir))
            diagnostics.extend(
                d
                for d in _errors(output, lookup, workdir, strict_parse=strict_parse)
                if not (d.path in recovered and d.message.startswith("not analysed"))
            )
        diagnostics.extend(
            Diagnostic(
                DiagnosticKind.NOTICE,
                "semgrep could not parse this file as written; it was scanned with only the"
                " first branch of each #if/#ifdef (code in the other branches was not analysed)",
                path,
            )
            for path in sorted(recovered)
        )
    return _unique(findings), diagnostics


def _unparsed(output: dict, workdir: str) -> list[str]:
    """The targets semgrep could not parse at all (syntax or lexical errors, not partial)."""
    return [
        _resolve(error["path"], workdir)
        for error in output.get("errors") or ()
        if error.get("path") and _is_whole_file_parse_error(_error_type(error))
    ]


def _error_type(error: dict) -> str:
    """semgrep's error type: a name, or a list such as ["PartialParsing", [locations]]."""
    error_type = error.get("type")
    if isinstance(error_type, list):
        error_type = error_type[0] if error_type else "error"
    return str(error_type or "error")


def _is_whole_file_parse_error(error_type: str) -> bool:
    """A syntax or lexical error: semgrep scanned nothing of the file (PartialParsing is not)."""
    return "syntax" in error_type.lower() or "lexical" in error_type.lower()


def _retry_first_branches(
    paths: Sequence[str],
    lookup: dict[str, SourceFile],
    executable: str,
    config: pathlib.Path,
    workdir: str,
    jobs: Optional[int],
    timeout: int,
) -> Optional[tuple[dict, dict[str, SourceFile]]]:
    """Scan C files semgrep rejected once more, with only the first branch of each
    conditional kept (``first_branches``): two ``#ifdef``'d function headers over one body, or
    a ``} else if (...) {`` opened inside an ``#ifdef``, make semgrep drop the whole file
    (mosquitto's net_mosq.c, c-ares' ares_init.c). Returns semgrep's output and the map from
    the rewritten copies to their sources, or None when semgrep gave no output."""
    retry_tree = os.path.join(workdir, "first-branches")
    os.makedirs(retry_tree)
    retry_lookup: dict[str, SourceFile] = {}
    for index, path in enumerate(dict.fromkeys(paths)):
        source = lookup[path]
        try:
            with open(source.fs_path, "rb") as handle:
                data = handle.read()
        except OSError:
            continue
        folder = os.path.join(retry_tree, str(index))
        os.mkdir(folder)
        copy = os.path.join(folder, os.path.basename(path))
        with open(copy, "wb") as handle:
            handle.write(first_branches(data))
        retry_lookup[copy] = source
    if not retry_lookup:
        return None
    targets = sorted(retry_lookup)
    output, _ = _invoke(executable, config, targets, workdir, jobs, timeout, len(targets))
    return (output, retry_lookup) if output is not None else None


_CONDITIONAL = re.compile(rb"^[ \t]*#[ \t]*(if|ifdef|ifndef|elif|elifdef|elifndef|else|endif)\b(.*)$")


def first_branches(data: bytes) -> bytes:
    """``data`` with each preprocessor conditional reduced to one branch: the first, or the
    ``#else``/``#elif`` after an ``#if 0``. Directive lines and the dropped branches become
    spaces, byte for byte, so lines, columns and byte offsets stay those of the original."""
    lines = data.split(b"\n")
    # One entry per open conditional: whether its chosen branch is the one being read, and
    # whether a branch has been chosen yet.
    stack: list[list[bool]] = []
    continued = False  # the previous line was a directive ending in a backslash
    out = []
    for line in lines:
        active = all(reading for reading, _ in stack)
        if continued:
            continued = line.rstrip(b"\r").endswith(b"\\")
            out.append(_blank(line))
            continue
        match = _CONDITIONAL.match(line.rstrip(b"\r"))
        if match:
            keyword, rest = match.group(1), match.group(2).strip()
            if keyword in (b"if", b"ifdef", b"ifndef"):
                dead = keyword == b"if" and rest.split(b"/", 1)[0].strip() == b"0"
                stack.append([not dead, not dead])
            elif stack and keyword == b"endif":
                stack.pop()
            elif stack:  # elif / else: this branch is read only if none was chosen before
                entry = stack[-1]
                entry[0] = not entry[1]
                entry[1] = True
            continued = line.rstrip(b"\r").endswith(b"\\")
            out.append(_blank(line))
            continue
        out.append(line if active else _blank(line))
    return b"\n".join(out)


def _blank(line: bytes) -> bytes:
    return b" " * len(line.rstrip(b"\r")) + (b"\r" if line.endswith(b"\r") else b"")


# The mirror of the targets inside the working directory, the one folder semgrep scans.
_TREE = "tree"


def _mirror(
    targets: Sequence[SourceFile], tree: str
) -> tuple[dict[str, SourceFile], list[Diagnostic]]:
    """Hard-link (else copy) each target into ``tree``; map each mirror path to its target.

    Targets from one source folder share a mirror folder (``tree/<n>/``), so two files with the
    same name from different folders never collide. The file name is kept (semgrep picks the
    language, and rules their ``paths:`` include patterns, by name) unless it needs an alias.
    Never a symbolic link: semgrep does not follow symlinked files. Mirror folders are plain
    numbers, so no ignore pattern on folder names (tests/, vendor/, .git/...) can match them.
    """
    os.makedirs(tree)
    # semgrep reads the .semgrepignore of the folder it scans (one in its working directory is
    # not consulted); an empty one replaces its default list.
    pathlib.Path(tree, ".semgrepignore").write_text("", encoding="utf-8")
    by_fs_path: dict[str, SourceFile] = {}
    diagnostics: list[Diagnostic] = []
    folders: dict[str, list[tuple[str, set[str]]]] = {}
    count = 0
    for source in targets:
        name = _alias_name(source) or os.path.basename(source.fs_path)
        # A name that is not valid UTF-8 (undecodable bytes) could not come back intact in
        # semgrep's JSON; the replacement keeps its suffix, and the slots below keep it unique.
        name = name.encode("utf-8", "replace").decode("utf-8")
        key = name.casefold()  # the temporary folder may be on a case-insensitive file system
        parent = os.path.dirname(os.path.abspath(source.fs_path))
        slots = folders.setdefault(parent, [])
        slot = next((slot for slot in slots if key not in slot[1]), None)
        if slot is None:
            slot = (os.path.join(tree, str(count)), set())
            count += 1
            os.mkdir(slot[0])
            slots.append(slot)
        mirrored = os.path.join(slot[0], name)
        if source.language == "csharp":
            problem = _place_csharp(source.fs_path, mirrored)
        else:
            problem = _place(source.fs_path, mirrored)
        if problem is not None:
            diagnostics.append(
                Diagnostic(DiagnosticKind.UNREADABLE, f"cannot read: {problem}", source.path)
            )
            continue
        slot[1].add(key)
        by_fs_path[mirrored] = source
    return by_fs_path, diagnostics


# semgrep's C# grammar (1.18x) fails on `async` used as an identifier (a `bool async`
# parameter, `Open(async, token)`, `if (async)`), common in libraries with sync and async
# paths in one method (npgsql), and then drops the whole enclosing type. The modifier `async`
# is followed by a type, a name or `(`; the identifier by punctuation or an operator.
_CSHARP_ASYNC_IDENTIFIER = re.compile(rb"\basync(?=\s*(?:[,);?:\]]|&&|\|\||[!=]=|=(?!>)))")


def _place_csharp(original: str, mirrored: str) -> Optional[str]:
    """Like `_place`, but `async` identifiers are renamed `asyn_` in the mirror's copy.

    Same length, so semgrep's byte offsets (from which positions are computed on the user's
    own file) are unchanged. A file without such identifiers is linked as usual.
    """
    try:
        with open(original, "rb") as handle:
            data = handle.read()
    except OSError:
        return _place(original, mirrored)  # which reports why it cannot be read
    renamed = _CSHARP_ASYNC_IDENTIFIER.sub(b"asyn_", data)
    if renamed == data:
        return _place(original, mirrored)
    try:
        with open(mirrored, "wb") as handle:
            handle.write(renamed)
    except OSError as error:
        return error.strerror or str(error)
    return None


def _place(original: str, mirrored: str) -> Optional[str]:
    """Put ``original``'s content at ``mirrored``; the reason it cannot be read, else None."""
    if not os.access(original, os.R_OK):
        return "Permission denied"
    try:
        # Linux's link() links a symlink itself, not its target: resolve it first.
        os.link(os.path.realpath(original), mirrored)
        return None
    except OSError:
        pass  # another file system, links not supported or not permitted: copy
    try:
        shutil.copyfile(original, mirrored)
    except OSError as error:
        return error.strerror or str(error)
    return None


def _scanned(output: dict, workdir: str) -> set[str]:
    paths = (output.get("paths") or {}).get("scanned") or ()
    return {_resolve(path, workdir) for path in paths if isinstance(path, str)}


def _in(path: str, scanned: set[str]) -> bool:
    return path in scanned or os.path.realpath(path) in scanned


def _alias_name(source: SourceFile) -> Optional[str]:
    """A file name semgrep recognises for ``source``'s language, when its own is not one."""
    name = os.path.basename(source.fs_path)
    if source.language == "dockerfile":
        if name == "Dockerfile" or name.endswith(".dockerfile"):
            return None
        return "Dockerfile"
    if source.language == "ts" and name.lower().endswith((".mts", ".cts")):
        return name[:-4] + ".ts"
    # A script recognised by its shebang (bin/cli): semgrep picks the language by suffix only
    # (without --scan-unknown-extensions it skips the file; with it, it would run every
    # language's rules on it), so the mirror gives it one.
    suffixes = _SCRIPT_SUFFIXES.get(source.language)
    if suffixes and not name.lower().endswith(suffixes):
        return name + suffixes[0]
    return None


_SCRIPT_SUFFIXES = {
    "js": (".js", ".mjs", ".cjs", ".jsx"),
    "ts": (".ts", ".tsx", ".mts", ".cts"),
    "bash": (".sh", ".bash"),
}


def _missing_semgrep(targets: Sequence[SourceFile]) -> Diagnostic:
    languages = ", ".join(sorted({source.language for source in targets}))
    explicit = [source for source in targets if source.explicit]
    count = len(targets)
    noun = "file" if count == 1 else "files"
    message = f"semgrep is not installed: {count} {noun} ({languages}) not scanned; {INSTALL_HINT}"
    if explicit:
        return Diagnostic(
            DiagnosticKind.ENGINE, message, explicit[0].path if len(explicit) == 1 else None
        )
    return Diagnostic(DiagnosticKind.NOTICE, message)


def _batches(paths: Sequence[str]) -> Iterable[list[str]]:
    batch: list[str] = []
    size = 0
    for path in paths:
        if batch and size + len(path) + 1 > _MAX_ARGS_CHARS:
            yield batch
            batch, size = [], 0
        batch.append(path)
        size += len(path) + 1
    if batch:
        yield batch


def _invoke(
    executable: str,
    config: pathlib.Path,
    targets: Sequence[str],
    workdir: str,
    jobs: Optional[int],
    timeout: int,
    files: int,
) -> tuple[Optional[dict], Optional[Diagnostic]]:
    command = [
        executable,
        "scan",
        "--config",
        str(config),
        "--metrics=off",
        "--disable-version-check",
        "--no-rewrite-rule-ids",
        "--json",
        "--quiet",
        "--no-git-ignore",
        "--disable-nosem",
        # v6lint has applied its own size limit already; semgrep must not skip anything silently.
        "--max-target-bytes",
        "0",
        "--timeout",
        str(timeout),
    ]
    if jobs:
        command += ["--jobs", str(jobs)]
    command += ["--", *targets]
    env = dict(os.environ)
    env.update(
        SEMGREP_SEND_METRICS="off",
        SEMGREP_ENABLE_VERSION_CHECK="0",
        # Keep semgrep's settings and logs out of the user's home directory.
        SEMGREP_SETTINGS_FILE=os.path.join(workdir, "settings.yml"),
        SEMGREP_LOG_FILE=os.path.join(workdir, "semgrep.log"),
    )
    # Whole-run limit: generous, but a wedged semgrep must not hang v6lint.
    wall_limit = 120 + timeout * max(1, files)
    try:
        completed = subprocess.run(
            command,
            cwd=workdir,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=wall_limit,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None, Diagnostic(
            DiagnosticKind.ENGINE, f"semgrep did not finish within {wall_limit} s; results dropped"
        )
    except OSError as error:
        return None, Diagnostic(DiagnosticKind.ENGINE, f"cannot run semgrep: {error}")
    try:
        output = json.loads(completed.stdout.decode("utf-8", errors="replace"))
    except ValueError:
        output = None
    if not isinstance(output, dict):
        tail = completed.stderr.decode("utf-8", errors="replace").strip().splitlines()[-3:]
        detail = "; ".join(tail) or "no output"
        return None, Diagnostic(
            DiagnosticKind.ENGINE, f"semgrep exited with code {completed.returncode}: {detail}"
        )
    # With --json semgrep exits 0 on success, with or without findings; anything else that
    # still produced JSON is described by its errors[] list, which _errors reports.
    return output, None


# --------------------------------------------------------------------------------------------
# Mapping semgrep's JSON


class _Text:
    """A target's bytes, for turning semgrep's byte offsets into code-point positions."""

    def __init__(self, data: bytes):
        self.data = data
        self.line_starts = [0]
        for index, byte in enumerate(data):
            if byte == 0x0A:
                self.line_starts.append(index + 1)

    def position(self, offset: int) -> Position:
        offset = max(0, min(offset, len(self.data)))
        # Binary search for the line that contains offset.
        low, high = 0, len(self.line_starts) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if self.line_starts[middle] <= offset:
                low = middle
            else:
                high = middle - 1
        start = self.line_starts[low]
        column = len(self.data[start:offset].decode("utf-8", errors="replace")) + 1
        return Position(low + 1, column)


def _read_texts() -> Any:
    cache: dict[str, Optional[_Text]] = {}

    def text(fs_path: str) -> Optional[_Text]:
        if fs_path not in cache:
            try:
                with open(fs_path, "rb") as handle:
                    cache[fs_path] = _Text(handle.read())
            except OSError:
                cache[fs_path] = None
        return cache[fs_path]

    return text


def _confidence(meta: dict, path: str) -> Confidence:
    """The rule's confidence; ``in-tests: low|medium`` lowers it for findings in test code
    (v6lint.test_paths says which files are).

    A test that dials 127.0.0.1 or builds a URL from its own fixture host holds a real IPv4
    assumption, but one the suite chose for itself: reported, below the product-code findings.
    """
    confidence = _CONFIDENCE.get(meta.get("confidence", "high"), Confidence.HIGH)
    in_tests = _CONFIDENCE.get(meta.get("in-tests", ""))
    if in_tests is not None and is_test_path(path):
        return min(confidence, in_tests, key=lambda level: level.rank)
    return confidence


def _resolve(path: str, workdir: str) -> str:
    return os.path.abspath(os.path.join(workdir, path))


def _findings(output: dict, by_fs_path: dict[str, SourceFile], workdir: str) -> list[Finding]:
    findings = []
    text_of = _read_texts()
    rules = _rules_by_id()
    for result in output.get("results") or ():
        source = by_fs_path.get(_resolve(result.get("path", ""), workdir))
        extra = result.get("extra") or {}
        meta = (extra.get("metadata") or {}).get("v6lint") or {}
        if source is None or "code" not in meta:
            continue
        text = text_of(source.fs_path)
        if text is None:
            continue
        span = Span(
            text.position(int(result["start"]["offset"])),
            text.position(int(result["end"]["offset"])),
        )
        rule = rules.get(result.get("check_id", ""))
        severity = rule.severity if rule else _SEVERITIES.get(extra.get("severity"), Severity.WARNING)
        safety = _FIX_SAFETY.get(meta.get("fix-safety", "none"))
        fix = None
        if safety is not None and isinstance(extra.get("fix"), str):
            fix = Fix(
                title=meta.get("fix-title") or f"Apply the {meta['name']} fix",
                safety=safety,
                edits=(TextEdit(span, extra["fix"]),),
            )
        findings.append(
            Finding(
                code=meta["code"],
                name=meta["name"],
                path=source.path,
                span=span,
                message=" ".join(str(extra.get("message", "")).split()),
                severity=severity,
                confidence=_confidence(meta, str(source.path)),
                fix=fix,
                engine=ENGINE,
            )
        )
    return findings


_LANGUAGE_NAMES = {
    "c": "C",
    "cpp": "C++",
    "go": "Go",
    "java": "Java",
    "kotlin": "Kotlin",
    "js": "JavaScript",
    "ts": "TypeScript",
    "csharp": "C#",
    "ruby": "Ruby",
    "php": "PHP",
    "rust": "Rust",
    "bash": "shell",
    "yaml": "YAML",
    "dockerfile": "Dockerfile",
    "generic": "text",
}


def _errors(
    output: dict, by_fs_path: dict[str, SourceFile], workdir: str, *, strict_parse: bool = False
) -> list[Diagnostic]:
    diagnostics = []
    unparsed: set[str] = set()  # one diagnostic per file, however many errors semgrep lists
    for error in output.get("errors") or ():
        error_type = _error_type(error)
        path = error.get("path")
        source = by_fs_path.get(_resolve(path, workdir)) if path else None
        line = None
        spans = error.get("spans") or ()
        if spans and isinstance(spans[0], dict):
            line = (spans[0].get("start") or {}).get("line")
        rule_id = error.get("rule_id")
        if error_type == "PartialParsing":
            # semgrep skipped some constructs but scanned the rest of the file.
            kind = DiagnosticKind.NOTICE
            message = "semgrep parsed this file only in part; some code was not scanned"
        elif _is_whole_file_parse_error(error_type):
            key = source.path if source else str(path)
            if key in unparsed:
                continue
            unparsed.add(key)
            kind = DiagnosticKind.ENGINE if strict_parse else DiagnosticKind.NOTICE
            language = _LANGUAGE_NAMES.get(source.language, source.language) if source else None
            message = (
                f"not analysed: semgrep could not parse it ({error_type.lower()}"
                + (f", language {language}" if language else "")
                + ")"
            )
            first = str(error.get("message") or "")
            if line is None and ":" in first:
                # "Syntax error at line path:12:" -> 12
                tail = first.split("\n", 1)[0].rstrip(":").rsplit(":", 1)[-1]
                line = int(tail) if tail.isdigit() else None
        elif "timeout" in error_type.lower():
            kind = DiagnosticKind.ENGINE
            message = "semgrep timed out on this file; results for it may be missing"
        else:
            kind = DiagnosticKind.ENGINE
            first = str(error.get("message") or error_type).strip().splitlines()
            message = f"semgrep: {error_type}: {first[0] if first else ''}".rstrip(": ")
        if rule_id and "timeout" in error_type.lower():
            message += f" (rule {rule_id})"
        elif rule_id and source is None:
            message += f" (rule {rule_id})"
        diagnostics.append(
            Diagnostic(kind, message, source.path if source else path, line if source else None)
        )
    return diagnostics


def _unique(findings: Iterable[Finding]) -> list[Finding]:
    seen: set[tuple] = set()
    unique = []
    for finding in sorted(findings, key=lambda f: f.sort_key):
        # One finding per code and start: `struct in_addr a, b;` matches once per variable.
        key = (finding.code, finding.path, finding.span.start)
        if key in seen:
            continue
        seen.add(key)
        unique.append(finding)
    return unique
