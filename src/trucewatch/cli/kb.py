"""`trucewatch kb`: look names up in the knowledge base and validate overlays."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import typer

from trucewatch.errors import ConfigError
from trucewatch.model.kb import ActorMatch, PlaceMatch
from trucewatch.resolve import KB, load_kb


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"--on {value!r} is not a date; use YYYY-MM-DD") from None


def _actor_record(kb: KB, match: ActorMatch, on: date | None) -> dict[str, Any]:
    actor = match.actor
    designations = kb.designations(actor.id, on=on or date.today())
    return {
        "type": "actor",
        "id": actor.id,
        "name": actor.name,
        "name_on_date": match.name_on_date,
        "kind": actor.kind,
        "country": actor.country,
        "acled_name": actor.acled_name,
        "parents": [a.id for a in kb.parent_chain(actor.id)[1:]],
        "designations": [
            {
                "authority": e.authority,
                "label": e.label,
                "kind": e.kind,
                "valid_from": e.valid_from.isoformat() if e.valid_from else None,
                "valid_to": e.valid_to.isoformat() if e.valid_to else None,
                "via": e.actor_id if e.actor_id != actor.id else None,
                "source": e.source,
            }
            for e in designations
        ],
        "reason": match.reason,
    }


def _place_record(match: PlaceMatch) -> dict[str, Any]:
    place = match.place
    return {
        "type": "place",
        "id": place.id,
        "name": place.name,
        "admin1": place.admin1,
        "country": place.country,
        "lat": place.lat,
        "lon": place.lon,
        "precision": place.precision,
        "reason": match.reason,
    }


def register(app: typer.Typer) -> None:
    kb_app = typer.Typer(help="Knowledge base: actors, designations, places.", no_args_is_help=True)

    @kb_app.command("lookup")
    def lookup(
        name: str = typer.Argument(..., help="Actor or place name as a report writes it."),
        on: str | None = typer.Option(
            None, "--on", help="Report date YYYY-MM-DD (names, designations)."
        ),
        country: str | None = typer.Option(
            None, "--country", help="Report's country, ISO alpha-2."
        ),
        near: str | None = typer.Option(
            None, "--near", help="Nearby places named in the report, comma-separated."
        ),
        overlay: str | None = typer.Option(
            None, "--overlay", help="Directory of your own KB YAML files."
        ),
        as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    ) -> None:
        """Print what NAME resolves to, and why."""
        when = _date(on)
        kb = load_kb(overlay)
        context = {k: v for k, v in (("country", country or ""), ("near", near or "")) if v}
        records: list[dict[str, Any]] = []
        actor = kb.resolve_actor(name, on=when, context=context)
        if isinstance(actor, ActorMatch):
            records.append(_actor_record(kb, actor, when))
        place = kb.resolve_place(name, context=context)
        if isinstance(place, PlaceMatch):
            records.append(_place_record(place))
        if not records:
            typer.echo(
                f"trucewatch: {name!r} resolves to nothing: {actor.reason}; {place.reason}",
                err=True,
            )
            raise typer.Exit(1)
        if as_json:
            typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
            return
        for rec in records:
            if rec["type"] == "actor":
                typer.echo(
                    f"actor  {rec['id']}: {rec['name_on_date']} "
                    f"({rec['kind']}, {rec['country'] or '-'})"
                )
                if rec["parents"]:
                    typer.echo(f"       parents: {' > '.join(rec['parents'])}")
                typer.echo(f"       why: {rec['reason']}")
                for d in rec["designations"]:
                    via = f" via {d['via']}" if d["via"] else ""
                    typer.echo(
                        f"       designated by {d['authority']} as {d['label']} ({d['kind']}{via}) "
                        f"from {d['valid_from'] or '?'}: {d['source']}"
                    )
            else:
                typer.echo(
                    f"place  {rec['name']}, {rec['admin1'] or '-'}, {rec['country']} "
                    f"({rec['lat']:.4f}, {rec['lon']:.4f}) precision {rec['precision']}"
                )
                typer.echo(f"       why: {rec['reason']}")

    @kb_app.command("validate")
    def validate(
        overlay: str | None = typer.Option(
            None, "--overlay", help="Directory of your own KB YAML files."
        ),
    ) -> None:
        """Validate shipped data plus an overlay; print counts or line-numbered errors."""
        kb = load_kb(overlay)
        counts = ", ".join(f"{v} {k}" for k, v in kb.counts().items())
        typer.echo(f"ok: {counts} ({len(kb.sources)} YAML files)")

    app.add_typer(kb_app, name="kb")


__all__ = ["register"]
