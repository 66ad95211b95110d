"""`trucewatch agreements list | validate FILE | show ID`: truce agreements as data."""

from __future__ import annotations

import datetime as dt
import json

import typer

from trucewatch.assess import list_agreements, load_agreement, parse_agreement, periods, status
from trucewatch.errors import AgreementError
from trucewatch.model.agreement import Agreement, TimePoint


def _time(point: TimePoint | None) -> str:
    if point is None:
        return "-"
    return point.iso() + (" (approx.)" if point.approximate else "")


def _summary_line(agreement: Agreement) -> str:
    spans = periods(agreement)
    end = spans[-1].end
    return (
        f"{len(agreement.instruments)} instruments, {len(agreement.parties)} parties, "
        f"{len(agreement.obligations)} obligations, {len(agreement.positions)} positions; "
        f"effect {_time(agreement.effect_time)} ({agreement.effect_instrument.label()}), "
        f"end {end.iso() if end is not None else 'open'}"
    )


def _show_text(agreement: Agreement) -> str:
    lines = [f"{agreement.id}: {agreement.name}", ""]
    if agreement.summary:
        lines += [agreement.summary, ""]
    lines.append(f"time zone: {agreement.timezone}")
    lines.append(f"effect: {_time(agreement.effect_time)} ({agreement.effect_instrument.label()})")
    if agreement.end is not None:
        lines.append(f"end: {_time(agreement.end.at)} ({agreement.end.kind}) {agreement.end.note}")
    lines.append("instruments:")
    for inst in agreement.instruments:
        governs = "  <- governs effect" if inst.id == agreement.effect else ""
        lines.append(
            f"  {inst.id} [{inst.kind}] {inst.label()}: effect {_time(inst.effect)}, "
            f"until {_time(inst.until)}{governs}"
        )
    lines.append("periods in force:")
    for period in periods(agreement):
        stop = period.end.iso() if period.end is not None else "open"
        lines.append(f"  {period.start.iso()} -> {stop} {period.closed_by}".rstrip())
    lines.append("parties:")
    for party in agreement.parties:
        joined = ""
        if party.accept_by is not None or party.accepted_on is not None:
            joined = f" (accept by {_time(party.accept_by)}; accepted {_time(party.accepted_on)})"
        lines.append(f"  {party.label()} [{party.side}]{joined}")
    scope = agreement.scope
    lines.append("scope:")
    lines.append(f"  countries: {', '.join(scope.countries) or '-'}")
    for region in scope.admin1:
        lines.append(f"  admin1: {region.name} ({region.country})")
    for area in scope.areas:
        shape = " (polygon)" if area.polygon else ""
        lines.append(f"  area: {area.name}{shape}")
    lines.append("exemptions:")
    for exempt in agreement.exemptions.actors:
        lines.append(f"  {exempt.actor}: {exempt.reason}")
    for rule in agreement.exemptions.designations:
        lines.append(f"  designated {rule.label or 'anything'} by {rule.authority}: {rule.reason}")
    lines.append("obligations:")
    for duty in agreement.obligations:
        covers = "; ".join(
            c.event_type + (f" ({', '.join(c.sub_event_types)})" if c.sub_event_types else "")
            for c in duty.covers
        )
        lines.append(f"  {duty.id}: {duty.name} -> {covers}")
    if agreement.positions:
        lines.append("positions:")
        for pos in agreement.positions:
            about = pos.about.group.description if pos.about.group else ", ".join(pos.about.actors)
            lines.append(f"  {pos.holder}: {about} -> {pos.view} ({pos.source or 'no source'})")
    return "\n".join(lines)


def register(app: typer.Typer) -> None:
    """Add the `agreements` command group."""
    group = typer.Typer(help="Truce agreements: list, validate, show.", no_args_is_help=True)

    @group.command("list")
    def list_command() -> None:
        """Shipped agreements: id, name, effect time, status today."""
        now = dt.datetime.now(dt.UTC)
        for agreement in list_agreements():
            typer.echo(
                f"{agreement.id}\t{agreement.name}\t{_time(agreement.effect_time)}\t"
                f"{status(agreement, now)}"
            )

    @group.command("validate")
    def validate_command(path: str = typer.Argument(..., help="Agreement YAML file.")) -> None:
        """Check an agreement file; print OK and a summary, or file:line errors."""
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError) as error:
            raise AgreementError(f"cannot read agreement file {path!r}: {error}") from error
        agreement = parse_agreement(text, path)
        typer.echo(f"OK {agreement.id}: {_summary_line(agreement)}")

    @group.command("show")
    def show_command(
        ref: str = typer.Argument(..., help="Shipped agreement id or a YAML file."),
        as_json: bool = typer.Option(False, "--json", help="Print the agreement as JSON."),
    ) -> None:
        """Terms, instruments with times, parties, exemptions, scope and positions."""
        agreement = load_agreement(ref)
        if as_json:
            data = agreement.model_dump(mode="json")
            data["periods"] = [
                {
                    "start": p.start.iso(),
                    "end": p.end.iso() if p.end is not None else None,
                    "opened_by": p.opened_by.id,
                    "closed_by": p.closed_by,
                }
                for p in periods(agreement)
            ]
            typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
        else:
            typer.echo(_show_text(agreement))

    app.add_typer(group, name="agreements")


__all__ = ["register"]
