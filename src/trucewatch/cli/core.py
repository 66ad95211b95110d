"""Core commands: ingest, extract, articles, run, assess."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer

from trucewatch.cli.common import (
    DB_OPTION,
    JSON_OPTION,
    open_store,
    parse_date,
    print_json,
    progress_counter,
    settings_for,
)
from trucewatch.errors import InputError
from trucewatch.model import Document, RunReport, Skipped
from trucewatch.pipeline import Pipeline, RunSummary


def _load_agreements(refs: list[str] | None, pipeline: Pipeline) -> list[Any]:
    if not refs:
        return []
    from trucewatch.assess import load_agreement

    return [load_agreement(ref, pipeline.knowledge_base()) for ref in refs]


def _require_sources(sources: list[str]) -> None:
    """A path on the command line that does not exist is a typo, not a report to skip:
    say so before anything is stored. (Inside a folder, feed or archive, a missing or bad
    item is skipped with its reason and the rest is read.)"""
    for source in sources:
        if source == "-" or "://" in source:
            continue
        if not Path(source).exists():
            raise InputError(f"{source}: no such file or directory")


def _print_run(report: RunReport) -> None:
    skipped = sum(report.skipped.values())
    typer.echo(
        f"read {report.read}, stored {report.stored}, duplicates {report.duplicates}, "
        f"skipped {skipped}"
    )
    for reason, count in sorted(report.skipped.items()):
        typer.echo(f"  skipped {count:>4}  {reason}")


def ingest(
    sources: list[str] = typer.Argument(
        ..., help="Files, folders, -, .jsonl, .warc(.gz), feeds, URLs."
    ),
    db: str | None = DB_OPTION,
    published: str | None = typer.Option(None, "--published", help="Publication date YYYY-MM-DD."),
    source: str | None = typer.Option(None, "--source", help="Outlet name, e.g. RFE/RL."),
    fetch: bool = typer.Option(False, "--fetch", help="Allow fetching URLs (off by default)."),
    as_json: bool = JSON_OPTION,
) -> None:
    """Read reports and store each clean article exactly once."""
    _require_sources(sources)
    settings = settings_for(db, fetch_enabled=fetch or None)
    with open_store(settings) as store:
        pipeline = Pipeline(settings, store)
        bar = progress_counter("ingesting", not as_json)
        if bar is None:
            report = pipeline.ingest(
                sources,
                published=parse_date(published, "--published"),
                source_name=source,
                stdin=sys.stdin.buffer,
            )
        else:
            with bar:
                task = bar.add_task("ingest", total=None)
                report = pipeline.ingest(
                    sources,
                    published=parse_date(published, "--published"),
                    source_name=source,
                    stdin=sys.stdin.buffer,
                    progress=lambda n: bar.advance(task, n),
                )
    if as_json:
        print_json(report.model_dump(mode="json"))
    else:
        _print_run(report)


def extract(
    path: str | None = typer.Argument(None, help="A report file, or - for stdin."),
    published: str | None = typer.Option(None, "--published", help="Publication date YYYY-MM-DD."),
    source: str | None = typer.Option(None, "--source", help="Outlet name."),
    agreement: list[str] | None = typer.Option(
        None, "--agreement", help="Agreement id or YAML file; adds verdicts."
    ),
    batch: Path | None = typer.Option(None, "--batch", help="JSONL in; one record per line out."),
    workers: int | None = typer.Option(None, "--workers", help="Processes for --batch."),
    runner: str = typer.Option("local", "--runner", help="--batch runner: local or spark."),
    out: str | None = typer.Option(None, "--out", help="Output dir for --runner spark (- stdout)."),
    fmt: str = typer.Option("json", "--format", help="Output format (json)."),
) -> None:
    """Print the public record (trucewatch.report/1) of one report, or of many with --batch."""
    if fmt != "json":
        raise InputError(f"unknown --format {fmt!r}; valid: json")
    settings = settings_for()
    pipeline = Pipeline(settings)
    agreements = _load_agreements(agreement, pipeline)
    if len(agreements) > 1:
        raise InputError("extract takes one --agreement")
    chosen = agreements[0] if agreements else None
    if batch is not None and runner == "spark":
        from trucewatch.runners.spark import spark_batch, stream_batch

        if out is None:
            raise InputError("--runner spark needs --out DIR (or --out - for stdout)")
        ref = agreement[0] if agreement else None
        if out == "-":
            report = stream_batch(
                str(batch),
                sys.stdout,
                settings=settings,
                agreement_ref=ref,
                master=settings.spark_master,
            )
        else:
            report = spark_batch(
                str(batch),
                out,
                settings=settings,
                agreement_ref=ref,
                master=settings.spark_master,
            )
        typer.echo(report.summary(), err=True)
        return
    if runner != "local":
        raise InputError(f"unknown --runner {runner!r}; valid: local, spark")
    if batch is not None:
        from trucewatch.runners.local import batch_records

        if not batch.is_file():
            raise InputError(f"--batch {batch}: no such file")
        with batch.open(encoding="utf-8", errors="replace") as lines:
            for record in batch_records(
                lines,
                pipeline,
                agreement=chosen,
                workers=workers or settings.batch_workers,
                chunk_lines=settings.batch_chunk_lines,
            ):
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    if path is None:
        raise InputError("give a report path, - for stdin, or --batch FILE")
    documents = [
        d
        for d in pipeline.documents(
            [path],
            published=parse_date(published, "--published"),
            source_name=source,
            stdin=sys.stdin.buffer,
        )
    ]
    if not documents:
        raise InputError(f"{path}: no report found")
    if len(documents) > 1:
        raise InputError(
            f"{path}: holds {len(documents)} reports; use `trucewatch ingest` or --batch"
        )
    document = documents[0]
    if isinstance(document, Skipped):
        detail = f": {document.detail}" if document.detail else ""
        raise InputError(f"{path}: skipped ({document.reason}){detail}")
    assert isinstance(document, Document)
    print_json(pipeline.record(document, agreement=chosen))


def articles(
    article_id: str | None = typer.Argument(None, help="Show one article (id or id prefix)."),
    db: str | None = DB_OPTION,
    limit: int = typer.Option(50, "--limit", help="Articles to list."),
    as_json: bool = JSON_OPTION,
) -> None:
    """List stored articles, or show one."""
    settings = settings_for(db)
    with open_store(settings) as store:
        if article_id:
            article = store.get_article(article_id)
            if article is None:
                raise InputError(f"no stored article {article_id!r}")
            sources = [s.source_id for s in store.article_sources(article.id)]
            if as_json:
                print_json({**article.model_dump(mode="json"), "ingested_as": sources})
                return
            typer.echo(f"{article.title or '(untitled)'}")
            typer.echo(f"id        {article.id}")
            typer.echo(
                f"outlet    {article.source or '-'}   published {article.published or '-'}"
                f" ({article.published_from})"
            )
            typer.echo(f"credits   {', '.join(article.credits) or '-'}")
            typer.echo(f"ingested  {', '.join(sources)}")
            typer.echo("")
            typer.echo(article.text)
            return
        rows = store.list_articles(limit=limit)
        total = store.count_articles()
    if as_json:
        print_json(
            {
                "total": total,
                "items": [
                    {k: v for k, v in a.model_dump(mode="json").items() if k != "text"}
                    for a in rows
                ],
            }
        )
        return
    typer.echo(
        f"{total} articles stored" + (f" (showing {len(rows)})" if total > len(rows) else "")
    )
    for a in rows:
        title = (a.title or a.text[:60]).replace("\n", " ")
        typer.echo(
            f"{a.id[:12]}  {a.published or '----------'}  "
            f"{(a.source or '-')[:18]:<18}  {title[:70]}"
        )


def _print_summary(summary: RunSummary) -> None:
    _print_run(summary.ingest)
    typer.echo(
        f"read {summary.read_articles} articles; {summary.events} events "
        f"in {summary.incidents} incidents"
    )
    for agreement, counts in summary.verdicts.items():
        parts = ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))
        typer.echo(f"{agreement}: {parts}")


def run(
    sources: list[str] = typer.Argument(..., help="Sources to ingest (as for ingest)."),
    db: str | None = DB_OPTION,
    agreement: list[str] | None = typer.Option(None, "--agreement", help="Agreement id or file."),
    published: str | None = typer.Option(None, "--published", help="Publication date YYYY-MM-DD."),
    source: str | None = typer.Option(None, "--source", help="Outlet name."),
    fetch: bool = typer.Option(False, "--fetch", help="Allow fetching URLs."),
    as_json: bool = JSON_OPTION,
) -> None:
    """ingest -> read -> fuse -> assess, in one go, and print a summary."""
    _require_sources(sources)
    settings = settings_for(db, fetch_enabled=fetch or None)
    with open_store(settings) as store:
        pipeline = Pipeline(settings, store)
        agreements = _load_agreements(agreement, pipeline)
        pipeline.reader()  # fail early and clearly if the model is missing
        summary = pipeline.run(
            sources,
            agreements=agreements,
            published=parse_date(published, "--published"),
            source_name=source,
        )
    if as_json:
        print_json(summary.as_dict())
    else:
        _print_summary(summary)


def assess(
    agreement: list[str] = typer.Option(..., "--agreement", help="Agreement id or file."),
    db: str | None = DB_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Assess everything stored against agreements; summary by verdict, party and week."""
    from trucewatch.assess import summarise

    settings = settings_for(db)
    with open_store(settings) as store:
        pipeline = Pipeline(settings, store)
        agreements = _load_agreements(agreement, pipeline)
        incidents = pipeline.fuse_and_assess(agreements)
    summary: dict[str, Any] = summarise((v, i.date_start) for i in incidents for v in i.verdicts)
    summary["incidents"] = len(incidents)
    if as_json:
        print_json(summary)
        return
    typer.echo(
        f"{len(incidents)} incidents assessed; {summary['total']} verdicts "
        f"({summary['alleged_violations']} alleged violations)"
    )
    by_verdict = {k: v for k, v in summary["by_verdict"].items() if v}
    typer.echo("by verdict: " + ", ".join(f"{k} {v}" for k, v in by_verdict.items()))
    for title, key in (("party", "by_party"), ("week", "by_week")):
        typer.echo(f"\nby {title}:")
        for name, counts in summary[key].items():
            parts = ", ".join(f"{k} {v}" for k, v in counts.items() if v)
            typer.echo(f"  {name:<28} {parts}")


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(extract)
    app.command()(articles)
    app.command()(run)
    app.command()(assess)
