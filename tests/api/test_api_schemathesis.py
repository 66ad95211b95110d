"""Property tests over the OpenAPI schema: no 5xx, responses match their declared schemas.

The app is built at import (schemathesis reads /openapi.json when the module loads) over a
real DuckDBStore in a temporary directory, filled with the faces fixture incidents.
"""

from __future__ import annotations

import json
import tempfile
import warnings
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from trucewatch.api import create_app
from trucewatch.config import Settings
from trucewatch.model import Incident
from trucewatch.store import DuckDBStore

pytestmark = [
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
    pytest.mark.filterwarnings("ignore::UserWarning"),  # starlette TestClient prefers httpx2
]
FIXTURE = Path(__file__).parents[1] / "fixtures" / "faces" / "incidents.json"
_DIR = tempfile.TemporaryDirectory(prefix="tw-schemathesis-")


def _app():  # type: ignore[no-untyped-def]
    store = DuckDBStore(Path(_DIR.name) / "schema.duckdb")
    rows = json.loads(FIXTURE.read_text(encoding="utf-8"))
    store.put_incidents([Incident.model_validate(r) for r in rows])
    return create_app(Settings(api_rate_per_minute=1_000_000), store)


with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case) -> None:  # type: ignore[no-untyped-def]
    case.call_and_validate(
        checks=[not_a_server_error, response_schema_conformance, status_code_conformance]
    )
