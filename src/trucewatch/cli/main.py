"""Entry point of the `trucewatch` command.

Each area of the CLI lives in its own module of this package and exposes
`register(app: typer.Typer) -> None`; `build_app` finds them, so adding a command never
means editing this file.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import typer

import trucewatch.cli as cli_package
from trucewatch.errors import TrucewatchError


def build_app() -> typer.Typer:
    app = typer.Typer(
        name="trucewatch",
        help="Monitor ceasefires from open-source reporting.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )
    for info in sorted(pkgutil.iter_modules(cli_package.__path__), key=lambda m: m.name):
        if info.name in {"main", "common"}:
            continue
        module = importlib.import_module(f"{cli_package.__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(app)
    return app


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; a TrucewatchError becomes one line on stderr and its exit code."""
    app = build_app()
    try:
        app(args=argv, standalone_mode=False)
    except TrucewatchError as error:
        print(f"trucewatch: error: {error}", file=sys.stderr)
        sys.exit(error.exit_code)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except typer.Abort:
        print("trucewatch: aborted", file=sys.stderr)
        sys.exit(130)
    except Exception as error:
        # Usage errors ("No such command", a bad option value) come from click, or from the
        # copy of click that newer typer releases vendor: both carry a message and a code.
        message = getattr(error, "format_message", None)
        code = getattr(error, "exit_code", None)
        if callable(message) and isinstance(code, int):
            where = getattr(getattr(error, "ctx", None), "command_path", "trucewatch")
            print(f"trucewatch: error: {message()} (see `{where} --help`)", file=sys.stderr)
            sys.exit(code)
        raise


__all__ = ["build_app", "main"]
