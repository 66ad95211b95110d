"""`trucewatch incidents`: list, show, and the analyst's merge/split decisions."""

from __future__ import annotations

from typing import Any

import typer

from trucewatch.cli.common import (
    DB_OPTION,
    JSON_OPTION,
    open_store,
    parse_date,
    print_json,
    settings_for,
)
from trucewatch.errors import InputError
from trucewatch.model import Decision, EventKey, Incident
from trucewatch.store import IncidentFilter

incidents_app = typer.Typer(
    help="Incidents fused from stored reports.", no_args_is_help=False, add_completion=False
)


def incident_json(incident: Incident) -> dict[str, Any]:
    """An incident for scripts: member reports named by the ids they were ingested with."""
    data = incident.model_dump(mode="json")
    data["reports"] = sorted({m.source_id for m in incident.members})
    data["source_count"] = len(incident.sources)
    return data


def _range(figure: Any) -> str:
    if figure.min is None:
        return "-"
    if figure.min == figure.max:
        return str(figure.min)
    return f"{figure.min}-{figure.max} (best {figure.best})"


@incidents_app.callback(invoke_without_command=True)
def list_incidents(
    ctx: typer.Context,
    db: str | None = DB_OPTION,
    agreement: str | None = typer.Option(None, "--agreement", help="Agreement id."),
    verdict: str | None = typer.Option(None, "--verdict", help="Verdict under --agreement."),
    actor: str | None = typer.Option(None, "--actor", help="Actor id or name (either side)."),
    grade: str | None = typer.Option(None, "--grade", help="confirmed|fair|weak|contested|..."),
    country: str | None = typer.Option(None, "--country", help="ISO country code."),
    since: str | None = typer.Option(None, "--since", help="YYYY-MM-DD"),
    until: str | None = typer.Option(None, "--until", help="YYYY-MM-DD"),
    limit: int = typer.Option(100, "--limit", help="Incidents to list."),
    as_json: bool = JSON_OPTION,
) -> None:
    """List incidents (newest first), filtered."""
    if ctx.invoked_subcommand is not None:
        return
    flt = IncidentFilter(
        agreement=agreement,
        verdict=verdict,
        actor=actor,
        grade=grade,
        country=country,
        since=parse_date(since, "--since"),
        until=parse_date(until, "--until"),
    )
    with open_store(settings_for(db)) as store:
        page = store.list_incidents(flt, limit=limit)
        total = store.count_incidents(flt)
    if as_json:
        print_json({"total": total, "items": [incident_json(i) for i in page.items]})
        return
    typer.echo(f"{total} incidents" + (f" (showing {len(page.items)})" if page.next else ""))
    for inc in page.items:
        verdicts = ", ".join(f"{v.agreement}:{v.verdict}" for v in inc.verdicts) or "-"
        place = inc.location.name if inc.location else "?"
        actor1 = inc.actor1.name if inc.actor1 else "?"
        typer.echo(
            f"{inc.id:<14} {inc.date_start or '----------'}  {inc.sub_event_type[:24]:<24} "
            f"{actor1[:16]:<16} {place[:18]:<18} reports {len(inc.members):>2}  "
            f"sources {len(inc.sources):>2}  killed {_range(inc.fatalities):<14} "
            f"{inc.grade:<9} {verdicts}"
        )


@incidents_app.command("show")
def show(
    incident_id: str = typer.Argument(..., help="Incident id."),
    db: str | None = DB_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Show one incident: reports, sources, figures, grade, claims and verdicts."""
    with open_store(settings_for(db)) as store:
        inc = store.get_incident(incident_id)
    if inc is None:
        raise InputError(f"no incident {incident_id!r}; list them with `trucewatch incidents`")
    if as_json:
        print_json(incident_json(inc))
        return
    place = inc.location
    typer.echo(f"{inc.id}: {inc.event_type} / {inc.sub_event_type}")
    typer.echo(f"  when    {inc.date_start} .. {inc.date_end} ({inc.date_precision})")
    if place:
        typer.echo(
            f"  where   {place.name}, {place.admin1 or '-'}, {place.country} "
            f"({place.lat}, {place.lon}; {place.precision})"
        )
    typer.echo(
        f"  who     {inc.actor1.name if inc.actor1 else '?'} -> "
        f"{inc.actor2.name if inc.actor2 else '-'}"
    )
    typer.echo(
        f"  killed  {_range(inc.fatalities)}; civilians {_range(inc.civilian_fatalities)};"
        f" injured {_range(inc.injured)}"
    )
    typer.echo(f"  grade   {inc.grade}: {inc.grade_reason}")
    typer.echo(f"  sources {len(inc.sources)} independent")
    for src in inc.sources:
        typer.echo(f"    - {src.key}: {', '.join(src.outlets)} ({src.reason})")
    typer.echo("  reports")
    for m in inc.members:
        typer.echo(f"    - {m.source_id} [{m.outlet or '-'}] {m.reason}")
        if m.evidence:
            typer.echo(f'        "{m.evidence}"')
    if inc.claims:
        typer.echo("  claims")
        for c in inc.claims:
            typer.echo(f"    - {c.speaker or '?'} ({c.stance}, {c.channel or '-'}): {c.text}")
    for v in inc.verdicts:
        typer.echo(f"  verdict {v.agreement}: {v.verdict}{' (alleged)' if v.alleged else ''}")
        for reason in v.reasons:
            typer.echo(f"    - {reason}")
        for holder, view in v.views.items():
            typer.echo(f"    view: {holder} holds {view}")


@incidents_app.command("merge")
def merge(
    incident_ids: list[str] = typer.Argument(..., help="Two or more incident ids."),
    note: str = typer.Option("", "--note", help="Why (kept with the decision)."),
    db: str | None = DB_OPTION,
) -> None:
    """Merge incidents; the decision is kept and replayed on every later run."""
    if len(incident_ids) < 2:
        raise InputError("merge needs two or more incident ids")
    with open_store(settings_for(db)) as store:
        missing = [i for i in incident_ids if store.get_incident(i) is None]
        if missing:
            raise InputError(f"no incident {missing[0]!r}")
        store.put_decision(Decision(kind="merge", incident_ids=tuple(incident_ids), note=note))
    typer.echo(
        f"merge of {', '.join(incident_ids)} recorded; run `trucewatch assess` or "
        "`trucewatch run` to apply"
    )


@incidents_app.command("split")
def split(
    events: list[str] = typer.Argument(..., help="Event keys ARTICLE_ID:INDEX to split off."),
    note: str = typer.Option("", "--note", help="Why (kept with the decision)."),
    db: str | None = DB_OPTION,
) -> None:
    """Split event reports out of their incident; kept and replayed on every later run."""
    keys = []
    for raw in events:
        article, _, index = raw.rpartition(":")
        if not article or not index.isdigit():
            raise InputError(f"event key {raw!r} must look like ARTICLE_ID:INDEX")
        keys.append(EventKey(article_id=article, index=int(index)))
    with open_store(settings_for(db)) as store:
        store.put_decision(Decision(kind="split", keys=tuple(keys), note=note))
    typer.echo(f"split of {len(keys)} event report(s) recorded; re-run to apply")


def register(app: typer.Typer) -> None:
    app.add_typer(incidents_app, name="incidents")
