"""The dashboard face: server-rendered pages, vendored map assets, shared look-ups."""

from trucewatch.web.pages import MAX_MAP_POINTS, STATIC_DIR, build_router, make_templates
from trucewatch.web.queries import Catalogue

__all__ = ["MAX_MAP_POINTS", "STATIC_DIR", "Catalogue", "build_router", "make_templates"]
