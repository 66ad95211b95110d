"""`trucewatch export`, `trucewatch report` (daily situation report) and `trucewatch tokens`."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import typer

from trucewatch.cli.common import DB_OPTION, open_store, parse_date, settings_for
from trucewatch.errors import ConfigError
from trucewatch.export import FORMATS, build_report, outlines, render_html, render_markdown
from trucewatch.export.tables import write_export
from trucewatch.store.base import IncidentFilter
from trucewatch.web import STATIC_DIR

tokens_app = typer.Typer(help="API tokens (stored hashed; shown once).", no_args_is_help=True)
PDF_SECONDS = 60


def export(
    fmt: str = typer.Argument(..., help=f"One of: {', '.join(FORMATS)}."),
    out: str = typer.Option("-", "--out", "-o", help="File to write ('-': stdout)."),
    db: str | None = DB_OPTION,
    agreement: str | None = typer.Option(None, "--agreement"),
    verdict: str | None = typer.Option(None, "--verdict"),
    party: str | None = typer.Option(None, "--party", help="Actor id or name, either side."),
    grade: str | None = typer.Option(None, "--grade"),
    country: str | None = typer.Option(None, "--country"),
    since: str | None = typer.Option(None, "--since", help="YYYY-MM-DD"),
    until: str | None = typer.Option(None, "--until", help="YYYY-MM-DD"),
) -> None:
    """Write the stored incidents as csv, acled-csv (ACLED-compatible), geojson, parquet, jsonl."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; valid: {', '.join(FORMATS)}")
    flt = IncidentFilter(
        agreement=agreement,
        verdict=verdict,
        actor=party,
        grade=grade,
        country=country,
        since=parse_date(since, "--since"),
        until=parse_date(until, "--until"),
    )
    settings = settings_for(db)
    with open_store(settings, read_only=True) as store:
        incidents = store.iter_incidents(flt)
        if out == "-":
            count = write_export(fmt, incidents, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        else:
            count = write_export(fmt, incidents, out)
    typer.echo(f"wrote {count} incidents ({fmt})", err=True)


def _pdf(html_path: Path, pdf_path: Path) -> str | None:
    """Print the HTML to PDF with Debian's chromium; a note instead when it is missing."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        return "PDF skipped: no chromium on PATH (apt-get install chromium)"
    with tempfile.TemporaryDirectory() as profile:
        command = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf_path}",
            html_path.resolve().as_uri(),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=PDF_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            return f"PDF skipped: chromium took longer than {PDF_SECONDS} s"
    return None if pdf_path.exists() else "PDF skipped: chromium did not write it"


def report(
    date: str = typer.Option(..., "--date", help="The day reported on, YYYY-MM-DD."),
    agreement: str | None = typer.Option(None, "--agreement", help="Count verdicts under it."),
    db: str | None = DB_OPTION,
    out: str = typer.Option("out", "--out", help="Directory for report.md/.html/.pdf, map.svg."),
    pdf: bool = typer.Option(True, "--pdf/--no-pdf", help="Also print a PDF with chromium."),
) -> None:
    """Write the daily situation report: totals by verdict, party and region with the change
    from the day before, notable incidents, a map, and the method and its limits."""
    day = parse_date(date, "--date")
    assert day is not None
    settings = settings_for(db)
    with open_store(settings, read_only=True) as store:
        flt = IncidentFilter(agreement=agreement, since=day - dt.timedelta(days=1), until=day)
        incidents = list(store.iter_incidents(flt))
    topology = json.loads((STATIC_DIR / "countries-50m.json").read_text(encoding="utf-8"))
    sitrep = build_report(day, incidents, agreement=agreement, countries=outlines(topology))
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"sitrep-{day.isoformat()}"
    (folder / "map.svg").write_text(sitrep.map_svg, encoding="utf-8")
    (folder / f"{stem}.md").write_text(render_markdown(sitrep), encoding="utf-8")
    html_path = folder / f"{stem}.html"
    html_path.write_text(render_html(sitrep), encoding="utf-8")
    written = [f"{stem}.md", f"{stem}.html", "map.svg"]
    if pdf:
        note = _pdf(html_path, folder / f"{stem}.pdf")
        if note:
            typer.echo(note, err=True)
        else:
            written.append(f"{stem}.pdf")
    typer.echo(f"{len(sitrep.today)} incidents on {day}; wrote {', '.join(written)} in {folder}")


@tokens_app.command("create")
def create_token(
    name: str = typer.Argument(..., help="A label for whoever holds the token."),
    scope: str = typer.Option("read", "--scope", help="read | write"),
    db: str | None = DB_OPTION,
) -> None:
    """Create an API token and print it once (only its hash is stored)."""
    with open_store(settings_for(db)) as store:
        token = store.create_token(name, scope)
    typer.echo(token)


@tokens_app.command("revoke")
def revoke_token(name: str = typer.Argument(...), db: str | None = DB_OPTION) -> None:
    """Revoke a token by name."""
    with open_store(settings_for(db)) as store:
        found = store.revoke_token(name)
    if not found:
        raise ConfigError(f"no token named {name!r}")
    typer.echo(f"revoked {name}")


def register(app: typer.Typer) -> None:
    app.command("export")(export)
    app.command("report")(report)
    app.add_typer(tokens_app, name="tokens")


__all__ = ["register"]
