"""API fixtures: the real DuckDBStore on a tmp file, filled with the faces fixture incidents."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from trucewatch.config import Settings
from trucewatch.model import Incident
from trucewatch.store import DuckDBStore

FIXTURE = Path(__file__).parents[1] / "fixtures" / "faces" / "incidents.json"


def fixture_incidents() -> list[Incident]:
    return [Incident.model_validate(d) for d in json.loads(FIXTURE.read_text(encoding="utf-8"))]


def make_client(app):  # type: ignore[no-untyped-def]
    """Starlette's TestClient warns that it prefers httpx2; the warning is not ours."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture
def incidents() -> list[Incident]:
    return fixture_incidents()


@pytest.fixture
def store(tmp_path: Path, incidents: list[Incident]):  # type: ignore[no-untyped-def]
    db = DuckDBStore(tmp_path / "api.duckdb")
    db.put_incidents(incidents)
    yield db
    db.close()


@pytest.fixture
def settings() -> Settings:
    return Settings(api_max_page_size=3, api_max_body_bytes=20_000, api_rate_per_minute=10_000)


@pytest.fixture(scope="session")
def kb():  # type: ignore[no-untyped-def]
    """The shipped knowledge base, loaded once per session."""
    from trucewatch.resolve import load_kb

    return load_kb(None)


@pytest.fixture
def client(settings: Settings, store: DuckDBStore, kb):  # type: ignore[no-untyped-def]
    from trucewatch.api import create_app

    with make_client(create_app(settings, store, kb=kb)) as c:
        yield c
