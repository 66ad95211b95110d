"""The REST API face: `create_app(settings, store)`; OpenAPI at /openapi.json."""

from trucewatch.api.app import create_app

__all__ = ["create_app"]
