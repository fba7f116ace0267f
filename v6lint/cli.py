"""The command line: ``v6lint check``, ``v6lint rules``, ``v6lint explain``.

Exit codes (check): 0 clean, 1 findings, 2 an error (usage, configuration, a file that could
not be analysed, a crash). An error outranks findings. Heavy modules (libcst, the rules, the
reporters) are imported inside the commands, so ``--help`` and small runs start fast.
"""

from __future__ import annotations

import os
import sys
import tempfile
from typing import Optional, Sequence

import click

from v6lint import __version__
from v6lint.config import Config, ConfigError, load_config, parse_codes
from v6lint.model import Diagnostic, DiagnosticKind

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


def write_atomically(path: str, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new one, never half."""
    folder = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".v6lint-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        if os.path.exists(path):
            os.chmod(temporary, os.stat(path).st_mode & 0o7777)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (errors still exit 2).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Use this pyproject.toml or v6lint.toml.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: all cores).")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing on stderr but errors.")
def check(
    paths: Sequence[str],
    output_format: str,
    output_file: Optional[str],
    select: Optional[list[str]],
    ignore: Optional[list[str]],
    exit_zero: bool,
    config_file: Optional[str],
    jobs: Optional[int],
    quiet: bool,
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
    config = config.with_overrides(select=select, ignore=ignore or ())

    result = run_check(list(paths), config, jobs=jobs, cwd=cwd)
    diagnostics = config_diagnostics + result.diagnostics

    report = Report(
        findings=result.findings,
        diagnostics=diagnostics,
        rules=load_catalog(),
        files_scanned=result.files_scanned,
        root=repository_root(cwd),
        cwd=cwd,
        color=output_format == "text" and _use_colour(output_file),
        tool_version=__version__,
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
    if report.active_findings and not exit_zero:
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


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
