"""`trucewatch eval GOLD...`: score extraction against gold files and dev sets.

Formats are detected per file: TruceWatch gold JSON (like ../shared/eval/seed.gold.json),
CASE 2021 sub-type TSV, FA-KES CSV, ACLED-format CSV (`notes` as the input text).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import typer

from trucewatch.cli.common import settings_for
from trucewatch.errors import ConfigError, InputError
from trucewatch.evaluate import Tally, detect_format, run_file
from trucewatch.export.countries import COUNTRIES
from trucewatch.model import Article, Document, article_id
from trucewatch.model.record import report_record
from trucewatch.pipeline import Pipeline

COUNTRY_NAMES = {alpha2: facts[1] for alpha2, facts in COUNTRIES.items()}


def _floors(values: list[str]) -> dict[str, float]:
    floors: dict[str, float] = {}
    for item in values:
        name, sep, raw = item.partition("=")
        try:
            floors[name.strip()] = float(raw)
        except ValueError:
            raise ConfigError(
                f"--min {item!r}: expected FIELD=VALUE, e.g. event.found=0.8"
            ) from None
        if not sep:
            raise ConfigError(f"--min {item!r}: expected FIELD=VALUE, e.g. event.found=0.8")
    return floors


def _overlay_for(path: Path) -> str | None:
    """A gold file may name a knowledge-base overlay directory beside it."""
    if path.suffix != ".json":
        return None
    gold = json.loads(path.read_text(encoding="utf-8"))
    overlay = gold.get("kb_overlay")
    return str(path.parent / overlay) if overlay else None


def evaluate(
    gold: list[Path] = typer.Argument(
        ..., help="Gold files: .gold.json, CASE 2021 TSV, FA-KES CSV or ACLED CSV."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON for scripts."),
    minimum: list[str] = typer.Option(
        [], "--min", "--min-F", help="Floor FIELD=VALUE (e.g. event.found=0.9); repeatable."
    ),
    limit: int | None = typer.Option(None, "--limit", help="Score only the first N rows."),
    worst: int = typer.Option(10, "--worst", help="How many failing cases to print."),
) -> None:
    """Score extraction against gold; exit 1 when a --min floor is not met."""
    floors = _floors(minimum)
    pipelines: dict[str | None, Pipeline] = {}

    def pipeline_for(overlay: str | None) -> Pipeline:
        if overlay not in pipelines:
            pipelines[overlay] = Pipeline(settings_for(kb_overlay_dir=overlay or None))
        return pipelines[overlay]

    total = Tally()
    per_file: dict[str, dict[str, float]] = {}
    for path in gold:
        if not path.exists():
            raise InputError(f"{path}: no such gold file")
        try:
            detect_format(path)
        except ValueError as error:
            raise InputError(str(error)) from None
        pipe = pipeline_for(_overlay_for(path))

        def record(
            text: str,
            published: dt.date | None,
            source: str | None,
            pipe: Pipeline = pipe,
            path: Path = path,
        ) -> dict[str, Any]:
            doc = Document(source_id=str(path), content=text, published=published, source=source)
            try:
                return pipe.record(doc)
            except InputError:
                # Dev-set snippets are already clean text, often shorter than the extract
                # stage accepts as an article: read them as they are.
                art = Article(
                    id=article_id(text),
                    source_id=str(path),
                    text=text,
                    published=published,
                    source=source,
                )
                return report_record(art, pipe.read(art))

        tally = run_file(path, record, limit, country_names=COUNTRY_NAMES)
        per_file[str(path)] = tally.accuracy()
        total.merge(tally)
    accuracy = total.accuracy()
    below = {k: (accuracy.get(k), v) for k, v in floors.items() if accuracy.get(k, 0.0) < v}
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "fields": {
                        k: {"accuracy": accuracy[k], "right": r, "total": t}
                        for k, (r, t) in sorted(total.fields.items())
                    },
                    "files": per_file,
                    "failures": total.failures[:worst],
                    "below_floor": below,
                },
                indent=2,
                default=str,
            )
        )
    else:
        typer.echo(f"{'field':48s} {'accuracy':>8s} {'right/total':>12s}")
        for k, (r, t) in sorted(total.fields.items()):
            typer.echo(f"{k:48s} {accuracy[k]:8.3f} {f'{r}/{t}':>12s}")
        if total.failures:
            typer.echo(
                f"\nworst cases ({min(worst, len(total.failures))} of {len(total.failures)}):"
            )
            for failure in total.failures[:worst]:
                typer.echo("  " + json.dumps(failure, default=str)[:400])
        for k, (got, want) in below.items():
            typer.echo(f"below floor: {k} = {got} < {want}")
    if below:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("eval")(evaluate)


__all__ = ["evaluate", "register"]
