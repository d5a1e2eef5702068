"""`check`, `build` and `serve`: the commands that read a whole site and say what it makes.

They are what CI and a writer's preview run; each turns the pipeline's result
into messages and an exit code, and nothing more.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from ..build.builder import build as build_site
from ..build.output_dir import OutputError
from ..core.problems import Severity, SiteError
from ..core.times import iso_utc
from ..proof.bylines import summary as signature_summary
from ..source.cache import read_once
from .console import plural, report, resolve_now, strict_failure
from .options import NOW_OPTION, SITE_ARGUMENT, SITE_OPTION, locate, resolve_signatures, signature_options


@click.command()
@SITE_ARGUMENT
@SITE_OPTION
@NOW_OPTION
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@signature_options
def check(site_argument: Path | None, site: Path | None, now: str | None, strict: bool, **signing: Any) -> None:
    """Check a site and print every problem as path:line: message."""
    from ..pipeline.evaluate import check as check_site  # `build` stops before loading it when it can

    root = locate(site_argument, site).root
    signatures = resolve_signatures(**signing)
    with read_once():
        checked = check_site(root, resolve_now(now), signatures)
    report(checked.problems)
    if signatures is not None and checked.state is not None:
        click.echo(signature_summary(checked.state.bylines))
    errors, warnings = len(checked.errors), len(checked.warnings)
    shown = root.resolve().name if str(root) == "." else root  # the site's folder, 'content', never '.'
    counts = plural(warnings, 'warning') if errors or not strict or not warnings else strict_failure(warnings)
    click.echo(f"{shown}: {plural(errors, 'error')}, {counts}")
    if errors or (strict and warnings):
        sys.exit(1)


@click.command()
@SITE_ARGUMENT
@SITE_OPTION
@click.option("--out", "-o", type=click.Path(path_type=Path),
              help="Output directory; replaced whole, atomically.  [default: public, beside content/ or in the "
              "site's folder]")
@NOW_OPTION
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@signature_options
def build(site_argument: Path | None, site: Path | None, out: Path | None, now: str | None, strict: bool,
          **signing: Any) -> None:
    """Build the static site into --out."""
    located = locate(site_argument, site)
    root = located.root
    out = out if out is not None else located.home / "public"
    signatures = resolve_signatures(**signing)
    try:
        with read_once():
            result = build_site(root, out, resolve_now(now), strict=strict, signatures=signatures,
                                waiting=lambda: click.echo(f"waiting for another build into {out} to finish",
                                                           err=True))
    except SiteError as exc:
        report(exc.problems)
        if any(problem.severity is Severity.ERROR for problem in exc.problems):
            click.echo(f"build failed: {plural(len(exc.problems), 'problem')}; {out} is unchanged", err=True)
        else:
            click.echo(f"build failed, {out} is unchanged: {strict_failure(len(exc.problems))}", err=True)
        sys.exit(1)
    except OutputError as exc:
        raise click.ClickException(str(exc)) from exc
    report(result.warnings)
    if signatures is not None:
        click.echo(signature_summary(result.bylines))
    summary = f"built {plural(result.files, 'file')} into {out} in {result.seconds:.2f} s"
    if result.warnings:
        summary += f", {plural(len(result.warnings), 'warning')}"
    if result.next_change:
        summary += f"; next changes by itself at {iso_utc(result.next_change)}"
    click.echo(summary)


@click.command()
@SITE_ARGUMENT
@SITE_OPTION
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port on 127.0.0.1 (0 picks a free one).")
@click.option("--now", metavar="TIME", help="Preview at this fixed 'now'; default the clock at each rebuild.")
def serve(site_argument: Path | None, site: Path | None, port: int, now: str | None) -> None:
    """Preview the site on 127.0.0.1 only, rebuilt and reloaded in the browser on every save."""
    from ..preview.server import serve as run_server

    root = locate(site_argument, site).root
    try:
        run_server(root, port, resolve_now(now) if now else None)
    except OSError as exc:
        raise click.ClickException(f"cannot serve on 127.0.0.1:{port}: {exc.strerror or exc}") from exc
