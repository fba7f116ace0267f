"""The command line: ``v6lint check``, ``v6lint rules``, ``v6lint explain``.

Exit codes (check): 0 clean, 1 findings, 2 an error (usage, configuration, a file that could
not be analysed, a crash). An error outranks findings. Heavy modules (libcst, the rules, the
reporters) are imported inside the commands, so ``--help`` and small runs start fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import Optional, Sequence

import click

from v6lint import __version__
from v6lint.atomic import write_atomically
from v6lint.config import CONFIDENCE_LEVELS, Config, ConfigError, load_config, parse_codes
from v6lint.model import Confidence, Diagnostic, DiagnosticKind

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _codes_option(ctx: click.Context, param: click.Parameter, value: Optional[str]):
    if value is None:
        return None
    try:
        return parse_codes(value)
    except ConfigError as error:
        raise click.BadParameter(str(error), ctx=ctx, param=param) from error


def _use_colour(output_file: Optional[str]) -> bool:
    if output_file or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def repository_root(cwd: str) -> str:
    """The git top level (SARIF URIs are relative to it), else the working directory."""
    import subprocess

    try:
        completed = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], cwd=cwd, capture_output=True, text=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return cwd
    top = completed.stdout.strip()
    return os.path.realpath(top) if completed.returncode == 0 and top else cwd


def _shard_option(ctx: click.Context, param: click.Parameter, value: Optional[str]):
    if value is None:
        return None
    try:
        k_text, n_text = value.split("/")
        k, n = int(k_text), int(n_text)
    except ValueError:
        raise click.BadParameter("expected K/N, for example 2/4", ctx=ctx, param=param) from None
    if not 1 <= k <= n:
        raise click.BadParameter("K/N needs 1 <= K <= N", ctx=ctx, param=param)
    return k, n


class LazyCatalog(Mapping):
    """The rule catalog, loaded on first use: the text report of a clean run never needs it,
    and loading it (every rule module, every semgrep YAML file) costs more than a small scan."""

    def __init__(self, load) -> None:
        self._load = load
        self._catalog = None

    def _get(self):
        if self._catalog is None:
            self._catalog = self._load()
        return self._catalog

    def __getitem__(self, code):
        return self._get()[code]

    def __iter__(self):
        return iter(self._get())

    def __len__(self) -> int:
        return len(self._get())


class _Group(click.Group):
    """Turns an internal error into exit code 2: Python's own 1 would read as "findings"."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except BrokenPipeError:
            # The reader went away (``v6lint rules | head``): no traceback, and no second
            # error when Python flushes stdout at exit.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(EXIT_ERROR)
        except Exception:  # a bug in v6lint: say so plainly, keep the traceback for a report
            import traceback

            traceback.print_exc()
            click.echo("v6lint: internal error (the traceback above is worth reporting)", err=True)
            sys.exit(EXIT_ERROR)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="v6lint")
def main() -> None:
    """Find IPv4-only assumptions in code, explain them, and fix what is safe to fix."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--output-format",
    type=click.Choice(["text", "json", "sarif", "github"]),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option("--output-file", "-o", type=click.Path(dir_okay=False), help="Write the report here instead of stdout.")
@click.option("--select", callback=_codes_option, help="Only these codes or prefixes (comma separated).")
@click.option("--ignore", callback=_codes_option, help="Skip these codes or prefixes (comma separated).")
@click.option(
    "--min-confidence",
    type=click.Choice(CONFIDENCE_LEVELS),
    help="Hide findings less sure than this (low: test code and weak evidence). Default: low.",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (errors still exit 2).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Use this pyproject.toml or v6lint.toml.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: all cores).")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing on stderr but errors.")
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(dir_okay=False),
    help="Report only findings not recorded in this baseline file (see --write-baseline).",
)
@click.option(
    "--write-baseline",
    "write_baseline_file",
    type=click.Path(dir_okay=False),
    help="Record today's findings in this file, for later runs with --baseline.",
)
@click.option("--fix", "fix", is_flag=True, help="Apply safe fixes, then report what remains.")
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    help="With --fix or --diff: apply unsafe fixes too. Alone: show them as available.",
)
@click.option("--diff", "diff", is_flag=True, help="Print the changes --fix would make; write nothing (exit 1 if any).")
@click.option("--no-cache", is_flag=True, help="Ignore and don't write any cache.")
@click.option(
    "--shard",
    callback=_shard_option,
    metavar="K/N",
    help="Scan only the K-th of N disjoint parts of the files (split by a stable hash of the"
    " path below the repository root), to spread a big tree over N CI runners.",
)
def check(
    paths: Sequence[str],
    output_format: str,
    output_file: Optional[str],
    select: Optional[list[str]],
    ignore: Optional[list[str]],
    min_confidence: Optional[str],
    exit_zero: bool,
    config_file: Optional[str],
    jobs: Optional[int],
    quiet: bool,
    baseline_file: Optional[str],
    write_baseline_file: Optional[str],
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    no_cache: bool,
    shard: Optional[tuple[int, int]],
) -> None:
    """Scan PATHS (files or folders; default: the current folder)."""
    from v6lint.catalog import load_catalog
    from v6lint.reporters import Report, render
    from v6lint.runner import run_check

    cwd = os.getcwd()
    config_diagnostics: list[Diagnostic] = []
    try:
        config = load_config(cwd, config_file)
    except ConfigError as error:
        config_diagnostics.append(Diagnostic(DiagnosticKind.CONFIG, f"{error}; using defaults"))
        config = Config(root=cwd)
    config = config.with_overrides(
        select=select,
        ignore=ignore or (),
        min_confidence=Confidence(min_confidence) if min_confidence else None,
    )

    from v6lint.progress import Progress

    progress = Progress(enabled=not quiet and sys.stderr.isatty())
    try:
        result = run_check(
            list(paths),
            config,
            jobs=jobs,
            cwd=cwd,
            use_cache=not no_cache,
            shard=shard,
            shard_root=repository_root(cwd) if shard else None,
            progress=progress.advance,
            on_total=progress.start,
        )
    finally:
        progress.close()
    diagnostics = config_diagnostics + result.diagnostics
    current, fixes_applied = result.findings, 0
    if fix or diff:
        from v6lint.fixes import fix_files

        fixed = fix_files(result.files, result.findings, config, unsafe=unsafe_fixes, write=not diff)
        diagnostics.extend(fixed.diagnostics)
        if diff:
            _report_diff(fixed, diagnostics, quiet)
        current, fixes_applied = fixed.findings, fixed.applied
    findings, absent = _apply_baselines(
        current, diagnostics, cwd, baseline_file, write_baseline_file, output_format, quiet
    )

    report = Report(
        findings=findings,
        diagnostics=diagnostics,
        absent=absent,
        rules=LazyCatalog(load_catalog),
        files_scanned=result.files_scanned,
        root=repository_root(cwd),
        cwd=cwd,
        color=output_format == "text" and _use_colour(output_file),
        tool_version=__version__,
        fixes_applied=fixes_applied,
        unsafe_fixes=unsafe_fixes,
    )
    text = render(report, output_format)
    if output_file:
        write_atomically(output_file, text)
        if output_format != "text" and not quiet:
            # Keep humans informed when the report itself went to a file.
            click.echo(render(report, "text"), err=True, nl=False)
    else:
        click.echo(text, nl=False)

    if any(d.is_error for d in diagnostics):
        sys.exit(EXIT_ERROR)
    counted = [f for f in report.active_findings if f.baseline_state != "unchanged"]
    if counted and not exit_zero:
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


def _report_diff(fixed, diagnostics, quiet: bool) -> None:
    """--diff: the unified diff on stdout, a count on stderr; exit 1 when there are changes
    (2 when a file could not be read, fixed or parsed), without writing anything."""
    click.echo(fixed.diff(), nl=False)
    for diagnostic in diagnostics:
        if diagnostic.is_error or not quiet:
            click.echo(diagnostic.render(), err=True)
    if not quiet:
        changed = fixed.changed
        if changed:
            count = fixed.applied
            files = len(changed)
            click.echo(
                f"v6lint: would fix {count} finding{'s' if count != 1 else ''}"
                f" in {files} file{'s' if files != 1 else ''}",
                err=True,
            )
        else:
            click.echo("v6lint: no fixes to apply", err=True)
    if any(d.is_error for d in diagnostics):
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if fixed.changed else EXIT_CLEAN)


def _apply_baselines(findings, diagnostics, cwd, baseline_file, write_baseline_file, output_format, quiet):
    """--write-baseline then --baseline; returns (findings with baseline states, absent ones).

    A baseline problem becomes a config diagnostic (exit 2) and the findings stay unmarked.
    With --write-baseline alone the new file is applied at once, so the run exits 0.
    """
    from v6lint.baseline import apply_baseline, write_baseline

    def read_source(path: str) -> str:
        with open(os.path.join(cwd, path), encoding="utf-8", errors="replace") as handle:
            return handle.read()

    if write_baseline_file:
        try:
            count = write_baseline(findings, write_baseline_file, read_source, cwd=cwd)
        except OSError as error:
            message = f"cannot write the baseline: {error.strerror}"
            diagnostics.append(Diagnostic(DiagnosticKind.CONFIG, message, path=write_baseline_file))
            return findings, []
        if not quiet:
            click.echo(f"v6lint: recorded {count} findings in {write_baseline_file}", err=True)
    path = baseline_file or write_baseline_file
    if not path:
        return findings, []
    try:
        marked, absent = apply_baseline(findings, path, read_source, cwd=cwd)
    except ValueError as error:
        diagnostics.append(Diagnostic(DiagnosticKind.CONFIG, str(error), path=path))
        return findings, []
    if output_format == "text":
        # The text report lists what needs attention: findings the baseline does not know.
        shown = [f for f in marked if f.baseline_state != "unchanged"]
        if len(shown) != len(marked) and not quiet:
            click.echo(f"v6lint: {len(marked) - len(shown)} findings recorded in {path} not shown", err=True)
        marked = shown
    return marked, absent


@main.command()
@click.option("--output-format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules(output_format: str) -> None:
    """List every rule: code, name, fix tier, languages, summary."""
    import json

    from v6lint.catalog import load_catalog

    catalog = load_catalog()
    if output_format == "json":
        rows = [
            {
                "code": info.code,
                "name": info.name,
                "summary": info.summary,
                "severity": info.severity.value,
                "fix": info.fix_safety.value if info.fix_safety else None,
                "precision": info.precision,
                "languages": list(info.languages),
            }
            for info in catalog.values()
        ]
        click.echo(json.dumps(rows, indent=2))
        return
    for info in catalog.values():
        fix = info.fix_safety.value if info.fix_safety else "-"
        click.echo(f"{info.code}  {info.name:<34} fix:{fix:<6} {','.join(info.languages):<22} {info.summary}")


@main.command()
@click.argument("code")
def explain(code: str) -> None:
    """Show the full documentation of the rule CODE (or its name)."""
    from v6lint.catalog import load_catalog

    catalog = load_catalog()
    wanted = code.strip()
    info = catalog.get(wanted.upper()) or next(
        (candidate for candidate in catalog.values() if candidate.name == wanted), None
    )
    if info is None:
        click.echo(f"v6lint: no rule {code!r}; `v6lint rules` lists them", err=True)
        sys.exit(EXIT_ERROR)
    fix = info.fix_safety.value if info.fix_safety else "none (report only)"
    click.echo(f"# {info.code} {info.name}\n")
    click.echo(f"{info.summary}.\n")
    click.echo(f"Languages: {', '.join(info.languages)}. Fix: {fix}. Precision: {info.precision}.\n")
    click.echo(info.docs)


@main.command("merge-sarif")
@click.argument("output", type=click.Path(dir_okay=False))
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
def merge_sarif(output: str, inputs: Sequence[str]) -> None:
    """Merge the SARIF files of several shards (--shard K/N) into one run in OUTPUT."""
    import json

    from v6lint.sarif_merge import SarifMergeError, merge_sarif_logs

    logs = []
    for path in inputs:
        try:
            with open(path, encoding="utf-8") as handle:
                logs.append(json.load(handle))
        except (OSError, ValueError) as error:
            click.echo(f"v6lint: cannot read {path}: {error}", err=True)
            sys.exit(EXIT_ERROR)
    try:
        merged = merge_sarif_logs(logs)
    except SarifMergeError as error:
        click.echo(f"v6lint: cannot merge: {error}", err=True)
        sys.exit(EXIT_ERROR)
    text = json.dumps(merged, indent=2, ensure_ascii=False) + "\n"
    if output == "-":
        click.echo(text, nl=False)
    else:
        write_atomically(output, text)
