"""`trucewatch serve`: the API and the dashboard over one DuckDB file (the server owns it)."""

from __future__ import annotations

import typer

from trucewatch.cli.common import DB_OPTION, open_store, settings_for


def serve(
    db: str | None = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
) -> None:
    """Serve the REST API (/api, /openapi.json) and the dashboard (/) until interrupted."""
    import uvicorn

    from trucewatch.api import create_app

    settings = settings_for(db)
    with open_store(settings) as store:
        app = create_app(settings, store)
        typer.echo(f"TruceWatch on http://{host}:{port}/ (store {settings.db_path})", err=True)
        uvicorn.run(app, host=host, port=port, log_level="info", workers=1)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


__all__ = ["register", "serve"]
