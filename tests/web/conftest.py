"""The dashboard tests share the API's fixtures: the real DuckDBStore filled with the faces
fixture incidents, the shipped knowledge base, and a test client."""

from ..api.conftest import (  # noqa: F401  (fixtures are found by name)
    client,
    fixture_incidents,
    incidents,
    kb,
    make_client,
    settings,
    store,
)
